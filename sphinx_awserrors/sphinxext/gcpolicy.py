"""Garbage collection during a build: what stays alive is frozen, written tables are freed.

A serial Sphinx build keeps every doctree it read in memory until the document is written
(``env._write_doc_doctree_cache``). With a large catalogue that is hundreds of thousands of
objects, and Python's cyclic collector walks all of them again in each full collection: about
40 % of the CPU time of a build of 5,000 codes went into these pauses (``benchmarks/phases.py``),
most of it while pages were written. Nothing of that changes what is built.

With :confval:`awserrors_gc_freeze` (on by default) the collector is told what is known to stay
alive, with :func:`gc.freeze`, so its collections walk only what is new:

* once the configuration is read (``config-inited``), before Sphinx loads a rebuild's
  environment (until the builder is set up, with no full collection of the collector's own),
  and again once the builder is set up (``builder-inited``), what is alive: the
  modules, the configuration, the catalogue and, in a rebuild, the whole environment loaded
  from its pickle. It lives until the build ends anyway; only the young objects are
  collected first, at the second;
* before each document is parsed (``source-read``), and when writing starts, what is left after
  a collection is frozen: the doctrees read so far (kept until written), the environment, the
  catalogue. The collection only walks what was made since the last freeze, so it is cheap, and
  the garbage of the previous document (docutils' parser is full of cycles) is freed first;
* before every fourth document is written (``doctree-resolved``), the same, for the garbage of
  writing the pages before (Sphinx copies the global table of contents for every page).

Frozen objects are still freed by reference counting, but cycles among them are not collected,
and a doctree is cycles (every node points to its parent and to the document). So when an HTML
page has been written (at the next ``html-page-context``), the policy breaks those links in its
doctree and in every node that resolving its references took out of it (each ``pending_xref``
replaced by a reference, noted by :class:`NoteResolvingNodes`, the first post-transform); the
page is then freed by reference counting, frozen or not. Children are kept: a node another
extension still holds (``sphinx.ext.todo`` keeps the todo nodes it read) keeps its content.
Before that, a build of 5,000 codes and 40,000 references held 1.2 million such objects by the
middle of writing (65 MB more), and the full collection they called for cost 1.8 s.

What other garbage a frozen page leaves (docutils' parser of each page, frozen while it was in
use: a few hundred objects a page) is collected in one full collection, made while pages are
written once the process has grown by :data:`GROWTH_BEFORE_FULL_COLLECTION` and at least
:data:`MIN_GROWTH_BEFORE_FULL_COLLECTION` since writing started (or since the last time):
everything is unfrozen and collected once. That collection walks every object of the process,
so it is made only for a growth worth its time; with written pages freed, the benchmark
projects never reach it. At ``build-finished`` everything is unfrozen so that a process running
several builds (tests, ``sphinx-autobuild``) collects as before; when the process exits, what is
alive then is frozen again (:func:`_freeze_at_exit`), so that Python's last collection does not
walk it.

A rebuild that reads and writes fewer than :data:`MIN_DOCUMENTS` pages gets only the first
freeze (after set-up): there is too little new to walk for the per-document collections to
pay, but its full collections no longer walk the environment. With ``-j``, the pages the
main process resolves for the writer processes are left to the collector with its usual
thresholds (it cannot tell when a page is written); what was alive when writing started stays
frozen. Turn the setting off if another extension manages the collector itself.
"""

from __future__ import annotations

import atexit
import gc
import itertools
import os
import resource
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.transforms.post_transforms import SphinxPostTransform

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.builders import Builder


#: Documents a build must read or write before the policy starts to freeze.
MIN_DOCUMENTS = 16

#: The third threshold of the collector while the policy runs: no full collection of its own.
NO_FULL_COLLECTIONS = 1_000_000

#: The first threshold of the collector while the policy runs (Python's default is 700): a
#: young collection after this many new container objects. Writing a page makes tens of
#: thousands (copies of the global table of contents, the page's resolved references), most
#: of them garbage by the time the page is written; with the default, each young collection
#: found them still in use and passed them on to an older generation, walked again later.
#: 20,000 took about 1 s (8 %) off a build of 5,000 codes, and its peak memory 3 MB.
YOUNG_COLLECTION_THRESHOLD = 20_000

