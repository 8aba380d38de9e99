"""Helpers of the build tests: a build that records the documents it reads and writes, file
edits, warnings without colours, the codes a page's tables show."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp


def table_codes(app: SphinxTestApp, docname: str) -> list[list[str]]:
    """The codes of each table of *docname*, row by row."""
    doctree = app.env.get_doctree(docname)
    return [
        [row[0].astext() for row in next(table.findall(nodes.tbody)).children]
        for table in doctree.findall(nodes.table)
    ]


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
