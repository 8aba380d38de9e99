"""The HTML of aws-error-table without a browser: anchors, permalinks, assets, options, labels.

What a browser does with it is tested in ``tests/sphinxext/browser``.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import pytest
from docutils import nodes
from docutils.utils import new_document

from sphinx_awserrors.sphinxext.table_directive import status_reason_option
from sphinx_awserrors.sphinxext.table_html import LABELS_ID, STATIC_DIR, has_table, labels_json

if TYPE_CHECKING:
    from io import StringIO

    from sphinx.testing.util import SphinxTestApp

SCRIPT = "awserrors-table.js"
STYLE = "awserrors-table.css"


def _labels(html: str) -> dict[str, str]:
    match = re.search(rf'<script id="{LABELS_ID}" type="application/json">(.*?)</script>', html)
    assert match, "no labels"
    labels: dict[str, str] = json.loads(match[1])
    return labels


@pytest.mark.sphinx("html", testroot="table-html", freshenv=True)
def test_the_assets_are_on_the_pages_with_a_table_only(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    assert warning.getvalue() == ""
    index = (app.outdir / "index.html").read_text(encoding="utf-8")
    plain = (app.outdir / "plain.html").read_text(encoding="utf-8")
    quiet = (app.outdir / "quiet.html").read_text(encoding="utf-8")
    assert SCRIPT in index and STYLE in index
    assert _labels(index)["filter"] == "Filter codes"
    assert SCRIPT not in plain and STYLE not in plain and LABELS_ID not in plain
    # every table of the page has :no-filter:: the stylesheet (whole codes, landing), no script
    assert STYLE in quiet and SCRIPT not in quiet
    assert re.search(r'<table class="[^"]*\bawserr-no-filter\b', quiet)
    assert re.search(r'<div class="[^"]*\bawserr-groups\b[^"]*\bawserr-no-filter\b', quiet)
    for name in (SCRIPT, STYLE):
        assert (app.outdir / "_static" / name).is_file()


@pytest.mark.sphinx("html", testroot="table-html", freshenv=True)
def test_rows_carry_their_anchor_a_permalink_and_their_status(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    rows = re.findall(
        r'<tr class="awserr-row awserr-row-(\dxx) [^"]*" id="([^"]+)">(.*?)</tr>', html, re.S
    )
    assert rows
    for klass, row_id, cells in rows:
        # one permalink, to the row itself, and no other anchor in the row
        assert re.findall(r'<a class="headerlink awserr-permalink" href="#([^"]+)"', cells) == [
            row_id
        ]
        assert ' id="' not in cells
        status = re.search(r'<span class="awserr-status-code">(\d+)</span>', cells)
        assert status and status[1][0] == klass[0]
    # the reason phrase follows the number by default, not with :status-reason: no
    assert (
        '<span class="awserr-status-code">404</span> '
        '<span class="awserr-status-reason">Not Found</span>'
    ) in html
    numbers_only = html[html.index("Numbers only") :]
    numbers_only = numbers_only[: numbers_only.index("</table>")]
    assert "awserr-status-reason" not in numbers_only
    assert '<span class="awserr-status-code">503</span></p>' in numbers_only


@pytest.mark.sphinx(
    "html",
    testroot="table-html",
    freshenv=True,
    confoverrides={"awserrors_table_filter": False, "awserrors_status_reason": False},
)
def test_the_filter_and_the_reason_phrase_can_be_turned_off(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    assert warning.getvalue() == ""
    index = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert SCRIPT not in index and LABELS_ID not in index
    assert STYLE in index  # whole codes, landing and permalinks stay
    assert "awserr-status-reason" not in index
    assert "awserr-permalink" in index


@pytest.mark.sphinx("html", testroot="table-html", freshenv=True, confoverrides={"language": "de"})
def test_the_filter_labels_are_translated(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    index = (app.outdir / "index.html").read_text(encoding="utf-8")
    labels = _labels(index)
    assert labels["filter"] == "Codes filtern"
    assert labels["count"] == "{shown} von {total} Codes angezeigt"
    assert 'title="Link zu diesem Fehlercode"' in index


def test_labels_json_cannot_end_its_script_element() -> None:
    text = labels_json()
    assert "<" not in text and ">" not in text and "&" not in text
    assert set(json.loads(text)) >= {"filter", "placeholder", "classes", "count", "sort"}


@pytest.mark.parametrize(("value", "expected"), [("yes", True), ("no", False), (" No ", False)])
def test_status_reason_option(value: str, expected: bool) -> None:
    assert status_reason_option(value) is expected


@pytest.mark.parametrize("value", ["", "true", "maybe", None])
def test_status_reason_option_rejects_other_values(value: str | None) -> None:
    with pytest.raises(ValueError, match="status-reason"):
        status_reason_option(value)


@pytest.mark.sphinx("text", testroot="table-html", freshenv=True)
def test_other_builders_get_no_permalink_and_the_reason_phrase(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    text = (app.outdir / "index.txt").read_text(encoding="utf-8")
    assert "404 Not Found" in text
    assert "¶" not in text


@pytest.mark.sphinx("latex", testroot="table-html", freshenv=True)
def test_latex_keeps_the_first_and_the_last_row_with_a_neighbour(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    bodies = re.findall(r"\\sphinxtableatstartofbodyhook(.*?)\\end\{longtable\}", tex, re.DOTALL)
    assert len(bodies) == 5
    for body in bodies:
        ends = re.findall(r"^\\\\\*?$", body, re.MULTILINE)
        # no page break after the first row nor before the last: no row alone on a page
        expected = ["\\\\"] * len(ends)
        if len(ends) >= 2:
            expected[0] = expected[-2] = "\\\\*"
        assert ends == expected
    # 6 rows: two kept; 2 rows, twice: one each; the groups' single rows: none
    assert sum(re.findall(r"^\\\\\*?$", body, re.MULTILINE).count("\\\\*") for body in bodies) == 4


@pytest.mark.sphinx("epub", testroot="table-html", freshenv=True)
def test_epub_gets_the_whole_table_and_no_script(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    page = (app.outdir / "index.xhtml").read_text(encoding="utf-8")
    assert SCRIPT not in page and LABELS_ID not in page
    # the row keeps its anchor; EPUB has no permalinks, as for headings
    assert re.search(r'<tr class="awserr-row [^"]*" id="awserr-nosuchkey">', page)
    assert "awserr-permalink" not in page


def _assert_filter_and_anchors(html: str) -> None:
    assert SCRIPT in html and STYLE in html
    assert re.search(r'<tr class="awserr-row [^"]*" id="awserr-nosuchkey">', html)
    assert '<a class="headerlink awserr-permalink" href="#awserr-nosuchkey"' in html


@pytest.mark.sphinx("singlehtml", testroot="table-html", freshenv=True)
def test_singlehtml_gets_the_filter_and_row_anchors(app: SphinxTestApp) -> None:
    app.build()
    _assert_filter_and_anchors((app.outdir / "index.html").read_text(encoding="utf-8"))


@pytest.mark.sphinx("dirhtml", testroot="table-html", freshenv=True)
def test_dirhtml_gets_the_filter_and_row_anchors(app: SphinxTestApp) -> None:
    app.build()
    _assert_filter_and_anchors((app.outdir / "index.html").read_text(encoding="utf-8"))
    plain = (app.outdir / "plain" / "index.html").read_text(encoding="utf-8")
    assert SCRIPT not in plain and STYLE not in plain


@pytest.mark.sphinx("latex", testroot="browser", freshenv=True)
def test_latex_index_entries_of_long_codes_may_break(app: SphinxTestApp) -> None:
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    code = "ServerSideEncryptionConfigurationNotFoundError"
    shown = "\\allowbreak{}".join(
        ["Server", "Side", "Encryption", "Configuration", "Not", "Found", "Error"]
    )
    # the sort key stays the code; the two narrow columns of the index may break it
    assert f"\\index{{{code}@\\spxentry{{{shown}}}|spxpagem}}" in tex
    assert "\\index{NoSuchKey@\\spxentry{NoSuchKey}|spxpagem}" in tex  # short codes whole


def test_the_table_stylesheet_touches_only_the_extensions_elements() -> None:
    css = (STATIC_DIR / STYLE).read_text(encoding="utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    css = re.sub(r"@media[^{]*\{((?:[^{}]*\{[^{}]*\})*)\s*\}", r"\1", css)
    selectors = [sel for sel, _body in re.findall(r"([^{}]+)\{([^{}]*)\}", css)]
    assert selectors
    for group in selectors:
        for selector in group.split(","):
            assert ".awserr-" in selector, selector


def test_the_script_needs_no_library() -> None:
    script = (STATIC_DIR / SCRIPT).read_text(encoding="utf-8")
    for library in ("jQuery", "$(", "require(", "import ", "http://", "https://"):
        assert library not in script
    assert len(script.encode("utf-8")) < 16_000  # about the size of sphinx-copybutton's


def test_the_compat_matrix_and_no_filter_tables_get_no_script() -> None:
    def page(*tables: nodes.Element) -> nodes.document:
        document = new_document("page")
        document.extend(tables)
        return document

    compat = nodes.table(classes=["awserr-table", "awserr-compat-table"])
    plain = nodes.table(classes=["awserr-table"])
    quiet = nodes.table(classes=["awserr-table", "awserr-no-filter"])
    grouped = nodes.container("", nodes.table(classes=["awserr-table"]))
    grouped["classes"] = ["awserr-groups", "awserr-no-filter"]
    other = nodes.table(classes=["docutils"])
    assert has_table(page(compat)) and not has_table(page(compat), filtered=True)
    assert has_table(page(quiet, grouped)) and not has_table(page(quiet, grouped), filtered=True)
    assert has_table(page(compat, plain), filtered=True)
    assert not has_table(page(other))
