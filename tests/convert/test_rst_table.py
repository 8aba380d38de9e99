"""The reStructuredText table reader: every RST table syntax, lines, spans, Sphinx-only markup,
and descriptions that refer to the page's own targets, substitutions and footnotes."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from docutils.parsers.rst import directives, roles
from support_paths import DATA

from sphinx_awserrors.catalogue import load_file
from sphinx_awserrors.cli import main
from sphinx_awserrors.convert.rst_table import (
    TableReadError,
    join_lines,
    read_file,
    read_rst,
    read_tables,
)
from sphinx_awserrors.convert.tables import load_entries

if TYPE_CHECKING:
    from pathlib import Path

SHAPES = DATA / "import" / "shapes.rst"


def _rows(table: object) -> list[tuple[int | None, list[str]]]:
    return [(row.line, [cell.source for cell in row.cells]) for row in table.body]  # type: ignore[attr-defined]


def test_seed_grid_table(seed_path: Path) -> None:
    result = read_file(seed_path)
    assert result.problems == ()
    [table] = result.tables
    assert table.kind == "grid"
    assert table.line == 7  # the ``.. table::`` directive
    assert table.headings == ("Error Code", "Error Description", "Error")
    assert len(table.body) == 105
    rows = _rows(table)
    assert rows[0] == (13, ["AccessDenied", "Access denied", "403"])
    # wrapped lines join with a space; an escaped line end joins without one
    assert rows[1][1][1] == "No account was found in. Please contact the system administrator."
    illegal = next(r for r in rows if r[1][0].startswith("IllegalVersioning"))
    assert illegal == (
        66,
        [
            "IllegalVersioningConfigurationException",
            "Indicates that the versioning configuration specified in the request is invalid",
            "400",
        ],
    )
    assert rows[-1] == (299, ["WrongFormat", "Data entered by the user has a wrong format", "400"])


def test_every_table_shape_with_lines() -> None:
    result = read_file(SHAPES)
    kinds = [(t.number, t.kind, t.title, t.line) for t in result.tables]
    assert kinds == [
        (1, "grid", "Storage errors", 16),
        (2, "simple", "Simple table, status first", 43),  # named after its section
        (3, "list-table", "Quota errors", 55),
        (4, "csv-table", "Auth errors", 74),  # inside ``.. only::``
        (5, "simple", "A table that is not an error table", 85),
    ]  # the grid table inside ``.. code-block::`` is not read
    grid, simple, listed, csv_table, _ = result.tables
    assert _rows(grid)[1] == (
        25,
        ["ObjectLockConfigurationNotFound", "Object Lock is not configured for this bucket", "404"],
    )
    # markup survives in the source, the plain text drops it
    slow = grid.body[2]
    assert [c.source for c in slow.cells] == [
        "``SlowDown``",
        "Reduce the *request* rate",
        "503 Slow Down",
    ]
    assert slow.cells[0].text == "SlowDown"
    assert grid.body[4].cells[1].source == ""  # an empty cell
    assert _rows(simple)[1] == (
        47,
        [
            "403",
            "AccessDenied",
            "Access denied, see `the policy guide <https://example.com/policy>`__",
        ],
    )
    assert listed.headings == ("Code", "HTTP Status", "Description", "Since")
    assert _rows(listed)[1] == (
        66,
        [
            "QuotaExceeded",
            "403",
            "The account is over its quota. Delete objects or raise the quota",
            "2.1",
        ],
    )
    assert [line for line, _ in _rows(csv_table)] == [77, 78, 80]
    assert _rows(csv_table)[1][1][2] == "The token is malformed, or otherwise invalid"


def test_row_span_repeats_the_spanned_cell() -> None:
    grid = read_file(SHAPES).tables[0]
    first, second = grid.body[5], grid.body[6]
    assert [c.text for c in first.cells] == [
        "TwoStatuses",
        "One code documented with two statuses",
        "400",
    ]
    assert [c.text for c in second.cells] == [
        "TwoStatuses",
        "One code documented with two statuses",
        "409",
    ]
    assert (first.line, second.line) == (35, 37)
    assert not first.cells[0].spanned
    assert second.cells[0].spanned and second.cells[1].spanned and not second.cells[2].spanned


def test_column_span_fills_the_columns() -> None:
    text = """
+------+------+-----+
| Code | Desc | St  |
+======+======+=====+
| Wide              |
+------+------+-----+
| A    | b    | 400 |
+------+------+-----+
"""
    [table] = read_tables(text)
    wide, plain = table.body
    assert [c.text for c in wide.cells] == ["Wide", "Wide", "Wide"]
    assert [c.spanned for c in wide.cells] == [False, True, True]
    assert [c.text for c in plain.cells] == ["A", "b", "400"]


def test_sphinx_markup_does_not_stop_the_reader_and_globals_are_restored() -> None:
    before = (directives.directive, roles.role)
    text = """
.. tabularcolumns:: |l|l|
.. toctree::
   :glob:
   :unknown-option: yes

   *

.. versionchanged:: 2.0
   The table below changed.

   ======== ======
   Code     Status
   ======== ======
   Foo      400
   ======== ======

