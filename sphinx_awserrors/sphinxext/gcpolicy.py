"""Garbage collection during a build: long-lived objects frozen, dead doctrees freed in batches.

A serial Sphinx build keeps every doctree it read in memory until the document is written
(``env._write_doc_doctree_cache``), so with a large catalogue the process holds hundreds of
thousands of objects that the cyclic collector walks again in every full collection; these
pauses were about 40 % of a large build. Nothing of that changes what is built.

:confval:`awserrors_gc_freeze` (default on) moves what is alive into the collector's permanent
generation (:func:`gc.freeze`) at points where it is known to stay alive, so later collections
walk only what is new:

* after each document is read (its doctree stays alive until it is written);
* when writing starts, after one full collection that frees the garbage of reading.

Frozen objects are still freed by reference counting, but cycles among them (every doctree:
nodes point to their parents) are not collected. So while writing, after each batch of
documents (an eighth of them, at least 8) the frozen objects are released, collected once, and
what is left frozen again: each written doctree is freed within one batch, and the peak memory
(when writing starts, every doctree alive) does not grow. At ``build-finished`` everything is
released, so a process that runs several builds (tests, ``sphinx-autobuild``) collects as usual.

Only the main process of a build and its read workers (``-j``) are affected; the setting
exists to turn this off when another extension manages the collector itself.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

#: The fewest documents written between two releases of the frozen objects.
MIN_BATCH = 8
#: Documents are written in this many batches (or fewer, of :data:`MIN_BATCH` each).
BATCHES = 8


class _Policy:
    """The collector's state during one build of one application."""

    def __init__(self) -> None:
        self.active = False
        self.written = 0
        self.batch = MIN_BATCH

    def start(self) -> None:
        self.active = True

    def after_read(self) -> None:
        if not self.active:
            return
        gc.collect(1)  # the young garbage of parsing this document is not frozen
        gc.freeze()

    def write_started(self, documents: int) -> None:
        if not self.active:
            return
        self.written = 0
        self.batch = max(MIN_BATCH, -(-documents // BATCHES))
        self.release()

    def before_write(self) -> None:
        if not self.active:
            return
        self.written += 1
        if self.written % self.batch == 0:
            self.release()

    def release(self) -> None:
        """Collect everything once (freeing dead doctrees), then freeze what is left."""
        gc.unfreeze()
        gc.collect()
        gc.freeze()

    def finish(self) -> None:
        if self.active:
            gc.unfreeze()
        self.active = False


_POLICIES: dict[int, _Policy] = {}


def _policy(app: Sphinx) -> _Policy:
    return _POLICIES.setdefault(id(app), _Policy())


def _builder_inited(app: Sphinx) -> None:
    if app.config.awserrors_gc_freeze:
        _policy(app).start()


def _doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    _policy(app).after_read()


def _write_started(app: Sphinx, builder: Builder) -> None:
    _policy(app).write_started(len(app.env.found_docs))


def _doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    _policy(app).before_write()


def _build_finished(app: Sphinx, exception: BaseException | None) -> None:
    policy = _POLICIES.pop(id(app), None)
    if policy is not None:
        policy.finish()


def setup_gcpolicy(app: Sphinx) -> None:
    """Register :confval:`awserrors_gc_freeze` and the events that follow the build's phases."""
    app.add_config_value("awserrors_gc_freeze", True, "", types=frozenset({bool}))
    app.connect("builder-inited", _builder_inited)
    app.connect("doctree-read", _doctree_read, priority=900)  # after the other handlers
    app.connect("write-started", _write_started)
    app.connect("doctree-resolved", _doctree_resolved, priority=900)
    # last: the other handlers of build-finished still run with the collector as it was
    app.connect("build-finished", _build_finished, priority=900)
