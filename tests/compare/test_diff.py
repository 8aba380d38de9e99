"""compare.diff: the changes between two releases and their classes."""

from __future__ import annotations

import pytest

from sphinx_awserrors.catalogue import Catalogue, ErrorEntry
from sphinx_awserrors.compare.diff import counts, diff, rewording_class


def entry(code: str, status: int, description: str = "", **extra: object) -> ErrorEntry:
    return ErrorEntry(code, status, description or f"About {code}.", **extra)  # type: ignore[arg-type]


def changes_of(old: list[ErrorEntry], new: list[ErrorEntry]) -> list[tuple[str, str, str]]:
    return [
        (c.code, c.kind, c.change_class) for c in diff(Catalogue(tuple(old)), Catalogue(tuple(new)))
    ]


def test_identical_releases_have_no_changes() -> None:
    same = [entry("NoSuchKey", 404), entry("AccessDenied", 403)]
    assert changes_of(same, list(same)) == []


def test_a_removed_code_is_breaking_and_an_added_one_notable() -> None:
    found = changes_of([entry("Gone", 400)], [entry("Fresh", 409)])
    assert ("Gone", "removed", "breaking") in found
    assert ("Fresh", "added", "notable") in found


def test_a_status_change_is_breaking_with_both_values() -> None:
    [change] = diff(
        Catalogue((entry("InvalidQuery", 404),)), Catalogue((entry("InvalidQuery", 400),))
    )
    assert (change.kind, change.change_class, change.old, change.new) == (
        "status",
        "breaking",
        404,
        400,
    )


def test_a_case_change_is_one_breaking_rename() -> None:
    old, new = (
        entry("NoSuchBucketpolicy", 404, "No policy."),
        entry("NoSuchBucketPolicy", 404, "No policy."),
    )
    found = changes_of([old], [new])
    assert found == [("NoSuchBucketPolicy", "renamed", "breaking")]


def test_a_renamed_code_whose_status_changed_has_both_changes() -> None:
    found = changes_of(
        [entry("NotEnoughMaps:", 400, "Maps.")], [entry("NotEnoughMaps", 404, "Maps.")]
    )
    assert ("NotEnoughMaps", "renamed", "breaking") in found
    assert ("NotEnoughMaps", "status", "breaking") in found


def test_a_removal_stays_breaking_when_the_code_was_deprecated() -> None:
    found = changes_of([entry("Old", 400, deprecated="1.0")], [])
    assert found == [("Old", "removed", "breaking")]


def test_deprecation_is_notable() -> None:
    found = changes_of([entry("Old", 400)], [entry("Old", 400, deprecated="2.0")])
    assert found == [("Old", "deprecated", "notable")]
    found = changes_of([entry("Old", 400, deprecated="2.0")], [entry("Old", 400)])
    assert found == [("Old", "undeprecated", "notable")]


def test_changes_are_ordered_by_class() -> None:
    old = [entry("A", 400, "Some text."), entry("B", 404)]
    new = [entry("A", 400, "Some text!"), entry("B", 400), entry("C", 409)]
    classes = [c.change_class for c in diff(Catalogue(tuple(old)), Catalogue(tuple(new)))]
    assert classes == sorted(classes, key=["breaking", "notable", "cosmetic"].index)
    assert counts(diff(Catalogue(tuple(old)), Catalogue(tuple(new)))) == {
        "breaking": 1,
        "notable": 1,
        "cosmetic": 1,
    }


def test_a_change_of_markup_alone_is_no_change() -> None:
    found = changes_of(
        [entry("A", 400, "Use *this* header.")], [entry("A", 400, "Use **this** header.")]
    )
    assert found == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("The specifed key does not exist.", "The specified key does not exist.", "cosmetic"),
        ("The key does not exist.", "The key does not exist", "cosmetic"),
        ("The bucket is empty.", "The bucket is not empty.", "notable"),  # a negation
        ("Send the x-amz-date header.", "Send the x-amz-content-sha256 header.", "notable"),
        ("Retry after 5 seconds.", "Retry after 30 seconds.", "notable"),  # a number
        ("Use NoSuchKey instead.", "Use NoSuchBucket instead.", "notable"),  # a code
        ("No account was found in Vault. Call us.", "No account was found in. Call us.", "notable"),
        (
            "A short text.",
            "Something else entirely, reworded from the start to the end.",
            "notable",
        ),
        ("Same   words.", "Same words.", None),
    ],
)
def test_rewording_class(old: str, new: str, expected: str | None) -> None:
    assert rewording_class(old, new) == expected
