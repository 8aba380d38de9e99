"""The ``sphinx-awserrors lint`` command: read files, run the checks, print the findings.

Reading and checking are the checks package's business; this module only gathers the inputs
(catalogue files, or legacy ``.rst`` tables read in place), applies the shared settings of
``[tool.sphinx-awserrors]`` and prints the findings in one of three formats.

Exit status: 0 no findings, 1 findings, 2 bad usage or a file that cannot be read at all.
Problems the loader meets inside a readable file (an entry without a status...) are findings
of the pseudo-check ``catalogue``: they are always reported, whatever ``--select`` says.

A directory named on the command line stands for the catalogue files in it. ``--fix`` and
``--diff`` hand the findings to :mod:`sphinx_awserrors.convert.fix`, the one in-place writer.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Final, TextIO

from sphinx_awserrors.catalogue import (
    BUNDLED,
    Catalogue,
    ErrorEntry,
    Problem,
    bundled,
    load_file,
)
from sphinx_awserrors.cli import _output
from sphinx_awserrors.cli.formats import FORMATTERS
from sphinx_awserrors.convert.md_table import read_markdown
from sphinx_awserrors.convert.rst_table import TableReadError, read_rst, read_text_file
from sphinx_awserrors.convert.tables import convert_tables

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterable, Sequence

    from sphinx_awserrors.checks.registry import Finding
    from sphinx_awserrors.cli._parser import Subcommands
    from sphinx_awserrors.convert.rst_table import Table


#: The pseudo-check of problems the loader reports (see the module docstring).
LOADER_CHECK: Final = "catalogue"  # registry.LOADER, without importing the checks


#: Suffixes read as legacy reStructuredText tables rather than catalogue files.
RST_SUFFIXES: Final = (".rst", ".rest", ".txt")


#: Suffixes read as Markdown files with pipe tables (MDX: Markdown with JSX, as import-md).
MD_SUFFIXES: Final = (".md", ".markdown", ".mdx")


#: Suffixes of the catalogue files a directory named on the command line stands for.
CATALOGUE_SUFFIXES: Final = (".yaml", ".yml", ".toml", ".json")


PROG: Final = "sphinx-awserrors lint"
COMMAND: Final = "lint"


class UsageError(Exception):
    """Bad command-line usage or settings: one line on stderr, exit status 2."""


@dataclass
class Inputs:
    """What the named files gave: their entries, raw texts and table starts, problems."""

    entries: list[ErrorEntry] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    #: the first line of each error table of a legacy table file
    tables: dict[str, tuple[int, ...]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def fatal(self) -> list[Problem]:
        """The problems that kept a whole file from being read."""
        return [p for p in self.problems if p.fatal]


def _first_line(table: Table) -> int | None:
    """The line a table starts on: its own, else its first row's."""
    lines = [row.line for row in (*table.header, *table.body) if row.line]
    return table.line or (min(lines) if lines else None)


def _read_table_file(path: Path, inputs: Inputs) -> None:
    """Read the error tables of a legacy ``.rst`` or ``.md`` file in place.

    The rows become entries that point at their lines, as ``import-rst`` / ``import-md``
    would convert them, and each row they would leave out is a problem saying why. A table
    without a description column still has codes and statuses to check (Ceph's table lists
    a code twice), so its rows become entries with empty descriptions. The raw text goes to
    the checks of the file itself, the tables' first lines to the checks of one table.
    """
    markdown = path.suffix.lower() in MD_SUFFIXES
    try:
        text = read_text_file(path)  # once: the tables and the text checks read the same text
        result = (read_markdown if markdown else read_rst)(text, str(path))
    except TableReadError as exc:
        inputs.problems.append(Problem(exc.file, exc.line, exc.message, fatal=True))
        return
    converted = convert_tables(result.tables, descriptions_optional=True)
    if not converted.error_tables:
        # say why: a malformed table is not read at all, and the reader's messages name its line
        reasons = [*result.problems, *result.notes, *converted.problems]
        inputs.problems.extend(replace(problem, fatal=True) for problem in reasons)
        message = "no error table found (no column of codes and one of statuses)"
        if reasons:
            message = "no error table found (see the table reader's messages above)"
        inputs.problems.append(Problem(str(path), None, message, fatal=True))
        return
    inputs.entries.extend(converted.entries)
    inputs.problems.extend([*result.problems, *converted.problems])
    inputs.texts[str(path)] = text
    starts = (_first_line(t) for t in result.tables if t.number in converted.columns)
    inputs.tables[str(path)] = tuple(line for line in starts if line is not None)


