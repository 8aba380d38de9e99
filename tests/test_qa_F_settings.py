"""QA regressions (helper F): ``catalogue`` in ``select`` / ``ignore``, wherever it is given."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from sphinx_awserrors.checks import select_checks
from sphinx_awserrors.checks.settings import load_settings
from sphinx_awserrors.cli import main

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

# an entry the loader leaves out (no status), and a spelling slip in a good one
ERRORS = (
    "errors:\n"
    "  - code: NoStatus\n"
    "    description: The request is not valid\n"
    "  - code: NoSuchKey\n"
    "    status: 404\n"
    "    description: The key does not exsit\n"
)


def _project(tmp_path: Path, table: str) -> None:
    (tmp_path / "pyproject.toml").write_text(
        f"[tool.sphinx-awserrors]\n{table}\n", encoding="utf-8"
    )
    (tmp_path / "errors.yaml").write_text(ERRORS, encoding="utf-8")


def test_pyproject_ignore_catalogue_is_lint_ignore_catalogue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    _project(tmp_path, 'ignore = ["catalogue"]')
    assert load_settings(tmp_path).ignore == ("catalogue",)
    assert main(["lint", "--format", "json", "errors.yaml"]) == 1
    captured = capsys.readouterr()
    assert captured.err == ""
    assert '"check": "catalogue"' not in captured.out
    assert '"check": "spelling"' in captured.out
    # the same as on the command line
    (tmp_path / "pyproject.toml").unlink()
    assert main(["lint", "--format", "json", "--ignore", "catalogue", "errors.yaml"]) == 1
    assert '"check": "catalogue"' not in capsys.readouterr().out


def test_pyproject_select_catalogue_runs_no_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    _project(tmp_path, 'select = ["catalogue"]')
    assert main(["lint", "errors.yaml"]) == 1
    out = capsys.readouterr().out
    assert "errors.yaml:2: catalogue:" in out
    assert "spelling" not in out


def test_misspelt_catalogue_is_still_unknown(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown check 'catalog'; did you mean 'catalogue'"):
        select_checks(ignore=["catalog"])
    assert [c.name for c in select_checks(["catalogue", "status"])] == ["status"]


def test_build_accepts_catalogue_in_pyproject_and_awserrors_checks(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    _project(tmp_path, 'ignore = ["catalogue"]')
    (tmp_path / "conf.py").write_text(
        'extensions = ["sphinx_awserrors"]\nawserrors_catalogue = "errors.yaml"\n'
        'awserrors_checks = ["catalogue", "spelling"]\n'
        'suppress_warnings = ["awserrors.catalogue"]\n',
        encoding="utf-8",
    )
    (tmp_path / "index.rst").write_text("Index\n=====\n", encoding="utf-8")
    app = make_app("html", srcdir=tmp_path)
    app.build()
    warnings = app._warning.getvalue()
    assert "unknown check" not in warnings
    assert "not a check" not in warnings
    assert "[awserrors.catalogue]" not in warnings
    assert "exsit" in warnings
