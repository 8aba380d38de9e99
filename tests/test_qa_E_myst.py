"""MyST pages: a flag option given a value is an error, as on reStructuredText pages."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from docutils import nodes
from sphinx import addnodes

if TYPE_CHECKING:
    from io import StringIO

    from sphinx.testing.util import SphinxTestApp

pytest.importorskip("myst_parser")


def _plain(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


@pytest.mark.sphinx("html", testroot="qa-e-myst-flags", freshenv=True)
def test_a_flag_with_a_value_is_an_error_on_a_myst_page(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    messages = _plain(warning.getvalue())
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
