"""LaTeX output: let long error codes break between their words; keep a page's column spec.

TeX never breaks inside a word, and a code such as ``IllegalVersioningConfigurationException``
is one word: in a table cell it runs over the next column. Before the LaTeX writer sees the
document, each long code (a literal the extension wrote, the code that heads an ``aws-error``
section, or any literal that is one PascalCase identifier) gets a permitted break
(``\\allowbreak``) at its word boundaries; no hyphen is printed, so the code reads unchanged
where it fits. In a table cell, another long literal (a header name such as
``x-amz-content-sha256``) gets one after each hyphen and underscore.

In the general index, whose two columns are narrow, the entry of a long code may break
between its words as well (its sort key stays the code).

A table's first row stays with its second, and its last with the one before (``\\*``, which
forbids a page break there), so that a short table leaves no single orphan row on a page.

A page's ``.. tabularcolumns::`` right before a table takes precedence over the table's own
column specification, unless a long table cannot use it (a column type of ``tabulary`` or
``tabularx``, or a column count other than the table's), which would stop the PDF build: that is
a warning, and the table keeps its own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_awserrors.sphinxext._logging import warn
from sphinx_awserrors.sphinxext.locale import __

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.latex import LaTeXTranslator

#: Between a lower-case letter or digit and a capital (``Such|Key``), and before the last
#: capital of an acronym that starts a word (``XML|Parse``).
WORD_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")

#: Codes shorter than this fit any sensible column; leave them alone.
MIN_BREAKABLE = 12

BREAK = r"\allowbreak{}"

#: The general index has two columns of about 25 characters of its type: shorter codes fit.
INDEX_MIN_BREAKABLE = 24


def code_parts(code: str) -> list[str]:
    """*code* cut at its PascalCase word boundaries (``["No", "Such", "Key"]``)."""
    return [part for part in WORD_BOUNDARY.split(code) if part]


#: A literal that is one PascalCase identifier reads as an error code wherever it stands.
PASCAL_CASE = re.compile(r"[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*")


#: After a hyphen or an underscore: where another long literal of a table cell, such as the
#: header name ``x-amz-server-side-encryption-customer-algorithm``, may break. (Sphinx lets
#: literals break after ``/``, ``.`` and a few more, but not after these.)
SEPARATOR_BOUNDARY = re.compile(r"(?<=[-_])(?=[^-_])")


def _in_error_table(node: nodes.Node) -> bool:
    """Whether *node* is in a cell of an ``aws-error-table``, a narrow column."""
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.table) and "awserr-table" in parent["classes"]:
            return True
        parent = parent.parent
    return False


def _is_code_literal(node: nodes.TextElement) -> bool:
    classes = set(node["classes"])
    if "awserr-code" in classes or {"aws", "aws-err"} <= classes:
        return True
    return PASCAL_CASE.fullmatch(node.astext()) is not None


class BreakableCodes(SphinxPostTransform):
    """Insert ``\\allowbreak`` between the words of long codes, for LaTeX builders only.

    In the cells of an ``aws-error-table``, other long literals of the descriptions may break
    after their hyphens and underscores.
    """

    default_priority = 400
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        # literals, and the code at the head of an ``aws-error`` section
        codes: list[nodes.TextElement] = [
            *self.document.findall(nodes.literal),
            *(
                name
                for name in self.document.findall(addnodes.desc_name)
                if "awserr-code" in name["classes"]
            ),
        ]
        for literal in codes:
            if len(literal.children) != 1 or not isinstance(literal[0], nodes.Text):
                continue
            text = literal.astext()
            if len(text) < MIN_BREAKABLE or " " in text:
                continue
            if _is_code_literal(literal):
                parts = code_parts(text)
            elif _in_error_table(literal):
                parts = [part for part in SEPARATOR_BOUNDARY.split(text) if part]
            else:
                continue
            if len(parts) < 2:
                continue
            children: list[nodes.Node] = [nodes.Text(parts[0])]
            for part in parts[1:]:
                children += [nodes.raw("", BREAK, format="latex"), nodes.Text(part)]
            literal.clear()
            literal.extend(children)


class awserr_index(addnodes.index):
    """General-index entries of a code, whose text LaTeX must not split.

    Other builders read it as Sphinx's ``index`` node (its ``entries``, made safe with
    :func:`~sphinx_awserrors.markup.policy.index_text`). LaTeX writes ``awserr-parts`` (each
    entry's levels as written, and whether it is the main entry) itself, escaped as Sphinx
    escapes index entries: so a ``;`` of a code stays a ``;`` and does not start a sub-entry.
    """


def _index_key(translator: LaTeXTranslator, value: str) -> str:
    """*value* as one level of a ``\\index`` entry, escaped as Sphinx escapes them."""
    value = translator.encode(value)
    value = value.replace(r"\{", r"\sphinxleftcurlybrace{}")
    value = value.replace(r"\}", r"\sphinxrightcurlybrace{}")
    value = value.replace('"', '""').replace("@", '"@').replace("!", '"!')
    return value.replace("|", r"\textbar{}")


def _index_shown(part: str) -> str | None:
    """How a long code is shown in the general index: breakable between its words.

    The index has two narrow columns, where a code such as
    ``ServerSideEncryptionConfigurationNotFoundError`` ran into the next one. ``None`` for
    anything else (shown as its sort key).
    """
    if len(part) < INDEX_MIN_BREAKABLE or not PASCAL_CASE.fullmatch(part):
        return None
    return BREAK.join(code_parts(part))


def visit_index_latex(translator: LaTeXTranslator, node: nodes.Element) -> None:
    """LaTeX: ``\\index{404@\\spxentry{404}!Code@\\spxentry{Code}}``, each level escaped."""
    inline = node.get("inline", True)
    if not inline:
        translator.body.append("\n")
    for parts, main in node["awserr-parts"]:
        keys = [(_index_key(translator, str(part)), _index_shown(str(part))) for part in parts]
        levels = "!".join(f"{key}@\\spxentry{{{shown or key}}}" for key, shown in keys)
        translator.body.append(f"\\index{{{levels}{'|spxpagem' if main else ''}}}")
    if not inline:
        translator.body.append(r"\ignorespaces ")
    raise nodes.SkipNode


def _page_spec_before(node: nodes.Element) -> addnodes.tabular_col_spec | None:
    """The page's own ``tabularcolumns`` right before *node*, if any."""
    parent = node.parent
    if parent is None:
        return None
    position = parent.index(node)
    previous = parent[position - 1] if position > 0 else None
    if isinstance(previous, addnodes.tabular_col_spec) and not previous.get("awserr-default"):
        return previous
    return None


#: Column types of ``tabulary`` (``L``, ``R``, ``C``, ``J``; Sphinx's ``T`` is ``J``) and
#: ``tabularx`` (``X``; Sphinx's own is ``\X``): a long table has none of them.
FOREIGN_COLUMN_TYPES: Final = frozenset("LRCJTX")


class ForeignColumnTypeError(ValueError):
    """A column specification uses a column type that a long table does not have."""

    def __init__(self, column_type: str) -> None:
        super().__init__(column_type)
        self.column_type = column_type


class _UnknownSyntaxError(ValueError):
    """A column specification this module does not read (a user-defined column type)."""


def _group(spec: str, position: int) -> tuple[str, int]:
    """The braced argument at *position*: its content, and the position after it."""
    while position < len(spec) and spec[position].isspace():
        position += 1
    if position >= len(spec) or spec[position] != "{":
        raise _UnknownSyntaxError(spec)
    depth = 0
    for end in range(position, len(spec)):
        if spec[end] == "{":
            depth += 1
        elif spec[end] == "}":
            depth -= 1
            if depth == 0:
                return spec[position + 1 : end], end + 1
    raise _UnknownSyntaxError(spec)


#: How many braced arguments each column type of ``array`` (and Sphinx's) takes.
_COLUMN_ARGUMENTS: Final = {"l": 0, "c": 0, "r": 0, "p": 1, "m": 1, "b": 1, "w": 2, "W": 2}
_MACRO_ARGUMENTS: Final = {"X": 2, "Y": 1}  # Sphinx's \X{a}{b} and \Y{fraction}
_MACRO_NAME = re.compile(r"[A-Za-z]+")


def spec_columns(spec: str) -> int | None:
    r"""The number of columns of a LaTeX column specification (``|l|\X{2}{3}|`` has 2).

    ``None`` when the specification uses syntax this function does not read (a column type
    defined in the preamble); :class:`ForeignColumnTypeError` when it uses a column type of
    ``tabulary`` or ``tabularx``, which a long table does not have.
    """
    try:
        return _count(spec)
    except _UnknownSyntaxError:
        return None


def _count(spec: str) -> int:
    count = 0
    position = 0
    while position < len(spec):
        char = spec[position]
        position += 1
        if char.isspace() or char == "|":
            continue
        if char in "@!<>":  # inter-column material and cell decorations
            _, position = _group(spec, position)
        elif char in _COLUMN_ARGUMENTS:
            for _ in range(_COLUMN_ARGUMENTS[char]):
                _, position = _group(spec, position)
            count += 1
        elif char == "*":
            times, position = _group(spec, position)
            repeated, position = _group(spec, position)
            if not times.strip().isdigit():
                raise _UnknownSyntaxError(spec)
            count += int(times) * _count(repeated)
        elif char == "\\":
            name = _MACRO_NAME.match(spec, position)
            if name is None or name.group() not in _MACRO_ARGUMENTS:
                raise _UnknownSyntaxError(spec)
            position = name.end()
            for _ in range(_MACRO_ARGUMENTS[name.group()]):
                _, position = _group(spec, position)
            count += 1
        elif char in FOREIGN_COLUMN_TYPES:
            raise ForeignColumnTypeError(char)
        else:
            raise _UnknownSyntaxError(spec)
    return count


def _table_columns(node: nodes.Node) -> int | None:
    """The number of columns of the table *node* is, or holds first."""
    for tgroup in node.findall(nodes.tgroup):
        return int(tgroup["cols"])
    return None


def _usable(page_spec: addnodes.tabular_col_spec, table: nodes.Node) -> bool:
    """Whether a long table can take *page_spec*; if not, say why, at the directive."""
    spec = str(page_spec["spec"])
    columns = _table_columns(table)
    try:
        found = spec_columns(spec)
    except ForeignColumnTypeError as exc:
        message = __(
            "tabularcolumns %s: the column type %r is not available in a long table such as "
            "an aws-error-table (use l, c, r, p{width} or \\X{part}{whole}); the table keeps "
            "its own columns"
        ) % (spec, exc.column_type)
    else:
        if found is None or columns is None or found == columns:
            return True
        message = __(
            "tabularcolumns %s: %d columns, but the aws-error-table has %d; the table keeps "
            "its own columns"
        ) % (spec, found, columns)
    warn(message, "table", page_spec)
    return False


class PageColumnSpec(SphinxPostTransform):
    """A ``.. tabularcolumns::`` right before an ``aws-error-table`` wins over the table's own.

    The table puts its column specification right before itself, after the page's, where
    the LaTeX writer would take the table's and silently drop the page's. Before a grouped
    table, the page's specification applies to each of its tables. A specification that a
    long table cannot use is reported and dropped: LaTeX would stop on it.
    """

    default_priority = 400
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for spec in list(self.document.findall(addnodes.tabular_col_spec)):
            parent = spec.parent
            if not spec.get("awserr-default") or parent is None:
                continue
            position = parent.index(spec)
            page_spec = _page_spec_before(spec)
            if page_spec is not None and position + 1 < len(parent):
                if _usable(page_spec, parent[position + 1]):
                    parent.remove(spec)
                else:
                    parent.remove(page_spec)
                continue
            if position == 0 and "awserr-groups" in parent.get("classes", ()):
                page_spec = _page_spec_before(parent)
                if page_spec is None or page_spec.parent is None:
                    continue
                if _usable(page_spec, parent):
                    for own in parent.findall(addnodes.tabular_col_spec):
                        own["spec"] = page_spec["spec"]
                        own["awserr-page"] = True
                page_spec.parent.remove(page_spec)
        for spec in self.document.findall(addnodes.tabular_col_spec):
            if spec.get("awserr-default") and not spec.get("awserr-page"):
                _widths_followed(spec)


def _widths_followed(spec: addnodes.tabular_col_spec) -> None:
    """The table after *spec*, which follows its ``:widths:``, no longer says it ignores them.

    Sphinx reports a table with ``:widths:`` and a column specification as "both
    tabularcolumns and :widths: option are given. :widths: is ignored."; the table's own
    specification is made from ``:widths:``.
    """
    following = spec.next_node(descend=False, siblings=True)
    if isinstance(following, nodes.table) and "colwidths-given" in following["classes"]:
        following["classes"].remove("colwidths-given")


def _keeps_with_next(row: nodes.Element) -> bool:
    """Whether no page break may follow *row*: the first, or the last but one, of a table."""
    body = row.parent
    if "awserr-row" not in row["classes"] or not isinstance(body, nodes.tbody):
        return False
    count = len(body.children)
    position = body.index(row)
    return count >= 2 and position in {0, count - 2}


def visit_row_latex(translator: LaTeXTranslator, node: nodes.Element) -> None:
    """Sphinx's own."""
    type(translator).visit_row(translator, node)  # type: ignore[arg-type]


def depart_row_latex(translator: LaTeXTranslator, node: nodes.Element) -> None:
    """Sphinx's own, with ``\\*`` (no page break) after the first and the last but one row."""
    start = len(translator.body)
    type(translator).depart_row(translator, node)  # type: ignore[arg-type]
    if _keeps_with_next(node) and translator.body[start : start + 1] == ["\\\\\n"]:
        translator.body[start] = "\\\\*\n"


def setup_latex(app: Sphinx) -> None:
    """Register the LaTeX post-transforms and the row ends that keep rows together."""
    app.add_post_transform(BreakableCodes)
    app.add_node(awserr_index, latex=(visit_index_latex, None))
    app.add_post_transform(PageColumnSpec)
    # not app.add_node: that would register docutils' own node class again, and unregistering
    # it at the end of a build (sphinx.testing does) would remove GenericNodeVisitor.visit_row
    app.registry.add_translation_handlers(nodes.row, latex=(visit_row_latex, depart_row_latex))
