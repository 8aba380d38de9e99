"""The whitespace check: descriptions and the lines of a legacy table."""

from __future__ import annotations

from _checks_support import catalogue, described, entry, findings


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
