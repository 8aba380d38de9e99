"""Precision and recall of ``lint`` on real catalogues: the judged corpus.

``benchmarks/corpus/*.yaml`` are error catalogues of public S3 servers and mocks (see each
file's header); ``benchmarks/corpus/verdicts.yaml`` judges every finding by hand (real,
style, wrong) and lists the real defects lint misses. Per catalogue and overall this prints

* precision: real findings / findings of the chosen checks (default: the ``defects`` group);
* recall: real defects found / real defects judged (found + missed).

Usage: ``python benchmarks/bench_lint_precision.py [--group defects|style|all]``. Exits 1
when a finding has no verdict (judge it in verdicts.yaml first).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CORPUS = Path(__file__).parent / "corpus"
VERDICTS = CORPUS / "verdicts.yaml"


@dataclass
class Score:
    """The counts of one catalogue (or of all)."""

    findings: int = 0
    real: int = 0
    wrong: int = 0
    missed: int = 0
    unjudged: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.real / self.findings if self.findings else 1.0

    @property
    def recall(self) -> float:
        total = self.real + self.missed
        return self.real / total if total else 1.0

    def add(self, other: Score) -> None:
        self.findings += other.findings
        self.real += other.real
        self.wrong += other.wrong
        self.missed += other.missed
        self.unjudged += other.unjudged


def catalogues() -> list[Path]:
    """The corpus catalogue files."""
    return sorted(p for p in CORPUS.glob("*.yaml") if p != VERDICTS)


def _key(item: dict[str, Any]) -> tuple[str, str, str, str | None]:
    return (item["file"], item["check"], item["code"], item.get("word"))


def score(group: str = "defects") -> tuple[dict[str, Score], Score]:
    """Per catalogue and overall scores of the checks of *group* (``all`` for every check)."""
    from sphinx_awserrors.checks import REGISTRY
    from sphinx_awserrors.cli.lint import lint

    data = yaml.safe_load(VERDICTS.read_text(encoding="utf-8"))
    verdicts = {_key(v): v["verdict"] for v in data["findings"]}
    chosen = [n for n, c in REGISTRY.items() if group == "all" or c.group == group]
    scores: dict[str, Score] = {}
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp, "pyproject.toml")
        config.write_text("[project]\nname = 'corpus'\n", encoding="utf-8")
        for path in catalogues():
            result = Score()
            found, _ = lint([str(path)], select=chosen, config=str(config))
            for finding in found:
                if finding.check not in chosen:
                    continue  # the loader's own findings
                item = {"file": path.name, "check": finding.check, "code": finding.code,
                        "word": finding.word}  # fmt: skip
                verdict = verdicts.get(_key(item))
                if verdict is None:
                    result.unjudged.append(f"{path.name}: {finding.check}: {finding.message}")
                    continue
                result.findings += 1
                result.real += verdict == "real"
                result.wrong += verdict == "wrong"
            result.missed = sum(1 for m in data["missed"] if m["file"] == path.name)
            if group not in ("defects", "all"):
                result.missed = 0
            scores[path.name] = result
    total = Score()
    for result in scores.values():
        total.add(result)
    return scores, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--group", choices=("defects", "style", "all"), default="defects")
    args = parser.parse_args(argv)
    scores, total = score(args.group)
    print(f"{'catalogue':<20} {'findings':>8} {'real':>5} {'wrong':>5} {'missed':>6} "
          f"{'precision':>9} {'recall':>7}")  # fmt: skip
    for name, s in [*scores.items(), ("overall", total)]:
        print(f"{name:<20} {s.findings:>8} {s.real:>5} {s.wrong:>5} {s.missed:>6} "
              f"{s.precision:>9.1%} {s.recall:>7.1%}")  # fmt: skip
    for line in total.unjudged:
        print(f"unjudged: {line}", file=sys.stderr)
    return 1 if total.unjudged else 0


if __name__ == "__main__":
    raise SystemExit(main())
