"""The general index, the domain indices and the object inventory, written again only when
they would change.

Sphinx's HTML builder renders ``genindex.html`` and every domain index (``aws-errorindex.html``)
in every build, even one that read a single prose page: with a large catalogue that is 10,000
general-index entries and 5,000 domain-index entries rendered through Jinja each time, the
largest part of a touch rebuild. Nothing of it changes unless what the pages are made of does.

So the builder's ``write_genindex`` and ``write_domain_indices`` are wrapped (on the builder
instance; ``html`` and ``dirhtml`` only): each computes a key of everything its pages are made
of, and when the key is the one recorded when the same pages were last written and those files
are still as written (size and time), writing them again is skipped. The key holds:

* what the pages show: the index domain's entries (all documents), or the domain indices'
  content as the builder generated it for this build;
* the page around it: Sphinx's version, the builder, the HTML configuration (the build info's
  hashes, which decide whether Sphinx rewrites every page), the templates' newest time, the
  global template context, the content of the CSS and JavaScript files the page links with
  checksums, and the handlers of ``html-page-context`` and their modules' files;
* the navigation (the global table of contents in the sidebar): this environment's identity and
  a counter that goes up whenever a document read in a build changed its title, table of
  contents, toctrees or metadata, or a document was added or removed (:func:`_navigation`).

The object inventory (``objects.inv``: 5,000 codes and 5,000 labels, each with its URI,
compressed) is kept the same way, keyed by every domain's objects, the project's name and
version, the builder and its configuration.

A value of the context that has no stable text (an object without readable fields), a handler
of ``html-page-context`` from another package (it could put anything on the page, or collect
the pages it sees), or ``html_split_index`` turn this off: the pages are written as before.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import sphinx
from sphinx.locale import __ as sphinx_message  # Sphinx's own messages, in its catalogue
from sphinx.util import logging
from sphinx.util.display import progress_message

from sphinx_awserrors.sphinxext import buildstate

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: The builders whose index pages are kept (their ``write_genindex`` is Sphinx's own).
BUILDERS: Final = frozenset({"html", "dirhtml"})

#: Packages whose ``html-page-context`` handlers put only what the key covers on a page.
KNOWN_HANDLERS: Final = ("sphinx.", "sphinx_awserrors.", "alabaster")

#: The attribute of the environment that counts the changes of the navigation.
ENV_ATTR: Final = "awserrors_navigation"

#: Bump when the key or the record changes shape.
_FORMAT: Final = 1


class Unstable(Exception):
    """A value without a stable text: no key can be made of it."""


def stable(value: object) -> str:
    """A text of *value* that is the same in every process for equal values.

    Plain data as JSON (keys sorted; a tuple as a list); other objects as their class and
    fields. Raises :class:`Unstable` for a value whose fields cannot be read (a function, an
    object of C code) or a mapping whose keys cannot be sorted.
    """
    try:
        return json.dumps(value, sort_keys=True, default=_fields, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise Unstable(value) from exc


def _fields(value: object) -> object:
    """The JSON form of what :func:`json.dumps` cannot write itself."""
    if isinstance(value, os.PathLike):
        return {"__path__": os.fspath(value)}
    if isinstance(value, (set, frozenset)):
        return sorted(stable(item) for item in value)
    if callable(value):
        raise Unstable(value)
    fields: dict[str, object] = {}
    for klass in type(value).__mro__:
        for name in getattr(klass, "__slots__", ()):
            if hasattr(value, name):
                fields[name] = getattr(value, name)
    fields.update(getattr(value, "__dict__", {}))
    if not fields:
        raise Unstable(value)
    kind = type(value)
    return {"__class__": f"{kind.__module__}.{kind.__qualname__}", **fields}


# --- the navigation -------------------------------------------------------------------------


class _Navigation:
    """How often the navigation of this environment changed (pickled with it)."""

    def __init__(self) -> None:
        self.serial = 0


def _navigation(env: BuildEnvironment) -> _Navigation:
    found = getattr(env, ENV_ATTR, None)
    if not isinstance(found, _Navigation):
        found = _Navigation()
        setattr(env, ENV_ATTR, found)
    return found


def _node_text(node: nodes.Node | None) -> str | None:
    return None if node is None else node.pformat()


def navigation_of(env: BuildEnvironment, docname: str) -> tuple[object, ...] | None:
    """What *docname* gives the global table of contents and the page's relations."""
    if docname not in env.all_docs and docname not in env.tocs:
        return None
    metadata = env.metadata.get(docname)
    return (
        _node_text(env.titles.get(docname)),
        _node_text(env.longtitles.get(docname)),
        _node_text(env.tocs.get(docname)),
        env.toc_num_entries.get(docname),
        tuple(env.toctree_includes.get(docname, ())),
        docname in env.glob_toctrees,
        docname in env.numbered_toctrees,
        repr(sorted(metadata.items(), key=repr)) if metadata else None,
    )


