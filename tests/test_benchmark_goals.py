"""The benchmark's table of issue 18's goals: each figure against its target, from a run's data."""

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


def _ratio(cpu: float, rss: float = 1.0) -> dict[str, float]:
    return {"wall": cpu, "cpu": cpu, "rss": rss}


def _data(fresh: float, touch_ext: float, differs: bool = False) -> dict[str, Any]:
    large = {
        "size": "large",
        "pair_ratios": {
            "ext/hand -j 1": _ratio(fresh, 0.9),
            "ext/raw -j 1": _ratio(1.1),
            "ext/hand -j 2": _ratio(0.7, 1.3),
            "ext/base -j 1": _ratio(0.5),
            "base/hand -j 1": _ratio(1.2),
        },
        "parallel_diff": {"ext": ["errors/4xx.html"] if differs else []},
    }
    small = {"size": "small", "pair_ratios": {"ext/hand -j 1": _ratio(0.95)}}
    rows = [
        {"form": "ext", "step": "touch one prose page", "cpu_seconds": touch_ext},
        {"form": "floor", "step": "touch one prose page", "cpu_seconds": 1.0},
        {"form": "hand", "step": "touch one prose page", "cpu_seconds": 1.0},
        {"form": "ext", "step": "no change", "cpu_seconds": 1.0},
        {"form": "ext", "step": "touch catalogue, same content", "cpu_seconds": 1.0},
    ]
    linearity = [
        {"n": n, "p": 200, "r": 50, "ext": 10 + n / 1000, "floor": 9.0} for n in (1000, 5000, 20000)
    ]
    return {"scale": [large, small], "inc": {"large": rows}, "linearity": linearity}


def _rows(table: str) -> dict[str, list[str]]:
    cells = [line.strip("|").split("|") for line in table.splitlines()[2:]]
    return {row[0].strip(): [cell.strip() for cell in row[1:]] for row in cells}


def test_each_goal_is_judged_against_its_target() -> None:
    rows = _rows(run.goals_table(_data(fresh=0.55, touch_ext=1.1)))
    assert rows["large, fresh HTML: ext/hand CPU"][0] == "<= 0.60"
    assert rows["large, fresh HTML: ext/hand CPU"][2] == "yes"
    # memory is the worse of serial and -j 2
    assert rows["large: ext/hand peak memory, -j 1 and -j 2"][1].startswith("1.30")
    assert rows["large: ext/hand peak memory, -j 1 and -j 2"][2] == "**no**"
    assert rows["large, one prose page touched: ext/floor CPU"][2] == "yes"
    assert rows["small, fresh HTML: ext/hand CPU"][2] == "yes"
    # the same cost per code along the sweep
    assert rows[run.GOALS["linear"][0]][1].startswith("1.00")
    assert rows[run.GOALS["baseline"][0]][2] == "-"


def test_a_missed_goal_or_a_parallel_build_that_differs_does_not_hold() -> None:
    rows = _rows(run.goals_table(_data(fresh=0.65, touch_ext=1.5, differs=True)))
    assert rows["large, fresh HTML: ext/hand CPU"][2] == "**no**"
    assert rows["large, one prose page touched: ext/floor CPU"][2] == "**no**"
    assert rows["large, -j 2: ext/hand CPU, HTML as serial"][1].startswith("differs")
    assert rows["large, -j 2: ext/hand CPU, HTML as serial"][2] == "**no**"


def test_goals_not_measured_in_a_run_are_left_out() -> None:
    table = run.goals_table({"scale": [], "inc": {}})
    assert table.splitlines()[2:] == []


def test_a_sweep_lost_in_the_noise_gets_no_verdict() -> None:
    data = _data(fresh=0.55, touch_ext=1.1)
    data["linearity"][1]["ext"] = 9.0  # cheaper at 5,000 codes than at 1,000: noise
    rows = _rows(run.goals_table(data))
    assert rows[run.GOALS["linear"][0]][2] == "within noise"


def test_linearity_along_the_references_is_ext_s_own_cost() -> None:
    # the floor's prose costs less per sentence on denser pages; ext is linear
    data = _data(fresh=0.55, touch_ext=1.1)
    data["linearity"] += [
        {"n": 5000, "p": 200, "r": r, "ext": 5 + r / 10, "floor": floor}
        for r, floor in ((12, 8.0), (200, 15.0))
    ]
    data["linearity"][1]["r"] = 50
    data["linearity"][1]["ext"] = 10.0  # 5 + 50 / 10, the N sweep's middle point
    rows = _rows(run.goals_table(data))
    verdict = rows[run.GOALS["linear"][0]]
    assert verdict[2] == "yes"
    assert "0.500 then 0.500 ms/reference" in verdict[1]
    assert "over the floor" in verdict[1]


def test_touch_rebuilds_are_compared_turn_by_turn() -> None:
    # the machine slowed down in the second turn: each turn's ratio is 1.1, the medians' 1.4
    rows = [
        {"form": "ext", "step": "touch one prose page", "cpu_seconds": 1.4, "cpu_each": [1.1, 2.2]},
        {
            "form": "floor",
            "step": "touch one prose page",
            "cpu_seconds": 1.0,
            "cpu_each": [1.0, 2.0],
        },
    ]
    assert run._incremental_ratio(rows, "ext", "floor", "touch one prose page") == pytest.approx(
        1.1
    )
    # builds that were not made in turns: the medians
    unpaired = [{**row, "cpu_each": []} for row in rows]
    assert run._incremental_ratio(unpaired, "ext", "floor", "touch one prose page") == 1.4


def test_the_codes_sweep_pools_the_floor_that_does_not_depend_on_codes() -> None:
    # ext grows 0.3 ms a code on both segments; the floor's builds differ by noise alone
    rows = [
        {"n": n, "p": 200, "r": 50, "ext": 10 + 0.0003 * n, "floor": floor}
        for n, floor in ((1000, 9.0), (5000, 9.6), (20000, 9.0))
    ]
    per_point = run._slopes(rows, "n", {"p": 200, "r": 50})
    pooled = run._slopes(rows, "n", {"p": 200, "r": 50}, pooled_floor=True)
    assert per_point[1] / per_point[0] > 1.1  # the noise of the floor reads as a bend
    assert pooled == pytest.approx([0.0003, 0.0003])
