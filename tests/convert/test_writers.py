"""The writers (JSON, CSV, Markdown, RST grid table), and round trips through the readers.

Every output is read back with a real parser: ``json``, ``csv``, docutils for the grid table,
markdown-it-py for the pipe table, and the importers for the round trips.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from typing import TYPE_CHECKING, Any

import pytest
from docutils import nodes
from docutils.core import publish_doctree
from docutils.parsers.rst import roles
from support_export import ENTRIES, LONG_CODE, needs_bundled

from sphinx_awserrors.catalogue import Catalogue, ErrorEntry, bundled_path, load_file
from sphinx_awserrors.cli import main
from sphinx_awserrors.convert.md_table import read_tables
from sphinx_awserrors.convert.writers import (
    CSV_HEADER,
    FORMULA_STARTS,
    TABLE_HEADERS,
    csv_field,
    filter_status,
    rst_to_markdown,
    to_csv,
    to_json,
    to_markdown,
    to_rst,
)
from sphinx_awserrors.markup.text import description_text

if TYPE_CHECKING:
    from pathlib import Path

CATALOGUE = Catalogue(ENTRIES)


def _literal_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: object,
    options: object = None,
    content: object = None,
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    return [nodes.literal(rawtext, text)], []


@pytest.fixture
def sphinx_roles(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stand-ins for the Sphinx roles that descriptions may use, for plain docutils parsing."""
    for name in ("awserr", "awsstatus", "aws:err", "doc", "ref"):
        monkeypatch.setitem(roles._roles, name, _literal_role)  # type: ignore[attr-defined]


def parse_rst(source: str) -> nodes.document:
    """*source* parsed by docutils; any message of level WARNING or above fails the test."""
    document = publish_doctree(
        source,
        settings_overrides={"report_level": 5, "halt_level": 5, "warning_stream": False},
    )
    problems = [
        message.astext()
        for message in document.findall(nodes.system_message)
        if message["level"] >= 2
    ]
    assert problems == []
    return document


def table_rows(document: nodes.document) -> list[list[str]]:
    """The text of each cell of the only table, lines joined with spaces."""
    (table,) = document.findall(nodes.table)
    return [
        [" ".join(entry.astext().split()) for entry in row.children]
        for row in table.findall(nodes.row)
    ]


# --- JSON -----------------------------------------------------------------------------------


def test_json_fields_order_and_plain_descriptions() -> None:
    data = json.loads(to_json(CATALOGUE))
    assert list(data) == ["errors"]
    errors = data["errors"]
    assert [error["code"] for error in errors] == [entry.code for entry in ENTRIES]
    first = errors[0]
    assert list(first) == [
        "code",
        "status",
        "reason",
        "description",
        "description_rst",
        "tags",
        "see_also",
    ]
    assert first == {
        "code": "AccessDenied",
        "status": 403,
        "reason": "Forbidden",
        "description": "Access denied",
        "description_rst": "Access denied",
        "tags": ["s3", "iam"],
        "see_also": [],
    }
    by_code = {error["code"]: error for error in errors}
    assert by_code["BucketAlreadyOwnedByYou"]["see_also"] == ["BucketAlreadyExists"]
    invalid = by_code["InvalidArgument"]
    assert invalid["description"] == (
        "The x-amz-acl|grant header is not valid; see the ACL overview or "
        "https://example.com/errors_list, a|b <tag> & x_y * 2"
    )
    assert invalid["description_rst"] == ENTRIES[3].description
    assert by_code["NoSuchKey"]["description"] == "The key does not exist; unlike NoSuchBucket"
    assert by_code["NonStandard"]["reason"] == ""
    assert by_code["Unicode"]["description"] == ENTRIES[9].description


def test_json_is_deterministic_utf8_text() -> None:
    text = to_json(CATALOGUE)
    assert text == to_json(Catalogue(ENTRIES))
    assert text.endswith("}\n")
    assert "« plus tard »" in text  # not \u escapes


def test_json_urls() -> None:
    data = json.loads(to_json(CATALOGUE, urls={"NoSuchKey": "index.html#awserr-nosuchkey"}))
    urls = {error["code"]: error["url"] for error in data["errors"]}
    assert urls["NoSuchKey"] == "index.html#awserr-nosuchkey"
    assert urls["AccessDenied"] is None


