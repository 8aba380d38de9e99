"""Writing a catalogue file: YAML scalars that YAML would misread are quoted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_awserrors.catalogue import load_file
from sphinx_awserrors.convert.catalogue_writer import dump_yaml

if TYPE_CHECKING:
    from pathlib import Path


def test_yaml_writer_quotes_what_yaml_would_misread(tmp_path: Path) -> None:
    from sphinx_awserrors.catalogue import ErrorEntry

    tricky = [
        ErrorEntry("Null", 400, "null"),
        ErrorEntry("Colon", 400, "Server error: the request failed # not a comment"),
        ErrorEntry("Quote", 400, "'quoted' and \"double\" and a trailing backslash \\"),
        ErrorEntry("Long", 400, "word " * 40 + "end"),
        ErrorEntry("Spaces", 400, "two  spaces   inside, kept"),
    ]
    out = tmp_path / "tricky.yaml"
    out.write_text(dump_yaml(tricky), encoding="utf-8")
    entries, problems = load_file(out)
    assert problems == []
    assert [(e.code, e.description) for e in entries] == [(e.code, e.description) for e in tricky]
