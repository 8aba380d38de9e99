"""The exporters (JSON, CSV, Markdown, RST grid table) and ``sphinx-awserrors export``.

Every output is read back with a real parser: ``json``, ``csv``, docutils for the grid table,
markdown-it-py for the pipe table, and the importers for the round trips.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from docutils import nodes
from docutils.core import publish_doctree
from docutils.parsers.rst import roles

from sphinx_awserrors.catalogue import Catalogue, ErrorEntry, bundled_path, load_file
from sphinx_awserrors.cli import main
from sphinx_awserrors.convert.writers import (
    CSV_HEADER,
    TABLE_HEADERS,
    filter_status,
    rst_to_markdown,
    to_csv,
    to_json,
    to_markdown,
    to_rst,
)
from sphinx_awserrors.markup.text import description_text

LONG_CODE = "IllegalVersioningConfigurationException"

#: Descriptions that exercise wrapping, markup and the characters each format treats specially.
ENTRIES: tuple[ErrorEntry, ...] = (
    ErrorEntry("AccessDenied", 403, "Access denied", tags=("s3", "iam")),
    ErrorEntry(
        "BucketAlreadyOwnedByYou",
        409,
        "The previous request to create the named bucket succeeded and the user already owns "
        "it. This error is received in all AWS regions except US Standard, us-east-1. In the "
        'us-east-1 region, the user will get "200 OK", but it is no-op.',
        tags=("s3",),
        see_also=("BucketAlreadyExists",),
    ),
    ErrorEntry(
        LONG_CODE,
        400,
        "Indicates that the versioning configuration specified in the request is invalid",
    ),
    ErrorEntry(
        "InvalidArgument",
        400,
        "The ``x-amz-acl|grant`` header is *not* valid; see "
        "`the ACL overview <https://example.com/acl_overview.html>`_ or "
        "https://example.com/errors_list, a|b <tag> & x_y * 2",
    ),
    ErrorEntry("NoSuchKey", 404, "The key does not exist; unlike :awserr:`NoSuchBucket`"),
    ErrorEntry("ListStarter", 400, "- a leading dash, and a final double colon::"),
    ErrorEntry("Enumerated", 400, "1. looks like a list item"),
    ErrorEntry("FieldLike", 400, ":field: looks like a field list"),
    ErrorEntry("Backticks", 400, "Code with a ``back`tick`` inside"),
    ErrorEntry("Unicode", 503, "Le service est indisponible — réessayez « plus tard »"),
    ErrorEntry("NonStandard", 499, "A status without a reason phrase"),
)
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


def write_yaml(path: Path, entries: tuple[ErrorEntry, ...]) -> Path:
    data = {
        "errors": [
            {
                "code": entry.code,
                "status": entry.status,
                "description": entry.description,
                **({"tags": list(entry.tags)} if entry.tags else {}),
                **({"see_also": list(entry.see_also)} if entry.see_also else {}),
            }
            for entry in entries
        ]
    }
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


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
            description_text(entry.description),
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


@pytest.fixture
def catalogue_file(tmp_path: Path) -> Path:
    return write_yaml(tmp_path / "errors.yaml", ENTRIES)


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "rst"])
def test_cli_stdout_matches_function(
    catalogue_file: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(catalogue_file), "--format", fmt]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    entries, problems = load_file(catalogue_file)
    assert problems == []
    expected = {"json": to_json, "csv": to_csv, "markdown": to_markdown, "rst": to_rst}[fmt]
    assert out == expected(Catalogue(tuple(entries)))


def test_cli_default_json_with_status_filter_and_output(
    catalogue_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "out.json"
    assert main(["export", str(catalogue_file), "--status", "4xx,!400", "-o", str(out_file)]) == 0
    assert capsys.readouterr() == ("", "")
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert [error["code"] for error in data["errors"]] == [
        "AccessDenied",
        "BucketAlreadyOwnedByYou",
        "NoSuchKey",
        "NonStandard",
    ]


def test_cli_filter_matching_nothing_warns(
    catalogue_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(catalogue_file), "--status", "3xx"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == {"errors": []}
    assert err == (
        f"sphinx-awserrors export: warning: --status 3xx matches no entry of {catalogue_file}\n"
    )


def test_cli_csv_file_has_lf_line_ends(catalogue_file: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "out.csv"
    assert main(["export", str(catalogue_file), "--format", "csv", "-o", str(out_file)]) == 0
    raw = out_file.read_bytes()
    assert b"\r\n" not in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert rows[1][:2] == ["AccessDenied", "403"]


def _error_line(capsys: pytest.CaptureFixture[str]) -> str:
    out, err = capsys.readouterr()
    assert out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    return lines[0]


def test_cli_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.yaml"
    assert main(["export", str(missing)]) == 2
    line = _error_line(capsys)
    assert str(missing) in line
    assert "not found" in line


def test_cli_malformed_catalogue(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "errors:\n"
        "  - code: NoSuchKey\n"
        "    status: 404\n"
        "    description: The key does not exist\n"
        "  - code: Bad\n"
        "    stauts: 404\n"
        "    description: Misspelt key\n",
        encoding="utf-8",
    )
    assert main(["export", str(bad), "--format", "csv"]) == 2
    line = _error_line(capsys)
    assert line.startswith(f"sphinx-awserrors export: {bad}:6: ")
    assert "stauts" in line


def test_cli_syntax_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"errors": [\n  {"code": "A",, }\n]}\n', encoding="utf-8")
    assert main(["export", str(bad)]) == 2
    assert str(bad) in _error_line(capsys)


def test_cli_bad_status_filter(catalogue_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(catalogue_file), "--status", "4xx,4x"]) == 2
    line = _error_line(capsys)
    assert "--status" in line
    assert "'4x'" in line


def test_cli_bad_status_filter_before_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(tmp_path / "missing.yaml"), "--status", "abc"]) == 2
    assert "'abc'" in _error_line(capsys)


def test_cli_unwritable_output(
    catalogue_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no" / "such" / "dir.json"
    assert main(["export", str(catalogue_file), "-o", str(target)]) == 2
    line = _error_line(capsys)
    assert str(target) in line
    assert "cannot write" in line


def test_cli_bad_format(catalogue_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(catalogue_file), "--format", "xml"]) == 2
    assert "invalid choice" in capsys.readouterr().err


def test_cli_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--help"]) == 0
    out = capsys.readouterr().out
    for word in ("--format", "--status", "--output", "bundled"):
        assert word in out


needs_bundled = pytest.mark.skipif(
    not bundled_path().is_file(), reason="the bundled catalogue is not there yet"
)


@needs_bundled
def test_cli_bundled(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "bundled", "--status", "5xx"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["errors"]
    assert all(500 <= error["status"] <= 599 for error in data["errors"])


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


# --- the examples in the documentation ------------------------------------------------------

DOCS_EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "_includes" / "export"


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("json", "errors.json"),
        ("csv", "errors.csv"),
        ("markdown", "errors.md"),
        ("rst", "errors.rst"),
    ],
)
def test_docs_examples_are_current(fmt: str, name: str, tmp_path: Path) -> None:
    out = tmp_path / name
    assert (
        main(["export", str(DOCS_EXAMPLES / "errors.yaml"), "--format", fmt, "-o", str(out)]) == 0
    )
    assert out.read_bytes() == (DOCS_EXAMPLES / name).read_bytes()


def test_docs_status_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(DOCS_EXAMPLES / "errors.yaml"), "--status", "4xx,!404"]) == 0
    codes = [error["code"] for error in json.loads(capsys.readouterr().out)["errors"]]
    assert codes == ["AccessDenied", "InvalidArgument"]
