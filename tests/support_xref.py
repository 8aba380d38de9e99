"""Helpers of the reference tests: build a copy of a test root, read links, inventories and
warnings."""

from __future__ import annotations

import re
import shutil
import zlib
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path
from typing import Any, NamedTuple

from sphinx.testing.util import SphinxTestApp
from support_paths import ROOTS

_ESCAPES = re.compile(r"\x1b\[[0-9;]*m")


# --- helpers (also used by the other test_xref_* modules) ------------------------------------


class Built(NamedTuple):
    """The result of one build: the app (cleaned up), its status output and its warnings."""

    app: SphinxTestApp
    status: str
    warnings: str

    @property
    def outdir(self) -> Path:
        return Path(self.app.outdir)

    def read(self, name: str) -> str:
        return (self.outdir / name).read_text(encoding="utf-8")


def copy_root(name: str, dest: Path) -> Path:
    """A private copy of ``roots/test-<name>`` (so builds never share output)."""
    target = dest / name
    shutil.copytree(ROOTS / f"test-{name}", target)
    return target


def build(
    srcdir: Path,
    buildername: str = "html",
    *,
    parallel: int = 0,
    confoverrides: dict[str, Any] | None = None,
) -> Built:
    """Build *srcdir* (again, incrementally, when it was built before)."""
    status, warning = StringIO(), StringIO()
    app = SphinxTestApp(
        buildername,
        srcdir=srcdir,
        confoverrides=confoverrides,
        status=status,
        warning=warning,
        parallel=parallel,
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return Built(app, _ESCAPES.sub("", status.getvalue()), _ESCAPES.sub("", warning.getvalue()))


#: The warning subtypes of references and the aws-error directive (not the catalogue checks).
SUBTYPES = ("[awserrors.ref]", "[awserrors.directive]", "[awserrors.config]")


def awserrors_warnings(text: str, srcdir: Path) -> list[str]:
    """The domain's warnings, with the source directory removed from locations."""
    prefix = str(srcdir) + "/"
    return sorted(
        line.replace(prefix, "")
        for line in _ESCAPES.sub("", text).splitlines()
        if any(line.endswith(subtype) for subtype in SUBTYPES)
    )


class Link(NamedTuple):
    href: str
    title: str | None
    text: str
    inner: str


class _Links(HTMLParser):
    """Every ``<a>`` of a page, with its text and the tags inside it."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[Link] = []
        self._open: list[tuple[dict[str, str | None], list[str], list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._open.append((dict(attrs), [], []))
        elif self._open:
            self._open[-1][2].append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open:
            attrs, text, tags = self._open.pop()
            self.links.append(
                Link(attrs.get("href") or "", attrs.get("title"), "".join(text), " ".join(tags))
            )

    def handle_data(self, data: str) -> None:
        for _attrs, text, _tags in self._open:
            text.append(data)


def links(page: str) -> list[Link]:
    parser = _Links()
    parser.feed(page)
    return parser.links


def paragraph(page: str, start: str) -> str:
    """The HTML of the paragraph whose text starts with *start*."""
    match = re.search(rf"<p>{re.escape(start)}.*?</p>", page, re.DOTALL)
    assert match, f"no paragraph starting with {start!r}"
    return match.group(0)


def inventory(path: Path) -> list[tuple[str, str, str, str]]:
    """(name, type, uri, display name) of each object of an ``objects.inv``."""
    data = path.read_bytes()
    body = data.split(b"\n", 4)[4]
    rows = []
    for line in zlib.decompress(body).decode().splitlines():
        match = re.match(r"(.+?)\s+(\S+:\S+)\s+(-?\d+)\s+(\S*)\s+(.*)", line)
        assert match, line
        name, kind, _prio, uri, dispname = match.groups()
        uri = uri[:-1] + name if uri.endswith("$") else uri
        rows.append((name, kind, uri, name if dispname == "-" else dispname))
    return rows
