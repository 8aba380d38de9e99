"""Descriptions as plain text (``description_text``): inline reStructuredText without markup."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinx_awserrors.markup.text import description_text


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


@given(
    st.text(
        alphabet=st.characters(blacklist_characters="*`|_\\[\x00", blacklist_categories=["Cs"]),
        max_size=80,
    )
)
@settings(max_examples=300, deadline=None)
def test_text_without_markup_characters_is_its_own_plain_text(text: str) -> None:
    # the shortcut equals what parsing gives, for any text it takes
    from sphinx_awserrors.markup import text as module

    parsed = "".join(
        node.astext() for node in module.parse_quietly(text, module._plain_interpreted)
    )
    expected = " ".join(parsed.split()) if text.strip() else ""
    assert description_text(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Plain words: a-b, c/d (e) <f> & 'g' \"h\" -- i... https://example.com/x?y=1 a@b.org"],
)
def test_plain_description_equals_the_parsed_text(text: str) -> None:
    from sphinx_awserrors.markup import text as module

    parsed = "".join(
        node.astext() for node in module.parse_quietly(text, module._plain_interpreted)
    )
    assert description_text(text) == " ".join(parsed.split())
