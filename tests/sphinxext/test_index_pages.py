"""The general and domain index pages: kept while what they are made of is unchanged, written
again (equal to a fresh build's) as soon as any of it changes."""

from __future__ import annotations

import shutil
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import sphinx
from support_build import build, edit
from support_paths import ROOTS

from sphinx_awserrors.sphinxext import index_pages

pytestmark = pytest.mark.skipif(
    sphinx.version_info < index_pages.MIN_SPHINX,
    reason="the index pages are kept only with the Sphinx versions their keys were checked on",
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp

PAGES = ("genindex.html", "aws-errorindex.html")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-catalogue-split", src)
    return src


def stamps(app: Any) -> dict[str, int]:
    return {name: (Path(app.outdir) / name).stat().st_mtime_ns for name in PAGES}


def pages(app: Any) -> dict[str, str]:
    return {name: (Path(app.outdir) / name).read_text(encoding="utf-8") for name in PAGES}


def fresh_pages(
    make_app: Callable[..., SphinxTestApp], project: Path, tmp_path: Path, **kwargs: Any
) -> dict[str, str]:
    copy = tmp_path / "fresh"
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns("_build"))
    app, _ = build(make_app, copy, freshenv=True, **kwargs)
    return pages(app)


def test_a_touched_prose_page_keeps_the_index_pages(
    make_app: Callable[..., SphinxTestApp], project: Path, tmp_path: Path
) -> None:
    first, _ = build(make_app, project)
    written = stamps(first)
    (project / "refs_key.rst").touch()
    app, rec = build(make_app, project)
    assert rec.read == {"refs_key"}
    assert stamps(app) == written  # not written again
    assert "genindex" in app._status.getvalue()  # the progress line is the same
    assert pages(app) == fresh_pages(make_app, project, tmp_path)


@pytest.mark.parametrize(
    ("change", "rewritten"),
    [
        # what the general index shows: a status in the catalogue ("404; NoSuchKey")
        (lambda src: edit(src / "errors.yaml", "status: 503", "status: 429"), PAGES),
        # the navigation in the sidebar: a page title
        (lambda src: edit(src / "refs_key.rst", "Keys\n====", "Key pages\n========="), PAGES),
        # a page added to the project
        (
            lambda src: (
                (src / "extra.rst").write_text("Extra\n=====\n", encoding="utf-8"),
                edit(src / "index.rst", "   plain", "   plain\n   extra"),
            ),
            PAGES,
        ),
        # what the domain index shows, and not the general index
        (
            lambda src: edit(
                src / "errors.yaml", "The specified key does not exist.", "The key is gone."
            ),
            ("aws-errorindex.html",),
        ),
    ],
    ids=["index-entry", "title", "added-page", "description"],
)
def test_a_changed_input_writes_the_pages_it_is_part_of_again(
    make_app: Callable[..., SphinxTestApp],
    project: Path,
    tmp_path: Path,
    change: Callable[[Path], object],
    rewritten: tuple[str, ...],
) -> None:
    first, _ = build(make_app, project)
    written = stamps(first)
    change(project)
    app, _ = build(make_app, project)
    now = stamps(app)
    assert {name for name in PAGES if now[name] != written[name]} == set(rewritten)
    assert pages(app) == fresh_pages(make_app, project, tmp_path)


def test_html_configuration_and_an_edited_page_write_the_pages_again(
    make_app: Callable[..., SphinxTestApp], project: Path, tmp_path: Path
) -> None:
    build(make_app, project)
    app, _ = build(make_app, project, confoverrides={"html_title": "Another title"})
    assert "Another title" in pages(app)["genindex.html"]
    assert pages(app) == fresh_pages(
        make_app, project, tmp_path, confoverrides={"html_title": "Another title"}
    )
    genindex = Path(app.outdir) / "genindex.html"
    genindex.write_text("edited by hand", encoding="utf-8")
    app, _ = build(make_app, project, confoverrides={"html_title": "Another title"})
    assert "Another title" in genindex.read_text(encoding="utf-8")


def test_an_unknown_page_context_handler_writes_the_pages_every_time(
    make_app: Callable[..., SphinxTestApp], project: Path
) -> None:
    seen: list[str] = []

    def handler(app: Any, pagename: str, *args: Any) -> None:
        seen.append(pagename)

    handler.__module__ = "someone.elses.extension"  # it could collect the pages it sees
    for _ in range(2):
        app = make_app("html", srcdir=project)
        app.connect("html-page-context", handler)
        app.build()
    assert seen.count("genindex") == 2
    assert seen.count("aws-errorindex") == 2


def test_stable_text_of_the_context() -> None:
    class Asset:
        __slots__ = ("filename", "priority")

        def __init__(self, filename: str) -> None:
            self.filename, self.priority = filename, 500

    value = {"css": [Asset("a.css")], "n": (1, None), "s": {"b", "a"}}
    assert index_pages.stable(value) == index_pages.stable(
        {"s": {"a", "b"}, "n": (1, None), "css": [Asset("a.css")]}
    )
    assert index_pages.stable([Asset("a.css")]) != index_pages.stable([Asset("b.css")])
    with pytest.raises(index_pages.Unstable):
        index_pages.stable({"pathto": lambda name: name})
    with pytest.raises(index_pages.Unstable):
        index_pages.stable(object())


def _inventory(app: Any) -> bytes:
    data = (Path(app.outdir) / "objects.inv").read_bytes()
    header, _, body = data.partition(b"compressed using zlib.\n")
    return header + zlib.decompress(body)


def test_the_inventory_is_kept_until_an_object_moves(
    make_app: Callable[..., SphinxTestApp], project: Path, tmp_path: Path
) -> None:
    first, _ = build(make_app, project)
    inventory = Path(first.outdir) / "objects.inv"
    written = inventory.stat().st_mtime_ns
    (project / "refs_key.rst").touch()
    app, _ = build(make_app, project)
    assert inventory.stat().st_mtime_ns == written
    assert "dumping object inventory" in app._status.getvalue()
    # NoSuchKey documented by a directive now: its URI in the inventory changes
    (project / "single.rst").write_text(
        "One code\n========\n\n.. aws-error:: NoSuchKey\n\n   Here.\n", encoding="utf-8"
    )
    app, _ = build(make_app, project)
    assert inventory.stat().st_mtime_ns != written
    assert b"single.html#awserr-nosuchkey" in _inventory(app)
    copy = tmp_path / "fresh"
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns("_build"))
    fresh, _ = build(make_app, copy, freshenv=True)
    assert _inventory(app) == _inventory(fresh)
    # the project's version is in its header
    app, _ = build(make_app, project, confoverrides={"version": "9.9"})
    assert b"# Version: 9.9" in _inventory(app)
