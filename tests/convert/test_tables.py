"""Tables to entries: column detection, statuses, and the rows left out with their reasons."""

from __future__ import annotations

import pytest

from sphinx_awserrors.convert.rst_table import read_tables
from sphinx_awserrors.convert.tables import convert_tables, parse_columns, parse_status

# --- column detection -------------------------------------------------------------------------


def test_columns_by_content_before_headers() -> None:
    # the status column is headed "Code", the code column "Error": content decides
    [table] = read_tables(
        "======================= ==== ===================\n"
        "Error                   Code Description\n"
        "======================= ==== ===================\n"
        "``AccessDenied``        403  Access denied\n"
        "``NoSuchKey``           404  The key is missing\n"
        "======================= ==== ===================\n"
    )
    result = convert_tables([table])
    assert [(e.code, e.status, e.description) for e in result.entries] == [
        ("AccessDenied", 403, "Access denied"),
        ("NoSuchKey", 404, "The key is missing"),
    ]


def test_headerless_table_with_header_like_first_row() -> None:
    [table] = read_tables(
        ".. csv-table::\n\n   Code, Status, Description\n   NoSuchKey, 404, Missing key\n"
    )
    result = convert_tables([table])
    assert [(e.code, e.status, e.line) for e in result.entries] == [("NoSuchKey", 404, 4)]


NO_DESCRIPTIONS = (
    ".. csv-table::\n   :header: Status, Code\n\n"
    "   100, Continue\n   206, Partial content\n   404, NoSuchKey\n   409, Some Conflict\n"
)


def test_rows_left_out_say_why() -> None:
    [table] = read_tables(NO_DESCRIPTIONS)
    result = convert_tables([table], descriptions_optional=True)
    assert [(e.code, e.status, e.description, e.line) for e in result.entries] == [
        ("NoSuchKey", 404, "", 6)
    ]
    # a success row is left out for its status, whatever its code looks like
    assert [(p.line, p.message.split(": ", 1)[1]) for p in result.problems] == [
        (4, "status 100 is an informational status, not an error; row left out"),
        (5, "status 206 is a success status, not an error; row left out"),
        (7, "'Some Conflict' is not an error code (one word, no spaces); row left out"),
    ]


def test_table_without_descriptions_is_one_problem_for_the_importer() -> None:
    [table] = read_tables(NO_DESCRIPTIONS)
    result = convert_tables([table])
    assert result.entries == ()
    [problem] = result.problems
    assert "has no description column" in problem.message


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("404", 404),
        ("404 Not Found", 404),
        ("503 Slow Down", 503),
        ("5001", 5001),
        ("ok", None),
        ("400 or 409", None),
        ("", None),
    ],
)
def test_parse_status(text: str, status: int | None) -> None:
    assert parse_status(text) == status


def test_parse_columns() -> None:
    spec = parse_columns("status, code, -, description")
    assert (spec.code, spec.status, spec.description) == (1, 0, 3)
    with pytest.raises(ValueError, match="no 'status' column"):
        parse_columns("code,description")
