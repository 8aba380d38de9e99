"""The ``export`` command: a catalogue as JSON, CSV, Markdown or a reStructuredText table.

The format is ``--format``, else the suffix of ``-o`` (``.json``, ``.csv``, ``.md``,
``.markdown``, ``.rst``), else JSON. A ``--format`` the suffix contradicts is an error.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Final

from sphinx_awserrors.catalogue import BUNDLED, Catalogue, bundled, load_file, safe_io
from sphinx_awserrors.catalogue.status import parse_status_filter
from sphinx_awserrors.cli import _output
from sphinx_awserrors.convert.writers import FORMATTERS, ExportError, filter_status

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from sphinx_awserrors.cli._parser import Subcommands


COMMAND: Final = "export"

#: The formats ``--format`` takes; ``md`` is ``markdown``.
FORMAT_NAMES: Final = {
    "json": "json",
    "csv": "csv",
    "markdown": "markdown",
    "md": "markdown",
    "rst": "rst",
}

#: The format each suffix of ``-o`` names.
SUFFIX_FORMATS: Final = {
    ".json": "json",
    ".csv": "csv",
    ".md": "markdown",
    ".markdown": "markdown",
    ".rst": "rst",
}


def output_format(given: str | None, output: str | None) -> str:
    """The export format: *given* (``--format``), else the suffix of *output*, else JSON.

    :raises ExportError: when *given* and the suffix of *output* name different formats, or
        *output* has a suffix that names no format and *given* is ``None``.
    """
    chosen = FORMAT_NAMES[given] if given is not None else None
    if output in (None, "-"):
        return chosen or "json"
    suffix = Path(output).suffix.lower()
    implied = SUFFIX_FORMATS.get(suffix)
    if chosen is None:
        if implied is None:
            known = ", ".join(SUFFIX_FORMATS)
            shown = repr(suffix) if suffix else "no suffix"
            msg = f"{output}: {shown} names no format ({known}); give --format"
            raise ExportError(msg)
        return implied
    if implied is not None and implied != chosen:
        msg = f"--format {given} but {output} names {implied}; drop --format or rename the file"
        raise ExportError(msg)
    return chosen


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
        the status filter or the format is malformed or the output cannot be written. A filter
        that selects no entry writes an empty export and a warning line on standard error.
    """
    status_filter: str | None = args.status
    if status_filter is not None:
        try:  # a usage error is reported before any file is read
            parse_status_filter(status_filter)
        except ValueError as exc:
            return _output.error(COMMAND, f"--status: {exc}")
    inputs = [] if args.file == BUNDLED else [args.file]
    try:
        if args.output not in (None, "-"):  # a bad -o is reported before any work is done
            safe_io.check_target(args.output, inputs)
        fmt = output_format(args.format, args.output)
        loaded = load(args.file)
        catalogue = filter_status(loaded, status_filter)
        if loaded and not catalogue:  # the directive warns about such a filter too
            _output.warning(COMMAND, f"--status {status_filter} matches no entry of {args.file}")
        _write(FORMATTERS[fmt](catalogue), args.output, inputs)
    except (safe_io.FileProblem, ExportError) as exc:
        return _output.error(COMMAND, str(exc))
    return 0


def register(commands: Subcommands) -> None:
    """Add the ``export`` command to the ``sphinx-awserrors`` parser."""
    import argparse

    export = commands.add_parser(
        "export",
        help="write a catalogue as JSON, CSV, Markdown or an RST grid table",
        description="Write a catalogue as JSON, CSV, a Markdown table or a "
        "reStructuredText grid table, optionally filtered by status. The format is --format, "
        "else the suffix of -o (.json, .csv, .md, .markdown, .rst), else JSON.",
        epilog=_output.exit_statuses(
            (0, "written (a --status that matches nothing writes an empty export, with a warning)"),
            (
                2,
                "bad usage (a --format the -o suffix contradicts, a malformed --status), an "
                "unreadable or malformed catalogue, or an output that cannot be written",
            ),
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    export.add_argument(
        "file", metavar="FILE", help="catalogue file, or 'bundled' for the bundled one"
    )
    export.add_argument(
        "--format",
        choices=tuple(FORMAT_NAMES),
        help="json, csv, markdown (or md), rst (default: from the suffix of -o, else json)",
    )
    export.add_argument(
        "--status", metavar="FILTER", help="status filter, as in the directive: 4xx,!404"
    )
    export.add_argument("-o", "--output", metavar="OUT", help="output file (default: stdout)")
    export.set_defaults(handler=run_export)
