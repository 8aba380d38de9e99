"""The legacy-table reader: the tables of a reStructuredText document, cell by cell, with lines.

docutils' own parser reads the document, so every table syntax it knows works: grid tables
(with row and column spans), simple tables, and the ``table``, ``list-table`` and
``csv-table`` directives. Sphinx-only directives (``tabularcolumns``, ``toctree``,
``index``...) and roles must not stop it: while this module parses, directives and roles that
docutils does not define itself are replaced by harmless stand-ins (tables inside ``only``,
``versionchanged`` and similar containers are still found), and the lookup functions are
restored afterwards. File access (``include``, ``raw``, ``csv-table :file:``) is off.

A cell keeps two forms of its text: ``source``, the inline reStructuredText as written, with
wrapped lines joined the way docutils reads them (an escaped line end joins without a space),
and ``text``, the plain text. The converter in :mod:`sphinx_awserrors.convert.tables` turns tables
into catalogue entries; :func:`load_entries` does both for the consistency checks, which lint a
legacy table in place.
"""

from __future__ import annotations

import copy
import csv
import io
import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

import docutils.core
from docutils import nodes
from docutils.nodes import fully_normalize_name
from docutils.parsers.rst import Directive, directives, roles
from docutils.parsers.rst.directives import tables as docutils_tables
from docutils.utils import unescape

from sphinx_awserrors.catalogue import Problem, safe_io
from sphinx_awserrors.markup.inline import default_settings

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from pathlib import Path

__all__ = [
    "Cell",
    "ReadResult",
    "Row",
    "Table",
    "TableReadError",
    "read_file",
    "read_rst",
    "read_tables",
]


