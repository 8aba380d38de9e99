"""``sphinx-awserrors lint --fix`` and ``--diff``: which findings are fixed, what else of the file
is kept (comments, quoting, key order, indentation, mode), and what is never touched."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest

from sphinx_awserrors.catalogue import safe_io
from sphinx_awserrors.checks.registry import Finding
from sphinx_awserrors.cli import main
from sphinx_awserrors.convert import fix

#: (slip, fix) pairs, each of a kind --fix handles; the descriptions below contain the slips.
SLIPS = {
    "does not  exist": "does not exist",  # doubled space
    "the the part": "the part",  # doubled word
    "an bucket": "a bucket",  # a/an
    "recieved": "received",  # one-edit misspelling
    "request.Retry": "request. Retry",  # no space after a full stop
}

YAML = """\
# Our catalogue: comments stay.
errors:
  - code: NoSuchBucket   # the usual one
    status: 404
    description: 'The specified bucket does not  exist'
  - code: InvalidPart
    description: >-
      One or more of the specified parts could not be found; the tag might not have matched
      the the part's entity tag
    status: 400
  - code: BadBucket
    status: 400
    description: "You specified an bucket that is bad"
  - code: LateRequest
    status: 400
    description: The request was recieved too late
  - code: SlowDown
    status: 503
    description: Reduce your request.Retry later
"""

TOML = """\
# Our catalogue: comments stay.
[[errors]]
code = "NoSuchBucket"  # the usual one
status = 404
description = 'The specified bucket does not  exist'

[[errors]]
code = "BadBucket"
description = "You specified an bucket that is bad"
status = 400

[[errors]]
code = "LateRequest"
status = 400
description = \"\"\"The request was recieved too late\"\"\"
"""

JSON = """\
{
    "errors": [
        {
            "code": "NoSuchBucket",
            "status": 404,
            "description": "The specified bucket does not  exist — for now"
        },
        {
            "status": 400,
            "code": "BadBucket",
            "description": "You specified an bucket that is bad"
        }
    ]
}
"""


@pytest.fixture(autouse=True)
def no_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in an empty directory: no pyproject.toml settings apply."""
    monkeypatch.chdir(tmp_path)


def write(name: str, text: str) -> Path:
    path = Path(name)
    path.write_text(text, encoding="utf-8")
    return path


def expected_fix(text: str) -> str:
    """*text* with every slip of :data:`SLIPS` it contains put right, nothing else changed."""
    for slip, right in SLIPS.items():
        text = text.replace(slip, right)
    return text


