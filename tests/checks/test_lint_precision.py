"""The done-when of issue 14: lint is precise on real catalogues and finds what matters.

The judged corpus (``benchmarks/corpus``) holds error catalogues of public S3 servers;
``verdicts.yaml`` judges every finding and lists the real defects lint misses.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from sphinx_awserrors.catalogue import load_catalogue
from sphinx_awserrors.checks import REGISTRY, run_checks
from sphinx_awserrors.cli.lint import lint

if TYPE_CHECKING:
    from types import ModuleType

ROOT = Path(__file__).parents[2]


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bench_lint_precision", ROOT / "benchmarks" / "bench_lint_precision.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores() -> tuple[dict[str, object], object]:
    return _bench().score("defects")  # type: ignore[no-any-return]


def test_corpus_has_eight_real_catalogues() -> None:
    files = _bench().catalogues()
    assert len(files) >= 8
    for path in files:
        header = path.read_text(encoding="utf-8").splitlines()[:3]
        assert any("Origin: https://github.com/" in line for line in header), path.name


def test_every_finding_on_the_corpus_is_judged(scores: tuple[dict[str, object], object]) -> None:
    _, total = scores
    assert total.unjudged == []  # type: ignore[attr-defined]


def test_default_checks_are_precise_on_real_catalogues(
    scores: tuple[dict[str, object], object],
) -> None:
    _, total = scores
    assert total.findings >= 40  # type: ignore[attr-defined]
    assert total.precision >= 0.90  # type: ignore[attr-defined]


def test_default_checks_find_most_real_defects(scores: tuple[dict[str, object], object]) -> None:
    _, total = scores
    assert total.recall >= 0.85  # type: ignore[attr-defined]


def test_every_check_has_a_group() -> None:
    assert {c.group for c in REGISTRY.values()} == {"defects", "style"}
    assert REGISTRY["style"].group == "style"
    assert REGISTRY["order"].group == "style"
    assert REGISTRY["code-name"].group == "defects"


def test_seed_certain_defects_are_found_by_default(seed_path: Path, tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text("[project]\nname = 'x'\n", encoding="utf-8")
    defects = [n for n, c in REGISTRY.items() if c.group == "defects"]
    found, _ = lint([str(seed_path)], select=defects, config=str(config))
    got = {(f.check, f.code) for f in found}
    assert ("term-spelling", "MalformedPOSTRequest") in got  # multipart/form data
    hyphen = next(f for f in found if f.check == "term-spelling")
    assert hyphen.suggestion == "multipart/form-data"
    assert {
        ("grammar", "AccountNotFound"),
        ("grammar", "InvalidPartOrder"),
        ("spelling", "NoSuchUpload"),
        ("variant-spelling", "MalformedACLError"),
        ("variant-spelling", "RequestIsNotMultiPartContent"),
    } <= got


def test_bundled_catalogue_stays_clean_with_the_new_checks() -> None:
    result = load_catalogue(None)
    assert run_checks(result.catalogue) == []
