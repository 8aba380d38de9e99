"""The catalogue loaders: YAML, TOML and JSON, every validation message with its file and line,
and ``load_catalogue``'s own and bundled files."""

from __future__ import annotations

import json
import pickle
import textwrap
from pathlib import Path

import pytest

from sphinx_awserrors import catalogue
from sphinx_awserrors.catalogue import (
    BUNDLED,
    Catalogue,
    ErrorEntry,
    Problem,
    load_catalogue,
    load_file,
    parse_catalogue_text,
)
from sphinx_awserrors.cli import main

SUFFIX = {"yaml": ".yaml", "toml": ".toml", "json": ".json"}


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def load(tmp_path: Path, fmt: str, text: str) -> tuple[list[ErrorEntry], list[str]]:
    """Load *text* as a file of format *fmt*; problems as ``line: message`` strings."""
    path = write(tmp_path, f"errors{SUFFIX[fmt]}", text)
    entries, problems = load_file(path)
    assert all(p.file == str(path) for p in problems)
    return entries, [f"{p.line}: {p.message}" for p in problems]


# --- well-formed files -----------------------------------------------------------------------

VALID = {
    "yaml": """
        # comment
        errors:
          - code: NoSuchKey
            status: 404
            description: The specified key does not exist
            tags: [s3]
            see_also: [NoSuchBucket]
          - code: SlowDown
            status: 503
            description: >
              Reduce your request rate
            ignore: [status]
        """,
    "toml": """
        # comment
        [[errors]]
        code = "NoSuchKey"
        status = 404
        description = "The specified key does not exist"
        tags = ["s3"]
        see_also = ["NoSuchBucket"]

        [[errors]]
        code = "SlowDown"
        status = 503
        description = \"\"\"
        Reduce your request rate
        \"\"\"
        ignore = ["status"]
        """,
    "json": """
        {
          "errors": [
            {
              "code": "NoSuchKey", "status": 404,
              "description": "The specified key does not exist",
              "tags": ["s3"],
              "see_also": ["NoSuchBucket"]
            },
            {
              "code": "SlowDown",
              "status": 503,
              "description": "Reduce your request rate\\n",
              "ignore": ["status"]}
          ]
        }
        """,
}
# (entry line, {field: line}) of the two entries in each format
VALID_LINES = {
    "yaml": [(3, {"code": 3, "status": 4, "description": 5, "tags": 6, "see_also": 7}),
             (8, {"code": 8, "status": 9, "description": 10, "ignore": 12})],
    "toml": [(2, {"code": 3, "status": 4, "description": 5, "tags": 6, "see_also": 7}),
             (9, {"code": 10, "status": 11, "description": 12, "ignore": 15})],
    "json": [(3, {"code": 4, "status": 4, "description": 5, "tags": 6, "see_also": 7}),
             (9, {"code": 10, "status": 11, "description": 12, "ignore": 13})],
}  # fmt: skip


@pytest.mark.parametrize("fmt", ["yaml", "toml", "json"])
def test_valid_file_in_each_format(tmp_path: Path, fmt: str) -> None:
    entries, problems = load(tmp_path, fmt, VALID[fmt])
    assert problems == []
    first, second = entries
    assert (first.code, first.status, first.description) == (
        "NoSuchKey",
        404,
        "The specified key does not exist",
    )
    assert first.tags == ("s3",)
    assert first.see_also == ("NoSuchBucket",)
    assert first.ignore == ()
    assert (second.code, second.status) == ("SlowDown", 503)
    assert second.description.strip() == "Reduce your request rate"
    assert not second.description.endswith("\n")
    assert second.ignore == ("status",)
    for entry, (line, fields) in zip(entries, VALID_LINES[fmt], strict=True):
        assert entry.line == line
        assert dict(entry.field_lines) == fields
        assert entry.file == str(tmp_path / f"errors{SUFFIX[fmt]}")


def test_entries_pickle_for_parallel_builds(tmp_path: Path) -> None:
    entries, _ = load(tmp_path, "yaml", VALID["yaml"])
    again = pickle.loads(pickle.dumps(Catalogue(tuple(entries))))
    assert again.codes == ("NoSuchKey", "SlowDown")
    assert again["NoSuchKey"].line_of("tags") == 6
    assert again["NoSuchKey"].location("status").endswith("errors.yaml:4")


def test_entry_location_falls_back_to_the_entry_line() -> None:
    entry = ErrorEntry("A", 400, "d", file="f.yaml", line=3)
    assert entry.line_of("tags") == 3
    assert entry.location() == "f.yaml:3"
    assert ErrorEntry("A", 400, "d", file="f.yaml").location() == "f.yaml"


# --- problems the three formats share ---------------------------------------------------------