class TableReadError(Exception):
    """A document that cannot be read at all (missing, not UTF-8, not parsable)."""

    def __init__(self, message: str, file: str = "<string>", line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Cell:
    """One table cell: its inline source, its plain text and the line it starts on."""

    source: str
    text: str
    line: int | None = None
    #: the value repeats a cell that spans rows (or columns) from an earlier cell
    spanned: bool = False
    #: the cell held block markup (a list, several paragraphs...), flattened to plain text
    block: bool = False
    #: what could not be converted to inline reStructuredText (Markdown cells)
    issues: tuple[str, ...] = ()


@dataclass(frozen=True)
class Row:
    """One table row: its cells (one per column, spans filled in) and its first line."""

    cells: tuple[Cell, ...]
    line: int | None
    #: what the reader could not keep of the row (Markdown cells past the header's count)
    issues: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    """One table of a document.

    ``kind`` is ``grid``, ``simple``, ``list-table``, ``csv-table`` (or ``pipe`` for Markdown);
    ``number`` counts the document's tables from 1, in document order; ``title`` is the
    table's caption, else the title of the section it is in.
    """

    number: int
    kind: str
    line: int | None
    header: tuple[Row, ...]
    body: tuple[Row, ...]
    title: str = ""
    file: str = "<string>"

    @property
    def columns(self) -> int:
        """The number of columns."""
        rows = self.header or self.body
        return len(rows[0].cells) if rows else 0

    @property
    def headings(self) -> tuple[str, ...]:
        """The plain text of the last header row (empty strings when there is no header)."""
        if not self.header:
            return ("",) * self.columns
        return tuple(cell.text for cell in self.header[-1].cells)

    def describe(self) -> str:
        """``table 2 "Title" (line 40)`` for messages."""
        title = f' "{self.title}"' if self.title else ""
        where = f" (line {self.line})" if self.line else ""
        return f"table {self.number}{title}{where}"


@dataclass(frozen=True)
class ReadResult:
    """The tables of a document and the problems met while reading it."""

    tables: tuple[Table, ...]
    problems: tuple[Problem, ...] = field(default=())
    #: what was not read and may hold a table (``include``, ``csv-table :file:``)
    notes: tuple[Problem, ...] = field(default=())


# --- text of a cell ---------------------------------------------------------------------------

_TRAILING_BACKSLASHES = re.compile(r"\\+$")
#: The whitespace that text collapses: not the no-break and other fixed-width spaces (U+00A0,
#: U+2009, U+202F...), which are characters of the text.
COLLAPSIBLE_SPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\u2028\u2029"
_SPACE_RUN = re.compile(f"[{re.escape(COLLAPSIBLE_SPACE)}]+")


def squash_spaces(text: str) -> str:
    """*text* with each run of collapsible whitespace as one space, and none at the ends."""
    return _SPACE_RUN.sub(" ", text).strip(COLLAPSIBLE_SPACE)


def join_lines(raw: str) -> str:
    """Join the lines of a paragraph's source the way docutils reads them.

    A line ending in an odd number of backslashes (an escaped line end) joins the next line
    without a space, dropping that backslash; other lines join with one space.
    """
    lines = [line.strip(COLLAPSIBLE_SPACE) for line in raw.splitlines()]
    out = ""
    glue = ""
    for line in lines:
        if not line:
            continue
        out += glue + line
        match = _TRAILING_BACKSLASHES.search(out)
        if match and len(match.group()) % 2:
            out = out[:-1]
            glue = ""
        else:
            glue = " "
    return out


def _plain(text: str) -> str:
    return squash_spaces(text)


def _first_line(node: nodes.Node) -> int | None:
    if isinstance(node, nodes.Element) and node.line is not None:
        return node.line
    # the children's own lines first: the inline content of a substitution has the line of
    # its definition, elsewhere in the page
    children = [c.line for c in node.children if isinstance(c, nodes.Element) and c.line]
    if children:
        return min(children)
    lines = [
        n.line
        for n in node.findall(include_self=True)
        if isinstance(n, nodes.Element) and n.line is not None
    ]
    return min(lines) if lines else None


def _cell(entry: nodes.Element, page: nodes.document | None = None) -> Cell:
    body = [child for child in entry.children if not isinstance(child, nodes.system_message)]
    line = _first_line(entry)
    if not body:
        return Cell("", "", line)
    if all(isinstance(child, nodes.paragraph) for child in body):
        source = " ".join(
            join_lines(getattr(child, "rawsource", "") or child.astext()) for child in body
        )
        text = _plain(" ".join(child.astext() for child in body))
        issues: tuple[str, ...] = ()
        if page is not None and ("|" in source or _REFERENCE_END.search(source)):
            source, issues = _detach(source, page)
        if page is not None and "\\" in source and len(body) == 1:
            source = _drop_block_escapes(source)
        return Cell(source, text, line, block=len(body) > 1, issues=issues)
    text = _plain(entry.astext())
    return Cell(text, text, line, block=True)


# --- references to the page ------------------------------------------------------------------

# ".. |name| replace:: text": the text, which may span lines
_REPLACE = re.compile(r"^\.\.\s+\|[^|]+\|\s+replace::\s*(?P<text>.*)$", re.DOTALL)
_EMBEDDED_ALIAS = re.compile(r"^(?P<text>.*?)\s*(?<!\\)<[^<>]*_>$", re.DOTALL)
_PAGE_REFERENCES = (
    nodes.substitution_reference,
    nodes.reference,
    nodes.footnote_reference,
    nodes.citation_reference,
)


_STANDALONE_SETTINGS: Any = None
# where a reference may end (name_, `text`__, [1]_): not the underscores inside snake_case
_REFERENCE_END = re.compile(r"[\w`\]]__?(?!\w)")


def _standalone(source: str) -> nodes.document:
    """*source* parsed on its own, before any transform resolves its references."""
    from docutils.parsers.rst import Parser
    from docutils.utils import new_document

    global _STANDALONE_SETTINGS  # built once: building it (optparse) is slow
    if _STANDALONE_SETTINGS is None:
        _STANDALONE_SETTINGS = default_settings()
        for name, value in dict(_SETTINGS, warning_stream=io.StringIO()).items():
            setattr(_STANDALONE_SETTINGS, name, value)
    document = new_document("<cell>", copy.copy(_STANDALONE_SETTINGS))
    with _tolerant_markup():
        Parser().parse(source, document)
    return document


def _inline_parse(source: str) -> list[nodes.Node]:
    """The page references among the inline nodes of *source* parsed on its own."""
    document = _standalone(source)
    found: list[nodes.Node] = []

    def walk(node: nodes.Node) -> None:
        for child in node.children if isinstance(node, nodes.Element) else ():
            if isinstance(child, _PAGE_REFERENCES) and not child.get("refuri"):
                found.append(child)
            else:
                walk(child)

    walk(document)
    return found


def _defined_at(page: nodes.document, name: str) -> nodes.Element | None:
    node_id = page.nameids.get(name)
    element = page.ids.get(node_id) if node_id else None
    return element if isinstance(element, nodes.Element) else None


def _where(element: nodes.Element | None) -> str:
    line = _first_line(element) if element is not None else None
    return f" (line {line})" if line else ""


def _substitute(node: nodes.Element, raw: str, page: nodes.document) -> tuple[str | None, str]:
    name = page.substitution_names.get(fully_normalize_name(node.get("refname", "")), "")
    definition = page.substitution_defs.get(name)
    if definition is None:
        return None, f"{raw} is a substitution the page does not define; kept as written"
    replace = _REPLACE.match(definition.rawsource or "")
    if replace:
        return join_lines(replace["text"]), ""
    if all(isinstance(child, nodes.Text) for child in definition.children):
        return re.sub(r"([\\*`|_])", r"\\\1", definition.astext()), ""
    return None, (
        f"{raw} is a substitution of the page{_where(definition)} that is not plain text, "
        "and a catalogue description cannot use the page's substitutions; kept as written, "
        "replace it by hand"
    )


def _resolve(node: nodes.Element, raw: str, page: nodes.document) -> tuple[str | None, str]:
    """What replaces the page reference *node* (written *raw*) in a description, or why not."""
    if isinstance(node, nodes.substitution_reference):
        return _substitute(node, raw, page)
    if isinstance(node, nodes.footnote_reference | nodes.citation_reference):
        kind = "footnote" if isinstance(node, nodes.footnote_reference) else "citation"
        where = _where(_defined_at(page, node["refname"])) if node.get("refname") else ""
        return None, (
            f"{raw} refers to a {kind} of the page{where}, which the catalogue does not have; "
            f"kept as written, put the {kind}'s text in the description"
        )
    refname = node.get("refname")
    target = _defined_at(page, refname) if refname else None
    if isinstance(target, nodes.target) and target.get("refuri"):
        text = raw[:-2] if raw.endswith("__") else raw[:-1]
        if text.startswith("`") and text.endswith("`"):
            text = text[1:-1]
            alias = _EMBEDDED_ALIAS.match(text)  # `text <target_>`_
            if alias:
                text = alias["text"]
        return f"`{text} <{target['refuri']}>`__", ""
    if target is not None:
        return None, (
            f"{raw} links to a target of the page{_where(target)}, which a catalogue "
            "description cannot use; kept as written, use a role (:ref:) or an embedded URI"
        )
    return None, (
        f"{raw} is a hyperlink reference the catalogue cannot resolve (its target is in the "
        "page, or anonymous); kept as written, use an embedded URI (`text <https://...>`__)"
    )


_ESCAPED_MARKER = re.compile(r"(?<!\\)((?:\\\\)*)\\::$")


def _inline(source: str) -> str:
    # "x " first: a paragraph that starts with a word reads its text as inline markup only
    return _standalone("x " + source).pformat()


def _drop_block_escapes(source: str) -> str:
    """*source* without the backslash that only stops a cell from reading as block markup.

    ``export --format rst`` writes ``\\- text``, ``\\1. text``, ``text\\::`` so that a cell
    does not become a list or announce a literal block; a description is inline text, where
    ``- text`` and ``text::`` read the same, so the catalogue gets them back as they were.
    """
    source = _ESCAPED_MARKER.sub(r"\1::", source)
    if len(source) > 1 and source[0] == "\\" and source[1] not in COLLAPSIBLE_SPACE + "\\":
        candidate = source[1:]
        if _inline(candidate) == _inline(source):
            return candidate
    return source


def _detach(source: str, page: nodes.document, depth: int = 0) -> tuple[str, tuple[str, ...]]:
    """*source* with its references to the page's own definitions made to work without it.

    A description is shown away from its legacy page: a named hyperlink reference to an
    external target becomes an embedded URI, a substitution that is text becomes that text;
    footnotes, citations, internal and anonymous targets and other substitutions are kept as
    written and described in the returned issues.
    """
    out: list[str] = []
    issues: list[str] = []
    cursor = 0
    for node in _inline_parse(source):
        assert isinstance(node, nodes.Element)
        raw = node.rawsource
        start = source.find(raw, cursor) if raw else -1
        if start < 0:
            continue
        replacement, issue = _resolve(node, raw, page)
        if issue:
            issues.append(issue)
        if replacement is not None and depth < 4 and isinstance(node, nodes.substitution_reference):
            # a substitution's text may itself refer to the page ("replace:: `guide`_")
            replacement, more = _detach(replacement, page, depth + 1)
            issues.extend(more)
        if replacement is not None:
            out.append(source[cursor:start] + replacement)
            cursor = start + len(raw)
    out.append(source[cursor:])
    return "".join(out), tuple(issues)


# --- docutils with Sphinx-only markup neutralised ---------------------------------------------

# Directives of Sphinx and its common extensions whose content is body text that may hold a
# table; the content of every other unknown directive (code-block, math...) is skipped.
_CONTAINERS: frozenset[str] = frozenset(
    {
        "only",
        "ifconfig",
        "versionadded",
        "versionchanged",
        "deprecated",
        "versionremoved",
        "seealso",
        "centered",
        "hlist",
        "tab",
        "tabs",
        "tab-set",
        "tab-item",
        "group-tab",
        "card",
        "dropdown",
        "grid-item",
        "grid-item-card",
        "collapse",
        "details",
        "admonition",
        "glossary",
    }
)


# Object descriptions (Sphinx's domains: py:exception, http:get, describe...) have a body of
# reStructuredText, where an API page may keep its error table; these directives, whatever
# their domain, hold code, math or data instead.
_OBJECT_DESCRIPTIONS: frozenset[str] = frozenset(
    {
        "describe",
        "object",
        "option",
        "envvar",
        "confval",
        "function",
        "class",
        "method",
        "exception",
        "attribute",
        "data",
        "decorator",
        "property",
        "module",
        "event",
    }
)
_LITERAL_WORDS = ("code", "literal", "math", "graph", "mermaid", "uml", "test", "doctest",
                  "output", "input", "exec", "plot", "prompt", "production", "autosummary",
                  "toctree", "include", "program", "bash", "shell", "console")  # fmt: skip


def _is_container(name: str) -> bool:
    """Whether the content of the unknown directive *name* is body text that may hold a table."""
    if name in _CONTAINERS:
        return True
    local = name.rpartition(":")[2]
    if any(word in name for word in _LITERAL_WORDS):
        return False
    return local in _OBJECT_DESCRIPTIONS or ":" in name


class _AnyOption(dict[str, Any]):
    """An option spec accepting every option (values kept as text)."""

    def __missing__(self, key: str) -> Callable[[str | None], str]:
        return directives.unchanged


class _Skipped(Directive):
    """Stands in for a directive docutils does not define: reads nothing, says nothing."""

    required_arguments = 0
    optional_arguments = 100
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = _AnyOption(class_=directives.unchanged)

    def run(self) -> list[nodes.Node]:
        return []


class _Container(_Skipped):
    """Stands in for a Sphinx container directive: its content is parsed, so tables count."""

    def run(self) -> list[nodes.Node]:
        node = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


def _mark(result: Sequence[nodes.Node], lineno: int, row_lines: list[int] | None = None) -> None:
    for node in result:
        if isinstance(node, nodes.table):
            node["awserr-line"] = lineno
            if row_lines is not None:
                node["awserr-row-lines"] = row_lines


class _RSTTable(docutils_tables.RSTTable):
    def run(self) -> Sequence[nodes.table | nodes.system_message]:
        result = super().run()
        _mark(result, self.lineno)
        return result


class _ListTable(docutils_tables.ListTable):
    def run(self) -> Sequence[nodes.table | nodes.system_message]:
        result = super().run()
        _mark(result, self.lineno)
        return result


class _CSVTable(docutils_tables.CSVTable):
    """docutils' csv-table, recording the first line of each row (docutils gives none)."""

    def run(self) -> Sequence[nodes.table | nodes.system_message]:
        result = super().run()
        header_rows = len(self._option_header_rows())
        lines = [self.lineno] * header_rows + self._content_row_lines()
        _mark(result, self.lineno, lines)
        return result

    def _option_header_rows(self) -> list[list[str]]:
        if "header" not in self.options:
            return []
        # the options docutils' own header dialect uses (that class is deprecated)
        reader = csv.reader(
            io.StringIO(self.options["header"]), skipinitialspace=True, escapechar="\\"
        )
        return list(reader)

    def _content_row_lines(self) -> list[int]:
        reader = csv.reader(
            (line + "\n" for line in self.content), dialect=self.DocutilsDialect(self.options)
        )
        lines: list[int] = []
        consumed = 0
        try:
            for _row in reader:
                lines.append(self.content_offset + 1 + consumed)
                consumed = reader.line_num
        except csv.Error:
            pass  # docutils has already reported the malformed data
        return lines


_TABLE_DIRECTIVES: dict[str, type[Directive]] = {
    "table": _RSTTable,
    "list-table": _ListTable,
    "csv-table": _CSVTable,
}


# "title <target>" in a role's text (a backslash-escaped "<" is text: docutils marks it \x00)
_EXPLICIT_TITLE = re.compile(r"^(?P<title>.+?)\s*(?<!\x00)<(?P<target>.*?)>$", re.DOTALL)


def _literal_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: object,
    options: dict[str, Any] | None = None,
    content: Sequence[str] | None = None,
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """Stands in for a role docutils does not define (``:ref:``, ``:doc:``...).

    Its text is what Sphinx shows: the title of ``title <target>``, the last name of
    ``~module.Name``, so ``:ref:`NoSuchKey <err-nosuchkey>``` reads as the code ``NoSuchKey``.
    """
    match = _EXPLICIT_TITLE.match(text)
    if match:
        shown = match["title"]
    else:
        shown = text.removeprefix("!")
        if shown.startswith("~"):
            shown = shown[1:].rpartition(".")[2]
    return [nodes.literal(rawtext, unescape(shown))], []


def _is_docutils(obj: object) -> bool:
    return getattr(obj, "__module__", "").startswith("docutils.")


# Patching the module-level lookup functions is the one hook docutils offers; the lock keeps
# two threads from interleaving the patch and its undoing.
_PATCH_LOCK = threading.Lock()


@contextmanager
def _tolerant_markup() -> Iterator[None]:
    original_directive = directives.directive
    original_role = roles.role

    def directive(
        directive_name: str, language_module: Any, document: nodes.document
    ) -> tuple[type[Directive] | None, list[nodes.system_message]]:
        normname = directive_name.lower()
        if normname in _TABLE_DIRECTIVES:
            return _TABLE_DIRECTIVES[normname], []
        found, messages = original_directive(directive_name, language_module, document)
        # Directives registered by Sphinx (in the same process) need a build environment.
        if found is not None and _is_docutils(found):
            return found, messages
        return (_Container if _is_container(normname) else _Skipped), []

    def role(
        role_name: str, language_module: Any, lineno: int, reporter: Any
    ) -> tuple[Any, list[nodes.system_message]]:
        found, messages = original_role(role_name, language_module, lineno, reporter)
        if found is not None and _is_docutils(found):
            return found, messages
        return _literal_role, []

    with _PATCH_LOCK:
        directives.directive = directive
        roles.role = role
        try:
            yield
        finally:
            directives.directive = original_directive
            roles.role = original_role


_SETTINGS: dict[str, Any] = {
    "_disable_config": True,  # no docutils.conf from the user's directories
    "report_level": 5,
    "halt_level": 5,
    "warning_stream": False,
    "file_insertion_enabled": False,
    "raw_enabled": False,
    "input_encoding": "unicode",
    "line_length_limit": 1_000_000,
}


#: More columns than any table of error codes has; docutils' table parsers take minutes on a
#: border of 30,000 columns (their cost grows faster than the columns).
MAX_TABLE_COLUMNS = 1_000
_GRID_BORDER = re.compile(r"[ \t]*\+(?:[-=]+\+)+[ \t]*")
_SIMPLE_BORDER = re.compile(r"[ \t]*=+(?: +=+)+[ \t]*")


def _too_wide(text: str) -> tuple[int, int] | None:
    """The line and column count of the first table border wider than the limit, if any."""
    for number, line in enumerate(text.splitlines(), start=1):
        # a cheap test first: a border that wide is a long line
        if len(line) <= 2 * MAX_TABLE_COLUMNS:
            continue
        if _GRID_BORDER.fullmatch(line):
            columns = line.count("+") - 1
        elif _SIMPLE_BORDER.fullmatch(line):
            columns = len(line.split())
        else:
            continue
        if columns > MAX_TABLE_COLUMNS:
            return number, columns
    return None


def _parse(text: str, source: str) -> nodes.document:
    wide = _too_wide(text)
    if wide is not None:
        line, columns = wide
        raise TableReadError(
            f"a table border of {columns:,} columns (at most {MAX_TABLE_COLUMNS:,}): "
            "not an error table, and more than docutils parses in reasonable time",
            source,
            line,
        )
    settings = dict(_SETTINGS, warning_stream=io.StringIO())
    with _tolerant_markup():
        try:
            return docutils.core.publish_doctree(
                text, source_path=source, settings_overrides=settings
            )
        except Exception as exc:  # docutils has no documented exception for parser failures
            raise TableReadError(f"docutils cannot parse the document: {exc}", source) from None


# --- tables out of the doctree ----------------------------------------------------------------


def _rows(
    row_nodes: Sequence[nodes.Element],
    ncols: int,
    pending: dict[int, tuple[Cell, int]],
    row_lines: list[int] | None,
    line_index: int,
    page: nodes.document | None = None,
) -> list[Row]:
    """Rows with one cell per column; a cell spanning rows or columns is repeated (flagged)."""
    rows: list[Row] = []
    for number, row_node in enumerate(row_nodes):
        cells: list[Cell | None] = [None] * ncols
        for col, (cell, left) in list(pending.items()):
            if col < ncols:
                cells[col] = cell
            if left <= 1:
                del pending[col]
            else:
                pending[col] = (cell, left - 1)
        col = 0
        for entry in row_node.children:
            if not isinstance(entry, nodes.entry):
                continue
            while col < ncols and cells[col] is not None:
                col += 1
            if col >= ncols:
                break
            cell = _cell(entry, page)
            morerows = int(entry.get("morerows", 0))
            morecols = int(entry.get("morecols", 0))
            repeat = Cell(
                cell.source,
                cell.text,
                cell.line,
                spanned=True,
                block=cell.block,
                issues=cell.issues,
            )
            for offset in range(morecols + 1):
                if col + offset < ncols:
                    cells[col + offset] = cell if offset == 0 else repeat
                    if morerows:
                        pending[col + offset] = (repeat, morerows)
            col += morecols + 1
        line = None
        if row_lines is not None and line_index + number < len(row_lines):
            line = row_lines[line_index + number]
        filled = tuple(c if c is not None else Cell("", "", None) for c in cells)
        if line is None:
            own = [c.line for c in filled if c.line is not None and not c.spanned]
            line = min(own) if own else None
        rows.append(Row(filled, line))
    return rows


def _table_kind(node: nodes.table, lines: Sequence[str], first_row_line: int | None) -> str:
    if "awserr-row-lines" in node:
        return "csv-table"
    directive_line = node.get("awserr-line")
    if directive_line is not None and 0 < directive_line <= len(lines):
        head = lines[directive_line - 1].lower()
        if "list-table" in head:
            return "list-table"
    if first_row_line is not None:
        for index in range(first_row_line - 2, max(first_row_line - 4, -1), -1):
            if 0 <= index < len(lines):
                stripped = lines[index].strip()
                if stripped.startswith("+"):
                    return "grid"
                if stripped.startswith("="):
                    return "simple"
    return "grid"


def _tables(document: nodes.document, text: str, source: str, detach: bool = True) -> list[Table]:
    lines = text.splitlines()
    tables: list[Table] = []
    for node in document.findall(nodes.table):
        groups = [child for child in node.children if isinstance(child, nodes.tgroup)]
        if not groups:
            continue
        group = groups[0]
        ncols = int(group.get("cols", 0))
        head_rows: list[nodes.Element] = []
        body_rows: list[nodes.Element] = []
        for part in group.children:
            if isinstance(part, nodes.thead):
                head_rows.extend(r for r in part.children if isinstance(r, nodes.row))
            elif isinstance(part, nodes.tbody):
                body_rows.extend(r for r in part.children if isinstance(r, nodes.row))
        row_lines: list[int] | None = node.get("awserr-row-lines")
        pending: dict[int, tuple[Cell, int]] = {}
        page = document if detach else None
        header = _rows(head_rows, ncols, pending, row_lines, 0, page)
        pending.clear()  # a span does not cross from the header into the body
        body = _rows(body_rows, ncols, pending, row_lines, len(head_rows), page)
        first = next((row.line for row in (*header, *body) if row.line is not None), None)
        kind = _table_kind(node, lines, first)
        line = node.get("awserr-line")
        if line is None and first is not None:
            line = first - 1 if kind in {"grid", "simple"} else first
        titles = [child for child in node.children if isinstance(child, nodes.title)]
        if not titles:  # name the table after its section, as a reader would
            parent = node.parent
            while parent is not None and not isinstance(parent, nodes.section | nodes.document):
                parent = parent.parent
            if parent is not None:  # a lone top-level section is the document's title
                titles = [c for c in parent.children if isinstance(c, nodes.title)][:1]
        tables.append(
            Table(
                number=len(tables) + 1,
                kind=kind,
                line=line,
                header=tuple(header),
                body=tuple(body),
                title=_plain(titles[0].astext()) if titles else "",
                file=source,
            )
        )
    return tables


def _problems(document: nodes.document, source: str) -> list[Problem]:
    """The table-related errors docutils reported (malformed tables, bad table directives)."""
    problems: list[Problem] = []
    for message in document.findall(nodes.system_message):
        if message.get("level", 0) < 3:
            continue
        paragraphs = [c for c in message.children if isinstance(c, nodes.paragraph)]
        text = _plain(paragraphs[0].astext()) if paragraphs else ""
        if "table" not in text.lower():
            continue
        problems.append(Problem(source, message.get("line"), f"docutils: {text}"))
    return problems


_NOT_FOLLOWED = {
    'ignoring "csv-table" directive': "the csv-table reads its rows from a file or URL, which "
    "is not followed; its table is not read (import that file, or put the rows inline)",
    '"include" directive disabled': "include is not followed; a table in the included file "
    "is not read (run the importer on that file)",
}


def _not_followed(document: nodes.document, source: str) -> list[Problem]:
    """Notes for the directives that would read another file, which may hold a table."""
    notes: list[Problem] = []
    for message in document.findall(nodes.system_message):
        paragraphs = [c for c in message.children if isinstance(c, nodes.paragraph)]
        text = paragraphs[0].astext() if paragraphs else ""
        for marker, note in _NOT_FOLLOWED.items():
            if marker in text:
                notes.append(Problem(source, message.get("line"), note))
    return notes


def read_rst(text: str, source: str = "<string>", *, detach: bool = False) -> ReadResult:
    """Read the tables of reStructuredText *text* (named *source* in messages).

    With *detach* (``import-rst``: for a catalogue), each cell's source no longer relies on
    the page's own definitions: named references to external targets get their URI embedded,
    text substitutions are replaced, and what cannot be detached is in the cell's ``issues``.
    Without it (linting the page in place), cells keep their source as written.

    Raises :class:`TableReadError` only when docutils cannot parse the text at all.
    """
    document = _parse(text, source)
    tables = _tables(document, text, source, detach)
    return ReadResult(
        tuple(tables),
        tuple(_problems(document, source)),
        tuple(_not_followed(document, source)),
    )


def read_tables(text: str, source: str = "<string>") -> list[Table]:
    """The tables of reStructuredText *text*, in document order (see :func:`read_rst`)."""
    return list(read_rst(text, source).tables)


def read_text_file(path: str | Path) -> str:
    """The UTF-8 text of *path*; :class:`TableReadError` with a one-line reason otherwise."""
    name = str(path)
    try:
        data = safe_io.read_bytes(path)
    except safe_io.FileProblem as exc:
        if exc.reason == "not found":
            raise TableReadError("file not found", name) from None
        if exc.reason.startswith("is a directory"):
            raise TableReadError("is a directory, not a file", name) from None
        if exc.reason.startswith("is "):
            raise TableReadError(exc.reason, name) from None
        raise TableReadError(f"cannot read the file: {exc.reason}", name) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise TableReadError(
            "UTF-16 text (it starts with a byte-order mark); save it as UTF-8", name
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise TableReadError(
            f"not UTF-8 text: byte 0x{data[exc.start]:02x} cannot be decoded; "
            "save the file as UTF-8",
            name,
            line,
        ) from None


def read_file(path: str | Path, *, detach: bool = False) -> ReadResult:
    """Read the tables of the reStructuredText file *path* (*detach*: see :func:`read_rst`).

    Raises :class:`TableReadError` when the file is missing, unreadable, not UTF-8 or not
    parsable.
    """
    return read_rst(read_text_file(path), str(path), detach=detach)
