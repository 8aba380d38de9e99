"""The ``term-spelling`` check: a term AWS hyphenates written open."""

from __future__ import annotations

import pytest
from support_checks import described, findings


@pytest.mark.parametrize(
    ("text", "word", "suggestion"),
    [
        (
            "The body is not well formed multipart/form data.",
            "multipart/form data",
            "multipart/form-data",
        ),
        ("The server side encryption configuration was not found", "server side", "server-side"),
    ],
)
def test_open_terms(text: str, word: str, suggestion: str) -> None:
    (found,) = findings("term-spelling", described(text))
    assert (found.word, found.suggestion) == (word, suggestion)


@pytest.mark.parametrize(
    "text",
    [
        "The encryption is done server side.",  # not before a noun
        "The encryption is server side and fast",  # after a verb
        "The body is multipart/form-data.",
        "More data provided than indicated content length",  # a header name, not a term
    ],
)
def test_no_false_alarm(text: str) -> None:
    assert findings("term-spelling", described(text)) == []
