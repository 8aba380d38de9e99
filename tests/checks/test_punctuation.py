"""The ``punctuation`` check: doubled stops, a missing space before a bracket, mojibake."""

from __future__ import annotations

import pytest
from support_checks import described, findings


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The lifecycle configuration does not exist. .", ". ."),
        ("Access denied, , try again", ", ,"),
        ("Give a storage class[STANDARD|GLACIER] or none", "class["),
        ("Set the value(default 5) first", "value("),
    ],
)
def test_slips(text: str, word: str) -> None:
    (found,) = findings("punctuation", described(text))
    assert found.word == word


def test_mojibake_is_named_with_what_it_stood_for() -> None:
    (found,) = findings("punctuation", described("The cafÃ© is open"))
    assert "mojibake" in found.message
    assert found.suggestion == "é"
    (quote,) = findings("punctuation", described("The key isnâ€™t valid"))
    assert quote.suggestion == "\u2019"


@pytest.mark.parametrize(
    "text",
    [
        "Only COUNT(*) is supported",
        "Wait... then retry",
        "See f(x) in ``value(default)``",
        "A café is open",
        "Use x.y(z) here",
    ],
)
def test_no_false_alarm(text: str) -> None:
    assert findings("punctuation", described(text)) == []
