"""``sphinx-awserrors lint``: inputs, settings, output formats, exit statuses, and what is read
how often."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sphinx_awserrors.catalogue import bundled_path
from sphinx_awserrors.checks import reference_status as reference
from sphinx_awserrors.cli import main

CLEAN = """errors:
  - code: AccessDenied
    status: 403
    description: Access denied
  - code: NoSuchKey
    status: 404
    description: The specified key does not exist
"""

SLIPS = """errors:
  - code: AccessDenied
    status: 403
    description: Access denied
  - code: NoSuchKey
    status: 400
    description: The the key does not exist
"""


@pytest.fixture(autouse=True)
def no_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in an empty directory: no pyproject.toml settings apply unless a test writes one."""
    monkeypatch.chdir(tmp_path)


def write(name: str, text: str) -> str:
    Path(name).write_text(text, encoding="utf-8")
    return name


def test_clean_file_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", write("errors.yaml", CLEAN)]) == 0
    assert capsys.readouterr().out == ""


def test_findings_exit_1_in_compiler_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", write("errors.yaml", SLIPS)]) == 1
    lines = capsys.readouterr().out.splitlines()
    # sorted by line: the status (line 6) before the description (line 7)
    assert lines[0].startswith("errors.yaml:6: status: ")
    assert lines[1] == 'errors.yaml:7: grammar: NoSuchKey: "The the": doubled word'


def test_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--format", "json", write("errors.yaml", SLIPS)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [d["check"] for d in data] == ["status", "grammar"]
    grammar = data[1]
    assert set(grammar) >= {
        "check",
        "file",
        "code",
        "field",
        "line",
        "message",
        "word",
        "suggestion",
    }
    assert grammar["code"] == "NoSuchKey"
    assert grammar["field"] == "description"
    assert grammar["word"] == "The the"
    assert grammar["suggestion"] == "The"


def test_json_format_clean_is_an_empty_array(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--format", "json", write("errors.yaml", CLEAN)]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_github_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--format", "github", write("errors.yaml", SLIPS)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == (
        "::warning file=errors.yaml,line=7,title=awserrors grammar::"
        'NoSuchKey: "The the": doubled word'
    )


def test_select_and_ignore(capsys: pytest.CaptureFixture[str]) -> None:
    name = write("errors.yaml", SLIPS)
    assert main(["lint", "--select", "grammar", name]) == 1
    assert "status" not in capsys.readouterr().out
    assert main(["lint", "--ignore", "grammar,status", name]) == 0
    assert main(["lint", "--select", "status,grammar", "--ignore", "status", name]) == 1
    assert ": status:" not in capsys.readouterr().out


def test_unknown_check_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--select", "spelin", write("errors.yaml", CLEAN)]) == 2
    err = capsys.readouterr().err
    assert "unknown check 'spelin'" in err
    assert "Traceback" not in err


def test_missing_and_unparsable_files_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "missing.yaml"]) == 2
    assert "missing.yaml: catalogue file not found" in capsys.readouterr().err
    assert main(["lint", write("bad.yaml", "errors: [\n")]) == 2
    assert "bad.yaml" in capsys.readouterr().err


def test_other_files_are_still_linted_when_one_is_unreadable(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["lint", "missing.yaml", write("errors.yaml", SLIPS)]) == 2
    captured = capsys.readouterr()
    assert "errors.yaml:7: grammar" in captured.out
    assert "missing.yaml" in captured.err


def test_loader_problems_are_catalogue_findings(capsys: pytest.CaptureFixture[str]) -> None:
    text = CLEAN + "  - code: NoStatus\n    description: Missing its status\n"
    assert main(["lint", write("errors.yaml", text)]) == 1
    out = capsys.readouterr().out
    assert "errors.yaml:8: catalogue: " in out
    assert main(["lint", "--ignore", "catalogue", "errors.yaml"]) == 0


