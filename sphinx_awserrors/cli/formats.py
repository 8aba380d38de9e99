"""Printing findings: as compiler-style text, as JSON, and as GitHub Actions annotations.

The JSON output's shape is a versioned JSON Schema shipped in the package
(``schemas/lint-findings.v1.schema.json``, :func:`findings_schema`).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from importlib import resources
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sphinx_awserrors.checks.registry import Finding


#: The file name of the JSON Schema of ``lint --format json`` (version 1).
FINDINGS_SCHEMA: Final = "lint-findings.v1.schema.json"


def findings_schema() -> dict[str, object]:
    """The JSON Schema that ``lint --format json`` output follows (version 1)."""
    text = resources.files("sphinx_awserrors.cli").joinpath("schemas", FINDINGS_SCHEMA)
    schema: dict[str, object] = json.loads(text.read_text(encoding="utf-8"))
    return schema


def format_text(findings: Sequence[Finding]) -> str:
    """One line per finding, like a compiler: ``file:line: check: message``."""
    return "".join(f"{f.location()}: {f.check}: {f.message}\n" for f in findings)


def format_json(findings: Sequence[Finding]) -> str:
    """A JSON array of objects with the fields of :class:`~.registry.Finding`."""
    return json.dumps([asdict(f) for f in findings], indent=2, ensure_ascii=False) + "\n"


def _escape(value: str, *, property_value: bool = False) -> str:
    """Escape *value* for a GitHub workflow command (data, or a property value)."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(findings: Sequence[Finding]) -> str:
    """GitHub Actions workflow commands: one ``::warning`` annotation per finding."""
    lines = []
    for f in findings:
        props = [f"file={_escape(f.file, property_value=True)}"]
        if f.line:
            props.append(f"line={f.line}")
        props.append(f"title={_escape(f'awserrors {f.check}', property_value=True)}")
        lines.append(f"::warning {','.join(props)}::{_escape(f.message)}\n")
    return "".join(lines)


FORMATTERS: Final[dict[str, Callable[[Sequence[Finding]], str]]] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
}
