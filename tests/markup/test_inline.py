"""Parsing skipped for text without markup: exactly what docutils' inliner gives."""

from __future__ import annotations

from types import SimpleNamespace

from docutils import nodes
from docutils.parsers.rst.states import Inliner
from docutils.utils import new_document
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinx_awserrors.markup.inline import default_settings, memo, without_markup

#: every character inline markup uses, and text around them
TEXT = st.lists(
    st.sampled_from(
        [
            *"ab Zz09 .,;!?'\"()<>&{}#%+=~^$-/\t\n",
            *"*`|_[]\\:@",
            "PEP 8",
            "RFC 2822",
            "pep-0008.txt",
            "rfc-1",
            "http://x.y",
            "a@b.c",
            "é",
            "\u2028",
        ]
    ),
    max_size=40,
).map("".join)


def _inliner_result(text: str, *, pep: bool, rfc: bool) -> list[nodes.Node]:
    config = default_settings()
    config.pep_references, config.rfc_references = pep, rfc
    inliner = Inliner()
    inliner.init_customizations(
        SimpleNamespace(character_level_inline_markup=False, pep_references=pep, rfc_references=rfc)
    )
    document = new_document("<test>", config)
    parsed, _messages = inliner.parse(
        text, 1, memo(document, document.reporter, inliner), nodes.paragraph()
    )
    return parsed


@settings(max_examples=300, deadline=None)
@given(TEXT, st.booleans(), st.booleans())
def test_text_without_markup_is_what_the_inliner_gives(text: str, pep: bool, rfc: bool) -> None:
    if not without_markup(text, pep_references=pep, rfc_references=rfc):
        return
    parsed = _inliner_result(text, pep=pep, rfc=rfc)
    assert len(parsed) == 1
    assert isinstance(parsed[0], nodes.Text)
    assert str(parsed[0]) == text


def test_markup_characters_and_references_are_left_to_the_inliner() -> None:
    for text in ("a *b*", "``x``", "|s|", "name_", "[1]_", "a\\b", ":r:`x`", "http://x", "a@b.c"):
        assert not without_markup(text)
    assert without_markup("See PEP 8 and RFC 2822.")
    assert not without_markup("See PEP 8.", pep_references=True)
    assert not without_markup("See RFC 2822.", rfc_references=True)
    assert without_markup("Tom & Jerry <b>not bold</b> (100 %).")
