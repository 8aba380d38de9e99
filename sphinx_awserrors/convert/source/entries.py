"""Catalogue entries from error definitions: one entry per code, from its best definition.

A code defined more than once (a record per condition, the same code under several enum
constants) gives one entry, from its most complete definition (status and message first);
a status that differs between definitions is reported. A definition without a status or a
message is left out and reported, unless a catalogue is given to fill them from (``bundled``
for AWS's codes). Messages are plain text in the source and become inline reStructuredText
that shows them as written.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sphinx_awserrors.catalogue import ErrorEntry

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx_awserrors.catalogue import Catalogue
    from sphinx_awserrors.convert.source.shapes import Definition

__all__ = ["entries_from", "rst_text"]

# characters that start or end inline markup in reStructuredText, and a word-final underscore
_RST_SPECIAL = re.compile(r"([\\*`|])")
_TRAILING_UNDERSCORE = re.compile(r"_(?=_*(?:\W|$))")


def rst_text(text: str) -> str:
    """Plain *text* (a message from the source) as inline reStructuredText that shows it as is."""
    return _TRAILING_UNDERSCORE.sub(r"\\_", _RST_SPECIAL.sub(r"\\\1", " ".join(text.split())))


def _best(definitions: Sequence[Definition]) -> Definition:
    def completeness(item: tuple[int, Definition]) -> tuple[int, int]:
        index, definition = item
        score = (definition.status is not None) * 2 + (definition.message is not None)
        return (-score, index)

    return min(enumerate(definitions), key=completeness)[1]


def entries_from(
    definitions: Sequence[Definition], fill: Catalogue | None = None
) -> tuple[list[ErrorEntry], list[str], list[str]]:
    """Entries for *definitions* in source order: (entries, problems, notes) as message lines.

    A code defined more than once gives one entry from its most complete definition.
    """
    by_code: dict[str, list[Definition]] = {}
    for definition in definitions:
        by_code.setdefault(definition.code, []).append(definition)
    entries: list[ErrorEntry] = []
    problems: list[str] = []
    notes: list[str] = []
    for code, group in by_code.items():
        chosen = _best(group)
        where = f"{chosen.file}:{chosen.line}"
        for other in group:
            if other is chosen:
                continue
            if other.status is not None and chosen.status not in (None, other.status):
                problems.append(
                    f"{other.file}:{other.line}: {code} is defined with status {other.status} "
                    f"here and {chosen.status} at {where}; the entry has {chosen.status}"
                )
        if len(group) > 1:
            notes.append(
                f"{where}: note: {code} is defined {len(group)} times; the entry is this definition"
            )
        status, message = chosen.status, chosen.message
        filled = fill.get(code) if fill is not None else None
        taken: list[str] = []
        if status is None and filled is not None:
            status = filled.status
            taken.append("status")
        description = rst_text(message) if message else ""
        if not description and filled is not None:
            description = filled.description
            taken.append("description")
        if taken:
            notes.append(
                f"{where}: note: {code}: {' and '.join(taken)} taken from {filled.location()}"
                if filled is not None
                else ""
            )
        missing = [
            name for name, value in (("status", status), ("message", description)) if not value
        ]
        if missing:
            hint = "" if fill is not None else " (--fill-from names a catalogue to take it from)"
            problems.append(
                f"{where}: {code}: the definition has no {' and no '.join(missing)}; left out{hint}"
            )
            continue
        assert status is not None
        lines = {"code": chosen.line, "status": chosen.line, "description": chosen.line}
        entries.append(
            ErrorEntry(
                code=code,
                status=status,
                description=description,
                file=chosen.file,
                line=chosen.line,
                field_lines=lines,
            )
        )
    return entries, problems, notes
