"""The registry of consistency checks and the :class:`Finding` they yield.

A check is a function decorated with :func:`check`; its name is the stable id used as the
warning subtype, in ``suppress_warnings``, in ``--select``/``--ignore`` and in an entry's
``ignore:`` list. The first line of its docstring is its summary.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from sphinx_awserrors.catalogue import Catalogue, ErrorEntry

Scope = Literal["entry", "file", "catalogue", "text"]


@dataclass(frozen=True, order=True)
class Finding:
    """One problem found in a catalogue; the fields of the ``lint --format json`` output."""

    file: str
    line: int | None
    check: str
    message: str
    code: str | None = None
    field: str | None = None
    word: str | None = None
    suggestion: str | None = None

    def location(self) -> str:
        """``file:line`` for messages."""
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass(frozen=True)
class Settings:
    """What the user configured for the checks (``conf.py`` and ``[tool.sphinx-awserrors]``)."""

    spelling_words: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CheckContext:
    """What a check looks at.

    ``catalogue`` holds the entries to check: for a ``file`` scope check one file's entries,
    for ``catalogue`` scope the merged whole. ``texts`` maps a file name to its raw text, for
    ``text`` scope checks (whitespace at the ends of lines of a legacy ``.rst`` table).
    """

    catalogue: Catalogue
    settings: Settings = field(default_factory=Settings)
    texts: Mapping[str, str] = field(default_factory=dict)


CheckFunction = Callable[[CheckContext], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    """A registered check."""

    name: str
    summary: str
    scope: Scope
    function: CheckFunction


REGISTRY: dict[str, Check] = {}


def check(name: str, scope: Scope = "catalogue") -> Callable[[CheckFunction], CheckFunction]:
    """Register the decorated function as the check *name*.

    *scope* says what the function is given: ``"entry"`` and ``"catalogue"`` checks see the
    whole catalogue, ``"file"`` checks one file's entries at a time (so comparisons between
    entries stay within a file), ``"text"`` checks the raw texts.
    """

    def register(function: CheckFunction) -> CheckFunction:
        summary = (function.__doc__ or "").strip().splitlines()[0] if function.__doc__ else ""
        REGISTRY[name] = Check(name, summary, scope, function)
        return function

    return register


def select_checks(select: Sequence[str] | None = None, ignore: Sequence[str] = ()) -> list[Check]:
    """The registered checks named in *select* (all when ``None``) minus *ignore*.

    Raises :class:`ValueError` naming an unknown check.
    """
    for name in [*(select or ()), *ignore]:
        if name not in REGISTRY:
            known = ", ".join(sorted(REGISTRY))
            msg = f"unknown check {name!r} (known checks: {known})"
            raise ValueError(msg)
    chosen = list(REGISTRY) if select is None else list(dict.fromkeys(select))
    return [REGISTRY[name] for name in chosen if name not in ignore]


def _silenced(finding: Finding, entries: Mapping[tuple[str, str | None], ErrorEntry]) -> bool:
    entry = entries.get((finding.file, finding.code))
    return entry is not None and finding.check in entry.ignore


def run_checks(
    catalogue: Catalogue,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    settings: Settings | None = None,
    texts: Mapping[str, str] | None = None,
    skip_files: Iterable[str] = (),
) -> list[Finding]:
    """Run the chosen checks over *catalogue* and return the findings, sorted by place.

    Findings in *skip_files* (the bundled catalogue in a project's build) are dropped, and so
    are findings on an entry whose ``ignore:`` list names the check.
    """
    settings = settings or Settings()
    texts = texts or {}
    skipped = set(skip_files)
    findings: list[Finding] = []
    for chk in select_checks(select, ignore):
        if chk.scope == "file":
            for file_name in catalogue.files:
                if file_name in skipped:
                    continue
                part = Catalogue(tuple(e for e in catalogue if e.file == file_name))
                findings.extend(chk.function(CheckContext(part, settings, texts)))
        else:
            findings.extend(chk.function(CheckContext(catalogue, settings, texts)))
    entries: dict[tuple[str, str | None], ErrorEntry] = {(e.file, e.code): e for e in catalogue}
    kept = {f for f in findings if f.file not in skipped and not _silenced(f, entries)}
    return sorted(kept, key=lambda f: (f.file, f.line or 0, f.check, f.message))
