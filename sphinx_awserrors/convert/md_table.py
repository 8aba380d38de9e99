"""The Markdown table reader: pipe tables (GitHub Flavored Markdown) with inline Markdown as RST.

markdown-it-py parses the document (CommonMark plus its table extension), so alignment rows,
escaped pipes, missing outer pipes and ragged padding need no care here. Each cell's inline
Markdown becomes the catalogue's inline reStructuredText: code spans become literals,
emphasis and strong emphasis keep their meaning, links become anonymous hyperlinks
(```text <url>`__``), ``<br>`` becomes a space, and characters RST would read as markup are
escaped. What has no RST equivalent (images, raw HTML, nested emphasis) is flattened to text
and reported with its line.

kramdown attribute lines (``{: #anchor}``) are blanked before parsing, since Markdown would
otherwise read one right under a table as a row.

Yandex Flavored Markdown multiline tables (``#|`` ... ``|#``, rows between ``||`` and ``||``,
cells split by ``|``, each cell a small Markdown document that may span lines) are read as
YFM's renderer reads them: a block rule finds the table, each cell is parsed on its own, and
a cell of several blocks (paragraphs, a list, a nested table) is flattened and marked as block
markup. The first row is the header unless it holds an HTTP status.
"""

from __future__ import annotations

import re
import textwrap
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from docutils.utils import punctuation_chars
from markdown_it import MarkdownIt
from markdown_it.rules_block.table import escapedSplit, getLine
from markdown_it.rules_block.table import table as _gfm_table

from sphinx_awserrors.catalogue import Problem
from sphinx_awserrors.convert.rst_table import (
    Cell,
    ReadResult,
    Row,
    Table,
    read_text_file,
    squash_spaces,
)

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from markdown_it.rules_block import StateBlock
    from markdown_it.token import Token

__all__ = [
    "inline_to_rst",
    "read_file",
    "read_markdown",
    "read_tables",
]

_IAL = re.compile(r"^\s*\{:.*\}\s*$")
_FOOTNOTE_REFERENCE = re.compile(r"\[\^[^\]\s]+\]")
_BREAK = re.compile(r"^<br\s*/?>$", re.IGNORECASE)
# A heading attribute ("## Errors {#errors}", kramdown's "{: #errors}"): an anchor, not a title.
_HEADING_ATTRIBUTES = re.compile(r"\s*\{:?\s*[#.][^{}]*\}\s*$")
# Characters that start or end inline markup in reStructuredText.
_RST_SPECIAL = re.compile(r"([\\*`|])")
# An underscore that ends a word (``name_``, ``name__``, ``[1]_``) makes a reference: escape
# every underscore of a run that is not followed by a word character.
_TRAILING_UNDERSCORE = re.compile(r"_(?=_*(?:\W|$))")
# What may stand right before a start-string, and right after an end-string, of inline markup
# (docutils' rules: whitespace, or punctuation of these Unicode classes); anything else needs
# an escaped space ("\ ") to separate the markup from it.
_BEFORE_MARKUP = re.compile(f"[\\s{punctuation_chars.openers}{punctuation_chars.delimiters}]")
_AFTER_MARKUP = re.compile(
    "[\\s\\\\"
    f"{punctuation_chars.closing_delimiters}{punctuation_chars.delimiters}"
    f"{punctuation_chars.closers}]"
)


def _escape(text: str) -> str:
    text = _RST_SPECIAL.sub(r"\\\1", text)
    return _TRAILING_UNDERSCORE.sub(r"\\_", text)


