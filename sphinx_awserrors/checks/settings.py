"""The settings the command line and the Sphinx build share: ``[tool.sphinx-awserrors]``.

``sphinx-awserrors lint`` and the docs build read the same table of the nearest
``pyproject.toml``, so CI and the docs agree on the spelling words and the checks to run::

    [tool.sphinx-awserrors]
    spelling-words = ["Zenko", "Vault"]   # words the spelling check accepts
    select = ["defects", "order"]         # checks or groups to run (default: ["defects"])
    ignore = ["variant-spelling"]         # checks or groups to skip

Both take check names, the groups ``defects`` and ``style`` and ``all``, as ruff's rule sets.

``conf.py`` values extend these (:meth:`ProjectSettings.extended`). No Sphinx import here.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Final

from sphinx_awserrors.catalogue import safe_io
from sphinx_awserrors.checks import registry
from sphinx_awserrors.checks.registry import Settings

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

#: The table of ``pyproject.toml`` the settings live in.
TABLE: Final = "sphinx-awserrors"
#: The keys the table may hold.
KEYS: Final = ("spelling-words", "select", "ignore")

_TOML_ERROR_LINE: Final = re.compile(r"\s*\(at line (\d+), column \d+\)")


class SettingsError(ValueError):
    """``[tool.sphinx-awserrors]`` cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class ProjectSettings:
    """The shared settings: the spelling words and which checks run.

    ``select`` is ``None`` for the default selection (the ``defects`` group). ``source`` is
    the ``pyproject.toml`` read, or ``None`` when there was none.
    """

    settings: Settings = field(default_factory=Settings)
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    source: Path | None = None

    def extended(
        self,
        *,
        spelling_words: Iterable[str] = (),
        select: Sequence[str] | None = None,
        ignore: Iterable[str] = (),
    ) -> ProjectSettings:
        """These settings extended by ``conf.py`` (or command-line) values.

        Spelling words and ignored checks are added; a *select* that is not ``None`` replaces
        the selection of ``pyproject.toml`` (``ignore`` still applies to it).
        """
        words = self.settings.spelling_words | frozenset(spelling_words)
        return ProjectSettings(
            settings=Settings(spelling_words=words),
            select=self.select if select is None else tuple(select),
            ignore=tuple(dict.fromkeys([*self.ignore, *ignore])),
            source=self.source,
        )


def _read(path: Path) -> str:
    """The text of *path*, read safely (a regular file, bounded), or :class:`SettingsError`."""
    try:
        return safe_io.read_bytes(path).decode("utf-8-sig")
    except safe_io.FileProblem as exc:
        msg = f"{path}: cannot read: {exc.reason}"
        raise SettingsError(msg) from None
    except UnicodeDecodeError as exc:
        msg = f"{path}: cannot read: not UTF-8 text ({exc.reason})"
        raise SettingsError(msg) from None


