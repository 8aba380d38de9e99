"""Error definitions read from a server's source code, for ``import-source`` and ``coverage``.

:func:`read_tree` walks the source folders (:mod:`.walk`), keeps the files a byte-level
pre-filter lets through, lexes them with Pygments (:mod:`.lexer`) or parses them with Python's
:mod:`ast` (:mod:`.python`), and recognises error definitions by their shape
(:mod:`.shapes`): a record with code, status and message fields, a constructor or enum
constant with those arguments, a code constant, a Python exception class. Status names
(``http.StatusNotFound``, ``HTTP_NOT_FOUND``...) become numbers (:mod:`.status`), and names
the standard tables do not know are looked up among the integer constants of the whole tree.
What is recognised but cannot be read (a code that is an expression, a status that is not an
HTTP status) is reported with its file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sphinx_awserrors.convert.source.python import resolve_classes
from sphinx_awserrors.convert.source.scan import (
    ScanOptions,
    TreeScan,
    find_constants,
    scan_tree,
)
from sphinx_awserrors.convert.source.shapes import Definition, Unreadable
from sphinx_awserrors.convert.source.walk import WalkOptions

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

__all__ = [
    "Definition",
    "ScanOptions",
    "SourceRead",
    "Unreadable",
    "WalkOptions",
    "definitions_of",
    "read_tree",
]


@dataclass(frozen=True)
class SourceRead:
    """The definitions of a tree in walk order, what could not be read, and the scan."""

    definitions: tuple[Definition, ...]
    unreadable: tuple[Unreadable, ...]
    scan: TreeScan


def definitions_of(scan: TreeScan) -> tuple[list[Definition], list[Unreadable]]:
    """The definitions of a scanned tree, statuses and messages named by constants resolved.

    A status or message named by a constant its own file does not define is looked up in
    every file of the tree; a name given different values in different places is reported.
    """
    definitions: list[Definition] = []
    unreadable: list[Unreadable] = []
    classes = [info for file in scan.files for info in file.classes]
    by_file: dict[str, list[Definition]] = {}
    for definition in resolve_classes(classes):
        by_file.setdefault(definition.file, []).append(definition)
    for file in scan.files:
        unreadable.extend(file.unreadable)
        found = sorted([*file.definitions, *by_file.get(file.file, [])], key=lambda d: d.line)
        seen: set[tuple[str, int]] = set()
        for definition in found:
            if (definition.code, definition.line) not in seen:
                seen.add((definition.code, definition.line))
                definitions.append(definition)
    names = {d.status_name for d in definitions if d.status is None and d.status_name}
    names |= {d.message_name for d in definitions if d.message is None and d.message_name}
    values = find_constants(scan.paths, {name for name in names if name})
    resolved: list[Definition] = []
    for definition in definitions:
        if definition.status is None and definition.status_name:
            name = definition.status_name
            numbers = {v for v in values.get(name, ()) if isinstance(v, int)}
            if len(numbers) == 1:
                definition = replace(definition, status=min(numbers), status_name=None)
            else:
                unreadable.append(_unresolved(definition, "status", name, numbers))
        if definition.message is None and definition.message_name:
            name = definition.message_name
            texts = {v for v in values.get(name, ()) if isinstance(v, str)}
            if len(texts) == 1:
                message = " ".join(min(texts).split())
                definition = replace(definition, message=message, message_name=None)
            else:
                unreadable.append(_unresolved(definition, "message", name, texts))
        resolved.append(definition)
    return resolved, unreadable


def _unresolved(definition: Definition, what: str, name: str, values: set[Any]) -> Unreadable:
    why = (
        f"it is given {len(values)} different values in the tree"
        if values
        else "no constant of that name was found"
    )
    return Unreadable(
        definition.file,
        definition.line,
        f"{definition.code}: the {what} {name} could not be read ({why})",
    )


def read_tree(roots: Sequence[str | Path], options: ScanOptions | None = None) -> SourceRead:
    """Read the error definitions of the source files under *roots*."""
    scan = scan_tree(roots, options or ScanOptions())
    definitions, unreadable = definitions_of(scan)
    return SourceRead(tuple(definitions), tuple(unreadable), scan)
