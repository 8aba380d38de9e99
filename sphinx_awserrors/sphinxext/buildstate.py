"""The catalogue of one Sphinx build: loading it once, checking it, tracking its changes.

The catalogue is loaded on ``builder-inited``, in the main process and before any document is
read, so parallel readers inherit it. Whether it changed is decided by a sha256 of the files'
content and of ``awserrors_catalogue`` (not by file times, so a touched or freshly checked-out
file that did not change re-reads nothing). When it changed:

* the documents that noted :func:`note_renders_catalogue` are read again (``env-get-outdated``);
  so are those that noted :func:`note_renders_entries`, but only when the selection of entries
  (codes, statuses, tags, files, order) changed or one of the entries they render did: editing
  one description re-reads the pages that show that entry, not every table;
* the documents that noted :func:`note_references_catalogue` are resolved and written again
  (``env-get-updated``; the ``aws`` domain tracks its own references per code instead);
* the consistency checks run once and each finding becomes a warning.

A catalogue that did not change costs nothing per entry: no re-read, no re-check, and the plain
texts of descriptions (tooltips, indices) are kept with the environment (:func:`plain_text`).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import pickle
import sys
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from sphinx_awserrors import __version__
from sphinx_awserrors.catalogue import (
    Catalogue,
    CatalogueFile,
    ErrorEntry,
    LoadResult,
    catalogue_digest,
    load_files,
    resolve_files,
)
from sphinx_awserrors.markup.policy import visible_controls
from sphinx_awserrors.markup.text import description_text
from sphinx_awserrors.sphinxext._logging import config_location, error, warn, warn_at

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: The attribute of the build environment that holds the :class:`BuildState`.
ENV_ATTR = "awserrors_state"
#: Default of ``awserrors_json_export``: where the HTML builder writes the JSON catalogue.
DEFAULT_JSON_EXPORT = "_static/awserrors.json"


@dataclass
class BuildState:
    """What the extension keeps in the environment between builds (pickled with it)."""

    catalogue: Catalogue = field(default_factory=Catalogue)
    files: tuple[CatalogueFile, ...] = ()
    #: sha256 of the catalogue's content and configuration when it was last loaded
    digest: str | None = None
    #: what the checks last ran on (catalogue digest and settings); None: never ran
    checks_key: str | None = None
    #: the inputs of that run as :func:`_checks_inputs` sees them (without importing the
    #: checks); None: unknown, or the run warned about its settings
    checks_inputs: str | None = None
    #: this environment's identity, so a side record of the checks belongs to it alone
    env_token: str = field(default_factory=lambda: uuid.uuid4().hex)
    #: whether the catalogue changed in the current build
    changed: bool = True
    #: the codes whose entries changed in the current build, when the selection of entries
    #: stayed the same; None: the selection changed too (or the catalogue is new)
    changed_codes: frozenset[str] | None = None
    loaded: bool = False
    #: no file the project named could be loaded: the build goes on without entries, and
    #: the one error that says so is not followed by a warning per table and reference
    unusable: bool = False
    #: documents that depend on the whole catalogue
    renders: set[str] = field(default_factory=set)
    #: documents that render some entries -> the codes they render
    rendered: dict[str, set[str]] = field(default_factory=dict)
    references: set[str] = field(default_factory=set)
    #: description -> its plain text (kept between builds: parsing it is the costly part)
    texts: dict[str, str] = field(default_factory=dict)

    def __setstate__(self, state: dict[str, object]) -> None:
        # an environment pickled by an earlier version lacks the newer fields
        fresh = BuildState()
        self.__dict__.update({**fresh.__dict__, **state})


def _state(env: BuildEnvironment) -> BuildState:
    state = getattr(env, ENV_ATTR, None)
    if not isinstance(state, BuildState):
        state = BuildState()
        setattr(env, ENV_ATTR, state)
    return state


def get_catalogue(env: BuildEnvironment) -> Catalogue:
    """The merged catalogue of this build (loaded once, before reading)."""
    state = _state(env)
    if not state.loaded:  # used outside a normal build: load it now, without checks
        _load(env, env.config.awserrors_catalogue, Path(env.srcdir))
    return state.catalogue


def catalogue_digest_of(env: BuildEnvironment) -> str | None:
    """The sha256 of the current catalogue's files and configuration (None: not loaded)."""
    return _state(env).digest


def env_token(env: BuildEnvironment) -> str:
    """This environment's identity: a fresh environment (``-E``, a new output) has another."""
    return _state(env).env_token


