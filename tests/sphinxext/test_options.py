"""The directives' options: bad values and unknown options are errors on reStructuredText and
MyST pages alike, and the converters keep a rejected value for the message."""

from __future__ import annotations

import re
from importlib.util import find_spec
from typing import TYPE_CHECKING

import pytest
from docutils import nodes
from sphinx import addnodes
from support_build import plain, table_codes

from sphinx_awserrors.catalogue.status import StatusFilter
from sphinx_awserrors.sphinxext.options import InvalidOption
from sphinx_awserrors.sphinxext.table_directive import AwsErrorTable

if TYPE_CHECKING:
    from io import StringIO

    from sphinx.testing.util import SphinxTestApp


@pytest.mark.sphinx("html", testroot="bad-options", freshenv=True)
def test_bad_option_on_a_myst_page_renders_no_table(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    messages = plain(warning.getvalue())
    # myst-parser would drop the bad option and list every entry; only the good table is left
    assert table_codes(app, "index") == [["SlowDown"]]
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


@pytest.mark.sphinx("html", testroot="bad-options", freshenv=True)
def test_bad_option_on_an_rst_page_is_reported_as_docutils_does(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    messages = plain(warning.getvalue())
    assert table_codes(app, "page") == []
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


@pytest.mark.sphinx("html", testroot="bad-options", freshenv=True)
def test_unknown_option_is_an_error_on_both_parsers(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    messages = plain(warning.getvalue())
    # myst-parser would warn, drop the option and list every entry
    assert re.search(
        r'index\.md(\.rst)?:24: ERROR: Error in "aws-error-table" directive:\n'
        r'unknown option: "stauts"\.\n',
        messages,
    )
    assert "Unknown option key" not in messages
    assert table_codes(app, "index") == [["SlowDown"]]
    # on an RST page, docutils' own message, as before
    # Sphinx 7.2 gives docutils' messages no "[docutils]" type
    assert (
        'page.rst:11: ERROR: Error in "aws-error-table" directive:\nunknown option: "stauts".\n\n'
        ".. aws-error-table::\n   :stauts: 4xx"
    ) in messages
    assert table_codes(app, "page") == []
    # the options are still a mapping of the known names
    assert "stauts" not in AwsErrorTable.option_spec
    assert sorted(AwsErrorTable.option_spec)[:3] == ["class", "codes", "columns"]


@pytest.mark.sphinx("html", testroot="bad-options", freshenv=True)
def test_aws_error_with_an_unknown_option_on_a_myst_page(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    messages = plain(warning.getvalue())
    assert re.search(
        r'index\.md(\.rst)?:28: ERROR: Error in "aws-error" directive:\nunknown option: "noindx"\.',
        messages,
    )
    # myst-parser would drop the option: the section would render and be the code's target
    doctree = app.env.get_doctree("index")
    assert not list(doctree.findall(addnodes.desc))
    assert "NoSuchKey" not in app.env.get_domain("aws").canonical  # type: ignore[attr-defined]


@pytest.mark.skipif(find_spec("myst_parser") is None, reason="needs myst-parser")
@pytest.mark.sphinx("html", testroot="myst-flags", freshenv=True)
def test_a_flag_with_a_value_is_an_error_on_a_myst_page(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    messages = plain(warning.getvalue())
    # myst-parser accepts any value of a flag: ":no-index: false" would set it
    assert re.search(
        r'index\.md(\.rst)?:3: ERROR: Error in "aws-error-table" directive:\n'
        # myst-parser 2 reads option values as YAML: false is False
        r'invalid option value: \(option: "no-index"; value: \'(false|False)\'\)\n'
        r'no argument is allowed; "(false|False)" supplied\.',
        messages,
    )
    assert re.search(
        r'index\.md(\.rst)?:8: ERROR: Error in "aws-error" directive:\n'
        r'invalid option value: \(option: "noindex"; value: \'(no|False)\'\)',
        messages,
    )
    assert messages.count("ERROR") == 2
    assert "WARNING" not in messages
    doctree = app.env.get_doctree("index")
    # nothing rendered for either; the valid flag and the valid section are
    captions = [table[0].astext() for table in doctree.findall(nodes.table)]
    assert captions == ["The flag as written"]
    sections = [name.astext() for name in doctree.findall(addnodes.desc_name)]
    assert sections == ["NoSuchKey"]
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert 'href="#awserr-nosuchkey"' in html
