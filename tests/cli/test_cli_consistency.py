"""What the commands share: formats from file suffixes, directories for ``lint``, one wording of
fatal errors, exit statuses in ``--help``, and the JSON Schema of ``lint --format json``."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import jsonschema
import pytest

from sphinx_awserrors.checks.registry import Finding
from sphinx_awserrors.cli import main
from sphinx_awserrors.cli.formats import FINDINGS_SCHEMA, findings_schema

PROJECT = Path(__file__).resolve().parents[2]

CATALOGUE = """errors:
  - code: AccessDenied
    status: 403
    description: Access denied
  - code: NoSuchKey
    status: 404
    description: The specified key does not exist
"""

SLIPS = """errors:
  - code: NoSuchKey
    status: 400
    description: The the key does not exist
  - code: BadThing
    status: 400
    stauts: 400
    description: You specified an bucket that is bad
"""


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in an empty directory: no pyproject.toml settings apply."""
    monkeypatch.chdir(tmp_path)


def write(name: str, text: str) -> str:
    Path(name).parent.mkdir(parents=True, exist_ok=True)
    Path(name).write_text(text, encoding="utf-8")
    return name


def stdout_of(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(argv) == 0
    return capsys.readouterr().out


# --- export: the format from the suffix --------------------------------------------------------


@pytest.mark.parametrize(
    ("suffix", "fmt"),
    [
        (".csv", "csv"),
        (".json", "json"),
        (".md", "markdown"),
        (".markdown", "markdown"),
        (".rst", "rst"),
        (".CSV", "csv"),
    ],
)
def test_export_takes_the_format_from_the_suffix(
    suffix: str, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write("errors.yaml", CATALOGUE)
    expected = stdout_of(["export", source, "--format", fmt], capsys)
    assert main(["export", source, "-o", f"out{suffix}"]) == 0
    assert Path(f"out{suffix}").read_text(encoding="utf-8") == expected


def test_export_accepts_md_for_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    source = write("errors.yaml", CATALOGUE)
    md = stdout_of(["export", source, "--format", "md"], capsys)
    assert md == stdout_of(["export", source, "--format", "markdown"], capsys)
    assert md.startswith("|")


def test_export_to_stdout_is_json_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    source = write("errors.yaml", CATALOGUE)
    data = json.loads(stdout_of(["export", source], capsys))
    assert [e["code"] for e in data["errors"]] == ["AccessDenied", "NoSuchKey"]


def test_export_format_that_contradicts_the_suffix_is_an_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = write("errors.yaml", CATALOGUE)
    assert main(["export", source, "--format", "json", "-o", "out.csv"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "sphinx-awserrors export: error: --format json but out.csv names csv; drop --format "
        "or rename the file\n"
    )
    assert not Path("out.csv").exists()


def test_export_unknown_suffix_needs_a_format(capsys: pytest.CaptureFixture[str]) -> None:
    source = write("errors.yaml", CATALOGUE)
    assert main(["export", source, "-o", "out.txt"]) == 2
    assert "error: out.txt: '.txt' names no format" in capsys.readouterr().err
    assert main(["export", source, "--format", "csv", "-o", "out.txt"]) == 0
    assert Path("out.txt").read_text(encoding="utf-8").startswith("code,")


# --- lint: directories and Markdown -----------------------------------------------------------


def test_lint_directory_reads_its_catalogue_files(capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("a.yaml", "b.yml"):
        write(f"cat/{name}", SLIPS.replace("NoSuchKey", f"NoSuchKey{name[0].upper()}"))
    entry = {"code": "Json", "status": 400, "description": "an bucket"}
    write("cat/c.json", json.dumps({"errors": [entry]}))
    write("cat/d.toml", '[[errors]]\ncode = "Toml"\nstatus = 400\ndescription = "an bucket"\n')
    write("cat/page.rst", "not a catalogue\n")
    write("cat/page.md", "not a catalogue\n")
    write("cat/pyproject.toml", "[project]\nname = 'x'\n")
    write("cat/catalogue.schema.json", "{}")
    write("cat/sub/e.yaml", "not: [read")
    assert main(["lint", "--format", "json", "cat"]) == 1
    files = {Path(f["file"]).name for f in json.loads(capsys.readouterr().out)}
    assert files == {"a.yaml", "b.yml", "c.json", "d.toml"}


def test_lint_directory_without_catalogue_files_is_an_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write("docs/errors.rst", "not read\n")
    assert main(["lint", "docs"]) == 2
    assert capsys.readouterr().err == (
        "sphinx-awserrors lint: error: docs: no catalogue file (.yaml, .yml, .toml, .json) in "
        "this directory; name .rst or .md files to lint their tables\n"
    )


@pytest.mark.parametrize("suffix", [".md", ".mdx"])
def test_lint_reads_markdown_tables_as_import_md(
    suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    page = write(
        f"errors{suffix}",
        "# Errors\n\n| Code | Status | Description |\n|---|---|---|\n"
        "| NoSuchKey | 404 | The the key does not exist |\n",
    )
    assert main(["import-md", page, "-o", "imported.yaml"]) == 0
    capsys.readouterr()
    assert main(["lint", "--format", "json", page]) == 1
    direct = [(f["check"], f["code"], f["word"]) for f in json.loads(capsys.readouterr().out)]
    assert main(["lint", "--format", "json", "imported.yaml"]) == 1
    imported = [(f["check"], f["code"], f["word"]) for f in json.loads(capsys.readouterr().out)]
    assert direct == imported == [("grammar", "NoSuchKey", "The the")]


# --- one wording of fatal errors, exit statuses in --help -------------------------------------


COMMANDS = (
    "lint",
    "import-rst",
    "import-md",
    "import-botocore",
    "export",
    "probe",
    "compat",
    "diff",
)


@pytest.mark.parametrize(
    ("command", "argv"),
    [
        ("lint", ["lint", "missing.yaml"]),
        ("lint", ["lint", "--select", "nonsense", "{catalogue}"]),
        ("lint", ["lint"]),
        ("import-rst", ["import-rst", "missing.rst"]),
        ("import-rst", ["import-rst", "{catalogue}", "-o", "out.txt"]),
        ("import-md", ["import-md", "missing.md"]),
        ("import-botocore", ["import-botocore", "s3", "-o", "out.txt"]),
        ("export", ["export", "missing.yaml"]),
        ("export", ["export", "{catalogue}", "--status", "6xx"]),
        ("export", ["export", "{catalogue}", "-o", "{catalogue}"]),
        ("export", ["export", "{catalogue}", "--format", "rst", "-o", "x.md"]),
        ("export", ["export", "{catalogue}", "--format", "yaml"]),  # argparse's own error
        ("probe", ["probe", "missing.yaml", "--dry-run"]),
        ("compat", ["compat", "missing.yaml"]),
        ("diff", ["diff", "missing.yaml", "{catalogue}"]),
    ],
)
def test_every_fatal_error_reads_alike(
    command: str, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue = write("errors.yaml", CATALOGUE)
    assert main([part.format(catalogue=catalogue) for part in argv]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err, "a fatal error says why"
    assert err[-1].startswith(f"sphinx-awserrors {command}: error: ")


@pytest.mark.parametrize("command", COMMANDS)
def test_help_lists_exit_statuses(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    section = out[out.index("exit status:") :]
    assert re.search(r"^  0  \S", section, re.MULTILINE)
    assert re.search(r"^  2  \S", section, re.MULTILINE)


@pytest.mark.parametrize(
    "page",
    [
        "cli-lint.rst",
        "cli-export.rst",
        "cli-import.rst",
        "cli-probe.rst",
        "cli-compat.rst",
        "cli-diff.rst",
    ],
)
def test_docs_pages_list_exit_statuses(page: str) -> None:
    text = (PROJECT / "docs" / page).read_text(encoding="utf-8")
    assert "Exit status" in text


# --- the JSON Schema of lint --format json -----------------------------------------------------


def test_findings_schema_is_valid_and_names_every_field() -> None:
    schema = findings_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    items = schema["items"]
    assert isinstance(items, dict)
    fields = [f.name for f in dataclasses.fields(Finding)]
    assert sorted(items["required"]) == sorted(fields)
    assert sorted(items["properties"]) == sorted(fields)
    assert str(schema["$id"]).endswith(FINDINGS_SCHEMA)


def test_lint_json_output_follows_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    source = write("errors.yaml", SLIPS)
    assert main(["lint", "--format", "json", "--select", "all", source]) == 1
    findings = json.loads(capsys.readouterr().out)
    # a check finding, one with a word and suggestion, and one of the loader
    assert {"grammar", "catalogue"} <= {f["check"] for f in findings}
    assert any(f["suggestion"] for f in findings)
    jsonschema.validate(findings, findings_schema(), cls=jsonschema.Draft202012Validator)


def test_lint_json_output_of_a_clean_file_follows_the_schema(
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = write("errors.yaml", CATALOGUE)
    assert main(["lint", "--format", "json", source]) == 0
    jsonschema.validate(json.loads(capsys.readouterr().out), findings_schema())


def test_schema_rejects_a_changed_shape() -> None:
    good = dataclasses.asdict(Finding("e.yaml", 3, "spelling", "m", "C", "description"))
    jsonschema.validate([good], findings_schema())
    for broken in ({**good, "extra": 1}, {k: v for k, v in good.items() if k != "word"}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate([broken], findings_schema())
