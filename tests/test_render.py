"""Descriptions: inline reStructuredText as nodes (on RST and MyST pages) and as plain text."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from docutils import nodes
from sphinx import addnodes

from sphinx_awserrors.markup.text import description_text

if TYPE_CHECKING:
    from io import StringIO

    from sphinx.testing.util import SphinxTestApp


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Access denied.", "Access denied."),
        ("The key ``my-key`` is *not* **there**.", "The key my-key is not there."),
        (":awserr:`NoSuchKey`", "NoSuchKey"),
        (
            ":awserr:`the key error <NoSuchKey>` and :aws:err:`!NoSuchBucket`",
            "the key error and NoSuchBucket",
        ),
        (":py:func:`~os.path.join`", "os.path.join"),
        (":abbr:`ACL (access control list)`", "ACL (access control list)"),
        ("See `the guide <https://example.com/a?b=1&c=2>`__.", "See the guide."),
        (
            "See `the guide <https://example.com/>`_ or https://example.org.",
            "See the guide or https://example.org.",
        ),
        (":pep:`8` and :rfc:`7231`", "PEP 8 and RFC 7231"),
        ("`default role`", "default role"),
        ("Keep <script>alert(1)</script> & co.", "Keep <script>alert(1)</script> & co."),
        (r"An escaped \*star\* and a back\\slash.", r"An escaped *star* and a back\slash."),
        ("  A folded\n   description  ", "A folded description"),
        ("An *unclosed emphasis", "An *unclosed emphasis"),
        ("", ""),
    ],
)
def test_description_text(text: str, plain: str) -> None:
    assert description_text(text) == plain


def test_description_text_is_cached() -> None:
    description_text.cache_clear()
    description_text("Cached *text*.")
    description_text("Cached *text*.")
    assert description_text.cache_info().hits == 1


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
        r'<span class="pre">([\w<>]+)</span></code></p></td>\n<td class="awserr-desc',
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
