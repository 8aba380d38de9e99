"""Grammar rules for real slips: a/an before PascalCase names, a dropped "to" or "the",
a plural subject with a singular verb."""

from __future__ import annotations

import pytest

from sphinx_awserrors.checks.grammar import problems


def _phrases(text: str) -> list[tuple[str, str | None]]:
    return [(phrase, fixed) for _, phrase, fixed in problems(text)]


@pytest.mark.parametrize(
    ("text", "phrase", "fixed"),
    [
        ("The object does not have a ObjectLock configuration", "a ObjectLock", "an ObjectLock"),
        ("Send a InventoryConfiguration", "a InventoryConfiguration", "an InventoryConfiguration"),
        ("The update failed due an unsuccessful attempt", "due an", "due to an"),
        ("Wait in order avoid conflicts", "in order avoid", "in order to avoid"),
        ("The key is not allowed to be same as the name", "be same as", "be the same as"),
        ("The parts does not match", "The parts does", "The parts do"),
        (
            "The specified lifecycle configurations does not exist",
            "The specified lifecycle configurations does",
            "The specified lifecycle configurations do",
        ),
    ],
)
def test_slips(text: str, phrase: str, fixed: str) -> None:
    assert (phrase, fixed) in _phrases(text)


@pytest.mark.parametrize(
    "text",
    [
        "Send a UserPool or an UploadId",
        "The list of parts is not in order",
        "The status is not valid",
        "The QuoteFields is invalid",
        "Retry in order to succeed, due to the limits",
        "The access is the same as before",
    ],
)
def test_no_false_alarm(text: str) -> None:
    assert _phrases(text) == []
