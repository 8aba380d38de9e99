"""The ``import-rst`` and ``import-md`` commands: a legacy table file to a catalogue.

Exit status: 0 every row converted; 1 the catalogue was written but some rows (or error
tables) could not be converted, each reported on standard error with its line; 2 unreadable
input, no error table, nothing to convert, an output that is the input or not a regular file,
or bad usage.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Final

from sphinx_awserrors.catalogue import format_of, safe_io
from sphinx_awserrors.cli import _output
from sphinx_awserrors.cli._parser import Subcommands, add_output_option
from sphinx_awserrors.convert.catalogue_writer import write_catalogue
from sphinx_awserrors.convert.tables import convert_tables, parse_columns

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from sphinx_awserrors.convert.rst_table import ReadResult


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def _run_import(args: argparse.Namespace, command: str, read: Callable[[str], ReadResult]) -> int:
    from sphinx_awserrors.convert.rst_table import TableReadError

    file: str = args.file

    def fatal(message: str) -> None:
        # what stops the command reads like every command's errors; row reports stay
        # compiler-style (file:line: message)
        _output.error(command, message)

    try:
        spec = parse_columns(args.columns) if getattr(args, "columns", None) else None
    except ValueError as exc:
        fatal(str(exc))
        return 2
    output: str | None = getattr(args, "output", None)
    if output is not None and format_of(output) is None:
        fatal(
            f"{output}: unknown catalogue format "
            f"{Path(output).suffix!r}; name the output .yaml, .yml, .toml or .json"
        )
        return 2
    if output not in (None, "-"):
        try:  # a bad -o is reported before anything is read
            safe_io.check_target(output, [file])
        except safe_io.FileProblem as exc:
            fatal(str(exc))
            return 2
    try:
        result = read(file)
    except TableReadError as exc:
        fatal(str(exc))
        return 2
    tables = list(result.tables)
    read_notes = [(n.line or 0, f"{n.location()}: note: {n.message}") for n in result.notes]
    if not tables:
        lines = [(p.line or 0, str(p)) for p in result.problems] + read_notes
        for _line, message in sorted(lines, key=lambda item: item[0]):
            _err(message)
        fatal(f"{file}: no table found")
        return 2
    number: int | None = getattr(args, "table", None)
    if number is not None:
        if not 1 <= number <= len(tables):
            fatal(f"{file}: --table {number}: the file has {len(tables)} table(s)")
            return 2
        tables = [tables[number - 1]]
    converted = convert_tables(tables, spec)
    messages = [(p.line or 0, str(p)) for p in (*result.problems, *converted.problems)]
    messages += [(n.line or 0, f"{n.location()}: note: {n.message}") for n in converted.notes]
    messages += read_notes
    for _line, message in sorted(messages, key=lambda item: item[0]):
        _err(message)
    if not converted.error_tables:
        fatal(
            f"{file}: no error table found (a table needs a column of error codes and one "
            "of HTTP statuses); use --columns to name them"
        )
        return 2
    if not converted.entries:
        fatal(f"{file}: no row could be converted; nothing written")
        return 2
    header = [f"Imported from {file} by sphinx-awserrors {command}."]
    try:
        write_catalogue(converted.entries, output, header, inputs=[file])
    except safe_io.FileProblem as exc:
        fatal(str(exc))
        return 2
    if output not in (None, "-"):
        left = len(converted.problems)
        summary = f"{output}: {len(converted.entries)} entries"
        _err(summary + (f", {left} problem(s) reported above" if left else ""))
    return 1 if converted.problems or result.problems else 0


def run_import_rst(args: argparse.Namespace) -> int:
    """``sphinx-awserrors import-rst``: the error tables of a reStructuredText file."""
    from sphinx_awserrors.convert.rst_table import read_file

    return _run_import(args, "import-rst", lambda path: read_file(path, detach=True))


def run_import_md(args: argparse.Namespace) -> int:
    """``sphinx-awserrors import-md``: the error tables (pipe tables) of a Markdown file."""
    from sphinx_awserrors.convert.md_table import read_file

    return _run_import(args, "import-md", read_file)


EXIT_STATUSES: Final = _output.exit_statuses(
    (0, "every row converted"),
    (
        1,
        "the catalogue was written, but some rows or tables could not be converted (each "
        "reported with its line)",
    ),
    (
        2,
        "bad usage, unreadable input, no error table or nothing to convert, or an output "
        "that is the input, not a regular file or cannot be written",
    ),
)


def register(commands: Subcommands) -> None:
    """Add the ``import-rst``, ``import-md`` commands to the ``sphinx-awserrors`` parser."""
    import argparse

    import_rst = commands.add_parser(
        "import-rst",
        help="convert the error tables of a reStructuredText file into a catalogue",
        description="Find the error tables (grid, simple, list-table, csv-table) of a "
        "reStructuredText file and write them as a catalogue.",
        epilog=EXIT_STATUSES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    import_rst.add_argument("file", metavar="FILE.rst")
    add_output_option(import_rst)
    import_rst.add_argument(
        "--columns",
        metavar="SPEC",
        help="say which columns hold what, e.g. 'code,description,status' "
        "(use '-' for a column to skip)",
    )
    import_rst.add_argument(
        "--table", type=int, metavar="N", help="import only the N-th table (1-based)"
    )
    import_rst.set_defaults(handler=run_import_rst)

    import_md = commands.add_parser(
        "import-md",
        help="convert the Markdown pipe tables of a file into a catalogue",
        description="Find the error tables (pipe tables) of a Markdown file and write them "
        "as a catalogue, converting inline Markdown to reStructuredText (.md, .markdown, "
        ".mdx).",
        epilog=EXIT_STATUSES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    import_md.add_argument("file", metavar="FILE.md")
    add_output_option(import_md)
    import_md.add_argument("--columns", metavar="SPEC", help="as for import-rst")
    import_md.add_argument(
        "--table", type=int, metavar="N", help="import only the N-th table (1-based)"
    )
    import_md.set_defaults(handler=run_import_md)
