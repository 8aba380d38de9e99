"""The ``import-source`` command: a catalogue from a server's own error definitions.

Every definition :mod:`sphinx_awserrors.convert.source` reads becomes an entry that points at
its definition (``# source: FILE:LINE``); :mod:`sphinx_awserrors.convert.source.entries`
merges a code's definitions and leaves out (and reports) a definition without a status or a
message, unless ``--fill-from`` names a catalogue (``bundled`` for AWS's codes) to take
them from.

Exit status: 0 every definition converted; 1 the catalogue was written but something was
reported (a definition that could not be read or was left out, a status that differs); 2 no
definition found, unreadable input, or bad usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_awserrors.catalogue import format_of, load_catalogue, safe_io
from sphinx_awserrors.cli import _output
from sphinx_awserrors.cli._parser import Subcommands, add_output_option
from sphinx_awserrors.convert.catalogue_writer import write_catalogue
from sphinx_awserrors.convert.source import ScanOptions, WalkOptions, read_tree
from sphinx_awserrors.convert.source.entries import entries_from

if TYPE_CHECKING:
    from sphinx_awserrors.catalogue import Catalogue

__all__ = ["add_walk_options", "register", "run_import_source", "walk_options"]

PROG = "sphinx-awserrors import-source"


def add_walk_options(parser: argparse.ArgumentParser) -> None:
    """The options that say which files to read (shared with ``coverage``)."""
    parser.add_argument(
        "--include-tests", action="store_true", help="also read test folders and files"
    )
    parser.add_argument(
        "--include-vendored",
        action="store_true",
        help="also read vendored code (vendor/, third_party/, node_modules/...)",
    )
    parser.add_argument(
        "--include-generated",
        action="store_true",
        help="also read generated code (generated/, *.pb.go, 'Code generated' files, bundles)",
    )
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="leave out files or folders matching GLOB, e.g. '*/examples' (repeatable)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=2,
        metavar="N",
        help="worker processes (default: 2; 1 reads in this process)",
    )


def walk_options(args: argparse.Namespace) -> WalkOptions:
    """The :class:`WalkOptions` of parsed arguments."""
    return WalkOptions(
        include_tests=args.include_tests,
        include_vendored=args.include_vendored,
        include_generated=args.include_generated,
        exclude=tuple(args.exclude),
    )


def register(commands: Subcommands) -> None:
    """Add ``import-source`` to the subcommands *commands*."""
    parser = commands.add_parser(
        "import-source",
        help="build a catalogue from the error definitions of a server's source code",
        description="Read the error definitions of a server's source (Go, Java, Kotlin, "
        "Python, JavaScript, TypeScript, C, C++, C#, Rust and more) and write them as a "
        "catalogue: code, HTTP status and message where the source has them. Definitions "
        "that cannot be read are reported with their file and line.",
        epilog=_output.exit_statuses(
            (0, "every definition converted"),
            (
                1,
                "the catalogue was written but something was reported (a definition that "
                "could not be read or was left out, a status that differs)",
            ),
            (2, "no definition found, unreadable input, or bad usage"),
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("sources", nargs="+", metavar="DIR", help="source folders or files")
    add_output_option(parser)
    parser.add_argument(
        "--fill-from",
        metavar="CATALOGUE",
        help="take statuses and descriptions the source lacks from this catalogue "
        "(a file, or 'bundled' for the AWS codes)",
    )
    add_walk_options(parser)
    parser.set_defaults(handler=run_import_source)


def run_import_source(args: argparse.Namespace) -> int:
    """Run ``sphinx-awserrors import-source`` with parsed *args*; return the exit status."""

    def fatal(message: str) -> int:
        return _output.error("import-source", message)

    output: str | None = args.output
    if output is not None and format_of(output) is None:
        return fatal(
            f"{output}: unknown catalogue format {Path(output).suffix!r}; "
            "name the output .yaml, .yml, .toml or .json"
        )
    if args.jobs < 1:
        return fatal("--jobs must be 1 or more")
    for source in args.sources:
        if not Path(source).exists():
            return fatal(f"{source}: no such file or folder")
    if output not in (None, "-"):
        try:  # a bad -o is reported before anything is read
            safe_io.check_target(output, list(args.sources))
        except safe_io.FileProblem as exc:
            return fatal(str(exc))
    fill: Catalogue | None = None
    if args.fill_from:
        loaded = load_catalogue([args.fill_from])
        unusable = [p for p in loaded.problems if p.fatal]
        if unusable:
            return fatal(f"--fill-from: {unusable[0].location()}: {unusable[0].message}")
        fill = loaded.catalogue
    read = read_tree(args.sources, ScanOptions(walk=walk_options(args), jobs=args.jobs))
    entries, problems, notes = entries_from(read.definitions, fill)
    problems = [f"{u.file}:{u.line}: {u.message}" for u in read.unreadable] + problems
    for line in sorted(filter(None, notes)):
        print(line, file=sys.stderr)
    for line in problems:
        print(line, file=sys.stderr)
    scanned = read.scan.scanned
    if not entries:
        if read.definitions:
            return fatal(
                f"none of the {len(read.definitions)} definition(s) read in {scanned} source "
                "file(s) has both a status and a message; nothing written (--fill-from names "
                "a catalogue to take them from)"
            )
        return fatal(f"no error definition found in {scanned} source file(s)")
    header = [f"Imported from {', '.join(args.sources)} by sphinx-awserrors import-source."]
    try:
        write_catalogue(entries, output, header, inputs=list(args.sources))
    except safe_io.FileProblem as exc:
        return fatal(str(exc))
    where = output if output not in (None, "-") else "standard output"
    files = len({d.file for d in read.definitions})
    print(
        f"{where}: {len(entries)} entries from {len(read.definitions)} definitions in {files} "
        f"file(s) ({scanned} scanned, {read.scan.lexed} lexed)"
        + (f", {len(problems)} problem(s) reported above" if problems else ""),
        file=sys.stderr,
    )
    return 1 if problems else 0
