"""The catalogue of a build as JSON in the HTML output, for clients and other tools.

With an HTML-family builder (``html``, ``dirhtml``, ``singlehtml`` and their subclasses; not
``epub``, whose archive is already packed when the build finishes), the catalogue the build used
is written to ``awserrors_json_export`` (default ``_static/awserrors.json``) under the output
directory once the build has succeeded. It is written once, from the main process on
``build-finished``, so parallel builds are unaffected, and only when its content changed: a
key of what it is made from (the catalogue's digest, the documented places, the builder) is kept
in the doctree directory, so a rebuild that changed none of them does not even serialise it. The
format is that of :func:`sphinx_awserrors.convert.writers.to_json`, plus the ``url`` of the place
that
documents each code (relative to the JSON file), or ``null``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import posixpath
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Final

from sphinx.builders.epub3 import Epub3Builder
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.errors import ExtensionError

from sphinx_awserrors import __version__
from sphinx_awserrors.catalogue import safe_io
from sphinx_awserrors.sphinxext import buildstate
from sphinx_awserrors.sphinxext._logging import config_location, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder


#: Files of an HTML build besides its pages, which the export must not replace.
_BUILDER_FILES: Final = frozenset({"objects.inv", "searchindex.js", ".buildinfo"})


def is_html_family(builder: Builder) -> bool:
    """Whether *builder* writes HTML pages into a directory the JSON can sit in."""
    return isinstance(builder, StandaloneHTMLBuilder) and not isinstance(builder, Epub3Builder)


def export_path(app: Sphinx) -> PurePosixPath | None:
    """Where the JSON goes, relative to the output directory; ``None`` when it is switched off.

    An absolute path or one that leaves the output directory is a ``config`` warning and
    switches the export off.
    """
    value: object = app.config.awserrors_json_export
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        warn(
            f"awserrors_json_export must be a path relative to the output directory, "
            f"not {value!r}; the JSON export is skipped",
            "config",
            config_location(app, "awserrors_json_export"),
        )
        return None
    path = PurePosixPath(posixpath.normpath(value.replace("\\", "/")))
    if (
        not path.parts
        or path.parts[0] == ".."
        or path.is_absolute()
        or Path(value).is_absolute()
        or "\0" in value
    ):
        warn(
            f"awserrors_json_export must be a file path inside the output directory, "
            f"not {value!r}; the JSON export is skipped",
            "config",
            config_location(app, "awserrors_json_export"),
        )
        return None
    # the JSON written over a page or an index of the build would destroy it, silently
    if path.suffix == getattr(app.builder, "out_suffix", ".html") or path.name in _BUILDER_FILES:
        warn(
            f"awserrors_json_export {value!r} names a file the HTML builder writes itself; "
            "the JSON export is skipped",
            "config",
            config_location(app, "awserrors_json_export"),
        )
        return None
    return path


def _target_uri(builder: Builder, docname: str, anchor: str) -> str:
    """The URI of *anchor* in *docname*, relative to the root of the output."""
    if isinstance(builder, SingleFileHTMLBuilder):  # every document is on the root page
        page = builder.config.root_doc + builder.out_suffix
    else:
        page = builder.get_target_uri(docname)
    return f"{page}#{anchor}" if anchor else page


def _relative_to(uri: str, directory: str) -> str:
    """*uri* (relative to the output root) relative to *directory* (also relative to it)."""
    page, hash_, anchor = uri.partition("#")
    relative = posixpath.relpath(page or ".", directory or ".")
    if page.endswith("/") or not page:  # dirhtml: keep the directory form
        relative = relative.rstrip("/") + "/" if relative != "." else "./"
    return relative + hash_ + anchor


def documented_urls(app: Sphinx, directory: str = "") -> dict[str, str]:
    """Code -> URI of the place that documents it, from the ``aws`` domain's objects.

    The URIs are relative to *directory* (a path relative to the output root).
    """
    try:
        domain = app.env.get_domain("aws")
    except ExtensionError:
        return {}
    urls: dict[str, str] = {}
    for name, _display, kind, docname, anchor, _priority in domain.get_objects():
        if kind == "error" and name not in urls:
            urls[name] = _relative_to(_target_uri(app.builder, docname, anchor), directory)
    return urls


def _export_key(app: Sphinx, relative: PurePosixPath) -> str:
    """A digest of everything the JSON export is made from, but cheaper than making it."""
    builder = app.builder
    try:
        canonical = app.env.get_domain("aws").get_objects()
    except ExtensionError:
        canonical = iter(())
    digest = hashlib.sha256()
    parts = (
        buildstate.catalogue_digest_of(app.env),
        builder.name,
        type(builder).__qualname__,
        getattr(builder, "out_suffix", ""),
        getattr(builder, "link_suffix", ""),
        app.config.root_doc,
        str(relative),
    )
    digest.update(repr(parts).encode())
    for name, _display, kind, docname, anchor, _priority in canonical:
        digest.update(f"\0{name}\0{kind}\0{docname}\0{anchor}".encode())
    return digest.hexdigest()


def _versioned(key: str) -> str:
    """*key* with the version and the code that writes the JSON (for the user cache)."""
    parts = [key, __version__, buildstate.code_stamp("catalogue", "markup", "convert")]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _stamp_path(app: Sphinx) -> Path:
    """Where the key of the last export is kept (with the environment, not in the output)."""
    return Path(app.doctreedir, f"awserrors-export-{app.builder.name}.json")


def _up_to_date(stamp: Path, key: str, target: Path) -> bool:
    """Whether *target* is what the last export wrote, from the same *key*."""
    try:
        recorded = json.loads(stamp.read_text(encoding="utf-8"))
        stat = target.stat()
    except (OSError, ValueError):
        return False
    return isinstance(recorded, dict) and recorded == {
        "key": key,
        "target": str(target),
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
    }


def _ours_to_replace(target: Path) -> bool:
    """Whether *target* is absent or an earlier JSON export, so writing it destroys nothing.

    By the end of the build the static files are in place: a path such as
    ``_static/awserrors.css`` would silently replace one of them.
    """
    try:
        with target.open("rb") as file:
            head = file.read(16)
    except FileNotFoundError:
        return True
    except OSError:
        return True  # a directory or an unreadable file: writing reports the real problem
    # what to_json writes: an object whose first key is "errors"
    return head.replace(b"\n", b"").replace(b" ", b"").startswith(b'{"errors"')


def _record(stamp: Path, key: str, target: Path) -> None:
    stat = target.stat()
    record = {"key": key, "target": str(target), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(json.dumps(record), encoding="utf-8")


def _remove_earlier(stamp: Path, outdir: Path, target: Path | None) -> None:
    """Remove the file an earlier build exported elsewhere (the setting moved or turned off).

    Only a file still exactly as that build left it (same size and time) is removed, so an
    incremental build leaves no stale export that a fresh build would not write.
    """
    try:
        recorded = json.loads(stamp.read_text(encoding="utf-8"))
        earlier = Path(recorded["target"])
        stat = earlier.stat()
    except (OSError, ValueError, KeyError, TypeError):
        return
    if (target is not None and earlier == target) or not earlier.is_relative_to(outdir):
        return  # the same file, or one of another output directory (a copied environment)
    if (stat.st_size, stat.st_mtime_ns) == (recorded.get("size"), recorded.get("mtime_ns")):
        with contextlib.suppress(OSError):
            earlier.unlink()
    with contextlib.suppress(OSError):
        stamp.unlink()


def write_json_export(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: write the catalogue as JSON, when an HTML build has succeeded."""
    if exception is not None or not is_html_family(app.builder):
        return
    relative = export_path(app)
    stamp = _stamp_path(app)
    target = None if relative is None else Path(app.outdir, *relative.parts)
    _remove_earlier(stamp, Path(app.outdir), target)
    if relative is None or target is None:
        return
    key = _export_key(app, relative)
    if _up_to_date(stamp, key, target):
        return  # made from the same data and untouched since: nothing to do
    if not _ours_to_replace(target):
        warn(
            f"awserrors_json_export {str(relative)!r} names a file the build already wrote "
            "(a static file or another output), which the JSON would replace; "
            "the JSON export is skipped",
            "config",
            config_location(app, "awserrors_json_export"),
        )
        return
    kept = buildstate.user_cache(f"export-{_versioned(key)}.json")
    try:
        if kept is None:
            raise FileNotFoundError
        data = kept.read_bytes()  # a fresh build of the same catalogue and places
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        # here, not above: a build whose export is up to date does not load the writers
        from sphinx_awserrors.convert.writers import to_json

        catalogue = buildstate.get_catalogue(app.env)
        urls = documented_urls(app, str(relative.parent) if relative.parent.parts else "")
        text = to_json(catalogue, urls=urls)
        data = text.encode("utf-8")
        if kept is not None:
            buildstate.write_user_cache(kept, data)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        outdir = Path(app.outdir).resolve()
        if not target.resolve().is_relative_to(outdir):  # a symbolic link out of the output
            raise safe_io.FileProblem(target, "is outside the output directory")
        if not (target.is_file() and target.read_bytes() == data):
            safe_io.write_text(target, text)
        # else unchanged: keep the file (and its time) as it is
    except OSError as exc:
        reason = exc.reason if isinstance(exc, safe_io.FileProblem) else exc.strerror or exc
        warn(f"cannot write the JSON export to {target}: {reason}", "export")
        return
    with contextlib.suppress(OSError):  # only a cache: the next build writes the export again
        _record(stamp, key, target)


def setup_export(app: Sphinx) -> None:
    """Write the JSON export at the end of each successful HTML-family build."""
    app.connect("build-finished", write_json_export)
