"""The order check: the entries that break an almost sorted file."""

from __future__ import annotations

import pytest
from support_checks import catalogue, codes, entry, findings

from sphinx_awserrors.checks.order import longest_sorted

SORTED = [
    "AccessDenied",
    "BadDigest",
    "EntityTooLarge",
    "EntityTooSmall",
    "ExpiredToken",
    "InvalidArgument",
    "InvalidURI",
    "MalformedXML",
    "NoSuchBucket",
    "NoSuchKey",
    "NotModified",
    "SlowDown",
]


def run(names: list[str]) -> list[str | None]:
    return codes(findings("order", catalogue(*(entry(n) for n in names))))


def test_sorted_file_is_fine() -> None:
    assert run(SORTED) == []


def test_swapped_pair_reports_the_first_of_the_two() -> None:
    names = SORTED.copy()
    names[2], names[3] = names[3], names[2]
    assert run(names) == ["EntityTooSmall"]


def test_entry_moved_far_away() -> None:
    names = SORTED.copy()
    names.remove("AccessDenied")
    names.insert(8, "AccessDenied")
    found = findings("order", catalogue(*(entry(n) for n in names)))
    assert codes(found) == ["AccessDenied"]
    assert "move it before BadDigest" in found[0].message


def test_case_is_ignored() -> None:
    # InvalidSecurity < InvalidSOAPRequest case-insensitively
    names = ["InvalidAction", "InvalidRange", "InvalidSecurity", "InvalidSOAPRequest", *SORTED[7:]]
    assert run(names) == []


def test_plain_character_order_is_accepted_too() -> None:
    names = [
        "MalformedCSRException",
        "MalformedCertificateException",
        "NoSuchKey",
        "NotModified",
        "SlowDown",
        "TooManyBuckets",
        "UnexpectedContent",
        "ValidationError",
    ]
    assert run(names) == []


def test_unsorted_file_is_not_judged() -> None:
    shuffled = [SORTED[i] for i in (5, 0, 9, 2, 11, 7, 1, 10, 3, 6, 4, 8)]
    assert run(shuffled) == []


def test_short_file_is_not_judged() -> None:
    assert run(["SlowDown", "AccessDenied", "NoSuchKey"]) == []


@pytest.mark.parametrize(
    ("keys", "kept"),
    [
        ("abdc", {0, 1, 3}),
        ("acbd", {0, 2, 3}),
        ("abcedfg", {0, 1, 2, 4, 5, 6}),
        ("", set()),
        ("aab", {0, 1, 2}),
    ],
)
def test_longest_sorted(keys: str, kept: set[int]) -> None:
    assert longest_sorted(list(keys)) == kept
