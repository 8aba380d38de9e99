"""export --format markdown / rst: what import-md / import-rst read back is the catalogue."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_awserrors.catalogue import ErrorEntry, load_file
from sphinx_awserrors.cli import main
from sphinx_awserrors.convert.md_table import read_tables
from sphinx_awserrors.convert.writers import to_markdown, to_rst
from sphinx_awserrors.markup.text import description_text

if TYPE_CHECKING:
    from pathlib import Path


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


ROUND_TRIP = [
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
        for n, text in enumerate(ROUND_TRIP)
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
            assert [description_text(d) for d in got] == [description_text(d) for d in ROUND_TRIP]
            assert got[-2] == ROUND_TRIP[-2]  # fixed-width spaces are characters
        else:
            assert got == ROUND_TRIP


def test_markdown_export_keeps_backslashes_before_pipes_in_code() -> None:
    entry = _entry("Use ``a\\|b``, ``c|d``, ``e\\\\|f`` and a\\|b")
    (table,) = read_tables(to_markdown([entry]))
    assert table.body[0].cells[1].source == "Use ``a\\|b``, ``c|d``, ``e\\\\|f`` and a\\|b"