def test_list_checks(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--list-checks", "unused"]) == 0
    out = capsys.readouterr().out
    for name in ("duplicate-code", "grammar", "order", "status", "style", "whitespace"):
        assert f"\n{name} " in f"\n{out}"


def test_pyproject_settings_apply(capsys: pytest.CaptureFixture[str]) -> None:
    write("pyproject.toml", '[tool.sphinx-awserrors]\nignore = ["status"]\n')
    assert main(["lint", write("errors.yaml", SLIPS)]) == 1
    assert ": status:" not in capsys.readouterr().out


def test_explicit_config(capsys: pytest.CaptureFixture[str]) -> None:
    Path("conf").mkdir()
    write("conf/pyproject.toml", '[tool.sphinx-awserrors]\nselect = ["status"]\n')
    assert main(["lint", "--config", "conf/pyproject.toml", write("errors.yaml", SLIPS)]) == 1
    assert ": grammar:" not in capsys.readouterr().out


def test_bad_settings_are_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    write("pyproject.toml", '[tool.sphinx-awserrors]\nselekt = ["status"]\n')
    assert main(["lint", write("errors.yaml", CLEAN)]) == 2
    assert "selekt" in capsys.readouterr().err


GRID = """Errors
======

+----------------+----------------------------------+--------+
| Error Code     | Description                      | Status |
+================+==================================+========+
| AccessDenied   | Access denied                    | 403    |
+----------------+----------------------------------+--------+
| NoSuchKey      | The specified key must specified | 404    |
+----------------+----------------------------------+--------+
"""


def test_legacy_rst_table_is_linted_in_place(capsys: pytest.CaptureFixture[str]) -> None:
    name = write("errors.rst", GRID.replace("| 403    |", "| 403    | "))
    assert main(["lint", name]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "errors.rst:7: whitespace: trailing whitespace at the end of the line; remove it",
        'errors.rst:9: grammar: NoSuchKey: "must specified": a past participle cannot follow '
        'a modal verb directly; write "must be specified"',
    ]


STATUS_FIRST = """Statuses
========

+--------+-----------------+
| Status | Code            |
+========+=================+
| 100    | Continue        |
+--------+-----------------+
| 206    | Partial content |
+--------+-----------------+
| 400    | RequestTimeout  |
+--------+-----------------+
| 404    | NoSuchKey       |
+--------+-----------------+
| 408    | RequestTimeout  |
+--------+-----------------+
| 409    | Some Conflict   |
+--------+-----------------+
"""


def test_table_without_descriptions_still_checks_codes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["lint", write("statuses.rst", STATUS_FIRST)]) == 1
    lines = capsys.readouterr().out.splitlines()
    table = 'table 1 "Statuses" (line 4)'  # the page's one section is its title
    # every row left out is reported with its line and why, as import-rst reports it
    assert lines == [
        f"statuses.rst:7: catalogue: {table}, row 'Continue': status 100 is an informational "
        "status, not an error; row left out",
        f"statuses.rst:9: catalogue: {table}, row 'Partial content': status 206 is a success "
        "status, not an error; row left out",
        "statuses.rst:15: duplicate-code: RequestTimeout is given status 408 here and 400 in "
        "RequestTimeout (line 11); keep one entry with the right status",
        f"statuses.rst:17: catalogue: {table}, row 'Some Conflict': 'Some Conflict' is not an "
        "error code (one word, no spaces); row left out",
    ]


