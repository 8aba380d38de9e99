"""The ``coverage`` command: the codes a server's source can return against its catalogue.

Output formats: ``text`` (one line per finding, like a compiler, the summary on
standard error), ``json`` (the versioned object of :func:`.coverage.to_json`) and ``github``
(workflow commands: an error annotation per undocumented code, a warning per documented code
found nowhere).

Exit status: 0 every code found is documented; 1 some code found in the source is not
documented; 2 unreadable catalogue, missing source folder, bad pattern or bad usage.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_awserrors.catalogue import load_catalogue
from sphinx_awserrors.cli import _output
from sphinx_awserrors.cli.formats import _escape
from sphinx_awserrors.cli.import_source import add_walk_options, walk_options
from sphinx_awserrors.compare.coverage import CoverageReport, Location, coverage, to_json

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx_awserrors.catalogue import Catalogue
    from sphinx_awserrors.cli._parser import Subcommands

__all__ = ["format_github", "format_text", "register", "run_coverage"]

PROG = "sphinx-awserrors coverage"

# how each kind of place is named in messages, from the most to the least telling
_HOW = {
    "definition": "defined",
    "constructor": "raised",
    "reference": "referenced",
    "pattern": "matched by --pattern",
    "literal": "a string literal",
    "name": "named in a definitions file",
}


def register(commands: Subcommands) -> None:
    """Add ``coverage`` to the subcommands *commands*."""
    parser = commands.add_parser(
        "coverage",
        help="compare the error codes a server's source can return with the documented ones",
        description="Find the error codes a server's source code can return (definitions, "
        "error constructors, the documented codes as string literals) and report the codes "
        "found but not documented, and the documented codes found nowhere.",
        epilog=_output.exit_statuses(
            (0, "every code found is documented"),
            (1, "some are not"),
            (2, "unreadable input or bad usage"),
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "catalogue",
        nargs="+",
        metavar="CATALOGUE",
        help="catalogue files, or 'bundled' (their codes are the documented ones)",
    )
    parser.add_argument(
        "--source",
        action="append",
        required=True,
        metavar="DIR",
        help="a source folder or file of the server (repeatable)",
    )
    parser.add_argument(
        "--reference",
        metavar="CATALOGUE",
        help="also look for this catalogue's codes as string literals "
        "(a file, or 'bundled' for AWS's codes)",
    )
    parser.add_argument(
        "--pattern",
        metavar="REGEX",
        help="a regular expression whose 'code' group (else group 1) is a code when it lies "
        "in a string literal, e.g. 'writeError\\(w, \"(?P<code>\\w+)\"'",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="CODES",
        help="comma-separated codes found in the source that need no documentation (repeatable)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="output format (default: text, like a compiler)",
    )
    add_walk_options(parser)
    parser.set_defaults(handler=run_coverage)


def _first(where: Sequence[Location]) -> Location:
    order = list(_HOW)
    return min(where, key=lambda place: (order.index(place.how), place.file, place.line))


def _undocumented_message(report: CoverageReport, code: str, where: Sequence[Location]) -> str:
    place = _first(where)
    statuses = sorted({p.status for p in where if p.status is not None})
    status = f" ({', '.join(map(str, statuses))})" if statuses else ""
    more = len(where) - 1
    also = f" (and {more} more place{'s' if more > 1 else ''})" if more else ""
    hint = report.case_hints.get(code)
    case = f"; the catalogue has {hint}, which differs in case" if hint else ""
    return f"{code}{status} is {_HOW[place.how]} here but not documented{also}{case}"


def _not_found_message(code: str, status: int) -> str:
    return f"{code} ({status}) is documented but found nowhere in the source"


def format_text(report: CoverageReport) -> str:
    """One line per finding: ``file:line: undocumented: ...`` then ``...: not-found: ...``."""
    lines = []
    for code, where in report.undocumented.items():
        place = _first(where)
        message = _undocumented_message(report, code, where)
        lines.append(f"{place.file}:{place.line}: undocumented: {message}\n")
    for entry in report.not_found:
        lines.append(
            f"{entry.location()}: not-found: {_not_found_message(entry.code, entry.status)}\n"
        )
    return "".join(lines)


def format_github(report: CoverageReport) -> str:
    """GitHub Actions workflow commands: ``::error`` per undocumented code (at its first
    place), ``::warning`` per documented code found nowhere (at its catalogue line)."""
    lines = []
    for code, where in report.undocumented.items():
        place = _first(where)
        props = f"file={_escape(place.file, property_value=True)},line={place.line}"
        title = _escape("awserrors undocumented", property_value=True)
        message = _escape(_undocumented_message(report, code, where))
        lines.append(f"::error {props},title={title}::{message}\n")
    for entry in report.not_found:
        props = f"file={_escape(entry.file, property_value=True)}"
        if entry.line:
            props += f",line={entry.line}"
        title = _escape("awserrors not-found", property_value=True)
        message = _escape(_not_found_message(entry.code, entry.status))
        lines.append(f"::warning {props},title={title}::{message}\n")
    return "".join(lines)


def summary(report: CoverageReport, documented: int) -> str:
    """The one-line summary printed on standard error."""
    found = len(report.found) + len(report.undocumented)
    return (
        f"{PROG}: {report.files_scanned} files scanned ({report.files_lexed} lexed) in "
        f"{report.seconds:.1f} s; {found} codes found, {len(report.undocumented)} of them "
        f"undocumented; {len(report.not_found)} of {documented} documented codes found nowhere"
    )


def _load(paths: Sequence[str], what: str) -> Catalogue | str:
    loaded = load_catalogue(list(paths))
    unusable = [p for p in loaded.problems if p.fatal]
    if unusable:
        return f"{what}{unusable[0].location()}: {unusable[0].message}"
    return loaded.catalogue


def run_coverage(args: argparse.Namespace) -> int:
    """Run ``sphinx-awserrors coverage`` with parsed *args*; return the exit status."""

    def fatal(message: str) -> int:
        return _output.error("coverage", message)

    if args.jobs < 1:
        return fatal("--jobs must be 1 or more")
    for source in args.source:
        if not Path(source).exists():
            return fatal(f"--source {source}: no such file or folder")
    if args.pattern is not None:
        try:
            re.compile(args.pattern)
        except re.error as exc:
            return fatal(f"--pattern: not a regular expression: {exc}")
    catalogue = _load(args.catalogue, "")
    if isinstance(catalogue, str):
        return fatal(catalogue)
    reference: Catalogue | None = None
    if args.reference:
        loaded = _load([args.reference], "--reference: ")
        if isinstance(loaded, str):
            return fatal(loaded)
        reference = loaded
    report = coverage(
        catalogue,
        args.source,
        reference=reference,
        pattern=args.pattern,
        walk=walk_options(args),
        jobs=args.jobs,
    )
    ignored = {code.strip() for value in args.ignore for code in value.split(",") if code.strip()}
    if ignored:
        undocumented = {c: w for c, w in report.undocumented.items() if c not in ignored}
        report = CoverageReport(
            undocumented,
            report.not_found,
            report.found,
            report.files_scanned,
            report.files_lexed,
            report.seconds,
            report.skipped,
            report.case_hints,
        )
    if args.format == "json":
        sys.stdout.write(json.dumps(to_json(report), indent=2, ensure_ascii=False) + "\n")
    elif args.format == "github":
        sys.stdout.write(format_github(report))
    else:
        sys.stdout.write(format_text(report))
    print(summary(report, len(catalogue.entries)), file=sys.stderr)
    return 0 if report.ok else 1
