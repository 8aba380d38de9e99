"""Coverage: the error codes a server's source can return against the codes its docs list.

The source side comes from :mod:`sphinx_awserrors.convert.source`: error definitions (records
with code and status fields, constructors and enum constants, code constants, Python
exception classes), the code argument of error constructors, members of error objects
(``errors.NoSuchKey``), the documented codes (and a reference catalogue's) wherever they
appear as string literals, and the matches of a user's pattern inside string literals. In a
file that holds definitions, a documented code that appears as a name counts as found too
(Arsenal's ``export const NoSuchKey = {...}``).

The report has two sides: codes found in the source but not documented (each with every
place it was found), and documented codes found nowhere (each with its catalogue line). No
Sphinx here: the CLI and the docs build both use :func:`coverage`.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sphinx_awserrors.convert.source import ScanOptions, WalkOptions, definitions_of
from sphinx_awserrors.convert.source.scan import scan_tree

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from sphinx_awserrors.catalogue import Catalogue, ErrorEntry

__all__ = ["CoverageReport", "Location", "coverage", "to_json"]

#: the version of :func:`to_json`'s output; raised when a field changes meaning or goes
JSON_VERSION = 1


@dataclass(frozen=True, order=True)
class Location:
    """Where a code was found: file, line, and how (``definition``, ``literal``...)."""

    file: str
    line: int
    how: str
    status: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class CoverageReport:
    """The result of :func:`coverage`."""

    #: code -> where it was found, for codes the catalogue does not have (sorted by code)
    undocumented: dict[str, list[Location]]
    #: documented codes found nowhere, in catalogue order
    not_found: list[ErrorEntry]
    #: code -> where it was found, for documented codes
    found: dict[str, list[Location]]
    files_scanned: int
    files_lexed: int
    seconds: float
    skipped: dict[str, int]
    #: the codes of the catalogue that differ only in case from an undocumented code
    case_hints: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when every code found is documented."""
        return not self.undocumented


def coverage(
    catalogue: Catalogue,
    roots: Sequence[str | Path],
    *,
    reference: Catalogue | None = None,
    pattern: str | None = None,
    walk: WalkOptions | None = None,
    jobs: int = 2,
) -> CoverageReport:
    """Compare the codes the source under *roots* can return with *catalogue*'s.

    *reference*'s codes are looked for as string literals too (a literal ``"NoSuchLifecycle
    Configuration"`` in the source is then found even though no definition names it).
    *pattern* is a regular expression whose ``code`` group (else group 1, else the match) is a
    code when it lies inside a string literal. Raises :class:`re.error` for a bad pattern.
    """
    if pattern is not None:
        re.compile(pattern)
    documented = {entry.code for entry in catalogue.entries}
    needles = set(documented)
    if reference is not None:
        needles.update(entry.code for entry in reference.entries)
    options = ScanOptions(
        walk=walk or WalkOptions(), needles=frozenset(needles), pattern=pattern, jobs=jobs
    )
    started = time.perf_counter()
    scan = scan_tree(roots, options)
    definitions, _ = definitions_of(scan)
    places: dict[str, set[Location]] = {}
    for definition in definitions:
        places.setdefault(definition.code, set()).add(
            Location(definition.file, definition.line, "definition", definition.status)
        )
    for file in scan.files:
        for code, line, how in file.found:
            places.setdefault(code, set()).add(Location(file.file, line, how))
    seconds = time.perf_counter() - started
    lowered = {code.lower(): code for code in documented}
    undocumented = {
        code: sorted(where) for code, where in sorted(places.items()) if code not in documented
    }
    hints = {code: lowered[code.lower()] for code in undocumented if code.lower() in lowered}
    found = {code: sorted(where) for code, where in places.items() if code in documented}
    not_found = [entry for entry in catalogue.entries if entry.code not in found]
    return CoverageReport(
        undocumented=undocumented,
        not_found=not_found,
        found=found,
        files_scanned=scan.scanned,
        files_lexed=scan.lexed,
        seconds=seconds,
        skipped=dict(scan.skipped),
        case_hints=hints,
    )


def _status_of(where: Sequence[Location]) -> int | None:
    statuses = {place.status for place in where if place.status is not None}
    return min(statuses) if len(statuses) == 1 else None


def to_json(report: CoverageReport) -> dict[str, object]:
    """The report as the JSON object ``coverage --format json`` prints (see its schema)."""

    def places(where: Sequence[Location]) -> list[dict[str, object]]:
        return [
            {"file": place.file, "line": place.line, "how": place.how}
            | ({"status": place.status} if place.status is not None else {})
            for place in where
        ]

    return {
        "version": JSON_VERSION,
        "files": {
            "scanned": report.files_scanned,
            "lexed": report.files_lexed,
            "skipped": report.skipped,
        },
        "seconds": round(report.seconds, 3),
        "undocumented": [
            {
                "code": code,
                "status": _status_of(where),
                "documented_as": report.case_hints.get(code),
                "locations": places(where),
            }
            for code, where in report.undocumented.items()
        ],
        "not_found": [
            {"code": entry.code, "status": entry.status, "file": entry.file, "line": entry.line}
            for entry in report.not_found
        ],
        "found": [
            {"code": code, "locations": places(where)}
            for code, where in sorted(report.found.items())
        ],
    }
