"""Pairing codes that differ only in case or by a likely misspelling.

Shared by ``compat`` (a catalogue's code against the reference's) and ``diff`` (a code of the
old release against one of the new): both see two lists of codes that the other side lacks
and ask which of them are the same code written differently.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from collections.abc import Iterable

#: How two codes are the same code written differently.
Likeness = Literal["case", "misspelling"]


_DIGITS = re.compile(r"\d+")

#: Suffixes that one spelling of a code adds and another leaves out (folded).
_SUFFIXES: frozenset[str] = frozenset({"error", "exception", "fault"})


def edit_distance(a: str, b: str, limit: int) -> int:
    """The optimal-string-alignment distance of *a* and *b* (a swap of neighbours is one
    edit); any value above *limit* is returned as ``limit + 1``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def allowed_edits(code: str) -> int:
    """How many edits still make a likely misspelling of *code*: 1 up to 9 characters,
    2 from 10 (``NoSuchBuckett``, ``InvalidArgumnet``); none below 5, where one edit makes
    another word (``Throttled`` and ``Throttling`` are two codes of their own)."""
    if len(code) < 5:
        return 0
    return 1 if len(code) < 10 else 2


def likeness(a: str, b: str) -> Likeness | None:
    """``case`` when *a* and *b* differ only in case, ``misspelling`` when one is a likely
    misspelling of the other, else ``None``.

    A misspelling keeps the first letter and differs by at most :func:`allowed_edits` edits
    of the shorter code, ignoring case, or adds ``Error``, ``Exception`` or ``Fault`` to it
    (``KeyTooLong`` for ``KeyTooLongError``); codes that differ only by a trailing ``s`` or a digit
    are distinct codes, not slips (``NoSuchTag`` and ``NoSuchTags``;
    ``Error1``, ``Error2``).
    """
    if a == b:
        return None
    folded_a, folded_b = a.casefold(), b.casefold()
    if folded_a == folded_b:
        return "case"
    if folded_a[:1] != folded_b[:1]:
        return None
    shorter, longer = sorted((folded_a, folded_b), key=len)
    if longer.startswith(shorter) and longer[len(shorter) :] in _SUFFIXES and len(shorter) >= 5:
        return "misspelling"  # KeyTooLong for KeyTooLongError
    if longer == shorter + "s" or _DIGITS.findall(a) != _DIGITS.findall(b):
        return None
    limit = allowed_edits(shorter)
    if limit and edit_distance(folded_a, folded_b, limit) <= limit:
        return "misspelling"
    return None


def _deletes(word: str, depth: int) -> set[str]:
    """*word* and every string made from it by deleting up to *depth* characters."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:k] + w[k + 1 :] for w in frontier for k in range(len(w))}
        found |= frontier
    return found


#: The shortest code :func:`likeness` may call a misspelling (see :func:`allowed_edits`).
_MIN_LENGTH = 5


def pair_codes(left: Iterable[str], right: Iterable[str]) -> list[tuple[str, str, Likeness]]:
    """Pair codes of *left* with codes of *right* that are the same code written differently.

    Each code is paired at most once; a case-only match is preferred to a misspelling, then
    the closer misspelling, then the earlier code. Returns (left, right, likeness) in the
    order of *left*. Candidates are found through an index of each right code with up to
    two characters deleted (two codes within two edits share such a form), so thousands
    of codes on each side take a fraction of a second.
    """
    lefts = list(dict.fromkeys(left))
    rights = list(dict.fromkeys(right))
    by_fold: dict[str, list[int]] = {}
    index: dict[str, list[int]] = {}
    for j, code in enumerate(rights):
        folded = code.casefold()
        by_fold.setdefault(folded, []).append(j)
        if len(folded) >= _MIN_LENGTH:
            for form in _deletes(folded, 2):
                index.setdefault(form, []).append(j)
    candidates: list[tuple[int, int, int, str, str, Likeness]] = []
    for i, code in enumerate(lefts):
        folded = code.casefold()
        for j in by_fold.get(folded, []):
            if rights[j] != code:
                candidates.append((0, 0, i, code, rights[j], "case"))
        near: set[int] = set()
        if len(folded) >= _MIN_LENGTH - 2:
            for form in _deletes(folded, 2):
                near.update(index.get(form, ()))
        for suffix in _SUFFIXES:
            near.update(by_fold.get(folded + suffix, ()))
            if folded.endswith(suffix):
                near.update(by_fold.get(folded[: -len(suffix)], ()))
        for j in sorted(near):
            other = rights[j]
            if likeness(code, other) == "misspelling":
                distance = edit_distance(folded, other.casefold(), 2)
                candidates.append((1, distance, i * len(rights) + j, code, other, "misspelling"))
    candidates.sort(key=lambda c: c[:3])
    used_left: set[str] = set()
    used_right: set[str] = set()
    pairs: list[tuple[str, str, Likeness]] = []
    for *_order, code, other, kind in candidates:
        if code in used_left or other in used_right:
            continue
        used_left.add(code)
        used_right.add(other)
        pairs.append((code, other, kind))
    order = {code: i for i, code in enumerate(lefts)}
    pairs.sort(key=lambda p: order[p[0]])
    return pairs
