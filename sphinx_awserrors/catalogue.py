"""The error-code catalogue: immutable entries, the ordered collection, and its file loaders.

No Sphinx import here: the command-line tools reuse this module.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

#: The name that stands for the bundled AWS catalogue in ``awserrors_catalogue``.
BUNDLED: str = "bundled"

#: The fields an entry may have, in the order they are written out.
FIELDS: tuple[str, ...] = ("code", "status", "description", "tags", "see_also", "ignore")
REQUIRED_FIELDS: tuple[str, ...] = ("code", "status", "description")

@dataclass(frozen=True)
class ErrorEntry:
    """One error code as the catalogue defines it, and where it was defined.

    ``description`` is inline reStructuredText. ``file`` and ``line`` (1-based) point at the
    start of the entry; ``field_lines`` at each field that the file gave a position for.
    """

    code: str
    status: int
    description: str
    tags: tuple[str, ...] = ()
    see_also: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    file: str = "<memory>"
    line: int | None = None
    # a plain dict (not a mapping proxy) so entries pickle for parallel builds
    field_lines: Mapping[str, int] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    def line_of(self, field_name: str) -> int | None:
        """The line of *field_name* in the source file, falling back to the entry's line."""
        return self.field_lines.get(field_name, self.line)

    def location(self, field_name: str | None = None) -> str:
        """``file:line`` of the entry (or of one of its fields), for messages."""
        line = self.line if field_name is None else self.line_of(field_name)
        return f"{self.file}:{line}" if line else self.file


@dataclass(frozen=True)
class Catalogue:
    """An ordered collection of entries with lookup by code.

    Entries keep their source order; when a code occurs more than once (a finding of the
    ``duplicate-code`` check) lookup returns the first occurrence.
    """

    entries: tuple[ErrorEntry, ...] = ()
    _by_code: dict[str, ErrorEntry] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        by_code: dict[str, ErrorEntry] = {}
        for entry in self.entries:
            by_code.setdefault(entry.code, entry)
        object.__setattr__(self, "_by_code", by_code)

    def __iter__(self) -> Iterator[ErrorEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __getitem__(self, code: str) -> ErrorEntry:
        return self._by_code[code]

    def get(self, code: str) -> ErrorEntry | None:
        """The entry for *code*, or ``None``."""
        return self._by_code.get(code)

    @property
    def codes(self) -> tuple[str, ...]:
        """The distinct codes, in catalogue order."""
        return tuple(self._by_code)

    @property
    def files(self) -> tuple[str, ...]:
        """The files the entries came from, in order of first appearance."""
        return tuple(dict.fromkeys(entry.file for entry in self.entries))


def bundled_path() -> Path:
    """The path of the bundled AWS catalogue file."""
    return Path(str(resources.files("sphinx_awserrors") / "data" / "aws.yaml"))
