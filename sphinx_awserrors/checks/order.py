"""Check ``order``: the few entries that break the order of an almost sorted table.

A catalogue file is one sequence; a legacy ``.rst``/``.md`` file has one per table, since
each table of a page is sorted on its own (or not at all).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from sphinx_awserrors.checks._text import named
from sphinx_awserrors.checks.registry import CheckContext, Finding, check

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

#: Tables with fewer entries are not judged: a short list has no order to speak of.
MIN_ENTRIES = 8
#: At most this share of the entries may be out of place for the table to count as sorted.
MAX_SHARE = 0.1


def longest_sorted(keys: Sequence[str]) -> set[int]:
    """The indexes of a longest non-decreasing subsequence of *keys*.

    Patience sorting, keeping for each length the run that ends on the smallest key; of
    several longest runs it keeps the later items, so for a swapped pair the first of the two
    is left out (it is the one that moved).
    """
    tail_keys: list[str] = []  # tail_keys[k]: smallest end key of a run of length k+1
    tail_index: list[int] = []
    previous = [-1] * len(keys)
    for i, key in enumerate(keys):
        k = bisect.bisect_right(tail_keys, key)
        previous[i] = tail_index[k - 1] if k else -1
        if k == len(tail_keys):
            tail_keys.append(key)
            tail_index.append(i)
        else:
            tail_keys[k] = key
            tail_index[k] = i
    chosen: set[int] = set()
    current = tail_index[-1] if tail_index else -1
    while current != -1:
        chosen.add(current)
        current = previous[current]
    return chosen


@check("order", scope="table", group="style")
def order(ctx: CheckContext) -> Iterator[Finding]:
    """Entries out of place in a table sorted by code (case-insensitively) but for a few."""
    entries = ctx.catalogue.entries
    if len(entries) < MIN_ENTRIES:
        return
    # sorted case-insensitively, or in plain character order (MalformedCSR before Malformedc...)
    # when that fits the file better: judge it by the order it follows
    candidates = []
    for keys in ([e.code.casefold() for e in entries], [e.code for e in entries]):
        kept = longest_sorted(keys)
        candidates.append((len(entries) - len(kept), keys, kept))
    _, keys, kept = min(candidates, key=lambda c: c[0])
    moved = [i for i in range(len(entries)) if i not in kept]
    if not moved or len(moved) > max(1, int(len(entries) * MAX_SHARE)):
        return
    sorted_indexes = sorted(kept)
    sorted_keys = [keys[i] for i in sorted_indexes]
    for i in moved:
        entry = entries[i]
        at = bisect.bisect_right(sorted_keys, keys[i])
        if at:
            where = f"after {named(entry, entries[sorted_indexes[at - 1]])}"
        else:
            where = f"before {named(entry, entries[sorted_indexes[0]])}"
        yield Finding(
            entry.file,
            entry.line_of("code"),
            "order",
            f"{entry.code} is out of alphabetical order; move it {where}",
            code=entry.code,
            field="code",
        )
