"""Incremental builds do no work over all entries unless the catalogue changed, and then little;
and they give what a fresh build gives: pages, and the JSON export.

The project (``roots/test-catalogue-split``): a 4xx table (``client``), a 5xx table (``server``),
an ``aws-error`` directive (``single``), a page referencing NoSuchKey (``refs_key``) and one
referencing SlowDown (``refs_slow``).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from support_build import build, edit
from support_paths import ROOTS
from support_xref import build as build_root
from support_xref import copy_root

from sphinx_awserrors.catalogue import Catalogue, ErrorEntry
from sphinx_awserrors.convert import writers
from sphinx_awserrors.sphinxext import buildstate, domain
from sphinx_awserrors.sphinxext.buildstate import changed_codes

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp


@pytest.fixture
def project(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-catalogue-split", src)
    return src


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Count the per-entry work: deriving targets, parsing descriptions, serialising JSON."""
    counts = {"derive": 0, "description_text": 0, "to_json": 0}

    def counting(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            counts[name] += 1
            return function(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(domain.AwsDomain, "_derive", counting("derive", domain.AwsDomain._derive))
    monkeypatch.setattr(
        buildstate, "description_text", counting("description_text", buildstate.description_text)
    )
    # json_export imports it when it writes
    monkeypatch.setattr(writers, "to_json", counting("to_json", writers.to_json))
    return counts


def genindex_links(app: Any) -> list[str]:
    html = (Path(app.outdir) / "genindex.html").read_text(encoding="utf-8")
    return [part.split('"', 1)[0] for part in html.split('href="')[1:] if "#awserr-" in part]


def test_touched_catalogue_and_no_change_do_no_per_entry_work(
    make_app: Callable[..., SphinxTestApp], project: Path, calls: dict[str, int]
) -> None:
    first, _ = build(make_app, project)
    assert calls["derive"] >= 1
    assert calls["description_text"] == 3  # each description once, kept with the environment
    assert calls["to_json"] == 1
    export_file = Path(first.outdir) / "_static" / "awserrors.json"
    written = export_file.stat().st_mtime_ns
    catalogue = project / "errors.yaml"
    later = catalogue.stat().st_mtime + 100
    os.utime(catalogue, (later, later))
    for _ in range(2):  # a touched catalogue, then nothing at all
        calls.update(dict.fromkeys(calls, 0))
        app, rec = build(make_app, project)
        assert rec.read == set()
        assert rec.written == set()
        assert calls == {"derive": 0, "description_text": 0, "to_json": 0}
    assert export_file.stat().st_mtime_ns == written
    assert genindex_links(app) == genindex_links(first)


def test_touched_page_reads_one_page_and_parses_no_description(
    make_app: Callable[..., SphinxTestApp], project: Path, calls: dict[str, int]
) -> None:
    first, _ = build(make_app, project)
    for page in ("refs_key", "client"):  # a referencing page, then the page of the targets
        (project / f"{page}.rst").touch()
        calls.update(dict.fromkeys(calls, 0))
        app, rec = build(make_app, project)
        assert rec.read == {page}
        assert rec.written <= {page, "index"}
        assert calls["derive"] == 0  # the page recorded the same places: targets stand
        assert calls["description_text"] == 0
        assert calls["to_json"] == 0
        # the index entries of re-read pages are neither lost nor doubled
        assert sorted(genindex_links(app)) == sorted(genindex_links(first))


def test_the_stylesheet_leaves_the_configuration_unchanged(
    make_app: Callable[..., SphinxTestApp], project: Path
) -> None:
    first, _ = build(make_app, project)
    assert (Path(first.outdir) / "_static" / "awserrors.css").is_file()
    app, _ = build(make_app, project)
    # html_static_path grew on builder-inited, so the pickled configuration differed from
    # conf.py and Sphinx 9 logged "The configuration has changed" on every build
    assert app.config.html_static_path == []
    assert "html_static_path" not in app._status.getvalue()
    assert "awserrors.css" in (Path(app.outdir) / "index.html").read_text(encoding="utf-8")


def test_description_edit_rereads_the_page_showing_it_and_rewrites_its_referrers(
    make_app: Callable[..., SphinxTestApp], project: Path, calls: dict[str, int]
) -> None:
    build(make_app, project)
    edit(project / "errors.yaml", "The specified key does not exist.", "The key is gone.")
    calls.update(dict.fromkeys(calls, 0))
    app, rec = build(make_app, project)
    assert rec.read == {"client"}
    # index: its toctree lists the re-read page (Sphinx's own rule)
    assert rec.written == {"client", "refs_key", "index"}
    assert calls["description_text"] == 1  # only the edited description
    assert calls["to_json"] == 1
    outdir = Path(app.outdir)
    assert "The key is gone." in (outdir / "client.html").read_text(encoding="utf-8")
    assert "404 Not Found: The key is gone." in (outdir / "refs_key.html").read_text(
        encoding="utf-8"
    )
    assert "The key is gone." in (outdir / "_static" / "awserrors.json").read_text(encoding="utf-8")


def test_entry_shown_by_a_directive_rereads_that_page(
    make_app: Callable[..., SphinxTestApp], project: Path
) -> None:
    build(make_app, project)
    edit(project / "errors.yaml", "Access was denied.", "Access is denied.")
    app, rec = build(make_app, project)
    assert rec.read == {"client", "single"}  # both show AccessDenied
    assert "Access is denied." in (Path(app.outdir) / "single.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("status: 503", "status: 429"),  # SlowDown moves from the 5xx table to the 4xx table
        (
            "errors:\n",
            "errors:\n  - code: NoSuchUpload\n    status: 404\n    description: Gone.\n",
        ),
    ],
    ids=["status", "added"],
)
def test_changed_selection_rereads_every_table(
    make_app: Callable[..., SphinxTestApp], project: Path, old: str, new: str
) -> None:
    build(make_app, project)
    edit(project / "errors.yaml", old, new)
    app, rec = build(make_app, project)
    assert rec.read == {"client", "server", "single"}
    # (without the <wbr /> the HTML has between the words of a code)
    client = (Path(app.outdir) / "client.html").read_text(encoding="utf-8").replace("<wbr />", "")
    assert ("SlowDown" in client) == (old == "status: 503")
    assert ("NoSuchUpload" in client) == (old == "errors:\n")


def test_changed_codes() -> None:
    a = ErrorEntry("A", 404, "One.", file="x.yaml", line=2)
    b = ErrorEntry("B", 500, "Two.", file="x.yaml", line=5)
    old = Catalogue((a, b))
    moved = ErrorEntry("A", 404, "One.", file="x.yaml", line=9)  # only its line moved
    assert changed_codes(old, Catalogue((moved, b))) == frozenset()
    edited = ErrorEntry("B", 500, "Three.", file="x.yaml", line=5)
    assert changed_codes(old, Catalogue((a, edited))) == {"B"}
    see_also = ErrorEntry("B", 500, "Two.", see_also=("A",), file="x.yaml", line=5)
    assert changed_codes(old, Catalogue((a, see_also))) == {"B"}
    assert changed_codes(old, Catalogue((b, a))) is None  # the order decides tables too
    assert changed_codes(old, Catalogue((a,))) is None
    status = ErrorEntry("B", 503, "Two.", file="x.yaml", line=5)
    assert changed_codes(old, Catalogue((a, status))) is None


_BODY = re.compile(r'<div class="body" role="main">(.*?)<div class="sphinxsidebar"', re.S)


def _bodies(outdir: Path) -> dict[str, str | None]:
    pages: dict[str, str | None] = {}
    for page in sorted(outdir.glob("*.html")):
        match = _BODY.search(page.read_text(encoding="utf-8"))
        pages[page.name] = match.group(1) if match else None
    export = outdir / "_static" / "awserrors.json"
    pages["awserrors.json"] = export.read_text(encoding="utf-8") if export.exists() else None
    return pages


def _set_export(src: Path, value: str | None) -> None:
    conf = src / "conf.py"
    text = re.sub(r"(?m)^awserrors_json_export = .*\n", "", conf.read_text(encoding="utf-8"))
    conf.write_text(text + f"awserrors_json_export = {value!r}\n", encoding="utf-8")


def test_turning_the_export_off_or_moving_it_removes_the_earlier_file(tmp_path: Path) -> None:
    src = copy_root("xref", tmp_path)
    outdir = build_root(src).outdir
    default = outdir / "_static" / "awserrors.json"
    assert default.is_file()
    _set_export(src, "_static/moved.json")
    build_root(src)
    assert (outdir / "_static" / "moved.json").is_file()
    assert not default.exists()  # a fresh build would not have it either
    _set_export(src, "")
    build_root(src)
    assert not (outdir / "_static" / "moved.json").exists()
    assert not default.exists()


def test_an_earlier_export_changed_since_is_kept(tmp_path: Path) -> None:
    src = copy_root("xref", tmp_path)
    outdir = build_root(src).outdir
    default = outdir / "_static" / "awserrors.json"
    default.write_text('{"errors": [], "edited": true}', encoding="utf-8")
    _set_export(src, None)
    build_root(src)
    assert default.read_text(encoding="utf-8") == '{"errors": [], "edited": true}'


def test_edit_sequence_matches_fresh_builds(tmp_path: Path) -> None:
    """A few edits of the differential QA script: incremental (-j 2 too) equals fresh."""
    src = copy_root("xref", tmp_path / "src")
    build_root(src)
    catalogue = src / "errors.yaml"
    text = catalogue.read_text(encoding="utf-8")
    bucket = "status: 404\n    description: The specified bucket"
    assert bucket in text

    def move_and_describe() -> None:
        # a status change moves NoSuchBucket out of the 4xx rows, a description gains a link
        edited = text.replace(bucket, bucket.replace("404", "503"))
        edited = edited.replace("Reduce your request rate.", "See :awserr:`AccessDenied`.")
        catalogue.write_text(edited, encoding="utf-8")

    edits = [move_and_describe, lambda: _set_export(src, "")]
    for number, change in enumerate(edits):
        change()
        incremental = _bodies(build_root(src).outdir)
        fresh_src = copy_root("xref", tmp_path / f"fresh{number}")
        for name in ("errors.yaml", "conf.py"):
            (fresh_src / name).write_bytes((src / name).read_bytes())
        fresh = _bodies(build_root(fresh_src).outdir)
        assert incremental == fresh


def _genindex_and_bodies(outdir: Path) -> dict[str, str | None]:
    pages = _bodies(outdir)
    pages["genindex"] = (
        (outdir / "genindex.html")
        .read_text(encoding="utf-8")
        .split('<div class="body" role="main">')[1]
        .split('<div class="sphinxsidebar"')[0]
    )
    return pages


@pytest.mark.parametrize(
    ("page", "old", "new", "derives"),
    [
        ("client", "Client errors\n", "Client errors\n", False),  # touched, same places
        ("client", ".. aws-error-table::", "Some prose.\n\n.. aws-error-table::", True),  # lines
        ("plain", "", "\n\n.. aws-error:: NoSuchKey\n\n   Here.\n", True),  # a new target
        ("client", ".. aws-error-table::", ".. only:: latex\n\n   .. aws-error-table::", True),
        ("server", ".. aws-error-table::", ".. comment::", True),  # a table removed
    ],
    ids=["touch", "moved", "directive", "only", "removed"],
)
def test_reread_page_derives_targets_again_only_when_its_places_changed(
    make_app: Callable[..., SphinxTestApp],
    project: Path,
    calls: dict[str, int],
    tmp_path: Path,
    page: str,
    old: str,
    new: str,
    derives: bool,
) -> None:
    build(make_app, project)
    source = project / f"{page}.rst"
    text = source.read_text(encoding="utf-8")
    edited = text + new if not old else text.replace(old, new, 1)
    if page == "client" and "only::" in new:  # indent the table's options under the only
        edited = edited.replace("\n   :status: 4xx", "\n      :status: 4xx")
    source.write_text(edited, encoding="utf-8")
    calls.update(dict.fromkeys(calls, 0))
    app, rec = build(make_app, project)
    assert page in rec.read
    assert (calls["derive"] > 0) == derives
    fresh = tmp_path / "fresh"
    shutil.copytree(project, fresh, ignore=shutil.ignore_patterns("_build"))
    fresh_app, _ = build(make_app, fresh, freshenv=True)
    assert _genindex_and_bodies(Path(app.outdir)) == _genindex_and_bodies(Path(fresh_app.outdir))


def test_fresh_builds_of_the_same_catalogue_and_places_reuse_the_json_export(
    make_app: Callable[..., SphinxTestApp],
    project: Path,
    calls: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SPHINX_AWSERRORS_FINDINGS_CACHE", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))

    def export(number: int) -> str:
        app, _ = build(make_app, project, builddir=tmp_path / f"build{number}")
        return (Path(app.outdir) / "_static" / "awserrors.json").read_text(encoding="utf-8")

    first = export(0)
    assert export(1) == first
    assert calls["to_json"] == 1  # the second fresh build serialised nothing
    # the places are part of the key: a code documented elsewhere has another URL
    (project / "single.rst").write_text(
        "One code\n========\n\n.. aws-error:: NoSuchKey\n\n   Here.\n", encoding="utf-8"
    )
    moved = export(2)
    assert calls["to_json"] == 2
    assert moved != first
    assert "single.html#awserr-nosuchkey" in moved
    edit(project / "errors.yaml", "status: 503", "status: 429")  # the catalogue too
    assert '"status": 429' in export(3)
    assert calls["to_json"] == 3
