"""The collector policy of builds: same output, nothing left frozen, written tables freed."""

from __future__ import annotations

import gc
import re
import weakref
from types import SimpleNamespace
from typing import TYPE_CHECKING

import pytest
from docutils import nodes, utils
from sphinx import addnodes

from sphinx_awserrors.sphinxext import gcpolicy

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp


def _project(root: Path, freeze: bool) -> Path:
    root.mkdir(parents=True)
    entries = "".join(
        f"  - code: Code{n:03d}\n    status: {400 + n % 5}\n"
        f"    description: The thing number {n} is wrong; see :awserr:`Code{(n + 1) % 30:03d}`.\n"
        for n in range(30)
    )
    (root / "errors.yaml").write_text("errors:\n" + entries, encoding="utf-8")
    (root / "conf.py").write_text(
        'extensions = ["sphinx_awserrors", "sphinx.ext.todo"]\n'
        "todo_include_todos = True\ntodo_link_only = True\n"
        'awserrors_catalogue = "errors.yaml"\n'
        f"awserrors_checks = []\nawserrors_gc_freeze = {freeze}\n",
        encoding="utf-8",
    )
    (root / "index.rst").write_text(
        "Index\n=====\n\n.. toctree::\n\n   a\n   b\n   c\n", encoding="utf-8"
    )
    # a todo written with page a and listed again on page c, written later: kept by
    # sphinx.ext.todo, its nodes must survive page a being freed
    (root / "a.rst").write_text(
        "A\n=\n\n.. todo:: Check :awserr:`Code002` once more.\n\n"
        ".. aws-error-table:: Some\n   :status: 400-402\n"
    )
    (root / "b.rst").write_text("B\n=\n\n.. aws-error-table:: Others\n   :status: 403-404\n")
    (root / "c.rst").write_text(
        "C\n=\n\nSee :awserr:`Code001` and :awserr:`Code029`.\n\n.. todolist::\n"
    )
    return root


def _bodies(out: Path) -> dict[str, str]:
    found = {}
    for page in sorted(out.glob("*.html")):
        text = page.read_text(encoding="utf-8")
        match = re.search(
            r'<div class="body" role="main">(.*?)<div class="sphinxsidebar"', text, re.S
        )
        found[page.name] = match[1] if match else text
    return found


