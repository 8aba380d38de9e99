"""The catalogue's JSON Schema agrees with the loader and accepts the test catalogues."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support_paths import ROOTS

from sphinx_awserrors import catalogue
from sphinx_awserrors.catalogue import FIELDS, parse_catalogue_text


def test_fields_match_the_json_schema() -> None:
    schema_path = Path(catalogue.__file__).parent / "data" / "catalogue.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    entry = schema["$defs"]["entry"]
    assert tuple(entry["properties"]) == FIELDS
    assert entry["required"] == ["code", "status", "description"]
    assert entry["additionalProperties"] is False


def test_schema_validates_the_test_catalogues() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = Path(catalogue.__file__).parent / "data" / "catalogue.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    root = ROOTS / "test-custom-catalogue"
    data = json.loads((root / "errors.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)


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
