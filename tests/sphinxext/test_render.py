"""Descriptions as nodes (on RST and MyST pages): markup, links, downloads and targets."""

from __future__ import annotations

import re
import shutil
from io import StringIO
from typing import TYPE_CHECKING, Any

import pytest
from docutils import nodes
from sphinx import addnodes
from support_build import plain

from sphinx_awserrors.sphinxext.render import awserr_description

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_description_nodes_on_an_rst_page(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert warning.getvalue() == ""
    doctree = app.env.get_doctree("index")
    rows = {row[0].astext(): row for row in doctree.findall(nodes.row) if row[0].astext()}
    described = rows["NoSuchBucket"][1]
    xref = next(described.findall(addnodes.pending_xref))
    assert (xref["reftarget"], xref["refdomain"], xref["reftype"]) == ("NoSuchKey", "aws", "err")
    # the reference points at the catalogue for its messages, not at the page
    assert xref.source.endswith("errors.yaml")
    assert xref.line == 20
    escaped = rows["InvalidArgument"][1]
    assert not list(escaped.findall(nodes.raw))
    # text, not markup: smart quotes even apply inside the would-be script
    assert escaped.astext() == "Bad <script>alert(“x”)</script> & “quoted” value."


@pytest.mark.sphinx("html", testroot="table-myst", freshenv=True)
def test_description_nodes_on_a_myst_page(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    # the caption is the page's markup (MyST); descriptions are reStructuredText
    assert '<span class="caption-text">Client errors in <em>MyST</em></span>' in html
    assert re.search(
        r'see <a class="reference internal" href="#awserr-nosuchkey" [^>]*>'
        r'<code class="xref [^"]*"><span class="pre">NoSuchKey',
        html,
    )
    assert '<a class="reference external" href="https://example.com/guide">the guide</a>' in html
    assert (
        'The key <code class="docutils literal notranslate"><span class="pre">my-key</span>'
        "</code> does not exist &amp; <em>never</em> did." in html
    )
    # the MyST prose role works beside the table
    assert 'gives <a class="reference internal" href="#awserr-nosuchkey"' in html
    # :sort: -status on a MyST page: 404s first
    table = html[html.index("<table") : html.index("</table>")]
    # (the HTML of a code has a <wbr /> between its words)
    assert re.findall(
        r'<span class="pre">([\w<>]+)</span></code>(?:<a [^>]*>¶</a>)?</p></td>\n'
        r'<td class="awserr-desc',
        table.replace("<wbr />", ""),
    ) == [
        "NoSuchBucket",
        "NoSuchKey",
        "BadMarkup",
    ]

    messages = warning.getvalue()
    # a markup error is reported once, at the description in the catalogue, though shown twice
    assert messages.count("description of BadMarkup") == 1
    assert re.search(
        r"errors\.yaml:10: WARNING: description of BadMarkup: Inline emphasis start-string "
        r"without end-string\. \[awserrors\.description\]",
        messages,
    )
    # a bad option on a MyST page is the error it is on an RST page, naming the file, the line
    # and the token (myst-parser 4.0 appends ".rst" to the file name), and no table is shown
    assert re.search(
        r'index\.md(\.rst)?:11: ERROR: Error in "aws-error-table" directive:\n'
        r'invalid option value: \(option: "status"; value: \'4y\'\)\n'
        r"invalid status filter term '4y'",
        messages,
    )
    assert html.count("<table") == 1
    # the faulty markup is left as text, with no link to a dropped message
    assert '<td class="awserr-description"><p>Broken *emphasis.</p></td>' in html
    assert "problematic" not in html


@pytest.mark.sphinx("html", testroot="table-errors", freshenv=True)
def test_markup_errors_name_the_catalogue(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    messages = warning.getvalue()
    assert re.search(
        r"table-errors/errors\.yaml:7: WARNING: description of BrokenMarkup: Inline emphasis "
        r"start-string without end-string\. \[awserrors\.description\]",
        messages,
    )
    assert re.search(
        r"table-errors/errors\.yaml:7: WARNING: description of BrokenMarkup: Unknown interpreted "
        r'text role "nosuchrole"\. \[awserrors\.description\]',
        messages,
    )
    # a description that parses cleanly (folded YAML, a link, a literal) reports nothing
    assert "description of InternalError" not in messages
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "An *unclosed emphasis and a :nosuchrole:`thing`." in html
    assert (
        'with <a class="reference external" href="https://example.com">a link</a> and '
        '<code class="docutils literal notranslate"><span class="pre">literal</span></code> text.'
    ) in html


@pytest.mark.parametrize("builder", ["html", "latex"])
def test_relative_doc_and_download_in_a_description_name_the_same_on_every_page(
    make_app: Any, rootdir: Path, tmp_path: Path, builder: str
) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-description-links", srcdir)
    warning = StringIO()
    app = make_app(builder, srcdir=srcdir, warning=warning, freshenv=True)
    app.build()
    messages = plain(warning.getvalue())
    assert "unknown document" not in messages
    assert "not readable" not in messages
    for docname in ("index", "sub/page"):
        doctree = app.env.get_and_resolve_doctree(docname, app.builder)
        for description in doctree.findall(awserr_description):
            links = [ref.astext() for ref in description.findall(nodes.reference)]
            assert links == ["Guide", "the guide", "Guide"]
            # :download: reads a file: refused in descriptions (issue 13), shown as text
            assert not list(description.findall(addnodes.download_reference))
            assert "errors.yaml." in description.astext()
    assert "description of SeeGuide: the role :download: is not allowed" in messages
    if builder == "html":
        page = (app.outdir / "sub" / "page.html").read_text(encoding="utf-8")
        assert 'See <a class="reference internal" href="../guide.html"><span class="doc">' in page
        assert 'href="../_downloads/' not in page


@pytest.mark.sphinx("html", testroot="description-targets", freshenv=True)
def test_descriptions_define_no_target_of_the_page(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    messages = plain(warning.getvalue())
    # two descriptions and the page use the same link text: no clash, each link keeps its URI
    assert "Duplicate" not in messages
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert html.count('href="https://example.com/a"') == 2
    assert html.count('href="https://example.com/b"') == 2
    assert 'The page’s own <a class="reference external" href="https://page.example/">' in html
    doctree = app.env.get_doctree("index")
    assert "the guide" in doctree.nameids
    assert doctree.ids[doctree.nameids["the guide"]].get("refuri") == "https://page.example/"
    # an inline target would be defined once per table: reported once, shown as text
    assert messages.count("is an inline target") == 1
    assert re.search(
        r"errors\.yaml:10: WARNING: description of Inline: _`inline target` is an inline target, "
        r"which a catalogue description cannot define .*; shown as plain text "
        r"\[awserrors\.description\]",
        messages,
    )
    assert html.count("An inline target here.") == 2
    # the page's own target of that name is untouched (it was marked a duplicate, and broken)
    assert "Duplicate" not in messages
    assert "undefined label" not in messages
    section_id = doctree.nameids["inline target"]
    assert isinstance(doctree.ids[section_id], nodes.section)
    assert html.count(f'href="#{section_id}"') == 2