class _Inline:
    """Builds the RST source and the plain text of one cell from its inline tokens."""

    def __init__(self) -> None:
        self.rst: list[str] = []
        self.plain: list[str] = []
        self.issues: list[str] = []
        self._glue = False  # the last markup ended right before a possible word character

    def _open_markup(self, mark: str) -> None:
        if self.rst and self.rst[-1] and not _BEFORE_MARKUP.match(self.rst[-1][-1]):
            self.rst.append("\\ ")  # RST markup must not start inside a word
        self.rst.append(mark)

    def _close_markup(self, mark: str) -> None:
        self.rst.append(mark)
        self._glue = True

    def text(self, rst: str, plain: str) -> None:
        if self._glue and rst and not _AFTER_MARKUP.match(rst[0]):
            self.rst.append("\\ ")
        self._glue = False
        self.rst.append(rst)
        self.plain.append(plain)

    def literal(self, content: str) -> None:
        if content != content.strip() or not content:
            self.text(_escape(content), content)
            return
        if "``" in content or content.startswith("`") or content.endswith(("`", "\\")):
            # ``...`` cannot hold these; the literal role can, with backslash escapes
            self._open_markup(":literal:`")
            self.rst.append(content.replace("\\", "\\\\").replace("`", "\\`"))
            self.plain.append(content)
            self._close_markup("`")
            return
        self._open_markup("``")
        self.rst.append(content)
        self.plain.append(content)
        self._close_markup("``")

    def wrapped(self, children: list[Token], mark: str) -> None:
        inner = _Inline()
        inner.feed(children, nested=True)
        if inner.nested_markup:
            self.issues.append(f"nested markup inside {mark}...{mark} flattened")
        text = "".join(inner.plain)
        if not text.strip() or text != text.strip():
            self.text(_escape(text), text)
            return
        self._open_markup(mark)
        self.rst.append(_escape(text))
        self.plain.append(text)
        self._close_markup(mark)

    def link(self, children: list[Token], href: str) -> None:
        inner = _Inline()
        inner.feed(children, nested=True)
        text = "".join(inner.plain).strip()
        if not href:
            self.text(_escape(text), text)
            return
        label = _escape(text).replace("<", "\\<")
        target = href.replace("`", "%60").replace(">", "%3E").replace("<", "%3C")
        self._open_markup("`")
        self.rst.append(f"{label} <{target}>" if text and text != href else f"<{target}>")
        self.plain.append(text or href)
        self._close_markup("`__")

    nested_markup = False

    def feed(self, tokens: list[Token], nested: bool = False) -> None:
        index = 0
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            if kind.endswith("_open") and kind in {"em_open", "strong_open", "link_open", "s_open"}:
                close = kind.replace("_open", "_close")
                depth, end = 1, index + 1
                while end < len(tokens):
                    if tokens[end].type == kind:
                        depth += 1
                    elif tokens[end].type == close:
                        depth -= 1
                        if depth == 0:
                            break
                    end += 1
                children = tokens[index + 1 : end]
                if nested:
                    self.nested_markup = True
                if kind == "em_open":
                    self.wrapped(children, "*")
                elif kind == "strong_open":
                    self.wrapped(children, "**")
                elif kind == "link_open":
                    self.link(children, str(token.attrs.get("href", "")))
                else:
                    self.issues.append("strikethrough has no RST equivalent; kept as text")
                    self.feed(children, nested)
                index = end + 1
                continue
            if kind == "text":
                for note in _FOOTNOTE_REFERENCE.findall(token.content):
                    self.issues.append(
                        f"{note} is a footnote reference; the footnote is not part of the "
                        "catalogue: kept as text, put its text in the description"
                    )
                self.text(_escape(token.content), token.content)
            elif kind == "code_inline":
                if nested:
                    self.nested_markup = True
                    self.text(_escape(token.content), token.content)
                else:
                    self.literal(token.content)
            elif kind in {"softbreak", "hardbreak"}:
                self.text(" ", " ")
            elif kind == "html_inline":
                if _BREAK.match(token.content.strip()):
                    self.text(" ", " ")
                else:
                    self.issues.append(f"HTML {token.content} kept as text")
                    # the plain text is what a browser shows: <code>404</code> is 404
                    self.text(_escape(token.content), "")
            elif kind == "image":
                self.issues.append("an image has no place in a description; its alt text is kept")
                alt = token.content
                self.text(_escape(alt), alt)
            else:
                self.text(_escape(token.content), token.content)
            index += 1

    def result(self) -> tuple[str, str]:
        rst = squash_spaces("".join(self.rst))
        plain = squash_spaces("".join(self.plain))
        return rst, plain


def inline_to_rst(children: list[Token]) -> tuple[str, str, list[str]]:
    """Convert the inline tokens of a cell: (RST source, plain text, what could not convert)."""
    builder = _Inline()
    builder.feed(children)
    rst, plain = builder.result()
    return rst, plain, builder.issues


def _split_row(line: str) -> list[str]:
    """The cells of a table line as GFM splits them (escaped pipes do not split)."""
    cells = escapedSplit(line.strip())
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return cells


def _table_rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """markdown-it's table rule, noting on each row the cells past the header's count.

    GFM ignores the cells of a row beyond the header's (often a pipe inside a code span,
    which splits the cell in GFM): ``meta["excess"]`` keeps their text so the row can be
    reported instead of losing it silently.
    """
    first = len(state.tokens)
    found = _gfm_table(state, start_line, end_line, silent)
    if not found or silent:
        return found
    columns = len(_split_row(getLine(state, start_line)))
    for token in state.tokens[first:]:
        if token.type != "tr_open" or not token.map or token.map[0] == start_line:
            continue
        cells = _split_row(getLine(state, token.map[0]))
        excess = [cell.strip() for cell in cells[columns:]]
        if any(excess):
            token.meta["excess"] = excess
    return found


