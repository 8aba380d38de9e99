"""The variant-spelling check: one phrase written two ways."""

from __future__ import annotations

import pytest
from _checks_support import catalogue, described, entry, findings


def test_hyphen_against_space_names_both_entries() -> None:
    cat = catalogue(
        entry("MalformedACLError", "The XML provided was not well-formed or did not validate"),
        entry("MalformedPOSTRequest", "The body is not well formed"),
        entry("MalformedXML", "The XML provided was not well formed or did not validate"),
    )
    (found,) = findings("variant-spelling", cat)
    assert found.code == "MalformedACLError"
    assert found.word == "well-formed"
    assert found.suggestion == "well formed"
    # the entry most like it is named
    assert "MalformedXML (line 7)" in found.message


def test_tie_reports_the_later_entry() -> None:
    cat = catalogue(
        entry("MalformedPOSTRequest", "The body is not well formed multipart/form data."),
        entry("RequestIsNotMultiPartContent", "POST must be multipart/ form data"),
    )
    (found,) = findings("variant-spelling", cat)
    assert found.code == "RequestIsNotMultiPartContent"
    assert '"multipart/ form"' in found.message
    assert "MalformedPOSTRequest (line 1)" in found.message


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("The log-delivery group has no grants", "Grant the log delivery group access"),
        ("The time stamp is too old", "The timestamp is in the future"),
        ("A pre-signed URL has expired", "The presigned URL is not valid"),
        ("The e-mail address is unknown", "No account has this email address"),
    ],
)
def test_variants(one: str, other: str) -> None:
    assert len(findings("variant-spelling", described(one, other))) == 1


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Set up the bucket first", "The bucket setup is incomplete"),
        ("Log in to continue", "The login failed"),
        ("The part is too small", "The parts are apart"),
        ("The upload ID is invalid", "Use ``upload-id`` in the request"),
        ("The partNumber parameter is invalid", "The part number is too large"),
        ("Use the multipart upload API", "The multipart/ form data is malformed"),
        ("The bucket is well known", "A bucket, well known to all"),
    ],
)
def test_not_variants(one: str, other: str) -> None:
    assert findings("variant-spelling", described(one, other)) == []


def test_both_forms_in_one_description() -> None:
    (found,) = findings(
        "variant-spelling",
        described("The operation is in progress; another in-progress operation blocks it"),
    )
    assert "elsewhere in this description" in found.message


def test_compares_within_one_file() -> None:
    cat = catalogue(
        entry("A", "The XML is not well-formed", file="a.yaml", line=1),
        entry("B", "The XML is not well formed", file="b.yaml", line=1),
    )
    assert findings("variant-spelling", cat) == []