@pytest.mark.parametrize(("parallel", "minimum"), [(0, 0), (2, 0), (0, gcpolicy.MIN_DOCUMENTS)])
def test_output_is_the_same_with_the_policy_and_nothing_stays_frozen(
    make_app: Callable[..., SphinxTestApp],
    tmp_path: Path,
    parallel: int,
    minimum: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # minimum 0: every stage of the policy on for this small project; else only the freeze
    # after set-up
    monkeypatch.setattr(gcpolicy, "MIN_DOCUMENTS", minimum)
    frozen: list[int] = []
    real_freeze = gc.freeze

    def counting_freeze() -> None:
        frozen.append(1)
        real_freeze()

    monkeypatch.setattr(gc, "freeze", counting_freeze)
    apps = {}
    thresholds = gc.get_threshold()
    for freeze in (True, False):
        app = make_app("html", srcdir=_project(tmp_path / str(freeze), freeze), parallel=parallel)
        app.build()
        assert gc.get_freeze_count() == 0
        assert gc.get_threshold() == thresholds  # restored at the end of the build
        apps[freeze] = app
    assert frozen  # the policy did freeze
    with_policy, without = _bodies(apps[True].outdir), _bodies(apps[False].outdir)
    assert with_policy == without
    assert "Code029" in with_policy["a.html"] + with_policy["b.html"]
    assert "once more" in with_policy["c.html"]


@pytest.mark.parametrize("builder", ["dirhtml", "singlehtml", "epub", "text"])
def test_other_builders_write_the_same_with_the_policy(
    make_app: Callable[..., SphinxTestApp],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    builder: str,
) -> None:
    monkeypatch.setattr(gcpolicy, "MIN_DOCUMENTS", 0)
    written = {}
    for freeze in (True, False):
        app = make_app(builder, srcdir=_project(tmp_path / str(freeze), freeze))
        app.build()
        written[freeze] = {
            page.relative_to(app.outdir).as_posix(): page.read_text(encoding="utf-8")
            for page in sorted(app.outdir.rglob("*"))
            if page.suffix in {".html", ".xhtml", ".txt"}
        }
    assert written[True] == written[False]
    assert "once more" in "".join(written[True].values())


def test_young_collections_are_rarer_while_the_policy_runs(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gcpolicy, "MIN_DOCUMENTS", 0)
    before = gc.get_threshold()
    during: list[tuple[int, int, int]] = []
    app = make_app("html", srcdir=_project(tmp_path / "p", True))
    app.connect("doctree-resolved", lambda *args: during.append(gc.get_threshold()))
    app.build()
    assert during
    for first, second, third in during:
        assert first == max(before[0], gcpolicy.YOUNG_COLLECTION_THRESHOLD)
        assert second == before[1]
        assert third == gcpolicy.NO_FULL_COLLECTIONS
    assert gc.get_threshold() == before


def test_no_full_collections_while_the_environment_is_loaded() -> None:
    app = SimpleNamespace(config=SimpleNamespace(awserrors_gc_freeze=True))
    before = gc.get_threshold()
    try:
        gcpolicy._config_inited(app, app.config)  # type: ignore[arg-type]
        # Sphinx now unpickles a rebuild's environment
        assert gc.get_threshold() == (before[0], before[1], gcpolicy.NO_FULL_COLLECTIONS)
        gcpolicy._builder_inited(app)  # type: ignore[arg-type]
        assert gc.get_threshold() == before
    finally:
        gcpolicy._POLICIES.pop(id(app), None)
        gcpolicy._restore_loading(app)  # type: ignore[arg-type]
        gc.unfreeze()
    assert gc.get_threshold() == before


@pytest.mark.parametrize("freeze", [True, False])
def test_what_is_alive_at_exit_is_frozen_with_the_policy(
    make_app: Callable[..., SphinxTestApp],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    freeze: bool,
) -> None:
    registered: list[object] = []
    monkeypatch.setattr(gcpolicy, "_exit_hook", {"registered": False})
    monkeypatch.setattr(gcpolicy.atexit, "register", registered.append)
    for name in ("a", "b"):  # two builds in one process: one hook
        make_app("html", srcdir=_project(tmp_path / name, freeze)).build()
    assert registered == ([gc.freeze] if freeze else [])


def _page() -> tuple[nodes.document, nodes.row, nodes.paragraph]:
    """A page with a table and prose, as written: its nodes link to parents and document."""
    document = utils.new_document("page.rst")
    table = nodes.table(classes=["awserr-table"])
    body = nodes.tbody()
    table += nodes.tgroup("", body)
    row = nodes.row("", nodes.entry("", nodes.paragraph("", "NoSuchKey")))
    body += row
    prose = nodes.paragraph("", "", nodes.Text("prose "), nodes.literal("", "NoSuchKey"))
    section = nodes.section("", nodes.title("", "Title"), prose, table)
    document += section
    document.note_explicit_target(section)
    return document, row, prose


def test_a_written_page_is_freed_without_the_cyclic_collector() -> None:
    document, row, prose = _page()
    probes: list[weakref.ref[nodes.Node]] = [
        weakref.ref(document),
        weakref.ref(row),
        weakref.ref(prose),
    ]
    gc.disable()
    try:
        gcpolicy._break_cycles(document)
        del document, row, prose
        assert [probe() for probe in probes] == [None, None, None]  # reference counting alone
    finally:
        gc.enable()


def test_a_node_held_elsewhere_keeps_its_content() -> None:
    # sphinx.ext.todo holds the todo nodes it read and copies them into later pages' lists
    document, _row, prose = _page()
    gcpolicy._break_cycles(document)
    assert prose.parent is None
    assert prose.document is None
    assert prose.deepcopy().astext() == "prose NoSuchKey"


def test_a_page_is_freed_when_the_next_page_is_written() -> None:
    policy = gcpolicy._Policy()
    first, row, _prose = _page()
    section = first[0]
    policy.page_written(first)
    assert row.document is first  # the page is still being written
    policy.page_written(None)  # the next page (genindex has no doctree)
    assert row.parent is None
    assert row.document is None
    assert not first.children  # emptied: the state machine that parsed it may still hold it
    assert section.astext() == "Title\n\nprose NoSuchKey\n\nNoSuchKey"  # children stay


def test_small_rebuilds_leave_the_collector_alone() -> None:
    policy = gcpolicy._Policy()
    policy.reading = 2
    assert not policy.worth_it()
    policy.resolved = gcpolicy.MIN_DOCUMENTS
    assert policy.worth_it()


def _written_pages_alive(
    make_app: Callable[..., SphinxTestApp], root: Path, monkeypatch: pytest.MonkeyPatch
) -> int:
    """How many doctrees of written pages are still alive when the build ends."""
    monkeypatch.setattr(gcpolicy, "MIN_DOCUMENTS", 0)
    app = make_app("html", srcdir=root)
    written: list[weakref.ref[nodes.document]] = []
    alive: list[int] = []

    def resolved(_app: object, doctree: nodes.document, _docname: str) -> None:
        if doctree.get("source"):  # not sphinx.ext.todo's document for resolving a todo
            written.append(weakref.ref(doctree))

    def finished(_app: object, _exception: object) -> None:
        alive.append(sum(ref() is not None for ref in written))

    app.connect("doctree-resolved", resolved)
    app.connect("build-finished", finished, priority=100)  # before the policy unfreezes
    app.build()
    return alive[0]


def test_written_pages_are_freed_once_the_process_has_grown(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # frozen when writing started, a written page's doctree (cycles: each node points to its
    # parent) is garbage the collector does not see until everything is unfrozen
    monkeypatch.setattr(gcpolicy, "GROWTH_BEFORE_FULL_COLLECTION", float("inf"))
    kept = _written_pages_alive(make_app, _prose_project(tmp_path / "kept"), monkeypatch)
    assert kept >= 20
    sizes = iter(range(10**8, 10**12, 10**8))  # a process that grows with every page
    monkeypatch.setattr(gcpolicy, "_rss", lambda: next(sizes))
    monkeypatch.setattr(gcpolicy, "GROWTH_BEFORE_FULL_COLLECTION", 1.0)
    freed = _written_pages_alive(make_app, _prose_project(tmp_path / "freed"), monkeypatch)
    # the pages written last are still referenced (the writer's document, the page the
    # policy frees when the next page is written) when the build ends, and the root of the
    # page parsed last by a nested parse (the todo: docutils caches its state machine, an
    # emptied root)
    assert freed <= 4


def test_resolved_references_are_freed_once_their_page_is_written(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # resolving replaces each pending_xref; the node taken out and its content are a cycle,
    # frozen: freed with its page without a collection of everything
    monkeypatch.setattr(gcpolicy, "MIN_DOCUMENTS", 0)
    monkeypatch.setattr(gcpolicy, "GROWTH_BEFORE_FULL_COLLECTION", float("inf"))
    app = make_app("html", srcdir=_prose_project(tmp_path / "p"))
    pending: list[weakref.ref[nodes.Node]] = []
    alive: list[int] = []

    def read(_app: object, doctree: nodes.document) -> None:
        pending.extend(weakref.ref(node) for node in doctree.findall(addnodes.pending_xref))

    def finished(_app: object, _exception: object) -> None:
        alive.append(sum(ref() is not None for ref in pending))

    app.connect("doctree-read", read)
    app.connect("build-finished", finished, priority=100)  # before the policy unfreezes
    app.build()
    assert len(pending) >= 20
    # left: the page rendered last (freed when the next would be)
    assert alive[0] <= 2


def test_written_pages_are_kept_while_the_growth_is_small(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a full collection walks every object of the process: it is not made for a few megabytes
    sizes = iter(range(10**8, 10**12, 1 << 20))  # a process that grows 1 MB with every page
    monkeypatch.setattr(gcpolicy, "_rss", lambda: next(sizes))
    monkeypatch.setattr(gcpolicy, "GROWTH_BEFORE_FULL_COLLECTION", 1.0)
    kept = _written_pages_alive(make_app, _prose_project(tmp_path / "kept"), monkeypatch)
    assert kept >= 20


def _prose_project(root: Path) -> Path:
    """:func:`_project` with twenty more pages of prose."""
    _project(root, True)
    names = [f"p{number:02d}" for number in range(20)]
    for name in names:
        (root / f"{name}.rst").write_text(f"{name}\n===\n\nSee :awserr:`Code001`.\n")
    with (root / "index.rst").open("a", encoding="utf-8") as index:
        index.write("".join(f"   {name}\n" for name in names))
    return root


def test_resident_memory_is_known() -> None:
    rss = gcpolicy._rss()
    assert rss is None or rss > 1 << 20
