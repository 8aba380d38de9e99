"""The Markdown table reader: pipe tables (GitHub Flavored Markdown) with inline Markdown as RST.

markdown-it-py parses the document (CommonMark plus its table extension), so alignment rows,
escaped pipes, missing outer pipes and ragged padding need no care here. Each cell's inline
Markdown becomes the catalogue's inline reStructuredText: code spans become literals,
emphasis and strong emphasis keep their meaning, links become anonymous hyperlinks
(```text <url>`__``), ``<br>`` becomes a space, and characters RST would read as markup are
escaped. What has no RST equivalent (images, raw HTML, nested emphasis) is flattened to text
and reported with its line.

kramdown attribute lines (``{: #anchor}``) are blanked before parsing, since Markdown would
otherwise read one right under a table as a row. Yandex Flavored Markdown multiline tables
(``#| ... |#``) are not pipe tables; they are reported so the user knows why they are missing.
"""

from __future__ import annotations

import re
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
_YFM_TABLE = re.compile(r"^\s*#\|\s*$")
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


def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    parser.block.ruler.at("table", _table_rule, {"alt": ["paragraph", "reference"]})
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
_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")


def _unread_tables(tokens: list[Token], lines: list[str], source: str) -> list[Problem]:
    """Problems for the delimiter rows of tables that Markdown did not read as tables.

    GFM reads a table only when its header row has as many cells as its delimiter row;
    otherwise the lines are an ordinary paragraph, and the table would vanish silently.
    """
    taken: set[int] = set()
    for token in tokens:
        if token.map and token.type in {"table_open", "fence", "code_block", "html_block"}:
            taken.update(range(token.map[0], token.map[1]))
    problems: list[Problem] = []
    for index, line in enumerate(lines):
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
    """Read the pipe tables of Markdown *text* (named *source* in messages)."""
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
        if _YFM_TABLE.match(line):
            problems.append(
                Problem(
                    source,
                    number,
                    "a multiline table (#| ... |#, Yandex Flavored Markdown) is not a pipe "
                    "table and is not read; convert it to a pipe table to import it",
                )
            )
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
