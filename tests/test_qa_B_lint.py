"""QA regressions of ``sphinx-awserrors lint``: what is read, and how often."""

from __future__ import annotations

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
