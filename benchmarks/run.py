"""Benchmark the extension against hand-written RST tables and an empty-prose floor.

``python benchmarks/run.py`` (``make bench``) generates the synthetic projects of
``benchmarks/generate.py`` and, for each size:

* builds each form (``hand``, ``ext``, ``floor``) several times, alternating the forms, each
  time into a fresh output directory with ``sphinx-build -q -b html`` (serial and ``-j 2``), and
  reports the median and minimum wall time, the peak memory (the largest resident set of the
  build or any process it waited for, from ``wait4``) and the ratios;
* checks that the ``-j 2`` output equals the serial output (the body of every HTML page);
* measures incremental rebuilds: nothing changed, one prose page touched, the catalogue touched
  without a change, one description edited (in the catalogue, or in the hand-written table),
  counting the documents Sphinx re-reads and re-writes;
* optionally sweeps N and R to check that the cost over the floor grows linearly, and profiles
  one build with cProfile.

Results are printed as Markdown tables and saved as JSON under ``benchmarks/_work/``.
``--quick`` runs a small subset in well under a minute.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import itertools
import json
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # a sibling script, not a package

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

HERE = Path(__file__).resolve().parent
WORK = HERE / "_work"

#: (N codes, P pages, R references a page) of the sizes issue 8 names, and smaller ones.
SIZES: dict[str, tuple[int, int, int]] = {
    "small": (108, 10, 20),
    "large": (5000, 200, 50),
    "medium": (1000, 40, 20),
}

#: The form built from the ext project with the extension as it was at ``--baseline``.
BASE: Final = "base"

#: The parent directory of the package exported from ``--baseline`` (set by :func:`main`).
_baseline: dict[str, Path] = {}


def export_baseline(commit: str) -> Path:
    """The package as it was at *commit*, exported once under ``_work``; its parent directory.

    Builds of the :data:`BASE` form put it first on ``PYTHONPATH``, so they import it instead
    of the checkout's: one run measures the extension before and after, beside the other forms.
    """
    root = str(HERE.parent)
    try:
        sha = subprocess.run(
            ["git", "-C", root, "rev-parse", "--verify", "--quiet", f"{commit}^{{commit}}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        where = WORK / f"baseline-{sha[:12]}"
        archive = b""
        if not (where / "sphinx_awserrors").is_dir():
            archive = subprocess.run(
                ["git", "-C", root, "archive", sha, "--", "sphinx_awserrors"],
                capture_output=True,
                check=True,
            ).stdout
    except (OSError, subprocess.CalledProcessError):
        sys.exit(f"run.py: error: --baseline {commit!r} is not a commit of this repository")
    if archive:
        partial = where.with_name(where.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(partial, filter="data")
        partial.rename(where)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(where)], check=True)
    # the builds of the baseline must import it, not the checkout (see sphinx_build)
    imported = subprocess.run(
        [sys.executable, "-c", "import sphinx_awserrors as p; print(p.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=WORK,
        env={**os.environ, "PYTHONPATH": str(where)},
    ).stdout.strip()
    if not Path(imported).is_relative_to(where):
        sys.exit(f"run.py: error: the baseline's builds would import {imported}, not {where}")
    return where


def source_dir(dirs: dict[str, Path], form: str) -> Path:
    """The project *form* builds: the baseline builds the ext project."""
    return dirs["ext" if form == BASE else form]


def form_env(form: str) -> dict[str, str]:
    """What the environment of *form*'s builds adds: the baseline's package first on the path."""
    if form == BASE and "path" in _baseline:
        return {"PYTHONPATH": str(_baseline["path"])}
    return {}


_BODY = re.compile(r'<div class="body" role="main">(.*?)<div class="sphinxsidebar"', re.DOTALL)
_UPDATING = re.compile(r"(\d+) added, (\d+) changed, (\d+) removed")
_ITEM = re.compile(r"(reading sources|writing output)\.\.\. \[\s*\d+%\] (\S+)")


@dataclass
class Build:
    """One measured ``sphinx-build``."""

    seconds: float
    cpu_seconds: float
    max_rss_mb: float
    returncode: int
    warnings: int
    read: int | None = None
    written: list[str] = field(default_factory=list)
    stderr: str = ""


def sphinx_build(
    src: Path,
    out: Path,
    *,
    jobs: int = 1,
    quiet: bool = True,
    fresh: bool = True,
    extra_env: dict[str, str] | None = None,
) -> Build:
    """Run ``sphinx-build -b html`` on *src* into *out* and measure it."""
    if fresh and out.exists():
        shutil.rmtree(out)
    command = [sys.executable, "-m", "sphinx", "-b", "html", str(src), str(out)]
    if quiet:
        command.insert(3, "-q")
    if jobs > 1:
        command[3:3] = ["-j", str(jobs)]
    env = {**os.environ, "PYTHONHASHSEED": "0", "NO_COLOR": "1", **(extra_env or {})}
    start = time.perf_counter()
    # run from _work: ``python -m`` puts the working directory first on the path, and in the
    # checkout that would import its package instead of the baseline's on PYTHONPATH
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=WORK
    )
    # communicate() reaps the child, so read the pipes ourselves and reap with wait4()
    stdout, stderr = _drain(process)
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    build = Build(
        seconds=seconds,
        # user + system time of the build and its waited-for workers: less hurt by other load
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        max_rss_mb=usage.ru_maxrss / 1024,  # kilobytes on Linux
        returncode=process.returncode,
        warnings=sum(1 for line in stderr.splitlines() if "WARNING" in line or "ERROR" in line),
        stderr=stderr[-4000:],
    )
    if not quiet:
        match = _UPDATING.search(stdout)
        build.read = int(match[1]) + int(match[2]) if match else None
        build.written = sorted(
            {name for kind, name in _ITEM.findall(stdout) if kind == "writing output"}
        )
    return build


def _drain(process: subprocess.Popen[str]) -> tuple[str, str]:
    """Read stdout and stderr to the end without waiting for the process."""
    assert process.stdout is not None and process.stderr is not None
    chunks: dict[str, str] = {}

    def read(name: str, stream: IO[str]) -> None:
        chunks[name] = stream.read()

    threads = [
        threading.Thread(target=read, args=("out", process.stdout)),
        threading.Thread(target=read, args=("err", process.stderr)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return chunks.get("out", ""), chunks.get("err", "")


# -- the comparison -------------------------------------------------------------------------------


def html_bodies(out: Path) -> dict[str, str]:
    """The main body of every HTML page under *out*."""
    bodies: dict[str, str] = {}
    for path in sorted(out.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        match = _BODY.search(text)
        bodies[str(path.relative_to(out))] = match[1] if match else text
    return bodies


def differing_pages(first: Path, second: Path) -> list[str]:
    """The HTML pages whose bodies differ between two output directories."""
    a, b = html_bodies(first), html_bodies(second)
    return sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name))


def project_dirs(size: str, codes: int, pages: int, refs: int) -> dict[str, Path]:
    """Generate (once) the project of this size in every form; return each form's source dir."""
    root = WORK / "projects" / f"{size}-n{codes}-p{pages}-r{refs}"
    stamp = root / ".complete"
    if not stamp.exists() or any(not (root / form).is_dir() for form in generate.FORMS):
        project = generate.make_project(codes, pages, refs)
        if root.exists():
            shutil.rmtree(root)
        for form in generate.FORMS:
            generate.write(project, form, root / form)
        stamp.write_text(generate.summary(project) + "\n", encoding="utf-8")
    return {form: root / form for form in generate.FORMS}