def test_markdown_table_without_descriptions_reports_skipped_rows(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = "| Status | Code |\n|---|---|\n| 204 | NoContent |\n| 404 | NoSuchKey |\n"
    assert main(["lint", "--format", "json", write("statuses.md", text)]) == 1
    (found,) = json.loads(capsys.readouterr().out)
    assert (found["check"], found["line"]) == ("catalogue", 3)
    assert "status 204 is a success status" in found["message"]


TWO_TABLES = """Errors
======

{first}

Internal errors
===============

{second}
"""


def _simple_table(codes: list[str]) -> str:
    rule = "=" * 24 + "  ======  " + "=" * 24
    rows = [f"{code:<24}  400     The request failed here" for code in codes]
    return "\n".join([rule, f"{'Code':<24}  Status  Description", rule, *rows, rule])


SORTED_CODES = [
    "AccessDenied",
    "BadDigest",
    "EntityTooLarge",
    "EntityTooSmall",
    "ExpiredToken",
    "InvalidArgument",
    "InvalidURI",
    "MalformedXML",
    "NoSuchBucket",
    "NoSuchKey",
    "NotModified",
    "SlowDown",
]


def test_order_judges_each_table_of_a_legacy_file(capsys: pytest.CaptureFixture[str]) -> None:
    first = SORTED_CODES.copy()
    first[2], first[3] = first[3], first[2]  # EntityTooSmall before EntityTooLarge
    # a second table in an order of its own: judged alone, it does not hide the first's slip
    second = ["ZoneMissing", "AlphaFailed", "NodeDown", "BetaFailed", "QueueFull", "CacheMiss"]
    second += ["YieldLost", "DiskFull", "XferAborted", "EventLost"]
    text = TWO_TABLES.format(first=_simple_table(first), second=_simple_table(second))
    assert main(["lint", "--select", "order", write("errors.rst", text)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "errors.rst:9: order: EntityTooSmall is out of alphabetical order; move it after "
        "EntityTooLarge (line 10)"
    ]


def test_order_judges_a_catalogue_file_as_one_sequence(
    capsys: pytest.CaptureFixture[str],
) -> None:
    first = SORTED_CODES.copy()
    first[2], first[3] = first[3], first[2]
    second = ["ZoneMissing", "AlphaFailed", "NodeDown", "BetaFailed", "QueueFull", "CacheMiss"]
    items = [
        f"  - code: {code}\n    status: 400\n    description: The request failed here\n"
        for code in first + second
    ]
    # the same codes in one list: too far from sorted to report a few entries
    assert (
        main(["lint", "--select", "order", write("errors.yaml", "errors:\n" + "".join(items))]) == 0
    )


def test_rst_without_a_table_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", write("prose.rst", "Title\n=====\n\nNo table.\n")]) == 2
    assert "no error table found" in capsys.readouterr().err


def test_markdown_table(capsys: pytest.CaptureFixture[str]) -> None:
    text = "| Code | Status | Description |\n|---|---|---|\n| NoSuchKey | 400 | No key |\n"
    assert main(["lint", write("errors.md", text)]) == 1
    assert "errors.md:3: status: NoSuchKey has status 400" in capsys.readouterr().out


def test_bundled_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--select", "status,order,grammar", "bundled"]) == 0
    assert capsys.readouterr().out == ""


def test_reference_botocore(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    statuses = {"InvalidInput": {400: {"iam", "route53"}}, "AccessDenied": {403: {"s3"}}}
    monkeypatch.setattr(reference, "botocore_statuses", lambda: statuses)
    text = CLEAN + "  - code: InvalidInput\n    status: 404\n    description: Bad input\n"
    name = write("errors.yaml", text)
    assert main(["lint", "--reference", "botocore", name]) == 1
    out = capsys.readouterr().out
    assert (
        "InvalidInput has status 404, but botocore's service models give 400 (iam, route53)" in out
    )
    # silenced like the status check
    assert main(["lint", "--reference", "botocore", "--ignore", "status", name]) == 0


def test_reference_botocore_missing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def unavailable() -> reference.Statuses:
        raise reference.ReferenceUnavailable("--reference botocore needs the botocore package")

    monkeypatch.setattr(reference, "botocore_statuses", unavailable)
    assert main(["lint", "--reference", "botocore", write("errors.yaml", CLEAN)]) == 2
    assert "needs the botocore package" in capsys.readouterr().err


@pytest.mark.slow
def test_reference_botocore_real(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("botocore")
    text = "errors:\n  - code: NoSuchBucket\n    status: 404\n    description: No bucket\n"
    assert main(["lint", "--reference", "botocore", write("errors.yaml", text)]) == 0


def test_list_checks_needs_no_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--list-checks"]) == 0
    out = capsys.readouterr().out
    assert "spelling" in out and "duplicate-code" in out


def test_spelling_words_are_comma_separated_and_repeatable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue = tmp_path / "errors.yaml"
    catalogue.write_text(
        "errors:\n"
        "  - code: NoSuchFrob\n    status: 404\n    description: The frobnicator is in Zorkland\n"
    )
    assert main(["lint", str(catalogue), "--select", "spelling"]) == 1
    capsys.readouterr()
    args = ["--spelling-words", "frobnicator,Zorkland", "--select", "spelling"]
    assert main(["lint", *args, str(catalogue)]) == 0
    args = ["--spelling-words", "frobnicator", "--spelling-words", "Zorkland"]
    assert main(["lint", str(catalogue), *args, "--select", "spelling"]) == 0
    assert main(["lint"]) == 2


def test_unknown_name_in_an_ignore_list_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue = tmp_path / "errors.yaml"
    catalogue.write_text(
        "errors:\n"
        "  - code: NoSuchFrob\n    status: 404\n    description: The frob is missing\n"
        "    ignore: [staus]\n"
    )
    assert main(["lint", str(catalogue)]) == 1
    out = capsys.readouterr().out
    assert out == (
        f"{catalogue}:5: catalogue: NoSuchFrob: 'ignore' names 'staus', which is not a check; "
        "did you mean 'status'?\n"
    )
    assert main(["lint", "--ignore", "catalogue", str(catalogue)]) == 0


def test_lint_honours_the_ignore_of_the_first_duplicate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("errors.yaml").write_text(
        "errors:\n"
        "  - code: NoSuchKey\n"
        "    status: 400\n"
        "    description: The key does not exist\n"
        "    ignore: [status]\n"
        "  - code: NoSuchKey\n"
        "    status: 404\n"
        "    description: The key is not there\n"
        "    ignore: [duplicate-code]\n",
        encoding="utf-8",
    )
    assert main(["lint", "errors.yaml"]) == 0, capsys.readouterr().out


PROJECT = """errors:
  - code: NoSuchKey
    status: 404
    description: The object key does not exist in this project
"""


@pytest.fixture
def project_errors_yaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in an empty directory holding a project's ``errors.yaml`` (:data:`PROJECT`)."""
    monkeypatch.chdir(tmp_path)
    Path("errors.yaml").write_text(PROJECT, encoding="utf-8")


@pytest.mark.usefixtures("project_errors_yaml")
@pytest.mark.parametrize("order", [["bundled", "errors.yaml"], ["errors.yaml", "bundled"]])
def test_project_entry_replaces_the_bundled_one(
    order: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # the bundled catalogue has NoSuchKey too: in a build the project's entry replaces it
    assert "code: NoSuchKey\n" in bundled_path().read_text(encoding="utf-8")
    assert main(["lint", "--select", "duplicate-code", *order]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.usefixtures("project_errors_yaml")
def test_two_project_files_with_one_code_are_still_a_duplicate(
    capsys: pytest.CaptureFixture[str],
) -> None:
    Path("more.yaml").write_text(PROJECT, encoding="utf-8")
    assert main(["lint", "--select", "duplicate-code", "bundled", "errors.yaml", "more.yaml"]) == 1
    assert capsys.readouterr().out == (
        "more.yaml:2: duplicate-code: NoSuchKey is defined twice (also NoSuchKey "
        "(errors.yaml:2)); remove one entry\n"
    )


@pytest.mark.usefixtures("project_errors_yaml")
def test_a_file_named_twice_is_read_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = ["errors.yaml", "./errors.yaml", str(tmp_path / "errors.yaml")]
    assert main(["lint", *names]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.usefixtures("project_errors_yaml")
def test_bundled_named_by_its_path_and_by_name_is_read_once(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["lint", "--select", "duplicate-code", "bundled", str(bundled_path())]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.usefixtures("project_errors_yaml")
def test_json_gives_the_entry_and_field_of_a_loader_finding(
    capsys: pytest.CaptureFixture[str],
) -> None:
    Path("bad.yaml").write_text(
        "errors:\n"
        "  - code: SlowDown\n"
        "    status: '503'\n"
        "    description: Reduce your request rate\n"
        "  - code: NoSuchKey\n"
        "    status: 404\n"
        "    description: The key does not exist\n"
        "    owner: me\n"
        "  - status: 404\n"
        "    description: The bucket does not exist\n"
        "erors: 1\n",
        encoding="utf-8",
    )
    assert main(["lint", "--format", "json", "bad.yaml"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [(d["line"], d["check"], d["code"], d["field"]) for d in data] == [
        (3, "catalogue", "SlowDown", "status"),  # an entry's field
        (8, "catalogue", "NoSuchKey", None),  # an entry's unknown key
        (9, "catalogue", None, "code"),  # an entry without a code
        (11, "catalogue", None, None),  # the file itself
    ]


@pytest.mark.usefixtures("project_errors_yaml")
@pytest.mark.parametrize("value", ["", ",", " , "])
def test_empty_select_is_a_usage_error_not_a_clean_run(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("slips.yaml").write_text(
        "errors:\n  - code: NoSuchKey\n    status: 400\n    description: The the key\n",
        encoding="utf-8",
    )
    assert main(["lint", "--select", value, "slips.yaml"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "sphinx-awserrors lint: error: --select names no check; "
        "name at least one (see --list-checks)\n"
    )


@pytest.mark.usefixtures("project_errors_yaml")
def test_select_of_the_loader_findings_alone_is_allowed(capsys: pytest.CaptureFixture[str]) -> None:
    Path("slips.yaml").write_text(
        "errors:\n  - code: NoSuchKey\n    status: 400\n    description: The the key\n",
        encoding="utf-8",
    )
    assert main(["lint", "--select", "catalogue", "slips.yaml"]) == 0
    assert capsys.readouterr().out == ""