CASES: dict[str, dict[str, tuple[str, list[str]]]] = {
    "misspelt key": {
        "yaml": (
            """
            errors:
              - code: NoSuchKey
                stauts: 404
                description: d
            """,
            ["3: entry 1 (NoSuchKey) has an unknown key 'stauts'; did you mean 'status'?"],
        ),
        "toml": (
            """
            [[errors]]
            code = "NoSuchKey"
            stauts = 404
            description = "d"
            """,
            ["3: entry 1 (NoSuchKey) has an unknown key 'stauts'; did you mean 'status'?"],
        ),
        "json": (
            """
            {"errors": [
              {"code": "NoSuchKey",
               "stauts": 404,
               "description": "d"}]}
            """,
            ["3: entry 1 (NoSuchKey) has an unknown key 'stauts'; did you mean 'status'?"],
        ),
    },
    "missing field": {
        "yaml": (
            """
            errors:
              - code: A
                status: 400
                description: d
              - code: NoSuchKey
                status: 404
            """,
            ["5: entry 2 (NoSuchKey) has no 'description'; add a one-sentence description"],
        ),
        "toml": (
            """
            [[errors]]
            code = "A"
            status = 400
            description = "d"
            [[errors]]
            code = "NoSuchKey"
            status = 404
            """,
            ["5: entry 2 (NoSuchKey) has no 'description'; add a one-sentence description"],
        ),
        "json": (
            """
            {"errors": [
              {"code": "A", "status": 400, "description": "d"},
              {"code": "NoSuchKey",
               "status": 404}]}
            """,
            ["3: entry 2 (NoSuchKey) has no 'description'; add a one-sentence description"],
        ),
    },
    "empty field": {
        "yaml": (
            """
            errors:
              - code: NoSuchKey
                status: 404
                description: "  "
              - code:
                status: 404
                description: d
            """,
            ["4: entry 1 (NoSuchKey): 'description' is empty", "5: entry 2: 'code' is empty"],
        ),
        "toml": (
            """
            [[errors]]
            code = "NoSuchKey"
            status = 404
            description = "  "
            [[errors]]
            code = ""
            status = 404
            description = "d"
            """,
            ["4: entry 1 (NoSuchKey): 'description' is empty", "6: entry 2: 'code' is empty"],
        ),
        "json": (
            """
            {"errors": [
              {"code": "NoSuchKey", "status": 404,
               "description": "  "},
              {"code": "",
               "status": 404, "description": "d"}]}
            """,
            ["3: entry 1 (NoSuchKey): 'description' is empty", "4: entry 2: 'code' is empty"],
        ),
    },
    "status not an integer": {
        "yaml": (
            """
            errors:
              - code: A
                status: "404"
                description: d
              - code: B
                status: true
                description: d
              - code: C
                status: 404.5
                description: d
            """,
            [
                "3: entry 1 (A): 'status' must be an integer, not the string '404'; "
                "write it without quotes: 404",
                "6: entry 2 (B): 'status' must be an integer HTTP status, not a boolean (true)",
                "9: entry 3 (C): 'status' must be an integer HTTP status, not a number (404.5)",
            ],
        ),
        "toml": (
            """
            [[errors]]
            code = "A"
            status = "404"
            description = "d"
            [[errors]]
            code = "B"
            status = true
            description = "d"
            [[errors]]
            code = "C"
            status = 404.5
            description = "d"
            """,
            [
                "3: entry 1 (A): 'status' must be an integer, not the string '404'; "
                "write it without quotes: 404",
                "7: entry 2 (B): 'status' must be an integer HTTP status, not a boolean (true)",
                "11: entry 3 (C): 'status' must be an integer HTTP status, not a number (404.5)",
            ],
        ),
        "json": (
            """
            {"errors": [
              {"code": "A", "status": "404", "description": "d"},
              {"code": "B", "status": true, "description": "d"},
              {"code": "C", "status": 404.5, "description": "d"}
            ]}
            """,
            [
                "2: entry 1 (A): 'status' must be an integer, not the string '404'; "
                "write it without quotes: 404",
                "3: entry 2 (B): 'status' must be an integer HTTP status, not a boolean (true)",
                "4: entry 3 (C): 'status' must be an integer HTTP status, not a number (404.5)",
            ],
        ),
    },
    "wrong types": {
        "yaml": (
            """
            errors:
              - code: 404
                status: 404
                description: d
              - code: A
                status: 400
                description: d
                tags: s3
              - just a string
            """,
            [
                "2: entry 1: 'code' must be a string, not an integer (404)",
                "8: entry 2 (A): 'tags' must be a list of non-empty strings, such as [s3]; "
                "it is ignored",
                "9: entry 3 is the string 'just a string', not a mapping with code, status "
                "and description",
            ],
        ),
        "toml": (
            """
            errors = [
              {code = 404, status = 404, description = "d"},
              {code = "A", status = 400, description = "d", tags = "s3"},
              "just a string",
            ]
            """,
            [
                "2: entry 1: 'code' must be a string, not an integer (404)",
                "3: entry 2 (A): 'tags' must be a list of non-empty strings, such as [s3]; "
                "it is ignored",
                "1: entry 3 is the string 'just a string', not a mapping with code, status "
                "and description",
            ],
        ),
        "json": (
            """
            {"errors": [
              {"code": 404, "status": 404, "description": "d"},
              {"code": "A", "status": 400, "description": "d",
               "tags": "s3"},
              "just a string"
            ]}
            """,
            [
                "2: entry 1: 'code' must be a string, not an integer (404)",
                "4: entry 2 (A): 'tags' must be a list of non-empty strings, such as [s3]; "
                "it is ignored",
                "1: entry 3 is the string 'just a string', not a mapping with code, status "
                "and description",
            ],
        ),
    },
    # a list or mapping used to be reported as an empty field
    "list or mapping in a required field": {
        "yaml": (
            """
            errors:
              - code: A
                status: 404
                description: [one, two]
              - code: [B]
                status: {value: 404}
                description: d
            """,
            [
                "4: entry 1 (A): 'description' must be a string, not a list",
                "5: entry 2: 'code' must be a string, not a list",
                "6: entry 2: 'status' must be an integer HTTP status, not a mapping",
            ],
        ),
        "toml": (
            """
            [[errors]]
            code = "A"
            status = [404]
            description = {text = "d"}
            """,
            [
                "3: entry 1 (A): 'status' must be an integer HTTP status, not a list",
                "4: entry 1 (A): 'description' must be a string, not a mapping",
            ],
        ),
        "json": (
            """
            {"errors": [
              {"code": {}, "status": 404,
               "description": ["d"]}
            ]}
            """,
            [
                "2: entry 1: 'code' must be a string, not a mapping",
                "3: entry 1: 'description' must be a string, not a list",
            ],
        ),
    },
    "top level not a mapping": {
        "yaml": (
            """
            - code: A
              status: 400
            """,
            [
                "1: the top level must be a mapping with an 'errors' list, not a list; "
                "put the entries under an 'errors' key"
            ],
        ),
        "toml": (
            """
            code = "A"
            """,
            [
                "1: unknown top-level key 'code' (allowed: errors, $schema)",
                "1: the top level has no 'errors' key; a catalogue is a mapping with an "
                "'errors' list",
            ],
        ),
        "json": (
            """
            [{"code": "A"}]
            """,
            [
                "1: the top level must be a mapping with an 'errors' list, not a list; "
                "put the entries under an 'errors' key"
            ],
        ),
    },
    "misspelt errors key": {
        "yaml": (
            """
            # catalogue
            erors:
              - code: A
            """,
            [
                "2: the top level has no 'errors' key; unknown top-level key 'erors'; "
                "did you mean 'errors'?"
            ],
        ),
        "toml": (
            """
            # catalogue
            [[erors]]
            code = "A"
            """,
            [
                "1: the top level has no 'errors' key; unknown top-level key 'erors'; "
                "did you mean 'errors'?"
            ],
        ),
        "json": (
            """
            {
              "erors": []}
            """,
            [
                "2: the top level has no 'errors' key; unknown top-level key 'erors'; "
                "did you mean 'errors'?"
            ],
        ),
    },
    "errors not a list": {
        "yaml": (
            """
            errors:
              code: A
            """,
            ["2: 'errors' must be a list of entries, not a mapping"],
        ),
        "toml": (
            """
            # one table instead of an array of tables
            [errors]
            code = "A"
            """,
            ["2: 'errors' must be a list of entries, not a mapping"],
        ),
        "json": (
            """
            {"errors":
              {"code": "A"}}
            """,
            ["2: 'errors' must be a list of entries, not a mapping"],
        ),
    },
    "errors empty": {
        "yaml": (
            """
            errors: []
            """,
            ["1: 'errors' is empty; add at least one entry"],
        ),
        "toml": (
            """
            errors = []
            """,
            ["1: 'errors' is empty; add at least one entry"],
        ),
        "json": (
            """
            {
              "errors": []
            }
            """,
            ["2: 'errors' is empty; add at least one entry"],
        ),
    },
    "syntax error": {
        "yaml": (
            """
            errors:
              - code: A
                status: [404
                description: d
            """,
            [
                "4: YAML syntax error: while parsing a flow sequence, "
                "did not find expected ',' or ']'"
            ],
        ),
        "toml": (
            """
            [[errors]]
            code = "A"
            status = 404,
            """,
            ["3: TOML syntax error: Expected newline or end of document after a statement"],
        ),
        "json": (
            """
            {"errors": [
              {"code": "A"
               "status": 404}]}
            """,
            ["3: JSON syntax error: Expecting ',' delimiter"],
        ),
    },
    "duplicate key": {
        "yaml": (
            """
            errors:
              - code: A
                status: 400
                description: d
                status: 404
            """,
            ["5: entry 1 (A) gives 'status' twice (first on line 3); keep one"],
        ),
        "toml": (
            """
            [[errors]]
            code = "A"
            status = 400
            description = "d"
            status = 404
            """,
            ["5: TOML syntax error: Cannot overwrite a value"],
        ),
        "json": (
            """
            {"errors": [
              {"code": "A", "status": 400, "description": "d",
               "status": 404}]}
            """,
            ["3: entry 1 (A) gives 'status' twice (first on line 2); keep one"],
        ),
    },
}