def _mb(value: float) -> str:
    return f"{value:.0f}"


def _s(value: float) -> str:
    return f"{value:.2f}"


def measure_scale(
    size: str, forms: Sequence[str], jobs: Sequence[int], repeats: int
) -> dict[str, Any]:
    """Alternating builds of each form at one size; returns the figures and prints a table."""
    codes, pages, refs = SIZES[size]
    dirs = project_dirs(size, codes, pages, refs)
    results: dict[str, dict[int, list[Build]]] = {form: {j: [] for j in jobs} for form in forms}
    for rep in range(repeats):
        for j in jobs:
            for form in forms:
                out = WORK / "out" / f"{size}-{form}-j{j}"
                build = sphinx_build(source_dir(dirs, form), out, jobs=j, extra_env=form_env(form))
                if build.returncode:
                    sys.exit(f"{form} build failed ({size}, -j {j}):\n{build.stderr}")
                results[form][j].append(build)
                print(
                    f"  {size} {form:5} -j {j} #{rep + 1}: {build.seconds:6.2f} s "
                    f"({build.cpu_seconds:6.2f} s CPU) "
                    f"{build.max_rss_mb:5.0f} MB  {build.warnings} warnings",
                    flush=True,
                )
    figures: dict[str, Any] = {"size": size, "n": codes, "p": pages, "r": refs, "rows": []}
    rows: list[dict[str, Any]] = []
    for j in jobs:
        for form in forms:
            builds = results[form][j]
            rows.append(
                {
                    "form": form,
                    "jobs": j,
                    "median_s": statistics.median(b.seconds for b in builds),
                    "min_s": min(b.seconds for b in builds),
                    "cpu_s": statistics.median(b.cpu_seconds for b in builds),
                    "max_rss_mb": max(b.max_rss_mb for b in builds),
                    "warnings": builds[-1].warnings,
                    "times": [round(b.seconds, 3) for b in builds],
                }
            )
    figures["rows"] = rows
    # ratios of the builds of one round (built one after the other): medians of pair ratios
    # are less hurt by the machine's load drifting over the run than ratios of medians
    pairs: dict[str, dict[str, float]] = {}
    for j in jobs:
        for a, b in (
            ("ext", "hand"),
            ("ext", "raw"),
            ("ext", "floor"),
            ("hand", "floor"),
            ("ext", BASE),
            (BASE, "hand"),
        ):
            if a in results and b in results:
                rounds = list(zip(results[a][j], results[b][j], strict=True))
                pairs[f"{a}/{b} -j {j}"] = {
                    "wall": statistics.median(x.seconds / y.seconds for x, y in rounds),
                    "cpu": statistics.median(x.cpu_seconds / y.cpu_seconds for x, y in rounds),
                    "rss": statistics.median(x.max_rss_mb / y.max_rss_mb for x, y in rounds),
                }
    figures["pair_ratios"] = pairs
    # -j 2 against serial: the same pages, the same bodies
    if 1 in jobs and 2 in jobs:
        figures["parallel_diff"] = {
            form: differing_pages(
                WORK / "out" / f"{size}-{form}-j1", WORK / "out" / f"{size}-{form}-j2"
            )
            for form in forms
        }
    return figures


