"""QA regressions of ``sphinx-awserrors lint``: what is read, and how often."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sphinx_awserrors.catalogue import bundled_path
from sphinx_awserrors.cli import main

PROJECT = """errors:
  - code: NoSuchKey
    status: 404
    description: The object key does not exist in this project
"""


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("errors.yaml").write_text(PROJECT, encoding="utf-8")


@pytest.mark.parametrize("order", [["bundled", "errors.yaml"], ["errors.yaml", "bundled"]])
def test_project_entry_replaces_the_bundled_one(
    order: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # the bundled catalogue has NoSuchKey too: in a build the project's entry replaces it
    assert "code: NoSuchKey\n" in bundled_path().read_text(encoding="utf-8")
    assert main(["lint", "--select", "duplicate-code", *order]) == 0
    assert capsys.readouterr().out == ""


def test_two_project_files_with_one_code_are_still_a_duplicate(
    capsys: pytest.CaptureFixture[str],
) -> None:
    Path("more.yaml").write_text(PROJECT, encoding="utf-8")
    assert main(["lint", "--select", "duplicate-code", "bundled", "errors.yaml", "more.yaml"]) == 1
    assert capsys.readouterr().out == (
        "more.yaml:2: duplicate-code: NoSuchKey is defined twice (also NoSuchKey "
        "(errors.yaml:2)); remove one entry\n"
    )


def test_a_file_named_twice_is_read_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = ["errors.yaml", "./errors.yaml", str(tmp_path / "errors.yaml")]
    assert main(["lint", *names]) == 0
    assert capsys.readouterr().out == ""


def test_bundled_named_by_its_path_and_by_name_is_read_once(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["lint", "--select", "duplicate-code", "bundled", str(bundled_path())]) == 0
    assert capsys.readouterr().out == ""


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


def test_select_of_the_loader_findings_alone_is_allowed(capsys: pytest.CaptureFixture[str]) -> None:
    Path("slips.yaml").write_text(
        "errors:\n  - code: NoSuchKey\n    status: 400\n    description: The the key\n",
        encoding="utf-8",
    )
    assert main(["lint", "--select", "catalogue", "slips.yaml"]) == 0
    assert capsys.readouterr().out == ""
