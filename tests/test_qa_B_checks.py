"""QA regressions of the checks and of how they are silenced."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from _checks_support import catalogue, entry

from sphinx_awserrors.checks import run_checks
from sphinx_awserrors.cli import main

if TYPE_CHECKING:
    import pytest

# --- an entry's ignore: list when its code is given twice -----------------------------------


def test_ignore_of_the_first_of_two_entries_with_one_code() -> None:
    cat = catalogue(
        entry("NoSuchKey", "The key does not exist", status=400, ignore=("status",)),
        entry("NoSuchKey", "The object does not exist", status=404),
    )
    found = run_checks(cat, select=["status", "duplicate-code"])
    # the first entry silences its status; the second is still a duplicate
    assert [(f.check, f.line) for f in found] == [("duplicate-code", 4)]


def test_ignore_of_the_second_entry_does_not_silence_the_first() -> None:
    cat = catalogue(
        entry("NoSuchKey", "The the key does not exist", status=404),
        entry("NoSuchKey", "The the object does not exist", status=404, ignore=("grammar",)),
        entry("NoSuchKey", "The the blob does not exist", status=404),
    )
    found = run_checks(cat, select=["grammar"])
    assert [(f.check, f.line) for f in found] == [("grammar", 1), ("grammar", 7)]


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
