"""QA regressions of the checks and of how they are silenced."""

from __future__ import annotations

from pathlib import Path

import pytest
from _checks_support import catalogue, entry

from sphinx_awserrors.checks import run_checks
from sphinx_awserrors.cli import main

# --- an entry's ignore: list when its code is given twice -----------------------------------


def test_ignore_of_the_first_of_two_entries_with_one_code() -> None:
    cat = catalogue(
        entry("NoSuchKey", "The key does not exist", status=400, ignore=("status",)),
        entry("NoSuchKey", "The object does not exist", status=404),
    )
    found = run_checks(cat, select=["status", "duplicate-code"])
    # the first entry silences its status; the second is still a duplicate
    assert [(f.check, f.line) for f in found] == [("duplicate-code", 4)]


def test_ignore_of_the_second_entry_does_not_silence_the_first() -> None:
    cat = catalogue(
        entry("NoSuchKey", "The the key does not exist", status=404),
        entry("NoSuchKey", "The the object does not exist", status=404, ignore=("grammar",)),
        entry("NoSuchKey", "The the blob does not exist", status=404),
    )
    found = run_checks(cat, select=["grammar"])
    assert [(f.check, f.line) for f in found] == [("grammar", 1), ("grammar", 7)]


def test_lint_honours_the_ignore_of_the_first_duplicate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("errors.yaml").write_text(
        "errors:\n"
        "  - code: NoSuchKey\n"
        "    status: 400\n"
        "    description: The key does not exist\n"
        "    ignore: [status]\n"
        "  - code: NoSuchKey\n"
        "    status: 404\n"
        "    description: The key is not there\n"
        "    ignore: [duplicate-code]\n",
        encoding="utf-8",
    )
    assert main(["lint", "errors.yaml"]) == 0, capsys.readouterr().out


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


# --- whitespace: a space missing after punctuation ------------------------------------------


@pytest.mark.parametrize(
    ("description", "word", "suggestion"),
    [
        (
            "The list was not in ascending order.Parts must be in order",
            "order.Parts",
            "order. Parts",
        ),
        ("The bucket,object pair is not valid", "bucket,object", "bucket, object"),
        ("The upload was aborted;retry it", "aborted;retry", "aborted; retry"),
    ],
)
def test_missing_space_after_punctuation(description: str, word: str, suggestion: str) -> None:
    found = run_checks(catalogue(entry("InvalidPart", description)), select=["whitespace"])
    assert [(f.word, f.suggestion) for f in found] == [(word, suggestion)]
    mark = next(c for c in word if c in ".,;")
    assert found[0].message == f'InvalidPart: no space after "{mark}" ("{word}"); add one'


@pytest.mark.parametrize(
    "description",
    [
        "Use the endpoint s3.amazonaws.com or bucket.s3.us-east-1.amazonaws.com",
        "The file name index.html is reserved",
        "See https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html",
        "The value of ``x-amz-meta.Key`` is not valid",
        "Use e.g. SigV4, i.e. AWS4-HMAC-SHA256, in the request",
        "The object size is 1,024 bytes; the limit is 5 TB. Split the object",
        "Send it to user@example.Com instead",
        "The version 2.Beta is not supported",
    ],
)
def test_text_that_is_not_a_missing_space(description: str) -> None:
    assert run_checks(catalogue(entry("InvalidPart", description)), select=["whitespace"]) == []
