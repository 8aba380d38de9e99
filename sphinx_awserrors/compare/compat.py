"""A catalogue against a reference catalogue: the compatibility of codes and statuses.

:func:`compare` sets every code of a catalogue beside the reference's (``aws-s3``,
``botocore`` or another catalogue, see :mod:`sphinx_awserrors.checks.references`) and says
what each is: the same, a different status, the same code written in another case or
misspelt, a code only the catalogue has (an extension) or one only the reference has
(missing). An entry's ``differs:`` mapping marks a difference as deliberate, with its reason;
a marker on an entry that does not differ in that way is reported as stale. The command
``sphinx-awserrors compat`` and the ``aws-error-compat`` directive print and render the rows.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Final, Literal

from sphinx_awserrors.catalogue import Catalogue, ErrorEntry
from sphinx_awserrors.compare.names import pair_codes

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

#: What a row of the comparison says about a code.
Kind = Literal["same", "status", "case", "misspelling", "extension", "missing", "stale"]

#: Every kind, in the order reports list them.
KINDS: Final[tuple[Kind, ...]] = (
    "status",
    "case",
    "misspelling",
    "extension",
    "missing",
    "stale",
    "same",
)

#: The kinds that fail ``compat`` (exit status 1) unless marked deliberate: what breaks a
#: client written against the reference. Extensions and missing codes are reported only.
DEFAULT_FAIL_ON: Final[frozenset[Kind]] = frozenset({"status", "case", "misspelling"})

#: The ``differs:`` aspect that marks each kind deliberate.
ASPECT: Final[dict[Kind, str]] = {
    "status": "status",
    "case": "code",
    "misspelling": "code",
    "extension": "extension",
}

#: The totals of a comparison, in the order the matrix shows them.
TOTALS: Final = ("same", "differs", "only_here", "only_in_reference")


@dataclass(frozen=True)
class Row:
    """One code of the comparison.

    ``code`` is the catalogue's code (``None`` for a code only the reference has);
    ``reference_code`` the reference's (``None`` for an extension). ``file`` and ``line``
    locate the catalogue entry; a missing code has the catalogue's first file and no line.
    """

    kind: Kind
    code: str | None
    reference_code: str | None
    status: int | None
    reference_statuses: tuple[int, ...]
    file: str
    line: int | None
    #: the ``differs:`` reason that marks the difference deliberate
    deliberate: str | None = None
    #: the entry, when the catalogue has it
    entry: ErrorEntry | None = None

    @property
    def name(self) -> str:
        """The code to show: the catalogue's, else the reference's."""
        return self.code or self.reference_code or ""

    @property
    def total(self) -> str:
        """The total this row counts in (one of :data:`TOTALS`)."""
        if self.kind in ("same", "stale"):
            return "same"
        if self.kind == "extension":
            return "only_here"
        if self.kind == "missing":
            return "only_in_reference"
        return "differs"

    def location(self) -> str:
        """``file:line`` for messages."""
        return f"{self.file}:{self.line}" if self.line else self.file

    def fails(self, fail_on: Iterable[str] = DEFAULT_FAIL_ON) -> bool:
        """Whether this row fails the comparison: a kind of *fail_on*, not deliberate."""
        return self.kind in set(fail_on) and self.deliberate is None

    def message(self, reference: str) -> str:
        """One sentence that says what differs, naming the reference *reference*."""
        statuses = _statuses(self.reference_statuses)
        if self.kind == "same":
            text = f"{self.code} has status {self.status}, as {reference} does"
        elif self.kind == "status":
            text = f"{self.code} has status {self.status}; {reference} gives {statuses}"
        elif self.kind in ("case", "misspelling"):
            how = (
                "differs only in case from" if self.kind == "case" else "is likely a misspelling of"
            )
            text = f"{self.code} {how} {reference}'s {self.reference_code} ({statuses})"
            if self.status is not None and self.status not in self.reference_statuses:
                text += f", and has status {self.status}"
        elif self.kind == "extension":
            text = f"{self.code} ({self.status}) is not in {reference}: an extension"
        elif self.kind == "missing":
            text = f"{self.reference_code} ({statuses}) of {reference} is not in the catalogue"
        else:  # stale
            text = f"{self.code} is marked 'differs' but does not differ from {reference}"
        if self.deliberate is not None:
            text += f" (deliberate: {self.deliberate})"
        return text


@dataclass(frozen=True)
class Comparison:
    """The rows of a comparison, in catalogue order, then the missing codes."""

    rows: tuple[Row, ...]
    reference: str

    @property
    def differences(self) -> tuple[Row, ...]:
        """Every row that is not ``same``."""
        return tuple(row for row in self.rows if row.kind != "same")

    def failures(self, fail_on: Iterable[str] = DEFAULT_FAIL_ON) -> tuple[Row, ...]:
        """The rows that fail the comparison (see :meth:`Row.fails`)."""
        kinds = set(fail_on)
        return tuple(row for row in self.rows if row.fails(kinds))

    def totals(self, rows: Sequence[Row] | None = None) -> dict[str, int]:
        """How many of *rows* (default: all) count in each of :data:`TOTALS`."""
        counts = dict.fromkeys(TOTALS, 0)
        for row in self.rows if rows is None else rows:
            counts[row.total] += 1
        return counts


def _statuses(statuses: Sequence[int]) -> str:
    if not statuses:
        return "no status"
    return " or ".join(str(s) for s in statuses)


def restrict_to_service(reference: Catalogue, service: str = "s3") -> Catalogue:
    """The entries of *reference* tagged *service* (case-insensitive).

    botocore's reference holds every AWS service's error shapes, tagged with the services
    that define them; an S3 catalogue is compared with S3's alone.
    """
    wanted = service.casefold()
    return Catalogue(tuple(e for e in reference if wanted in {t.casefold() for t in e.tags}))


def _reference_statuses(reference: Catalogue) -> dict[str, tuple[int, ...]]:
    """Each code of *reference* with its statuses (a reference may give a code several)."""
    statuses: dict[str, list[int]] = {}
    for entry in reference:
        found = statuses.setdefault(entry.code, [])
        if entry.status not in found:
            found.append(entry.status)
    return {code: tuple(sorted(found)) for code, found in statuses.items()}


def compare(catalogue: Catalogue, reference: Catalogue, name: str = "the reference") -> Comparison:
    """Compare *catalogue* with *reference* (called *name* in messages).

    A code the catalogue repeats is compared once (its first entry). Codes that only one side
    has are paired by :func:`~sphinx_awserrors.compare.names.pair_codes` when they differ
    only in case or by a likely misspelling.
    """
    ref = _reference_statuses(reference)
    entries = {code: catalogue[code] for code in catalogue.codes}
    only_here = [code for code in entries if code not in ref]
    only_there = [code for code in ref if code not in entries]
    paired = {here: (there, kind) for here, there, kind in pair_codes(only_here, only_there)}
    matched = {there for there, _kind in paired.values()}
    rows: list[Row] = []
    for code, entry in entries.items():
        line = entry.line_of("code")
        if code in ref:
            statuses = ref[code]
            kind: Kind = "same" if entry.status in statuses else "status"
            rows.append(
                Row(kind, code, code, entry.status, statuses, entry.file, line, entry=entry)
            )
        elif code in paired:
            there, likeness = paired[code]
            rows.append(
                Row(likeness, code, there, entry.status, ref[there], entry.file, line, entry=entry)
            )
        else:
            rows.append(
                Row("extension", code, None, entry.status, (), entry.file, line, entry=entry)
            )
    rows = [_marked(row) for row in rows]
    # a missing code is the catalogue's finding: it is located at the catalogue's first file
    here = catalogue.files[0] if catalogue.files else "<catalogue>"
    for code in only_there:
        if code not in matched:
            rows.append(Row("missing", None, code, None, ref[code], here, None))
    return Comparison(tuple(rows), name)


def _marked(row: Row) -> Row:
    """*row* with the entry's ``differs:`` reason applied: deliberate, or stale."""
    entry = row.entry
    if entry is None or not entry.differs:
        return row
    aspect = ASPECT.get(row.kind)
    if aspect is not None:
        reason = entry.differs_reason(aspect)
        if reason is None and row.kind in ("case", "misspelling"):
            # a renamed code whose status differs too: the status reason covers it
            reason = entry.differs_reason("status")
        if reason is not None:
            return replace(row, deliberate=reason)
        return row
    # the entry is the same as the reference's, yet says it differs
    reasons = "; ".join(f"{name}: {why}" for name, why in entry.differs)
    return replace(row, kind="stale", deliberate=reasons)
