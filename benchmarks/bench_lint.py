"""Benchmark: ``sphinx-awserrors lint`` of a 10,000-entry catalogue with about 1% typos.

The catalogue is made by ``benchmarks/generate.py`` (S3-like codes and descriptions) and
one description in a hundred gets a typo from ``tests/support_typos.py``. Each run is a fresh
Python process, so the time includes importing the package and loading the dictionary::

    python benchmarks/bench_lint.py [--entries 10000] [--typo-rate 0.01] [--runs 3]

It prints the time of the whole lint (every check, ``--select all``) and of the spelling
check alone, the best of *runs*, and how many of the injected typos the spelling check
reported. The target
is under 2 s for the whole lint on a 10,000-entry catalogue.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]

import generate  # noqa: E402  (benchmarks/generate.py)
import support_typos  # noqa: E402  (tests/support_typos.py)

if TYPE_CHECKING:
    from collections.abc import Sequence

#: Run in a fresh interpreter: import, load, check; print the seconds and the findings.
_CHILD = """
import json, sys, time
start = time.perf_counter()
from sphinx_awserrors.cli.lint import lint
select = json.loads(sys.argv[3])
found, unreadable = lint([sys.argv[1]], select=select, config=sys.argv[2])
elapsed = time.perf_counter() - start
spelling = [[f.code, f.word] for f in found if f.check == "spelling"]
print(json.dumps({"seconds": elapsed, "findings": len(found), "spelling": spelling}))
"""


def make_catalogue(entries: int, typo_rate: float, seed: int) -> tuple[str, dict[str, str]]:
    """The catalogue as YAML text, and the injected typos (code -> the word as mistyped)."""
    rng = random.Random(seed)
    made = generate.make_entries(entries, rng)
    descriptions = [entry.description for entry in made]
    wanted = round(entries * typo_rate)
    typos: dict[str, str] = {}
    for index, typo in support_typos.generate(descriptions, wanted * 3, seed=seed):
        code = made[index].code
        if code in typos:
            continue
        descriptions[index] = typo.description
        typos[code] = typo.typo[0]
        if len(typos) == wanted:
            break
    data = {
        "errors": [
            {"code": e.code, "status": e.status, "description": d}
            for e, d in zip(made, descriptions, strict=True)
        ]
    }
    return yaml.safe_dump(data, sort_keys=False, width=1000), typos


def run_child(path: Path, config: Path, select: Sequence[str] | None) -> dict[str, object]:
    """Lint *path* in a fresh interpreter; its timing and findings."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), str(config), json.dumps(select)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, object] = json.loads(out.stdout)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    """Generate the catalogue, time the lint runs, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--typo-rate", type=float, default=0.01)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "errors.yaml")
        config = Path(tmp, "pyproject.toml")
        config.write_text("[project]\nname = 'bench'\n", encoding="utf-8")
        text, typos = make_catalogue(args.entries, args.typo_rate, args.seed)
        path.write_text(text, encoding="utf-8")
        print(f"catalogue: {args.entries} entries, {len(typos)} with a typo")
        for label, select in (("whole lint", ["all"]), ("spelling only", ["spelling"])):
            results = [run_child(path, config, select) for _ in range(args.runs)]
            best = min(float(str(r["seconds"])) for r in results)
            print(
                f"{label:14} best of {args.runs}: {best:.2f} s ({results[0]['findings']} findings)"
            )
            if select == ["spelling"]:
                spelling = results[0]["spelling"]
                assert isinstance(spelling, list)
                reported = {(code, word) for code, word in spelling}
                caught = sum((code, word) in reported for code, word in typos.items())
                others = len(reported) - caught
                print(f"typos reported: {caught}/{len(typos)}; other spelling findings: {others}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