.. productionlist:: not a table
"""
    [table] = read_tables(text)
    assert table.kind == "simple"
    assert [c.text for c in table.body[0].cells] == ["Foo", "400"]
    assert (directives.directive, roles.role) == before


def test_unknown_roles_keep_their_source() -> None:
    text = """
======== ====== ==========================================
Code     Status Description
======== ====== ==========================================
Foo      400    See :ref:`the guide <guide>` and :unknown:`x`
======== ====== ==========================================
"""
    [table] = read_tables(text)
    assert table.body[0].cells[2].source == "See :ref:`the guide <guide>` and :unknown:`x`"
    assert table.body[0].cells[2].text == "See the guide and x"  # as Sphinx shows it


def test_malformed_table_is_a_problem_with_its_line() -> None:
    text = "Title\n=====\n\n===== =====\nCode  Status\n===== =====\nFooBar 400\n===== =====\n"
    result = read_rst(text, "bad.rst")
    assert result.tables == ()
    [problem] = result.problems
    assert problem.file == "bad.rst"
    assert "Malformed table" in problem.message


@pytest.mark.parametrize(
    ("raw", "joined"),
    [
        ("a\nb", "a b"),
        ("Ex\\\nception", "Exception"),
        ("back\\\\\nslash", "back\\\\ slash"),  # an escaped backslash does not escape the end
        ("  a  \n\n  b ", "a b"),
    ],
)
def test_join_lines(raw: str, joined: str) -> None:
    assert join_lines(raw) == joined


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(TableReadError, match="file not found"):
        read_file(tmp_path / "missing.rst")
    latin = tmp_path / "latin.rst"
    latin.write_bytes(b"Title\n=====\n\ncaf\xe9\n")
    with pytest.raises(TableReadError) as info:
        read_file(latin)
    assert str(info.value) == (
        f"{latin}:4: not UTF-8 text: byte 0xe9 cannot be decoded; save the file as UTF-8"
    )


def test_load_entries_for_linting_in_place(seed_path: Path) -> None:
    entries, problems = load_entries(seed_path)
    assert problems == []
    assert len(entries) == 105
    upload = next(e for e in entries if e.code == "NoSuchUpload")
    assert (upload.file, upload.line, upload.status) == (str(seed_path), 215, 404)
    assert "does not exis." in upload.description  # verbatim: lint reports it, import keeps it


def test_load_entries_reports_rows_and_unreadable_files(tmp_path: Path) -> None:
    entries, problems = load_entries(SHAPES)
    assert [e.code for e in entries][:3] == [
        "NoSuchKey",
        "ObjectLockConfigurationNotFound",
        "SlowDown",
    ]
    assert {(p.line, p.message.split(": ", 1)[1]) for p in problems} >= {
        (31, "status 5001 is not an HTTP status (100-599); row left out"),
    }
    entries, problems = load_entries(tmp_path / "missing.rst")
    assert entries == []
    assert [(p.fatal, p.message) for p in problems] == [(True, "file not found")]


PAGE = """\
.. |product| replace:: The *Store*
   service
.. |copy| unicode:: 0xA9
.. |logo| image:: logo.png
.. _guide: https://example.com/guide
.. _the alias: guide_
.. _inner:

Errors
------

