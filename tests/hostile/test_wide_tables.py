"""Tables too wide to be error tables: refused at their line, before docutils parses them.

docutils' table parsers took 96 s (simple) and 109 s (grid) on a border of 30,000 columns.
"""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from sphinx_awserrors.convert.rst_table import MAX_TABLE_COLUMNS, read_rst

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


def _grid(columns: int) -> str:
    return "+" + "-+" * columns + "\n|" + " |" * columns + "\n+" + "-+" * columns + "\n"


def _simple(columns: int) -> str:
    border = " ".join(["="] * columns)
    return f"{border}\n{' '.join(['a'] * columns)}\n{border}\n"


@pytest.mark.parametrize("table", [_grid, _simple], ids=["grid", "simple"])
@pytest.mark.parametrize("command", ["lint", "import-rst"])
def test_a_border_of_thousands_of_columns_is_refused_at_its_line(
    tmp_path: Path, table: Callable[[int], str], command: str
) -> None:
    page = tmp_path / "page.rst"
    page.write_text("Title\n=====\n\n" + table(30_000), encoding="utf-8")
    args = [sys.executable, "-m", "sphinx_awserrors", command, str(page)]
    if command == "import-rst":
        args += ["-o", str(tmp_path / "out.yaml")]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 2
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert f"{page}:4: a table border of 30,000 columns" in lines[0]
    assert not (tmp_path / "out.yaml").exists()


@pytest.mark.parametrize("table", [_grid, _simple], ids=["grid", "simple"])
def test_a_table_at_the_limit_is_read(table: Callable[[int], str]) -> None:
    result = read_rst(table(MAX_TABLE_COLUMNS))
    assert len(result.tables) == 1
