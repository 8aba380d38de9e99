"""Writing a catalogue out as JSON, CSV, a Markdown pipe table or a reStructuredText grid table.

The ``to_*`` functions are pure (a catalogue in, text out) and usable from Python; the
``sphinx-awserrors export`` command (:func:`sphinx_awserrors.cli.export.run_export`) loads a
catalogue file, filters it by status and writes one of them. No Sphinx import here.

Descriptions are inline reStructuredText in the catalogue. JSON and CSV carry them as plain text
(:func:`~sphinx_awserrors.markup.text.description_text`; JSON also keeps the source markup as
``description_rst``); the RST table keeps the markup as it is, and the Markdown table converts
literals, emphasis and links to their Markdown forms. Entries keep the catalogue's order, so every
export of the same catalogue is the same text.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Any, Final

from docutils import nodes
from docutils.parsers.rst.states import Body
from docutils.utils import column_width, unescape

from sphinx_awserrors.catalogue import Catalogue, ErrorEntry
from sphinx_awserrors.catalogue.status import parse_status_filter, reason_phrase
from sphinx_awserrors.convert.rst_table import squash_spaces
from sphinx_awserrors.markup import policy
from sphinx_awserrors.markup.inline import parse_quietly
from sphinx_awserrors.markup.text import description_text

#: The export formats, as ``--format`` names them.
FORMATS: Final = ("json", "csv", "markdown", "rst")


#: Column headers of the RST and Markdown tables: the legacy table's own.
TABLE_HEADERS: Final = ("Error Code", "Error Description", "Error")


#: The columns of the CSV export.
CSV_HEADER: Final = ("code", "status", "description", "tags")


#: Default width at which the RST table wraps descriptions (the legacy table's).
DEFAULT_WIDTH: Final = 54


#: Roles whose text is code: the Markdown table shows them as code spans.
CODE_ROLES: Final = frozenset(
    {"awserr", "aws:err", "code", "literal", "file", "samp", "command", "option", "envvar"}
)


Entries = Catalogue | Iterable[ErrorEntry]


class ExportError(Exception):
    """A catalogue or an output file the export cannot use; the message names it."""


def entry_record(entry: ErrorEntry) -> dict[str, Any]:
    """*entry* as the JSON export writes it (``description`` in plain text)."""
    record: dict[str, Any] = {
        "code": entry.code,
        "status": entry.status,
        "reason": reason_phrase(entry.status),
        "description": description_text(entry.description),
        "description_rst": entry.description,
        "tags": list(entry.tags),
        "see_also": list(entry.see_also),
    }
    # the optional keys only where the entry has them: older exports keep their bytes
    if entry.differs:
        record["differs"] = dict(entry.differs)
    if entry.since is not None:
        record["since"] = entry.since
    if entry.deprecated is not None:
        record["deprecated"] = entry.deprecated
        if entry.deprecated_reason:
            record["deprecated_reason"] = entry.deprecated_reason
    return record


def to_json(catalogue: Entries, *, urls: Mapping[str, str] | None = None) -> str:
    """The entries as a JSON document ``{"errors": [...]}``, in catalogue order.

    Each error has ``code``, ``status``, ``reason`` (the HTTP reason phrase, ``""`` when the
    status has none), ``description`` (plain text), ``description_rst`` (the catalogue's
    inline reStructuredText), ``tags`` and ``see_also``; entries that have them also get
    ``differs`` (an object: what deliberately differs from the reference, and why),
    ``since``, ``deprecated`` and ``deprecated_reason`` (strings). Keys keep that order and the text
    ends with a newline, so the same catalogue always gives the same bytes.

    :param urls: when given, each error also gets ``url``: ``urls[code]``, or ``null``.
    """
    records = []
    for entry in catalogue:
        record = entry_record(entry)
        if urls is not None:
            record["url"] = urls.get(entry.code)
        records.append(record)
    document = {"errors": records}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


#: What a spreadsheet takes for the start of a formula (OWASP's list for CSV injection).
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def csv_field(text: str) -> str:
    """*text* as a spreadsheet shows it and never runs it: ``'`` before a formula's start.

    A catalogue is data other people may write: ``=HYPERLINK(...)`` in a description would be
    a live formula in the spreadsheet that opens the export.
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(catalogue: Entries) -> str:
    """The entries as CSV with the header ``code,status,description,tags``.

    Descriptions are plain text; tags are separated by spaces. Lines end with ``\\n``; fields
    are quoted only where needed (commas, quotes). A field that starts like a spreadsheet
    formula gets a ``'`` first, so that the spreadsheet does not run it.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for entry in catalogue:
        fields = (entry.code, description_text(entry.description), " ".join(entry.tags))
        code, description, tags = (csv_field(field) for field in fields)
        writer.writerow((code, entry.status, description, tags))
    return out.getvalue()


# The constructs docutils recognises at the start of a body block (lists, field lists, tables,
# directives...). A cell's first line matching one would not be a paragraph.
_BLOCK_STARTS: Final = tuple(
    re.compile(pattern) if isinstance(pattern, str) else pattern
    for name, pattern in Body.patterns.items()
    if name
    in {
        "bullet",
        "enumerator",
        "field_marker",
        "option_marker",
        "doctest",
        "line_block",
        "grid_table_top",
        "simple_table_top",
        "explicit_markup",
        "anonymous",
        "line",
    }
)


# A line of one repeated punctuation character: as a paragraph's second line, a title underline.
_UNDERLINE: Final = re.compile(Body.patterns["line"])


# A paragraph ending in an unescaped "::" announces a literal block.
_LITERAL_MARKER: Final = re.compile(r"(?<!\\)((?:\\\\)*)::$")


def _cell_source(description: str) -> str:
    """*description* on one line, made safe to be a table cell's only paragraph.

    The inline directive renders a description with docutils' inline parser, where a leading
    ``- `` or ``1. `` and a final ``::`` are just text; in a table cell they would start a list
    or expect a literal block, so they are backslash-escaped (which renders the same text).
    """
    text = squash_spaces(description)
    if any(pattern.match(text) for pattern in _BLOCK_STARTS):
        text = "\\" + text
    return _LITERAL_MARKER.sub(lambda match: match[1] + "\\::", text)


# A code made of these renders as itself in reStructuredText (an "_" inside a word is text).
_PLAIN_CODE: Final = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.:-]|_(?=[A-Za-z0-9]))*")


def _code_source(code: str) -> str:
    """*code* as reStructuredText that renders as the code itself (usually the code as is)."""
    if _PLAIN_CODE.fullmatch(code):
        return code
    # Rare: a code with markup characters (``Foo_``, ``*Bar``): escape every one of them.
    return re.sub(r"([^A-Za-z0-9\s])", r"\\\1", code)


def _words(text: str) -> list[str]:
    """*text* split on its spaces, except escaped ones (``x\\ **b**`` is one word).

    A line break after the backslash of an escaped space would make it an escaped line end,
    which reads the same in docutils but not in a reader that joins lines.
    """
    words: list[str] = []
    current: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            current.append(text[index : index + 2])
            index += 2
            continue
        if char == " ":
            words.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    words.append("".join(current))
    return words


def _wrap(text: str, width: int) -> list[str]:
    """*text* wrapped on spaces to *width* display columns (a longer word stays whole)."""
    lines: list[str] = []
    for word in _words(text):
        fits = bool(lines) and column_width(lines[-1]) + 1 + column_width(word) <= width
        # A second line that is only punctuation ("---") would underline the first line as a
        # section title: keep it on the first line.
        if fits or (len(lines) == 1 and _UNDERLINE.match(word)):
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _grid_border(widths: list[int], char: str) -> str:
    return "+" + "+".join(char * (width + 2) for width in widths) + "+"


def _grid_row(cells: list[list[str]], widths: list[int]) -> list[str]:
    height = max(len(cell) for cell in cells)
    lines = []
    for index in range(height):
        parts = []
        for cell, width in zip(cells, widths, strict=True):
            text = cell[index] if index < len(cell) else ""
            parts.append(" " + text + " " * (width - column_width(text)) + " ")
        lines.append("|" + "|".join(parts) + "|")
    return lines


def to_rst(
    catalogue: Entries,
    *,
    width: int = DEFAULT_WIDTH,
    title: str | None = None,
    indent: int = 3,
) -> str:
    """The entries as a reStructuredText grid table in a ``.. table::`` directive.

    The columns are the legacy table's: "Error Code", "Error Description", "Error" (the
    status). Descriptions keep their inline markup and wrap on spaces at *width* characters
    (a longer word widens the column); the code column is as wide as the longest code, so codes
    never split. *title* becomes the table's caption. Descriptions whose start would read as
    block markup in a cell (``- ``, ``1. ``) or that end in ``::`` are backslash-escaped.

    :param width: the widest description line, in characters (at least 10).
    :param indent: spaces before each line of the table (the directive's content indent).
    """
    if width < 10:
        raise ValueError(f"width must be at least 10, not {width}")
    if indent < 1:
        raise ValueError(f"indent must be at least 1, not {indent}")
    rows: list[list[list[str]]] = [[[header] for header in TABLE_HEADERS]]
    for entry in catalogue:
        rows.append(
            [
                [_code_source(entry.code)],
                _wrap(_cell_source(entry.description), width),
                [str(entry.status)],
            ]
        )
    widths = [
        max(column_width(line) for row in rows for line in row[column])
        for column in range(len(TABLE_HEADERS))
    ]
    table = [_grid_border(widths, "-"), *_grid_row(rows[0], widths), _grid_border(widths, "=")]
    for row in rows[1:]:
        table += [*_grid_row(row, widths), _grid_border(widths, "-")]
    if len(rows) == 1:  # no entries: a table needs a body row
        table += [*_grid_row([[""], [""], [""]], widths), _grid_border(widths, "-")]
    caption = f" {' '.join(title.split())}" if title and title.strip() else ""
    pad = " " * indent
    lines = [f".. table::{caption}", f"{pad}:widths: auto", "", *(pad + line for line in table)]
    return "\n".join(lines) + "\n"


_MD_SPECIAL: Final = re.compile(r"([\\`*_\[\]<>|])")


_MD_ENTITY: Final = re.compile(r"&(?=#?\w+;)")


_EXPLICIT_TITLE: Final = re.compile(r"^(?P<title>.+?)\s*(?<!\x00)<(?P<target>.*?)>$", re.DOTALL)


def _md_text(text: str) -> str:
    """Plain *text* with Markdown's inline syntax characters backslash-escaped."""
    return _MD_ENTITY.sub(r"\\&", _MD_SPECIAL.sub(r"\\\1", text))


def _md_code(text: str) -> str:
    """*text* as a Markdown code span, fenced with more backticks than it contains."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    if text.startswith(("`", " ")) or text.endswith(("`", " ")):
        text = f" {text} "
    return f"{fence}{text}{fence}"


def _md_interpreted(
    rawsource: str, text: str, role: str, lineno: int
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """Interpreted text of any role as its visible text: code roles as literals, others as text.

    Outside a Sphinx build ``:awserr:`` and friends do not exist; Markdown has no equivalent,
    so a reference keeps its visible text (the title of ``:role:`title <target>```).
    """
    match = _EXPLICIT_TITLE.match(text)
    shown = unescape(match["title"] if match else text.lstrip("!~"))
    name = role.lower()
    if name in {"pep", "pep-reference"}:
        return [nodes.Text(f"PEP {text}")], []
    if name in {"rfc", "rfc-reference"}:
        return [nodes.Text(f"RFC {text}")], []
    if name in CODE_ROLES or name.endswith(":err"):
        return [nodes.literal(shown, shown)], []
    return [nodes.Text(shown)], []


def _md_nodes(children: Iterable[nodes.Node]) -> str:
    return "".join(_md_node(child) for child in children)


def _md_node(node: nodes.Node) -> str:
    if isinstance(node, nodes.system_message):
        return ""
    if isinstance(node, nodes.Text):
        return _md_text(node.astext())
    if isinstance(node, nodes.literal):
        return _md_code(node.astext())
    if isinstance(node, nodes.strong):
        return f"**{_md_nodes(node.children)}**"
    if isinstance(node, nodes.emphasis):
        return f"*{_md_nodes(node.children)}*"
    if isinstance(node, nodes.raw):  # never made by the roles read here; never written
        return _md_text(node.astext())
    if isinstance(node, nodes.reference) and node.get("refuri"):
        uri = str(node["refuri"])
        if not policy.uri_allowed(uri):  # javascript:, data:, ...: the text, not a link
            return _md_nodes(node.children)
        if node.astext() == uri and not re.search(r"[\s<>]", uri):
            return f"<{uri}>"
        # a link destination: no spaces, and parentheses, angle brackets and backslashes
        # escaped (an unbalanced or encoded parenthesis would end or change the URL)
        target = re.sub(r"([\\()<>])", r"\\\1", uri).replace(" ", "%20")
        return f"[{_md_nodes(node.children)}]({target})"
    if isinstance(node, nodes.Element):
        return _md_nodes(node.children)
    return _md_text(node.astext())


@lru_cache(maxsize=8192)
def rst_to_markdown(text: str) -> str:
    """Inline reStructuredText *text* as inline Markdown on one line.

    ``literal`` becomes a code span, ``*emphasis*`` and ``**strong**`` stay, ```text <url>`_``
    becomes ``[text](url)`` and a bare URL an autolink; roles keep their visible text (code
    roles such as ``:awserr:`` as code spans). Other characters with a meaning in Markdown are
    backslash-escaped. Markup errors are ignored: the faulty markup stays as text. Links
    follow the description policy (``sphinx_awserrors.markup.policy``): one whose URL scheme
    is not allowed (``javascript:``, ``data:``, ...) is written as its text.
    """
    text = squash_spaces(text)
    if not text:
        return ""
    parsed = parse_quietly(text, _md_interpreted)
    return _md_nodes(parsed).strip()


def _md_cell(text: str) -> str:
    """Inline Markdown *text* made safe for a GFM table cell.

    The table reads every pipe as a cell boundary, even inside a code span, unless a backslash
    stands right before it, and that backslash is removed before the cell is read: so each
    pipe of a code span gets one more backslash (``a\\|b`` in code stays ``a\\|b``). Pipes
    in text are already escaped by _md_text (``\\|``), which the table reads as ``|``.
    """
    out: list[str] = []
    index, size = 0, len(text)
    while index < size:
        char = text[index]
        if char == "\\" and index + 1 < size:  # an escape in text: already what it must be
            out.append(text[index : index + 2])
            index += 2
            continue
        if char == "`":
            run = len(text[index:]) - len(text[index:].lstrip("`"))
            fence = "`" * run
            end = re.compile(f"(?<!`){fence}(?!`)").search(text, index + run)
            if end:
                code = text[index + run : end.start()]
                out.append(fence + code.replace("|", "\\|") + fence)
                index = end.end()
                continue
            out.append(fence)
            index += run
            continue
        out.append("\\|" if char == "|" else char)
        index += 1
    return "".join(out)


def to_markdown(catalogue: Entries, *, title: str | None = None) -> str:
    """The entries as a GitHub-flavoured Markdown pipe table.

    The columns are those of :func:`to_rst`; descriptions are converted by
    :func:`rst_to_markdown`, pipes are escaped, and columns are padded so the source lines up.
    *title* becomes a level-one heading above the table.
    """
    rows = [list(TABLE_HEADERS)]
    for entry in catalogue:
        rows.append(
            [_md_cell(_md_text(entry.code)), _md_cell(rst_to_markdown(entry.description)),
             str(entry.status)]
        )  # fmt: skip
    widths = [
        max(3, *(column_width(row[column]) for row in rows)) for column in range(len(rows[0]))
    ]

    def line(cells: list[str]) -> str:
        padded = (
            cell + " " * (width - column_width(cell))
            for cell, width in zip(cells, widths, strict=True)
        )
        return "| " + " | ".join(padded) + " |"

    lines = [line(rows[0]), "| " + " | ".join("-" * width for width in widths) + " |"]
    lines += (line(row) for row in rows[1:])
    if title and title.strip():
        lines[:0] = [f"# {_md_text(' '.join(title.split()))}", ""]
    return "\n".join(lines) + "\n"


FORMATTERS: Final[dict[str, Callable[[Entries], str]]] = {
    "json": to_json,
    "csv": to_csv,
    "markdown": to_markdown,
    "rst": to_rst,
}


def filter_status(catalogue: Entries, status_filter: str | None) -> Catalogue:
    """The entries whose status *status_filter* selects (all when it is ``None``).

    :raises ValueError: for a malformed filter, naming the bad term.
    """
    entries = tuple(catalogue)
    if status_filter is None:
        return Catalogue(entries)
    selects = parse_status_filter(status_filter)
    return Catalogue(tuple(entry for entry in entries if selects(entry.status)))
