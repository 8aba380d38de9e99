"""Benchmark: does a freshly imported real table build with ``-W``, and if not, why?

Each ``.rst`` or ``.md`` file named (or found in a directory named) is imported with
``import-rst`` / ``import-md`` into a new Sphinx project with one ``aws-error-table``, built
with ``sphinx-build -W --keep-going`` under the default settings and again with
``awserrors_checks = ["all"]``, and the warnings are counted by subtype::

    python benchmarks/bench_fresh_import.py tests/data/seed_aws_error_codes.rst ../shared/real-world

A file that builds clean by default prints ``CLEAN``; one that fails prints ``FAILS`` with the
subtypes of its warnings, and ``--show`` prints the warnings themselves, to judge them. The
style checks (final full stop, order of rows) are opt-in: they show in the ``all`` column only.
"""

from __future__ import annotations

import argparse
import collections
import re
import subprocess
import sys
import tempfile
from pathlib import Path

SUFFIXES = {".rst": "import-rst", ".md": "import-md", ".mdx": "import-md"}


def tables(names: list[str]) -> list[Path]:
    """The table files *names* stand for (a directory: its .rst and .md files, sorted)."""
    found: list[Path] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix in SUFFIXES))
        else:
            found.append(path)
    return found


def build(project: Path, checks: str | None) -> tuple[int, list[str]]:
    """Build *project* with ``-W``; the exit status and the warning lines."""
    conf = "extensions = ['sphinx_awserrors']\nawserrors_catalogue = 'errors.yaml'\n"
    if checks is not None:
        conf += f"awserrors_checks = [{checks!r}]\n"
    (project / "conf.py").write_text(conf, encoding="utf-8")
    out = project / f"_build-{checks or 'default'}"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-q",
            "-E",
            "-b",
            "html",
            str(project),
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.returncode, [line for line in done.stderr.splitlines() if "WARNING" in line]


def subtypes(warnings: list[str]) -> dict[str, int]:
    found = collections.Counter(
        m.group(1) if (m := re.search(r"\[awserrors\.([\w-]+)\]", w)) else "other" for w in warnings
    )
    return dict(sorted(found.items()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tables", nargs="+", help=".rst/.md files or directories of them")
    parser.add_argument("--show", action="store_true", help="print the default warnings")
    args = parser.parse_args()
    clean = built = 0
    with tempfile.TemporaryDirectory() as work:
        for number, table in enumerate(tables(args.tables)):
            project = Path(work) / str(number)
            project.mkdir()
            (project / "index.rst").write_text(
                "Errors\n======\n\n.. aws-error-table::\n", encoding="utf-8"
            )
            imported = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "sphinx_awserrors",
                    SUFFIXES[table.suffix],
                    str(table),
                    "-o",
                    str(project / "errors.yaml"),
                ],
                capture_output=True,
                text=True,
                check=False,
            )
            if not (project / "errors.yaml").exists():
                reason = (imported.stderr.strip().splitlines() or ["?"])[-1]
                print(f"NOT IMPORTED {table.name}: {reason}")
                continue
            status, warnings = build(project, None)
            _, everything = build(project, "all")
            clean += status == 0
            built += 1
            verdict = "CLEAN" if status == 0 else "FAILS"
            print(
                f"{verdict:5} {table.name}: default {subtypes(warnings) or '{}'}, "
                f"all {subtypes(everything) or '{}'}"
            )
            if args.show:
                for line in warnings:
                    print("      " + line.split("errors.yaml", 1)[-1])
    print(f"{clean} of {built} imported tables build clean with -W by default")
    return 0


if __name__ == "__main__":
    sys.exit(main())
