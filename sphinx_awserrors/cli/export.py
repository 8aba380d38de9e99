"""The ``export`` command: a catalogue as JSON, CSV, Markdown or a reStructuredText table."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_awserrors.catalogue import BUNDLED, Catalogue, bundled, load_file, safe_io
from sphinx_awserrors.catalogue.status import parse_status_filter
from sphinx_awserrors.convert.writers import FORMATTERS, ExportError, filter_status

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from sphinx_awserrors.cli._parser import Subcommands


def load(name: str) -> Catalogue:
    """The catalogue in file *name* (:data:`~sphinx_awserrors.catalogue.BUNDLED`: the bundled one).

    :raises ExportError: when the file cannot be read or any entry in it is malformed (an export
        that silently left entries out would lose data); the message names the file and line of
        the first problem.
    """
    path = bundled.bundled_path() if name == BUNDLED else Path(name)
    entries, problems = load_file(path)
    if problems:
        more = len(problems) - 1
        hint = f" (and {more} more; see sphinx-awserrors lint {name})" if more else ""
        raise ExportError(f"{problems[0]}{hint}")
    return Catalogue(tuple(entries))


def _write(text: str, output: str | None, inputs: Sequence[str] = ()) -> None:
    if output is None or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        safe_io.write_text(output, text, inputs=inputs)
    except safe_io.FileProblem as exc:
        raise ExportError(str(exc)) from None


def run_export(args: argparse.Namespace) -> int:
    """``sphinx-awserrors export``: load ``args.file``, filter by ``args.status``, write it.

    :returns: 0, or 2 after one line on standard error when the catalogue cannot be loaded,
        the status filter is malformed or the output cannot be written. A filter that selects
        no entry writes an empty export and a warning line on standard error.
    """
    status_filter: str | None = args.status
    if status_filter is not None:
        try:  # a usage error is reported before any file is read
            parse_status_filter(status_filter)
        except ValueError as exc:
            print(f"sphinx-awserrors export: --status: {exc}", file=sys.stderr)
            return 2
    inputs = [] if args.file == BUNDLED else [args.file]
    try:
        if args.output not in (None, "-"):  # a bad -o is reported before any work is done
            safe_io.check_target(args.output, inputs)
        loaded = load(args.file)
        catalogue = filter_status(loaded, status_filter)
        if loaded and not catalogue:  # the directive warns about such a filter too
            print(
                f"sphinx-awserrors export: warning: --status {status_filter} matches no entry "
                f"of {args.file}",
                file=sys.stderr,
            )
        _write(FORMATTERS[args.format](catalogue), args.output, inputs)
    except safe_io.FileProblem as exc:
        print(f"sphinx-awserrors export: error: {exc}", file=sys.stderr)
        return 2
    except ExportError as exc:
        print(f"sphinx-awserrors export: {exc}", file=sys.stderr)
        return 2
    return 0


def register(commands: Subcommands) -> None:
    """Add the ``export`` command to the ``sphinx-awserrors`` parser."""
    export = commands.add_parser(
        "export",
        help="write a catalogue as JSON, CSV, Markdown or an RST grid table",
        description="Write a catalogue as JSON, CSV, a Markdown table or a "
        "reStructuredText grid table, optionally filtered by status.",
    )
    export.add_argument(
        "file", metavar="FILE", help="catalogue file, or 'bundled' for the bundled one"
    )
    export.add_argument("--format", choices=("json", "csv", "markdown", "rst"), default="json")
    export.add_argument(
        "--status", metavar="FILTER", help="status filter, as in the directive: 4xx,!404"
    )
    export.add_argument("-o", "--output", metavar="OUT", help="output file (default: stdout)")
    export.set_defaults(handler=run_export)