@pytest.mark.parametrize(("name", "text"), [("errors.yaml", YAML), ("errors.toml", TOML)])
def test_fix_changes_only_the_slips_keeping_comments_quoting_and_order(
    name: str, text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(name, text)
    assert main(["lint", "--fix", name]) == 0
    fixed = path.read_text(encoding="utf-8")
    assert fixed == expected_fix(text)
    captured = capsys.readouterr()
    assert captured.out == ""  # nothing left to report
    assert "sphinx-awserrors lint: note: fixed " in captured.err


def test_fix_keeps_json_indentation_and_non_ascii() -> None:
    path = write("errors.json", JSON)
    assert main(["lint", "--fix", "errors.json"]) == 0
    assert path.read_text(encoding="utf-8") == expected_fix(JSON)
    assert json.loads(path.read_text(encoding="utf-8"))["errors"][1]["code"] == "BadBucket"


def test_diff_shows_the_fixes_writes_nothing_and_exits_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = write("errors.yaml", YAML)
    assert main(["lint", "--diff", "errors.yaml"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("--- a/errors.yaml\n+++ b/errors.yaml\n")
    lines = out.splitlines()[2:]
    removed = [line[1:] for line in lines if line.startswith("-")]
    added = [line[1:] for line in lines if line.startswith("+")]
    assert len(removed) == len(added) == len(SLIPS)
    assert all(any(slip in line for line in removed) for slip in SLIPS)
    assert all(any(right in line for line in added) for right in SLIPS.values())
    assert path.read_text(encoding="utf-8") == YAML


def test_diff_with_nothing_to_fix_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    write("errors.yaml", expected_fix(YAML))
    assert main(["lint", "--diff", "errors.yaml"]) == 0
    assert capsys.readouterr().out == ""


def test_fix_reports_what_is_left_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    # a code given twice: which entry to keep is for a person to say
    text = YAML + "  - code: SlowDown\n    status: 503\n    description: Slow down, please\n"
    path = write("errors.yaml", text)
    assert main(["lint", "--fix", "--format", "json", "errors.yaml"]) == 1
    left = json.loads(capsys.readouterr().out)
    assert [f["check"] for f in left] == ["duplicate-code"]
    assert path.read_text(encoding="utf-8") == expected_fix(text)


def test_fix_keeps_the_file_mode() -> None:
    path = write("errors.yaml", YAML)
    path.chmod(0o640)
    assert main(["lint", "--fix", "errors.yaml"]) == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_fix_leaves_the_file_untouched_when_writing_fails(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("errors.yaml", YAML)

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    assert main(["lint", "--fix", "errors.yaml"]) == 2
    err = capsys.readouterr().err
    assert "sphinx-awserrors lint: error: errors.yaml: cannot write: " in err
    assert path.read_text(encoding="utf-8") == YAML
    assert sorted(p.name for p in Path().iterdir()) == ["errors.yaml"]  # no temporary file


def test_a_code_given_twice_is_fixed_in_the_entry_the_finding_names() -> None:
    text = (
        "errors:\n"
        "  - code: Twice\n    status: 400\n    description: A fine description\n"
        "  - code: Twice\n    status: 400\n    description: You specified an bucket\n"
    )
    path = write("errors.yaml", text)
    main(["lint", "--fix", "errors.yaml"])  # the duplicate code is left to fix by hand
    assert path.read_text(encoding="utf-8") == text.replace("an bucket", "a bucket")


@pytest.mark.parametrize("suffix", [".rst", ".md"])
def test_tables_are_never_fixed_in_place(suffix: str, capsys: pytest.CaptureFixture[str]) -> None:
    if suffix == ".rst":
        text = (
            "========== ====== =====================================\n"
            "Code       Status Description\n"
            "========== ====== =====================================\n"
            "BadBucket  400    You specified an bucket that is bad\n"
            "========== ====== =====================================\n"
        )
    else:
        text = (
            "| Code | Status | Description |\n|---|---|---|\n"
            "| BadBucket | 400 | You specified an bucket that is bad |\n"
        )
    path = write(f"errors{suffix}", text)
    assert main(["lint", "--fix", path.name]) == 1
    err = capsys.readouterr().err
    assert f"note: errors{suffix}: 1 fixable finding(s) left: tables in .rst/.md files are " in err
    assert "not fixed in place" in err
    assert path.read_text(encoding="utf-8") == text
    assert main(["lint", "--diff", path.name]) == 0  # nothing --fix would change
    assert capsys.readouterr().out == ""


def test_the_bundled_catalogue_is_never_fixed(monkeypatch: pytest.MonkeyPatch) -> None:
    written: list[str] = []
    monkeypatch.setattr(safe_io, "write_text", lambda target, *a, **k: written.append(target))
    main(["lint", "--fix", "bundled"])
    assert written == []


def test_a_layout_the_round_trip_would_change_is_left_alone(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # a plain scalar over two lines: ruamel.yaml would write it on one
    text = (
        "errors:\n  - code: BadBucket\n    status: 400\n"
        "    description: You specified an bucket\n      that is bad\n"
    )
    path = write("errors.yaml", text)
    assert main(["lint", "--fix", "errors.yaml"]) == 1
    err = capsys.readouterr().err
    assert "note: errors.yaml: its layout would not be kept" in err
    assert path.read_text(encoding="utf-8") == text


def test_missing_round_trip_library_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("errors.yaml", YAML)
    monkeypatch.setitem(sys.modules, "ruamel.yaml", None)
    monkeypatch.setitem(sys.modules, "ruamel", None)
    assert main(["lint", "--fix", "errors.yaml"]) == 2
    err = capsys.readouterr().err
    assert "error: fixing YAML files needs ruamel.yaml: pip install 'sphinx-awserrors[fix]'" in err
    assert path.read_text(encoding="utf-8") == YAML


def _finding(check: str, word: str | None, suggestion: str | None) -> Finding:
    return Finding("e.yaml", 3, check, "m", "Code", "description", word, suggestion)


@pytest.mark.parametrize(
    ("check", "word", "suggestion", "value", "fixed"),
    [
        ("spelling", "recieved", "received", "was recieved", "was received"),
        ("spelling", "Acess", "Access", "Acess denied", "Access denied"),
        ("grammar", "an bucket", "a bucket", "an bucket", "a bucket"),
        ("grammar", "a object", "an object", "Not a object.", "Not an object."),
        ("grammar", "the the", "the", "the the key", "the key"),
        ("punctuation", ". .", ".", "denied. .", "denied."),
        ("punctuation", "value(", "value (", "a value(default 5)", "a value (default 5)"),
        ("whitespace", None, None, " two  spaces\tand\ttabs ", "two spaces and tabs"),
    ],
)
def test_unambiguous_edits(
    check: str, word: str | None, suggestion: str | None, value: str, fixed: str
) -> None:
    edit = fix.edit_for(_finding(check, word, suggestion))
    assert edit is not None
    assert edit(value) == fixed


@pytest.mark.parametrize(
    ("check", "word", "suggestion"),
    [
        ("spelling", "bukcetname", None),  # no suggestion
        ("spelling", "recieevd", "received"),  # two edits away: not confident
        ("spelling", "Amz", "Amazon"),  # not one edit
        ("spelling", "exis", "exist or exit"),  # not one word
        ("spelling", "vgw", "RGW"),  # another case: a name, not a slip
        ("spelling", "Oject", "object"),  # another case
        ("variant-spelling", "partnumber", "part number"),  # which variant is a choice
        ("grammar", "must specified", "must be specified"),  # a rewrite, not a slip
        ("style", None, None),
        ("order", None, None),
    ],
)
def test_ambiguous_findings_are_not_fixed(
    check: str, word: str | None, suggestion: str | None
) -> None:
    assert fix.edit_for(_finding(check, word, suggestion)) is None


def test_a_word_inside_a_longer_word_is_not_replaced() -> None:
    edit = fix.edit_for(_finding("spelling", "exis", "exist"))
    assert edit is not None
    assert edit("existing exis") == "existing exist"
    assert edit("does not exis.") == "does not exist."
    assert edit("existing only") is None


@pytest.mark.parametrize("value", ["the x-vgw-owner header", "in vgw.conf", "s3/vgw/key", "my_vgw"])
def test_a_word_inside_a_name_is_not_replaced(value: str) -> None:
    edit = fix.edit_for(_finding("spelling", "vgw", "rgw"))
    assert edit is not None
    assert edit(value) is None


def test_a_read_only_file_is_not_fixed(capsys: pytest.CaptureFixture[str]) -> None:
    other = write("other.yaml", YAML.replace("NoSuchBucket", "OtherBucket"))
    path = write("errors.yaml", YAML)
    path.chmod(0o444)
    assert main(["lint", "--fix", "errors.yaml", "other.yaml"]) == 2
    assert "sphinx-awserrors lint: error: errors.yaml: is read-only; not fixed" in (
        capsys.readouterr().err
    )
    assert path.read_text(encoding="utf-8") == YAML
    assert other.read_text(encoding="utf-8") == YAML.replace("NoSuchBucket", "OtherBucket")


@pytest.mark.parametrize(
    ("value", "fixed"),
    [
        ("Use ``a  b`` as  the value", "Use ``a  b`` as the value"),  # a literal keeps them
        ("Run this::\n\n    x  =  1\n\nthen  retry", "Run this::\n\n    x  =  1\n\nthen retry"),
        ("Ends with spaces   \nnext  line  ", "Ends with spaces\nnext line"),
    ],
)
def test_whitespace_fix_keeps_literals_and_indented_lines(value: str, fixed: str) -> None:
    edit = fix.edit_for(_finding("whitespace", None, None))
    assert edit is not None
    assert edit(value) == fixed


def test_a_second_fix_changes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    path = write("errors.yaml", YAML)
    assert main(["lint", "--fix", "errors.yaml"]) == 0
    once = path.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["lint", "--diff", "errors.yaml"]) == 0
    assert capsys.readouterr().out == ""
    assert path.read_text(encoding="utf-8") == once


def test_fix_in_an_inline_toml_array() -> None:
    text = (
        "# inline tables\nerrors = [\n"
        '  { code = "BadBucket", status = 400, description = "You specified an bucket" },\n'
        "]\n"
    )
    path = write("errors.toml", text)
    assert main(["lint", "--fix", "errors.toml"]) == 0
    assert path.read_text(encoding="utf-8") == text.replace("an bucket", "a bucket")


def test_a_fix_that_would_change_another_field_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("errors.yaml", YAML)
    real = fix._Document.set_value

    def sloppy(self: fix._Document, entry: object, name: str, value: str) -> None:
        real(self, entry, name, value)
        entry["status"] = 418  # type: ignore[index]

    monkeypatch.setattr(fix._Document, "set_value", sloppy)
    assert main(["lint", "--fix", "errors.yaml"]) == 1
    assert "errors.yaml: the fixed file does not read back as it should; not fixed" in (
        capsys.readouterr().err
    )
    assert path.read_text(encoding="utf-8") == YAML


def test_an_unexpected_failure_leaves_the_file_alone(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("errors.yaml", YAML)

    def broken(self: fix._Document) -> str:
        raise RecursionError

    monkeypatch.setattr(fix._Document, "dump", broken)
    assert main(["lint", "--fix", "errors.yaml"]) == 1
    err = capsys.readouterr().err
    assert "errors.yaml: " in err
    assert "not fixed" in err
    assert "Traceback" not in err
    assert path.read_text(encoding="utf-8") == YAML
