"""The benchmark's sweeps: built in turns, each point's least CPU time kept."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
if not (BENCHMARKS / "run.py").exists():  # e.g. tests run from an sdist without it
    pytest.skip("benchmarks/ is not in this tree", allow_module_level=True)
sys.path.insert(0, str(BENCHMARKS))

import run  # type: ignore[import-not-found,unused-ignore]  # noqa: E402


def test_sweep_points_are_built_in_turns(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[str] = []
    # the machine slows down as the run goes on: each build costs one second more
    monkeypatch.setattr(
        run, "project_dirs", lambda size, n, p, r: {f: Path(f"n{n}-r{r}") for f in ("ext", "floor")}
    )

    def build(src: Path, out: Path, **kwargs: Any) -> run.Build:
        built.append(f"{src}/{out.name.rsplit('-', 1)[-1]}")
        return run.Build(
            seconds=0, cpu_seconds=float(len(built)), max_rss_mb=1, returncode=0, warnings=0
        )

    monkeypatch.setattr(run, "sphinx_build", build)
    rows = run.measure_linearity(2, ["ext", "floor"], axes=["N"])
    # every point once, then every point again
    first_turn = built[:6]
    assert [entry.split("/")[0] for entry in first_turn] == [
        "n1000-r50",
        "n1000-r50",
        "n5000-r50",
        "n5000-r50",
        "n20000-r50",
        "n20000-r50",
    ]
    assert built[6:] == first_turn
    # the least of each point's builds: its first turn
    assert [(row["n"], row["ext"], row["floor"]) for row in rows] == [
        (1000, 1.0, 2.0),
        (5000, 3.0, 4.0),
        (20000, 5.0, 6.0),
    ]
