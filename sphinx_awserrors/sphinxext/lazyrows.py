"""Table rows kept compact from reading to writing: one node for all rows of a table.

An ``aws-error-table`` of 5,000 entries is about 75,000 docutils nodes. Between reading and
writing, Sphinx's and docutils' read transforms walk each of them (about thirty walks), the
doctree is pickled, and in a serial build it waits in memory until its page is written, where
the cyclic garbage collector walks it again and again. None of that does anything to the rows.

So while a table is read, its rows are recorded in one :class:`awserr_rows` node: for each row
the code, the status, the anchor and the description. A description is parsed while reading as
before (its warnings, translation, the references it makes and the restrictions of the security
policy happen then), but kept as nodes only when it is more than plain text, or has something
that smart quotes would change; otherwise as its text. The first post-transform of every
builder (:class:`ExpandRows`, before references are resolved) builds the real rows with
:func:`sphinx_awserrors.sphinxext.table_directive.build_row`, the code the directive used
before, so every later step (reference resolution, the HTML anchors and permalinks, the search
index, LaTeX, text, man, Texinfo) sees the same table as before.

While messages are extracted for translation (the ``gettext`` builder), rows are built at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_awserrors.sphinxext.render import awserr_description
from sphinx_awserrors.sphinxext.smartquotes import ACTIVE

__all__ = ["ACTIVE", "PlainDescription", "Row", "awserr_rows", "expand"]

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sphinx.application import Sphinx


#: Whether tables record their rows compactly (tests compare the output with both ways).
ENABLED = True


class PlainDescription(NamedTuple):
    """A description whose nodes are one text: what rebuilds its :class:`awserr_description`."""

    rawsource: str
    source: str | None
    line: int | None
    #: the ``translated`` attribute of the node, when it had one
    translated: bool | None
    #: the text; ``None`` when it is *rawsource*
    text: str | None


class Row(NamedTuple):
    """One row of a table, as recorded while reading."""

    code: str
    status: int
    node_id: str
    #: ``None``: no description (or no description column); an ``int``: the index of the
    #: paragraph among the :class:`awserr_rows` node's children; else the fields of a
    #: :class:`PlainDescription`
    description: tuple[object, ...] | int | None
    #: the index of the whole row among the children, when it was built while reading (its
    #: text has something for smart quotes besides the description: ``418 I'm a teapot``)
    built: int | None = None


class awserr_rows(nodes.Element):
    """The rows of one table body until they are built (see the module's docstring).

    ``columns`` and ``options`` are what :func:`build_row` needs besides each :class:`Row`
    (``rows``); the children are the paragraphs of the descriptions kept as nodes.
    """


def plain_description(parsed: Sequence[nodes.Node]) -> PlainDescription | None:
    """*parsed* (the result of ``description_nodes``) as text, or ``None`` if it is more."""
    if len(parsed) != 1:
        return None
    node = parsed[0]
    if not isinstance(node, awserr_description) or len(node.children) != 1:
        return None
    text = node.children[0]
    if not isinstance(text, nodes.Text) or ACTIVE.search(str(text)):
        return None
    if (
        set(node.attributes)
        - {"ids", "classes", "names", "dupnames", "backrefs", "code"}
        - {"translated"}
    ):
        return None  # an attribute the rebuilt node would lack
    if node.get("code") is None:
        return None
    rawsource = node.rawsource
    translated = node.get("translated")
    return PlainDescription(
        rawsource,
        node.source,
        node.line,
        None if translated is None else bool(translated),
        None if str(text) == rawsource else str(text),
    )


def description_from(plain: PlainDescription, code: str) -> awserr_description:
    """The :class:`awserr_description` that :func:`plain_description` recorded."""
    node = awserr_description(plain.rawsource, code=code)
    node.source, node.line = plain.source, plain.line
    if plain.translated is not None:
        node["translated"] = plain.translated
    node += nodes.Text(plain.rawsource if plain.text is None else plain.text)
    return node


#: The function that builds a row: (code, status, node id, description nodes, columns, options)
#: -> the row and its anchor. Registered by the table directive's module, which imports this one.
_builder: list[Callable[..., tuple[nodes.row, nodes.target]]] = []


def set_row_builder(builder: Callable[..., tuple[nodes.row, nodes.target]]) -> None:
    """Register the function that builds a row (``table_directive.build_row``)."""
    _builder[:] = [builder]


def expand(rows_node: awserr_rows, document: nodes.document) -> list[nodes.row]:
    """The rows recorded in *rows_node*, built; the page's ids point at their anchors."""
    build = _builder[0]
    columns: list[str] = rows_node["columns"]
    options: dict[str, Any] = rows_node["options"]
    kept = list(rows_node.children)
    result: list[nodes.row] = []
    for record in rows_node["rows"]:
        row_data = Row(*record)
        if row_data.built is not None:
            built_row = kept[row_data.built]
            assert isinstance(built_row, nodes.row)
            built_row.parent = None
            result.append(built_row)
            continue
        description: list[nodes.Node] = []
        if isinstance(row_data.description, tuple):
            plain = PlainDescription(*row_data.description)  # type: ignore[arg-type]
            description = [description_from(plain, row_data.code)]
        row, target = build(
            row_data.code, row_data.status, row_data.node_id, description, columns, options
        )
        if isinstance(row_data.description, int):
            # the paragraph kept while reading (it went through the read transforms) takes the
            # place of the empty one built, keeping what the row put before the description
            cell = _description_cell(row, columns)
            if cell is not None and cell.children:
                built = cell[0]
                paragraph = kept[row_data.description]
                assert isinstance(built, nodes.Element) and isinstance(paragraph, nodes.Element)
                paragraph.parent = None
                for index, child in enumerate(list(built.children)):
                    paragraph.insert(index, child)
                cell.children = []
                cell += paragraph
        if document.ids.get(row_data.node_id) is rows_node:
            document.ids[row_data.node_id] = target
        result.append(row)
    return result


def _description_cell(row: nodes.row, columns: list[str]) -> nodes.entry | None:
    if "description" not in columns:
        return None
    cell = row.children[columns.index("description")]
    return cell if isinstance(cell, nodes.entry) else None


class ExpandRows(SphinxPostTransform):
    """Build the rows of every :class:`awserr_rows`, before anything else resolves the page."""

    default_priority = 5  # Sphinx resolves references at 10

    def run(self, **kwargs: Any) -> None:
        """Replace each compact node by its rows."""
        for rows_node in list(self.document.findall(awserr_rows)):
            rows_node.replace_self(expand(rows_node, self.document))


def setup_lazyrows(app: Sphinx) -> None:
    """Register the compact node and its post-transform."""
    app.add_node(awserr_rows)
    app.add_post_transform(ExpandRows)