def test_json_empty() -> None:
    assert json.loads(to_json(Catalogue())) == {"errors": []}


# --- CSV ------------------------------------------------------------------------------------


def test_csv_reads_back() -> None:
    rows = list(csv.reader(io.StringIO(to_csv(CATALOGUE), newline="")))
    assert tuple(rows[0]) == CSV_HEADER == ("code", "status", "description", "tags")
    assert len(rows) == len(ENTRIES) + 1
    for row, entry in zip(rows[1:], ENTRIES, strict=True):
        assert row == [
            entry.code,
            str(entry.status),
            # "- a leading dash" too: a spreadsheet would try it as a formula
            csv_field(description_text(entry.description)),
            " ".join(entry.tags),
        ]
    by_code = {row[0]: row for row in rows[1:]}
    assert by_code["AccessDenied"][3] == "s3 iam"
    assert '"200 OK"' in by_code["BucketAlreadyOwnedByYou"][2]


def test_csv_dict_reader() -> None:
    records = list(csv.DictReader(io.StringIO(to_csv(CATALOGUE), newline="")))
    assert records[0] == {
        "code": "AccessDenied",
        "status": "403",
        "description": "Access denied",
        "tags": "s3 iam",
    }


@pytest.mark.parametrize(
    "description",
    [
        '=HYPERLINK("http://evil.example","x")',
        "+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1",
    ],
)
def test_csv_fields_never_start_a_formula(description: str) -> None:
    entry = ErrorEntry("FormulaCode", 400, description, tags=("=cmd",))
    row = list(csv.reader(io.StringIO(to_csv(Catalogue([entry])), newline="")))[1]
    assert row[2] == "'" + description_text(description)
    assert row[3] == "'=cmd"
    assert not any(field.startswith(FORMULA_STARTS) for field in row)


def test_csv_leaves_other_fields_as_written() -> None:
    entry = ErrorEntry("PlainCode", 400, "Costs 5 = 2 + 3, -1 is fine inside.")
    row = list(csv.reader(io.StringIO(to_csv(Catalogue([entry])), newline="")))[1]
    assert row == ["PlainCode", "400", "Costs 5 = 2 + 3, -1 is fine inside.", ""]


# --- reStructuredText -----------------------------------------------------------------------


@pytest.mark.usefixtures("sphinx_roles")
@pytest.mark.parametrize("width", [10, 30, 54, 200])
def test_rst_parses_with_docutils(width: int) -> None:
    source = to_rst(CATALOGUE, width=width)
    document = parse_rst(source)
    rows = table_rows(document)
    assert rows[0] == list(TABLE_HEADERS)
    assert [row[0] for row in rows[1:]] == [entry.code for entry in ENTRIES]
    assert [row[2] for row in rows[1:]] == [str(entry.status) for entry in ENTRIES]
    # The cells render the same text as the description (markup applied, nothing else).
    for row, entry in zip(rows[1:], ENTRIES, strict=True):
        expected = description_text(entry.description)
        if entry.code == "NoSuchKey":  # the stand-in role keeps the role's text
            expected = "The key does not exist; unlike NoSuchBucket"
        assert row[1] == expected, entry.code
    (table,) = document.findall(nodes.table)
    # Every cell is one paragraph: no list, field list or literal block crept in.
    for cell in table.findall(nodes.entry):
        assert [type(child) for child in cell.children] == [nodes.paragraph]


def test_rst_layout() -> None:
    source = to_rst(CATALOGUE, width=54)
    lines = source.splitlines()
    assert lines[:3] == [".. table::", "   :widths: auto", ""]
    table = lines[3:]
    assert all(line.startswith("   ") for line in table)
    assert len({len(line) for line in table}) == 1  # a true grid
    # Header row, then "=" under it, like the legacy table.
    assert table[1].split("|")[1:4] == [
        f" {header}".ljust(len(cell))
        for header, cell in zip(TABLE_HEADERS, table[1].split("|")[1:4], strict=True)
    ]
    assert set(table[2].strip()) == {"+", "="}
    # The code column fits the longest code: it is never split.
    assert any(f"| {LONG_CODE} |" in line for line in table)
    # Descriptions wrap at the width, on word boundaries.
    description_cells = [line.split("|")[2] for line in table if line.strip().startswith("|")]
    assert max(len(cell.rstrip()) - 1 for cell in description_cells) <= 54
    assert any("| us-east-1. In the" in line or "us-east-1." in line for line in table)
    assert source.endswith("+\n")