#: While pages are written, the policy collects before every this many pages: each collection
#: walks what writing made since the last (the copies of the global table of contents, the
#: search index's additions), and walking four pages at once cost 0.4 s less at 5,000 codes than
#: one at a time, for about 20 MB more at the peak.
PAGES_PER_COLLECTION = 4

#: While pages are written, a process this much larger than when writing started (or than
#: after the last such collection) unfreezes and collects everything once (see :func:`_rss`),
#: provided it also grew by :data:`MIN_GROWTH_BEFORE_FULL_COLLECTION`.
GROWTH_BEFORE_FULL_COLLECTION = 1.15

#: The least growth (bytes) a full collection is made for. It walks every object of the
#: process: 0.5 s with 1,000 codes and 200 prose pages, which had grown by 36 MB when their
#: last pages were written; a relative threshold alone made such a build pay it and one of
#: 5,000 codes (a larger process) not, a cost that shrank as the catalogue grew.
MIN_GROWTH_BEFORE_FULL_COLLECTION = 64 << 20


def _rss() -> int | None:
    """The resident memory of this process in bytes (its peak where the current is unknown)."""
    try:
        pages = int(Path("/proc/self/statm").read_bytes().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        pass
    try:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    except (OSError, ValueError):
        return None
    return peak if os.uname().sysname == "Darwin" else peak * 1024


class _Policy:
    """The collector's state during one build of one application."""

    def __init__(self) -> None:
        #: the doctree of the page written last, freed once the next page is written
        self.written_page: nodes.document | None = None
        #: every node of the page written last as it was before its references were
        #: resolved (what resolving took out of the page is freed with it)
        self.written_nodes: list[nodes.Node] = []
        #: the same for the page being resolved and written now
        self.resolving_nodes: list[nodes.Node] = []
        #: whether the builder renders its pages one at a time (``html-page-context``)
        self.renders_pages = False
        #: documents read in this build (set before reading starts)
        self.reading = 0
        #: documents resolved for writing so far
        self.resolved = 0
        #: whether pages are written by other processes (``-j``)
        self.parallel_write = False
        #: the resident memory after the last full collection while writing (bytes)
        self.written_rss: int | None = None

    def worth_it(self) -> bool:
        """Whether this build handles enough documents for freezing to pay.

        A rebuild that reads a page or two walks too little for the collections of the policy
        to save anything; the policy starts once :data:`MIN_DOCUMENTS` are read or written.
        """
        return self.reading >= MIN_DOCUMENTS or self.resolved >= MIN_DOCUMENTS

    #: the collector's thresholds before the policy changed them (``None``: not changed)
    thresholds: tuple[int, int, int] | None = None

    def settle(self) -> None:
        """Free the garbage made since the last freeze, then freeze what is left alive.

        From the first time on, the collector makes no full collection of its own until the
        build ends: after a freeze its rule "a quarter more long-lived objects" would hold at
        every tenth young collection and walk everything that is not frozen, over and over
        while one large page is built. Young collections go on, less often
        (:data:`YOUNG_COLLECTION_THRESHOLD`); the policy's own collections (one per document)
        free the rest.
        """
        if self.thresholds is None:
            self.thresholds = gc.get_threshold()
            first, second, _third = self.thresholds
            gc.set_threshold(max(first, YOUNG_COLLECTION_THRESHOLD), second, NO_FULL_COLLECTIONS)
        gc.collect()  # walks only what is not frozen yet
        gc.freeze()

    def collect_written(self) -> None:
        """Before a page is written: collect everything once the process has grown too much.

        A serial build reads every page before it writes any, and a page's doctree is frozen
        when writing starts. Written HTML pages are freed (:meth:`page_written`); what else
        became garbage while frozen (the parser of each page; every page of builders that do
        not say when a page is written) the collector never sees. So when the process has
        grown by :data:`GROWTH_BEFORE_FULL_COLLECTION` and
        :data:`MIN_GROWTH_BEFORE_FULL_COLLECTION` since writing started (or since the last
        time), everything is unfrozen and collected once, and what is alive frozen again.
        """
        rss = _rss()
        before = self.written_rss
        if (
            rss is not None
            and before is not None
            and rss > before * GROWTH_BEFORE_FULL_COLLECTION
            and rss - before > MIN_GROWTH_BEFORE_FULL_COLLECTION
        ):
            gc.unfreeze()
            self.settle()
            self.written_rss = _rss()
            return
        self.settle()
        if self.written_rss is None:
            self.written_rss = _rss()

    def note_resolving(self, doctree: nodes.document) -> None:
        """*doctree* is about to have its references resolved: note its nodes.

        Resolving replaces every ``pending_xref`` by a reference; the node taken out and its
        content still point to each other, a cycle among frozen objects that the collector
        never sees (40,000 references made 1.2 million such objects over a build). Noted now,
        they are freed with the page. Noted only for the HTML builders, which render their
        pages one at a time: other builders never say when a page is written, and the list
        would grow with every page. Nor in a build too small for the policy, whose pages are
        not freed (see :func:`_page_context`).
        """
        if self.renders_pages and not self.parallel_write and self.worth_it():
            self.resolving_nodes.extend(doctree.findall())

    def page_written(self, doctree: nodes.document | None) -> None:
        """*doctree*'s page is being rendered: free the page before it."""
        if self.written_page is not None:
            _break_cycles(self.written_page, self.written_nodes)
        self.written_page = doctree
        self.written_nodes, self.resolving_nodes = self.resolving_nodes, []

    def finish(self) -> None:
        self.written_page = None
        self.written_nodes = []
        self.resolving_nodes = []
        gc.unfreeze()
        if self.thresholds is not None:
            gc.set_threshold(*self.thresholds)
            self.thresholds = None


def _break_cycles(doctree: nodes.document, removed: Iterable[nodes.Node] = ()) -> None:
    """Free a written page's doctree: break its cycles and empty its root.

    Every node points to its parent and to the document, and the document to itself and its
    transformer: cycles that a frozen page keeps until everything is unfrozen. Without those
    links the page is a tree, freed by reference counting, frozen or not. The root itself may
    stay alive a while (the state machine that parsed it, garbage frozen while it was in use,
    points to it), so it is emptied: its children and its indexes of ids and names. A node's
    own children stay: a node something else still holds (``sphinx.ext.todo`` keeps the todo
    nodes it read, and copies them into later pages' lists) keeps its content. *removed* are
    nodes that were in the page before something took them out of it: the same for them.
    """
    for node in itertools.chain(list(doctree.findall()), removed):
        node.parent = None
        node.document = None  # type: ignore[assignment]
    for name, value in list(vars(doctree).items()):
        # its own attributes (source, ids, names: strings) stay, so that it still prints;
        # rebound, not cleared: a container may be shared with something still in use
        if name == "attributes":
            continue
        if isinstance(value, list):
            setattr(doctree, name, [])
        elif isinstance(value, dict):
            setattr(doctree, name, {})
    doctree.transformer = None  # type: ignore[assignment]
    doctree.reporter = None  # type: ignore[assignment]


_POLICIES: dict[int, _Policy] = {}


def _policy(app: Sphinx) -> _Policy | None:
    return _POLICIES.get(id(app))


#: The collector's thresholds while a rebuild's environment is loaded, per application.
_LOADING: dict[int, tuple[int, int, int]] = {}


def _config_inited(app: Sphinx, config: Any) -> None:
    # next, Sphinx loads a rebuild's environment: unpickling it makes hundreds of thousands of
    # objects, and the collections it triggers would walk every module again and again (a
    # third of the load of a 4 MB environment). What is alive now stays: frozen, uncollected.
    # Nor does the collector make full collections of its own until the builder is set up:
    # after the freeze its rule "a quarter more long-lived objects" held again and again while
    # the objects of the environment were made (a 3 MB environment of 5,000 codes: 63 ms to
    # load with them, 40 ms without; none of those objects is garbage)
    if config.awserrors_gc_freeze and gc.isenabled():
        gc.freeze()
        thresholds = gc.get_threshold()
        _LOADING[id(app)] = thresholds
        gc.set_threshold(thresholds[0], thresholds[1], NO_FULL_COLLECTIONS)


def _restore_loading(app: Sphinx) -> None:
    thresholds = _LOADING.pop(id(app), None)
    if thresholds is not None:
        gc.set_threshold(*thresholds)


def _builder_inited(app: Sphinx) -> None:
    _restore_loading(app)
    if app.config.awserrors_gc_freeze and gc.isenabled():
        _POLICIES[id(app)] = _Policy()
        # what is alive now lives until the build ends: the modules, the configuration, the
        # environment of a rebuild, the catalogue. Frozen, later collections do not walk it
        # again (a collection of the young objects first: the garbage of the setup)
        gc.collect(1)
        gc.freeze()


def _before_read(app: Sphinx, env: Any, docnames: list[str]) -> None:
    policy = _policy(app)
    if policy is not None:
        policy.reading = len(docnames)


def _settle(app: Sphinx, *args: Any) -> None:
    policy = _policy(app)
    if policy is not None and policy.worth_it():
        policy.settle()


def _resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    policy = _policy(app)
    if policy is not None:
        policy.resolved += 1
        if (
            policy.worth_it()
            and not policy.parallel_write
            and policy.resolved % PAGES_PER_COLLECTION == 0
        ):
            policy.collect_written()


class NoteResolvingNodes(SphinxPostTransform):
    """First of the post-transforms: note the page's nodes (see :meth:`_Policy.note_resolving`)."""

    default_priority = 1

    def run(self, **kwargs: Any) -> None:
        policy = _policy(self.app)
        if policy is not None:
            policy.note_resolving(self.document)


def _page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    policy = _policy(app)
    # only pages read after a freeze need their tables unlinked (frozen cycles are never
    # collected); in a small build the collector frees them as usual
    if policy is not None and (policy.worth_it() or policy.parallel_write):
        policy.page_written(doctree if isinstance(doctree, nodes.document) else None)


def _write_started(app: Sphinx, builder: Builder) -> None:
    _start_writing(app, bool(getattr(builder, "parallel_ok", False)))


def _start_writing(app: Sphinx, parallel: bool) -> None:
    policy = _policy(app)
    if policy is None:
        return
    policy.renders_pages = isinstance(app.builder, StandaloneHTMLBuilder)
    if parallel:
        # -j: this process resolves pages (read by other processes: not frozen) and hands them
        # to writer processes, never learning when they are written. What is alive now stays
        # frozen; the pages it resolves are left to the collector, with its usual thresholds
        # (its collections walk only what is not frozen)
        policy.settle()
        policy.parallel_write = True
        if policy.thresholds is not None:
            gc.set_threshold(*policy.thresholds)
        return
    if policy.worth_it():
        policy.settle()


def _env_updated(app: Sphinx, env: Any) -> None:
    # Sphinx < 7.3 decides whether to write in parallel only after this event
    builder = app.builder
    _start_writing(app, app.parallel > 1 and builder.allow_parallel)


def _build_finished(app: Sphinx, exception: BaseException | None) -> None:
    _restore_loading(app)
    policy = _POLICIES.pop(id(app), None)
    if policy is not None:
        policy.finish()
        _freeze_at_exit()


_exit_hook = {"registered": False}


def _freeze_at_exit() -> None:
    """Once per process: freeze what is alive when the interpreter exits.

    Python's shutdown collects cycles with a full collection over every object still alive:
    after a rebuild of 5,000 codes, the environment, the catalogue and Sphinx's registries, a
    third of the CPU time of a rebuild that wrote nothing (0.96 -> 0.66 s). Frozen, none of it
    is walked; memory goes back to the system as the process ends. (Python does not promise to
    finalize objects that exist at exit, and files Sphinx writes are closed by then.)
    """
    if not _exit_hook["registered"]:
        _exit_hook["registered"] = True
        # registered late, run early: before the handlers of modules imported before this one
        atexit.register(gc.freeze)


def setup_gcpolicy(app: Sphinx) -> None:
    """Register :confval:`awserrors_gc_freeze` and the events that follow the build's phases."""
    app.add_config_value("awserrors_gc_freeze", True, "", types=frozenset({bool}))
    app.connect("config-inited", _config_inited)
    app.connect("builder-inited", _builder_inited)
    app.connect("env-before-read-docs", _before_read)
    app.connect("source-read", _settle)
    if "write-started" in app.events.events:
        app.connect("write-started", _write_started)
    else:  # Sphinx < 7.3: reading has ended, writing is next
        app.connect("env-updated", _env_updated)
    app.connect("doctree-resolved", _resolved, priority=900)  # after the other handlers
    app.connect("html-page-context", _page_context, priority=900)
    app.add_post_transform(NoteResolvingNodes)
    # last: the other handlers of build-finished run with the collector as it was
    app.connect("build-finished", _build_finished, priority=900)
