"""Which files of a source tree to read: languages, and the folders left out by default.

Tests, vendored code and generated code define or mention error codes that the server does
not return (a test's fake ``NoSuchThing``, a vendored SDK's whole list of AWS codes), so they
are left out unless asked for: folders by name (``test``, ``vendor``, ``node_modules``,
``generated``...), files by name (``*_test.go``, ``FooTest.java``, ``test_foo.py``,
``*.pb.go``...), and files that declare themselves generated in their first lines (Go's
``// Code generated ... DO NOT EDIT.``, ``@generated``). Hidden folders (``.git``) are never
read.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_awserrors.convert.source.lexer import LANGUAGES

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

__all__ = ["GENERATED_MARK", "SKIPPED_KINDS", "WalkOptions", "is_generated_text", "walk"]

_TEST_DIRS = frozenset(
    {
        "test",
        "tests",
        "__tests__",
        "testdata",
        "test_data",
        "test-data",
        "testing",
        "testutil",
        "testutils",
        "spec",
        "specs",
        "e2e",
        "fixtures",
        "__mocks__",
        "mocks",
        "integration-test",
        "integration-tests",
        "integration_tests",
        "functional-tests",
        "unit-tests",
    }
)
_VENDOR_DIRS = frozenset(
    {
        "vendor",
        "vendored",
        "third_party",
        "thirdparty",
        "third-party",
        "3rdparty",
        "node_modules",
        "bower_components",
        "external",
        "extern",
        "site-packages",
    }
)
_GENERATED_DIRS = frozenset(
    {
        "generated",
        "gen",
        "autogen",
        "__generated__",
        "generated-sources",
        "generated-src",
        "build",
        "dist",
        "target",
        "__pycache__",
    }
)
_TEST_FILES = re.compile(
    r"(?:_test\.go|Tests?\.(?:java|kt|scala|cs)|IT\.java|Spec\.(?:scala|kt)|_spec\.rb"
    r"|\.(?:test|spec)\.[cm]?[jt]sx?|_test\.(?:py|rs|c|cc|cpp|exs))$"
    r"|^(?:test_.*\.py|conftest\.py)$"
)
_GENERATED_FILES = re.compile(
    r"(?:\.pb\.go|\.pb\.gw\.go|_generated\.go|\.gen\.go|_gen\.go|_pb2(?:_grpc)?\.py|\.min\.js"
    r"|\.d\.ts|\.g\.cs|\.designer\.cs)$|^zz_generated"
)
#: The first bytes of a file that say it is generated.
GENERATED_MARK = re.compile(
    rb"Code generated .{0,200}DO NOT EDIT|@generated|[Aa]uto-?generated|DO NOT EDIT"
)
#: what a walk leaves out by default, for messages and counts
SKIPPED_KINDS = ("tests", "vendored", "generated")


@dataclass(frozen=True)
class WalkOptions:
    """Which files :func:`walk` yields."""

    include_tests: bool = False
    include_vendored: bool = False
    include_generated: bool = False
    #: glob patterns (``Path.match`` style) of files or folders to leave out as well
    exclude: tuple[str, ...] = ()


def _excluded(path: Path, patterns: Sequence[str]) -> bool:
    return any(path.match(pattern) for pattern in patterns)


def _dir_kind(name: str) -> str | None:
    lowered = name.lower()
    if lowered in _TEST_DIRS:
        return "tests"
    if lowered in _VENDOR_DIRS:
        return "vendored"
    if lowered in _GENERATED_DIRS:
        return "generated"
    return None


def file_kind(name: str) -> str | None:
    """``tests`` or ``generated`` when the file name says so, else None."""
    if _TEST_FILES.search(name):
        return "tests"
    if _GENERATED_FILES.search(name):
        return "generated"
    return None


def is_generated_text(head: bytes) -> bool:
    """Whether the first bytes of a file declare it generated."""
    return bool(GENERATED_MARK.search(head))


def walk(
    roots: Sequence[str | Path], options: WalkOptions, skipped: dict[str, int] | None = None
) -> Iterator[Path]:
    """The source files under *roots* (files or folders), in a stable order.

    *skipped*, when given, counts what was left out by kind (``tests``, ``vendored``,
    ``generated``; files only, a skipped folder counts once).
    """
    counts = skipped if skipped is not None else {}
    allowed = {
        "tests": options.include_tests,
        "vendored": options.include_vendored,
        "generated": options.include_generated,
    }
    for root in roots:
        root_path = Path(root)
        if root_path.is_file():
            yield root_path  # a file named on the command line is read whatever its name
            continue
        for folder, dirs, files in os.walk(root_path):
            kept = []
            for name in sorted(dirs):
                kind = _dir_kind(name)
                if name.startswith(".") or (kind and not allowed[kind]):
                    if kind:
                        counts[kind] = counts.get(kind, 0) + 1
                    continue
                if options.exclude and _excluded(Path(folder, name), options.exclude):
                    continue
                kept.append(name)
            dirs[:] = kept
            for name in sorted(files):
                suffix = Path(name).suffix.lower()
                if suffix not in LANGUAGES:
                    continue
                kind = file_kind(name)
                if kind and not allowed[kind]:
                    counts[kind] = counts.get(kind, 0) + 1
                    continue
                path = Path(folder, name)
                if options.exclude and _excluded(path, options.exclude):
                    continue
                yield path
