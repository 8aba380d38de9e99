"""Text helpers shared by the checks: prose without markup, words, places of entries."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx_awserrors.catalogue import ErrorEntry

#: Stands for inline code, a role or a link in :func:`prose`: not a word, not punctuation.
PLACEHOLDER = "\u2060"

# Inline literals, roles (with or without a role name), hyperlink references and
# substitutions: their content is code or a name, not prose to check.
_MARKUP = re.compile(
    r"``.+?``"
    r"|(?::[\w.+:-]+:)?`[^`]*`(?::[\w.+:-]+:)?_{0,2}"
    r"|\|[^|\s][^|]*\|_{0,2}"
    r"|https?://\S+",
    re.DOTALL,
)


# Several checks read the same descriptions: each is stripped of markup once per run.
@lru_cache(maxsize=1 << 15)
def prose(text: str) -> str:
    """*text* with inline markup that holds code (literals, roles, links) replaced.

    Each piece of markup becomes one :data:`PLACEHOLDER`, so phrases and sentences stop
    there and no check reads code as English.
    """
    return _MARKUP.sub(PLACEHOLDER, text)


def styled(path: str, like: str) -> str:
    """*path* written as *like* is: absolute when *like* is absolute, else relative to the
    current directory (``lint src/a.yaml /abs/b.yaml`` names both files alike)."""
    if not path or path.startswith("<") or Path(path).is_absolute() == Path(like).is_absolute():
        return path
    if Path(like).is_absolute():
        return str(Path(path).absolute())
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive (Windows): there is no relative path
        return path


def place(entry: ErrorEntry, other: ErrorEntry) -> str:
    """Where *other* is, as seen from *entry*: ``line N`` in the same file, else ``file:N``
    with the file written in the style of *entry*'s (relative or absolute)."""
    if other.file == entry.file:
        return f"line {other.line}" if other.line else "the same file"
    file = styled(other.file, entry.file)
    return f"{file}:{other.line}" if other.line else file


def named(entry: ErrorEntry, other: ErrorEntry) -> str:
    """*other*'s code and place, for messages: ``NoSuchKey (line 12)``."""
    return f"{other.code} ({place(entry, other)})"


def words(text: str) -> frozenset[str]:
    """The set of the whitespace-separated words of *text*: word lists in the source."""
    return frozenset(text.split())
