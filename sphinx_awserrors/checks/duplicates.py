"""Checks ``duplicate-code`` and ``duplicate-description``: the same thing said twice."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sphinx_awserrors.checks._text import named
from sphinx_awserrors.checks.registry import CheckContext, Finding, check

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx_awserrors.catalogue import ErrorEntry


@check("duplicate-code", scope="catalogue")
def duplicate_code(ctx: CheckContext) -> Iterator[Finding]:
    """The same code twice, two codes differing only by case, or a code given two statuses.

    Looks at the merged catalogue, so a code that two project files both define is found; the
    later entry is reported, naming the first.
    """
    first: dict[str, ErrorEntry] = {}
    for entry in ctx.catalogue:
        earlier = first.setdefault(entry.code.casefold(), entry)
        if earlier is entry:
            continue
        there = named(entry, earlier)
        if earlier.code != entry.code:
            message = (
                f"{entry.code} differs only by case from {there}; clients compare codes "
                "exactly, so pick one spelling and remove the other entry"
            )
            field = "code"
        elif earlier.status != entry.status:
            message = (
                f"{entry.code} is given status {entry.status} here and {earlier.status} in "
                f"{there}; keep one entry with the right status"
            )
            field = "status"
        else:
            message = f"{entry.code} is defined twice (also {there}); remove one entry"
            field = "code"
        yield Finding(
            entry.file,
            entry.line_of(field),
            "duplicate-code",
            message,
            code=entry.code,
            field=field,
        )


_SPACES = re.compile(r"\s+")


def _description_key(text: str) -> str:
    """What two descriptions share when they say the same: case, spacing, final stop aside."""
    return _SPACES.sub(" ", text).strip().rstrip(".!").strip().casefold()


@check("duplicate-description", scope="file")
def duplicate_description(ctx: CheckContext) -> Iterator[Finding]:
    """The same description given to two codes (in one file).

    Case, spacing and a final full stop do not count as a difference. The later entry is
    reported, naming the first: two codes should say what tells them apart.
    """
    first: dict[str, ErrorEntry] = {}
    for entry in ctx.catalogue:
        key = _description_key(entry.description)
        if not key:
            continue
        earlier = first.setdefault(key, entry)
        if earlier is entry or earlier.code == entry.code:
            continue  # a repeated code is duplicate-code's finding
        yield Finding(
            entry.file,
            entry.line_of("description"),
            "duplicate-description",
            f"{entry.code} has the same description as {named(entry, earlier)}; "
            "say what sets the two errors apart",
            code=entry.code,
            field="description",
        )