def catalogue_unusable(env: BuildEnvironment) -> bool:
    """Whether no configured catalogue file could be loaded (an error was reported)."""
    return _state(env).unusable


def catalogue_changed(env: BuildEnvironment) -> bool:
    """Whether the catalogue changed in the current build (or was loaded for the first time)."""
    return _state(env).changed


def get_files(env: BuildEnvironment) -> tuple[CatalogueFile, ...]:
    """The catalogue files of this build, in the configured order."""
    return _state(env).files


def note_renders_catalogue(env: BuildEnvironment, docname: str) -> None:
    """Record that *docname* renders catalogue content: a changed catalogue re-reads it."""
    _state(env).renders.add(docname)


def note_renders_entries(env: BuildEnvironment, docname: str, codes: Iterable[str]) -> None:
    """Record that *docname* renders the entries of *codes*, selected from the catalogue.

    A changed catalogue re-reads *docname* when the selection changed (codes added, removed or
    reordered; statuses, tags or files changed) or when one of these entries changed.
    """
    _state(env).rendered.setdefault(docname, set()).update(codes)


def plain_text(env: BuildEnvironment, description: str) -> str:
    """*description* as plain text (:func:`~sphinx_awserrors.markup.text.description_text`), cached.

    The cache lives in the environment, so a rebuild does not parse every description again.
    Control characters become visible (``\\x1b``): the text goes into HTML attributes and
    indices, where they are invalid or invisible.
    """
    texts = _state(env).texts
    text = texts.get(description)
    if text is None:
        text = visible_controls(description_text(description))
        # most descriptions are plain text already: keep one string, pickled once
        text = texts[description] = description if text == description else text
    return text


def _selection(entry: ErrorEntry) -> tuple[object, ...]:
    """What decides whether and where a table shows *entry* (not its description)."""
    return (entry.code, entry.status, entry.tags, entry.file)


def _content(entry: ErrorEntry) -> tuple[object, ...]:
    """What a rendered entry shows (its lines in the file only place warnings)."""
    return (
        *_selection(entry),
        entry.description,
        entry.see_also,
        entry.ignore,
        entry.differs,
        entry.since,
        entry.deprecated,
        entry.deprecated_reason,
    )


def changed_codes(old: Catalogue, new: Catalogue) -> frozenset[str] | None:
    """The codes whose entries differ, or None when the selection of entries changed."""
    if [_selection(e) for e in old] != [_selection(e) for e in new]:
        return None
    return frozenset(a.code for a, b in zip(old, new, strict=True) if _content(a) != _content(b))


def note_references_catalogue(env: BuildEnvironment, docname: str) -> None:
    """Record that *docname* references codes: a changed catalogue re-writes it."""
    _state(env).references.add(docname)


def _config_paths(value: object, where: str | None = None) -> str | list[str] | None:
    """``awserrors_catalogue`` checked beyond what Sphinx's type check does.

    A path may be a string or a ``pathlib.Path`` (``Path(__file__).parent / "errors.yaml"``).
    """
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    # an empty path or list names no file: without this it would silently load no entry
    if value is None or (isinstance(value, str) and value.strip()):
        return value
    if isinstance(value, Sequence) and not isinstance(value, str) and value:
        items = [os.fspath(item) if isinstance(item, os.PathLike) else item for item in value]
        if all(isinstance(item, str) and item.strip() for item in items):
            return items
    warn(
        f"awserrors_catalogue must be a path or a non-empty list of paths, not {value!r}; "
        "using the bundled catalogue",
        "config",
        where,
    )
    return None


