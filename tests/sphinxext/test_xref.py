"""``:awserr:``/``:awsstatus:`` references, the ``aws-error`` directive and the indices, built.

One build of ``tests/roots/test-xref`` per builder serves the read-only tests of this module;
scenarios that need their own configuration use the ``app`` and ``warning`` fixtures.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from support_build import plain
from support_xref import Built, awserrors_warnings, build, copy_root, inventory, links, paragraph

if TYPE_CHECKING:
    from collections.abc import Iterator
    from io import StringIO

    from sphinx.testing.util import SphinxTestApp


# --- fixtures ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    yield build(copy_root("xref", tmp_path_factory.mktemp("html")))


# --- role forms ----------------------------------------------------------------------------


def test_plain_form_links_code_as_literal_with_tooltip(html: Built) -> None:
    (link,) = links(paragraph(html.read("index.html"), "Plain:"))
    assert link.href == "catalogue.html#awserr-nosuchkey"
    assert link.text == "NoSuchKey"
    assert link.inner.startswith("code")


def test_explicit_title_is_prose(html: Built) -> None:
    (link,) = links(paragraph(html.read("index.html"), "Titled:"))
    assert link.href == "catalogue.html#awserr-nosuchkey"
    assert link.text == "the key error"
    assert "code" not in link.inner
    assert link.title and link.title.startswith("404 Not Found:")


def test_bang_form_does_not_link(html: Built) -> None:
    para = paragraph(html.read("index.html"), "Unlinked:")
    assert links(para) == []
    assert '<span class="pre">NoSuchKey</span></code>' in para


def test_domain_form(html: Built) -> None:
    (link,) = links(paragraph(html.read("index.html"), "Domain form:"))
    assert (link.href, link.text) == ("details.html#awserr-accessdenied", "AccessDenied")


def test_tooltip_is_status_and_plain_description(html: Built) -> None:
    (link,) = links(paragraph(html.read("index.html"), "Plain:"))
    # the catalogue says: The specified *key* does not exist, see ``GetObject`` & <retry>.
    assert link.title == (
        "404 Not Found: The specified key does not exist, see GetObject & <retry>."
    )


# --- canonical targets ----------------------------------------------------------------------


def test_first_table_row_by_docname_is_canonical(html: Built) -> None:
    # "catalogue" sorts before "more": both show NoSuchKey, the reference on "more" leaves it
    (link,) = links(paragraph(html.read("more.html"), "A key:"))
    assert link.href == "catalogue.html#awserr-nosuchkey"


def test_aws_error_directive_beats_table_rows(html: Built) -> None:
    hrefs = {link.text: link.href for link in links(paragraph(html.read("refs.html"), "Slow:"))}
    assert hrefs == {
        "SlowDown": "catalogue.html#awserr-slowdown",
        "AccessDenied": "details.html#awserr-accessdenied",
    }


def test_no_duplicate_label_warnings(html: Built) -> None:
    assert "duplicate" not in html.warnings


# --- the aws-error directive ---------------------------------------------------------------


def test_directive_renders_code_status_description_and_body(html: Built) -> None:
    page = html.read("details.html")
    match = re.search(r'<dl class="aws error awserr-error">(.*?)</dl>', page, re.DOTALL)
    assert match
    block = match.group(1)
    assert 'id="awserr-accessdenied"' in block
    assert ">AccessDenied<" in block
    assert '<span class="pre">403</span> <span class="pre">Forbidden</span>' in block
    assert '<p class="awserr-description">Access denied.</p>' in block
    assert "<p>Check the bucket policy.</p>" in block
    # a reference in the body resolves like any other
    assert 'href="catalogue.html#awserr-nosuchbucket"' in block


def test_directive_with_unknown_code_warns_with_suggestion(html: Built) -> None:
    srcdir = html.app.srcdir
    assert (
        "details.rst:10: WARNING: aws-error: unknown code 'NoSuchKeyy'; did you mean "
        "NoSuchKey? [awserrors.directive]"
    ) in awserrors_warnings(html.warnings, Path(srcdir))
    # it still renders its body, but is no cross-reference target
    assert "A code the catalogue lacks." in html.read("details.html")
    assert "NoSuchKeyy" not in html.read("genindex.html")
    assert "NoSuchKeyy" not in html.read("aws-errorindex.html")


@pytest.mark.sphinx("text", testroot="xref", srcdir="xref-text")
def test_directive_in_text_output(app: SphinxTestApp) -> None:
    app.build()
    text = (Path(app.outdir) / "details.txt").read_text(encoding="utf-8")
    assert "AccessDenied 403 Forbidden\n\n   Access denied.\n\n   Check the bucket policy." in text


# --- unknown and unshown codes --------------------------------------------------------------


def test_warnings(html: Built) -> None:
    assert awserrors_warnings(html.warnings, Path(html.app.srcdir)) == [
        "details.rst:10: WARNING: aws-error: unknown code 'NoSuchKeyy'; did you mean "
        "NoSuchKey? [awserrors.directive]",
        # one warning per code, at its first reference (refs.rst has the same typo)
        "index.rst:21: WARNING: unknown AWS error code 'NoSuchKye'; did you mean NoSuchKey? "
        "[awserrors.ref]",
        "index.rst:23: WARNING: NotShown is in the catalogue but no aws-error-table row or "
        "aws-error directive shows it, so the reference is plain text; show the code, or set "
        "awserrors_external_url [awserrors.ref]",
        "status.rst:10: WARNING: invalid HTTP status '4o4' in :awsstatus:; give a status "
        "from 100 to 599 (404) or a status class (4xx) [awserrors.ref]",
    ]


def test_unknown_code_is_plain_literal(html: Built) -> None:
    para = paragraph(html.read("index.html"), "Typo:")
    assert links(para) == []
    assert '<span class="pre">NoSuchKye</span>' in para


def test_unshown_code_is_text_with_tooltip(html: Built) -> None:
    para = paragraph(html.read("index.html"), "Not shown:")
    assert links(para) == []
    assert '<abbr title="400 Bad Request: A code that no page shows.">' in para


@pytest.mark.sphinx(
    "html",
    testroot="xref",
    srcdir="xref-external",
    confoverrides={"awserrors_external_url": "https://docs.example.com/{code}.html#{code_lower}"},
)
def test_external_url_for_unshown_codes(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    (link,) = links(paragraph(page, "Not shown:"))
    assert link.href == "https://docs.example.com/NotShown.html#notshown"
    assert link.title == "400 Bad Request: A code that no page shows."
    # shown codes still link inside the project; unknown codes get no URL
    (plain,) = links(paragraph(page, "Plain:"))
    assert plain.href == "catalogue.html#awserr-nosuchkey"
    assert links(paragraph(page, "Typo:")) == []
    assert "NotShown is in the catalogue" not in warning.getvalue()
    assert "unknown AWS error code 'NoSuchKye'" in warning.getvalue()


# --- :awsstatus: ------------------------------------------------------------------------------


def test_status_links_to_the_table_listing_its_class(html: Built) -> None:
    page = html.read("status.html")
    (link,) = links(paragraph(page, "Missing:"))
    assert (link.text, link.title) == ("404 Not Found", "4xx Client Error")
    assert link.href.startswith("catalogue.html#awserr-table")
    (klass,) = links(paragraph(page, "Class:"))
    assert (klass.text, klass.href) == ("5xx Server Error", link.href)


def test_status_without_table_is_text(html: Built) -> None:
    page = html.read("status.html")
    assert links(paragraph(page, "Redirect:")) == []
    assert "307 Temporary Redirect" in paragraph(page, "Redirect:")
    assert links(paragraph(page, "Bad:")) == []


# --- indices, labels, inventory, search ------------------------------------------------------


def test_general_index_has_canonical_targets_only(html: Built) -> None:
    page = html.read("genindex.html")
    hrefs = [link.href for link in links(page)]
    assert hrefs.count("details.html#awserr-accessdenied") == 2  # code, and under 403
    assert "catalogue.html#awserr-accessdenied" not in hrefs
    assert hrefs.count("catalogue.html#awserr-nosuchkey") == 2
    assert "more.html#awserr-nosuchkey" not in hrefs
    assert re.search(r"<li>\s*404\s*<ul>\s*<li><a href=\"catalogue.html#awserr-nosuchbucket", page)


def test_domain_index_groups_by_status_class(html: Built) -> None:
    page = html.read("aws-errorindex.html")
    assert "AWS error code index" in page
    table = page[page.index('<table class="indextable') :]
    client, server = table.index("4xx Client Error"), table.index("5xx Server Error")
    assert client < table.index("NoSuchKey") < server < table.index("SlowDown")
    assert "404 Not Found" in table
    assert "The specified key does not exist, see GetObject &amp; &lt;retry&gt;." in page
    # :ref:`aws-errorindex` reaches it; the standard label of a code reaches its target
    hrefs = {link.text: link.href for link in links(paragraph(html.read("other.html"), "The"))}
    assert hrefs == {
        "AWS error code index": "aws-errorindex.html",
        "NoSuchKey": "catalogue.html#awserr-nosuchkey",
    }


def test_objects_inv(html: Built) -> None:
    rows = inventory(html.outdir / "objects.inv")
    errors = sorted((n, u) for n, k, u, _d in rows if k == "aws:error")
    assert errors == [
        ("AccessDenied", "details.html#awserr-accessdenied"),
        ("InternalError", "catalogue.html#awserr-internalerror"),
        ("NoSuchBucket", "catalogue.html#awserr-nosuchbucket"),
        ("NoSuchKey", "catalogue.html#awserr-nosuchkey"),
        ("SlowDown", "catalogue.html#awserr-slowdown"),
    ]
    labels = {n: (u, d) for n, k, u, d in rows if k == "std:label" and n.startswith("awserr-")}
    assert labels["awserr-accessdenied"] == ("details.html#awserr-accessdenied", "AccessDenied")
    assert len(labels) == 5


def test_search_index_has_the_codes(html: Built) -> None:
    script = html.read("searchindex.js")
    assert '"aws:error"' in script
    for code in ("AccessDenied", "NoSuchKey", "SlowDown"):
        assert f'"awserr-{code.lower()}", "{code}"]' in script.replace("'", '"').replace(
            '","', '", "'
        )


@pytest.mark.sphinx("latex", testroot="xref", srcdir="xref-latex")
def test_latex_index_entries(app: SphinxTestApp) -> None:
    app.build()
    tex = (Path(app.outdir) / "xref.tex").read_text(encoding="utf-8")
    assert tex.count(r"\index{NoSuchKey@\spxentry{NoSuchKey}|spxpagem}") == 1
    assert r"\index{403@\spxentry{403}!AccessDenied@\spxentry{AccessDenied}}" in tex
    assert r"\hyperref[\detokenize{details:awserr-accessdenied}]" in tex


@pytest.mark.sphinx("man", testroot="xref", srcdir="xref-man")
def test_man_builds(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert "Traceback" not in warning.getvalue()
    assert list(Path(app.outdir).glob("*.1"))


@pytest.mark.sphinx("html", testroot="xref-myst")
def test_roles_and_directive_in_myst(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    # the aws-error directive beats the table row on the same page, whose anchor gets a suffix
    (plain,) = links(paragraph(page, "Plain:"))
    assert (plain.href, plain.text) == ("#awserr-nosuchkey-1", "NoSuchKey")
    assert plain.title == "404 Not Found: The specified key does not exist."
    (titled,) = links(paragraph(page, "Titled:"))
    assert (titled.href, titled.text) == ("#awserr-nosuchkey-1", "the key")
    (status,) = links(paragraph(page, "Status:"))
    assert status.text == "503 Service Unavailable"
    assert "<p>Check the <strong>key</strong> name; see <a" in page
    assert awserrors_warnings(warning.getvalue(), Path(app.srcdir)) == []


@pytest.mark.sphinx("html", testroot="odd-codes", freshenv=True)
def test_reference_to_a_code_shown_only_with_no_index(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    messages = plain(warning.getvalue())
    for code in ("Excerpt", "ExcerptDirective"):
        assert (
            f"index.rst:16: WARNING: {code} is shown only where :no-index: is set "
            "(aws-error-table rows or aws-error directives), which are not link targets, so the "
            "reference is plain text; remove :no-index: from one of them, or set "
            "awserrors_external_url [awserrors.ref]"
        ) in messages
        assert f"{code} is in the catalogue but no" not in messages
    # a code shown nowhere keeps its message
    assert (
        "index.rst:16: WARNING: NotShown is in the catalogue but no aws-error-table row or "
        "aws-error directive shows it"
    ) in messages
    domain = app.env.get_domain("aws")
    assert domain.hidden_codes() == {"Excerpt", "ExcerptDirective", "Two Words"}  # type: ignore[attr-defined]
    assert "Excerpt" not in domain.canonical  # type: ignore[attr-defined]


@pytest.mark.sphinx("html", testroot="odd-codes", freshenv=True)
def test_aws_error_takes_a_code_with_spaces(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    messages = plain(warning.getvalue())
    assert "argument(s) allowed" not in messages
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert 'id="awserr-two-words"' in html
    assert "A code with a space." in html
    canonical = app.env.get_domain("aws").canonical  # type: ignore[attr-defined]
    assert canonical["Two Words"].node_id == "awserr-two-words"
    # an argument over two lines is the same code (whitespace as in a reference)
    assert 'id="awserr-two-words-1"' in html
    assert "unknown code 'Two" not in messages
    # words after a code are part of it: an unknown code, with the suggestion
    assert (
        "index.rst:21: WARNING: aws-error: unknown code 'DSecure extra'; did you mean DSecure "
        "or 3DSecure? [awserrors.directive]"
    ) in messages


@pytest.mark.sphinx("html", testroot="description-targets", freshenv=True)
def test_a_reference_without_a_code_is_a_warning(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    messages = plain(warning.getvalue())
    for rawtext in (":awserr:`!`", ":awserr:`title <>`", ":aws:err:`!t < >`"):
        assert (
            f"index.rst:18: WARNING: no error code in {rawtext}; write the code, as in "
            ":awserr:`NoSuchKey` [awserrors.ref]"
        ) in messages
    assert "unknown AWS error code ''" not in messages
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert (
        'Empty: <span class="xref aws aws-err">:awserr:`!`</span>, '
        '<span class="xref aws aws-err">title</span>, <span class="xref aws aws-err">t</span>.'
    ) in html
