"""The status check: valid HTTP error statuses, the naming conventions and how entries silence
them."""

from __future__ import annotations

from dataclasses import replace

import pytest
from support_checks import catalogue, codes, entry, findings

from sphinx_awserrors.checks import run_checks


@pytest.mark.parametrize("status", [0, 99, 600, 5001])
def test_not_an_http_status(status: int) -> None:
    found = findings("status", catalogue(entry("BadName", status=status)))
    assert len(found) == 1
    assert "not an HTTP status" in found[0].message
    assert found[0].field == "status"


@pytest.mark.parametrize(
    ("code", "status"),
    [
        ("NoSuchKey", 400),
        ("AccountNotFound", 403),
        ("BucketAlreadyExists", 400),
        ("DeleteConflict", 400),
        ("InternalError", 400),
        ("ServiceUnavailable", 429),
        ("PermanentRedirect", 400),
        ("Redirect", 200),
    ],
)
def test_status_contradicting_the_name(code: str, status: int) -> None:
    found = findings("status", catalogue(entry(code, status=status)))
    assert codes(found) == [code]
    assert "codes are" in found[0].message


@pytest.mark.parametrize(
    ("code", "status"),
    [
        ("NoSuchKey", 404),
        ("AccountNotFound", 404),
        ("BucketAlreadyExists", 409),
        ("DeleteConflict", 409),
        ("InternalFailure", 500),
        ("ServiceUnavailable", 503),
        ("TemporaryRedirect", 307),
        ("MalformedQueryString", 404),  # no convention about Malformed*
        ("ResourceNotFoundException", 400),  # JSON APIs send 400: not covered
        ("InvalidGroup.NotFound", 400),  # EC2's dotted codes are all 400
        ("NotModified", 304),
        ("Internal", 400),  # no capital after "Internal": not the convention
    ],
)
def test_statuses_that_fit(code: str, status: int) -> None:
    assert findings("status", catalogue(entry(code, status=status))) == []


def test_ignore_status_on_the_entry() -> None:
    cat = catalogue(entry("LocationNotFound", status=424, ignore=("status",)))
    assert findings("status", cat) == []


def test_a_declared_status_difference_is_not_a_slip() -> None:
    # `differs: {status: why}` documents that the API sends this status on purpose
    declared = replace(
        entry("LocationNotFound", status=424),
        differs=(("status", "the backend answers 424 while it fails over"),),
    )
    other = replace(entry("NoSuchThing", status=424), differs=(("code", "renamed in 2.0"),))
    assert codes(findings("status", catalogue(declared, other))) == ["NoSuchThing"]


def test_file_that_mostly_departs_from_a_convention_documents_such_an_api() -> None:
    # a query API (ELB, RDS): every *NotFound is 400
    cat = catalogue(
        entry("ListenerNotFound", status=400),
        entry("LoadBalancerNotFound", status=400),
        entry("RuleNotFound", status=400),
        entry("NoSuchKey", status=400),  # NoSuch* is another convention: still reported
    )
    assert codes(findings("status", cat)) == ["NoSuchKey"]


def test_one_departure_among_many_is_reported() -> None:
    cat = catalogue(
        entry("BucketNotFound", status=404),
        entry("KeyNotFound", status=404),
        entry("UploadNotFound", status=400),
    )
    assert codes(findings("status", cat)) == ["UploadNotFound"]


# --- statuses that are HTTP statuses but not errors -----------------------------------------


@pytest.mark.parametrize(
    ("status", "kind"), [(100, "an informational"), (200, "a success"), (299, "a success")]
)
def test_status_that_is_not_an_error(status: int, kind: str) -> None:
    found = run_checks(catalogue(entry("TooManyBuckets", status=status)), select=["status"])
    assert [(f.code, f.field, f.message) for f in found] == [
        (
            "TooManyBuckets",
            "status",
            f"TooManyBuckets: {status} is {kind} status, not an error; give the status the API "
            "answers this error with",
        )
    ]


@pytest.mark.parametrize("status", [301, 304, 307, 400, 418, 499, 507, 531])
def test_redirects_and_unusual_error_statuses_are_left_alone(status: int) -> None:
    # botocore's models use 420, 434, 530, 531: an error status need not be a registered one
    assert run_checks(catalogue(entry("SomeError", status=status)), select=["status"]) == []


def test_success_status_that_breaks_a_convention_is_reported_once() -> None:
    found = run_checks(catalogue(entry("NoSuchKey", status=200)), select=["status"])
    assert [f.message.split(";")[0] for f in found] == [
        "NoSuchKey has status 200, but NoSuch* codes are 404"
    ]


def test_success_status_is_silenced_by_the_entry() -> None:
    cat = catalogue(entry("Ok", status=200, ignore=("status",)))
    assert run_checks(cat, select=["status"]) == []


# --- status: an entry silenced with ignore: [status] has no vote -----------------------------


def test_silenced_departure_does_not_hide_another() -> None:
    cat = catalogue(
        entry("NoSuchKey", status=400, ignore=("status",)),
        entry("NoSuchKey2", status=410),
    )
    assert codes(findings("status", cat)) == ["NoSuchKey2"]


def test_file_that_departs_without_silencing_still_documents_such_an_api() -> None:
    cat = catalogue(
        entry("ListenerNotFound", status=400),
        entry("RuleNotFound", status=400),
        entry("PolicyNotFound", status=400, ignore=("status",)),
    )
    assert findings("status", cat) == []
