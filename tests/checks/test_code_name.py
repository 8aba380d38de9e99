"""The ``code-name`` check: codes a client cannot receive as written."""

from __future__ import annotations

import pytest
from support_checks import catalogue, codes, entry, findings

from sphinx_awserrors.checks import run_checks


@pytest.mark.parametrize(
    ("code", "says"),
    [
        ("Bad Digest", 'write "BadDigest"'),
        ("400", "is a number"),
        ("400InvalidPart", 'write "InvalidPart"'),
    ],
)
def test_spaces_and_digits(code: str, says: str) -> None:
    (found,) = findings("code-name", catalogue(entry(code), entry("NoSuchKey")))
    assert found.code == code
    assert says in found.message


def test_a_documented_code_with_digits_is_right() -> None:
    cat = catalogue(entry("XAmzContentSHA256Mismatch"), entry("ParseExpected2TokenTypes"))
    assert findings("code-name", cat) == []


def test_a_leaked_language_prefix_in_a_file_without_it() -> None:
    cat = catalogue(*(entry(f"NoSuchThing{i}") for i in "ABCDEFGHIJ"), entry("ErrInvalidTag"))
    (found,) = findings("code-name", cat)
    assert found.code == "ErrInvalidTag"
    assert '"InvalidTag"' in found.message


def test_a_file_whose_codes_all_carry_the_prefix_is_its_convention() -> None:
    cat = catalogue(entry("ErrNoKey"), entry("ErrNoBucket"), entry("ErrBadPart"))
    assert findings("code-name", cat) == []


def test_a_misspelt_convention_prefix() -> None:
    cat = catalogue(
        entry("NoSuchBucket"),
        entry("NoSuchKey"),
        entry("NoSuchUpload"),
        entry("NotSuchBucketPolicy"),
        entry("NoSuhcVersion"),
    )
    found = findings("code-name", cat)
    assert codes(found) == ["NotSuchBucketPolicy", "NoSuhcVersion"]
    assert 'write "NoSuchBucketPolicy"' in found[0].message
    assert 'write "NoSuchVersion"' in found[1].message


def test_two_real_words_are_no_slip_of_a_documented_code() -> None:
    # InvalidLayer is one letter from AWS's InvalidPayer, and both are words
    cat = catalogue(entry("InvalidLayer"), entry("DomainInProgress"), entry("DomainIdMissing"))
    assert findings("code-name", cat) == []


def test_code_name_replaces_the_style_finding_on_the_same_code() -> None:
    found = run_checks(catalogue(entry("Bad Digest"), entry("NoSuchKey")))
    assert [f.check for f in found if f.field == "code"] == ["code-name"]
