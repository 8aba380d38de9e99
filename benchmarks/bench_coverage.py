"""Benchmark: ``import-source`` and ``coverage`` on real source trees.

Give the trees (folders) to read; each is read by ``import-source`` (definitions found,
codes, unreadable definitions) and by ``coverage`` against a catalogue (``bundled`` by
default: AWS's codes), then all of them together, listed ``--repeat`` times so that the
number of files reaches that of a large server::

    python benchmarks/bench_coverage.py TREE... [--catalogue bundled] [--jobs 2] [--repeat 3]

It prints one Markdown table row per run: files scanned, files lexed, wall-clock seconds,
CPU seconds (this process and its workers), definitions and distinct codes (import-source),
codes found and undocumented (coverage). Wall-clock time depends on what else the machine
runs; the CPU time does not, much. The target is under a minute of wall-clock time for tens
of thousands of files on two cores.

The figures in ``docs/cli-coverage.rst`` come from this script, on snapshots of seaweedfs,
apache/ozone, getmoto/moto, localstack, scality/Arsenal and scality/cloudserver.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sphinx_awserrors.catalogue import load_catalogue
from sphinx_awserrors.compare.coverage import coverage
from sphinx_awserrors.convert.source import ScanOptions, read_tree

if TYPE_CHECKING:
    from collections.abc import Sequence


def _cpu() -> float:
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def bench(trees: Sequence[str], catalogue_paths: Sequence[str], jobs: int, repeat: int) -> None:
    """Print the table of figures."""
    catalogue = load_catalogue(list(catalogue_paths)).catalogue
    print(
        "| tree | files scanned | lexed | import-source s (CPU s) | definitions | codes "
        "| coverage s (CPU s) | codes found | undocumented |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    runs = [(Path(tree).name, [tree]) for tree in trees]
    if len(trees) > 1 or repeat > 1:
        runs.append((f"all x{repeat}", list(trees) * repeat))
    for name, roots in runs:
        wall, cpu = time.perf_counter(), _cpu()
        read = read_tree(roots, ScanOptions(jobs=jobs))
        read_wall, read_cpu = time.perf_counter() - wall, _cpu() - cpu
        wall, cpu = time.perf_counter(), _cpu()
        report = coverage(catalogue, roots, jobs=jobs)
        cov_wall, cov_cpu = time.perf_counter() - wall, _cpu() - cpu
        found = len(report.found) + len(report.undocumented)
        print(
            f"| {name} | {read.scan.scanned} | {read.scan.lexed} "
            f"| {read_wall:.1f} ({read_cpu:.1f}) | {len(read.definitions)} "
            f"| {len({d.code for d in read.definitions})} | {cov_wall:.1f} ({cov_cpu:.1f}) "
            f"| {found} | {len(report.undocumented)} |",
            flush=True,
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the arguments and run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("trees", nargs="+", metavar="TREE")
    parser.add_argument("--catalogue", action="append", default=None, metavar="CATALOGUE")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1, metavar="N")
    args = parser.parse_args(argv)
    bench(args.trees, args.catalogue or ["bundled"], args.jobs, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
