"""Text output: without ``:widths:``, the code column fits the codes of the table."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from sphinx_awserrors.sphinxext.table_directive import MAX_CODE_WIDTH

if TYPE_CHECKING:
    from io import StringIO

    from sphinx.testing.util import SphinxTestApp


def _tables(text: str) -> dict[str, list[str]]:
    """The lines of each table of the text output, by the caption above it."""
    tables: dict[str, list[str]] = {}
    caption = ""
    lines = text.splitlines()
    for number, line in enumerate(lines):
        if line.startswith("^^^"):
            caption = lines[number - 1]
        elif line.startswith(("+", "|")):
            tables.setdefault(caption, []).append(line)
    return tables


@pytest.mark.sphinx("text", testroot="qa-e-text", freshenv=True)
def test_codes_are_not_cut_in_text_tables(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert warning.getvalue() == ""
    tables = _tables((app.outdir / "index.txt").read_text(encoding="utf-8"))
    code = '"IllegalVersioningConfigurationException"'
    # the column was 32 characters: "IllegalVersioningConfigurationE / xception"
    for caption in ("Default widths", "Grouped: 4xx Client Error"):
        assert any(f"| {code} " in line for line in tables[caption]), caption
        widths = {len(line) for line in tables[caption]}
        assert len(widths) == 1, caption  # a well-formed table
    # the groups share their column widths, sized for every code of the block
    assert tables["Grouped: 4xx Client Error"][0] == tables["Grouped: 5xx Server Error"][0]
    # the description gave the room: the table is as wide as before
    assert len(tables["Default widths"][0]) == len(tables["Given widths"][0])
    # given widths are the page's choice
    assert not any(code in line for line in tables["Given widths"])
    # an outlandish code gets a wider column, not one that squeezes every description
    first = tables["Outlandish"][0]
    assert first.index("+", 1) - 1 == MAX_CODE_WIDTH + 2  # the cell's padding


@pytest.mark.sphinx("latex", testroot="qa-e-text", freshenv=True)
def test_the_latex_columns_keep_their_proportions(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert warning.getvalue() == ""
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    # every table, the widened ones too (the grouped one has two)
    assert tex.count("\\begin{longtable}{\\X{30}{95}\\X{55}{95}\\X{10}{95}}") == 5
