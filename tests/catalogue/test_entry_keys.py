"""The optional entry keys differs, since and deprecated: loader, JSON Schema, JSON export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from sphinx_awserrors import catalogue
from sphinx_awserrors.catalogue import parse_catalogue_text
from sphinx_awserrors.convert.writers import to_json

GOOD = """errors:
  - code: NoSuchBucket
    status: 400
    description: The bucket does not exist.
    differs: {status: "as Ceph does"}
    since: "1.10"
    deprecated: {version: "2.0", reason: Use NoSuchThing.}
  - code: Plain
    status: 400
    description: Nothing optional.
    deprecated: "3"
"""


def load(text: str, fmt: str = "yaml") -> tuple[list[catalogue.ErrorEntry], list[str]]:
    entries, problems = parse_catalogue_text(text, "errors." + fmt, fmt)
    return entries, [str(p) for p in problems]


def test_the_keys_are_read_into_the_entry() -> None:
    entries, problems = load(GOOD)
    assert problems == []
    first, second = entries
    assert first.differs == (("status", "as Ceph does"),)
    assert first.differs_reason("status") == "as Ceph does"
    assert first.differs_reason("code") is None
    assert (first.since, first.deprecated, first.deprecated_reason) == (
        "1.10",
        "2.0",
        "Use NoSuchThing.",
    )
    assert (second.deprecated, second.deprecated_reason, second.since) == ("3", "", None)


def test_toml_and_json_give_the_same_entries() -> None:
    data = yaml.safe_load(GOOD)
    json_entries, _ = load(json.dumps(data), "json")
    toml = """[[errors]]
code = "NoSuchBucket"
status = 400
description = "The bucket does not exist."
differs = {status = "as Ceph does"}
since = "1.10"
deprecated = {version = "2.0", reason = "Use NoSuchThing."}
"""
    toml_entries, problems = load(toml, "toml")
    assert problems == []
    for entries in (json_entries, toml_entries):
        assert entries[0].differs == (("status", "as Ceph does"),)
        assert entries[0].deprecated_reason == "Use NoSuchThing."


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ("differs: [status]", "'differs' must be a mapping"),
        ("differs: {stauts: x}", "unknown key 'stauts'; did you mean 'status'?"),
        ("differs: {status: 3}", "'differs' 'status' must be a non-empty reason"),
        ("since: 1.10", "'since' is the number 1.1, not a version string; quote it"),
        ("since: [1]", "'since' must be a version string"),
        ("deprecated: {reason: x}", "'deprecated' has no 'version'"),
        ("deprecated: {version: '2', why: x}", "'deprecated' has an unknown key 'why'"),
    ],
)
def test_a_malformed_key_is_a_located_problem_and_the_entry_is_kept(
    lines: str, message: str
) -> None:
    text = f"errors:\n  - code: A\n    status: 400\n    description: D.\n    {lines}\n"
    entries, problems = load(text)
    assert [e.code for e in entries] == ["A"]
    assert len(problems) == 1
    assert problems[0].startswith("errors.yaml:5: entry 1 (A): ")
    assert message in problems[0]


def test_the_json_schema_accepts_the_keys_and_refuses_unknown_aspects() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = Path(catalogue.__file__).parent / "data" / "catalogue.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    data = yaml.safe_load(GOOD)
    jsonschema.validate(data, schema)
    data["errors"][0]["differs"] = {"colour": "blue"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_the_json_export_carries_the_keys_only_where_given() -> None:
    entries, _ = load(GOOD)
    records = json.loads(to_json(entries))["errors"]
    assert records[0]["differs"] == {"status": "as Ceph does"}
    assert records[0]["since"] == "1.10"
    assert records[0]["deprecated_reason"] == "Use NoSuchThing."
    assert "differs" not in records[1] and "since" not in records[1]
