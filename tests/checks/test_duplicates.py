"""The duplicate-code and duplicate-description checks."""

from __future__ import annotations

from _checks_support import catalogue, codes, entry, findings

from sphinx_awserrors.checks import run_checks


def test_same_code_twice_names_the_first() -> None:
    found = findings(
        "duplicate-code", catalogue(entry("NoSuchKey"), entry("AccessDenied"), entry("NoSuchKey"))
    )
    assert codes(found) == ["NoSuchKey"]
    assert found[0].line == 7
    assert "defined twice" in found[0].message
    assert "line 1" in found[0].message


def test_codes_differing_only_by_case() -> None:
    found = findings("duplicate-code", catalogue(entry("InvalidURI"), entry("InvalidUri")))
    assert codes(found) == ["InvalidUri"]
    assert "only by case from InvalidURI" in found[0].message


def test_two_statuses_across_files() -> None:
    cat = catalogue(
        entry("RequestTimeout", status=400, file="a.yaml", line=4),
        entry("RequestTimeout", status=408, file="b.yaml", line=9),
    )
    found = findings("duplicate-code", cat)
    assert len(found) == 1
    assert found[0].file == "b.yaml"
    assert found[0].field == "status"
    assert "408 here and 400 in RequestTimeout (a.yaml:4)" in found[0].message


def test_distinct_codes_are_fine() -> None:
    cat = catalogue(entry("NoSuchKey"), entry("NoSuchBucket"), entry("NoSuchUpload"))
    assert findings("duplicate-code", cat) == []


def test_bundled_file_is_never_reported() -> None:
    cat = catalogue(
        entry("NoSuchKey", file="bundled.yaml", line=1),
        entry("NoSuchKey", file="bundled.yaml", line=5),
    )
    assert run_checks(cat, select=["duplicate-code"], skip_files=["bundled.yaml"]) == []


def test_same_description_on_two_codes() -> None:
    cat = catalogue(
        entry("ServiceUnavailable", "Reduce your request rate."),
        entry("SlowDown", "Reduce  your request rate"),
    )
    found = findings("duplicate-description", cat)
    assert codes(found) == ["SlowDown"]
    assert "ServiceUnavailable (line 1)" in found[0].message


def test_different_descriptions_and_repeated_code_are_not_duplicate_descriptions() -> None:
    cat = catalogue(
        entry("NoSuchKey", "The specified key does not exist"),
        entry("NoSuchBucket", "The specified bucket does not exist"),
        entry("NoSuchKey", "The specified key does not exist"),  # duplicate-code's finding
    )
    assert findings("duplicate-description", cat) == []


def test_duplicate_description_compares_within_one_file() -> None:
    cat = catalogue(
        entry("AccessDenied", "Access denied", file="a.yaml", line=1),
        entry("Forbidden", "Access denied", file="b.yaml", line=1),
    )
    assert findings("duplicate-description", cat) == []


def test_entry_ignore_list_silences() -> None:
    cat = catalogue(
        entry("MalformedACLError", "The XML is not well-formed"),
        entry("MalformedXML", "The XML is not well-formed", ignore=("duplicate-description",)),
    )
    assert findings("duplicate-description", cat) == []
