"""Where a Sphinx HTML build spends its time: phases, garbage collection, objects, nodes.

``python benchmarks/phases.py SRC OUT [-j N] [--json FILE]`` builds *SRC* into a fresh *OUT*
with ``sphinx-build -q -b html`` in this process, with timers wrapped around Sphinx's stages
(reading, read transforms and SmartQuotes, pickling doctrees and the environment, reference
resolution and post-transforms, the HTML writer, page templates, search indexing, the general
and domain indices, the inventory, the extension's event handlers), and prints for each stage
its inclusive wall and CPU time and the CPU time the cyclic garbage collector spent inside it.

Besides times it reports counts that do not depend on the machine's load:

* the number of docutils nodes of every doctree as read (``doctree-read``), and of the
  resolved doctrees the writer gets;
* the garbage collector's collections per generation and the objects it tracks when writing
  starts (``gc.get_objects()``), with the most common types;
* the size of the pickled environment and doctrees.

Timers are inclusive and nest (reading contains the read transforms, which contain
SmartQuotes); "GC s" is the collector's time while the stage was the innermost running one
plus that of the stages inside it. ``run.py --phases SIZE`` runs this for each form,
interleaved, in child processes.
"""

from __future__ import annotations

import argparse
import collections
import functools
import gc
import json
import os
import pickle
import resource
import shutil
import sys
import time
from pathlib import Path
from typing import Any

#: (label, module, qualified name) of what is timed; the order is the order printed.
STAGES: tuple[tuple[str, str, str], ...] = (
    ("setup (extensions, config, env load)", "sphinx.application", "Sphinx.__init__"),
    ("  builder-inited handlers", "sphinx.application", "Sphinx._init_builder"),
    ("read (all documents)", "sphinx.builders", "Builder.read"),
    ("  parse + read transforms", "sphinx.util.docutils", "_parse_str_to_doctree"),
    ("    read transforms", "docutils.transforms", "Transformer.apply_transforms"),
    ("      SmartQuotes", "sphinx.transforms", "SphinxSmartQuotes.apply"),
    ("  pickle doctrees", "sphinx.builders", "Builder.write_doctree"),
    ("pickle environment", "sphinx.builders", "_pickle_env"),
    ("check consistency", "sphinx.environment", "BuildEnvironment.check_consistency"),
    ("write (all documents)", "sphinx.builders", "Builder.write"),
    ("  get doctree (unpickle)", "sphinx.environment", "BuildEnvironment.get_doctree"),
    ("  resolve references", "sphinx.environment", "BuildEnvironment.resolve_references"),
    ("    post-transforms", "sphinx.environment", "BuildEnvironment.apply_post_transforms"),
    ("  write_doc (HTML writer, page)", "sphinx.builders.html", "StandaloneHTMLBuilder.write_doc"),
    ("    render page (templates)", "sphinx.builders.html", "StandaloneHTMLBuilder.handle_page"),
    ("    search indexing", "sphinx.builders.html", "StandaloneHTMLBuilder.index_page"),
    ("finish", "sphinx.builders.html", "StandaloneHTMLBuilder.finish"),
    ("  general index", "sphinx.builders.html", "StandaloneHTMLBuilder.write_genindex"),
    ("  domain indices", "sphinx.builders.html", "StandaloneHTMLBuilder.write_domain_indices"),
    ("  search index dump", "sphinx.builders.html", "StandaloneHTMLBuilder.dump_search_index"),
    ("  inventory", "sphinx.builders.html", "StandaloneHTMLBuilder.dump_inventory"),
)

#: Events whose handlers are timed one by one (label: event name).
EVENTS = ("builder-inited", "env-updated", "doctree-read", "doctree-resolved", "build-finished")


