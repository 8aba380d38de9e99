"""The catalogue's model: immutable entries, the ordered collection, problems and load results.

Plain frozen dataclasses, shared by the loaders, the checks, the converters and the Sphinx
extension. No Sphinx import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from pathlib import Path


#: The fields an entry may have, in the order they are written out.
FIELDS: tuple[str, ...] = (
    "code",
    "status",
    "description",
    "tags",
    "see_also",
    "ignore",
    "differs",
    "since",
    "deprecated",
)


#: The aspects a ``differs:`` mapping may name: why an entry deliberately differs from the
#: reference it is compared with (``sphinx-awserrors compat``).
DIFFERS_KEYS: tuple[str, ...] = ("status", "code", "extension")


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
    #: deliberate differences from a reference: (aspect, reason) pairs, aspect in
    #: ``DIFFERS_KEYS``
    differs: tuple[tuple[str, str], ...] = ()
    #: the version that introduced the code
    since: str | None = None
    #: the version that deprecated the code
    deprecated: str | None = None
    #: why the code is deprecated (or what to use instead); only with ``deprecated``
    deprecated_reason: str = ""
    file: str = "<memory>"
    line: int | None = None
    # a plain dict (not a mapping proxy) so entries pickle for parallel builds
    field_lines: Mapping[str, int] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    def line_of(self, field_name: str) -> int | None:
        """The line of *field_name* in the source file, falling back to the entry's line."""
        return self.field_lines.get(field_name, self.line)

    def differs_reason(self, aspect: str) -> str | None:
        """The reason the ``differs:`` mapping gives for *aspect*, or ``None``."""
        return next((why for name, why in self.differs if name == aspect), None)

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


@dataclass(frozen=True)
class Problem:
    """Something in a catalogue file the loader cannot represent, and where it is.

    ``fatal`` is true when nothing at all could be read from the file (missing, empty, not
    UTF-8, a syntax error, a top level without an ``errors`` list); otherwise only one entry
    (or one field of it) was left out.
    """

    file: str
    line: int | None
    message: str
    fatal: bool = False
    #: the code of the entry the problem is in, when it has one
    code: str | None = None
    #: ``code``, ``status`` or ``description`` when the problem is that field's
    field: str | None = None

    def location(self) -> str:
        """``file:line`` (or just ``file``) for messages."""
        return f"{self.file}:{self.line}" if self.line else self.file

    def __str__(self) -> str:
        return f"{self.location()}: {self.message}"


@dataclass(frozen=True)
class CatalogueFile:
    """One file named by the configuration, resolved to a path."""

    path: Path
    bundled: bool = False

    @property
    def name(self) -> str:
        """The file name used in entries and messages."""
        return str(self.path)


@dataclass(frozen=True)
class LoadResult:
    """A merged catalogue, the files it came from and every problem met while loading."""

    #: the merged entries
    catalogue: Catalogue
    #: every problem of every file, in file order
    problems: tuple[Problem, ...] = ()
    #: the files read, in the configured order
    files: tuple[CatalogueFile, ...] = ()

    @property
    def fatal(self) -> bool:
        """True when the project named files of its own and nothing at all could be loaded.

        That is so whether the files could not be read or every entry in them is malformed.
        """
        own = any(not f.bundled for f in self.files)
        return own and not self.catalogue.entries
