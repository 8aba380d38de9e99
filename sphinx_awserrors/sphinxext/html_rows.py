"""HTML rows written straight from the compact table node: no row nodes for HTML builders.

:mod:`~sphinx_awserrors.sphinxext.lazyrows` keeps a table's rows in one node from reading until
the page is resolved, and then builds them (about fifteen nodes a row) for every builder. For
HTML, those nodes exist only to be walked: by the post-transforms, by the HTML translator, by the
search indexer and, in a large build, by the garbage collector. So for the HTML builders (html,
dirhtml, singlehtml, epub) a post-transform that runs before
:class:`~sphinx_awserrors.sphinxext.lazyrows.ExpandRows` turns each compact node into
:class:`awserr_html_rows` nodes instead, which the HTML translator writes as the ``<tr>``
elements the built rows give, byte for byte: the row's anchor on the ``<tr>``, its permalink,
the filter's classes, the cells, the ``row-odd``/``row-even`` classes.

What is not plain text stays a node: a description with markup or references (its paragraph,
kept since reading, is a child of the node, so references in it are resolved and the sanitiser
sees it as before, and the translator writes it), and a row built while reading (a row with
notes under its description, or with a reason phrase smart quotes change) stays a real row
between two :class:`awserr_html_rows`. The codes, statuses and plain descriptions are also a
text child of the node, so Sphinx's search indexes the same words.

Only when the builder writes with Sphinx's own HTML translator, or a subclass that keeps its
table-row, cell, paragraph, inline and text methods, and no extension replaced the visitors of
those nodes; start tags are made with the translator's own ``starttag``, so a theme that changes
them (the PyData theme's translator does) still gets written rows. Otherwise, and with
``awserrors_html_fast_rows = False`` (for extensions that work on the rows of a resolved
doctree), rows are built as for every other builder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final
from weakref import WeakKeyDictionary

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.html5 import HTML5Translator

from sphinx_awserrors.catalogue.status import reason_phrase, status_class
from sphinx_awserrors.markup import policy
from sphinx_awserrors.sphinxext import lazyrows
from sphinx_awserrors.sphinxext.render import (
    awserr_code,
    code_html,
    code_start_tag,
    visit_code_html,
)
from sphinx_awserrors.sphinxext.table_html import permalink_html

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: Whether HTML builders write rows from their records (tests compare both ways).
ENABLED = True

#: The translator methods the written rows stand in for: a translator that changes one of them
#: gets built rows.
_METHODS: Final = (
    "visit_row",
    "depart_row",
    "visit_entry",
    "depart_entry",
    "visit_paragraph",
    "depart_paragraph",
    "visit_inline",
    "depart_inline",
    "visit_Text",
)

#: Nodes whose visitors an extension may replace (``app.add_node(..., override=True)``).
_NODES: Final = ("row", "entry", "paragraph", "inline", "tbody", "literal")

#: Per build environment: whether its builder gets written rows (decided when it is set up).
_decided: WeakKeyDictionary[BuildEnvironment, bool] = WeakKeyDictionary()


class awserr_html_rows(nodes.Element):
    """Consecutive rows of a table body, written by the HTML translator from ``rows``.

    ``rows`` holds ``(code, status, anchor, description)`` per row, the description being
    ``None`` (none, or no description column), a ``str`` (plain text) or an ``int`` (the index
    of its paragraph among the children); ``columns`` and ``status_reason`` say what the
    cells show. The last child is a text of the rows' words, for the search index.
    """


def _standard_translator(app: Sphinx) -> bool:
    """Whether *app*'s builder writes with Sphinx's own row, cell and text methods."""
    builder = app.builder
    if builder.format != "html":
        return False
    translator = builder.get_translator_class()
    if not isinstance(translator, type) or not issubclass(translator, HTML5Translator):
        return False
    if any(getattr(translator, name) is not getattr(HTML5Translator, name) for name in _METHODS):
        return False
    handlers: dict[str, Any] = app.registry.translation_handlers.get(builder.name, {})
    if any(name in handlers for name in _NODES):
        return False
    # the codes are written as visit_code_html writes them, unless an extension replaced it
    code_handler = handlers.get(awserr_code.__name__)
    return code_handler is None or code_handler[0] is visit_code_html


def _decide(app: Sphinx) -> None:
    _decided[app.env] = bool(
        ENABLED and app.config.awserrors_html_fast_rows and _standard_translator(app)
    )


def split(rows_node: lazyrows.awserr_rows, document: nodes.document) -> list[nodes.Element]:
    """*rows_node* as :class:`awserr_html_rows`, and the rows built while reading between them."""
    columns: list[str] = list(rows_node["columns"])
    status_reason = bool(rows_node["options"].get("status_reason"))
    kept = list(rows_node.children)
    result: list[nodes.Element] = []
    current: awserr_html_rows | None = None
    for record in rows_node["rows"]:
        row = lazyrows.Row(*record)
        if row.built is not None:
            built = kept[row.built]
            assert isinstance(built, nodes.row)
            built.parent = None
            result.append(built)
            current = None
            continue
        if current is None:
            current = awserr_html_rows(
                classes=["awserr-rows"], columns=columns, status_reason=status_reason, rows=[]
            )
            result.append(current)
        description: str | int | None = None
        if isinstance(row.description, int):
            paragraph = kept[row.description]
            paragraph.parent = None
            current += paragraph
            description = len(current.children) - 1
        elif isinstance(row.description, tuple):
            plain = lazyrows.PlainDescription(*row.description)  # type: ignore[arg-type]
            text = plain.rawsource if plain.text is None else plain.text
            # what the sanitiser's post-transform makes of the text of a built row
            description = policy.visible_controls(text, docutils_text=True)
        # the sanitiser's post-transform makes control characters visible in a built row's
        # code as well (the loader refuses them; this keeps the HTML valid if one gets through)
        code = policy.visible_controls(row.code, docutils_text=True)
        current["rows"].append((code, row.status, row.node_id, description))
        if document.ids.get(row.node_id) is rows_node:
            document.ids[row.node_id] = current
    for node in result:
        if isinstance(node, awserr_html_rows):
            node += nodes.Text(_search_text(node))
    return result


def _search_text(node: awserr_html_rows) -> str:
    """The words of *node*'s rows that are not in its kept paragraphs: what search indexes."""
    words: list[str] = []
    for code, status, _anchor, description in node["rows"]:
        words.append(nodes.unescape(code))
        for column in node["columns"]:
            if column == "status":
                words.append(str(status))
                if node["status_reason"]:
                    words.append(reason_phrase(status))
            elif column == "reason":
                words.append(reason_phrase(status))
            elif column == "description" and isinstance(description, str):
                words.append(nodes.unescape(description))
    return "\n".join(words)