def test_rst_caption_and_escapes() -> None:
    source = to_rst(CATALOGUE, title="AWS  Error Codes", indent=4)
    assert source.startswith(".. table:: AWS Error Codes\n    :widths: auto\n")
    assert "| \\- a leading dash, and a final double colon\\::" in source
    assert "| \\1. looks like a list item" in source
    assert "| \\:field: looks like a field list" in source


def test_rst_long_words_widen_the_column() -> None:
    url = "https://example.com/" + "a" * 80
    source = to_rst(Catalogue((ErrorEntry("Url", 400, f"See {url} now"),)), width=20)
    rows = table_rows(parse_rst(source))
    assert rows[1] == ["Url", f"See {url} now", "400"]


def test_rst_punctuation_line_does_not_underline() -> None:
    entry = ErrorEntry("Dashes", 400, "Some text ---------- more text")
    rows = table_rows(parse_rst(to_rst(Catalogue((entry,)), width=10)))
    assert rows[1] == ["Dashes", "Some text ---------- more text", "400"]


@pytest.mark.parametrize("code", ["Foo_", "*Bar", "A|B|", "X_Y", "-x", "Service.Code", "`x`"])
def test_rst_codes_render_as_themselves(code: str) -> None:
    rows = table_rows(parse_rst(to_rst(Catalogue((ErrorEntry(code, 400, "Text"),)))))
    assert rows[1] == [code, "Text", "400"]


def test_rst_wide_characters_align() -> None:
    entry = ErrorEntry("Wide", 400, "日本語のテキスト " * 6)
    source = to_rst(Catalogue((entry,)), width=30)
    rows = table_rows(parse_rst(source))
    assert rows[1][1] == " ".join(["日本語のテキスト"] * 6)


def test_rst_empty_catalogue_parses() -> None:
    rows = table_rows(parse_rst(to_rst(Catalogue())))
    assert rows == [list(TABLE_HEADERS), ["", "", ""]]


def test_rst_bad_arguments() -> None:
    with pytest.raises(ValueError, match="width"):
        to_rst(CATALOGUE, width=5)
    with pytest.raises(ValueError, match="indent"):
        to_rst(CATALOGUE, indent=0)


# --- Markdown -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rst", "markdown"),
    [
        ("plain text", "plain text"),
        ("a ``literal`` b", "a `literal` b"),
        ("*em* and **strong**", "*em* and **strong**"),
        ("`link text <https://example.com/a_b>`_", "[link text](https://example.com/a_b)"),
        ("`anonymous <https://example.com/>`__", "[anonymous](https://example.com/)"),
        ("see https://example.com/x_y.", "see <https://example.com/x_y>."),
        (":awserr:`NoSuchKey`", "`NoSuchKey`"),
        (":awserr:`the key <NoSuchKey>`", "`the key`"),
        (":doc:`the guide <guide>`", "the guide"),
        ("``a`b``", "``a`b``"),
        ("x_y * 2 <b> [c] a|b back\\\\slash", "x\\_y \\* 2 \\<b\\> \\[c\\] a\\|b back\\\\slash"),
        ("&amp; stays text, & too", "\\&amp; stays text, & too"),
        ("*unclosed emphasis", "\\*unclosed emphasis"),
        ("  spaced\n  out  ", "spaced out"),
    ],
)
def test_rst_to_markdown(rst: str, markdown: str) -> None:
    assert rst_to_markdown(rst) == markdown


def _markdown_table(text: str) -> list[list[str]]:
    markdown_it = pytest.importorskip("markdown_it")

    html_rows: list[list[str]] = []
    tokens = markdown_it.MarkdownIt("commonmark").enable("table").parse(text)
    row: list[str] = []
    for index, token in enumerate(tokens):
        if token.type == "tr_open":
            row = []
        elif token.type in {"th_open", "td_open"}:
            inline = tokens[index + 1]
            row.append(
                "".join(child.content for child in inline.children or [])
                if inline.type == "inline"
                else ""
            )
        elif token.type == "tr_close":
            html_rows.append(row)
    return html_rows