def _load(
    env: BuildEnvironment, configured: object, base_dir: Path, where: str | None = None
) -> LoadResult | None:
    """Load the catalogue unless its digest is the stored one; return what was loaded.

    *where* is the location of the setting, for a warning about its value.
    """
    state = _state(env)
    paths = _config_paths(configured, where)
    files, problems = resolve_files(paths, base_dir)
    digest = catalogue_digest(files, extra=f"{__version__}\0{paths!r}")
    if state.loaded and digest == state.digest:
        state.changed = False
        return None
    # a file that cannot be read: load it, so the problem is reported as it is now
    result = None if problems else _cached_load(digest)
    if result is None:
        result = load_files(files, problems)
        if not problems and not result.fatal:
            _cache_load(digest, result)
    # in file order, and by line within a file, as lint prints them (the loader reports the
    # top-level keys before the entries above them)
    order = {
        name: index for index, name in enumerate(dict.fromkeys(p.file for p in result.problems))
    }
    for problem in sorted(result.problems, key=lambda p: (order[p.file], p.line or 0)):
        warn_at(problem.message, "catalogue", problem.file, problem.line)
    state.changed_codes = changed_codes(state.catalogue, result.catalogue) if state.loaded else None
    state.catalogue = result.catalogue
    state.files = result.files
    state.unusable = result.fatal
    # an unusable catalogue keeps no digest, so the next build loads it (and says so) again
    state.digest = None if result.fatal else digest
    state.loaded = True
    if result.fatal:
        names = ", ".join(f.name for f in result.files if not f.bundled)
        error(
            f"no error code could be loaded from {names}; the build goes on without a "
            "catalogue, so tables stay empty and references to codes are plain text",
            "catalogue",
        )
    state.changed = True
    descriptions = {entry.description for entry in result.catalogue}
    state.texts = {d: t for d, t in state.texts.items() if d in descriptions}
    return result


def _load_path(digest: str) -> Path:
    """Where the catalogue parsed from files of *digest* is kept between fresh builds.

    The key adds the package version, Python's, and the size and time of the catalogue
    layer's files (a development install changes the loader without a new version).
    """
    parts = [digest, __version__, str(_FINDINGS_FORMAT), sys.version, code_stamp("catalogue")]
    key = hashlib.sha256("\0".join(parts).encode()).hexdigest()
    return _cache_dir() / f"catalogue-{key}.pickle"


def _cached_load(digest: str) -> LoadResult | None:
    """The catalogue a build parsed from the same files (same digest), if kept.

    Parsing is the costly part of loading (YAML with every line kept: about 0.3 s for 5,000
    entries, and PyYAML's import); the pickle of the result loads in a few milliseconds. It
    is the user's own cache, as trusted as the environment pickle Sphinx loads.
    """
    if not _cache_usable():
        return None
    try:
        with _load_path(digest).open("rb") as stream:
            result = pickle.load(stream)
    except Exception:  # only a cache: whatever is wrong with it, parse the files
        return None
    return result if isinstance(result, LoadResult) else None


def _cache_load(digest: str, result: LoadResult) -> None:
    """Keep the parsed catalogue *result* for the next fresh build of the same files."""
    if not _cache_usable():
        return
    with contextlib.suppress(pickle.PicklingError):
        data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        write_user_cache(_load_path(digest), data)


def _builder_inited(app: Sphinx) -> None:
    env = app.env
    _load(
        env,
        app.config.awserrors_catalogue,
        Path(app.confdir),
        config_location(app, "awserrors_catalogue"),
    )
    _run_checks(app, _state(env))


def _names(
    app: Sphinx, setting: str, *, report: bool = True
) -> tuple[list[str] | None, list[object]]:
    """The list-of-names setting *setting*, and what in it cannot be a name (left out).

    What is left out is reported (unless *report* is false). One string (Sphinx warns about
    its type) is one name, not a sequence of letters (``awserrors_checks = "spelling"`` was
    "unknown check 's'").
    """
    value: object = getattr(app.config, setting)
    if value is None:
        return None, []
    if isinstance(value, str):
        return [value], []
    if not isinstance(value, Sequence | set | frozenset):
        return None, []  # Sphinx has warned about the type; the default applies
    names = [item for item in value if isinstance(item, str)]
    others = [item for item in value if not isinstance(item, str)]
    if others and report:
        warn(
            f"{setting}: {', '.join(map(repr, others))} "
            f"{'is not a string' if len(others) == 1 else 'are not strings'}; left out",
            "config",
            config_location(app, setting),
        )
    return names, others


