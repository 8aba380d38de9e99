"""Fuzzing the parts that read what users and other projects wrote (``make fuzz``).

Hypothesis drives the loaders (arbitrary bytes under each catalogue suffix), the status filter,
the legacy-table readers and the row converter, the export writers and the description parser.
The contract is the same everywhere: the documented error or a located problem, never another
exception, and the writers' output reads back.

These tests are marked ``slow``. In the normal suite they run a few dozen examples each;
``AWSERRORS_FUZZ_EXAMPLES`` sets how many: ``make fuzz`` runs thousands, CI a short run.
"""

from __future__ import annotations

import contextlib
import json
import os
from typing import TYPE_CHECKING

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sphinx_awserrors.catalogue import Catalogue, ErrorEntry, load_file, parse_catalogue_text
from sphinx_awserrors.catalogue.status import parse_status_filter
from sphinx_awserrors.convert.md_table import read_markdown
from sphinx_awserrors.convert.rst_table import TableReadError, read_rst
from sphinx_awserrors.convert.tables import convert_tables
from sphinx_awserrors.convert.writers import to_csv, to_json, to_markdown, to_rst
from sphinx_awserrors.markup.text import description_text

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.slow

FUZZ = settings(
    max_examples=int(os.environ.get("AWSERRORS_FUZZ_EXAMPLES", "25")),
    deadline=None,
    # tmp_path is shared by the examples on purpose: each example writes its own file name
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

SUFFIXES = (".yaml", ".yml", ".toml", ".json")

# bytes that break parsers: BOMs, NUL and other controls, odd line ends, long digit runs,
# deep brackets, YAML tags and anchors, TOML headers, lone surrogate escapes
NASTY = st.sampled_from(
    [
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\x00",
        b"\x1b[31m",
        b"\r",
        b"\x85",
        "\u2028".encode(),
        b"9" * 4400,
        b"[" * 300,
        b"{" * 300,
        b"!!bool ",
        b"!!float ",
        b"!!python/object ",
        b"&a [*a] ",
        b"[[errors]]\n",
        b'"\\ud800"',
        b"errors:\n  - code: ",
        b'{"errors": [',
        b"status: ",
    ]
)
FILE_BYTES = st.lists(st.one_of(NASTY, st.binary(max_size=40)), max_size=12).map(b"".join)


@FUZZ
@given(data=FILE_BYTES, suffix=st.sampled_from(SUFFIXES), name=st.uuids())
def test_loader_on_arbitrary_bytes(tmp_path: Path, data: bytes, suffix: str, name: object) -> None:
    path = tmp_path / f"{name}{suffix}"
    path.write_bytes(data)
    entries, problems = load_file(path)
    lines = data.count(b"\n") + data.count(b"\r") + data.count(b"\x85") + 2
    for problem in problems:
        assert problem.file == str(path)
        assert problem.line is None or 1 <= problem.line <= lines + data.count("\u2028".encode())
        assert len(problem.message) < 1000
    for entry in entries:
        assert isinstance(entry.code, str) and entry.code.strip()
        assert isinstance(entry.status, int)


@FUZZ
@given(text=st.text(max_size=200), fmt=st.sampled_from(("yaml", "toml", "json")))
def test_parser_on_arbitrary_text(text: str, fmt: str) -> None:
    parse_catalogue_text(text, "fuzz", fmt)


@FUZZ
@given(text=st.text(alphabet=st.sampled_from("0123456789x!,- 45xX" + "abcz"), max_size=40))
def test_status_filter_raises_only_value_error(text: str) -> None:
    with contextlib.suppress(ValueError):
        parse_status_filter(text)


CELL = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=30
)


def _grid(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) + 2 for i in range(len(rows[0]))]
    border = "+" + "+".join("-" * w for w in widths) + "+"
    lines = [border]
    for row in rows:
        lines.append(
            "|" + "|".join(f" {cell:<{w - 1}}" for cell, w in zip(row, widths, strict=True)) + "|"
        )
        lines.append(border)
    return "\n".join(lines) + "\n"


@FUZZ
@given(
    rows=st.lists(
        st.lists(CELL.map(lambda c: c.replace("|", "")), min_size=3, max_size=3),
        min_size=1,
        max_size=6,
    ),
    noise=st.text(max_size=60),
)
def test_rst_reader_and_converter(rows: list[list[str]], noise: str) -> None:
    text = noise + "\n\n" + _grid([["Error Code", "Description", "HTTP Status"], *rows])
    try:
        result = read_rst(text, "fuzz.rst")
    except TableReadError:
        return
    convert_tables(result.tables)


@FUZZ
@given(
    rows=st.lists(st.lists(CELL, min_size=2, max_size=4), min_size=1, max_size=6),
    noise=st.text(max_size=60),
)
def test_markdown_reader_and_converter(rows: list[list[str]], noise: str) -> None:
    header = "| Code | Status | Description |\n|---|---|---|\n"
    body = "".join("| " + " | ".join(row) + " |\n" for row in rows)
    result = read_markdown(noise + "\n\n" + header + body, "fuzz.md")
    convert_tables(result.tables)


CODES = st.from_regex(r"[A-Z][A-Za-z0-9.:_-]{0,30}", fullmatch=True)
DESCRIPTIONS = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80
).filter(str.strip)


@FUZZ
@given(
    entries=st.lists(
        st.builds(
            ErrorEntry,
            code=CODES,
            status=st.integers(100, 599),
            description=DESCRIPTIONS,
            tags=st.lists(st.from_regex(r"[a-z0-9]{1,8}", fullmatch=True), max_size=2).map(tuple),
        ),
        max_size=8,
        unique_by=lambda entry: entry.code,
    )
)
def test_writers_never_raise_and_json_reads_back(entries: list[ErrorEntry]) -> None:
    catalogue = Catalogue(tuple(entries))
    exported = json.loads(to_json(catalogue))
    assert [error["code"] for error in exported["errors"]] == [e.code for e in entries]
    to_csv(catalogue)
    to_markdown(catalogue)
    to_rst(catalogue)


@FUZZ
@given(text=st.text(max_size=120))
def test_description_text_never_raises(text: str) -> None:
    plain = description_text(text)
    assert "\n" not in plain


@FUZZ
@given(
    document=st.recursive(
        st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=10)),
        lambda children: st.one_of(
            st.lists(children, max_size=3),
            st.dictionaries(st.text(max_size=6), children, max_size=3),
        ),
        max_leaves=20,
    )
)
def test_yaml_documents_never_raise(document: object) -> None:
    parse_catalogue_text(yaml.safe_dump({"errors": document}), "fuzz.yaml", "yaml")