def test_markdown_is_a_pipe_table() -> None:
    pytest.importorskip("markdown_it")
    text = to_markdown(CATALOGUE)
    rows = _markdown_table(text)
    assert rows[0] == list(TABLE_HEADERS)
    assert len(rows) == len(ENTRIES) + 1
    assert all(len(row) == 3 for row in rows)  # escaped pipes did not split a cell
    assert [row[0] for row in rows[1:]] == [entry.code for entry in ENTRIES]
    assert [row[2] for row in rows[1:]] == [str(entry.status) for entry in ENTRIES]
    by_code = {row[0]: row[1] for row in rows[1:]}
    # The text content markdown-it sees is the plain description.
    assert by_code["InvalidArgument"] == description_text(ENTRIES[3].description)
    assert by_code["ListStarter"] == ENTRIES[5].description
    assert by_code["Backticks"] == "Code with a back`tick inside"


def test_markdown_renders_markup() -> None:
    markdown_it = pytest.importorskip("markdown_it")
    html = markdown_it.MarkdownIt("commonmark").enable("table").render(to_markdown(CATALOGUE))
    assert "<code>x-amz-acl|grant</code>" in html
    assert "<em>not</em>" in html
    assert '<a href="https://example.com/acl_overview.html">the ACL overview</a>' in html
    assert '<a href="https://example.com/errors_list">' in html
    assert "&lt;tag&gt;" in html
    assert "<tag>" not in html


def test_markdown_layout_and_title() -> None:
    text = to_markdown(CATALOGUE, title="AWS error codes")
    lines = text.splitlines()
    assert lines[:2] == ["# AWS error codes", ""]
    assert lines[2].startswith("| Error Code ")
    assert set(lines[3].replace("|", "").replace(" ", "")) == {"-"}
    assert len({len(line) for line in lines[2:]}) == 1  # padded columns line up
    assert text.endswith("|\n")


# --- filters and the command ----------------------------------------------------------------


def test_filter_status() -> None:
    assert [e.code for e in filter_status(CATALOGUE, "5xx")] == ["Unicode"]
    assert [e.status for e in filter_status(CATALOGUE, "4xx,!400")] == [403, 409, 404, 499]
    assert len(filter_status(CATALOGUE, None)) == len(ENTRIES)
    with pytest.raises(ValueError, match="'4x'"):
        filter_status(CATALOGUE, "4x")


@needs_bundled
@pytest.mark.usefixtures("sphinx_roles")
def test_bundled_rst_and_markdown_tables(capsys: pytest.CaptureFixture[str]) -> None:
    entries, problems = load_file(bundled_path())
    assert problems == []
    assert main(["export", "bundled", "--format", "rst"]) == 0
    rows = table_rows(parse_rst(capsys.readouterr().out))
    assert [row[0] for row in rows[1:]] == [entry.code for entry in entries]
    assert [row[2] for row in rows[1:]] == [str(entry.status) for entry in entries]
    assert main(["export", "bundled", "--format", "markdown"]) == 0
    md_rows = _markdown_table(capsys.readouterr().out)
    assert [row[0] for row in md_rows[1:]] == [entry.code for entry in entries]
    assert all(len(row) == 3 for row in md_rows)


# --- round trips through the importers ------------------------------------------------------

needs_importers = pytest.mark.skipif(
    importlib.util.find_spec("sphinx_awserrors.convert.tables") is None,
    reason="the importers are not there yet",
)

#: Entries a round trip must keep exactly (code, status, description with its markup).
ROUND_TRIP = tuple(
    entry
    for entry in ENTRIES
    if entry.code not in {"ListStarter", "Enumerated", "FieldLike"}  # escaped on export
)


