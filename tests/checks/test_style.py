"""The style check: PascalCase codes and the file's own majority."""

from __future__ import annotations

import pytest
from support_checks import catalogue, codes, described, entry, findings

from sphinx_awserrors.checks import run_checks
from sphinx_awserrors.checks.style import code_problem, pascal_case


@pytest.mark.parametrize(
    "code",
    [
        "InvalidURI",
        "MalformedXML",
        "XAmzContentSHA256Mismatch",
        "NoSuchKey",
        "SlowDown",
        "InvalidGroup.NotFound",
        "S3",
    ],
)
def test_pascal_case_codes(code: str) -> None:
    assert code_problem(code) is None


@pytest.mark.parametrize(
    ("code", "fixed"),
    [
        ("noSuchKey", "NoSuchKey"),
        ("no_such_key", "NoSuchKey"),
        ("NO_SUCH_KEY", "NoSuchKey"),
        ("Precondition Failed", "PreconditionFailed"),
        ("InvalidRéquest", "InvalidRequest"),
        ("ACCESSDENIED", "ACCESSDENIED"),  # no good guess: no suggestion
    ],
)
def test_codes_that_are_not_pascal_case(code: str, fixed: str) -> None:
    assert code_problem(code) is not None
    assert pascal_case(code) == fixed


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("Some-Code", "the code is not PascalCase ASCII (it contains '-'); write \"SomeCode\""),
        ("some-code", "the code is not PascalCase ASCII (it contains '-'); write \"SomeCode\""),
        ("no_such_key", "the code is not PascalCase ASCII (it contains '_'); write \"NoSuchKey\""),
        (
            "Precondition Failed",
            'the code is not PascalCase ASCII (it contains a space); write "PreconditionFailed"',
        ),
        (
            "noSuchKey",
            "the code is not PascalCase ASCII (it does not start with a capital letter); "
            'write "NoSuchKey"',
        ),
        (
            "InvalidGroup.notFound",
            "the code is not PascalCase ASCII (a part after a dot does not start with a capital "
            'letter); write "InvalidGroup.NotFound"',
        ),
        (
            "InvalidRéquest",
            "the code is not PascalCase ASCII (it contains 'é'); write \"InvalidRequest\"",
        ),
    ],
)
def test_code_message_says_what_breaks_pascal_case(code: str, message: str) -> None:
    (found,) = findings("style", catalogue(entry(code)))
    assert found.message == f"{code}: {message}"


def test_code_finding_suggests_the_pascal_case_form() -> None:
    found = findings("style", catalogue(entry("no_such_key"), entry("SLOWDOWN")))
    assert [f.field for f in found] == ["code", "code"]
    assert 'write "NoSuchKey"' in found[0].message
    assert "all capitals" in found[1].message
    assert "write" not in found[1].message


MAJORITY = [
    "Access denied",
    "The specified key does not exist",
    "The specified bucket does not exist",
    "Request body is empty",
    "The request is missing a required header",
]


def test_final_stop_against_the_majority() -> None:
    cat = described(*MAJORITY, "Reduce the request rate.")
    found = findings("style", cat)
    assert codes(found) == ["Error005"]
    assert "ends with a full stop, unlike 5 of the 6" in found[0].message


def test_missing_final_stop_against_the_majority() -> None:
    cat = described(*(d + "." for d in MAJORITY), "Reduce the request rate")
    found = findings("style", cat)
    assert codes(found) == ["Error005"]
    assert "add one" in found[0].message


def test_no_majority_no_finding() -> None:
    cat = described("One.", "Two.", "Three", "Four", "Five.", "Six")
    assert findings("style", cat) == []


def test_capitalisation_against_the_majority() -> None:
    cat = described(
        *MAJORITY, "reduce the request rate", "``x-amz-date`` is missing", "eTag is bad"
    )
    assert codes(findings("style", cat)) == ["Error005"]


def test_too_few_entries_have_no_majority() -> None:
    assert findings("style", described("One.", "Two", "Three")) == []


def test_majority_is_per_file() -> None:
    cat = catalogue(
        *(entry(f"A{i}", d, file="a.yaml", line=i + 1) for i, d in enumerate(MAJORITY)),
        entry("B1", "Ends with a stop.", file="b.yaml", line=1),
        entry("B2", "Also with a stop.", file="b.yaml", line=2),
    )
    assert findings("style", cat) == []


# --- style: a description that starts with a lower-case header name ---------------------------


@pytest.mark.parametrize("first", ["x-amz-acl", "x-amz-server-side-encryption", "x-goog-meta-a"])
def test_description_starting_with_a_header_name_is_not_lower_case(first: str) -> None:
    cat = catalogue(
        *(entry(f"Error{i}", f"The request number {i} is not valid") for i in range(5)),
        entry("InvalidHeader", f"{first} is not a valid header value here"),
    )
    assert run_checks(cat, select=["style"]) == []


def test_description_starting_lower_case_is_still_found() -> None:
    cat = catalogue(
        *(entry(f"Error{i}", f"The request number {i} is not valid") for i in range(5)),
        entry("InvalidHeader", "xml header is not valid here"),
    )
    assert [f.code for f in run_checks(cat, select=["style"])] == ["InvalidHeader"]
