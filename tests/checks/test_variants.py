"""The variant-spelling check: one phrase written two ways."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from support_checks import catalogue, described, entry, findings

from sphinx_awserrors.checks import run_checks

if TYPE_CHECKING:
    from sphinx_awserrors.catalogue import Catalogue


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
        described("The operation is well-formed; another well formed operation blocks it"),
    )
    assert "elsewhere in this description" in found.message


def test_open_after_a_verb_and_hyphenated_before_a_noun_is_no_variant() -> None:
    # English writes a compound open after "be" and hyphenated before a noun
    assert (
        findings(
            "variant-spelling",
            described("The operation is in progress; another in-progress operation blocks it"),
        )
        == []
    )
    assert (
        findings("variant-spelling", described("The list is up to date", "Get an up-to-date list"))
        == []
    )


def test_compares_within_one_file() -> None:
    cat = catalogue(
        entry("A", "The XML is not well-formed", file="a.yaml", line=1),
        entry("B", "The XML is not well formed", file="b.yaml", line=1),
    )
    assert findings("variant-spelling", cat) == []


# --- one slip, one finding: variant-spelling supersedes spelling --------------------------------

PART_NUMBER = (
    ("InvalidPartOrder", "The list of parts was not in ascending order by part number"),
    ("InvalidPart", "One or more of the specified parts could not be found"),
    ("InvalidPartNumber", "The requested partnumber is not satisfiable"),
)


def _part_number_catalogue(*, ignore: tuple[str, ...] = ()) -> Catalogue:
    return catalogue(
        *(
            entry(code, text, ignore=ignore if "partnumber" in text else ())
            for code, text in PART_NUMBER
        )
    )


def test_a_slip_both_checks_see_is_reported_once_as_a_variant() -> None:
    found = run_checks(_part_number_catalogue(), select=["spelling", "variant-spelling"])
    assert [(f.check, f.code, f.word, f.suggestion) for f in found] == [
        ("variant-spelling", "InvalidPartNumber", "partnumber", "part number")
    ]
    assert "InvalidPartOrder" in found[0].message  # names both entries


def test_each_check_alone_still_reports_the_slip() -> None:
    cat = _part_number_catalogue()
    for name in ("spelling", "variant-spelling"):
        found = run_checks(cat, select=[name])
        assert [(f.check, f.word) for f in found] == [(name, "partnumber")]


def test_a_silenced_variant_leaves_the_misspelling() -> None:
    cat = _part_number_catalogue(ignore=("variant-spelling",))
    found = run_checks(cat, select=["spelling", "variant-spelling"])
    assert [(f.check, f.word) for f in found] == [("spelling", "partnumber")]


def test_a_variant_pointing_at_a_misspelled_majority_gives_way() -> None:
    # two entries write the misspelling, one the right phrase: the variant would say to
    # write "partnumber" everywhere; the misspellings are reported instead
    cat = catalogue(
        entry("InvalidPartNumber", "The requested partnumber is not satisfiable"),
        entry("InvalidPartOrder", "The list of parts was not in ascending order by part number"),
        entry("NoSuchPart", "The partnumber names no uploaded part"),
    )
    assert [(f.check, f.code, f.word) for f in run_checks(cat, select=["variant-spelling"])] == [
        ("variant-spelling", "InvalidPartOrder", "part number")
    ]
    found = run_checks(cat, select=["spelling", "variant-spelling"])
    assert [(f.check, f.code, f.suggestion) for f in found] == [
        ("spelling", "InvalidPartNumber", "part number"),
        ("spelling", "NoSuchPart", "part number"),
    ]


# --- variant-spelling quotes the phrases as written -------------------------------------------


def test_variant_keeps_the_case_of_both_forms() -> None:
    cat = catalogue(
        entry("MissingContentMD5", "The Content MD5 header is missing"),
        entry("BadDigest", "The Content-MD5 header does not\n  match the body"),
        entry("BadChecksum", "The checksum does not match the Content-MD5 header"),
    )
    found = run_checks(cat, select=["variant-spelling"])
    assert [(f.code, f.word, f.suggestion) for f in found] == [
        ("MissingContentMD5", "Content MD5", "Content-MD5")
    ]
    assert '"Content MD5" where it is "Content-MD5" in BadDigest (line 4)' in found[0].message
