"""HTML of tables and sections, whatever the theme: wrapping codes, ids, headers, stylesheet."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING
from xml.etree import ElementTree

import pytest
from docutils import nodes

from sphinx_awserrors.sphinxext.render import awserr_code, code_parts
from sphinx_awserrors.sphinxext.table_directive import STATIC_DIR

if TYPE_CHECKING:
    from io import StringIO

    from sphinx.testing.util import SphinxTestApp


CSS = (STATIC_DIR / "awserrors.css").read_text(encoding="utf-8")


def css_rules(css: str) -> list[tuple[str, str]]:
    """``(selector, declarations)`` of every rule of *css*, at-rules unwrapped."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    css = re.sub(r"@media[^{]*\{((?:[^{}]*\{[^{}]*\})*)\s*\}", r"\1", css)
    return [(sel.strip(), body.strip()) for sel, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css)]


@pytest.mark.parametrize(
    ("code", "parts"),
    [
        ("NoSuchKey", ["NoSuchKey"]),  # short: whole, as in LaTeX
        ("AccessDenied", ["Access", "Denied"]),
        (
            "IllegalVersioningConfigurationException",
            ["Illegal", "Versioning", "Configuration", "Exception"],
        ),
        ("InvalidSSECustomerKey", ["Invalid", "SSE", "Customer", "Key"]),
        ("Weird.Code_1.Long", ["Weird.", "Code_", "1.", "Long"]),
        ("accessPointNotReady", ["access", "Point", "Not", "Ready"]),
        ("SHA256Mismatch", ["SHA256", "Mismatch"]),
        ("X", ["X"]),
        ("OKOKOKOKOK..", ["OKOKOKOKOK.."]),
    ],
)
def test_code_parts(code: str, parts: list[str]) -> None:
    assert code_parts(code) == parts
    assert "".join(code_parts(code)) == code


@pytest.mark.sphinx("html", testroot="html-codes", freshenv=True)
def test_html_codes_wrap_ids_are_unique_and_headers_are_th(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    assert "WARNING" not in warning.getvalue()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")

    # a long code may break between its words, and only there; the row has the anchor (a link
    # lands the whole row) and its first cell a permalink to it
    assert re.search(
        r'<tr class="awserr-row awserr-row-4xx row-(odd|even)" '
        r'id="awserr-illegalversioningconfigurationexception"><td class="awserr-code"><p>'
        r'<code class="awserr-code docutils literal notranslate"><span class="pre">'
        r"Illegal<wbr />Versioning<wbr />Configuration<wbr />Exception</span></code>"
        r'<a class="headerlink awserr-permalink" '
        r'href="#awserr-illegalversioningconfigurationexception" '
        r'title="Link to this error code">¶</a></p></td>',
        html,
    )

    # every id of the page once (three status tables, a grouped one, an ordinary table, a section)
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert [name for name, count in Counter(ids).items() if count > 1] == []

    tables = re.findall(r'<table class="awserr-table.*?</table>', html, flags=re.DOTALL)
    assert len(tables) == 3 + 2  # 3xx, 4xx, 5xx; grouped: 4xx and 5xx
    for table in tables:
        head = table[table.index("<thead>") : table.index("</thead>")]
        body = table[table.index("<tbody>") : table.index("</tbody>")]
        first_row = body[: body.index("</tr>")]
        assert len(re.findall(r"<th\b", head)) == len(re.findall(r"<td\b", first_row)) > 0
        assert "<th" not in body
    assert re.findall(r'<th class="head"><p>(.*?)</p></th>', tables[0]) == [
        "Code",
        "Status",
        "Reason",
        "Description",
    ]

    # the links have the tooltip, the status cells the class the stylesheet colours
    assert re.search(
        r'<a class="reference internal" href="#awserr-nosuchkey[-\d]*" '
        r'title="404 Not Found: The specified key does not exist',
        html,
    )
    # beside a reason column, the status column shows the number alone
    assert (
        '<td class="awserr-status awserr-status-4xx"><p>'
        '<span class="awserr-status-code">404</span></p></td>'
    ) in html
    # the ordinary table keeps none of the table's classes
    assert '<table class="docutils align-default" id="id1">' in html


@pytest.mark.sphinx("text", testroot="html-codes", freshenv=True)
def test_other_builders_show_the_code_whole(app: SphinxTestApp) -> None:
    app.build()
    doctree = app.env.get_doctree("index")
    codes = list(doctree.findall(awserr_code))
    assert codes
    assert all(isinstance(node, nodes.literal) for node in codes)
    text = (app.outdir / "index.txt").read_text(encoding="utf-8")
    assert '"NoSuchKey"' in text
    assert "wbr" not in text


@pytest.mark.sphinx("epub", testroot="html-codes", freshenv=True)
def test_epub_pages_are_well_formed_xhtml(app: SphinxTestApp) -> None:
    # EPUB readers reject a page that is not XML: the break opportunity must be <wbr />
    app.build()
    page = (app.outdir / "index.xhtml").read_text(encoding="utf-8")
    assert "Illegal<wbr />Versioning<wbr />" in page
    ElementTree.fromstring(page.encode("utf-8"))


def test_stylesheet_touches_only_the_extensions_elements() -> None:
    rules = css_rules(CSS)
    assert rules
    theme_roots = {":root", 'html[data-theme="dark"]', 'body[data-theme="dark"]'}
    theme_roots.add('body[data-theme="auto"]')
    for selectors, body in rules:
        for selector in (s.strip() for s in selectors.split(",")):
            if selector in theme_roots:
                # the theme's root elements only get the extension's custom properties
                declared = re.findall(r"([\w-]+)\s*:", body)
                assert all(name.startswith("--awserr-") for name in declared), selector
            else:
                # the extension's classes, or those of its :awserr: references
                assert ".awserr-" in selector or "code.xref.aws-err" in selector, selector


def test_stylesheet_lets_codes_and_descriptions_wrap() -> None:
    rules = css_rules(CSS)
    nowrap = [sel for sel, body in rules if "nowrap" in body]
    # only the status number (three digits) stays on one line; a code such as
    # IllegalVersioningConfigurationException on one line pushed the table out of the page
    # (awserrors-table.css keeps codes whole only up to a share of the window)
    assert nowrap == ["table.awserr-table td.awserr-status .awserr-status-code"]
    wrapping = {sel for sel, body in rules if "white-space: normal" in body}
    assert any("td.awserr-description" in sel for sel in wrapping)
    assert any("code.awserr-code span.pre" in sel for sel in wrapping)


def test_stylesheet_has_dark_colours_for_every_status_class() -> None:
    rules = dict(css_rules(CSS))
    light = rules[":root"]
    dark = rules['html[data-theme="dark"],\nbody[data-theme="dark"]']
    for klass in ("1xx", "2xx", "3xx", "4xx", "5xx"):
        name = f"--awserr-status-{klass}"
        light_colour = re.search(rf"{name}:\s*(#\w+)", light)
        dark_colour = re.search(rf"{name}:\s*(#\w+)", dark)
        assert light_colour and dark_colour
        assert light_colour[1] != dark_colour[1]
        assert f"var({name})" in CSS
