"""The status check: valid HTTP statuses and the naming conventions."""

from __future__ import annotations

import pytest
from _checks_support import catalogue, codes, entry, findings


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
