"""LaTeX output: long codes may break between their words, other output is untouched."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from sphinx_awserrors.sphinxext.latex import BREAK, code_parts

if TYPE_CHECKING:
    from io import StringIO

    from sphinx.testing.util import SphinxTestApp


@pytest.mark.parametrize(
    ("code", "parts"),
    [
        ("NoSuchKey", ["No", "Such", "Key"]),
        ("MalformedXML", ["Malformed", "XML"]),
        ("XMLParseFailed", ["XML", "Parse", "Failed"]),
        ("XAmzContentSHA256Mismatch", ["X", "Amz", "Content", "SHA256", "Mismatch"]),
        ("InvalidURI", ["Invalid", "URI"]),
        ("Throttling", ["Throttling"]),
    ],
)
def test_code_parts(code: str, parts: list[str]) -> None:
    assert code_parts(code) == parts
    assert "".join(code_parts(code)) == code


@pytest.mark.sphinx("latex", testroot="latex", freshenv=True)
def test_long_codes_may_break_in_latex(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert warning.getvalue() == ""
    # the default file name follows the default project name, which differs across Sphinx versions
    tex = (app.outdir / app.config.latex_documents[0][1]).read_text()
    broken = BREAK.join(["Illegal", "Versioning", "Configuration", "Exception"])
    # in the table row, in the prose reference and in the description's reference
    assert tex.count(broken) >= 2
    assert BREAK.join(["XML", "Document", "Root", "Element"]) in tex
    assert BREAK.join(["No", "Such", "Key"]) not in tex  # short codes fit any column
    assert "not a code" in tex


@pytest.mark.sphinx("text", testroot="latex", freshenv=True)
def test_other_builders_keep_the_code_whole(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert warning.getvalue() == ""
    text = (app.outdir / "index.txt").read_text()
    assert "IllegalVersioningConfigurationException" in text
    assert "allowbreak" not in text
