"""``sphinx-awserrors import-source``: a catalogue from a server's own error definitions.

Staging module: it registers the command on a parser's subcommands (:func:`register`) and
runs it (:func:`run`). Every definition :mod:`sphinx_awserrors.convert.source` reads becomes
an entry that points at its definition (``# source: FILE:LINE``); a code defined more than
once gives one entry, from its most complete definition, and a status that differs between
definitions is reported. A definition without a status or a message is left out and
reported, unless ``--fill-from`` names a catalogue (``bundled`` for AWS's codes) to take
them from.

Exit status: 0 every definition converted; 1 the catalogue was written but something was
reported (a definition that could not be read or was left out, a status that differs); 2 no
definition found, unreadable input, or bad usage.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_awserrors.catalogue import ErrorEntry, format_of, load_catalogue
from sphinx_awserrors.convert.source import (
    Definition,
    ScanOptions,
    WalkOptions,
    read_tree,
)

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from sphinx_awserrors.catalogue import Catalogue

__all__ = ["entries_from", "register", "run", "walk_options"]

PROG = "sphinx-awserrors import-source"

# characters that start or end inline markup in reStructuredText, and a word-final underscore
_RST_SPECIAL = re.compile(r"([\\*`|])")
_TRAILING_UNDERSCORE = re.compile(r"_(?=_*(?:\W|$))")


def rst_text(text: str) -> str:
    """Plain *text* (a message from the source) as inline reStructuredText that shows it as is."""
    return _TRAILING_UNDERSCORE.sub(r"\\_", _RST_SPECIAL.sub(r"\\\1", " ".join(text.split())))


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


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``import-source`` to the subcommands *commands*."""
    parser = commands.add_parser(
        "import-source",
        help="build a catalogue from the error definitions of a server's source code",
        description="Read the error definitions of a server's source (Go, Java, Kotlin, "
        "Python, JavaScript, TypeScript, C, C++, C#, Rust and more) and write them as a "
        "catalogue: code, HTTP status and message where the source has them. Definitions "
        "that cannot be read are reported with their file and line.",
    )
    parser.add_argument("sources", nargs="+", metavar="DIR", help="source folders or files")
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write the catalogue here (.yaml, .yml, .toml or .json); default: YAML on stdout",
    )
    parser.add_argument(
        "--fill-from",
        metavar="CATALOGUE",
        help="take statuses and descriptions the source lacks from this catalogue "
        "(a file, or 'bundled' for the AWS codes)",
    )
    add_walk_options(parser)
    parser.set_defaults(handler=run)


def _best(definitions: Sequence[Definition]) -> Definition:
    def completeness(item: tuple[int, Definition]) -> tuple[int, int]:
        index, definition = item
        score = (definition.status is not None) * 2 + (definition.message is not None)
        return (-score, index)

    return min(enumerate(definitions), key=completeness)[1]


def entries_from(
    definitions: Sequence[Definition], fill: Catalogue | None = None
) -> tuple[list[ErrorEntry], list[str], list[str]]:
    """Entries for *definitions* in source order: (entries, problems, notes) as message lines.

    A code defined more than once gives one entry from its most complete definition.
    """
    by_code: dict[str, list[Definition]] = {}
    for definition in definitions:
        by_code.setdefault(definition.code, []).append(definition)
    entries: list[ErrorEntry] = []
    problems: list[str] = []
    notes: list[str] = []
    for code, group in by_code.items():
        chosen = _best(group)
        where = f"{chosen.file}:{chosen.line}"
        for other in group:
            if other is chosen:
                continue
            if other.status is not None and chosen.status not in (None, other.status):
                problems.append(
                    f"{other.file}:{other.line}: {code} is defined with status {other.status} "
                    f"here and {chosen.status} at {where}; the entry has {chosen.status}"
                )
        if len(group) > 1:
            notes.append(
                f"{where}: note: {code} is defined {len(group)} times; the entry is this definition"
            )
        status, message = chosen.status, chosen.message
        filled = fill.get(code) if fill is not None else None
        taken: list[str] = []
        if status is None and filled is not None:
            status = filled.status
            taken.append("status")
        description = rst_text(message) if message else ""
        if not description and filled is not None:
            description = filled.description
            taken.append("description")
        if taken:
            notes.append(
                f"{where}: note: {code}: {' and '.join(taken)} taken from {filled.location()}"
                if filled is not None
                else ""
            )
        missing = [
            name for name, value in (("status", status), ("message", description)) if not value
        ]
        if missing:
            hint = "" if fill is not None else " (--fill-from names a catalogue to take it from)"
            problems.append(
                f"{where}: {code}: the definition has no {' and no '.join(missing)}; left out{hint}"
            )
            continue
        assert status is not None
        lines = {"code": chosen.line, "status": chosen.line, "description": chosen.line}
        entries.append(
            ErrorEntry(
                code=code,
                status=status,
                description=description,
                file=chosen.file,
                line=chosen.line,
                field_lines=lines,
            )
        )
    return entries, problems, notes


def write_atomically(text: str, output: str) -> None:
    """Write *text* to *output* through a temporary file beside it, then rename it."""
    target = Path(output)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent if str(target.parent) else ".", prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def run(args: argparse.Namespace) -> int:
    """Run ``sphinx-awserrors import-source`` with parsed *args*; return the exit status."""
    from sphinx_awserrors.importers import dump_catalogue

    def fatal(message: str) -> int:
        print(f"{PROG}: error: {message}", file=sys.stderr)
        return 2

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
        if output is not None and Path(source).resolve() == Path(output).resolve():
            return fatal(f"{output}: the output is one of the inputs; name another file")
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
        return fatal(
            f"no error definition found in {scanned} source file(s) "
            f"({len(read.definitions)} definition(s) read, none complete)"
            if read.definitions
            else f"no error definition found in {scanned} source file(s)"
        )
    header = [f"Imported from {', '.join(args.sources)} by sphinx-awserrors import-source."]
    fmt = format_of(output) if output else "yaml"
    text = dump_catalogue(entries, fmt or "yaml", header)
    try:
        if output is None:
            sys.stdout.write(text)
        else:
            write_atomically(text, output)
    except OSError as exc:
        return fatal(f"{output}: cannot write: {exc.strerror or exc}")
    where = output or "standard output"
    files = len({d.file for d in read.definitions})
    print(
        f"{where}: {len(entries)} entries from {len(read.definitions)} definitions in {files} "
        f"file(s) ({scanned} scanned, {read.scan.lexed} lexed)"
        + (f", {len(problems)} problem(s) reported above" if problems else ""),
        file=sys.stderr,
    )
    return 1 if problems else 0
