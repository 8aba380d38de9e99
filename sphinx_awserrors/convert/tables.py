"""From legacy tables to catalogue entries: column detection and row conversion.

The readers (:mod:`~sphinx_awserrors.convert.rst_table` for reStructuredText,
:mod:`~sphinx_awserrors.convert.md_table` for Markdown) give tables of cells; this module decides
which tables are error tables and which columns hold the code, the HTTP status and the
description, and turns each row into an :class:`~sphinx_awserrors.catalogue.ErrorEntry` that
points at its row (:mod:`~sphinx_awserrors.convert.catalogue_writer` writes them out).

Columns are recognised by their content first (a column of 3-digit numbers, or of "404 Not
Found", is the status; a column of PascalCase words, possibly as ``literals``, is the code),
then by their headers, since real tables head the status column "Error" or "Code" as often as
"HTTP Status". ``--columns`` says it explicitly. Descriptions are kept verbatim: the lint
command finds their typos afterwards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sphinx_awserrors.catalogue import ErrorEntry, Problem
from sphinx_awserrors.convert.rst_table import TableReadError, read_file

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence
    from pathlib import Path

    from sphinx_awserrors.convert.rst_table import Cell, Row, Table


__all__ = [
    "ColumnSpec",
    "ConvertResult",
    "convert_tables",
    "detect_columns",
    "parse_columns",
    "parse_status",
]


#: The names ``--columns`` accepts (``-`` skips a column), and their aliases.
COLUMN_NAMES: dict[str, str] = {
    "code": "code",
    "error": "code",
    "status": "status",
    "http": "status",
    "description": "description",
    "desc": "description",
    "message": "description",
    "-": "-",
    "": "-",
}


@dataclass(frozen=True)
class ColumnSpec:
    """Which column (0-based) holds the code, the status and the description (None: none)."""

    code: int
    status: int
    description: int | None
    #: "content", "header" or "explicit": how the columns were found, for messages
    how: str = "content"

    @property
    def used(self) -> frozenset[int]:
        """The columns that feed an entry."""
        return frozenset(c for c in (self.code, self.status, self.description) if c is not None)


def parse_columns(spec: str) -> ColumnSpec:
    """Parse ``--columns``: names in column order, e.g. ``status,code,-,description``.

    Raises :class:`ValueError` naming the bad token and what is allowed.
    """
    found: dict[str, int] = {}
    for index, token in enumerate(spec.split(",")):
        name = COLUMN_NAMES.get(token.strip().lower())
        if name is None:
            raise ValueError(
                f"--columns: unknown column name {token.strip()!r}; "
                "use code, status, description or - (skip)"
            )
        if name == "-":
            continue
        if name in found:
            raise ValueError(f"--columns: {name!r} is given twice")
        found[name] = index
    missing = [name for name in ("code", "status") if name not in found]
    if missing:
        raise ValueError(
            f"--columns: no {' and no '.join(repr(m) for m in missing)} column; "
            "name at least code and status, e.g. 'code,description,status'"
        )
    return ColumnSpec(found["code"], found["status"], found.get("description"), how="explicit")


_STATUS = re.compile(r"^(\d+)(?:\s+([^\d\s][^\d]*))?$")  # "404", "404 Not Found"


_NUMBER_FIRST = re.compile(r"^\d+\b")


_PASCAL = re.compile(r"^[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$")


_CODE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.:\-]*$")


_CODE_HEADERS = ("error code", "code", "error", "error name", "name", "exception")


_STATUS_HEADERS = ("http status", "http status code", "status", "status code", "http", "error")


_DESCRIPTION_HEADERS = (
    "description",
    "error description",
    "descripton",
    "message",
    "error message",
    "reason",
    "meaning",
    "details",
    "explanation",
)


_HEADER_WORDS = frozenset((*_CODE_HEADERS, *_STATUS_HEADERS, *_DESCRIPTION_HEADERS))


def parse_status(text: str) -> int | None:
    """The number of a status cell (``404``, ``404 Not Found``), or None if it has none."""
    match = _STATUS.match(text.strip())
    return int(match.group(1)) if match else None


def _header_key(text: str) -> str:
    return " ".join(text.lower().replace("*", "").split()).rstrip(":")


def _looks_like_header(row: Row) -> bool:
    texts = [_header_key(cell.text) for cell in row.cells]
    return any(t in _HEADER_WORDS for t in texts) and not any(
        parse_status(cell.text) is not None for cell in row.cells
    )


def _share(values: Sequence[str], pattern: re.Pattern[str]) -> float:
    filled = [v for v in values if v]
    if not filled:
        return 0.0
    return sum(1 for v in filled if pattern.match(v)) / len(filled)


def _pick(
    candidates: Iterable[int],
    score: Callable[[int], float],
    headers: Sequence[str],
    wanted: tuple[str, ...],
) -> int | None:
    """The column with the best content *score* (at least 0.5); headers break ties."""

    def rank(col: int) -> tuple[float, int]:
        head = _header_key(headers[col]) if col < len(headers) else ""
        hint = len(wanted) - wanted.index(head) if head in wanted else 0
        return (round(score(col), 2), hint)

    ranked = sorted(((rank(col), col) for col in candidates), reverse=True)
    if ranked and ranked[0][0][0] >= 0.5:
        return ranked[0][1]
    return None


def detect_columns(table: Table) -> tuple[ColumnSpec | None, str]:
    """Find the code, status and description columns of *table*.

    Returns the columns (None when this is not an error table) and, when None, the reason.
    """
    body = list(table.body)
    headers = list(table.headings)
    if not table.header and body and _looks_like_header(body[0]):
        headers = [cell.text for cell in body[0].cells]
        body = body[1:]
    ncols = table.columns
    columns = [[row.cells[c].text for row in body] for c in range(ncols)]
    status = _pick(
        range(ncols), lambda c: _share(columns[c], _NUMBER_FIRST), headers, _STATUS_HEADERS
    )
    if status is None:
        return None, "no column of HTTP statuses"
    others = [c for c in range(ncols) if c != status]
    code = _pick(others, lambda c: _share(columns[c], _PASCAL), headers, _CODE_HEADERS)
    if code is None:
        return None, "no column of PascalCase error codes"
    rest = [c for c in others if c != code]
    description = None
    named = [c for c in rest if _header_key(headers[c]) in _DESCRIPTION_HEADERS]
    if named:
        description = named[0]
    else:
        prose = [c for c in rest if any(" " in v for v in columns[c])]
        if prose:
            description = max(prose, key=lambda c: sum(len(v) for v in columns[c]))
    how = "content"
    return ColumnSpec(code, status, description, how), ""


@dataclass(frozen=True)
class ConvertResult:
    """The entries of the error tables, what could not be converted, and notes."""

    entries: tuple[ErrorEntry, ...] = ()
    #: rows and error tables that could not be converted (with file and line)
    problems: tuple[Problem, ...] = ()
    #: tables left out because they are not error tables, columns left out...
    notes: tuple[Problem, ...] = ()
    #: how many tables were read as error tables
    error_tables: int = 0
    columns: dict[int, ColumnSpec] = field(default_factory=dict)


def _spans_into(cell: Cell | None, other: Cell | None) -> bool:
    """Whether *other* is *cell* itself, repeated by a grid-table cell spanning columns."""
    if cell is None or other is None or not other.spanned or cell.spanned:
        return False
    return (other.source, other.text, other.line) == (cell.source, cell.text, cell.line)


def _row_entry(
    table: Table, row: Row, spec: ColumnSpec, problems: list[Problem]
) -> ErrorEntry | None:
    """The entry of *row*, or None after reporting in *problems* why the row is left out.

    A table without a description column (``spec.description`` is None, read for ``lint``)
    gives entries with an empty description.
    """
    cells = row.cells
    file = table.file

    def cell(index: int | None) -> Cell | None:
        return cells[index] if index is not None and index < len(cells) else None

    code_cell, status_cell, description_cell = (
        cell(spec.code),
        cell(spec.status),
        cell(spec.description),
    )
    code = code_cell.text if code_cell else ""
    label = f"row {code!r}" if code else "row"

    def report(message: str) -> None:
        problems.append(Problem(file, row.line, f"{table.describe()}, {label}: {message}"))

    if not any(c.text for c in cells):
        return None  # an empty row is layout, not data
    if not code:
        report("the code cell is empty; row left out")
        return None
    if spec.description is not None and _spans_into(code_cell, description_cell):
        # a grid-table cell spanning columns: the "description" is the code again
        report("the code cell spans the description column; row left out")
        return None
    if row.issues:  # the reader lost part of the row: converting it would drop text
        for issue in row.issues:
            report(f"{issue}; row left out")
        return None
    status_text = status_cell.text if status_cell else ""
    status = parse_status(status_text)
    if status is None:
        shown = f"{status_text!r}" if status_text else "empty"
        report(f"the status is {shown}, not an HTTP status number; row left out")
        return None
    if not 100 <= status <= 599:
        report(f"status {status} is not an HTTP status (100-599); row left out")
        return None
    if status < 300:
        kind = "an informational" if status < 200 else "a success"
        report(f"status {status} is {kind} status, not an error; row left out")
        return None
    # after the status: a success row ("206 Partial content") is left out for that reason
    if not _CODE.match(code):
        report(f"{code!r} is not an error code (one word, no spaces); row left out")
        return None
    description = ""
    if spec.description is not None:  # without the column (lint): codes and statuses only
        if description_cell is None or not description_cell.source:
            report("the description is empty; every entry needs one; row left out")
            return None
        description = description_cell.source
        if description_cell.block:
            report(
                "the description cell holds block markup (a list, several paragraphs); "
                "imported as plain text"
            )
    # the code and the status are read as plain text: only the description keeps markup
    if spec.description is not None and description_cell is not None:
        for issue in description_cell.issues:
            report(issue)
    lines = {"code": row.line, "status": row.line}
    if spec.description is not None:
        lines["description"] = row.line
    return ErrorEntry(
        code=code,
        status=status,
        description=description,
        file=file,
        line=row.line,
        field_lines={k: v for k, v in lines.items() if v is not None},
    )


def _table_spec(table: Table, explicit: ColumnSpec | None) -> tuple[ColumnSpec | None, str]:
    if explicit is None:
        return detect_columns(table)
    needed = max(explicit.used) + 1
    if table.columns < needed:
        return None, f"it has {table.columns} columns, --columns names {needed}"
    return explicit, ""


def convert_tables(
    tables: Sequence[Table],
    columns: ColumnSpec | None = None,
    *,
    describe_columns: bool = True,
    descriptions_optional: bool = False,
) -> ConvertResult:
    """Convert the error tables among *tables* into entries, in source order.

    *columns* applies to every table; without it each table's columns are detected. With
    *descriptions_optional* (``lint``, which checks codes and statuses in place), a table
    without a description column gives entries with empty descriptions instead of a problem.
    """
    entries: list[ErrorEntry] = []
    problems: list[Problem] = []
    notes: list[Problem] = []
    specs: dict[int, ColumnSpec] = {}
    for table in tables:
        spec, reason = _table_spec(table, columns)
        if spec is None:
            heads = ", ".join(repr(h) for h in table.headings if h)
            heads = f" (columns: {heads})" if heads else ""
            notes.append(
                Problem(
                    table.file,
                    table.line,
                    f"{table.describe()} skipped: not an error table, {reason}{heads}; "
                    "use --columns to import it anyway",
                )
            )
            continue
        specs[table.number] = spec
        body = list(table.body)
        headings = table.headings
        if not table.header and body and _looks_like_header(body[0]):
            headings = tuple(cell.text for cell in body[0].cells)
            body = body[1:]
        if spec.description is None and not descriptions_optional:
            problems.append(
                Problem(
                    table.file,
                    table.line,
                    f"{table.describe()} has no description column, and every catalogue entry "
                    f"needs a description; its {len(body)} rows are left out (add a "
                    "description column, or name it with --columns)",
                )
            )
            continue
        dropped = [
            repr(headings[c]) if headings[c] else f"column {c + 1}"
            for c in range(table.columns)
            if c not in spec.used
        ]
        if dropped and describe_columns:
            notes.append(
                Problem(
                    table.file,
                    table.line,
                    f"{table.describe()}: {', '.join(dropped)} not imported "
                    "(the catalogue has code, status and description only)",
                )
            )
        for row in body:
            entry = _row_entry(table, row, spec, problems)
            if entry is not None:
                entries.append(entry)
    return ConvertResult(
        tuple(entries), tuple(problems), tuple(notes), error_tables=len(specs), columns=specs
    )


def load_entries(
    path: str | Path, columns: str | None = None
) -> tuple[list[ErrorEntry], list[Problem]]:
    """The catalogue entries of the error tables in the ``.rst`` file *path*, with lines.

    For linting a legacy table in place: every entry points at its row. Tables that are not
    error tables are left out; rows that cannot be converted and unreadable files become
    problems (an unreadable file gives one fatal problem). *columns* is as for
    ``import-rst --columns``.
    """
    try:
        result = read_file(path)  # not detached: the page's references work in the page
        spec = parse_columns(columns) if columns else None
    except TableReadError as exc:
        return [], [Problem(exc.file, exc.line, exc.message, fatal=True)]
    except ValueError as exc:
        return [], [Problem(str(path), None, str(exc), fatal=True)]
    converted = convert_tables(result.tables, spec)
    problems = [*result.problems, *converted.problems]
    if not converted.error_tables:
        problems.append(
            Problem(str(path), None, "no error table found (no code and status columns)", True)
        )
    return list(converted.entries), problems
