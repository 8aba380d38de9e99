"""QA regressions: bad table options on MyST pages, anchors of odd codes, ``:no-index:`` places."""

from __future__ import annotations

import re
import shutil
from io import StringIO
from typing import TYPE_CHECKING, Any

import pytest
from docutils import nodes
from sphinx import addnodes

from sphinx_awserrors.catalogue.status import StatusFilter
from sphinx_awserrors.sphinxext.domain import anchor_id
from sphinx_awserrors.sphinxext.options import InvalidOption
from sphinx_awserrors.sphinxext.render import awserr_description
from sphinx_awserrors.sphinxext.table_directive import AwsErrorTable

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp


def _plain(text: str) -> str:
    """*text* without colour codes (the test app colours its warnings on some versions)."""
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def _table_codes(app: SphinxTestApp, docname: str) -> list[list[str]]:
    doctree = app.env.get_doctree(docname)
    return [
        [row[0].astext() for row in next(table.findall(nodes.tbody)).children]
        for table in doctree.findall(nodes.table)
    ]


@pytest.mark.sphinx("html", testroot="qa-a-myst-options", freshenv=True)
def test_bad_option_on_a_myst_page_renders_no_table(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    messages = _plain(warning.getvalue())
    # myst-parser would drop the bad option and list every entry; only the good table is left
    assert _table_codes(app, "index") == [["SlowDown"]]
    assert re.search(
        r'index\.md(\.rst)?:7: ERROR: Error in "aws-error-table" directive:\n'
        r'invalid option value: \(option: "status"; value: \'4xy\'\)\n'
        r"invalid status filter term '4xy'",
        messages,
    )
    assert re.search(
        r'index\.md(\.rst)?:11: ERROR: Error in "aws-error-table" directive:\n'
        r'invalid option value: \(option: "sort"; value: \'name\'\)\n'
        r"invalid :sort: value 'name'; allowed: code, status, -status, source\.",
        messages,
    )
    assert "Invalid option value" not in messages  # myst-parser's own warning
    # an empty :exclude: names :exclude:, not :codes:
    assert re.search(
        r'index\.md(\.rst)?:15: ERROR: .*\n.*option: "exclude"; value: None\)\n'
        r":exclude: needs at least one value\.",
        messages,
    )


@pytest.mark.sphinx("html", testroot="qa-a-myst-options", freshenv=True)
def test_bad_option_on_an_rst_page_is_reported_as_docutils_does(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    messages = _plain(warning.getvalue())
    assert _table_codes(app, "page") == []
    # the message, then the directive's text, as docutils reports a converter's ValueError
    assert (
        'page.rst:4: ERROR: Error in "aws-error-table" directive:\n'
        "invalid option value: (option: \"status\"; value: '4xy')\n"
        "invalid status filter term '4xy'; allowed: "
    ) in messages
    assert re.search(r"\.\. aws-error-table::\n   :status: 4xy( \[docutils\])?\n", messages)
    assert re.search(
        r'page\.rst:7: ERROR: .*\n.*option: "exclude"; value: None\)\n'
        r":exclude: needs at least one value\.",
        messages,
    )


def test_option_converters_keep_a_rejected_value() -> None:
    spec = AwsErrorTable.option_spec
    assert isinstance(spec["status"]("4xx,!404"), StatusFilter)
    rejected = spec["status"]("4xy")
    assert isinstance(rejected, InvalidOption)
    assert rejected.argument == "4xy"
    assert rejected.message.startswith("invalid status filter term '4xy'; allowed: ")
    assert spec["exclude"](None) == InvalidOption(None, ":exclude: needs at least one value")
    assert spec["codes"](None) == InvalidOption(None, ":codes: needs at least one value")
    assert spec["widths"]("2 1") == [2, 1]


def test_anchor_ids_keep_leading_digits() -> None:
    assert anchor_id("NoSuchKey") == "awserr-nosuchkey"
    assert anchor_id("3DSecure") == "awserr-3dsecure"
    assert anchor_id("500") == "awserr-500"
    assert anchor_id("Weird.Code_1") == "awserr-weird-code-1"


@pytest.mark.sphinx("html", testroot="qa-a-anchors", freshenv=True)
def test_codes_with_leading_digits_get_their_own_anchor(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'id="(awserr-[^"]*)"', html)
    assert "awserr-3dsecure" in ids
    assert "awserr-dsecure" in ids  # not "awserr-dsecure-1", taken by 3DSecure before
    assert "awserr-500" in ids
    assert "awserr-500-1" in ids  # the aws-error directive on the same page
    assert 'href="#awserr-3dsecure"' in html
    assert 'href="#awserr-dsecure"' in html
    assert 'href="#awserr-500-1"' in html  # the directive is the canonical target
    assert 'id="awserr-"' not in html


@pytest.mark.sphinx("html", testroot="qa-a-anchors", freshenv=True)
def test_reference_to_a_code_shown_only_with_no_index(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    messages = _plain(warning.getvalue())
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


@pytest.mark.sphinx("html", testroot="qa-a-filters", freshenv=True)
def test_exclude_patterns_and_tags_that_match_nothing_are_warnings(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    messages = _plain(warning.getvalue())
    assert (
        "index.rst:4: WARNING: aws-error-table: :exclude: pattern 'NoSuchKye' matches no code "
        "[awserrors.table]"
    ) in messages
    assert (
        "index.rst:8: WARNING: aws-error-table: :tags: no catalogue entry has the tag 'iamm' "
        "[awserrors.table]"
    ) in messages
    # the good pattern, the good tag and a tag in another case are not reported
    assert "'NoSuchB*'" not in messages
    assert messages.count("no catalogue entry has the tag") == 1
    # an empty table gives one warning, not one per option besides
    assert "index.rst:12: WARNING: aws-error-table: no catalogue entry matches" in messages
    assert "index.rst:12: WARNING: aws-error-table: :codes:" not in messages
    assert _table_codes(app, "index") == [["NoSuchKey", "SlowDown"], ["NoSuchKey"]]


@pytest.mark.sphinx("html", testroot="qa-a-anchors", freshenv=True)
def test_aws_error_takes_a_code_with_spaces(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    messages = _plain(warning.getvalue())
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


@pytest.mark.parametrize("builder", ["html", "latex"])
def test_relative_doc_and_download_in_a_description_name_the_same_on_every_page(
    make_app: Any, rootdir: Path, tmp_path: Path, builder: str
) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-qa-a-description", srcdir)
    warning = StringIO()
    app = make_app(builder, srcdir=srcdir, warning=warning, freshenv=True)
    app.build()
    messages = _plain(warning.getvalue())
    assert "unknown document" not in messages
    assert "not readable" not in messages
    for docname in ("index", "sub/page"):
        doctree = app.env.get_and_resolve_doctree(docname, app.builder)
        for description in doctree.findall(awserr_description):
            links = [ref.astext() for ref in description.findall(nodes.reference)]
            assert links == ["Guide", "the guide", "Guide", "errors.yaml"]
            downloads = list(description.findall(addnodes.download_reference))
            assert len(downloads) == 1
            assert downloads[0].get("filename")
    if builder == "html":
        page = (app.outdir / "sub" / "page.html").read_text(encoding="utf-8")
        assert 'See <a class="reference internal" href="../guide.html"><span class="doc">' in page
        assert 'href="../_downloads/' in page


@pytest.mark.sphinx("html", testroot="qa-a-targets", freshenv=True)
def test_descriptions_define_no_target_of_the_page(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    messages = _plain(warning.getvalue())
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


@pytest.mark.sphinx("html", testroot="qa-a-targets", freshenv=True)
def test_a_reference_without_a_code_is_a_warning(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    messages = _plain(warning.getvalue())
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


@pytest.mark.sphinx("html", testroot="qa-a-myst-options", freshenv=True)
def test_unknown_option_is_an_error_on_both_parsers(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    messages = _plain(warning.getvalue())
    # myst-parser would warn, drop the option and list every entry
    assert re.search(
        r'index\.md(\.rst)?:24: ERROR: Error in "aws-error-table" directive:\n'
        r'unknown option: "stauts"\.\n',
        messages,
    )
    assert "Unknown option key" not in messages
    assert _table_codes(app, "index") == [["SlowDown"]]
    # on an RST page, docutils' own message, as before
    # Sphinx 7.2 gives docutils' messages no "[docutils]" type
    assert (
        'page.rst:11: ERROR: Error in "aws-error-table" directive:\nunknown option: "stauts".\n\n'
        ".. aws-error-table::\n   :stauts: 4xx"
    ) in messages
    assert _table_codes(app, "page") == []
    # the options are still a mapping of the known names
    assert "stauts" not in AwsErrorTable.option_spec
    assert sorted(AwsErrorTable.option_spec)[:3] == ["class", "codes", "columns"]


@pytest.mark.sphinx("latex", testroot="qa-a-anchors", freshenv=True)
def test_a_long_code_heading_an_aws_error_section_may_break_in_latex(app: SphinxTestApp) -> None:
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    heading = "\\sphinxbfcode{\\sphinxupquote{Excerpt\\allowbreak{}Directive}}"
    assert heading in tex


@pytest.mark.sphinx("html", testroot="qa-a-myst-options", freshenv=True)
def test_aws_error_with_an_unknown_option_on_a_myst_page(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    messages = _plain(warning.getvalue())
    assert re.search(
        r'index\.md(\.rst)?:28: ERROR: Error in "aws-error" directive:\nunknown option: "noindx"\.',
        messages,
    )
    # myst-parser would drop the option: the section would render and be the code's target
    doctree = app.env.get_doctree("index")
    assert not list(doctree.findall(addnodes.desc))
    assert "NoSuchKey" not in app.env.get_domain("aws").canonical  # type: ignore[attr-defined]


@pytest.mark.sphinx("latex", testroot="qa-a-colspec", freshenv=True)
def test_a_tabularcolumns_before_the_table_wins(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    tex = (app.outdir / "colspec.tex").read_text(encoding="utf-8")
    specs = re.findall(r"\\begin\{longtable\}(\{.*\})", tex)
    # the page's, the table's own, then the page's for each table of the group
    assert specs == [
        "{|p{3cm}|p{8cm}|l|}",
        "{\\X{30}{95}\\X{55}{95}\\X{10}{95}}",
        "{|l|l|l|}",
        "{|l|l|l|}",
    ]
    assert warning.getvalue() == ""
