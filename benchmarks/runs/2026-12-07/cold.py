"""Fresh builds with an empty user cache (a CI container) against hand: CPU s, pair ratios.

Run from the checkout after ``benchmarks/run.py`` generated the small and large projects.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

WORK = Path(__file__).resolve().parents[2] / "_work"


def build(src: Path, cache: str | None) -> tuple[float, float]:
    """CPU seconds and peak MB of one fresh HTML build of *src* (user cache *cache*)."""
    out = Path(tempfile.mkdtemp())
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    if cache is not None:
        env["XDG_CACHE_HOME"] = cache
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(src), str(out)]
    process = subprocess.Popen(
        command, env=env, cwd=WORK, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _pid, _status, usage = os.wait4(process.pid, 0)
    shutil.rmtree(out)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    """Alternate cold ext, hand and warm ext builds; print the medians of the ratios."""
    for size, rounds in (("small-n108-p10-r20", 5), ("large-n5000-p200-r50", 2)):
        cold_ratios, warm_ratios, memory = [], [], []
        for _ in range(rounds):
            cache = tempfile.mkdtemp()
            cold, cold_mb = build(WORK / "projects" / size / "ext", cache)
            hand, hand_mb = build(WORK / "projects" / size / "hand", None)
            warm, _warm_mb = build(WORK / "projects" / size / "ext", cache)  # now filled
            shutil.rmtree(cache)
            cold_ratios.append(cold / hand)
            warm_ratios.append(warm / hand)
            memory.append(cold_mb / hand_mb)
            print(
                f"{size}: cold ext {cold:.2f} s {cold_mb:.0f} MB, hand {hand:.2f} s "
                f"{hand_mb:.0f} MB, then warm ext {warm:.2f} s",
                flush=True,
            )
        print(
            f"{size}: cold ext/hand {statistics.median(cold_ratios):.2f}, "
            f"warm {statistics.median(warm_ratios):.2f}, "
            f"memory cold {statistics.median(memory):.2f}"
        )


if __name__ == "__main__":
    main()