class Recorder:
    """Inclusive timers on a stack, with the garbage collector's time charged to them."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = collections.defaultdict(float)
        self.cpu: dict[str, float] = collections.defaultdict(float)
        self.gc: dict[str, float] = collections.defaultdict(float)
        self.calls: dict[str, int] = collections.defaultdict(int)
        self.stack: list[str] = []
        self.gc_total = 0.0
        self.gc_runs = [0, 0, 0]
        self.gc_time = [0.0, 0.0, 0.0]
        self._gc_start = 0.0
        self.counts: dict[str, Any] = {}

    def on_gc(self, phase: str, info: dict[str, int]) -> None:
        # CPU time: on a loaded machine the collector's wall time includes waiting for a core
        if phase == "start":
            self._gc_start = time.process_time()
            return
        spent = time.process_time() - self._gc_start
        generation = info["generation"]
        self.gc_runs[generation] += 1
        self.gc_time[generation] += spent
        self.gc_total += spent
        for label in set(self.stack):  # inclusive, like the timers
            self.gc[label] += spent

    def wrap(self, label: str, function: Any) -> Any:
        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            if label in self.stack:  # recursion: count the outermost call only
                return function(*args, **kwargs)
            self.stack.append(label)
            self.calls[label] += 1
            wall, cpu = time.perf_counter(), time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.wall[label] += time.perf_counter() - wall
                self.cpu[label] += time.process_time() - cpu
                self.stack.pop()

        return timed


def _patch(recorder: Recorder) -> None:
    import importlib

    import sphinx.builders

    # the environment is pickled inline in Builder.build: time pickle.dump of an environment
    real_dump = pickle.dump

    def dump(obj: Any, file: Any, *args: Any, **kwargs: Any) -> None:
        from sphinx.environment import BuildEnvironment

        if isinstance(obj, BuildEnvironment):
            recorder.wrap("pickle environment", real_dump)(obj, file, *args, **kwargs)
            recorder.counts["env_pickle_bytes"] = file.tell()
        else:
            real_dump(obj, file, *args, **kwargs)

    class _Pickle:
        def __getattr__(self, name: str) -> Any:
            return getattr(pickle, name)

    shim = _Pickle()
    shim.dump = dump  # type: ignore[attr-defined]
    sphinx.builders.pickle = shim  # type: ignore[attr-defined,assignment]

    for label, module_name, qualname in STAGES:
        if qualname == "_pickle_env":
            continue
        module = importlib.import_module(module_name)
        owner: Any = module
        *path, name = qualname.split(".")
        for part in path:
            owner = getattr(owner, part)
        setattr(owner, name, recorder.wrap(label.strip(), getattr(owner, name)))
    # _parse_str_to_doctree is imported by name into sphinx.builders
    import sphinx.util.docutils

    sphinx.builders._parse_str_to_doctree = sphinx.util.docutils._parse_str_to_doctree  # type: ignore[attr-defined]

    # every listener of the interesting events, timed under "<event>: <module>.<function>"
    from sphinx.events import EventManager

    real_emit = EventManager.emit

    def emit(self: EventManager, name: str, *args: Any, **kwargs: Any) -> Any:
        if name in EVENTS:
            listeners = self.listeners.get(name, [])
            for index, listener in enumerate(listeners):
                handler = listener.handler
                if not getattr(handler, "_timed", False):
                    where = f"{getattr(handler, '__module__', '?')}.{handler.__qualname__}"
                    timed = recorder.wrap(f"{name}: {where}", handler)
                    timed._timed = True  # type: ignore[attr-defined]
                    listeners[index] = listener._replace(handler=timed)
        return real_emit(self, name, *args, **kwargs)

    EventManager.emit = emit  # type: ignore[method-assign]


def _count_nodes(recorder: Recorder, key: str) -> Any:
    def handler(app: Any, doctree: Any, *args: Any) -> None:
        counts = recorder.counts.setdefault(key, {"documents": 0, "nodes": 0, "text": 0})
        counts["documents"] += 1
        for node in doctree.findall():
            counts["nodes"] += 1
            if node.__class__.__name__ == "Text":
                counts["text"] += 1

    return handler


def _census(recorder: Recorder) -> Any:
    """At the first document written: what the collector tracks."""

    def handler(app: Any, doctree: Any, docname: str) -> None:
        if "tracked_at_write" in recorder.counts:
            return
        frozen = gc.get_freeze_count()
        gc.unfreeze()  # count what a policy froze too
        gc.collect()
        objects = gc.get_objects()
        recorder.counts["frozen_at_write"] = frozen
        types = collections.Counter(f"{type(o).__module__}.{type(o).__qualname__}" for o in objects)
        recorder.counts["tracked_at_write"] = len(objects)
        recorder.counts["tracked_types"] = types.most_common(14)
        cache = getattr(app.env, "_write_doc_doctree_cache", {})
        recorder.counts["doctrees_cached_at_write"] = len(cache)
        del objects
        if frozen:
            gc.freeze()

    return handler


def build(
    src: Path, out: Path, jobs: int, census: bool, overrides: dict[str, str] | None = None
) -> dict[str, Any]:
    """Build *src* into *out* with every timer on; return the figures."""
    recorder = Recorder()
    _patch(recorder)
    gc.callbacks.append(recorder.on_gc)
    from sphinx.application import Sphinx

    if out.exists():
        shutil.rmtree(out)
    wall, cpu = time.perf_counter(), time.process_time()
    import sphinx.application

    original_setup = sphinx.application.Sphinx._init_builder

    def init_builder(self: Sphinx) -> None:
        # listeners registered by now: count nodes before the first document is read
        self.connect("doctree-read", _count_nodes(recorder, "read"))
        self.connect("doctree-resolved", _count_nodes(recorder, "resolved"), priority=999)
        if census:
            self.connect("doctree-resolved", _census(recorder), priority=1000)
        original_setup(self)

    sphinx.application.Sphinx._init_builder = init_builder  # type: ignore[method-assign]
    with Path(os.devnull).open("w") as devnull:
        app = Sphinx(
            str(src),
            str(src),
            str(out),
            str(out / ".doctrees"),
            "html",
            status=None,
            warning=devnull,
            parallel=jobs,
            confoverrides=overrides or {},
        )
        app.build()
    figures: dict[str, Any] = {
        "wall_s": time.perf_counter() - wall,
        "cpu_s": time.process_time() - cpu,
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "gc_s": recorder.gc_total,
        "gc_runs": recorder.gc_runs,
        "gc_time": [round(t, 3) for t in recorder.gc_time],
        "stages": {
            label: {
                "wall": round(recorder.wall[label], 3),
                "cpu": round(recorder.cpu[label], 3),
                "gc": round(recorder.gc[label], 3),
                "calls": recorder.calls[label],
            }
            for label in recorder.wall
        },
        "counts": recorder.counts,
        "doctree_bytes": sum(p.stat().st_size for p in (out / ".doctrees").rglob("*.doctree")),
        "warnings": 0,
    }
    return figures


def report(figures: dict[str, Any]) -> str:
    """The figures as a Markdown table (stages in the order of :data:`STAGES`, then events)."""
    lines = [
        f"wall {figures['wall_s']:.2f} s, CPU {figures['cpu_s']:.2f} s, GC {figures['gc_s']:.2f} s "
        f"(collections per generation {figures['gc_runs']}, seconds {figures['gc_time']}), "
        f"peak {figures['max_rss_mb']:.0f} MB",
        "",
        "| stage | calls | wall s | CPU s | GC s |",
        "|---|---|---|---|---|",
    ]
    stages = figures["stages"]
    shown = set()
    for label, _module, _name in STAGES:
        key = label.strip()
        if key in stages:
            s = stages[key]
            indent = "&nbsp;" * (len(label) - len(label.lstrip()))
            lines.append(
                f"| {indent}{key} | {s['calls']} | {s['wall']:.2f} | {s['cpu']:.2f} | "
                f"{s['gc']:.2f} |"
            )
            shown.add(key)
    for key, s in sorted(stages.items(), key=lambda item: -item[1]["wall"]):
        if key not in shown and s["wall"] >= 0.02:
            lines.append(
                f"| {key} | {s['calls']} | {s['wall']:.2f} | {s['cpu']:.2f} | {s['gc']:.2f} |"
            )
    counts = figures["counts"]
    lines.append("")
    for key in ("read", "resolved"):
        if key in counts:
            c = counts[key]
            lines.append(
                f"- nodes {key}: {c['nodes']} in {c['documents']} documents ({c['text']} Text)"
            )
    if "tracked_at_write" in counts:
        lines.append(
            f"- objects tracked by the GC when writing starts: {counts['tracked_at_write']} "
            f"({counts['doctrees_cached_at_write']} doctrees in the write cache); most common: "
            + ", ".join(f"{name} {n}" for name, n in counts["tracked_types"])
        )
    if "env_pickle_bytes" in counts:
        lines.append(
            f"- environment pickle {counts['env_pickle_bytes'] / 1e6:.2f} MB, doctrees "
            f"{figures['doctree_bytes'] / 1e6:.2f} MB"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Build one project with the timers on and print where the time went."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("src", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("-j", "--jobs", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument(
        "-D", dest="define", action="append", default=[], help="name=value, as sphinx-build -D"
    )
    parser.add_argument(
        "--census", action="store_true", help="count tracked objects when writing starts"
    )
    args = parser.parse_args(argv)
    # the package of this tree, not an installed one (a script's path starts at benchmarks/)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 3000))
    overrides = dict(item.split("=", 1) for item in args.define)
    figures = build(args.src, args.out, args.jobs, args.census, overrides)
    print(report(figures))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
