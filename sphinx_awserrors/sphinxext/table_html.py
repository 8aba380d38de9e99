"""The HTML of aws-error-table: row anchors, a permalink per row, and the filter's assets.

HTML builders only (html, dirhtml, singlehtml, epub). A post-transform moves each row's anchor
from the target in its first cell onto the ``<tr>`` (so a link lands the whole row, below the
theme's sticky header: ``scroll-margin-top`` in ``awserrors-table.css``) and gives the row a
permalink, the ``¶`` Sphinx gives headings. ``awserrors-table.css`` and ``awserrors-table.js``
(filter as you type, status-class toggles, sorting; plain JavaScript) are added only to the
pages that hold a table, with the filter's labels in the project's language as a small JSON
block. ``awserrors_table_filter = False`` (or ``:no-filter:`` on a table) leaves the filter out;
the full table is always in the HTML.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_awserrors.sphinxext.locale import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

STATIC_DIR: Final = Path(__file__).resolve().parent / "static"

#: The table's stylesheet and script, copied to ``_static``.
ASSETS: Final = ("awserrors-table.css", "awserrors-table.js")

#: The id of the JSON block that holds the filter's labels.
LABELS_ID: Final = "awserr-table-labels"

#: The class of a table (or group container) that gets no filter.
NO_FILTER: Final = "awserr-no-filter"


class awserr_permalink(nodes.Element):
    """The permalink of a row: ``<a class="headerlink" href="#<row id>">`` (HTML only)."""


def permalink_html(translator: HTML5Translator, refid: str) -> str:
    """The permalink to the row *refid*, or nothing when the builder gives no permalinks."""
    config = translator.config
    if not (config.html_permalinks and getattr(translator.builder, "add_permalinks", True)):
        return ""
    title = translator.attval(_("Link to this error code"))
    href = translator.attval("#" + refid)
    return (
        f'<a class="headerlink awserr-permalink" href="{href}" title="{title}">'
        f"{config.html_permalinks_icon}</a>"
    )


def visit_permalink_html(translator: HTML5Translator, node: nodes.Element) -> None:
    """HTML: the theme's permalink icon linking to the row, as Sphinx links its headings."""
    translator.body.append(permalink_html(translator, node["refid"]))
    raise nodes.SkipNode


def depart_permalink_html(translator: HTML5Translator, node: nodes.Element) -> None:
    """Nothing: :func:`visit_permalink_html` writes the whole link."""


class RowAnchors(SphinxPostTransform):
    """HTML: each row's anchor on the ``<tr>``, and a permalink in its first cell."""

    default_priority = 200
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        """Move the anchors and add the permalinks."""
        for table in list(self.document.findall(nodes.table)):
            if "awserr-table" not in table["classes"]:
                continue
            for row in table.findall(nodes.row):
                if "awserr-row" in row["classes"]:
                    self._anchor(row)

    def _anchor(self, row: nodes.row) -> None:
        cell = row[0] if row.children else None
        if not isinstance(cell, nodes.entry) or not cell.children:
            return
        paragraph = cell[0]
        if not isinstance(paragraph, nodes.paragraph) or not paragraph.children:
            return
        target = paragraph[0]
        if not isinstance(target, nodes.target) or not target["ids"]:
            return
        row["ids"] = list(target["ids"]) + [i for i in row["ids"] if i not in target["ids"]]
        for node_id in target["ids"]:
            if self.document.ids.get(node_id) is target:
                self.document.ids[node_id] = row
        paragraph.remove(target)
        paragraph += awserr_permalink(refid=row["ids"][0])


def has_table(doctree: nodes.document, *, filtered: bool = False) -> bool:
    """Whether *doctree* holds an aws-error-table (one that gets a filter, if *filtered*)."""
    for table in doctree.findall(nodes.table):
        if "awserr-table" not in table["classes"]:
            continue
        if not filtered:
            return True
        parent = table.parent
        group = parent["classes"] if isinstance(parent, nodes.Element) else []
        # the aws-error-compat matrix (awserr-compat-table) gets no filter either
        unfiltered = {NO_FILTER, "awserr-compat-table"}
        if not unfiltered & {*table["classes"], *group}:
            return True
    return False


def labels() -> dict[str, str]:
    """The filter's labels in the project's language (``{name}`` fields are filled in by JS)."""
    texts = {
        "filter": _("Filter codes"),
        "placeholder": _("Code or description"),
        "classes": _("Status classes"),
        "count": _("{shown} of {total} codes shown"),
        "toggle": _("Show {class} codes ({count} match)"),
        "sort": _("Sort by {column}"),
        "empty": _("No code matches the filter."),
    }
    return {name: str(text) for name, text in texts.items()}


def labels_json() -> str:
    """:func:`labels` as JSON that is safe inside ``<script>`` (no ``</script>``, no ``<!--``)."""
    text = json.dumps(labels(), ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def copy_assets(app: Sphinx) -> None:
    """Copy the table's stylesheet and script to ``_static`` of HTML builders."""
    if app.builder.format != "html":
        return
    # copied, not added to html_static_path: a config value changed here is pickled with the
    # environment, and Sphinx then reports "the configuration has changed" on every build
    target = Path(app.outdir) / "_static"
    target.mkdir(parents=True, exist_ok=True)
    for name in ASSETS:
        shutil.copyfile(STATIC_DIR / name, target / name)


def add_page_assets(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """On a page that holds a table: the stylesheet, and the filter unless it is turned off."""
    if doctree is None or not has_table(doctree):
        return
    app.add_css_file("awserrors-table.css")
    # an e-book shows the whole table, as print does: no script in EPUB
    if app.builder.name.startswith("epub"):
        return
    if app.config.awserrors_table_filter and has_table(doctree, filtered=True):
        app.add_js_file(None, body=labels_json(), type="application/json", id=LABELS_ID)
        app.add_js_file("awserrors-table.js", defer="defer")


def setup_table_html(app: Sphinx) -> None:
    """Register the post-transform, the permalink node, the config value and the asset hooks."""
    app.add_config_value("awserrors_table_filter", True, "html", types=frozenset({bool}))
    app.add_node(awserr_permalink, html=(visit_permalink_html, depart_permalink_html))
    app.add_post_transform(RowAnchors)
    app.connect("builder-inited", copy_assets)
    app.connect("html-page-context", add_page_assets)
