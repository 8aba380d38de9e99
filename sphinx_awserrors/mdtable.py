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

from markdown_it import MarkdownIt

from sphinx_awserrors.catalogue import Problem
from sphinx_awserrors.rsttable import Cell, ReadResult, Row, Table, read_text_file

if TYPE_CHECKING:
    from pathlib import Path

    from markdown_it.token import Token

__all__ = ["inline_to_rst", "read_file", "read_markdown", "read_tables"]

_IAL = re.compile(r"^\s*\{:.*\}\s*$")
_YFM_TABLE = re.compile(r"^\s*#\|\s*$")
_BREAK = re.compile(r"^<br\s*/?>$", re.IGNORECASE)
# A heading attribute ("## Errors {#errors}", kramdown's "{: #errors}"): an anchor, not a title.
_HEADING_ATTRIBUTES = re.compile(r"\s*\{:?\s*[#.][^{}]*\}\s*$")
# Characters that start or end inline markup in reStructuredText.
_RST_SPECIAL = re.compile(r"([\\*`|])")
_TRAILING_UNDERSCORE = re.compile(r"(?<=\w)_(?=\W|$)")


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
        if self.rst and self.rst[-1] and (self.rst[-1][-1].isalnum()):
            self.rst.append("\\ ")  # RST markup must not start inside a word
        self.rst.append(mark)

    def _close_markup(self, mark: str) -> None:
        self.rst.append(mark)
        self._glue = True

    def text(self, rst: str, plain: str) -> None:
        if self._glue and rst[:1].isalnum():
            self.rst.append("\\ ")
        self._glue = False
        self.rst.append(rst)
        self.plain.append(plain)

    def literal(self, content: str) -> None:
        if "``" in content or content != content.strip() or not content:
            self.text(_escape(content), content)
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
                    self.text(_escape(token.content), token.content)
            elif kind == "image":
                self.issues.append("an image has no place in a description; its alt text is kept")
                alt = token.content
                self.text(_escape(alt), alt)
            else:
                self.text(_escape(token.content), token.content)
            index += 1

    def result(self) -> tuple[str, str]:
        rst = " ".join("".join(self.rst).split())
        plain = " ".join("".join(self.plain).split())
        return rst, plain


def inline_to_rst(children: list[Token]) -> tuple[str, str, list[str]]:
    """Convert the inline tokens of a cell: (RST source, plain text, what could not convert)."""
    builder = _Inline()
    builder.feed(children)
    rst, plain = builder.result()
    return rst, plain, builder.issues


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").enable("strikethrough")


def _collect_rows(tokens: list[Token], start: int) -> tuple[list[Row], list[Row], int]:
    header: list[Row] = []
    body: list[Row] = []
    in_head = False
    cells: list[Cell] = []
    line: int | None = None
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
        elif token.type == "inline":
            rst, plain, issues = inline_to_rst(token.children or [])
            cells.append(Cell(rst, plain, line, issues=tuple(issues)))
        elif token.type in {"th_close", "td_close"} and tokens[index - 1].type in {
            "th_open",
            "td_open",
        }:
            cells.append(Cell("", "", line))  # an empty cell has no inline token
        elif token.type == "tr_close":
            (header if in_head else body).append(Row(tuple(cells), line))
        index += 1
    return header, body, index


def read_markdown(text: str, source: str = "<string>") -> ReadResult:
    """Read the pipe tables of Markdown *text* (named *source* in messages)."""
    lines = text.splitlines()
    problems: list[Problem] = []
    cleaned = []
    for number, line in enumerate(lines, start=1):
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
        elif token.type == "table_open":
            header, body, index = _collect_rows(tokens, index)
            ncols = max((len(r.cells) for r in (*header, *body)), default=0)
            padded = [
                Row(r.cells + (Cell("", "", r.line),) * (ncols - len(r.cells)), r.line)
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
    return ReadResult(tuple(tables), tuple(problems))


def read_tables(text: str, source: str = "<string>") -> list[Table]:
    """The pipe tables of Markdown *text*, in document order."""
    return list(read_markdown(text, source).tables)


def read_file(path: str | Path) -> ReadResult:
    """Read the pipe tables of the Markdown file *path*.

    Raises :class:`~sphinx_awserrors.rsttable.TableReadError` when the file is missing,
    unreadable or not UTF-8.
    """
    return read_markdown(read_text_file(path), str(path))