def _run_checks(app: Sphinx, state: BuildState) -> None:
    """Run the checks over the project's own files, once per catalogue and settings.

    What the findings depend on (the catalogue's digest, the check settings of ``conf.py``,
    the ``pyproject.toml`` files the settings may come from, the checks' own files) is known
    without importing the checks (:func:`_checks_inputs`). When it is what the last run in
    this environment saw, nothing is imported, read or printed; when a fresh build of the same
    inputs ran before, its findings are printed from the user cache (:func:`_known_run`).
    Otherwise the settings are read and, if they changed, the checks run.
    """
    bundled_only = all(f.bundled for f in state.files)
    if (
        bundled_only
        and app.config.awserrors_checks is None
        and not app.config.awserrors_ignore_checks
    ):
        return  # nothing to check and no names to validate: skip the imports and pyproject
    inputs = None if bundled_only else _checks_inputs(app, state)
    if inputs is not None:
        last_key, last_inputs = _last_checks_run(app, state)
        if inputs == last_inputs:
            return
        known = _known_run(inputs)
        if known is not None:
            key, found = known
            if key != last_key:
                for message, check, file, line in found:
                    warn_at(message, check, file, line)
            _remember_run(app, state, key, inputs)
            return
    clean = True  # no warning about the settings: a later build may skip reading them

    def names(setting: str) -> list[str] | None:
        nonlocal clean
        found, others = _names(app, setting)
        clean = clean and not others
        return found

    from sphinx_awserrors import checks
    from sphinx_awserrors.checks import settings

    try:
        shared = settings.load_settings(Path(app.confdir))
    except settings.SettingsError as exc:
        warn(str(exc), "config")
        clean = False
        shared = settings.ProjectSettings()
    chosen = shared.extended(
        spelling_words=names("awserrors_spelling_words") or (),
        select=names("awserrors_checks"),
        ignore=names("awserrors_ignore_checks") or (),
    )
    try:  # names are checked even when there is nothing to run them on
        checks.select_checks(chosen.select, chosen.ignore)
    except ValueError as exc:
        known_names = checks.registry.known_names()
        ignored = _names(app, "awserrors_ignore_checks", report=False)[0] or ()
        bad_ignore = any(name not in known_names for name in ignored)
        setting = "awserrors_ignore_checks" if bad_ignore else "awserrors_checks"
        warn(f"{setting}: {exc}", "config", config_location(app, setting))
        return
    if bundled_only or inputs is None:
        return  # the bundled catalogue is never reported in a project's build
    if not clean:
        inputs = None  # the next build reads the settings again, and warns again
    key = hashlib.sha256(f"{state.digest}\0{chosen!r}".encode()).hexdigest()
    if key == _last_checks_run(app, state)[0]:
        _remember_run(app, state, key, inputs)
        return
    cached = _cached_findings(key)
    if cached is None:
        skip = [f.name for f in state.files if f.bundled]
        findings = checks.run_checks(
            state.catalogue,
            select=chosen.select,
            ignore=chosen.ignore,
            settings=chosen.settings,
            skip_files=skip,
        )
        # the build needs the spelling dictionary no more: 4 MB less at the end of the build,
        # when every doctree is in memory (its peak)
        checks.spelling.dictionary.cache_clear()
        findings += [f for f in checks.unknown_ignores(state.catalogue) if f.file not in skip]
        cached = [(f.message, f.check, f.file, f.line) for f in findings]
        _cache_findings(key, cached)
    for message, check, file, line in cached:
        warn_at(message, check, file, line)
    _remember_run(app, state, key, inputs)
    if inputs is not None:
        _cache_run(inputs, key, cached)


#: Bump when what :func:`_cache_findings` or :func:`_cache_run` writes changes shape.
_FINDINGS_FORMAT = 2

#: ``0`` turns the findings cache off (the test suite does, to see every run of the checks).
FINDINGS_CACHE_VARIABLE = "SPHINX_AWSERRORS_FINDINGS_CACHE"

#: The package's checks, whose files are part of what their findings depend on (found by
#: path: importing them is what a build with unchanged inputs avoids).
_CHECKS_DIR = Path(__file__).resolve().parent.parent / "checks"

#: The settings of ``conf.py`` the checks read.
_CHECK_SETTINGS = ("awserrors_checks", "awserrors_ignore_checks", "awserrors_spelling_words")


def user_cache(name: str) -> Path | None:
    """The file *name* in the extension's user cache (None: the cache is turned off).

    ``$XDG_CACHE_HOME/sphinx-awserrors`` (``~/.cache`` by default): what fresh builds of the
    same input can reuse (check findings, parsed catalogues, JSON exports). The variable
    :data:`FINDINGS_CACHE_VARIABLE` set to ``0`` turns all of it off.
    """
    if not _cache_usable():
        return None
    return _cache_dir() / name


