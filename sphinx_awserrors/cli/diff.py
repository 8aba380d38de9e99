"""The ``diff`` command: the changes between two releases of a catalogue, as release notes.

OLD and NEW are catalogue files (or ``.rst``/``.md`` tables, read as ``lint`` reads them) or
git revisions of one, ``REV:path`` (``v1.2:docs/errors.yaml``), read with ``git show`` in
the current repository. :func:`~sphinx_awserrors.compare.diff.diff` finds and classifies the
changes; this module prints them as Markdown or reStructuredText grouped under a heading
per class, or as JSON (``diff.v1.schema.json``).

Exit status: 0, or 1 with ``--fail-on CLASS`` when a change of that class or a more
important one is found; 2 on bad usage or an input that cannot be read.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Final

from sphinx_awserrors.catalogue import Catalogue
from sphinx_awserrors.catalogue.status import reason_phrase
from sphinx_awserrors.cli import _output
from sphinx_awserrors.cli.compat import note_repeats, warn_left_out
from sphinx_awserrors.cli.lint import read_inputs
from sphinx_awserrors.compare.diff import CLASSES, Change, counts, diff

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence

    from sphinx_awserrors.cli._parser import Subcommands


PROG: Final = "sphinx-awserrors diff"

#: The ``$id`` of the JSON output's schema (``cli/schemas/diff.v1.schema.json``).
SCHEMA_ID: Final = "https://sphinx-awserrors.readthedocs.io/en/latest/_static/diff.v1.schema.json"

#: The heading of each class in the text formats.
HEADINGS: Final[dict[str, str]] = {
    "breaking": "Breaking changes",
    "notable": "Notable changes",
    "cosmetic": "Cosmetic changes",
}

#: How long a git command may take (seconds).
GIT_TIMEOUT: Final = 60


class UsageError(Exception):
    """Bad usage or an unreadable input: one line on stderr, exit status 2."""


def _git(args: Sequence[str]) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], capture_output=True, timeout=GIT_TIMEOUT, check=False)
    except FileNotFoundError:
        raise UsageError("git is not installed (needed to read REV:path)") from None
    except subprocess.TimeoutExpired:
        raise UsageError(f"git {args[0]} did not answer within {GIT_TIMEOUT} s") from None


def is_revision(name: str) -> bool:
    """Whether *name* is ``REV:path`` rather than a file: it is not an existing file, has a
    colon after a part longer than a drive letter, and a path after it."""
    if Path(name).exists():
        return False
    rev, colon, path = name.partition(":")
    return bool(colon) and len(rev) > 1 and bool(path)


def read_revision(name: str) -> bytes:
    """The bytes of ``REV:path`` *name* (``git show``), or :class:`UsageError` saying why not."""
    rev, _colon, path = name.partition(":")
    inside = _git(["rev-parse", "--is-inside-work-tree"])
    if inside.returncode != 0:
        raise UsageError(
            f"{name}: not in a git repository, so no revision can be read "
            "(run it in the repository, or give two files)"
        )
    if _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"]).returncode != 0:
        raise UsageError(f"{name}: unknown git revision {rev!r}")
    shown = _git(["show", f"{rev}:{path}"])
    if shown.returncode != 0:
        raise UsageError(
            f"{name}: {path!r} does not exist in {rev} (paths are from the repository's "
            "top; write REV:./path for one relative to the current directory)"
        )
    return shown.stdout


def load(name: str) -> Catalogue:
    """The catalogue of file or ``REV:path`` *name*; entries of a revision have it as file.

    :raises UsageError: when it cannot be read at all or gives no entry.
    """
    if not is_revision(name):
        return _read([name], name)
    data = read_revision(name)
    suffix = Path(name.partition(":")[2]).name
    with tempfile.TemporaryDirectory(prefix="awserrors-diff-") as folder:
        path = Path(folder, suffix)
        path.write_bytes(data)
        catalogue = _read([str(path)], name)
    shown = [replace(e, file=name) for e in catalogue]
    return Catalogue(tuple(shown))


def _read(names: list[str], shown: str) -> Catalogue:
    inputs = read_inputs(names)
    if inputs.fatal:
        problem = inputs.fatal[0]
        raise UsageError(f"{shown}: {problem.message}")
    if not inputs.entries:
        raise UsageError(f"{shown}: no catalogue entry could be read")
    warn_left_out(PROG, inputs.problems, shown if is_revision(shown) else None)
    return Catalogue(tuple(inputs.entries))


# text formats


_MD_SPECIAL: Final = re.compile(r"([\\`*_\[\]<>|~])")
_RST_SPECIAL: Final = re.compile(r"([\\`*_|\[\]<>:])")


def _md_text(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _md_code(code: str) -> str:
    code = " ".join(code.split())
    ticks = "`" * (max((len(run) for run in re.findall("`+", code)), default=0) + 1)
    pad = " " if code.startswith("`") or code.endswith("`") else ""
    return f"{ticks}{pad}{code}{pad}{ticks}"


def _rst_text(text: str) -> str:
    return _RST_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _rst_code(code: str) -> str:
    code = " ".join(code.split())
    if "`" in code or not code or code != code.strip():
        return _rst_text(code)
    return f"``{code}``"


def _status(status: int) -> str:
    reason = reason_phrase(status)
    return f"{status} {reason}" if reason else str(status)


def describe(change: Change, code: Callable[[str], str], text: Callable[[str], str]) -> str:
    """One line of release notes for *change*; *code* and *text* mark up codes and text."""
    entry = change.entry
    name = code(change.code)
    if change.kind == "removed":
        note = f"{name} removed (it was {text(_status(entry.status))})"
        if entry.deprecated:
            note += f"; deprecated since {text(entry.deprecated)}"
        return note + "."
    if change.kind == "added":
        return f"{name} added ({text(_status(entry.status))}): {text(_plain(entry))}"
    if change.kind == "renamed":
        note = f"{code(str(change.old))} renamed to {name}"
        if change.old_entry is not None and change.old_entry.status != entry.status:
            return note + "."  # the status change has a line of its own
        return f"{note} ({text(_status(entry.status))})."
    if change.kind == "status":
        return (
            f"{name}: status changed from {text(_status(int(change.old or 0)))} "
            f"to {text(_status(int(change.new or 0)))}."
        )
    if change.kind == "deprecated":
        if change.old is not None:
            return f"{name}: deprecated in {text(str(change.new))} (was {text(str(change.old))})."
        reason = f": {text(entry.deprecated_reason)}" if entry.deprecated_reason else ""
        return f"{name} deprecated in {text(str(change.new))}{reason}."
    if change.kind == "undeprecated":
        return f"{name} is no longer deprecated (it was since {text(str(change.old))})."
    if change.kind == "reworded":
        if change.change_class == "cosmetic":
            return f"{name}: description reworded: {text(str(change.new))}"
        return (
            f"{name}: description changed: {text(str(change.new))} (was: {text(str(change.old))})"
        )
    if change.old is None:
        return f"{name}: now marked as added in {text(str(change.new))}."
    if change.new is None:
        return f"{name}: no longer says which version added it (it said {text(str(change.old))})."
    return f"{name}: 'since' changed from {text(str(change.old))} to {text(str(change.new))}."


def _plain(entry: object) -> str:
    from sphinx_awserrors.markup.text import description_text

    return description_text(getattr(entry, "description", ""))


def _grouped(changes: Sequence[Change]) -> list[tuple[str, list[Change]]]:
    return [
        (klass, [c for c in changes if c.change_class == klass])
        for klass in CLASSES
        if any(c.change_class == klass for c in changes)
    ]


def format_markdown(changes: Sequence[Change], old: str, new: str, level: int = 2) -> str:
    """Markdown release notes: a heading per class with a list of changes."""
    if not changes:
        return f"No changes to the error codes between {_md_text(old)} and {_md_text(new)}.\n"
    out: list[str] = []
    for klass, group in _grouped(changes):
        out.append(f"{'#' * level} {HEADINGS[klass]}\n\n")
        out.extend(f"- {describe(c, _md_code, _md_text)}\n" for c in group)
        out.append("\n")
    return "".join(out).rstrip("\n") + "\n"


#: The underline of each heading level in reStructuredText output (level 2 by default).
_RST_UNDERLINES: Final = "=-~^\"'"


def format_rst(changes: Sequence[Change], old: str, new: str, level: int = 2) -> str:
    """reStructuredText release notes: a section per class with a bullet list."""
    if not changes:
        return f"No changes to the error codes between {_rst_text(old)} and {_rst_text(new)}.\n"
    underline = _RST_UNDERLINES[min(level, len(_RST_UNDERLINES)) - 1]
    out: list[str] = []
    for klass, group in _grouped(changes):
        heading = HEADINGS[klass]
        out.append(f"{heading}\n{underline * len(heading)}\n\n")
        out.extend(f"- {describe(c, _rst_code, _rst_text)}\n" for c in group)
        out.append("\n")
    return "".join(out).rstrip("\n") + "\n"


def record(change: Change) -> dict[str, object]:
    """*change* as an object of the JSON output (see ``diff.v1.schema.json``)."""
    entry = change.entry
    return {
        "code": change.code,
        "class": change.change_class,
        "kind": change.kind,
        "old": change.old,
        "new": change.new,
        "status": entry.status,
        "file": entry.file,
        "line": entry.line,
    }


def format_json(changes: Sequence[Change], old: str, new: str, level: int = 2) -> str:
    """The JSON document of ``diff.v1.schema.json``."""
    document = {
        "$schema": SCHEMA_ID,
        "version": 1,
        "old": old,
        "new": new,
        "counts": counts(list(changes)),
        "changes": [record(c) for c in changes],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


FORMATTERS: Final[dict[str, Callable[[Sequence[Change], str, str, int], str]]] = {
    "markdown": format_markdown,
    "rst": format_rst,
    "json": format_json,
}


def run_diff(args: argparse.Namespace) -> int:
    """Run ``sphinx-awserrors diff`` with parsed *args*; return the exit status."""
    from sphinx_awserrors.catalogue import safe_io

    try:
        if args.output not in (None, "-"):
            files = [name for name in (args.old, args.new) if not is_revision(name)]
            try:
                safe_io.check_target(args.output, files)  # a bad -o before any work
            except safe_io.FileProblem as exc:
                raise UsageError(str(exc)) from None
        old = load(args.old)
        new = load(args.new)
    except UsageError as exc:
        return _output.error("diff", str(exc))
    for name, catalogue in ((args.old, old), (args.new, new)):
        note_repeats(PROG, name, catalogue)
    changes = diff(old, new)
    text = FORMATTERS[args.format](changes, args.old, args.new, args.heading_level)
    if args.output in (None, "-"):
        sys.stdout.write(text)
    else:
        try:
            _write(Path(args.output), text, (args.old, args.new))
        except UsageError as exc:
            return _output.error("diff", str(exc))
    if args.fail_on is not None:
        worst = CLASSES.index(args.fail_on)
        if any(CLASSES.index(c.change_class) <= worst for c in changes):
            return 1
    return 0


def _write(target: Path, text: str, inputs: Sequence[str]) -> None:
    """Write *text* to *target* through a temporary file beside it, never over an input."""
    from sphinx_awserrors.catalogue import safe_io

    files = [name for name in inputs if not is_revision(name)]
    try:
        safe_io.write_text(target, text, inputs=files)
    except safe_io.FileProblem as exc:
        raise UsageError(str(exc)) from None


def register(commands: Subcommands) -> None:
    """Add the ``diff`` command to the ``sphinx-awserrors`` parser."""
    import argparse

    parser = commands.add_parser(
        "diff",
        help="list the changes between two releases of a catalogue, as release notes",
        description="Compare two releases of a catalogue (files, or git revisions as "
        "REV:path) and list added, removed, renamed, re-statused, deprecated and reworded "
        "codes, each classified breaking, notable or cosmetic.",
        epilog=_output.exit_statuses(
            (0, "done (with --fail-on: no change of that class or a more important one)"),
            (1, "with --fail-on: a change of that class or a more important one"),
            (2, "unreadable input or bad usage"),
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("old", metavar="OLD", help="the earlier release: a file or REV:path")
    parser.add_argument("new", metavar="NEW", help="the later release: a file or REV:path")
    parser.add_argument(
        "--format",
        choices=tuple(FORMATTERS),
        default="markdown",
        help="output format (default: markdown release notes)",
    )
    parser.add_argument(
        "--fail-on",
        choices=CLASSES,
        help="exit 1 when a change of this class (or a more important one) is found",
    )
    parser.add_argument(
        "--heading-level",
        type=int,
        choices=range(1, 7),
        default=2,
        metavar="N",
        help="the level of the class headings in markdown and rst output (default: 2)",
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="write the notes here (default: stdout)"
    )
    parser.set_defaults(handler=run_diff)
