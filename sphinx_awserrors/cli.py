"""The ``sphinx-awserrors`` command line: argument parsing and dispatch to the commands.

Each command lives in its own module and takes the parsed arguments, returning the exit
code: 0 success, 1 findings (lint), 2 usage or input error. Errors are one line on stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from sphinx_awserrors import __version__

Command = Callable[[argparse.Namespace], int]


def _run_lint(args: argparse.Namespace) -> int:
    from sphinx_awserrors.lint import run_lint

    return run_lint(args)


def _run_import_rst(args: argparse.Namespace) -> int:
    from sphinx_awserrors.importers import run_import_rst

    return run_import_rst(args)


def _run_import_md(args: argparse.Namespace) -> int:
    from sphinx_awserrors.importers import run_import_md

    return run_import_md(args)


def _run_import_botocore(args: argparse.Namespace) -> int:
    from sphinx_awserrors.botocore_import import run_import_botocore

    return run_import_botocore(args)


def _run_export(args: argparse.Namespace) -> int:
    from sphinx_awserrors.exporters import run_export

    return run_export(args)


def _add_import_output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write the catalogue here (.yaml, .yml, .toml or .json); default: YAML on stdout",
    )


def get_parser() -> argparse.ArgumentParser:
    """The argument parser of ``sphinx-awserrors`` and its subcommands."""
    parser = argparse.ArgumentParser(
        prog="sphinx-awserrors",
        description="Check, import and export catalogues of AWS-style error codes.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    lint = commands.add_parser(
        "lint",
        help="check catalogue files (or a legacy .rst/.md table) for consistency problems",
        description="Check catalogue files (YAML, TOML, JSON), the bundled catalogue or legacy "
        "reStructuredText and Markdown tables for typos, duplicates, implausible statuses and "
        "other drift. Exit status: 0 clean, 1 findings, 2 unreadable input or bad usage.",
    )
    lint.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="catalogue, .rst or .md files, or 'bundled' (at least one)",
    )
    lint.add_argument(
        "--select", metavar="CHECKS", help="comma-separated checks to run (default: all)"
    )
    lint.add_argument("--ignore", metavar="CHECKS", help="comma-separated checks to skip")
    lint.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="output format (default: text, like a compiler)",
    )
    lint.add_argument(
        "--spelling-words",
        metavar="WORDS",
        action="append",
        default=[],
        help="comma-separated extra words the spelling check accepts (repeatable)",
    )
    lint.add_argument(
        "--config",
        metavar="PYPROJECT",
        help="pyproject.toml with a [tool.sphinx-awserrors] table "
        "(default: the nearest one with that table, from the current directory up)",
    )
    lint.add_argument(
        "--reference",
        metavar="REFERENCE",
        help="also compare statuses with a reference: 'aws-s3' (the S3 codes AWS documents, "
        "bundled), 'botocore' (the service models, extra [botocore]) or a catalogue file",
    )
    lint.add_argument("--list-checks", action="store_true", help="list the checks and exit")
    lint.set_defaults(handler=_run_lint)

    import_rst = commands.add_parser(
        "import-rst",
        help="convert the error tables of a reStructuredText file into a catalogue",
        description="Find the error tables (grid, simple, list-table, csv-table) of a "
        "reStructuredText file and write them as a catalogue.",
    )
    import_rst.add_argument("file", metavar="FILE.rst")
    _add_import_output(import_rst)
    import_rst.add_argument(
        "--columns",
        metavar="SPEC",
        help="say which columns hold what, e.g. 'code,description,status' "
        "(use '-' for a column to skip)",
    )
    import_rst.add_argument(
        "--table", type=int, metavar="N", help="import only the N-th table (1-based)"
    )
    import_rst.set_defaults(handler=_run_import_rst)

    import_md = commands.add_parser(
        "import-md",
        help="convert the Markdown pipe tables of a file into a catalogue",
        description="Find the error tables (pipe tables) of a Markdown file and write them "
        "as a catalogue, converting inline Markdown to reStructuredText.",
    )
    import_md.add_argument("file", metavar="FILE.md")
    _add_import_output(import_md)
    import_md.add_argument("--columns", metavar="SPEC", help="as for import-rst")
    import_md.add_argument(
        "--table", type=int, metavar="N", help="import only the N-th table (1-based)"
    )
    import_md.set_defaults(handler=_run_import_md)

    botocore = commands.add_parser(
        "import-botocore",
        help="build a catalogue from botocore's service models (extra [botocore])",
        description="Build a catalogue from the error shapes that botocore's service models "
        "declare: code, HTTP status where modelled, first sentence of the documentation.",
    )
    botocore.add_argument("services", nargs="+", metavar="SERVICE", help="e.g. s3 iam sts")
    _add_import_output(botocore)
    botocore.set_defaults(handler=_run_import_botocore)

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
    export.set_defaults(handler=_run_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``) and return the exit code."""
    parser = get_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    handler: Command = args.handler
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("sphinx-awserrors: interrupted", file=sys.stderr)
        return 130