def scale_table(figures: dict[str, Any]) -> str:
    """The Markdown table of one size's figures, with ratios and cost over the floor."""
    rows = figures["rows"]
    assert isinstance(rows, list)
    by = {(row["form"], row["jobs"]): row for row in rows}
    lines = [
        f"N={figures['n']}, P={figures['p']}, R={figures['r']}",
        "",
        "| form | -j | median s | min s | CPU s | peak MB | x floor | over floor s | "
        "CPU over floor s | warnings |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        floor = by.get(("floor", row["jobs"]))
        x_floor = f"{row['median_s'] / floor['median_s']:.2f}" if floor else "-"
        over = _s(row["median_s"] - floor["median_s"]) if floor else "-"
        cpu_over = _s(row["cpu_s"] - floor["cpu_s"]) if floor else "-"
        lines.append(
            f"| {row['form']} | {row['jobs']} | {_s(row['median_s'])} | {_s(row['min_s'])} | "
            f"{_s(row['cpu_s'])} | "
            f"{_mb(row['max_rss_mb'])} | {x_floor} | {over} | {cpu_over} | {row['warnings']} |"
        )
    lines.append("")
    for name, ratio in figures.get("pair_ratios", {}).items():
        lines.append(
            f"- {name}: median of pair ratios, wall {ratio['wall']:.2f}, CPU {ratio['cpu']:.2f}, "
            f"peak memory {ratio['rss']:.2f}"
        )
    for j in sorted({row["jobs"] for row in rows}):
        ext, hand, floor = by.get(("ext", j)), by.get(("hand", j)), by.get(("floor", j))
        raw = by.get(("raw", j))
        if ext and hand and floor:
            for key, what in (("median_s", "wall"), ("cpu_s", "CPU")):
                hand_over = hand[key] - floor[key]
                ext_over = ext[key] - floor[key]
                text = f"- -j {j}, {what}: (ext-floor)/(hand-floor) "
                text += f"{ext_over / hand_over:.2f}" if hand_over > 0 else "-"
                if raw:
                    raw_over = raw[key] - floor[key]
                    text += (
                        f"; ext over floor {ext_over:.2f} s, hand {hand_over:.2f} s, "
                        f"raw HTML {raw_over:.2f} s; ext - raw {ext[key] - raw[key]:.2f} s"
                    )
                lines.append(text)
    for j in sorted({row["jobs"] for row in rows}):
        ext, hand, floor = by.get(("ext", j)), by.get(("hand", j)), by.get(("floor", j))
        if ext and hand:
            speed = hand["median_s"] / ext["median_s"]
            memory = ext["max_rss_mb"] / hand["max_rss_mb"]
            line = (
                f"- -j {j}: ext/hand time {ext['median_s'] / hand['median_s']:.2f} "
                f"(hand-written takes {speed:.2f}x the extension), "
                f"ext/hand peak memory {memory:.2f}"
            )
            if floor:
                hand_over = hand["median_s"] - floor["median_s"]
                ext_over = ext["median_s"] - floor["median_s"]
                if hand_over > 0:
                    line += f", ext/hand cost over floor {ext_over / hand_over:.2f}"
            lines.append(line)
    for form in sorted({row["form"] for row in rows}):
        serial, parallel = by.get((form, 1)), by.get((form, 2))
        if serial and parallel:
            lines.append(
                f"- {form}: -j 2 / serial time {parallel['median_s'] / serial['median_s']:.2f}"
            )
    diff = figures.get("parallel_diff")
    if isinstance(diff, dict):
        for form, pages in diff.items():
            verdict = "identical" if not pages else f"DIFFERENT in {len(pages)}: {pages[:5]}"
            lines.append(f"- {form}: -j 2 HTML bodies vs serial: {verdict}")
    return "\n".join(lines) + "\n"


# -- incremental rebuilds -------------------------------------------------------------------------


def _touch(path: Path) -> None:
    # now: newer than the last read; a time in the future would keep the file outdated
    path.touch()


def _edit_catalogue(path: Path) -> None:
    """Edit the description of the first 3xx entry: the code :func:`_edit_hand_table` edits.

    (The first row of the first hand-written table, ``errors/3xx``, in catalogue order.)
    """
    text = path.read_text(encoding="utf-8")
    first_3xx = re.search(r"^  status: 3\d\d\n  description: ", text, re.MULTILINE)
    at = first_3xx.end() if first_3xx else text.index("  description: ") + len("  description: ")
    path.write_text(text[:at] + "Edited. " + text[at:], encoding="utf-8")


def _edit_hand_table(src: Path) -> Path:
    """Edit the first description of the first hand-written table; return the page."""
    page = sorted((src / "errors").glob("*.rst"))[0]
    text = page.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    for number, line in enumerate(lines):
        if line.lstrip().startswith("| _`"):
            cells = line.split("|")
            description = cells[2]
            # keep the cell width: the table stays a valid grid table
            cells[2] = (" Edited." + description)[: len(description)]
            lines[number] = "|".join(cells)
            break
    page.write_text("".join(lines), encoding="utf-8")
    return page


def _edit_and_touch(src: Path) -> None:
    _touch(_edit_hand_table(src))


#: Rebuilds after the same small change (nothing, one touched page) made this many times each:
#: a rebuild takes a second or two, so one timing says little on a shared machine.
REBUILD_REPEATS = 5

#: The rebuilds every form makes, in this order, each form's in turn (interleaved).
SHARED_STEPS = ("no change", "touch one prose page")


def measure_incremental(size: str, forms: Sequence[str]) -> list[dict[str, Any]]:
    """Full build, then rebuilds after each change; counts re-read and re-written documents.

    The rebuilds after no change and after touching one prose page are repeated
    :data:`REBUILD_REPEATS` times, the forms taking turns (ext, hand, floor, ... then again),
    so that a machine that gets slower or faster meanwhile weighs on every form alike; their
    row gives the median times and each build's CPU time (``cpu_each``, paired by turn).
    """
    codes, pages, refs = SIZES[size]
    source_dirs = project_dirs(size, codes, pages, refs)
    sources: dict[str, Path] = {}
    outputs: dict[str, Path] = {}
    for form in forms:
        # a private copy: the edits must not reach the shared generated project
        src = WORK / "incremental" / f"{size}-{form}"
        if src.exists():
            shutil.rmtree(src)
        shutil.copytree(source_dir(source_dirs, form), src)
        sources[form] = src
        outputs[form] = WORK / "out" / f"{size}-{form}-incremental"
    builds: dict[tuple[str, str], list[Build]] = {}

    def rebuild(form: str, name: str, change: Callable[[], object] | None) -> None:
        if change is not None:
            change()
        build = sphinx_build(
            sources[form],
            outputs[form],
            quiet=False,
            fresh=name == "full build",
            extra_env=form_env(form),
        )
        if build.returncode:
            sys.exit(f"{form} incremental build failed ({name}):\n{build.stderr}")
        builds.setdefault((form, name), []).append(build)

    for form in forms:
        rebuild(form, "full build", None)
    for name in SHARED_STEPS:
        for _ in range(REBUILD_REPEATS):
            for form in forms:
                page = sources[form] / "guide" / "page0001.rst"
                touch = functools.partial(_touch, page)
                rebuild(form, name, None if name == "no change" else touch)
    for form in forms:
        src = sources[form]
        if form in {"ext", BASE}:
            catalogue = src / "errors.yaml"
            rebuild(form, "touch catalogue, same content", functools.partial(_touch, catalogue))
            rebuild(form, "edit one description", functools.partial(_edit_catalogue, catalogue))
        elif form == "hand":
            rebuild(form, "edit one description", functools.partial(_edit_and_touch, src))
    rows: list[dict[str, Any]] = []
    for form in forms:
        for (built_form, name), made in builds.items():
            if built_form != form:
                continue
            last = made[-1]
            written = [n for n in last.written if n not in {"genindex", "search"}]
            rows.append(
                {
                    "form": form,
                    "step": name,
                    "seconds": statistics.median(b.seconds for b in made),
                    "cpu_seconds": statistics.median(b.cpu_seconds for b in made),
                    "cpu_each": [round(b.cpu_seconds, 3) for b in made],
                    "read": last.read,
                    "written": len(written),
                    "warnings": last.warnings,
                }
            )
            print(
                f"  {size} {form:5} {name:30} {rows[-1]['seconds']:6.2f} s "
                f"({rows[-1]['cpu_seconds']:5.2f} s CPU, median of {len(made)})  "
                f"read {last.read}  written {len(written)} {written[:4]}",
                flush=True,
            )
    return rows


def incremental_table(size: str, rows: Sequence[dict[str, Any]]) -> str:
    """The Markdown table of the incremental rebuilds."""
    codes, pages, refs = SIZES[size]
    lines = [
        f"Incremental rebuilds, N={codes}, P={pages}, R={refs} (serial)",
        "",
        "| form | change | s | CPU s | docs re-read | docs re-written |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row['form']} | {row['step']} | {_s(float(row['seconds']))} | "
            f"{_s(float(row['cpu_seconds']))} | {row['read']} "
            f"| {row['written']} |"
        )
    return "\n".join(lines) + "\n"


# -- linearity ------------------------------------------------------------------------------------


def measure_linearity(
    repeats: int, forms: Sequence[str], axes: Sequence[str] = ("N", "R")
) -> list[dict[str, Any]]:
    """Sweep N at fixed P, R and R at fixed N, P; the least CPU time of *repeats* builds.

    CPU time (user + system) rather than wall time, and the minimum rather than the median:
    on a shared machine other load mostly adds waiting, and interference only ever adds time.
    The points are built in turns (every point and form once, then again): built one point
    after another, a machine that slowed down between two points bent the sweep (two builds
    of the same floor project differed by up to 3 s within one round).
    """
    points = [("N", n, 200, 50) for n in (1000, 5000, 20000) if "N" in axes]
    # references: 2,400 / 10,000 / 40,000 (the middle point is the N sweep's 5,000 codes)
    points += [("R", 5000, 200, r) for r in (12, 200) if "R" in axes]
    dirs = {point: project_dirs("sweep", *point[1:]) for point in points}
    times: dict[tuple[Any, ...], dict[str, list[float]]] = {
        point: {form: [] for form in forms} for point in points
    }
    peaks: dict[tuple[Any, ...], dict[str, list[float]]] = {
        point: {form: [] for form in forms} for point in points
    }
    for turn in range(repeats):
        for point in points:
            _axis, n, p, r = point
            name = f"sweep-n{n}-p{p}-r{r}"
            for form in forms:
                build = sphinx_build(
                    source_dir(dirs[point], form),
                    WORK / "out" / f"{name}-{form}",
                    extra_env=form_env(form),
                )
                if build.returncode:
                    sys.exit(f"{form} build failed ({name}):\n{build.stderr}")
                times[point][form].append(build.cpu_seconds)
                peaks[point][form].append(build.max_rss_mb)
            shown = ", ".join(f"{form} {times[point][form][-1]:.2f} s" for form in forms)
            print(f"  turn {turn + 1}, N={n} P={p} R={r}: {shown}", flush=True)
    rows: list[dict[str, Any]] = []
    for point in points:
        axis, n, p, r = point
        row: dict[str, Any] = {"axis": axis, "n": n, "p": p, "r": r}
        row.update({form: min(times[point][form]) for form in forms})
        row.update({f"{form}_mb": max(peaks[point][form]) for form in forms})
        rows.append(row)
        shown = ", ".join(
            f"{form} {row[form]:.2f} s CPU {row[f'{form}_mb']:.0f} MB" for form in forms
        )
        print(f"  sweep {axis} N={n} P={p} R={r}: {shown}", flush=True)
    return rows


def linearity_table(rows: Sequence[dict[str, Any]], forms: Sequence[str]) -> str:
    """Cost over the floor along each sweep, and the slope between neighbouring points.

    Linear growth means the slopes along one axis stay the same (within the noise).
    """
    over_forms = [f for f in forms if f != "floor"]
    lines = [
        "| N | P | R | "
        + " | ".join(f"{f} CPU s" for f in forms)
        + " | "
        + " | ".join(f"{f} over floor | {f} slope" for f in over_forms)
        + " | "
        + " | ".join(f"{f} peak MB" for f in forms)
        + " |",
        "|" + "---|" * (3 + 2 * len(forms) + 2 * len(over_forms)),
    ]
    by_n = sorted((r for r in rows if r["r"] == 50), key=lambda r: r["n"])
    by_r = sorted((r for r in rows if r["n"] == 5000), key=lambda r: r["r"])
    for title, series, unit, key in (
        ("N", by_n, "ms per code", "n"),
        ("R", by_r, "ms per reference", "r"),
    ):
        lines.append(
            f"| **sweep {title}** ({unit}) |" + " |" * (2 + 2 * len(forms) + 2 * len(over_forms))
        )
        previous: dict[str, Any] | None = None
        for row in series:
            cells = [str(row["n"]), str(row["p"]), str(row["r"])]
            cells += [_s(row[f]) for f in forms]
            for form in over_forms:
                over = row[form] - row["floor"]
                slope = "-"
                if previous is not None:
                    step = (row[key] - previous[key]) * (row["p"] if key == "r" else 1)
                    slope = f"{(over - (previous[form] - previous['floor'])) / step * 1000:.3f}"
                cells += [_s(over), slope]
            cells += [f"{row.get(f'{f}_mb', 0):.0f}" for f in forms]
            lines.append("| " + " | ".join(cells) + " |")
            previous = row
    return "\n".join(lines) + "\n"


# -- the goals of issue 18 -------------------------------------------------------------------------

#: (what, target): the targets of issue 18; "about the floor's time" is read as at most 1.15x.
GOALS: Final = {
    "fresh": ("large, fresh HTML: ext/hand CPU", 0.60),
    "parallel": ("large, -j 2: ext/hand CPU, HTML as serial", 1.00),
    "memory": ("large: ext/hand peak memory, -j 1 and -j 2", 1.20),
    "touch-large": ("large, one prose page touched: ext/floor CPU", 1.15),
    "small": ("small, fresh HTML: ext/hand CPU", 1.00),
    "touch-small": ("small, one prose page touched: ext/hand CPU", 1.10),
    "recheck": ("catalogue touched, same content: ext CPU / no change", 1.15),
    "baseline": ("large, fresh HTML: ext/baseline CPU (--baseline; no target)", float("inf")),
    "linear": (
        "linear: ext's CPU slope per code 5k-20k / 1k-5k, per reference 10k-40k / 2.4k-10k",
        1.50,
    ),
}


def _incremental_cpu(rows: Sequence[dict[str, Any]], form: str, step: str) -> float | None:
    for row in rows:
        if row["form"] == form and row["step"] == step:
            return float(row["cpu_seconds"])
    return None


def _incremental_ratio(
    rows: Sequence[dict[str, Any]], form: str, other: str, step: str
) -> float | None:
    """*form*'s rebuild CPU time over *other*'s after *step*: the median of the ratios of the
    builds made in the same turn (medians of the two forms' times when not paired)."""
    each = {
        row["form"]: row.get("cpu_each") or []
        for row in rows
        if row["step"] == step and row["form"] in {form, other}
    }
    mine, theirs = each.get(form), each.get(other)
    if mine and theirs and len(mine) == len(theirs) and min(theirs) > 0:
        return float(statistics.median(a / b for a, b in zip(mine, theirs, strict=True)))
    first, second = _incremental_cpu(rows, form, step), _incremental_cpu(rows, other, step)
    return first / second if first and second else None


def _slopes(
    rows: Sequence[dict[str, Any]],
    key: str,
    fixed: dict[str, int],
    pooled_floor: bool = False,
    over_floor: bool = True,
) -> list[float]:
    """ext's cost (over the floor) per unit of *key* between neighbouring sweep points.

    With *pooled_floor* the floor is the mean of its builds at every point: along the codes
    the floor project is the same prose whatever the catalogue (it has no codes), so its
    differences between points are the machine's noise alone (up to 1 s between two builds),
    which a segment of 4,000 codes costing about 1 s cannot carry. Without *over_floor*, the
    slopes of ext's own cost.
    """
    series = sorted(
        (r for r in rows if all(r[k] == v for k, v in fixed.items())), key=lambda r: r[key]
    )
    if pooled_floor and series:
        floor = statistics.fmean(r["floor"] for r in series)
        series = [{**r, "floor": floor} for r in series]
    if not over_floor:
        series = [{**r, "floor": 0.0} for r in series]
    slopes = []
    for before, after in itertools.pairwise(series):
        over = (after["ext"] - after["floor"]) - (before["ext"] - before["floor"])
        slopes.append(over / (after[key] - before[key]))
    return slopes


def goals_table(data: dict[str, Any]) -> str:
    """Each goal of issue 18 that this run measured: the target, the figure, whether it holds."""
    measured: dict[str, tuple[float, str]] = {}
    for figures in data["scale"]:
        pairs = figures.get("pair_ratios", {})
        size = figures["size"]
        if size == "large" and "ext/hand -j 1" in pairs:
            ratio = pairs["ext/hand -j 1"]
            raw = pairs.get("ext/raw -j 1", {}).get("cpu")
            note = f"wall {ratio['wall']:.2f}" + (f"; ext/raw {raw:.2f}" if raw else "")
            measured["fresh"] = (ratio["cpu"], note)
            if f"ext/{BASE} -j 1" in pairs:
                before = pairs[f"ext/{BASE} -j 1"]
                base_hand = pairs.get(f"{BASE}/hand -j 1", {}).get("cpu")
                measured["baseline"] = (
                    before["cpu"],
                    f"memory {before['rss']:.2f}"
                    + (f"; the baseline was {base_hand:.2f} of hand" if base_hand else ""),
                )
            memory = [ratio["rss"]]
            if "ext/hand -j 2" in pairs:
                parallel = pairs["ext/hand -j 2"]
                same = not figures.get("parallel_diff", {}).get("ext", ["?"])
                measured["parallel"] = (
                    parallel["cpu"] if same else float("inf"),
                    f"wall {parallel['wall']:.2f}; HTML {'identical' if same else 'DIFFERS'}",
                )
                memory.append(parallel["rss"])
            measured["memory"] = (max(memory), " / ".join(f"{m:.2f}" for m in memory))
        if size == "small" and "ext/hand -j 1" in pairs:
            ratio = pairs["ext/hand -j 1"]
            measured["small"] = (ratio["cpu"], f"wall {ratio['wall']:.2f}")
    for size, rows in data["inc"].items():
        touch = {f: _incremental_cpu(rows, f, "touch one prose page") for f in generate.FORMS}
        ext, hand, floor = touch.get("ext"), touch.get("hand"), touch.get("floor")
        step = "touch one prose page"
        ext_floor = _incremental_ratio(rows, "ext", "floor", step)
        ext_hand = _incremental_ratio(rows, "ext", "hand", step)
        if size == "large" and ext and floor and ext_floor:
            note = f"{ext:.2f} s against {floor:.2f} s" + (f", hand {hand:.2f} s" if hand else "")
            measured["touch-large"] = (ext_floor, note)
        if size == "small" and ext and hand and ext_hand:
            measured["touch-small"] = (ext_hand, f"{ext:.2f} s against {hand:.2f} s")
        touched = _incremental_cpu(rows, "ext", "touch catalogue, same content")
        unchanged = _incremental_cpu(rows, "ext", "no change")
        if size == "large" and touched and unchanged:
            measured["recheck"] = (
                touched / unchanged,
                f"{touched:.2f} s against {unchanged:.2f} s",
            )
    if data.get("linearity"):
        rows = data["linearity"]
        worst: list[float] = []
        notes = []
        for key, fixed, unit, scale in (
            ("n", {"p": 200, "r": 50}, "ms/code", 1000.0),
            ("r", {"n": 5000, "p": 200}, "ms/reference", 1000.0 / 200),
        ):
            # ext's own cost: along the references the floor's prose grows too, and its cost
            # per sentence falls as a page has more (0.21-0.60 then 0.15-0.21 ms in each of
            # the eight sweeps of 7 December), a bend ext's cost over the floor carries as its
            # own; along the codes the floor is the same project (pooled: the same slopes)
            slopes = _slopes(rows, key, fixed, over_floor=False)
            if len(slopes) != 2:
                continue
            note = f"{slopes[0] * scale:.3f} then {slopes[1] * scale:.3f} {unit}"
            over = _slopes(rows, key, fixed, pooled_floor=key == "n")
            if key == "r" and len(over) == 2:
                note += f" (over the floor {over[0] * scale:.3f} then {over[1] * scale:.3f})"
            # a slope that is not positive is the machine's noise, not the cost: no verdict
            if min(slopes) > 0:
                worst.append(slopes[1] / slopes[0])
            else:
                note += " (not positive: no verdict)"
            notes.append(note)
        if notes:
            measured["linear"] = (max(worst) if worst else float("nan"), "; ".join(notes))
    lines = ["| goal | target | measured | holds |", "|---|---|---|---|"]
    for key, (what, target) in GOALS.items():
        if key not in measured:
            continue
        value, note = measured[key]
        if value != value:  # NaN: a figure the noise of the machine decides
            lines.append(f"| {what} | <= {target:.2f} | - ({note}) | within noise |")
            continue
        shown = "differs" if value == float("inf") else f"{value:.2f}"
        if target == float("inf"):
            lines.append(f"| {what} | - | {shown} ({note}) | - |")
            continue
        holds = "yes" if value <= target else "**no**"
        lines.append(f"| {what} | <= {target:.2f} | {shown} ({note}) | {holds} |")
    return "\n".join(lines) + "\n"


# -- profiling ------------------------------------------------------------------------------------


def profile(size: str, form: str, top: int) -> str:
    """Build *form* once under cProfile; return the heaviest functions (the package's apart)."""
    codes, pages, refs = SIZES[size]
    src = project_dirs(size, codes, pages, refs)[form]
    out = WORK / "out" / f"{size}-{form}-profile"
    if out.exists():
        shutil.rmtree(out)
    stats_file = WORK / f"profile-{size}-{form}.prof"
    command = [sys.executable, "-m", "cProfile", "-o", str(stats_file)]
    command += ["-m", "sphinx", "-q", "-b", "html", str(src), str(out)]
    start = time.perf_counter()
    subprocess.run(command, check=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    seconds = time.perf_counter() - start
    report = [f"profile of {form} at {size}: {seconds:.1f} s under cProfile ({stats_file})"]
    for title, pattern in (("cumulative, all", ""), ("cumulative, sphinx_awserrors", "awserrors")):
        stream = _StringStream()
        stats = pstats.Stats(str(stats_file), stream=stream)  # type: ignore[arg-type]
        stats.sort_stats("cumulative")
        if pattern:
            stats.print_stats(pattern, top)
        else:
            stats.print_stats(top)
        report.append(f"--- {title} ---\n{stream.text()}")
    return "\n".join(report)


class _StringStream:
    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def text(self) -> str:
        body = "".join(self.parts)
        # drop pstats' preamble up to the column header
        at = body.find("   ncalls")
        return body[at:] if at >= 0 else body


# -- phases ---------------------------------------------------------------------------------------


def measure_phases(
    size: str, forms: Sequence[str], repeats: int, jobs: int = 1
) -> dict[str, list[dict[str, Any]]]:
    """``phases.py`` on each form, alternating forms, *repeats* times; the figures of each."""
    codes, pages, refs = SIZES[size]
    dirs = project_dirs(size, codes, pages, refs)
    results: dict[str, list[dict[str, Any]]] = {form: [] for form in forms}
    for rep in range(repeats):
        for form in forms:
            out = WORK / "out" / f"{size}-{form}-phases"
            record = WORK / f"phases-{size}-{form}-{rep}.json"
            source = source_dir(dirs, form)
            command = [sys.executable, str(HERE / "phases.py"), str(source), str(out)]
            command += ["-j", str(jobs), "--json", str(record)]
            if rep == 0:
                command.append("--census")
            env = {**os.environ, "PYTHONHASHSEED": "0", "NO_COLOR": "1", **form_env(form)}
            subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL, cwd=WORK)
            figures = json.loads(record.read_text(encoding="utf-8"))
            results[form].append(figures)
            print(
                f"  phases {size} {form:5} #{rep + 1}: {figures['cpu_s']:6.2f} s CPU, "
                f"GC {figures['gc_s']:5.2f} s, {figures['max_rss_mb']:4.0f} MB",
                flush=True,
            )
    return results


def phases_table(size: str, results: dict[str, list[dict[str, Any]]]) -> str:
    """Median CPU and GC seconds per stage and form; counts from the census run."""
    import phases  # a sibling script

    forms = list(results)

    def med(form: str, key: str, field: str) -> float:
        values = [r["stages"].get(key, {}).get(field, 0.0) for r in results[form]]
        return float(statistics.median(values))

    lines = [
        f"Phases, {size} (CPU s / GC s inside each stage, medians of {len(results[forms[0]])})",
        "",
        "| stage | " + " | ".join(forms) + " |",
        "|---|" + "---|" * len(forms),
    ]
    total = " | ".join(
        f"{statistics.median(r['cpu_s'] for r in results[f]):.2f} / "
        f"{statistics.median(r['gc_s'] for r in results[f]):.2f}"
        for f in forms
    )
    lines.append(f"| **whole build** | {total} |")
    keys = [label for label, _m, _n in phases.STAGES]
    extra = sorted(
        {k for f in forms for r in results[f] for k in r["stages"] if ": " in k},
        key=lambda k: -max(med(f, k, "cpu") for f in forms),
    )
    for label in keys + extra:
        key = label.strip()
        if all(med(f, key, "cpu") < 0.02 for f in forms):
            continue
        indent = "&nbsp;" * (len(label) - len(label.lstrip()))
        cells = " | ".join(f"{med(f, key, 'cpu'):.2f} / {med(f, key, 'gc'):.2f}" for f in forms)
        lines.append(f"| {indent}{key} | {cells} |")
    lines.append("")
    for form in forms:
        first = results[form][0]
        counts = first["counts"]
        read = counts.get("read", {})
        text = (
            f"- {form}: {read.get('nodes', 0)} nodes read ({read.get('text', 0)} Text); "
            f"GC collections {first['gc_runs']}; peak {first['max_rss_mb']:.0f} MB; "
            f"environment pickle {counts.get('env_pickle_bytes', 0) / 1e6:.2f} MB, doctrees "
            f"{first['doctree_bytes'] / 1e6:.2f} MB"
        )
        if "tracked_at_write" in counts:
            text += f"; {counts['tracked_at_write']} objects tracked when writing starts"
        lines.append(text)
    return "\n".join(lines) + "\n"


# -- the machine ----------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    import docutils
    import sphinx

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "sphinx": sphinx.__version__,
        "docutils": docutils.__version__,
        "platform": platform.platform(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def compile_package() -> str:
    """Compile the extension's modules to bytecode, as an installed package has them.

    The builds import the package the benchmark's directory imports (``-m sphinx`` puts the
    working directory first). With ``PYTHONDONTWRITEBYTECODE`` set (as in some CI and agent
    environments) and no ``__pycache__`` beside a source checkout, every build compiled the
    extension's modules from source again (about 0.1 s a build), while Sphinx's came compiled
    from its wheel. Returns the package directory.
    """
    where = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, sphinx_awserrors as p; print(os.path.dirname(p.__file__))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    subprocess.run([sys.executable, "-m", "compileall", "-q", where], check=True)
    return where


def main(argv: Sequence[str] | None = None) -> int:
    """Run the selected benchmarks and print their tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="small size, 2 repeats, no sweeps")
    parser.add_argument("--sizes", nargs="+", choices=sorted(SIZES), default=["small", "large"])
    parser.add_argument("--repeats", type=int, default=None, help="builds per form (3; --quick 2)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument(
        "--forms", nargs="+", choices=[*generate.FORMS, BASE], default=list(generate.FORMS)
    )
    parser.add_argument(
        "--baseline",
        metavar="COMMIT",
        help="also build the ext project with the extension as it was at COMMIT (form 'base')",
    )
    parser.add_argument(
        "--sections",
        nargs="+",
        choices=("scale", "incremental", "linearity"),
        default=["scale", "incremental"],
        help="what to run (linearity is a 5-point sweep at large scale, several minutes)",
    )
    parser.add_argument("--linearity-repeats", type=int, default=2)
    parser.add_argument(
        "--linearity-forms",
        nargs="+",
        choices=[*generate.FORMS, BASE],
        help="forms of the sweeps (default: --forms; the goals need ext and floor)",
    )
    parser.add_argument(
        "--linearity-axes", nargs="+", choices=("N", "R"), default=["N", "R"], help="sweeps"
    )
    parser.add_argument("--profile", metavar="SIZE", choices=sorted(SIZES), help="profile ext")
    parser.add_argument(
        "--phases",
        metavar="SIZE",
        choices=sorted(SIZES),
        help="time the stages of each form's build (benchmarks/phases.py), --repeats times",
    )
    parser.add_argument("--profile-form", default="ext", choices=generate.FORMS)
    parser.add_argument("--top", type=int, default=35, help="functions shown by --profile")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes = ["small"]
        args.sections = [s for s in args.sections if s != "linearity"]
    if args.repeats is None:
        args.repeats = 2 if args.quick else 3
    WORK.mkdir(parents=True, exist_ok=True)
    if args.baseline:
        _baseline["path"] = export_baseline(args.baseline)
        if BASE not in args.forms:
            args.forms.append(BASE)
    elif BASE in args.forms:
        parser.error("the form 'base' needs --baseline COMMIT")
    info = machine()
    info["package"] = compile_package()
    print(f"machine: {info}", flush=True)
    report: list[str] = []
    data: dict[str, Any] = {"machine": info, "args": vars(args), "scale": [], "inc": {}}
    if args.profile:
        text = profile(args.profile, args.profile_form, args.top)
        print(text)
        (WORK / f"profile-{args.profile}-{args.profile_form}.txt").write_text(text)
        return 0
    if args.phases:
        results = measure_phases(args.phases, args.forms, args.repeats, args.jobs[0])
        text = phases_table(args.phases, results)
        print(text)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        (WORK / f"phases-{stamp}.md").write_text(text)
        return 0
    for size in args.sizes:
        if "scale" in args.sections:
            figures = measure_scale(size, args.forms, args.jobs, args.repeats)
            data["scale"].append(figures)
            report.append(scale_table(figures))
        if "incremental" in args.sections:
            rows = measure_incremental(size, args.forms)
            data["inc"][size] = rows
            report.append(incremental_table(size, rows))
    if "linearity" in args.sections:
        forms = args.linearity_forms or [
            f for f in args.forms if f in ("hand", "ext", "floor", "raw", BASE)
        ]
        if BASE in forms and "path" not in _baseline:
            parser.error("the form 'base' needs --baseline COMMIT")
        rows = measure_linearity(args.linearity_repeats, forms, args.linearity_axes)
        data["linearity"] = rows
        report.append(linearity_table(rows, forms))
    data["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    report.append("Goals of issue 18\n\n" + goals_table(data))
    text = "\n".join(report)
    print()
    print(
        f"Machine: {info['cpu']}, {info['cores']} cores, Python {info['python']}, "
        f"Sphinx {info['sphinx']}, docutils {info['docutils']}; load average "
        f"{info['load_average']} at start, {data['load_average_end']} at end\n"
    )
    print(text)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (WORK / f"results-{stamp}.json").write_text(json.dumps(data, indent=1, default=asdict))
    (WORK / f"results-{stamp}.md").write_text(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
