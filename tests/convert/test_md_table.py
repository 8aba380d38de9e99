"""The Markdown table reader: rows, cells, titles, inline Markdown as reStructuredText, and text
that must survive the conversion exactly."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import pytest
from docutils import nodes
from docutils.core import publish_doctree
from support_paths import IMPORT_DATA

from sphinx_awserrors.catalogue import load_file
from sphinx_awserrors.cli import main
from sphinx_awserrors.convert.md_table import read_markdown, read_tables
from sphinx_awserrors.convert.md_table import read_tables as read_md

if TYPE_CHECKING:
    from pathlib import Path


def _rendered(source: str) -> tuple[str, list[str]]:
    """The text docutils renders for inline *source*, and the problems it reports."""
    doc = publish_doctree(
        source, settings_overrides={"report_level": 5, "warning_stream": io.StringIO()}
    )
    problems = [m.astext() for m in doc.findall(nodes.system_message)]
    problems += [
        f"reference {n.astext()!r}"
        for n in doc.findall(nodes.Element)
        if n.get("refname") or isinstance(n, nodes.footnote_reference | nodes.citation_reference)
    ]
    return " ".join(doc.astext().split()), problems


TRICKY_CELLS = [
    # markup next to characters that docutils does not accept as its neighbours
    "`ok`→200 and 中文`code`中文 and 日本*強調*語",
    "\\**em* and *em*→ and **b**x and x**b** and *a*_b",
    "`c`d and z[l](http://x.y) and [l](http://x.y)z",
    # code spans ``...`` cannot hold
    "`a\\` and ``a``b`` and `` `x` `` and ```y```",
    # text that reads as a reference, a footnote or a citation in reStructuredText
    "foo__ bar and [1]_ and [#]_ and [*]_ and [CIT]_ and x_ and a_b_",
]


@pytest.mark.parametrize("cell", TRICKY_CELLS)
def test_markdown_cell_renders_as_the_same_text_in_rst(cell: str) -> None:
    markdown = f"| Code | Status | Description |\n|---|---|---|\n| A | 400 | {cell} |\n"
    (table,) = read_tables(markdown)
    description = table.body[0].cells[2]
    text, problems = _rendered(description.source)
    assert problems == []
    assert text == description.text


def test_a_row_with_more_cells_than_the_header_is_reported_not_cut(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "errors.md"
    source.write_text(
        "| Code | Status | Description |\n"
        "|---|---|---|\n"
        "| NoSuchKey | 404 | The key `a | b` does not exist |\n"
        "| NoSuchBucket | 404 | The bucket does not exist |\n"
        "| Teapot | 418 | Short \\| stout |\n",
        encoding="utf-8",
    )
    out = tmp_path / "errors.yaml"
    assert main(["import-md", str(source), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert (
        f"{source}:3: table 1 (line 1), row 'NoSuchKey': the row has 1 cell(s) more than the "
        "header, which Markdown ignores: 'b` does not exist' (a pipe splits cells even inside "
        "a code span; escape it as \\|); row left out"
    ) in err.splitlines()
    entries, problems = load_file(out)
    assert problems == []
    assert [(e.code, e.description) for e in entries] == [
        ("NoSuchBucket", "The bucket does not exist"),
        ("Teapot", "Short \\| stout"),
    ]


def test_trailing_empty_cells_are_not_reported() -> None:
    (table,) = read_tables("| Code | Status |\n|---|---|\n| A | 400 | |\n")
    assert table.body[0].issues == ()


def test_html_tables_front_matter_and_unicode_line_separators(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "errors.md"
    source.write_text(
        "---\r\ntitle: Front matter\r\n---\r\n"
        "| Code | Status | Description |\r\n|---|---|---|\r\n"
        "| NoSuchKey | 404 | Gone\u2028for good |\r\n"
        "| Other | 400 | Bad\x0cthing |\r\n"
        "| Odd | N/A | x |\r\n\r\n"
        "<table>\r\n<tr><td>Foo</td><td>400</td><td>Bar</td></tr>\r\n</table>\r\n",
        encoding="utf-8",
    )
    out = tmp_path / "errors.yaml"
    assert main(["import-md", str(source), "-o", str(out)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{source}:8: table 1 (line 4), row 'Odd': the status is 'N/A', not an HTTP status "
        "number; row left out",
        f"{source}:10: an HTML table (<table>) is not a pipe table and is not read; convert it "
        "to a pipe table to import it",
        f"{out}: 2 entries, 1 problem(s) reported above",
    ]
    entries, _ = load_file(out)
    assert [(e.code, e.description) for e in entries] == [
        ("NoSuchKey", "Gone for good"),
        ("Other", "Bad thing"),
    ]
    sources = [line for line in out.read_text(encoding="utf-8").splitlines() if "# source:" in line]
    assert [line.rsplit(":", 1)[1] for line in sources] == ["6", "7"]


def test_markdown_footnote_references_are_reported() -> None:
    (table,) = read_tables(
        "| Code | Status | Description |\n|---|---|---|\n| NoSuchKey | 404 | Gone[^1] |\n\n"
        "[^1]: Really gone.\n"
    )
    cell = table.body[0].cells[2]
    assert cell.source == "Gone[^1]"
    assert cell.issues == (
        "[^1] is a footnote reference; the footnote is not part of the catalogue: kept as "
        "text, put its text in the description",
    )


def test_html_in_code_and_status_cells_reads_as_a_browser_shows_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "errors.md"
    source.write_text(
        "| Code | Status | Description |\n|---|---|---|\n"
        "| <code>NoSuchKey</code> | <b>404</b> | Gone <i>now</i> |\n",
        encoding="utf-8",
    )
    out = tmp_path / "errors.yaml"
    assert main(["import-md", str(source), "-o", str(out)]) == 1
    entries, _ = load_file(out)
    assert [(e.code, e.status, e.description) for e in entries] == [
        ("NoSuchKey", 404, "Gone <i>now</i>")
    ]
    prefix = f"{source}:3: table 1 (line 1), row 'NoSuchKey': "
    assert capsys.readouterr().err.splitlines()[:2] == [
        f"{prefix}HTML <i> kept as text",
        f"{prefix}HTML </i> kept as text",
    ]


def test_a_table_markdown_does_not_read_is_reported() -> None:
    result = read_markdown(
        "| Code | Status |\n|---|---|---|\n| NoSuchKey | 404 | Gone |\n\n"
        "```\n| a | b |\n|---|---|---|\n```\n\nA title | with a pipe\n---\n",
        "errors.md",
    )
    assert result.tables == ()
    assert [str(p) for p in result.problems] == [
        "errors.md:1: this table is not read: its header row has 2 cell(s) and its delimiter "
        "row (line 2) 3, and Markdown reads a table only when they match"
    ]


def test_utf16_file_is_named_as_such(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "errors.md"
    source.write_bytes("| Code | Status | Description |\n".encode("utf-16"))
    assert main(["import-md", str(source)]) == 2
    assert capsys.readouterr().err == (
        f"sphinx-awserrors import-md: error: {source}: UTF-16 text (it starts with a "
        "byte-order mark); save it as UTF-8\n"
    )


MARKDOWN = IMPORT_DATA / "errors.md"


def test_markdown_kramdown_attribute_lines_are_not_rows() -> None:
    tables = read_md(MARKDOWN.read_text(encoding="utf-8"))
    client = tables[1]
    assert [row.cells[0].text for row in client.body] == [
        "NoSuchKey",
        "InvalidRange",
        "Pipe|Code",
        "AccessDenied",
        "Teapot",
    ]


def test_markdown_table_title_without_heading_attributes() -> None:
    text = "## Error response {#error}\n\n| Code | Status |\n|---|---|\n| NoSuchKey | 404 |\n"
    text += "\n## Client errors {: #client .wide}\n\n| Code | Status |\n|---|---|\n| A | 400 |\n"
    assert [table.title for table in read_md(text)] == ["Error response", "Client errors"]


@pytest.mark.parametrize(
    ("markdown", "rst"),
    [
        ("plain text", "plain text"),
        ("`code` and **strong** and *em*", "``code`` and **strong** and *em*"),
        ("intra**word**s", "intra\\ **word**\\ s"),
        ("a [link](https://x.example/a_b)", "a `link <https://x.example/a_b>`__"),
        ("<https://auto.example>", "`<https://auto.example>`__"),
        ("one<br>two<br/>three", "one two three"),
        ("star * and backquote \\` and bar", "star \\* and backquote \\` and bar"),
        ("name_ reference", "name\\_ reference"),
        ("`` a ` b ``", "``a ` b``"),
    ],
)
def test_inline_markdown_to_rst(markdown: str, rst: str) -> None:
    [table] = read_md(f"| Code | Status | Description |\n|---|---|---|\n| A | 400 | {markdown} |\n")
    assert table.body[0].cells[2].source == rst