#: An id that :meth:`_Tags.row` replaces by each row's anchor in a start tag made once.
_ANCHOR: Final = "awserr-anchor-placeholder"


class _Tags:
    """The start tags of rows, cells and their content, made by the translator once a table.

    Through ``translator.starttag``, as for built rows, so a theme's translator that changes
    start tags (the PyData theme's does) changes these as well.
    """

    def __init__(self, translator: HTML5Translator) -> None:
        self.translator = translator
        start = translator.starttag
        self.paragraph = start(nodes.paragraph(), "p", "")
        self.code = code_start_tag(translator, awserr_code(classes=["awserr-code"]))
        self.status_code = start(nodes.inline(classes=["awserr-status-code"]), "span", "")
        self.status_reason = start(nodes.inline(classes=["awserr-status-reason"]), "span", "")
        self._rows: dict[tuple[str, str], tuple[str, str] | None] = {}
        self._cells: dict[tuple[str, str], str] = {}

    def row(self, klass: str, parity: str, anchor: str) -> str:
        """``<tr ...>`` of a row of status class *klass* with the anchor *anchor*."""
        if (klass, parity) not in self._rows:
            row = nodes.row(classes=["awserr-row", f"awserr-row-{klass}", parity], ids=[_ANCHOR])
            before, found, after = self.translator.starttag(row, "tr", "").partition(_ANCHOR)
            self._rows[klass, parity] = (before, after) if found and _ANCHOR not in after else None
        parts = self._rows[klass, parity]
        if parts is None:  # a start tag that shows the id twice: made for each row
            row = nodes.row(classes=["awserr-row", f"awserr-row-{klass}", parity], ids=[anchor])
            return self.translator.starttag(row, "tr", "")
        return parts[0] + self.translator.attval(anchor) + parts[1]

    def cell(self, column: str, klass: str) -> str:
        """``<td ...>`` of *column* in a row of status class *klass*."""
        key = (column, klass if column == "status" else "")
        tag = self._cells.get(key)
        if tag is None:
            classes = [f"awserr-{column}"]
            if column == "status":
                classes.append(f"awserr-status-{klass}")
            tag = self.translator.starttag(nodes.entry(classes=classes), "td", "")
            self._cells[key] = tag
        return tag