def _table(path: Path) -> dict[str, object] | None:
    """The ``[tool.sphinx-awserrors]`` table of *path*, or ``None`` when it has none."""
    text = _read(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # file:line first, like every other settings message (tomllib puts it at the end)
        found = _TOML_ERROR_LINE.search(str(exc))
        where = f"{path}:{found.group(1)}" if found else str(path)
        msg = f"{where}: TOML syntax error: {_TOML_ERROR_LINE.sub('', str(exc)).strip()}"
        raise SettingsError(msg) from None
    except RecursionError:
        msg = f"{path}: TOML nested too deeply"
        raise SettingsError(msg) from None
    except ValueError:  # an integer longer than Python converts by default
        msg = f"{path}: TOML value error: an integer too long to read"
        raise SettingsError(msg) from None
    tool = data.get("tool")
    table = tool.get(TABLE) if isinstance(tool, dict) else None
    if table is None:
        return None
    if not isinstance(table, dict):
        msg = f"{path}:{_line_of(text, TABLE)}: tool.{TABLE} must be a table"
        raise SettingsError(msg)
    return table


_HEADER: Final = re.compile(r"^\s*\[")
_TABLE_HEADER: Final = re.compile(
    rf"^\s*\[\s*tool\s*\.\s*(?:{re.escape(TABLE)}|\"{re.escape(TABLE)}\")\s*\]"
)


def _line_of(text: str, key: str) -> int:
    """The line of ``key =`` in the ``[tool.sphinx-awserrors]`` table of *text*.

    Other tables have keys of the same names (ruff's ``select`` and ``ignore``): the search
    starts at the table's header and stops at the next one. Without the header (dotted keys)
    the first ``key =`` or ``sphinx-awserrors.key =`` of the file; 1 when not found.
    """
    lines = text.splitlines()
    name = rf"(?:\"{re.escape(key)}\"|'{re.escape(key)}'|{re.escape(key)})"
    own = re.compile(rf"^\s*{name}\s*=")
    for start, line in enumerate(lines):
        if _TABLE_HEADER.match(line):
            for number in range(start + 1, len(lines)):
                if _HEADER.match(lines[number]):
                    break
                if own.match(lines[number]):
                    return number + 1
            return start + 1
    dotted = re.compile(rf"^\s*(?:tool\s*\.\s*)?\"?{re.escape(TABLE)}\"?\s*\.\s*{name}\s*=")
    for number, line in enumerate(lines, start=1):
        if dotted.match(line):
            return number
    whole = re.compile(rf"^\s*(?:tool\s*\.\s*)?{name}\s*=")
    for number, line in enumerate(lines, start=1):
        if whole.match(line):
            return number
    return 1


def find_pyproject(start: str | Path | None = None) -> Path | None:
    """The nearest ``pyproject.toml`` with a ``[tool.sphinx-awserrors]`` table.

    The search starts in *start* (default: the current directory) and goes up to the root.
    """
    here = Path(start or ".").resolve()
    for directory in (here, *here.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            try:
                if _table(candidate) is not None:
                    return candidate
            except SettingsError:
                return candidate  # let load_settings report it
    return None


def _check_names(names: Sequence[str], where: str) -> None:
    """Raise :class:`SettingsError` at *where* for a name in *names* that is not a check."""
    known_checks = registry.known_names()  # looked up now: tests replace the registry
    for name in names:
        if name not in known_checks:
            close = difflib.get_close_matches(name, known_checks, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            known = ", ".join(sorted(known_checks))
            msg = f"{where} names {name!r}, which is not a check{hint} (checks: {known})"
            raise SettingsError(msg)


def load_settings(location: str | Path | None = None) -> ProjectSettings:
    """Read ``[tool.sphinx-awserrors]`` into :class:`ProjectSettings`.

    *location* is a ``pyproject.toml`` to read, or a directory to search upwards from (see
    :func:`find_pyproject`; default: the current directory). No table gives the defaults.
    Raises :class:`SettingsError` (a ``ValueError``) naming the file and line of an
    unreadable file, an unknown key or a value of the wrong type.
    """
    path: Path | None
    if location is not None and Path(location).is_file():
        path = Path(location)
    elif location is not None and Path(location).suffix == ".toml":
        if Path(location).exists():  # not a regular file: say what it is (a FIFO, a device)
            _read(Path(location))
        msg = f"{location}: file not found"
        raise SettingsError(msg)
    else:
        path = find_pyproject(location)
    if path is None:
        return ProjectSettings()
    table = _table(path)
    if table is None:
        return ProjectSettings(source=path)
    text = _read(path)
    values: dict[str, tuple[str, ...]] = {}
    for key, value in table.items():
        where = f"{path}:{_line_of(text, key)}"
        if key not in KEYS:
            match = difflib.get_close_matches(key, KEYS, n=1)
            hint = f"; did you mean {match[0]!r}?" if match else f" (known: {', '.join(KEYS)})"
            msg = f"{where}: unknown key {key!r} in [tool.{TABLE}]{hint}"
            raise SettingsError(msg)
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            msg = f'{where}: {key!r} must be a list of strings, such as ["..."]'
            raise SettingsError(msg)
        if key in ("select", "ignore"):
            _check_names(value, f"{where}: {key!r}")
        values[key] = tuple(value)
    return ProjectSettings(
        settings=Settings(spelling_words=frozenset(values.get("spelling-words", ()))),
        select=values.get("select"),
        ignore=values.get("ignore", ()),
        source=path,
    )