@pytest.mark.parametrize("fmt", ["yaml", "toml", "json"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_problem_messages_with_lines(tmp_path: Path, case: str, fmt: str) -> None:
    text, expected = CASES[case][fmt]
    entries, problems = load(tmp_path, fmt, text)
    assert problems == expected
    # a malformed entry is left out; a bad optional field is dropped from a kept entry
    kept = {"missing field": ["A"], "wrong types": ["A"]}
    assert [e.code for e in entries] == kept.get(case, [])


@pytest.mark.parametrize("fmt", ["yaml", "toml", "json"])
def test_malformed_entry_is_skipped_and_the_rest_load(tmp_path: Path, fmt: str) -> None:
    text = {
        "yaml": "errors:\n- {code: A, status: 400, description: d}\n"
        "- {code: B, status: x, description: d}\n- {code: C, status: 500, description: d}\n",
        "toml": 'errors = [\n{code = "A", status = 400, description = "d"},\n'
        '{code = "B", status = "x", description = "d"},\n'
        '{code = "C", status = 500, description = "d"},\n]\n',
        "json": '{"errors": [\n{"code": "A", "status": 400, "description": "d"},\n'
        '{"code": "B", "status": "x", "description": "d"},\n'
        '{"code": "C", "status": 500, "description": "d"}\n]}\n',
    }[fmt]
    entries, problems = load(tmp_path, fmt, text)
    assert [e.code for e in entries] == ["A", "C"]
    assert [e.line for e in entries] == [2, 4]
    assert problems == [
        "3: entry 2 (B): 'status' must be an integer HTTP status, not the string 'x'"
    ]


@pytest.mark.parametrize("fmt", ["yaml", "toml", "json"])
def test_duplicate_code_and_odd_status_are_kept_for_the_checks(tmp_path: Path, fmt: str) -> None:
    text = {
        "yaml": "errors:\n- {code: A, status: 400, description: d}\n"
        "- {code: A, status: 999, description: e}\n",
        "toml": '[[errors]]\ncode = "A"\nstatus = 400\ndescription = "d"\n'
        '[[errors]]\ncode = "A"\nstatus = 999\ndescription = "e"\n',
        "json": '{"errors": [\n{"code": "A", "status": 400, "description": "d"},\n'
        '{"code": "A", "status": 999, "description": "e"}]}\n',
    }[fmt]
    entries, problems = load(tmp_path, fmt, text)
    assert problems == []
    assert [(e.code, e.status) for e in entries] == [("A", 400), ("A", 999)]
    assert Catalogue(tuple(entries))["A"].status == 400  # lookup: the first one


def test_unknown_key_without_suggestion_keeps_the_entry(tmp_path: Path) -> None:
    entries, problems = load(
        tmp_path, "yaml", "errors:\n- code: A\n  status: 400\n  description: d\n  owner: me\n"
    )
    assert [e.code for e in entries] == ["A"]
    assert problems == [
        "5: entry 1 (A) has an unknown key 'owner' (allowed: "
        "code, status, description, tags, see_also, ignore, differs, since, deprecated)"
    ]


def test_misspelt_optional_key_is_reported_and_the_entry_kept(tmp_path: Path) -> None:
    entries, problems = load(
        tmp_path, "yaml", "errors:\n- code: A\n  status: 400\n  description: d\n  tag: [s3]\n"
    )
    assert [e.code for e in entries] == ["A"]
    assert problems == ["5: entry 1 (A) has an unknown key 'tag'; did you mean 'tags'?"]


def test_unknown_top_level_key(tmp_path: Path) -> None:
    entries, problems = load(
        tmp_path,
        "yaml",
        "$schema: x.json\nerorrs: 1\nerrors:\n- {code: A, status: 1, description: d}\n",
    )
    assert [e.code for e in entries] == ["A"]
    assert problems == ["2: unknown top-level key 'erorrs'; did you mean 'errors'?"]


# --- YAML specifics ---------------------------------------------------------------------------


def test_yaml_duplicate_top_level_key_is_reported(tmp_path: Path) -> None:
    entries, problems = load(
        tmp_path,
        "yaml",
        "errors:\n- {code: A, status: 400, description: d}\n"
        "errors:\n- {code: B, status: 400, description: d}\n",
    )
    assert [e.code for e in entries] == ["A"]
    assert problems == ["3: the top-level key 'errors' is given twice (first on line 1); "
                        "the first is used"]  # fmt: skip


def test_yaml_anchors_and_merge_keys(tmp_path: Path) -> None:
    entries, problems = load(
        tmp_path,
        "yaml",
        """
        common: &s3
          tags: [s3]
          status: 404
        errors:
          - <<: *s3
            code: NoSuchKey
            description: d
          - <<: *s3
            code: NoSuchBucket
            status: 410
            description: e
        """,
    )
    assert [(e.code, e.status, e.tags) for e in entries] == [
        ("NoSuchKey", 404, ("s3",)),
        ("NoSuchBucket", 410, ("s3",)),
    ]
    # the anchor's own top-level key is still unknown
    assert problems == ["1: unknown top-level key 'common' (allowed: errors, $schema)"]


def test_yaml_several_documents(tmp_path: Path) -> None:
    _, problems = load(tmp_path, "yaml", "errors: []\n---\nerrors: []\n")
    assert len(problems) == 1
    assert problems[0] == (
        "2: YAML syntax error: expected a single document in the stream, but found another document"
    )


def test_yaml_recursive_alias(tmp_path: Path) -> None:
    _, problems = load(tmp_path, "yaml", "errors: &a\n  - *a\n")
    assert problems == ["1: YAML alias refers to itself (a recursive structure)"]


def test_yaml_comments_only(tmp_path: Path) -> None:
    entries, problems = load(tmp_path, "yaml", "# nothing yet\n")
    assert entries == []
    assert problems == ["None: the file has no content; a catalogue needs an 'errors' list"]


def test_yaml_timestamp_code_is_not_a_string(tmp_path: Path) -> None:
    _, problems = load(
        tmp_path, "yaml", "errors:\n- {code: 2020-01-01, status: 1, description: d}\n"
    )
    assert problems == ["2: entry 1: 'code' must be a string, not a date"]


# --- TOML and JSON specifics --------------------------------------------------------------------


def test_toml_multiline_strings_do_not_confuse_key_lines(tmp_path: Path) -> None:
    entries, problems = load(
        tmp_path,
        "toml",
        '[[errors]]\ncode = "A"\ndescription = """\nstatus = 1\n"""\nstatus = 400\n'
        "tags = [\n  'x',\n]\n",
    )
    assert problems == []
    assert dict(entries[0].field_lines) == {"code": 2, "description": 3, "status": 6, "tags": 7}


def test_toml_inline_entries_are_located_by_code(tmp_path: Path) -> None:
    entries, _ = load(
        tmp_path,
        "toml",
        'errors = [\n  {code = "A", status = 400, description = "d"},\n\n'
        '  {code = "B", status = 400, description = "d"},\n]\n',
    )
    assert [e.line for e in entries] == [2, 4]


def test_json_brackets_inside_strings_do_not_confuse_lines(tmp_path: Path) -> None:
    entries, problems = load(
        tmp_path,
        "json",
        '{"errors": [\n{"code": "A", "status": 400, "description": "a {\\"b\\": [c] }"},\n'
        '{"code": "B",\n "status": 400, "description": "d"}]}\n',
    )
    assert problems == []
    assert [e.line for e in entries] == [2, 3]
    assert entries[1].field_lines == {"code": 3, "status": 4, "description": 4}


# --- files --------------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    entries, problems = load_file(tmp_path / "nope.yaml")
    assert entries == []
    assert problems == [
        Problem(str(tmp_path / "nope.yaml"), None, "catalogue file not found", fatal=True)
    ]
    assert str(problems[0]) == f"{tmp_path / 'nope.yaml'}: catalogue file not found"


@pytest.mark.parametrize("fmt", ["yaml", "toml", "json"])
@pytest.mark.parametrize("text", ["", "  \n\n"])
def test_empty_file(tmp_path: Path, fmt: str, text: str) -> None:
    path = tmp_path / f"e{SUFFIX[fmt]}"
    path.write_text(text, encoding="utf-8")
    entries, problems = load_file(path)
    assert entries == []
    assert [(p.line, p.message, p.fatal) for p in problems] == [
        (None, "the file is empty; a catalogue needs an 'errors' list", True)
    ]


@pytest.mark.parametrize("fmt", ["yaml", "toml", "json"])
def test_not_utf8(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"latin1{SUFFIX[fmt]}"
    path.write_bytes(b"errors:\n  - code: A\n    description: caf\xe9\n")
    _, problems = load_file(path)
    assert [(p.line, p.message) for p in problems] == [
        (3, "not UTF-8 text: byte 0xe9 cannot be decoded; save the file as UTF-8")
    ]


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b'\xef\xbb\xbf{"errors": [{"code": "A", "status": 1, "description": "d"}]}')
    entries, problems = load_file(path)
    assert problems == []
    assert entries[0].code == "A"


def test_directory_and_unknown_suffix(tmp_path: Path) -> None:
    (tmp_path / "dir.yaml").mkdir()
    _, problems = load_file(tmp_path / "dir.yaml")
    assert problems[0].message == "is a directory, not a catalogue file"
    # a directory without a catalogue suffix is still reported as a directory
    (tmp_path / "catalogue").mkdir()
    _, problems = load_file(tmp_path / "catalogue")
    assert [p.message for p in problems] == ["is a directory, not a catalogue file"]
    _, problems = load_file(tmp_path / "errors.txt")
    assert problems[0].message == (
        "unknown catalogue format '.txt'; name the file .yaml, .yml, .toml or .json"
    )


def test_parse_text_without_a_file() -> None:
    entries, problems = parse_catalogue_text(
        '{"errors": [{"code": "A", "status": 1, "description": "d"}]}', "<stdin>", "json"
    )
    assert problems == []
    assert entries[0].file == "<stdin>"


# --- merging ------------------------------------------------------------------------------------


@pytest.fixture
def fake_bundled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small stand-in for the bundled catalogue."""
    path = write(
        tmp_path,
        "bundled/aws.yaml",
        """
        errors:
          - {code: AccessDenied, status: 403, description: Access Denied}
          - {code: NoSuchKey, status: 404, description: The specified key does not exist}
          - {code: SlowDown, status: 503, description: Reduce your request rate}
        """,
    )
    monkeypatch.setattr(catalogue.bundled, "bundled_path", lambda: path)
    return path


@pytest.fixture
def own_files(tmp_path: Path) -> Path:
    write(
        tmp_path,
        "docs/errors.yaml",
        """
        errors:
          - {code: QuotaExceeded, status: 403, description: Quota used up}
          - {code: NoSuchKey, status: 410, description: Gone from this gateway}
        """,
    )
    write(
        tmp_path,
        "docs/more/errors.toml",
        """
        [[errors]]
        code = "QuotaExceeded"
        status = 429
        description = "Quota again"
        """,
    )
    return tmp_path / "docs"


def test_unset_means_bundled_alone(fake_bundled: Path) -> None:
    result = load_catalogue(None, "/nowhere")
    assert result.catalogue.codes == ("AccessDenied", "NoSuchKey", "SlowDown")
    assert result.problems == ()
    assert [f.bundled for f in result.files] == [True]
    assert load_catalogue([BUNDLED]).catalogue == result.catalogue


def test_own_files_without_bundled(fake_bundled: Path, own_files: Path) -> None:
    result = load_catalogue("errors.yaml", own_files)
    assert result.catalogue.codes == ("QuotaExceeded", "NoSuchKey")
    assert result.catalogue["NoSuchKey"].status == 410


def test_own_entry_replaces_bundled_entry_in_its_own_place(
    fake_bundled: Path, own_files: Path
) -> None:
    result = load_catalogue(("bundled", "errors.yaml"), own_files)
    assert [(e.code, e.status) for e in result.catalogue] == [
        ("AccessDenied", 403),
        ("SlowDown", 503),
        ("QuotaExceeded", 403),
        ("NoSuchKey", 410),
    ]
    assert result.problems == ()
    assert result.catalogue.files == (str(fake_bundled), str(own_files / "errors.yaml"))


def test_bundled_listed_last_keeps_the_order(fake_bundled: Path, own_files: Path) -> None:
    result = load_catalogue(["errors.yaml", "bundled"], own_files)
    assert result.catalogue.codes == ("QuotaExceeded", "NoSuchKey", "AccessDenied", "SlowDown")


def test_code_twice_across_own_files_stays_in(fake_bundled: Path, own_files: Path) -> None:
    result = load_catalogue(["bundled", "errors.yaml", "more/errors.toml"], own_files)
    quota = [e for e in result.catalogue if e.code == "QuotaExceeded"]
    assert [(Path(e.file).name, e.line, e.status) for e in quota] == [
        ("errors.yaml", 2, 403),
        ("errors.toml", 1, 429),
    ]
    assert result.problems == ()


def test_file_listed_twice_is_read_once(fake_bundled: Path, own_files: Path) -> None:
    result = load_catalogue(["errors.yaml", "./errors.yaml", "bundled", "bundled"], own_files)
    assert len([e for e in result.catalogue if e.code == "QuotaExceeded"]) == 1
    assert [p.message for p in result.problems] == ["listed twice; it is read once"] * 2


def test_broken_own_file_beside_bundled_is_not_fatal(fake_bundled: Path, tmp_path: Path) -> None:
    result = load_catalogue(["bundled", "missing.yaml"], tmp_path)
    assert not result.fatal
    assert result.catalogue.codes == ("AccessDenied", "NoSuchKey", "SlowDown")
    assert [str(p) for p in result.problems] == [
        f"{tmp_path / 'missing.yaml'}: catalogue file not found"
    ]


def test_every_own_file_unusable_is_fatal(fake_bundled: Path, tmp_path: Path) -> None:
    write(tmp_path, "bad.json", "{")
    result = load_catalogue(["missing.yaml", "bad.json"], tmp_path)
    assert result.fatal
    assert len(result.catalogue) == 0
    assert len(result.problems) == 2


def test_missing_bundled_file_names_the_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(catalogue.bundled, "bundled_path", lambda: tmp_path / "gone.yaml")
    result = load_catalogue(None)
    assert not result.fatal  # not the project's mistake: the build goes on, with a warning
    assert [p.message for p in result.problems] == [
        "bundled catalogue: catalogue file not found; reinstall sphinx-awserrors"
    ]


def test_digest_follows_content_not_time(tmp_path: Path) -> None:
    path = write(tmp_path, "errors.yaml", "errors: []\n")
    files, _ = catalogue.resolve_files("errors.yaml", tmp_path)
    before = catalogue.catalogue_digest(files)
    path.write_text("errors: []\n", encoding="utf-8")
    assert catalogue.catalogue_digest(files) == before
    path.write_text("errors: [ ]\n", encoding="utf-8")
    assert catalogue.catalogue_digest(files) != before
    assert catalogue.catalogue_digest(files, "other config") != catalogue.catalogue_digest(files)


def test_yaml_aliased_mapping_with_merge_key_is_read_once(tmp_path: Path) -> None:
    entries, problems = load(
        tmp_path,
        "yaml",
        """
        base: &base {status: 404, tags: [s3]}
        entry: &entry
          <<: *base
          status: 410
        errors:
          - {<<: *entry, code: A, description: d}
          - {<<: *entry, code: B, description: e}
        """,
    )
    assert [(e.code, e.status, e.tags) for e in entries] == [
        ("A", 410, ("s3",)),
        ("B", 410, ("s3",)),
    ]
    # no "given twice" for the key that overrides the merged one, however often it is reached
    assert problems == [
        "1: unknown top-level key 'base' (allowed: errors, $schema)",
        "2: unknown top-level key 'entry' (allowed: errors, $schema)",
    ]


def test_yaml_empty_status(tmp_path: Path) -> None:
    _, problems = load(tmp_path, "yaml", "errors:\n- code: A\n  status:\n  description: d\n")
    assert problems == ["3: entry 1 (A): 'status' is empty; give the HTTP status, such as 404"]


def test_toml_error_at_end_of_file_names_the_last_line(tmp_path: Path) -> None:
    path = tmp_path / "cut.toml"
    path.write_text('[[errors]]\ncode = "A"\nstatus', encoding="utf-8")
    _, problems = load_file(path)
    assert [(p.line, p.message) for p in problems] == [
        (
            3,
            "TOML syntax error: Expected '=' after a key in a key/value pair "
            "(at the end of the file)",
        )
    ]


@pytest.mark.parametrize("text", ["errors:\n  - \x1b\n", "errors:\n - code: \ud800\n"])
def test_text_yaml_cannot_hold(text: str) -> None:
    _, problems = parse_catalogue_text(text, "f.yaml", "yaml")
    assert [(p.line, p.fatal) for p in problems] == [(2, True)]
    assert "\n" not in problems[0].message


def write_dedented(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


# --- a JSON escape of half a surrogate pair -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "escape"),
    [
        ('{"errors": [{"code": "A\\ud800", "status": 404, "description": "d"}]}\n', 1, "d800"),
        (
            '{"errors": [\n {"code": "A", "status": 404, "description": "d",\n'
            '  "tags": ["s3", "x\\udc00"]}\n]}\n',
            3,
            "dc00",
        ),
        ('{"errors": [\n {"code": "A", "status": 404, "descr\\ud800": "d"}]}\n', 2, "d800"),
    ],
)
def test_json_lone_surrogate_is_a_syntax_error(
    tmp_path: Path, text: str, line: int, escape: str
) -> None:
    # json.loads accepts "\ud800" and gives a str that cannot be printed or written: the lint
    # output and the Sphinx build used to crash on it ("Encoding error!")
    path = tmp_path / "errors.json"
    path.write_text(text, encoding="utf-8")
    entries, problems = load_file(path)
    assert entries == []
    assert [(p.line, p.message, p.fatal) for p in problems] == [
        (
            line,
            f"JSON syntax error: the escape \\u{escape} is half of a surrogate pair, "
            "not a character",
            True,
        )
    ]


def test_json_surrogate_pair_is_one_character(tmp_path: Path) -> None:
    path = tmp_path / "errors.json"
    path.write_text(
        '{"errors": [{"code": "A", "status": 404, "description": "smile \\ud83d\\ude00"}]}',
        encoding="utf-8",
    )
    entries, problems = load_file(path)
    assert problems == []
    assert entries[0].description == "smile \U0001f600"


def test_lint_of_json_lone_surrogate_exits_2_without_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("errors.json").write_text(
        '{"errors": [{"code": "A\\ud800", "status": 404, "description": "d"}]}', encoding="utf-8"
    )
    assert main(["lint", "errors.json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "sphinx-awserrors lint: error: errors.json:1: JSON syntax error: the escape \\ud800 is "
        "half of a surrogate pair, not a character\n"
    )


# --- files of which no entry can be used ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "errors:\n  - just a string\n  - 42\n",
        "errors:\n  - code: A\n    stauts: 404\n    description: d\n",
        "errors: []\n",
        "errors:\n",
    ],
)
def test_own_files_without_a_usable_entry_are_fatal(tmp_path: Path, text: str) -> None:
    write_dedented(tmp_path / "errors.yaml", text)
    result = load_catalogue(["errors.yaml"], tmp_path)
    assert len(result.catalogue) == 0
    assert result.problems
    assert result.fatal
    # beside the bundled catalogue, the build still has codes to show
    assert not load_catalogue(["bundled", "errors.yaml"], tmp_path).fatal


@pytest.mark.parametrize("text", ["errors: []\n", "errors:\n", "errors:\n# no entry yet\n"])
def test_empty_errors_list_is_one_finding_whatever_its_spelling(tmp_path: Path, text: str) -> None:
    # `errors:` and `errors: []` are the same empty list: the same problem, the same exit status
    _, problems = load_file(write_dedented(tmp_path / "errors.yaml", text))
    assert [(p.line, p.message, p.fatal) for p in problems] == [
        (1, "'errors' is empty; add at least one entry", False)
    ]


# --- TOML lines of sub-tables and of inline entries without a code ---------------------------


def test_toml_subtable_of_an_entry_points_at_its_header(tmp_path: Path) -> None:
    path = write_dedented(
        tmp_path / "errors.toml",
        """
        [[errors]]
        code = "A"
        status = 404
        description = "d"
        [[errors.tags]]
        name = "s3"

        [[errors]]
        code = "B"
        status = 404
        description = "e"

        [errors.owner]
        team = "storage"
        """,
    )
    entries, problems = load_file(path)
    assert [e.code for e in entries] == ["A", "B"]
    assert [(p.line, p.message) for p in problems] == [
        (5, "entry 1 (A): 'tags' must be a list of non-empty strings, such as [s3]; it is ignored"),
        (
            13,
            "entry 2 (B) has an unknown key 'owner' "
            "(allowed: code, status, description, tags, see_also, ignore, "
            "differs, since, deprecated)",
        ),
    ]


def test_toml_inline_entry_without_a_code_points_at_its_own_line(tmp_path: Path) -> None:
    path = write_dedented(
        tmp_path / "errors.toml",
        """
        errors = [
          {status = 404, description = "w"},
          {code = "A", status = 404, description = "x"},
          {status = 404, description = "v"},
          {code = 5, status = 404, description = "u"},
        ]
        """,
    )
    _, problems = load_file(path)
    assert [(p.line, p.message) for p in problems] == [
        (2, "entry 1 has no 'code'; add the error code, such as code: NoSuchKey"),
        (4, "entry 3 has no 'code'; add the error code, such as code: NoSuchKey"),
        (5, "entry 4: 'code' must be a string, not an integer (5)"),
    ]


# --- UTF-16 files --------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_file_is_named_as_such(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "errors.yaml"
    text = "errors:\n  - code: A\n    status: 404\n    description: d\n"
    bom = "\ufeff" if encoding == "utf-16-be" else ""  # the utf-16 codec writes its own
    path.write_bytes((bom + text).encode(encoding))
    entries, problems = load_file(path)
    assert entries == []
    assert [(p.line, p.message, p.fatal) for p in problems] == [
        (
            1,
            "not UTF-8 text: UTF-16 (the file starts with a UTF-16 byte-order mark); "
            "save the file as UTF-8",
            True,
        )
    ]


# --- line numbers after a string holding U+2028, U+2029 or NEL ------------------------------


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85"])
@pytest.mark.parametrize(
    ("suffix", "text"),
    [
        (
            ".yaml",
            'errors:\n  - code: A\n    status: 404\n    description: "a{c}b"\n'
            "  - code: B\n    status: '404'\n    description: x\n",
        ),
        (
            ".toml",
            '[[errors]]\ncode = "A"\nstatus = 404\ndescription = "a{c}b"\n\n'
            '[[errors]]\ncode = "B"\nstatus = "404"\ndescription = "x"\n',
        ),
        (
            ".json",
            '{{"errors": [\n{{"code": "A", "status": 404, "description": "a{c}b"}},\n'
            '{{"code": "B",\n "status": "404", "description": "x"}}]}}\n',
        ),
    ],
)
def test_lines_count_only_line_ends(tmp_path: Path, char: str, suffix: str, text: str) -> None:
    # YAML (and str.splitlines) also break lines at these characters; editors do not
    path = tmp_path / f"errors{suffix}"
    content = text.format(c=char)
    path.write_text(content, encoding="utf-8")
    entries, problems = load_file(path)
    assert [e.code for e in entries] == ["A"]
    expected = content.split("\n").index(
        next(line for line in content.split("\n") if '"404"' in line or "'404'" in line)
    )
    assert [p.line for p in problems] == [expected + 1]
    if not (suffix == ".yaml" and char == "\x85"):  # YAML folds a NEL in a string to a space
        assert entries[0].description == f"a{char}b"


def test_yaml_syntax_error_line_after_a_line_separator(tmp_path: Path) -> None:
    path = write_dedented(
        tmp_path / "errors.yaml",
        'errors:\n  - code: A\n    status: 404\n    description: "a\u2028b"\n'
        "  - code: B\n    status: [404\n    description: x\n",
    )
    _, problems = load_file(path)
    assert [(p.line, p.fatal) for p in problems] == [(7, True)]


ENTRY = "errors:\n  - code: A\n    status: 400\n    description: The request is bad\n"
ALLOWED = "(allowed: code, status, description, tags, see_also, ignore, differs, since, deprecated)"


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("? [a, b]\n    : 1\n", "a list"),
        ("? {a: b}\n    : 1\n", "a mapping"),
        ("~: 1\n", "null (an empty key)"),
        ("yes: 1\n", "a boolean (true)"),
    ],
)
def test_key_that_is_no_name_is_named_for_what_it_is(key: str, kind: str) -> None:
    entries, problems = parse_catalogue_text(ENTRY + "    " + key)
    assert [e.code for e in entries] == ["A"]
    assert [(p.line, p.message) for p in problems] == [
        (5, f"entry 1 (A) has a key that is {kind}, not a field name {ALLOWED}")
    ]
    assert "None" not in problems[0].message


def test_top_level_complex_key() -> None:
    _, problems = parse_catalogue_text("? [a, b]\n: 1\n" + ENTRY)
    assert [(p.line, p.message) for p in problems] == [
        (1, "a top-level key is a list, not a name; the top level holds 'errors', '$schema'")
    ]


def test_merged_complex_key_is_reported_not_crashed() -> None:
    text = "base: &b\n  ? [x]\n  : 1\nerrors:\n  - <<: *b\n    code: A\n    status: 400\n"
    text += "    description: The request is bad\n"
    entries, problems = parse_catalogue_text(text)
    assert [e.code for e in entries] == ["A"]
    assert any("has a key that is a list" in p.message for p in problems)


def test_integer_key_still_reads_as_written() -> None:
    _, problems = parse_catalogue_text(ENTRY + "    404: 1\n")
    assert [p.message for p in problems] == [f"entry 1 (A) has an unknown key '404' {ALLOWED}"]


@pytest.mark.parametrize(
    ("text", "fmt", "line"),
    [("null", "json", 1), ("\n\n  null\n", "json", 3), ("---\n~\n", "yaml", 2)],
)
def test_null_document_is_called_null_at_its_line(text: str, fmt: str, line: int) -> None:
    entries, problems = parse_catalogue_text(text, fmt=fmt)
    assert entries == []
    assert [(p.line, p.message, p.fatal) for p in problems] == [
        (line, "the top level must be a mapping with an 'errors' list, not null", True)
    ]


def test_json_list_document_points_at_its_line() -> None:
    _, problems = parse_catalogue_text('\n[{"code": "A"}]\n', fmt="json")
    assert problems[0].line == 2
    assert "not a list; put the entries under an 'errors' key" in problems[0].message


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("errors:\n  - {code: A, status: 404.0, description: d}\n", "yaml"),
        ('[[errors]]\ncode = "A"\nstatus = 404.0\ndescription = "d"\n', "toml"),
        ('{"errors": [{"code": "A", "status": 404.0, "description": "d"}]}', "json"),
    ],
)
def test_integral_status_is_an_integer_in_every_format(text: str, fmt: str) -> None:
    entries, problems = parse_catalogue_text(text, fmt=fmt)
    assert problems == []
    assert [(e.status, type(e.status)) for e in entries] == [(404, int)]


# --- the JSON export of a catalogue is said to be one, once --------------------------------


def test_lint_and_export_of_a_json_export_say_what_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("errors.yaml").write_text(
        "errors:\n"
        "  - code: NoSuchKey\n    status: 404\n    description: The *key* does not exist\n"
        "  - code: Other\n    status: 400\n    description: Other thing\n",
        encoding="utf-8",
    )
    assert main(["export", "errors.yaml", "-o", "export.json"]) == 0
    capsys.readouterr()
    for command in ("lint", "export"):
        assert main([command, "export.json"]) == 2
        captured = capsys.readouterr()
        lines = (captured.out + captured.err).splitlines()
        assert len(lines) == 1, lines
        assert "export.json:3: this is a JSON export" in lines[0]
        assert "not a catalogue" in lines[0]
        assert "description_rst (as description)" in lines[0]
        assert "unknown key" not in lines[0]


def test_build_export_with_url_is_an_export_too() -> None:
    text = json.dumps(
        {
            "errors": [
                {
                    "code": "A",
                    "status": 400,
                    "reason": "Bad Request",
                    "description": "d",
                    "description_rst": "d",
                    "tags": [],
                    "see_also": [],
                    "url": None,
                }
            ]
        },
        indent=2,
    )
    entries, problems = parse_catalogue_text(text, "awserrors.json", "json")
    assert entries == []
    assert [(p.line, p.fatal) for p in problems] == [(3, True)]
    assert problems[0].message.startswith("this is a JSON export")


def test_a_stray_reason_key_is_still_an_unknown_key() -> None:
    _, problems = parse_catalogue_text(ENTRY + "    reason: Bad Request\n")
    assert [p.message for p in problems] == [f"entry 1 (A) has an unknown key 'reason' {ALLOWED}"]
