"""The registry of consistency checks and the :class:`Finding` they yield.

A check is a function decorated with :func:`check`; its name is the stable id used as the
warning subtype, in ``suppress_warnings``, in ``--select``/``--ignore`` and in an entry's
``ignore:`` list. The first line of its docstring is its summary.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final, Literal

from sphinx_awserrors._gc import gc_paused
from sphinx_awserrors.catalogue import Catalogue, ErrorEntry

Scope = Literal["entry", "file", "table", "catalogue", "text"]
#: ``defects``: a reader is misled or a client breaks (on by default); ``style``: opinions
#: about consistency (final stop, row order) that a project may not share (opt-in).
Group = Literal["defects", "style"]


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


def description_findings(
    check: str, entry: ErrorEntry, problems: Iterable[tuple[str, str, str | None]]
) -> Iterator[Finding]:
    """*check*'s findings in *entry*'s description, one per ``(message, phrase, fix)``.

    The shape the phrase-level checks (grammar, punctuation) share: located at the
    description's line, the phrase as ``word`` and the corrected phrase as ``suggestion``.
    """
    for message, phrase, fixed in problems:
        yield Finding(
            entry.file,
            entry.line_of("description"),
            check,
            f"{entry.code}: {message}",
            code=entry.code,
            field="description",
            word=phrase,
            suggestion=fixed,
        )


@dataclass(frozen=True)
class Settings:
    """What the user configured for the checks (``conf.py`` and ``[tool.sphinx-awserrors]``)."""

    spelling_words: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CheckContext:
    """What a check looks at.

    ``catalogue`` holds the entries to check: for a ``file`` scope check one file's entries,
    for a ``table`` scope check one source table's, for ``catalogue`` scope the merged whole.
    ``texts`` maps a file name to its raw text, for ``text`` scope checks (whitespace at the
    ends of lines of a legacy ``.rst`` table). ``tables`` maps the name of a legacy table file
    to the first line of each of its tables.
    """

    catalogue: Catalogue
    settings: Settings = field(default_factory=Settings)
    texts: Mapping[str, str] = field(default_factory=dict)
    tables: Mapping[str, Sequence[int]] = field(default_factory=dict)


CheckFunction = Callable[[CheckContext], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    """A registered check."""

    name: str
    summary: str
    scope: Scope
    function: CheckFunction
    #: checks whose finding on the same slip this check's finding replaces (see run_checks)
    supersedes: tuple[str, ...] = ()
    #: the rule set the check belongs to (``defects`` or ``style``)
    group: Group = "defects"


REGISTRY: dict[str, Check] = {}

#: The name of the problems the loader reports inside a readable file (an entry without a
#: status, an unknown key): no check of the registry, but a name ``select`` and ``ignore``
#: accept wherever they are given, so ``ignore = ["catalogue"]`` means the same in
#: ``pyproject.toml`` as ``lint --ignore catalogue``.
LOADER: Final = "catalogue"


def names_in_group(group: Group) -> list[str]:
    """The names of the registered checks of *group*, sorted."""
    return sorted(name for name, chk in REGISTRY.items() if chk.group == group)


def known_names() -> list[str]:
    """Every name ``select`` and ``ignore`` accept: the checks, :data:`LOADER`, the groups."""
    return sorted({*REGISTRY, LOADER, *GROUPS, ALL})


#: The groups of checks, as ruff's rule sets: ``select``/``ignore`` take a group's name for
#: all its checks. ``defects`` run by default; ``style`` only when selected.
GROUPS: Final[tuple[Group, ...]] = ("defects", "style")
#: The name ``select``/``ignore`` take for every registered check.
ALL: Final = "all"
#: What runs when nothing is selected.
DEFAULT_SELECT: Final = ("defects",)

#: The group of the checks registered before :class:`Check` had a ``group`` (a check module
#: written elsewhere that does not tag itself); every other check is a defect check.
_STYLE_CHECKS: Final = frozenset({"style", "order"})


def group_of(chk: Check) -> Group:
    """The group of *chk*: its ``group`` attribute, else the table of untagged style checks."""
    group = getattr(chk, "group", None)
    if group in GROUPS:
        return group  # type: ignore[no-any-return]
    return "style" if chk.name in _STYLE_CHECKS else "defects"


def expand_names(names: Iterable[str]) -> list[str]:
    """The check names *names* stand for: a group for its checks, ``all`` for every check.

    ``style`` is both a group and a check of that group: the name means the group (which
    includes the check). :data:`LOADER` and unknown names are kept as they are.
    """
    expanded: list[str] = []
    for name in names:
        if name == ALL:
            expanded.extend(REGISTRY)
        elif name in GROUPS:
            expanded.extend(n for n, chk in REGISTRY.items() if group_of(chk) == name)
        else:
            expanded.append(name)
    return list(dict.fromkeys(expanded))


def check(
    name: str,
    scope: Scope = "catalogue",
    *,
    supersedes: Sequence[str] = (),
    group: Group = "defects",
) -> Callable[[CheckFunction], CheckFunction]:
    """Register the decorated function as the check *name*.

    *scope* says what the function is given: ``"entry"`` and ``"catalogue"`` checks see the
    whole catalogue, ``"file"`` checks one file's entries at a time (so comparisons between
    entries stay within a file), ``"table"`` checks one source table of a legacy table file
    at a time (a catalogue file counts as one table), ``"text"`` checks the raw texts.

    *supersedes* names the less specific checks that can report the same slip: when both
    run, their finding on a word this check reports for the same entry is dropped.
    *group* is the rule set of the check: ``defects`` or ``style`` (see :data:`Group`).
    """

    def register(function: CheckFunction) -> CheckFunction:
        summary = (function.__doc__ or "").strip().splitlines()[0] if function.__doc__ else ""
        REGISTRY[name] = Check(name, summary, scope, function, tuple(supersedes), group)
        return function

    return register


def select_checks(select: Sequence[str] | None = None, ignore: Sequence[str] = ()) -> list[Check]:
    """The registered checks named in *select* (the ``defects`` group when ``None``) minus
    *ignore*.

    Both take check names, group names (:data:`GROUPS`) and ``all``, as ruff's ``--select``
    and ``--ignore`` take rule sets. :data:`LOADER` is accepted in both and chooses no check
    (whoever reports the loader's problems looks for it). Raises :class:`ValueError` naming
    an unknown check.
    """
    known = known_names()
    for name in [*(select or ()), *ignore]:
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            msg = f"unknown check {name!r}{hint} (known checks and groups: {', '.join(known)})"
            raise ValueError(msg)
    chosen = expand_names(DEFAULT_SELECT if select is None else select)
    ignored = set(expand_names(ignore))
    return [REGISTRY[name] for name in chosen if name in REGISTRY and name not in ignored]


def _owner(
    finding: Finding, entries: Mapping[tuple[str, str | None], Sequence[ErrorEntry]]
) -> ErrorEntry | None:
    """The entry *finding* is about: of the entries of its file with its code (a code given
    twice has two), the last one that starts at or before the finding's line."""
    candidates = entries.get((finding.file, finding.code), ())
    if len(candidates) <= 1 or finding.line is None:
        return candidates[0] if candidates else None
    before = [e for e in candidates if (e.line or 0) <= finding.line]
    return before[-1] if before else candidates[0]


def drop_silenced(findings: Iterable[Finding], catalogue: Catalogue) -> list[Finding]:
    """*findings* without those on an entry whose ``ignore:`` list names the check.

    A code given twice in a file is two entries, each with its own ``ignore:`` list: a
    finding is matched with the entry it points into.
    """
    entries: dict[tuple[str, str | None], list[ErrorEntry]] = {}
    for entry in sorted(catalogue, key=lambda e: e.line or 0):
        entries.setdefault((entry.file, entry.code), []).append(entry)
    kept = []
    for finding in findings:
        owner = _owner(finding, entries)
        if owner is None or finding.check not in owner.ignore:
            kept.append(finding)
    return kept


def _by_table(part: Catalogue, starts: Sequence[int]) -> list[Catalogue]:
    """The entries of one file, split by the source table they come from (*starts*)."""
    bounds = sorted(starts)
    groups: dict[int, list[ErrorEntry]] = {}
    for entry in part:
        index = max(0, bisect.bisect_right(bounds, entry.line or 0) - 1)
        groups.setdefault(index, []).append(entry)
    return [Catalogue(tuple(groups[index])) for index in sorted(groups)]


def _parts(
    catalogue: Catalogue, scope: Scope, skipped: set[str], tables: Mapping[str, Sequence[int]]
) -> Iterator[Catalogue]:
    """The catalogues a check of *scope* is run on, one at a time."""
    if scope not in ("file", "table"):
        yield catalogue
        return
    for file_name in catalogue.files:
        if file_name in skipped:
            continue
        part = Catalogue(tuple(e for e in catalogue if e.file == file_name))
        if scope == "table" and tables.get(file_name):
            yield from _by_table(part, tables[file_name])
        else:
            yield part


def _words(finding: Finding) -> set[str]:
    """The words of a finding's ``word`` (a phrase such as "multipart/ form" has several)."""
    return {w for w in re.split(r"[\s/-]+", (finding.word or "").casefold()) if w}


def _drop_superseded(findings: Iterable[Finding], chosen: Sequence[Check]) -> list[Finding]:
    """*findings* with each slip reported once, by the most specific check that saw it.

    A finding of a check that another chosen check supersedes is dropped when that check
    reports the same word of the same entry and field ("partnumber" as a ``variant-spelling``
    of "part number", not also as a ``spelling`` slip). The more specific finding is itself
    dropped when what it suggests is a slip the superseded check reports in the same file:
    a variant that points at a misspelled majority would give the wrong advice.
    """
    findings = list(findings)
    superseded = {(c.name, s) for c in chosen for s in c.supersedes}
    if not superseded:
        return findings
    weaker_names = {s for _, s in superseded}
    weaker = [f for f in findings if f.check in weaker_names]
    slips = {(f.file, f.check, (f.word or "").casefold()) for f in weaker if f.word}
    dropped: set[Finding] = set()
    for strong in findings:
        names = {s for c, s in superseded if c == strong.check}
        if not names:
            continue
        if any((strong.file, s, (strong.suggestion or "").casefold()) in slips for s in names):
            dropped.add(strong)  # the weaker check's finding stands, with the right advice
            continue
        words = _words(strong)
        for weak in weaker:
            if (
                weak.check in names
                and (weak.file, weak.code, weak.field) == (strong.file, strong.code, strong.field)
                and _words(weak) & words
            ):
                dropped.add(weak)
    return [f for f in findings if f not in dropped]


def run_checks(
    catalogue: Catalogue,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    settings: Settings | None = None,
    texts: Mapping[str, str] | None = None,
    skip_files: Iterable[str] = (),
    tables: Mapping[str, Sequence[int]] | None = None,
) -> list[Finding]:
    """Run the chosen checks over *catalogue* and return the findings, sorted by place.

    Findings in *skip_files* (the bundled catalogue in a project's build) are dropped, and so
    are findings on an entry whose ``ignore:`` list names the check. *tables* gives the first
    line of each table of a legacy table file, for the checks that look at one table at a
    time. Each slip is reported once, by the most specific check that saw it (see the
    *supersedes* argument of :func:`check`).
    """
    settings = settings or Settings()
    texts = texts or {}
    tables = tables or {}
    skipped = set(skip_files)
    chosen = select_checks(select, ignore)
    findings: list[Finding] = []
    with gc_paused():
        for chk in chosen:
            for part in _parts(catalogue, chk.scope, skipped, tables):
                findings.extend(chk.function(CheckContext(part, settings, texts, tables)))
    kept = set(drop_silenced((f for f in findings if f.file not in skipped), catalogue))
    unique = _drop_superseded(kept, chosen)
    return sorted(unique, key=lambda f: (f.file, f.line or 0, f.check, f.message))


def unknown_ignores(catalogue: Catalogue) -> list[Finding]:
    """A ``catalogue`` finding for each name in an entry's ``ignore:`` that is no check.

    A misspelt name would otherwise silence nothing, and nobody would notice.
    """
    found: list[Finding] = []
    for entry in catalogue:
        for name in entry.ignore:
            if name in REGISTRY:
                continue
            close = difflib.get_close_matches(name, REGISTRY, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f" (checks: {', '.join(REGISTRY)})"
            message = f"{entry.code}: 'ignore' names {name!r}, which is not a check{hint}"
            line = entry.line_of("ignore")
            found.append(Finding(entry.file, line, "catalogue", message, code=entry.code))
    return found
