"""The ``missing-article`` and ``sibling-description`` checks: a description read against
its neighbours."""

from __future__ import annotations

from support_checks import catalogue, codes, described, entry, findings


def test_missing_article_against_the_file_s_own_usage() -> None:
    cat = described(
        "The SQL expression contains an invalid operator.",
        "Did not find the expected number in the SQL expression.",
        "Did not find the expected keyword in the SQL expression.",
        "Did not find the expected token in the SQL expression.",
        "Cannot mix [] and * in a SELECT list in SQL expression.",
    )
    (found,) = findings("missing-article", cat)
    assert found.code == "Error004"
    assert found.suggestion == "in the SQL"


def test_missing_article_needs_the_majority() -> None:
    cat = described("Use SQL expression syntax.", "Write in SQL expression form.")
    assert findings("missing-article", cat) == []


def test_idioms_without_an_article_are_right() -> None:
    cat = described(
        *(f"Retry in the order {i} given." for i in range(4)), "Retry in order to succeed."
    )
    assert findings("missing-article", cat) == []


def test_a_description_copied_from_a_sibling() -> None:
    cat = catalogue(
        entry("InvalidTagKey", "The tag value is not valid"),
        entry("InvalidTagValue", "The tag value is not valid, unlike the key"),
    )
    (found,) = findings("sibling-description", cat)
    assert found.code == "InvalidTagKey"
    assert "InvalidTagValue" in found.message


def test_swapped_descriptions_are_both_reported() -> None:
    cat = catalogue(
        entry("LexerInvalidOperator", "The SQL expression contains an invalid literal."),
        entry("LexerInvalidLiteral", "The SQL expression contains an invalid operator."),
    )
    assert codes(findings("sibling-description", cat)) == [
        "LexerInvalidOperator",
        "LexerInvalidLiteral",
    ]


def test_a_word_the_file_never_uses_says_nothing() -> None:
    # "redirect" is described as "moved", and no description says "redirect"
    cat = catalogue(
        entry("AccountClassMoved", "The account class has moved permanently."),
        entry("AccountClassRedirect", "The account class has moved temporarily."),
    )
    assert findings("sibling-description", cat) == []
