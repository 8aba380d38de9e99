"""benchmarks/bench_coverage.py prints a row of figures per tree and one for all of them."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "convert" / "data" / "source"


def test_bench_coverage_prints_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location(
        "bench_coverage", ROOT / "benchmarks" / "bench_coverage.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (
        module.main([str(DATA / "ozone"), str(DATA / "arsenal"), "--jobs", "1", "--repeat", "2"])
        == 0
    )
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("| tree | files scanned |")
    rows = [line.split("|")[1:-1] for line in lines[2:]]
    assert [row[0].strip() for row in rows] == ["ozone", "arsenal", "all x2"]
    scanned = [int(row[1]) for row in rows]
    assert scanned == [2, 1, 6]  # S3ErrorTable.java and S3Consts.java; arsenalErrors.ts
    definitions = [int(row[4]) for row in rows]
    assert definitions[2] == 2 * (definitions[0] + definitions[1])
