"""Helpers for the check tests: small catalogues written inline, one check at a time."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sphinx_awserrors.catalogue import Catalogue, ErrorEntry
from sphinx_awserrors.checks import Finding, run_checks

if TYPE_CHECKING:
    from collections.abc import Mapping


def entry(
    code: str,
    description: str = "The request is not valid",
    status: int = 400,
    *,
    file: str = "errors.yaml",
    line: int | None = None,
    ignore: tuple[str, ...] = (),
) -> ErrorEntry:
    """One entry; its line defaults to a stand-in that keeps the file order."""
    return ErrorEntry(code, status, description, ignore=ignore, file=file, line=line)


def catalogue(*entries: ErrorEntry) -> Catalogue:
    """A catalogue of *entries*, numbering the lines of those without one (3 lines apart)."""
    numbered = []
    for index, item in enumerate(entries):
        if item.line is None:  # every other field as given (tags, differs, since...)
            item = replace(item, line=1 + 3 * index)
        numbered.append(item)
    return Catalogue(tuple(numbered))


def described(*descriptions: str) -> Catalogue:
    """A catalogue with one entry per description, codes E0, E1, ... in sorted order."""
    return catalogue(*(entry(f"Error{i:03d}", d) for i, d in enumerate(descriptions)))


def findings(name: str, cat: Catalogue, texts: Mapping[str, str] | None = None) -> list[Finding]:
    """The findings of the one check *name* over *cat*."""
    return run_checks(cat, select=[name], texts=texts)


def codes(found: list[Finding]) -> list[str | None]:
    """The codes the findings are about, in order."""
    return [f.code for f in found]
