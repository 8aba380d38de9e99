"""compare.compat and compare.names: a catalogue against a reference, and code pairing."""

from __future__ import annotations

import pytest

from sphinx_awserrors.catalogue import Catalogue, ErrorEntry
from sphinx_awserrors.compare.compat import DEFAULT_FAIL_ON, compare, restrict_to_service
from sphinx_awserrors.compare.names import edit_distance, likeness, pair_codes


def entry(code: str, status: int, **extra: object) -> ErrorEntry:
    return ErrorEntry(code, status, f"About {code}.", file="errors.yaml", line=1, **extra)  # type: ignore[arg-type]


REFERENCE = Catalogue(
    (
        entry("NoSuchKey", 404),
        entry("NoSuchBucket", 404),
        entry("NoSuchUpload", 404),
        entry("AccessDenied", 403),
        entry("KeyTooLongError", 400),
        entry("NoSuchVersion", 404),
    )
)


def kinds(catalogue: Catalogue) -> dict[str, str]:
    return {row.name: row.kind for row in compare(catalogue, REFERENCE, "ref").rows}


def test_a_code_with_the_reference_status_is_the_same() -> None:
    assert kinds(Catalogue((entry("NoSuchKey", 404),)))["NoSuchKey"] == "same"


def test_a_status_difference_names_both_statuses() -> None:
    comparison = compare(Catalogue((entry("NoSuchBucket", 400),)), REFERENCE, "aws-s3")
    row = next(r for r in comparison.rows if r.code == "NoSuchBucket")
    assert row.kind == "status"
    assert "400" in row.message("aws-s3") and "404" in row.message("aws-s3")
    assert row.fails(DEFAULT_FAIL_ON)


def test_codes_only_the_reference_has_are_missing_and_do_not_fail_by_default() -> None:
    comparison = compare(Catalogue((entry("NoSuchKey", 404),)), REFERENCE)
    missing = {row.reference_code for row in comparison.rows if row.kind == "missing"}
    assert missing == {
        "NoSuchBucket",
        "NoSuchUpload",
        "AccessDenied",
        "KeyTooLongError",
        "NoSuchVersion",
    }
    assert not comparison.failures()
    assert comparison.failures({"missing"})


def test_case_and_misspelling_are_paired_in_both_directions() -> None:
    found = kinds(
        Catalogue(
            (
                entry("noSuchUpload", 404),  # case
                entry("AccessDenid", 403),  # a letter left out
                entry("KeyTooLong", 400),  # the reference adds "Error"
                entry("XAmzCustom", 400),  # an extension
            )
        )
    )
    assert found["noSuchUpload"] == "case"
    assert found["AccessDenid"] == "misspelling"
    assert found["KeyTooLong"] == "misspelling"
    assert found["XAmzCustom"] == "extension"
    # paired codes are not also reported missing
    assert "NoSuchUpload" not in found and "AccessDenied" not in found


def test_a_differs_marker_makes_a_difference_deliberate() -> None:
    marked = entry("NoSuchBucket", 400, differs=(("status", "as Ceph does"),))
    comparison = compare(Catalogue((marked,)), REFERENCE)
    row = next(r for r in comparison.rows if r.code == "NoSuchBucket")
    assert row.kind == "status"
    assert row.deliberate == "as Ceph does"
    assert not comparison.failures()


def test_a_marker_for_another_aspect_does_not_excuse_the_difference() -> None:
    marked = entry("NoSuchBucket", 400, differs=(("code", "renamed"),))
    assert compare(Catalogue((marked,)), REFERENCE).failures()


def test_a_marker_on_an_entry_that_does_not_differ_is_stale() -> None:
    marked = entry("NoSuchKey", 404, differs=(("status", "no longer true"),))
    row = compare(Catalogue((marked,)), REFERENCE).rows[0]
    assert row.kind == "stale"
    assert row.total == "same"


def test_totals_count_every_row_once() -> None:
    catalogue = Catalogue((entry("NoSuchKey", 404), entry("NoSuchBucket", 400), entry("Own", 400)))
    comparison = compare(catalogue, REFERENCE)
    totals = comparison.totals()
    assert totals == {"same": 1, "differs": 1, "only_here": 1, "only_in_reference": 4}
    assert sum(totals.values()) == len(comparison.rows)


def test_a_reference_that_gives_a_code_several_statuses_accepts_each() -> None:
    reference = Catalogue((entry("Throttling", 400), entry("Throttling", 429)))
    for status in (400, 429):
        assert compare(Catalogue((entry("Throttling", status),)), reference).rows[0].kind == "same"
    row = compare(Catalogue((entry("Throttling", 503),)), reference).rows[0]
    assert row.reference_statuses == (400, 429)


def test_botocore_style_reference_is_narrowed_to_one_service() -> None:
    reference = Catalogue(
        (entry("NoSuchKey", 404, tags=("s3",)), entry("NoSuchEntity", 404, tags=("iam",)))
    )
    assert restrict_to_service(reference, "S3").codes == ("NoSuchKey",)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("NoSuchKey", "nosuchkey", "case"),
        ("NoSuchBucket", "NoSuchBuckt", "misspelling"),
        ("InvalidArgument", "InvalidArgumnet", "misspelling"),  # a swap is one edit
        ("KeyTooLong", "KeyTooLongError", "misspelling"),
        ("NoSuchTag", "NoSuchTags", None),  # a plural is its own code
        ("Throttled", "Throttling", None),
        ("Error1", "Error2", None),
        ("NoSuchKey", "NoSuchKey", None),
        ("Busy", "Bust", None),  # too short to call a slip
        ("AccessDenied", "BccessDenied", None),  # the first letter differs
    ],
)
def test_likeness(a: str, b: str, expected: str | None) -> None:
    assert likeness(a, b) == expected
    assert likeness(b, a) == expected


def test_edit_distance_stops_at_the_limit() -> None:
    assert edit_distance("kitten", "sitting", 5) == 3
    assert edit_distance("a" * 50, "b" * 50, 2) == 3


def test_pair_codes_prefers_case_and_pairs_each_code_once() -> None:
    pairs = pair_codes(["NoSuchbucket", "NoSuchBuckett"], ["NoSuchBucket"])
    assert pairs == [("NoSuchbucket", "NoSuchBucket", "case")]


def test_pair_codes_finds_what_comparing_every_pair_finds() -> None:
    """The deletion index is only a shortcut: it misses no pair that likeness() accepts."""
    left = ["NoSuchBuckt", "keyTooLong", "InvalidArgumnet", "AcessDenied", "XAmzThing", "Short"]
    right = [
        "NoSuchBucket",
        "KeyTooLongError",
        "InvalidArgument",
        "AccessDenied",
        "Shorts",
        "Other",
    ]
    for code in left:
        for other in right:
            if likeness(code, other):
                assert pair_codes([code], [other]) == [(code, other, likeness(code, other))]
            else:
                assert pair_codes([code], [other]) == []