def read_inputs(names: Sequence[str]) -> Inputs:
    """Read every file of *names* (``bundled`` names the bundled catalogue); never raises.

    A file named twice (``errors.yaml`` and ``./errors.yaml``) is read once. As in a build,
    an entry of the other files replaces the bundled entry of the same code: it is not a
    duplicate.
    """
    inputs = Inputs()
    seen: set[Path] = set()
    bundled_entries: list[ErrorEntry] = []
    for name in names:
        path = bundled.bundled_path() if name == BUNDLED else Path(name)
        key = path.resolve() if path.exists() else path
        if key in seen:
            continue
        seen.add(key)
        if path.suffix.lower() in (*RST_SUFFIXES, *MD_SUFFIXES):
            _read_table_file(path, inputs)
        else:
            entries, problems = load_file(path)
            fatal = [p for p in problems if p.fatal]
            if name == BUNDLED:
                bundled_entries = entries
            inputs.entries.extend(entries)
            inputs.problems.extend(fatal or problems)  # unreadable: its details are noise
    if bundled_entries:
        own = {e.code for e in inputs.entries if e.file != bundled_entries[0].file}
        replaced = {id(e) for e in bundled_entries if e.code in own}
        inputs.entries = [e for e in inputs.entries if id(e) not in replaced]
    return inputs


def expand_directories(names: Sequence[str]) -> list[str]:
    """*names* with each directory replaced by the catalogue files in it, sorted.

    A directory's catalogue files are its ``.yaml``, ``.yml``, ``.toml`` and ``.json`` files
    (not in subdirectories), except ``pyproject.toml`` and JSON Schemas (``*.schema.json``);
    its ``.rst`` and ``.md`` pages are not read (name them to lint their tables). Raises
    :class:`UsageError` for a directory that holds none.
    """
    expanded: list[str] = []
    for name in names:
        path = Path(name)
        if name == BUNDLED or not path.is_dir():
            expanded.append(name)
            continue
        try:
            found = sorted(
                str(child)
                for child in path.iterdir()
                if child.suffix.lower() in CATALOGUE_SUFFIXES
                and child.name != "pyproject.toml"
                and not child.name.lower().endswith(".schema.json")
                and not child.name.startswith(".")
                and child.is_file()
            )
        except OSError as exc:
            msg = f"{name}: cannot list the directory: {exc.strerror or exc}"
            raise UsageError(msg) from None
        if not found:
            msg = (
                f"{name}: no catalogue file (.yaml, .yml, .toml, .json) in this directory; "
                "name .rst or .md files to lint their tables"
            )
            raise UsageError(msg)
        expanded.extend(found)
    return expanded


def _names(value: str | None) -> list[str] | None:
    """The check names of a comma-separated option value (``None`` when not given)."""
    if value is None:
        return None
    return [part.strip() for part in value.split(",") if part.strip()]


def list_checks(out: TextIO) -> None:
    """Print every registered check: its name, group and summary (``style``: opt-in)."""
    from sphinx_awserrors.checks import REGISTRY
    from sphinx_awserrors.checks.registry import group_of

    width = max(len(name) for name in REGISTRY)
    for name in sorted(REGISTRY):
        chk = REGISTRY[name]
        out.write(f"{name:<{width}}  {group_of(chk):<7}  {chk.summary}\n")


def _loader_findings(problems: Iterable[Problem]) -> list[Finding]:
    from sphinx_awserrors.checks.registry import Finding

    return [
        Finding(p.file, p.line, LOADER_CHECK, p.message, code=p.code, field=p.field)
        for p in problems
        if not p.fatal
    ]


def lint(
    names: Sequence[str],
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    spelling_words: Iterable[str] = (),
    config: str | None = None,
    reference: str | None = None,
) -> tuple[list[Finding], list[Problem]]:
    """Lint the files *names*: the findings, and the problems that made a file unreadable.

    *select* and *ignore* extend the ``[tool.sphinx-awserrors]`` settings of *config* (a
    ``pyproject.toml``, or the nearest one above the current directory). Raises
    :class:`UsageError` for unknown checks or unusable settings, and when *reference* cannot
    be used.
    """
    from sphinx_awserrors import checks
    from sphinx_awserrors.checks import settings

    try:
        shared = settings.load_settings(config)
    except settings.SettingsError as exc:
        raise UsageError(str(exc)) from None
    chosen = shared.extended(spelling_words=spelling_words, select=select, ignore=ignore)
    try:
        selected = checks.select_checks(chosen.select, chosen.ignore)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    statuses = None
    if reference is not None:
        from sphinx_awserrors.checks.reference_status import (
            ReferenceUnavailable,
            botocore_statuses,
            catalogue_statuses,
        )
        from sphinx_awserrors.checks.references import ReferenceError, resolve_reference

        try:
            if reference == "botocore":
                statuses = botocore_statuses()
            else:
                statuses = catalogue_statuses(resolve_reference(reference), reference)
        except (ReferenceUnavailable, ReferenceError) as exc:
            raise UsageError(str(exc)) from None
        if not any(c.name == "status" for c in selected):
            statuses = None

    inputs = read_inputs(names)
    merged = Catalogue(tuple(inputs.entries))
    findings = checks.run_checks(
        merged,
        select=[c.name for c in selected],
        settings=chosen.settings,
        texts=inputs.texts,
        tables=inputs.tables,
    )
    if statuses is not None:
        from sphinx_awserrors.checks.reference_status import reference_findings

        found = reference_findings(merged, statuses, reference or "botocore")
        findings.extend(checks.registry.drop_silenced(found, merged))
    if LOADER_CHECK not in chosen.ignore:  # --ignore or the ignore list of pyproject.toml
        findings.extend(_loader_findings(inputs.problems))
        findings.extend(checks.unknown_ignores(merged))
    findings = sorted(set(findings), key=lambda f: (f.file, f.line or 0, f.check, f.message))
    return findings, inputs.fatal