# --- Yandex Flavored Markdown multiline tables -------------------------------------------------


@dataclass(frozen=True)
class _YfmCell:
    """The raw Markdown of one cell of a multiline table and the line (1-based) it starts on."""

    text: str
    line: int


@dataclass(frozen=True)
class _YfmRow:
    line: int
    cells: tuple[_YfmCell, ...]


@dataclass(frozen=True)
class _YfmScan:
    rows: tuple[_YfmRow, ...]
    #: the line (0-based) after the closing ``|#``, or None when the table is never closed
    end: int | None
    #: text between rows, which the renderer drops: (line, text)
    stray: tuple[tuple[int, str], ...] = ()


def _scan_yfm(src: str, starts: Sequence[int], first: int, limit: int) -> _YfmScan:
    """Split the multiline table that opens (``#|``) at line *first* of *src* into cells.

    *starts* holds the offset of each line in *src*; *limit* is the line to stop at. Like YFM's
    renderer, an unescaped ``||`` opens or closes a row and a lone ``|`` starts the next cell;
    code fences and nested tables (``#|`` at a line start, up to their ``|#``) are kept whole
    in their cell.
    """
    end_offset = starts[limit] if limit < len(starts) else len(src)
    pos = starts[first] + src[starts[first] :].index("#|") + 2
    rows: list[_YfmRow] = []
    stray: list[tuple[int, str]] = []
    cells: list[_YfmCell] = []
    cell_start: int | None = None
    row_line = 0
    outside_start = pos
    fence = False
    depth = 0

    def line_of(offset: int) -> int:
        return bisect_right(starts, offset) - 1

    def close_cell(offset: int) -> None:
        assert cell_start is not None
        raw = src[cell_start:offset]
        body = raw.lstrip()
        cells.append(_YfmCell(raw, line_of(cell_start + len(raw) - len(body)) + 1))

    def note_stray(offset: int) -> None:
        raw = src[outside_start:offset]
        text = raw.strip()
        if text:
            stray.append((line_of(outside_start + len(raw) - len(raw.lstrip())) + 1, text))

    while pos < end_offset:
        if src.startswith("```", pos):
            fence = not fence
            pos += 3
            continue
        if fence:
            pos += 1
            continue
        at_line_start = not src[starts[line_of(pos)] : pos].strip()
        if at_line_start and src.startswith("#|", pos):
            depth += 1
            pos += 2
            continue
        if src.startswith("|#", pos):
            pos += 2
            if depth:
                depth -= 1
                continue
            if cell_start is not None:  # a row left open: the renderer closes it here
                close_cell(pos - 2)
                rows.append(_YfmRow(row_line, tuple(cells)))
            else:
                note_stray(pos - 2)
            return _YfmScan(tuple(rows), line_of(pos - 1) + 1, tuple(stray))
        if depth or src[pos] != "|" or (pos and src[pos - 1] == "\\"):
            pos += 1
            continue
        if src.startswith("||", pos):
            if cell_start is None:
                note_stray(pos)
                row_line = line_of(pos) + 1
                cells = []
                cell_start = pos + 2
            else:
                close_cell(pos)
                rows.append(_YfmRow(row_line, tuple(cells)))
                cell_start = None
                outside_start = pos + 2
            pos += 2
            continue
        if cell_start is not None:
            close_cell(pos)
            cell_start = pos + 1
        pos += 1
    return _YfmScan(tuple(rows), None, tuple(stray))


