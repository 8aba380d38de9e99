"""The duplicate-code and duplicate-description checks, and how they name the other entry."""

from __future__ import annotations

from pathlib import Path

import pytest
from support_checks import catalogue, codes, entry, findings

from sphinx_awserrors.checks import run_checks
from sphinx_awserrors.cli import main


def test_same_code_twice_names_the_first() -> None:
    found = findings(
        "duplicate-code", catalogue(entry("NoSuchKey"), entry("AccessDenied"), entry("NoSuchKey"))
    )
    assert codes(found) == ["NoSuchKey"]
    assert found[0].line == 7
    assert "defined twice" in found[0].message
    assert "line 1" in found[0].message


def test_codes_differing_only_by_case() -> None:
    found = findings("duplicate-code", catalogue(entry("InvalidURI"), entry("InvalidUri")))
    assert codes(found) == ["InvalidUri"]
    assert "only by case from InvalidURI" in found[0].message


def test_two_statuses_across_files() -> None:
    cat = catalogue(
        entry("RequestTimeout", status=400, file="a.yaml", line=4),
        entry("RequestTimeout", status=408, file="b.yaml", line=9),
    )
    found = findings("duplicate-code", cat)
    assert len(found) == 1
    assert found[0].file == "b.yaml"
    assert found[0].field == "status"
    assert "408 here and 400 in RequestTimeout (a.yaml:4)" in found[0].message


def test_distinct_codes_are_fine() -> None:
    cat = catalogue(entry("NoSuchKey"), entry("NoSuchBucket"), entry("NoSuchUpload"))
    assert findings("duplicate-code", cat) == []


def test_bundled_file_is_never_reported() -> None:
    cat = catalogue(
        entry("NoSuchKey", file="bundled.yaml", line=1),
        entry("NoSuchKey", file="bundled.yaml", line=5),
    )
    assert run_checks(cat, select=["duplicate-code"], skip_files=["bundled.yaml"]) == []


def test_same_description_on_two_codes() -> None:
    cat = catalogue(
        entry("ServiceUnavailable", "Reduce your request rate."),
        entry("SlowDown", "Reduce  your request rate"),
    )
    found = findings("duplicate-description", cat)
    assert codes(found) == ["SlowDown"]
    assert "ServiceUnavailable (line 1)" in found[0].message


def test_different_descriptions_and_repeated_code_are_not_duplicate_descriptions() -> None:
    cat = catalogue(
        entry("NoSuchKey", "The specified key does not exist"),
        entry("NoSuchBucket", "The specified bucket does not exist"),
        entry("NoSuchKey", "The specified key does not exist"),  # duplicate-code's finding
    )
    assert findings("duplicate-description", cat) == []


def test_duplicate_description_compares_within_one_file() -> None:
    cat = catalogue(
        entry("AccessDenied", "Access denied", file="a.yaml", line=1),
        entry("Forbidden", "Access denied", file="b.yaml", line=1),
    )
    assert findings("duplicate-description", cat) == []


def test_entry_ignore_list_silences() -> None:
    cat = catalogue(
        entry("MalformedACLError", "The XML is not well-formed"),
        entry("MalformedXML", "The XML is not well-formed", ignore=("duplicate-description",)),
    )
    assert findings("duplicate-description", cat) == []


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
