"""The whitespace check: spaces and tabs in descriptions, a space missing after punctuation, and
the lines of a legacy table."""

from __future__ import annotations

import pytest
from support_checks import catalogue, described, entry, findings

from sphinx_awserrors.checks import run_checks


def test_doubled_space_in_a_description() -> None:
    (found,) = findings("whitespace", described("The key  is too long"))
    assert "doubled space" in found.message
    assert found.field == "description"


def test_leading_and_trailing_space_in_a_description() -> None:
    found = findings("whitespace", described(" Access denied ", "Line one \nline two"))
    assert [f.code for f in found] == ["Error000", "Error001"]
    assert "leading and trailing whitespace" in found[0].message
    assert "trailing whitespace" in found[1].message


def test_clean_descriptions() -> None:
    cat = described("Access denied", "A multi-line\ndescription", "Indented:\n\n  code")
    assert findings("whitespace", cat) == []


TABLE = """Title
=====

+------+-------------+
| Code | Description |
+======+=============+
| A    | First row   | \n+------+-------------+
| B    | Second row  |
|      | continued   |\t
+------+-------------+

Prose after the table.  \n"""


def test_trailing_whitespace_on_lines_of_a_legacy_table() -> None:
    cat = catalogue(entry("A", file="table.rst", line=7), entry("B", file="table.rst", line=9))
    found = findings("whitespace", cat, texts={"table.rst": TABLE})
    assert [(f.line, f.code) for f in found] == [(7, "A"), (10, "B"), (13, None)]
    assert all(f.file == "table.rst" for f in found)


def test_markdown_line_break_is_not_trailing_whitespace() -> None:
    text = "| code | status |\n|---|---|\n| A | 400 |\n\nA line  \nbroken here \n"
    found = findings("whitespace", catalogue(), texts={"errors.md": text})
    assert [f.line for f in found] == [6]


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


def test_tab_inside_a_description() -> None:
    found = findings("whitespace", described("The bucket\tdoes not exist"))
    assert [f.message for f in found] == [
        'Error000: a tab in the description ("The bucket\\tdoes not exist"); use a space'
    ]


@pytest.mark.parametrize(
    ("text", "word"),
    [("Parts must be at least 5 MiB,except the last", "MiB,except"), ("Wait 10,then", "10,then")],
)
def test_no_space_after_a_comma_after_a_unit(text: str, word: str) -> None:
    found = findings("whitespace", described(text))
    assert [(f.word, f.suggestion) for f in found] == [(word, word.replace(",", ", "))]


@pytest.mark.parametrize(
    "text", ["Regions us-east-1,eu-west-1", "Keys key1,key2", "Methods GET,PUT", "1,000 items"]
)
def test_commas_inside_names_are_fine(text: str) -> None:
    assert findings("whitespace", described(text)) == []
