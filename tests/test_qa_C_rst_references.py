"""import-rst: descriptions that refer to the page's own targets, substitutions and footnotes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_awserrors.catalogue import load_file
from sphinx_awserrors.cli import main
from sphinx_awserrors.convert.rst_table import read_rst
from sphinx_awserrors.convert.tables import load_entries

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

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
        f"sphinx-awserrors import-rst: {source}: no table found",
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


def test_utf16_file_is_named_as_such(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "errors.md"
    source.write_bytes("| Code | Status | Description |\n".encode("utf-16"))
    assert main(["import-md", str(source)]) == 2
    assert capsys.readouterr().err == (
        f"sphinx-awserrors import-md: {source}: UTF-16 text (it starts with a byte-order mark); "
        "save it as UTF-8\n"
    )


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
