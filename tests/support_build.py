"""Helpers of the build tests: a build that records the documents it reads and writes, file
edits, warnings without colours, the codes a page's tables show."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinx_awserrors.sphinxext.html_rows import awserr_html_rows

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp


def table_codes(app: SphinxTestApp, docname: str) -> list[list[str]]:
    """The codes of each table of *docname*, row by row."""
    doctree = app.env.get_and_resolve_doctree(docname, app.builder)
    return [first_cells(next(table.findall(nodes.tbody))) for table in doctree.findall(nodes.table)]


def first_cells(tbody: nodes.Element) -> list[str]:
    """The text of the first cell of each row of *tbody*, rows written from records too."""
    texts: list[str] = []
    for child in tbody.children:
        if isinstance(child, awserr_html_rows):
            # HTML builders write these rows from their records (sphinxext.html_rows)
            assert child["columns"][0] == "code", "the helper reads codes only"
            texts += [record[0] for record in child["rows"]]
        else:
            assert isinstance(child, nodes.row)
            texts.append(child[0].astext())
    return texts


class Recorder:
    """The documents a build reads and writes."""

    def __init__(self, app: SphinxTestApp) -> None:
        self.read: set[str] = set()
        self.written: set[str] = set()
        app.connect("env-before-read-docs", self._before_read)
        app.connect("doctree-resolved", self._resolved)

    def _before_read(self, app: Any, env: Any, docnames: list[str]) -> None:
        self.read.update(docnames)

    def _resolved(self, app: Any, doctree: Any, docname: str) -> None:
        self.written.add(docname)


def build(make_app: Callable[..., SphinxTestApp], src: Path, **kwargs: Any) -> tuple[Any, Recorder]:
    app = make_app("html", srcdir=src, **kwargs)
    recorder = Recorder(app)
    app.build()
    return app, recorder


def plain(text: str) -> str:
    """*text* without terminal colours."""
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def rows_built(doctree: nodes.document) -> nodes.document:
    """*doctree* as read, with the rows its tables recorded compactly built (no resolving)."""
    from sphinx_awserrors.sphinxext import lazyrows

    for compact in list(doctree.findall(lazyrows.awserr_rows)):
        compact.replace_self(lazyrows.expand(compact, doctree))
    return doctree