+-----------+--------+--------------------------------------------------+
| Code      | Status | Description                                      |
+===========+========+==================================================+
| NoSuchKey | 404    | |product| key |copy|, see guide_ and `the        |
|           |        | alias`_ or `x <guide_>`_, not ``guide_``         |
+-----------+--------+--------------------------------------------------+
| Other     | 400    | See inner_, `anon`__, |logo| and [#note]_        |
+-----------+--------+--------------------------------------------------+

__ https://anon.example.com

.. [#note] A footnote.
"""


def test_page_references_become_self_contained_or_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "errors.rst"
    source.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "errors.yaml"
    assert main(["import-rst", str(source), "-o", str(out)]) == 1
    entries, problems = load_file(out)
    assert problems == []
    assert [(e.code, e.description) for e in entries] == [
        (
            "NoSuchKey",
            "The *Store* service key ©, see `guide <https://example.com/guide>`__ and "
            "`the alias <https://example.com/guide>`__ or `x <https://example.com/guide>`__, "
            "not ``guide_``",
        ),
        ("Other", "See inner_, `anon`__, |logo| and [#note]_"),
    ]
    err = capsys.readouterr().err.splitlines()
    prefix = f"{source}:18: table 1 \"Errors\" (line 12), row 'Other': "
    assert [line.removeprefix(prefix) for line in err if line.startswith(prefix)] == [
        "inner_ links to a target of the page (line 10), which a catalogue description cannot "
        "use; kept as written, use a role (:ref:) or an embedded URI",
        "`anon`__ is a hyperlink reference the catalogue cannot resolve (its target is in the "
        "page, or anonymous); kept as written, use an embedded URI (`text <https://...>`__)",
        "|logo| is a substitution of the page (line 4) that is not plain text, and a catalogue "
        "description cannot use the page's substitutions; kept as written, replace it by hand",
        "[#note]_ refers to a footnote of the page (line 23), which the catalogue does not have; "
        "kept as written, put the footnote's text in the description",
    ]


def test_a_row_is_located_at_its_own_line_not_at_a_substitution_definition() -> None:
    (table,) = read_rst(PAGE).tables
    assert [row.line for row in table.body] == [15, 18]
    assert table.title == "Errors"


def test_lint_reads_the_page_as_written(tmp_path: Path) -> None:
    source = tmp_path / "errors.rst"
    source.write_text(PAGE, encoding="utf-8")
    entries, problems = load_entries(source)
    assert problems == []
    assert entries[0].description.startswith("|product| key |copy|, see guide_")


def test_include_and_csv_file_are_named_when_nothing_else_is_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "errors.rst"
    source.write_text(
        "Errors\n======\n\n.. csv-table:: Errors\n   :file: errors.csv\n\n.. include:: table.rst\n",
        encoding="utf-8",
    )
    assert main(["import-rst", str(source)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{source}:4: note: the csv-table reads its rows from a file or URL, which is not "
        "followed; its table is not read (import that file, or put the rows inline)",
        f"{source}:7: note: include is not followed; a table in the included file is not read "
        "(run the importer on that file)",
        f"sphinx-awserrors import-rst: error: {source}: no table found",
    ]


def test_a_header_row_found_in_the_body_names_the_columns_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "errors.rst"
    source.write_text(
        ".. list-table::\n\n"
        "   * - HTTP Status Code\n     - Error Code\n     - Extra\n     - Description\n"
        "   * - 404 Not Found\n     - NoSuchKey\n     - x\n     - The key does not exist\n",
        encoding="utf-8",
    )
    assert main(["import-rst", str(source)]) == 0
    err = capsys.readouterr().err
    assert f"{source}:1: note: table 1 (line 1): 'Extra' not imported" in err


def test_tables_in_object_descriptions_are_found_and_code_is_not() -> None:
    page = (
        ".. http:get:: /bucket/(key)\n\n   Fetch an object.\n\n"
        "   =========  ======  ================\n"
        "   Code       Status  Description\n"
        "   =========  ======  ================\n"
        "   NoSuchKey  404     The key is gone.\n"
        "   =========  ======  ================\n\n"
        ".. py:exception:: StoreError\n\n"
        "   +-----------+--------+-------------+\n"
        "   | Code      | Status | Description |\n"
        "   +===========+========+=============+\n"
        "   | Throttled | 503    | Slow down.  |\n"
        "   +-----------+--------+-------------+\n\n"
        ".. code-block:: rst\n\n"
        "   ====  ======  ====\n   Code  Status  Text\n   ====  ======  ====\n"
        "   Fake  400     x\n   ====  ======  ====\n\n"
        ".. sphinx:exec-code::\n\n"
        "   ====  ======  ====\n   Code  Status  Text\n   ====  ======  ====\n"
        "   Fake  400     x\n   ====  ======  ====\n"
    )
    tables = read_rst(page).tables
    assert [(t.line, [r.cells[0].text for r in t.body]) for t in tables] == [
        (5, ["NoSuchKey"]),
        (13, ["Throttled"]),
    ]


def test_a_substitution_that_links_to_the_page_is_detached_too() -> None:
    page = (
        ".. |see| replace:: see the guide_\n.. _guide: https://example.com/guide\n\n"
        "=========  ======  ================\n"
        "Code       Status  Description\n"
        "=========  ======  ================\n"
        "NoSuchKey  404     Gone, |see|.\n"
        "=========  ======  ================\n"
    )
    (table,) = read_rst(page, detach=True).tables
    cell = table.body[0].cells[2]
    assert cell.source == "Gone, see the `guide <https://example.com/guide>`__."
    assert cell.issues == ()


def test_codes_written_as_sphinx_references_read_as_sphinx_shows_them() -> None:
    page = (
        "================================  ======  ==========================\n"
        "Code                              Status  Description\n"
        "================================  ======  ==========================\n"
        ":ref:`NoSuchKey <err-nosuchkey>`  404     See :doc:`the guide <g>`.\n"
        ":awserr:`SlowDown`                503     Slow.\n"
        ":py:exc:`~store.Throttled`        429     Too many \\<requests>.\n"
        "================================  ======  ==========================\n"
    )
    (table,) = read_rst(page).tables
    assert [[cell.text for cell in row.cells] for row in table.body] == [
        ["NoSuchKey", "404", "See the guide."],
        ["SlowDown", "503", "Slow."],
        ["Throttled", "429", "Too many <requests>."],
    ]
    assert table.body[0].cells[2].source == "See :doc:`the guide <g>`."


def test_a_header_row_in_the_body_is_not_a_data_row_with_columns_either(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "errors.rst"
    source.write_text(
        ".. list-table::\n\n"
        "   * - HTTP Status Code\n     - Error Code\n     - Description\n"
        "   * - 404\n     - NoSuchKey\n     - The key does not exist\n",
        encoding="utf-8",
    )
    assert main(["import-rst", str(source), "--columns", "status,code,description"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert "code: NoSuchKey" in captured.out
