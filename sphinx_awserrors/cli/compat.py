"""The ``compat`` command: a catalogue against a reference (``aws-s3``, ``botocore``, a file).

It reads the catalogue as ``lint`` does (catalogue files, ``bundled``, or the error tables of
``.rst`` and ``.md`` files), resolves the reference with
:func:`~sphinx_awserrors.checks.references.resolve_reference`, compares them with
:func:`~sphinx_awserrors.compare.compat.compare` and prints each difference as text, JSON
(``compat.v1.schema.json``) or GitHub annotations.

Exit status: 0 when no difference of a ``--fail-on`` kind is left unmarked, 1 when one is,
2 on bad usage or an input that cannot be read.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Final

from sphinx_awserrors.catalogue import Catalogue, Problem
from sphinx_awserrors.cli import _output
from sphinx_awserrors.cli.formats import _escape
from sphinx_awserrors.cli.lint import read_inputs
from sphinx_awserrors.compare.compat import (
    DEFAULT_FAIL_ON,
    KINDS,
    Comparison,
    Row,
    compare,
    restrict_to_service,
)

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Collection, Sequence

    from sphinx_awserrors.cli._parser import Subcommands


PROG: Final = "sphinx-awserrors compat"

#: The ``$id`` of the JSON output's schema (``cli/schemas/compat.v1.schema.json``).
SCHEMA_ID: Final = "https://sphinx-awserrors.readthedocs.io/en/latest/_static/compat.v1.schema.json"


class UsageError(Exception):
    """Bad usage or an unreadable input: one line on stderr, exit status 2."""


def load_reference(name: str) -> Catalogue:
    """The reference *name* names; botocore's is narrowed to S3's error shapes.

    :raises UsageError: for an unknown name, an unreadable file, or botocore not installed.
    """
    from sphinx_awserrors.checks.reference_status import ReferenceUnavailable
    from sphinx_awserrors.checks.references import ReferenceError, resolve_reference

    try:
        reference = resolve_reference(name)
    except (ReferenceError, ReferenceUnavailable) as exc:
        raise UsageError(str(exc)) from None
    if name == "botocore":
        reference = restrict_to_service(reference, "s3")
    if not len(reference):
        raise UsageError(f"reference {name}: no entries to compare with")
    return reference


def load_catalogue(names: Sequence[str]) -> Catalogue:
    """The catalogue of *names*, read as ``lint`` reads them.

    :raises UsageError: when a file cannot be read at all or gives no entry.
    """
    inputs = read_inputs(names)
    if inputs.fatal:
        raise UsageError(str(inputs.fatal[0]))
    if not inputs.entries:
        raise UsageError(f"{', '.join(names)}: no catalogue entry could be read")
    warn_left_out(PROG, inputs.problems)
    return Catalogue(tuple(inputs.entries))


def note_repeats(prog: str, name: str, catalogue: Catalogue) -> None:
    """A ``note`` line on stderr for each code *catalogue* (called *name*) defines again:
    only its first entry is compared."""
    seen: set[str] = set()
    for entry in catalogue:
        if entry.code in seen:
            print(
                f"{prog}: note: {entry.location()}: {entry.code} is defined again; "
                "the first definition is compared",
                file=sys.stderr,
            )
        seen.add(entry.code)


def warn_left_out(prog: str, problems: Sequence[Problem], shown: str | None = None) -> None:
    """One ``warning`` line on stderr per entry or row the reader left out or changed.

    An entry left out would otherwise read as a code the catalogue lacks (``missing`` in
    ``compat``, ``removed`` in ``diff``).
    """
    for problem in problems:
        where = f"{shown}:{problem.line}" if shown and problem.line else shown or problem.location()
        print(f"{prog}: warning: {where}: {problem.message}", file=sys.stderr)


def _kinds(value: str | None, option: str) -> frozenset[str] | None:
    if value is None:
        return None
    words = {word.strip() for word in value.split(",") if word.strip()}
    unknown = sorted(words - set(KINDS))
    if unknown:
        raise UsageError(f"{option}: unknown kind {unknown[0]!r} (known: {', '.join(KINDS)})")
    return frozenset(words)


def with_tags(catalogue: Catalogue, tags: str) -> Catalogue:
    """The entries of *catalogue* with one of the comma-separated *tags* (case-insensitive)."""
    wanted = {tag.strip().casefold() for tag in tags.split(",") if tag.strip()}
    return Catalogue(tuple(e for e in catalogue if wanted & {t.casefold() for t in e.tags}))


def format_text(comparison: Comparison, rows: Sequence[Row], fail_on: Collection[str]) -> str:
    """One line per row, ``file:line: kind: message``, and a line of totals."""
    lines = [f"{row.location()}: {row.kind}: {row.message(comparison.reference)}\n" for row in rows]
    totals = comparison.totals()
    failing = len(comparison.failures(fail_on))
    lines.append(
        f"{totals['same']} same, {totals['differs']} differ, {totals['only_here']} only here, "
        f"{totals['only_in_reference']} only in {comparison.reference}; "
        f"{failing} not marked deliberate\n"
    )
    return "".join(lines)


def record(row: Row, reference: str, fail_on: Collection[str]) -> dict[str, object]:
    """*row* as an object of the JSON output (see ``compat.v1.schema.json``)."""
    return {
        "kind": row.kind,
        "code": row.code,
        "reference_code": row.reference_code,
        "status": row.status,
        "reference_statuses": list(row.reference_statuses),
        "deliberate": row.deliberate,
        "fails": row.fails(fail_on),
        "file": row.file,
        "line": row.line,
        "message": row.message(reference),
    }


def format_json(comparison: Comparison, rows: Sequence[Row], fail_on: Collection[str]) -> str:
    """The JSON document of ``compat.v1.schema.json``."""
    document = {
        "$schema": SCHEMA_ID,
        "version": 1,
        "reference": comparison.reference,
        "fail_on": sorted(fail_on),
        "totals": comparison.totals(),
        "failures": len(comparison.failures(fail_on)),
        "differences": [record(row, comparison.reference, fail_on) for row in rows],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def format_github(comparison: Comparison, rows: Sequence[Row], fail_on: Collection[str]) -> str:
    """GitHub workflow commands: ``::error`` for a failing row, ``::notice`` for the others."""
    out = []
    for row in rows:
        level = "error" if row.fails(fail_on) else "notice"
        props = [f"file={_escape(row.file, property_value=True)}"]
        if row.line:
            props.append(f"line={row.line}")
        props.append(f"title={_escape(f'awserrors compat {row.kind}', property_value=True)}")
        out.append(f"::{level} {','.join(props)}::{_escape(row.message(comparison.reference))}\n")
    return "".join(out)


FORMATTERS: Final[dict[str, Callable[[Comparison, Sequence[Row], Collection[str]], str]]] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
}


def run_compat(args: argparse.Namespace) -> int:
    """Run ``sphinx-awserrors compat`` with parsed *args*; return the exit status."""
    try:
        fail_on = _kinds(args.fail_on, "--fail-on")
        show = _kinds(args.show, "--show")
        catalogue = load_catalogue(args.files)
        reference = load_reference(args.reference)
        note_repeats(PROG, ", ".join(args.files), catalogue)
    except UsageError as exc:
        return _output.error("compat", str(exc))
    kinds = DEFAULT_FAIL_ON if fail_on is None else fail_on
    if args.tags is not None:
        catalogue = with_tags(catalogue, args.tags)
    comparison = compare(catalogue, reference, args.reference)
    wanted = show if show is not None else set(KINDS) - {"same"}
    rows = [row for row in comparison.rows if row.kind in wanted]
    sys.stdout.write(FORMATTERS[args.format](comparison, rows, kinds))
    return 1 if comparison.failures(kinds) else 0


def register(commands: Subcommands) -> None:
    """Add the ``compat`` command to the ``sphinx-awserrors`` parser."""
    import argparse

    parser = commands.add_parser(
        "compat",
        help="compare a catalogue's codes and statuses with a reference (aws-s3, botocore)",
        description="Compare a catalogue with a reference: codes the reference has and the "
        "catalogue lacks (missing), codes only the catalogue has (extension), codes whose "
        "status differs, and codes that differ only in case or by a likely misspelling. "
        "An entry's 'differs:' key marks a difference as deliberate.",
        epilog=_output.exit_statuses(
            (0, "no unmarked difference of a --fail-on kind"),
            (1, "some"),
            (2, "unreadable input or bad usage"),
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files",
        nargs="+",
        metavar="CATALOGUE",
        help="catalogue, .rst or .md files, or 'bundled'",
    )
    parser.add_argument(
        "--reference",
        metavar="REFERENCE",
        default="aws-s3",
        help="'aws-s3' (the S3 codes AWS documents, bundled; the default), 'botocore' (S3's "
        "service model, extra [botocore]) or a catalogue file",
    )
    parser.add_argument(
        "--format",
        choices=tuple(FORMATTERS),
        default="text",
        help="output format (default: text, like a compiler)",
    )
    parser.add_argument(
        "--fail-on",
        metavar="KINDS",
        help="comma-separated kinds that fail unless marked deliberate "
        f"(default: {','.join(sorted(DEFAULT_FAIL_ON))}; also extension, missing, stale)",
    )
    parser.add_argument(
        "--tags",
        metavar="TAGS",
        help="compare only the entries with one of these comma-separated tags (such as s3)",
    )
    parser.add_argument(
        "--show",
        metavar="KINDS",
        help="comma-separated kinds to print (default: every kind but same)",
    )
    parser.set_defaults(handler=run_compat)
