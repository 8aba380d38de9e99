"""QA regressions (helper F) of the loader's messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sphinx_awserrors import catalogue
from sphinx_awserrors.catalogue import parse_catalogue_text
from sphinx_awserrors.cli import main

ENTRY = "errors:\n  - code: A\n    status: 400\n    description: The request is bad\n"
ALLOWED = "(allowed: code, status, description, tags, see_also, ignore)"


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


# --- the JSON Schema and the loader agree on what a status is --------------------------------

STATUSES = [404, 404.0, 4.04e2, 404.5, "404", True, None, [404], -0.0]


@pytest.mark.parametrize("status", STATUSES, ids=repr)
def test_schema_and_loader_agree_on_a_status(status: object) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = Path(catalogue.__file__).parent / "data" / "catalogue.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    document = {"errors": [{"code": "A", "status": status, "description": "d"}]}
    valid = jsonschema.Draft202012Validator(schema).is_valid(document)
    entries, problems = parse_catalogue_text(json.dumps(document), fmt="json")
    assert (entries != [] and problems == []) is valid
    if valid:
        assert type(entries[0].status) is int
        assert entries[0].status == status


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