def _lint_args(
    args: argparse.Namespace, files: Sequence[str]
) -> tuple[list[Finding], list[Problem]]:
    return lint(
        files,
        select=_names(args.select),
        ignore=_names(args.ignore) or (),
        spelling_words=[w for arg in args.spelling_words for w in _names(arg) or ()],
        config=args.config,
        reference=getattr(args, "reference", None),
    )


def _fix(args: argparse.Namespace, findings: Sequence[Finding]) -> tuple[int | None, bool]:
    """``--fix`` / ``--diff``: the exit status when the command is done, and whether a file
    was written."""
    from sphinx_awserrors.convert import fix

    own = [f for f in findings if not _is_bundled(f.file)]
    if len(own) < len(findings) and fix.fixable(f for f in findings if _is_bundled(f.file)):
        _output.note(COMMAND, "the bundled catalogue is never fixed")
    try:
        plan = fix.plan(own)
    except fix.FixUnavailable as exc:
        return _output.error(COMMAND, str(exc)), False
    for note in plan.notes:
        _output.note(COMMAND, note)
    if args.diff:
        sys.stdout.write(plan.diff())
        return (1 if plan.files else 0), False
    try:
        fix.write(plan.files)
    except OSError as exc:  # safe_io.FileProblem: the file is left as it was
        return _output.error(COMMAND, str(exc)), False
    if plan.files:
        count, written = len(plan.applied), len(plan.files)
        _output.note(COMMAND, f"fixed {count} finding(s) in {written} file(s)")
    return None, bool(plan.files)


def _is_bundled(file: str) -> bool:
    return file == str(bundled.bundled_path())


def run_lint(args: argparse.Namespace) -> int:
    """Run ``sphinx-awserrors lint`` with parsed *args*; return the exit status."""
    if args.list_checks:
        list_checks(sys.stdout)
        return 0
    fixing = bool(getattr(args, "fix", False) or getattr(args, "diff", False))
    try:
        if not args.files:
            msg = "name at least one catalogue file, directory, .rst or .md file, or 'bundled'"
            raise UsageError(msg)
        if args.select is not None and not _names(args.select):
            # an empty --select "$CHECKS" would otherwise run nothing and pass
            msg = "--select names no check; name at least one (see --list-checks)"
            raise UsageError(msg)
        files = expand_directories(args.files)
        findings, unreadable = _lint_args(args, files)
        if fixing and not unreadable:
            status, written = _fix(args, findings)
            if status is not None:
                return status
            if written:
                findings, unreadable = _lint_args(args, files)  # what is left to do by hand
    except UsageError as exc:
        return _output.error(COMMAND, str(exc))
    for problem in unreadable:
        _output.error(COMMAND, str(problem))
    if fixing and unreadable:
        _output.error(COMMAND, "nothing fixed: a file could not be read")
    sys.stdout.write(FORMATTERS[args.format](findings))
    if unreadable:
        return 2
    return 1 if findings else 0


EXIT_STATUSES: Final = _output.exit_statuses(
    (0, "no findings (with --diff: nothing to fix)"),
    (1, "findings (with --fix: findings left to fix by hand; with --diff: something to fix)"),
    (
        2,
        "bad usage, an unreadable file, a directory without catalogue files, or a file "
        "--fix cannot write",
    ),
)


def register(commands: Subcommands) -> None:
    """Add the ``lint`` command to the ``sphinx-awserrors`` parser."""
    import argparse

    lint = commands.add_parser(
        "lint",
        help="check catalogue files (or a legacy .rst/.md table) for consistency problems",
        description="Check catalogue files (YAML, TOML, JSON), the catalogue files of a "
        "directory, the bundled catalogue or legacy reStructuredText and Markdown tables for "
        "typos, duplicates, implausible statuses and other drift. The checks of the group "
        "'defects' run by default; 'style' checks (final full stop, row order) on request.",
        epilog=EXIT_STATUSES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    lint.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="catalogue files, directories of catalogue files, .rst/.md/.mdx files, or "
        "'bundled' (at least one)",
    )
    lint.add_argument(
        "--select",
        metavar="CHECKS",
        help="comma-separated checks or groups to run: a check name, 'defects', 'style' or "
        "'all' (default: defects)",
    )
    lint.add_argument("--ignore", metavar="CHECKS", help="comma-separated checks or groups to skip")
    lint.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="output format (default: text, like a compiler); json follows "
        "lint-findings.v1.schema.json",
    )
    lint.add_argument(
        "--fix",
        action="store_true",
        help="fix the unambiguous findings in catalogue files in place (whitespace, doubled "
        "punctuation and words, a/an, one-letter misspellings), then report the rest; "
        "YAML and TOML need the [fix] extra",
    )
    lint.add_argument(
        "--diff",
        action="store_true",
        help="show what --fix would change as a unified diff on stdout; write nothing",
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
    lint.set_defaults(handler=run_lint)
