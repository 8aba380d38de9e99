"""A parallel build (``-j 2``) gives exactly the serial result: same pages, same warnings."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from support_xref import awserrors_warnings, build, copy_root, inventory

from sphinx_awserrors.sphinxext.domain import AwsDomain

if TYPE_CHECKING:
    from collections.abc import Set
    from pathlib import Path

    import pytest


def _pages(outdir: Path) -> dict[str, str]:
    return {
        str(path.relative_to(outdir)): path.read_text(encoding="utf-8")
        for path in sorted(outdir.rglob("*.html"))
    }


def _search_index(outdir: Path) -> Any:
    text = (outdir / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


def test_parallel_equals_serial(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    serial_src = copy_root("xref", tmp_path / "serial")
    parallel_src = copy_root("xref", tmp_path / "parallel")
    serial = build(serial_src)

    merged: list[set[str]] = []
    merge = AwsDomain.merge_domaindata

    def spy(self: AwsDomain, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        merged.append(set(docnames))
        merge(self, docnames, otherdata)

    monkeypatch.setattr(AwsDomain, "merge_domaindata", spy)
    parallel = build(parallel_src, parallel=2)
    assert len(merged) >= 2  # the documents really were read by parallel workers

    assert _pages(parallel.outdir) == _pages(serial.outdir)
    assert inventory(parallel.outdir / "objects.inv") == inventory(serial.outdir / "objects.inv")
    # compared as data: Sphinx < 7.3 writes the titles of a parallel build in another key order
    assert _search_index(parallel.outdir) == _search_index(serial.outdir)
    assert awserrors_warnings(parallel.warnings, parallel_src) == awserrors_warnings(
        serial.warnings, serial_src
    )
    assert "duplicate" not in parallel.warnings