def visit_html_rows(translator: HTML5Translator, node: nodes.Element) -> None:
    """Write the rows of *node* as the HTML translator writes built rows (see the module)."""
    columns: list[str] = node["columns"]
    status_reason: bool = node["status_reason"]
    encode = translator.encode
    body = translator.body
    indices: list[int] = translator._table_row_indices
    tags = _Tags(translator)
    for code, status, anchor, description in node["rows"]:
        indices[-1] += 1
        parity = "row-even" if indices[-1] % 2 == 0 else "row-odd"
        klass = status_class(status)
        body.append(tags.row(klass, parity, anchor))
        for position, column in enumerate(columns):
            body.append(tags.cell(column, klass))
            if column == "description" and isinstance(description, int):
                paragraph = node.children[description]
                assert isinstance(paragraph, nodes.Element)
                body.append(translator.starttag(paragraph, "p", ""))
                for child in paragraph.children:
                    child.walkabout(translator)
            else:
                body.append(tags.paragraph)
                if column == "code":
                    body.append(code_html(translator, nodes.unescape(code), tags.code))
                elif column == "status":
                    body.append(f"{tags.status_code}{status}</span>")
                    reason = reason_phrase(status) if status_reason else ""
                    if reason:
                        body.append(f" {tags.status_reason}{encode(reason)}</span>")
                elif column == "reason":
                    body.append(encode(reason_phrase(status)))
                elif isinstance(description, str):
                    body.append(encode(nodes.unescape(description)))
            if position == 0:
                body.append(permalink_html(translator, anchor))
            body.append("</p></td>\n")
        body.append("</tr>\n")
    raise nodes.SkipNode


def depart_html_rows(translator: HTML5Translator, node: nodes.Element) -> None:
    """Nothing: :func:`visit_html_rows` writes every row."""


class WriteRows(SphinxPostTransform):
    """HTML: each compact table body as :class:`awserr_html_rows`, before rows are built."""

    default_priority = 4  # lazyrows.ExpandRows builds the rows of the others at 5
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        """Replace each compact node, when this build's translator is Sphinx's own."""
        if not _decided.get(self.env, False):
            return
        for rows_node in list(self.document.findall(lazyrows.awserr_rows)):
            rows_node.replace_self(split(rows_node, self.document))


def setup_html_rows(app: Sphinx) -> None:
    """Register the node, its HTML visitor, the post-transform and the setting."""
    app.add_config_value("awserrors_html_fast_rows", True, "html", types=frozenset({bool}))
    app.add_node(awserr_html_rows, html=(visit_html_rows, depart_html_rows))
    app.add_post_transform(WriteRows)
    # after the other extensions' setup: a theme or extension may set its translator then
    app.connect("builder-inited", _decide, priority=900)