#: per application: document -> what it gave the navigation before this build read it
_BEFORE: dict[int, dict[str, tuple[object, ...] | None]] = {}


def _note_before(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _BEFORE.setdefault(id(app), {}).setdefault(docname, navigation_of(env, docname))


def _before_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    for docname in docnames:  # added documents are not purged: note them as absent
        _note_before(app, env, docname)


def _env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    before = _BEFORE.pop(id(app), {})
    if any(navigation_of(env, docname) != old for docname, old in before.items()):
        _navigation(env).serial += 1


# --- the key and the record -----------------------------------------------------------------


def _file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes().replace(b"\r", b"")).hexdigest()
    except OSError:
        return ""


def _module_stamp(name: str) -> str:
    module = sys.modules.get(name)
    where = getattr(module, "__file__", None)
    if not where:
        return ""
    try:
        info = Path(where).stat()
    except OSError:
        return ""
    return f"{info.st_size}:{info.st_mtime_ns}"


def _builder_parts(builder: StandaloneHTMLBuilder) -> list[object]:
    """What every key of this module starts with: the format, Sphinx, the builder, the build."""
    return [
        _FORMAT,
        sphinx.__version__,
        type(builder).__module__,
        type(builder).__qualname__,
        builder.name,
        buildstate.env_token(builder.env),
    ]


def page_key(app: Sphinx, builder: StandaloneHTMLBuilder) -> str | None:
    """The key of everything around an index page's content; None: the pages cannot be kept."""
    if builder.config.html_split_index:
        return None
    handlers = []
    for listener in app.events.listeners.get("html-page-context", []):
        module = getattr(listener.handler, "__module__", "") or ""
        if not module.startswith(KNOWN_HANDLERS):
            return None
        name = getattr(listener.handler, "__qualname__", "")
        handlers.append((module, name, listener.priority, _module_stamp(module)))
    info = getattr(builder, "build_info", None)
    hashes = (getattr(info, "config_hash", None), getattr(info, "tags_hash", None))
    if None in hashes:
        return None
    assets = []
    for asset in [
        *builder.globalcontext.get("css_files", ()),
        *builder.globalcontext.get("script_files", ()),
    ]:
        filename = os.fspath(getattr(asset, "filename", asset) or "")
        if filename and "://" not in filename:
            assets.append((filename, _file_digest(Path(builder.outdir, filename))))
    try:
        parts = [
            *_builder_parts(builder),
            _navigation(builder.env).serial,
            hashes,
            builder.templates.newest_template_mtime(),
            stable(builder.globalcontext),
            stable(handlers),
            stable(assets),
            stable(sorted(builder.env.all_docs)),
        ]
        return hashlib.sha256(stable(parts).encode()).hexdigest()
    except Unstable:
        return None


def _record_path(builder: StandaloneHTMLBuilder) -> Path:
    return Path(builder.doctreedir, "awserrors-index-pages.json")