def _yfm_rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Block rule: a multiline table, as one ``yfm_table`` token whose meta holds its scan."""
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False
    start = state.bMarks[start_line] + state.tShift[start_line]
    if not state.src.startswith("#|", start):
        return False
    if silent:
        return True
    starts = list(state.bMarks[: state.lineMax])
    scan = _scan_yfm(state.src, starts, start_line, end_line)
    if scan.end is None:
        token = state.push("yfm_unclosed", "", 0)
        token.map = [start_line, start_line + 1]
        state.line = start_line + 1
        return True
    token = state.push("yfm_table", "table", 0)
    token.map = [start_line, scan.end]
    token.meta["scan"] = scan
    state.line = scan.end
    return True


def _dedent_cell(raw: str) -> str:
    """The Markdown of a cell with the indentation of its lines removed (its first line may
    start after the ``|`` on the row's line)."""
    first, _, rest = raw.strip("\n").partition("\n")
    return (first.strip() + "\n" + textwrap.dedent(rest)).strip()


def _yfm_cell(cell: _YfmCell) -> Cell:
    """One cell: a single paragraph keeps its inline markup; several blocks are flattened."""
    tokens = _parser().parse(_dedent_cell(cell.text))
    sources: list[str] = []
    plains: list[str] = []
    issues: list[str] = []
    blocks = 0
    for token in tokens:
        if token.level == 0 and token.nesting >= 0:
            blocks += 1
        if token.type == "inline":
            rst, plain, found = inline_to_rst(token.children or [])
            sources.append(rst)
            plains.append(plain)
            issues += found
        elif token.type in {"fence", "code_block"}:
            sources.append(_escape(squash_spaces(token.content)))
            plains.append(squash_spaces(token.content))
        elif token.type == "yfm_table":
            scan: _YfmScan = token.meta["scan"]
            for row in scan.rows:
                for inner in row.cells:
                    nested = _yfm_cell(inner)
                    sources.append(nested.source)
                    plains.append(nested.text)
    source = squash_spaces(" ".join(s for s in sources if s))
    text = squash_spaces(" ".join(p for p in plains if p))
    return Cell(source, text, cell.line, block=blocks > 1, issues=tuple(issues))


_STATUS_CELL = re.compile(r"^\s*[1-5]\d\d\b")


def _yfm_table(token: Token, number: int, title: str, source: str) -> Table:
    """The :class:`Table` of a ``yfm_table`` token."""
    scan: _YfmScan = token.meta["scan"]
    rows = [(row, tuple(_yfm_cell(cell) for cell in row.cells)) for row in scan.rows]
    header_count = 0
    if len(rows) > 1 and not any(_STATUS_CELL.match(cell.text) for cell in rows[0][1]):
        header_count = 1
    columns = len(rows[0][1]) if header_count else max(len(cells) for _, cells in rows)
    built: list[Row] = []
    for row, cells in rows:
        issues: tuple[str, ...] = ()
        if len(cells) > columns:
            excess = " | ".join(cell.text for cell in cells[columns:])
            issues = (
                f"the row has {len(cells) - columns} cell(s) more than the header: "
                f"{excess!r} (a | splits cells even inside a code span; escape it as \\|)",
            )
        padded = cells[:columns] + (Cell("", "", row.line),) * (columns - len(cells))
        built.append(Row(padded, row.line, issues))
    return Table(
        number=number,
        kind="yfm",
        line=token.map[0] + 1 if token.map else None,
        header=tuple(built[:header_count]),
        body=tuple(built[header_count:]),
        title=title,
        file=source,
    )


@cache
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    parser.block.ruler.at("table", _table_rule, {"alt": ["paragraph", "reference"]})
    parser.block.ruler.before("code", "yfm_table", _yfm_rule)
    return parser


def _collect_rows(tokens: list[Token], start: int) -> tuple[list[Row], list[Row], int]:
    header: list[Row] = []
    body: list[Row] = []
    in_head = False
    cells: list[Cell] = []
    line: int | None = None
    row_issues: tuple[str, ...] = ()
    index = start + 1
    while index < len(tokens):
        token = tokens[index]
        if token.type == "table_close":
            break
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            cells = []
            line = token.map[0] + 1 if token.map else None
            excess: list[str] = token.meta.get("excess", [])
            row_issues = ()
            if excess:
                shown = " | ".join(excess)
                row_issues = (
                    f"the row has {len(excess)} cell(s) more than the header, which Markdown "
                    f"ignores: {shown!r} (a pipe splits cells even inside a code span; "
                    "escape it as \\|)",
                )
        elif token.type == "inline":
            rst, plain, issues = inline_to_rst(token.children or [])
            cells.append(Cell(rst, plain, line, issues=tuple(issues)))
        elif token.type in {"th_close", "td_close"} and tokens[index - 1].type in {
            "th_open",
            "td_open",
        }:
            cells.append(Cell("", "", line))  # an empty cell has no inline token
        elif token.type == "tr_close":
            (header if in_head else body).append(Row(tuple(cells), line, row_issues))
        index += 1
    return header, body, index


_HTML_TABLE = re.compile(r"<table\b", re.IGNORECASE)


def _front_matter_end(lines: list[str]) -> int:
    """The number of lines of the YAML front matter that opens *lines* (0 when none)."""
    if not lines or lines[0].rstrip() != "---":
        return 0
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() in {"---", "..."}:
            return number
    return 0


# A pipe table's delimiter row: | --- | :---: | (at least one pipe, a dash in every cell)
_YFM_OPEN = re.compile(r"^ {0,3}#\|")
_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")


def _unread_tables(tokens: list[Token], lines: list[str], source: str) -> list[Problem]:
    """Problems for the delimiter rows of tables that Markdown did not read as tables.

    A multiline table's ``#|`` that continues a paragraph is not a table either. GFM reads
    a table only when its header row has as many cells as its delimiter row; otherwise the
    lines are an ordinary paragraph, and the table would vanish silently.
    """
    taken: set[int] = set()
    for token in tokens:
        if token.map and token.type in {
            "table_open",
            "fence",
            "code_block",
            "html_block",
            "yfm_table",
            "yfm_unclosed",
        }:
            taken.update(range(token.map[0], token.map[1]))
    problems: list[Problem] = []
    for index, line in enumerate(lines):
        if index not in taken and _YFM_OPEN.match(line):
            problems.append(
                Problem(
                    source,
                    index + 1,
                    "this multiline table (#| ... |#) is not read: it continues a paragraph; "
                    "put a blank line before #|",
                )
            )
            continue
        if index in taken or index == 0 or "|" not in line or not _DELIMITER_ROW.match(line):
            continue
        header = lines[index - 1]
        if "|" not in header:
            continue
        cells, delimiters = len(_split_row(header)), len(_split_row(line))
        problems.append(
            Problem(
                source,
                index,
                f"this table is not read: its header row has {cells} cell(s) and its "
                f"delimiter row (line {index + 1}) {delimiters}, and Markdown reads a table "
                "only when they match",
            )
        )
    return problems


def read_markdown(text: str, source: str = "<string>") -> ReadResult:
    """Read the pipe tables and multiline tables of Markdown *text* (named *source* in messages)."""
    # Markdown ends lines at \n, \r\n and \r only: str.splitlines() would also cut a cell
    # at a form feed or a Unicode line separator, and shift every line number after it.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    problems: list[Problem] = []
    cleaned = []
    front_matter = _front_matter_end(lines)
    for number, line in enumerate(lines, start=1):
        if number <= front_matter:  # YAML front matter: metadata, not Markdown
            cleaned.append("")
            continue
        cleaned.append("" if _IAL.match(line) else line)
    tokens = _parser().parse("\n".join(cleaned))
    tables: list[Table] = []
    title = ""
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open" and index + 1 < len(tokens):
            title = " ".join(_HEADING_ATTRIBUTES.sub("", tokens[index + 1].content or "").split())
        elif token.type == "html_block" and _HTML_TABLE.search(token.content):
            problems.append(
                Problem(
                    source,
                    token.map[0] + 1 if token.map else None,
                    "an HTML table (<table>) is not a pipe table and is not read; convert it "
                    "to a pipe table to import it",
                )
            )
        elif token.type == "yfm_table":
            scan: _YfmScan = token.meta["scan"]
            if scan.rows:
                tables.append(_yfm_table(token, len(tables) + 1, title, source))
            problems.extend(
                Problem(
                    source,
                    line,
                    f"text between the rows of a multiline table is not part of any row "
                    f"and is not read: {text!r}",
                )
                for line, text in scan.stray
            )
        elif token.type == "yfm_unclosed":
            problems.append(
                Problem(
                    source,
                    token.map[0] + 1 if token.map else None,
                    "this multiline table (#| ... |#, Yandex Flavored Markdown) is never "
                    "closed with |# and is not read",
                )
            )
        elif token.type == "table_open":
            header, body, index = _collect_rows(tokens, index)
            ncols = max((len(r.cells) for r in (*header, *body)), default=0)
            padded = [
                Row(r.cells + (Cell("", "", r.line),) * (ncols - len(r.cells)), r.line, r.issues)
                for r in (*header, *body)
            ]
            tables.append(
                Table(
                    number=len(tables) + 1,
                    kind="pipe",
                    line=token.map[0] + 1 if token.map else None,
                    header=tuple(padded[: len(header)]),
                    body=tuple(padded[len(header) :]),
                    title=title,
                    file=source,
                )
            )
        index += 1
    problems += _unread_tables(tokens, cleaned, source)
    problems.sort(key=lambda problem: problem.line or 0)
    return ReadResult(tuple(tables), tuple(problems))


def read_tables(text: str, source: str = "<string>") -> list[Table]:
    """The pipe tables of Markdown *text*, in document order."""
    return list(read_markdown(text, source).tables)


def read_file(path: str | Path) -> ReadResult:
    """Read the pipe tables of the Markdown file *path*.

    Raises :class:`~sphinx_awserrors.convert.rst_table.TableReadError` when the file is missing,
    unreadable or not UTF-8.
    """
    return read_markdown(read_text_file(path), str(path))