def write_user_cache(path: Path, data: bytes) -> None:
    """Write *data* to the cache file *path*, beside it then renamed (failures are ignored)."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(data)
        temporary.replace(path)


#: The package's directory.
_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def code_stamp(*layers: str) -> str:
    """The size and time of every module of the package's *layers* (``"catalogue"``...).

    Part of the key of what the user cache keeps: a development install changes the code
    without a new version.
    """
    parts = []
    for layer in layers:
        for path in sorted((_PACKAGE_DIR / layer).glob("*.py")):
            with contextlib.suppress(OSError):
                info = path.stat()
                parts.append(f"{layer}/{path.name}:{info.st_size}:{info.st_mtime_ns}")
    return "\0".join(parts)


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base, "sphinx-awserrors")


def _cache_usable() -> bool:
    """Whether the user cache is on, and no other user can write what builds would trust.

    A fresh build takes the parsed catalogue (a pickle), the check findings and the JSON export
    from it: a cache directory that another user owns, or that its group or others may write
    (a shared ``XDG_CACHE_HOME`` on a build machine), is not used at all.
    """
    if os.environ.get(FINDINGS_CACHE_VARIABLE) == "0":
        return False
    directory = _cache_dir()
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = directory.stat()
    except OSError:
        return False
    getuid = getattr(os, "getuid", None)  # POSIX; elsewhere the directory's ACLs decide
    return getuid is None or (info.st_uid == getuid() and not info.st_mode & 0o022)


def _findings_path(key: str) -> Path:
    """Where the findings of one catalogue and settings are kept between fresh builds."""
    return _cache_dir() / f"findings-{_checks_fingerprint(key)}.json"


def _checks_fingerprint(key: str) -> str:
    """*key* (catalogue digest and settings) with what the checks themselves are made of.

    The package version, and the size and time of every file of the checks (a development
    install changes the code without a new version) and of pyspellchecker's word list. Nothing
    is imported: a build whose checks need not run does not load them.
    """
    parts = [key, __version__, str(_FINDINGS_FORMAT)]
    sources = sorted(_CHECKS_DIR.iterdir()) if _CHECKS_DIR.is_dir() else []
    with contextlib.suppress(ImportError, ValueError):
        spec = importlib.util.find_spec("spellchecker")  # finds it, does not import it
        for location in (spec.submodule_search_locations or []) if spec else []:
            sources += sorted(Path(location).rglob("*"))
    for path in sources:
        with contextlib.suppress(OSError):
            info = path.stat()
            parts.append(f"{path.name}:{info.st_size}:{info.st_mtime_ns}")
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _checks_inputs(app: Sphinx, state: BuildState) -> str:
    """A digest of everything the findings of a build can depend on, read without the checks.

    The catalogue's digest, the check settings of ``conf.py`` (their ``repr``), the content of
    every ``pyproject.toml`` from the configuration directory up to the root (where
    :func:`~sphinx_awserrors.checks.settings.load_settings` looks), and the checks' files
    (:func:`_checks_fingerprint`). It may change when the findings do not (another table of a
    ``pyproject.toml`` edited); then the settings are read to tell.
    """
    parts = [str(state.digest), repr([getattr(app.config, name) for name in _CHECK_SETTINGS])]
    here = Path(app.confdir).resolve()
    for directory in (here, *here.parents):
        candidate = directory / "pyproject.toml"
        try:
            content = hashlib.sha256(candidate.read_bytes()).hexdigest()
        except FileNotFoundError:
            continue
        except OSError as exc:  # a directory, unreadable: load_settings says what it is
            content = type(exc).__name__
        parts.append(f"{candidate}\0{content}")
    return _checks_fingerprint("\0".join(parts))


def _cached_findings(key: str) -> list[tuple[str, str, str, int | None]] | None:
    """The findings a fresh build of the same catalogue and settings printed, if kept."""
    if not _cache_usable():
        return None
    try:
        record = json.loads(_findings_path(key).read_text(encoding="utf-8"))
        return _findings_of(record)
    except (OSError, ValueError, TypeError):
        return None


def _findings_of(record: object) -> list[tuple[str, str, str, int | None]]:
    """The findings of a cache file (raises ``TypeError`` or ``ValueError`` on another shape)."""
    if not isinstance(record, list):
        raise TypeError(record)
    return [(str(m), str(c), str(f), None if ln is None else int(ln)) for m, c, f, ln in record]


def _write_cache(path: Path, data: object) -> None:
    """Write *data* as JSON to *path* (only a cache: failures are ignored)."""
    write_user_cache(path, json.dumps(data).encode("utf-8"))


def _cache_findings(key: str, findings: list[tuple[str, str, str, int | None]]) -> None:
    """Keep *findings* for the next fresh build (only a cache: failures are ignored)."""
    if not _cache_usable():
        return
    _write_cache(_findings_path(key), findings)


def _run_path(inputs: str) -> Path:
    return _cache_dir() / f"run-{inputs}.json"


def _cache_run(inputs: str, key: str, findings: list[tuple[str, str, str, int | None]]) -> None:
    """Keep what a run on *inputs* found, and its key, for the next build of the same inputs."""
    if not _cache_usable():
        return
    _write_cache(_run_path(inputs), {"key": key, "findings": findings})


def _known_run(inputs: str) -> tuple[str, list[tuple[str, str, str, int | None]]] | None:
    """The key and findings of an earlier run on the same *inputs* (any environment), if kept."""
    if not _cache_usable():
        return None
    try:
        record = json.loads(_run_path(inputs).read_text(encoding="utf-8"))
        key = record["key"]
        if not isinstance(key, str):
            return None
        return key, _findings_of(record["findings"])
    except (OSError, ValueError, TypeError, KeyError):
        return None


def _checks_record(app: Sphinx) -> Path:
    return Path(app.doctreedir, "awserrors-checks.json")


def _last_checks_run(app: Sphinx, state: BuildState) -> tuple[str | None, str | None]:
    """The key and inputs of the checks' last run in this environment.

    Sphinx saves the environment only when a document was read, so a build that re-ran the
    checks for a settings change alone would leave the key of the run before in the pickle, and
    a later build that reverts the change would skip the checks; the side record is always
    written.
    """
    try:
        record = json.loads(_checks_record(app).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return state.checks_key, state.checks_inputs
    if isinstance(record, dict) and record.get("env") == state.env_token:
        key, inputs = record.get("key"), record.get("inputs")
        return (
            key if isinstance(key, str) else None,
            inputs if isinstance(inputs, str) else None,
        )
    return state.checks_key, state.checks_inputs


def _remember_run(app: Sphinx, state: BuildState, key: str, inputs: str | None) -> None:
    """Record the key and inputs of this run in the environment and in its side record."""
    state.checks_key, state.checks_inputs = key, inputs
    record = json.dumps({"env": state.env_token, "key": key, "inputs": inputs})
    with contextlib.suppress(OSError):  # only a cache: without it the checks run once more
        Path(app.doctreedir).mkdir(parents=True, exist_ok=True)
        _checks_record(app).write_text(record, encoding="utf-8")


def _outdated(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    state = _state(env)
    if not state.changed:
        return []
    codes_changed = state.changed_codes
    outdated = set(state.renders)
    outdated.update(
        docname
        for docname, codes in state.rendered.items()
        if codes_changed is None or not codes_changed.isdisjoint(codes)
    )
    return sorted(d for d in outdated if d in env.found_docs and d not in removed)


def _updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    state = _state(env)
    if not state.changed:
        return []
    return sorted(d for d in state.references if d in env.all_docs)


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    state = _state(env)
    state.renders.discard(docname)
    state.rendered.pop(docname, None)
    state.references.discard(docname)


def _merge(
    app: Sphinx, env: BuildEnvironment, docnames: Iterable[str], other: BuildEnvironment
) -> None:
    state, theirs = _state(env), _state(other)
    read = set(docnames)
    state.renders |= theirs.renders & read
    state.rendered.update((d, codes) for d, codes in theirs.rendered.items() if d in read)
    state.references |= theirs.references & read


def setup_buildstate(app: Sphinx) -> None:
    """Register the extension's configuration values and the catalogue's build events."""
    # Sphinx compares exact types: name the concrete Path class of this platform too
    path_types = (type(Path()), PurePath)
    app.add_config_value(
        "awserrors_catalogue", None, "", types=(str, *path_types, list, tuple, type(None))
    )
    app.add_config_value("awserrors_checks", None, "", types=(list, tuple, type(None)))
    app.add_config_value("awserrors_ignore_checks", [], "", types=(list, tuple))
    app.add_config_value("awserrors_spelling_words", [], "", types=(list, tuple))
    app.add_config_value("awserrors_external_url", None, "env", types=(str, type(None)))
    app.add_config_value(
        "awserrors_json_export", DEFAULT_JSON_EXPORT, "html", types=(str, type(None))
    )
    # extra roles a project trusts in catalogue descriptions (markup.policy has the defaults)
    app.add_config_value("awserrors_description_roles", [], "env", types=(list, tuple))
    app.connect("builder-inited", _builder_inited)
    app.connect("env-get-outdated", _outdated)
    app.connect("env-get-updated", _updated)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