def _read_record(builder: StandaloneHTMLBuilder) -> dict[str, Any]:
    try:
        record = json.loads(_record_path(builder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


def _stamp(path: Path) -> list[int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


def _files_intact(builder: StandaloneHTMLBuilder, files: dict[str, object]) -> bool:
    return bool(files) and all(
        _stamp(Path(builder.outdir, name)) == stamp for name, stamp in files.items()
    )


def _output_file(builder: StandaloneHTMLBuilder, pagename: str) -> str:
    """Where *builder* writes the page *pagename* (Sphinx 9 renamed the method)."""
    method = getattr(builder, "get_output_path", None) or builder.get_outfilename
    return os.fspath(method(pagename))


def _keep(
    builder: StandaloneHTMLBuilder,
    what: str,
    key: str | None,
    pagenames: Iterable[str],
    write: Callable[[], None],
) -> None:
    """Write the pages *pagenames* with *write*, unless *key* says they are written already."""
    outdir = os.fspath(builder.outdir)
    outputs = {os.path.relpath(_output_file(builder, name), outdir): name for name in pagenames}

    def progress() -> None:
        for name in outputs.values():  # the progress line Sphinx prints
            logger.info("%s ", name, nonl=True)

    _keep_files(builder, what, key, list(outputs), write, progress)


def _keep_files(
    builder: StandaloneHTMLBuilder,
    what: str,
    key: str | None,
    outputs: list[str],
    write: Callable[[], None],
    progress: Callable[[], None],
) -> None:
    """Write the files *outputs* (relative to the output directory) with *write*, unless *key*
    says they are written already; then *progress* prints what Sphinx would have printed."""
    record = _read_record(builder)
    earlier = record.get(what)
    if (
        key is not None
        and isinstance(earlier, dict)
        and earlier.get("key") == key
        and isinstance(earlier.get("files"), dict)
        and set(earlier["files"]) == set(outputs)
        and _files_intact(builder, earlier["files"])
    ):
        progress()
        return
    write()
    if key is None:
        record.pop(what, None)
    else:
        record[what] = {
            "key": key,
            "files": {rel: _stamp(Path(builder.outdir, rel)) for rel in outputs},
        }
    try:
        Path(builder.doctreedir).mkdir(parents=True, exist_ok=True)
        _record_path(builder).write_text(json.dumps(record), encoding="utf-8")
    except OSError:  # only a cache: the next build writes the pages again
        pass


def _genindex(app: Sphinx, builder: StandaloneHTMLBuilder, original: Callable[[], None]) -> None:
    base = page_key(app, builder)
    key = None
    if base is not None:
        entries = builder.env.get_domain("index").entries  # type: ignore[attr-defined]
        content = stable(sorted(entries.items()))
        key = hashlib.sha256(f"{base}\0{content}".encode()).hexdigest()
    _keep(builder, "genindex", key, ["genindex"], original)


def _domain_indices(
    app: Sphinx, builder: StandaloneHTMLBuilder, original: Callable[[], None]
) -> None:
    indices = builder.domain_indices
    base = page_key(app, builder)
    key = None
    if base is not None:
        try:
            content = stable(
                [
                    (
                        name,
                        f"{cls.__module__}.{cls.__qualname__}",
                        str(cls.localname),
                        entries,
                        collapse,
                    )
                    for name, cls, entries, collapse in indices
                ]
            )
            key = hashlib.sha256(f"{base}\0{content}".encode()).hexdigest()
        except Unstable:
            key = None
    if not indices:
        original()
        return
    _keep(builder, "domainindices", key, [name for name, *_ in indices], original)


def _inventory(app: Sphinx, builder: StandaloneHTMLBuilder, original: Callable[[], None]) -> None:
    """``objects.inv``: every object of every domain, with its URI (5,000 codes and their
    5,000 labels for a large catalogue), compressed; kept while they and the project's name
    and version are the same."""
    env = builder.env
    info = getattr(builder, "build_info", None)
    domains = (
        env.domains.sorted()
        if hasattr(env.domains, "sorted")
        else (sorted(env.domains.values(), key=lambda domain: domain.name))
    )
    key = None
    try:
        parts = [
            *_builder_parts(builder),
            getattr(info, "config_hash", None),
            str(env.config.project),
            str(env.config.version),
            [(domain.name, sorted(domain.get_objects())) for domain in domains],
        ]
        if None not in parts:
            key = hashlib.sha256(stable(parts).encode()).hexdigest()
    except Unstable:
        key = None

    def progress() -> None:
        with progress_message(sphinx_message("dumping object inventory")):
            pass

    _keep_files(builder, "inventory", key, ["objects.inv"], original, progress)


#: The oldest Sphinx the keys were checked against (on 7.2 a page edited by hand and a
#: page-context handler connected after setup went unnoticed); older ones write every time.
MIN_SPHINX: Final = (9, 0)


def _builder_inited(app: Sphinx) -> None:
    from sphinx.builders.html import StandaloneHTMLBuilder

    if sphinx.version_info < MIN_SPHINX:
        return
    builder = app.builder
    if builder.name not in BUILDERS or not isinstance(builder, StandaloneHTMLBuilder):
        return
    kind = type(builder)
    if (
        kind.write_genindex is not StandaloneHTMLBuilder.write_genindex
        or kind.write_domain_indices is not StandaloneHTMLBuilder.write_domain_indices
    ):
        return  # a builder that writes its indices its own way
    genindex, domain_indices = builder.write_genindex, builder.write_domain_indices
    if kind.dump_inventory is StandaloneHTMLBuilder.dump_inventory:
        inventory = builder.dump_inventory
        builder.dump_inventory = lambda: _inventory(  # type: ignore[method-assign]
            app, builder, inventory
        )
    builder.write_genindex = lambda: _genindex(app, builder, genindex)  # type: ignore[method-assign]
    builder.write_domain_indices = lambda: _domain_indices(  # type: ignore[method-assign]
        app, builder, domain_indices
    )


def setup_index_pages(app: Sphinx) -> None:
    """Keep the index pages of HTML builds when what they are made of did not change."""
    app.connect("builder-inited", _builder_inited)
    app.connect("env-purge-doc", _note_before)
    app.connect("env-before-read-docs", _before_read)
    app.connect("env-updated", _env_updated, priority=100)