def _import(
    command: str, source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> list[ErrorEntry]:
    out = tmp_path / f"{source.stem}.imported.yaml"
    assert main([command, str(source), "-o", str(out)]) == 0, capsys.readouterr().err
    entries, problems = load_file(out)
    assert problems == []
    return entries


def _triples(entries: Any) -> list[tuple[str, int, str]]:
    return [(entry.code, entry.status, entry.description) for entry in entries]


@needs_importers
def test_round_trip_rst(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "errors.rst"
    source.write_text(
        "Errors\n======\n\n" + to_rst(Catalogue(ROUND_TRIP), width=40), encoding="utf-8"
    )
    assert _triples(_import("import-rst", source, tmp_path, capsys)) == _triples(ROUND_TRIP)


@needs_importers
def test_round_trip_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "errors.md"
    source.write_text(to_markdown(Catalogue(ROUND_TRIP), title="Errors"), encoding="utf-8")
    imported = _import("import-md", source, tmp_path, capsys)
    assert [(e.code, e.status) for e in imported] == [(e.code, e.status) for e in ROUND_TRIP]
    for entry, original in zip(imported, ROUND_TRIP, strict=True):
        if original.code == "NoSuchKey":  # Markdown has no roles: the reference is a literal
            assert description_text(entry.description) == description_text(original.description)
            continue
        # Markup may be written another way (`x`__ for `x`_), but renders the same.
        assert description_text(entry.description) == description_text(original.description)
        if "`" not in original.description and "*" not in original.description:
            assert entry.description == original.description


@needs_importers
@needs_bundled
@pytest.mark.parametrize(("fmt", "command"), [("rst", "import-rst"), ("markdown", "import-md")])
def test_round_trip_bundled(
    fmt: str, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / f"aws.{'md' if fmt == 'markdown' else 'rst'}"
    assert main(["export", "bundled", "--format", fmt, "-o", str(exported)]) == 0
    bundled, problems = load_file(bundled_path())
    assert problems == []
    imported = _import(command, exported, tmp_path, capsys)
    assert [(e.code, e.status) for e in imported] == [(e.code, e.status) for e in bundled]
    assert [description_text(e.description) for e in imported] == [
        description_text(e.description) for e in bundled
    ]
    if fmt == "rst":
        assert _triples(imported) == _triples(bundled)


def _entry(description: str) -> ErrorEntry:
    return ErrorEntry(code="Teapot", status=418, description=description)


def test_markdown_export_keeps_parentheses_of_a_link_target() -> None:
    entry = _entry("See `the docs <https://example.com/a_(b)>`__ and `x <https://e.com/a)b>`__")
    exported = to_markdown([entry])
    (table,) = read_tables(exported)
    assert table.body[0].cells[1].source == entry.description


def test_rst_export_does_not_break_a_line_at_an_escaped_space(tmp_path: Path) -> None:
    description = "a word x\\ **b** " + "filler " * 6 + "y\\ ``lit`` end"
    exported = to_rst([_entry(description)], width=10)
    assert not any(line.rstrip(" |").endswith("\\") for line in exported.splitlines())
    source = tmp_path / "errors.rst"
    source.write_text(exported, encoding="utf-8")
    out = tmp_path / "errors.yaml"
    assert main(["import-rst", str(source), "--columns", "code,description,status",
                 "-o", str(out)]) == 0  # fmt: skip
    entries, _ = load_file(out)
    assert [e.description for e in entries] == [description]


ROUND_TRIP_TEXTS = [
    "- starts like a list",
    "1. numbered",
    ":field: like",
    "ends with::",
    "#. auto enum",
    "* bullet star",
    "(a) parenthesised enum",
    ".. comment-like",
    "| line block",
    "====",
    "__ anonymous target like",
    "5\u00a0GB, no\u202fbreak",
    "\\*not emphasis*",
]


def test_rst_and_markdown_exports_import_back_to_the_same_descriptions(tmp_path: Path) -> None:
    entries = [
        ErrorEntry(code=f"Code{n}", status=400, description=text)
        for n, text in enumerate(ROUND_TRIP_TEXTS)
    ]
    for command, text in (("import-rst", to_rst(entries)), ("import-md", to_markdown(entries))):
        source = tmp_path / "errors.txt"
        source.write_text(text, encoding="utf-8")
        out = tmp_path / "errors.yaml"
        assert main([command, str(source), "-o", str(out)]) == 0
        back, problems = load_file(out)
        assert problems == []
        got = [e.description for e in back]
        if command == "import-md":  # escapes may differ, the text may not
            assert [description_text(d) for d in got] == [
                description_text(d) for d in ROUND_TRIP_TEXTS
            ]
            assert got[-2] == ROUND_TRIP_TEXTS[-2]  # fixed-width spaces are characters
        else:
            assert got == ROUND_TRIP_TEXTS


def test_markdown_export_keeps_backslashes_before_pipes_in_code() -> None:
    entry = _entry("Use ``a\\|b``, ``c|d``, ``e\\\\|f`` and a\\|b")
    (table,) = read_tables(to_markdown([entry]))
    assert table.body[0].cells[1].source == "Use ``a\\|b``, ``c|d``, ``e\\\\|f`` and a\\|b"
