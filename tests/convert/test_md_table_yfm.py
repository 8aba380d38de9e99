"""Yandex Flavored Markdown multiline tables (``#| ... |#``) in the Markdown table reader."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_awserrors.cli import main
from sphinx_awserrors.convert.md_table import read_markdown
from sphinx_awserrors.convert.tables import convert_tables

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

TABLE = """\
# Storage

## Error codes

#|
|| **HTTP** | **Error code** | **Description** ||
|| 404 | `NoSuchKey` | The key does *not* exist. ||
|| 400 | `InvalidPart` | One part
was not found.<br/><br/>Upload it again. ||
|| 409 | `BucketNotEmpty` | The bucket holds objects.

Empty it first.
||
|#
"""


def test_multiline_table_rows_cells_and_lines() -> None:
    result = read_markdown(TABLE, "t.md")
    assert result.problems == ()
    [table] = result.tables
    assert (table.kind, table.line, table.title, table.number) == ("yfm", 5, "Error codes", 1)
    assert table.headings == ("HTTP", "Error code", "Description")
    assert [row.line for row in table.body] == [7, 8, 10]
    assert [cell.text for cell in table.body[0].cells] == [
        "404",
        "NoSuchKey",
        "The key does not exist.",
    ]
    assert table.body[0].cells[2].source == "The key does *not* exist."
    # a paragraph over two lines with <br/>: one inline paragraph
    assert table.body[1].cells[2].text == "One part was not found. Upload it again."
    assert not table.body[1].cells[2].block
    # two paragraphs: flattened and marked as block markup; the cell starts on its own line
    third = table.body[2].cells[2]
    assert (third.text, third.block, third.line) == (
        "The bucket holds objects. Empty it first.",
        True,
        10,
    )


def test_multiline_table_converts_with_the_pipe_table_row_reports() -> None:
    converted = convert_tables(read_markdown(TABLE, "t.md").tables)
    assert [(e.code, e.status, e.line) for e in converted.entries] == [
        ("NoSuchKey", 404, 7),
        ("InvalidPart", 400, 8),
        ("BucketNotEmpty", 409, 10),
    ]
    assert [(p.line, p.message) for p in converted.problems] == [
        (
            10,
            "table 1 \"Error codes\" (line 5), row 'BucketNotEmpty': the description cell "
            "holds block markup (a list, several paragraphs); imported as plain text",
        )
    ]


def test_first_row_with_a_status_is_data_not_header() -> None:
    text = "#|\n|| 500 | InternalError | Try again. ||\n|| 503 | SlowDown | Slow down. ||\n|#\n"
    [table] = read_markdown(text).tables
    assert table.header == ()
    assert [row.cells[1].text for row in table.body] == ["InternalError", "SlowDown"]


def test_escaped_pipe_fence_and_nested_table_stay_in_their_cell() -> None:
    text = """\
#|
|| Code | Status | Description ||
|| A\\|B | 400 | Pipes \\| inside. ||
|| Fenced | 400 | Before
```
x | y || z
```
after. ||
|| Nested | 400 | Outer text

#|
|| inner | cell ||
|#
||
|#
"""
    result = read_markdown(text)
    assert result.problems == ()
    [table] = result.tables
    assert [row.cells[0].text for row in table.body] == ["A|B", "Fenced", "Nested"]
    assert table.body[0].cells[2].text == "Pipes | inside."
    assert table.body[1].cells[2].text == "Before x | y || z after."
    assert table.body[2].cells[2].text == "Outer text inner cell"
    assert table.body[2].cells[2].block


def test_row_with_more_cells_than_the_header_is_reported_and_left_out() -> None:
    text = "#|\n|| Code | Status | Description ||\n|| Split | 400 | Use `a | b` here ||\n|#\n"
    [table] = read_markdown(text, "x.md").tables
    converted = convert_tables([table])
    assert converted.entries == ()
    [problem] = converted.problems
    assert problem.line == 3
    assert "the row has 1 cell(s) more than the header: 'b` here'" in problem.message
    assert problem.message.endswith("row left out")


def test_unclosed_table_is_reported() -> None:
    result = read_markdown("# T\n\n#|\n|| Code | Status ||\n|| A | 400 ||\n", "u.md")
    assert result.tables == ()
    assert [(p.line, p.message) for p in result.problems] == [
        (
            3,
            "this multiline table (#| ... |#, Yandex Flavored Markdown) is never closed "
            "with |# and is not read",
        )
    ]


def test_table_continuing_a_paragraph_is_reported() -> None:
    result = read_markdown("Some text\n#|\n|| Code | Status ||\n|| A | 400 ||\n|#\n", "p.md")
    assert result.tables == ()
    [problem] = result.problems
    assert problem.line == 2
    assert "continues a paragraph" in problem.message


def test_table_inside_a_code_fence_is_not_a_table() -> None:
    result = read_markdown("```\n#|\n|| Code | Status ||\n|#\n```\n")
    assert (result.tables, result.problems) == ((), ())


def test_text_between_rows_is_reported() -> None:
    text = "#|\n|| Code | Status ||\nlost words\n|| A | 400 ||\n|#\n"
    result = read_markdown(text, "s.md")
    [table] = result.tables
    assert len(table.body) == 1
    [problem] = result.problems
    assert problem.line == 3
    assert "'lost words'" in problem.message


def test_pipe_and_multiline_tables_are_numbered_in_document_order() -> None:
    text = (
        "# One\n\n| Code | Status |\n|---|---|\n| A | 400 |\n\n"
        "# Two\n\n#|\n|| Code | Status ||\n|| B | 404 ||\n|#\n\n"
        "# Three\n\n| Code | Status |\n|---|---|\n| C | 500 |\n"
    )
    tables = read_markdown(text).tables
    assert [(t.number, t.kind, t.title) for t in tables] == [
        (1, "pipe", "One"),
        (2, "yfm", "Two"),
        (3, "pipe", "Three"),
    ]


def test_import_md_reads_a_multiline_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "codes.md"
    source.write_text(
        "#|\n|| HTTP | Code | Description ||\n|| 404 | `NoSuchKey` | Gone. ||\n"
        "|| 412 | `Precondition Failed` | A condition failed. ||\n|#\n",
        encoding="utf-8",
    )
    out = tmp_path / "codes.yaml"
    assert main(["import-md", str(source), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert (
        f"{source}:4: table 1 (line 1), row 'Precondition Failed': 'Precondition Failed' is "
        "not an error code (one word, no spaces); row left out"
    ) in err.splitlines()
    assert "code: NoSuchKey" in out.read_text(encoding="utf-8")
