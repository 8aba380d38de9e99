"""QA regressions (helper F) of the checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from _checks_support import catalogue, codes, described, entry, findings

from sphinx_awserrors.cli import main

# --- status: an entry silenced with ignore: [status] has no vote -----------------------------


def test_silenced_departure_does_not_hide_another() -> None:
    cat = catalogue(
        entry("NoSuchKey", status=400, ignore=("status",)),
        entry("NoSuchKey2", status=410),
    )
    assert codes(findings("status", cat)) == ["NoSuchKey2"]


def test_file_that_departs_without_silencing_still_documents_such_an_api() -> None:
    cat = catalogue(
        entry("ListenerNotFound", status=400),
        entry("RuleNotFound", status=400),
        entry("PolicyNotFound", status=400, ignore=("status",)),
    )
    assert findings("status", cat) == []


# --- spelling: words joined by a backslash-escaped space are one rendered word ---------------


def test_escaped_space_joins_the_rendered_word() -> None:
    cat = described(
        r"The *emph*\ asis is on the key",
        r"The **strong**\ ly worded key and un\ known things",
        r"The key is at C:\\ drive",
    )
    assert findings("spelling", cat) == []


def test_slip_in_a_word_joined_by_an_escaped_space_is_the_whole_word() -> None:
    found = findings("spelling", described(r"The *emph*\ asiss is on the key"))
    assert [(f.word, f.suggestion) for f in found] == [("emphasiss", "emphasis")]


# --- a message names another file in the style of the file it is attached to ---------------


@pytest.mark.parametrize("absolute_first", [True, False])
def test_duplicate_names_the_other_file_as_its_own_is_named(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    absolute_first: bool,
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("src").mkdir()
    entry_text = "  - code: NoSuchKey\n    status: 404\n    description: The key is gone\n"
    Path("src/e1.yaml").write_text("errors:\n" + entry_text, encoding="utf-8")
    Path("src/e2.yaml").write_text("errors:\n" + entry_text, encoding="utf-8")
    first = str(tmp_path.resolve() / "src/e1.yaml") if absolute_first else "src/e1.yaml"
    second = "src/e2.yaml" if absolute_first else str(tmp_path.resolve() / "src/e2.yaml")
    assert main(["lint", "--select", "duplicate-code", first, second]) == 1
    out = capsys.readouterr().out
    expected_other = "src/e1.yaml" if absolute_first else str(tmp_path.resolve() / "src/e1.yaml")
    assert out == (
        f"{second}:2: duplicate-code: NoSuchKey is defined twice "
        f"(also NoSuchKey ({expected_other}:2)); remove one entry\n"
    )


def test_other_file_in_the_same_style_is_left_as_written() -> None:
    cat = catalogue(
        entry("NoSuchKey", file="a/errors.yaml", line=2),
        entry("NoSuchKey", file="b/errors.yaml", line=2),
        entry("NoSuchKey", file="<stdin>", line=2),
    )
    assert [f.message for f in findings("duplicate-code", cat)] == [
        "NoSuchKey is defined twice (also NoSuchKey (a/errors.yaml:2)); remove one entry",
        "NoSuchKey is defined twice (also NoSuchKey (a/errors.yaml:2)); remove one entry",
    ]
