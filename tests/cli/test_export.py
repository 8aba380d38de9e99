"""``sphinx-awserrors export``: formats, status filters, outputs, errors and the docs' examples."""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING

import pytest
import yaml
from support_export import ENTRIES, needs_bundled
from support_paths import PROJECT

from sphinx_awserrors.catalogue import Catalogue, ErrorEntry, load_file
from sphinx_awserrors.cli import main
from sphinx_awserrors.convert.writers import to_csv, to_json, to_markdown, to_rst

if TYPE_CHECKING:
    from pathlib import Path


def write_yaml(path: Path, entries: tuple[ErrorEntry, ...]) -> Path:
    data = {
        "errors": [
            {
                "code": entry.code,
                "status": entry.status,
                "description": entry.description,
                **({"tags": list(entry.tags)} if entry.tags else {}),
                **({"see_also": list(entry.see_also)} if entry.see_also else {}),
            }
            for entry in entries
        ]
    }
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def catalogue_file(tmp_path: Path) -> Path:
    return write_yaml(tmp_path / "errors.yaml", ENTRIES)


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "rst"])
def test_cli_stdout_matches_function(
    catalogue_file: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(catalogue_file), "--format", fmt]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    entries, problems = load_file(catalogue_file)
    assert problems == []
    expected = {"json": to_json, "csv": to_csv, "markdown": to_markdown, "rst": to_rst}[fmt]
    assert out == expected(Catalogue(tuple(entries)))


def test_cli_default_json_with_status_filter_and_output(
    catalogue_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "out.json"
    assert main(["export", str(catalogue_file), "--status", "4xx,!400", "-o", str(out_file)]) == 0
    assert capsys.readouterr() == ("", "")
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert [error["code"] for error in data["errors"]] == [
        "AccessDenied",
        "BucketAlreadyOwnedByYou",
        "NoSuchKey",
        "NonStandard",
    ]


def test_cli_filter_matching_nothing_warns(
    catalogue_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(catalogue_file), "--status", "3xx"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == {"errors": []}
    assert err == (
        f"sphinx-awserrors export: warning: --status 3xx matches no entry of {catalogue_file}\n"
    )


def test_cli_csv_file_has_lf_line_ends(catalogue_file: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "out.csv"
    assert main(["export", str(catalogue_file), "--format", "csv", "-o", str(out_file)]) == 0
    raw = out_file.read_bytes()
    assert b"\r\n" not in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert rows[1][:2] == ["AccessDenied", "403"]


def _error_line(capsys: pytest.CaptureFixture[str]) -> str:
    out, err = capsys.readouterr()
    assert out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    return lines[0]


def test_cli_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.yaml"
    assert main(["export", str(missing)]) == 2
    line = _error_line(capsys)
    assert str(missing) in line
    assert "not found" in line


def test_cli_malformed_catalogue(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "errors:\n"
        "  - code: NoSuchKey\n"
        "    status: 404\n"
        "    description: The key does not exist\n"
        "  - code: Bad\n"
        "    stauts: 404\n"
        "    description: Misspelt key\n",
        encoding="utf-8",
    )
    assert main(["export", str(bad), "--format", "csv"]) == 2
    line = _error_line(capsys)
    assert line.startswith(f"sphinx-awserrors export: error: {bad}:6: ")
    assert "stauts" in line


def test_cli_syntax_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"errors": [\n  {"code": "A",, }\n]}\n', encoding="utf-8")
    assert main(["export", str(bad)]) == 2
    assert str(bad) in _error_line(capsys)


def test_cli_bad_status_filter(catalogue_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(catalogue_file), "--status", "4xx,4x"]) == 2
    line = _error_line(capsys)
    assert "--status" in line
    assert "'4x'" in line


def test_cli_bad_status_filter_before_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(tmp_path / "missing.yaml"), "--status", "abc"]) == 2
    assert "'abc'" in _error_line(capsys)


def test_cli_unwritable_output(
    catalogue_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no" / "such" / "dir.json"
    assert main(["export", str(catalogue_file), "-o", str(target)]) == 2
    line = _error_line(capsys)
    assert str(target) in line
    assert "cannot write" in line


def test_cli_bad_format(catalogue_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(catalogue_file), "--format", "xml"]) == 2
    assert "invalid choice" in capsys.readouterr().err


def test_cli_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--help"]) == 0
    out = capsys.readouterr().out
    for word in ("--format", "--status", "--output", "bundled"):
        assert word in out


@needs_bundled
def test_cli_bundled(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "bundled", "--status", "5xx"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["errors"]
    assert all(500 <= error["status"] <= 599 for error in data["errors"])


# --- the examples in the documentation ------------------------------------------------------

DOCS_EXAMPLES = PROJECT / "docs" / "_includes" / "export"


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("json", "errors.json"),
        ("csv", "errors.csv"),
        ("markdown", "errors.md"),
        ("rst", "errors.rst"),
    ],
)
def test_docs_examples_are_current(fmt: str, name: str, tmp_path: Path) -> None:
    out = tmp_path / name
    assert (
        main(["export", str(DOCS_EXAMPLES / "errors.yaml"), "--format", fmt, "-o", str(out)]) == 0
    )
    assert out.read_bytes() == (DOCS_EXAMPLES / name).read_bytes()


def test_docs_status_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(DOCS_EXAMPLES / "errors.yaml"), "--status", "4xx,!404"]) == 0
    codes = [error["code"] for error in json.loads(capsys.readouterr().out)["errors"]]
    assert codes == ["AccessDenied", "InvalidArgument"]
