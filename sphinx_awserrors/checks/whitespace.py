"""Check ``whitespace``: doubled, leading, trailing and missing spaces, and tabs.

In descriptions of any catalogue, and on the lines of a legacy ``.rst`` table that ``lint``
reads in place (trailing whitespace hides in the cell borders of a grid table).
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from sphinx_awserrors.checks._text import prose
from sphinx_awserrors.checks.registry import CheckContext, Finding, check

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from sphinx_awserrors.catalogue import ErrorEntry

_DOUBLED = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
# Two words with no space after the punctuation between them: "in order.Parts must",
# "5 MiB,except". A full stop only before a capital (not a host name: amazonaws.com).
# Before a comma any word or number ("5 MiB,except"), but no part of a name (us-east-1,eu-west-1).
_NO_SPACE = re.compile(
    r"(?<![\w./@:-])(?:[a-z]{2,}\.[A-Z][a-z]+|[A-Za-z0-9]+[,;][a-z]{2,})\b(?![./@:-]\w)"
)
#: A tab between two words (two or more blanks are a doubled space, at the ends trailing).
_TAB = re.compile(r"(?<=\S)\t(?=\S)")
# from the start of a run of blanks only: a long run not at the end of a line is linear time
_TRAILING = re.compile(r"(?<![ \t])[ \t]+$", re.MULTILINE)


def _description_findings(entry: ErrorEntry) -> Iterator[Finding]:
    text = entry.description
    line = entry.line_of("description")
    doubled = list(_DOUBLED.finditer(text))
    if doubled:
        where = text[max(0, doubled[0].start() - 15) : doubled[0].end() + 15].strip()
        more = f" and {len(doubled) - 1} more place(s)" if len(doubled) > 1 else ""
        yield Finding(
            entry.file,
            line,
            "whitespace",
            f'{entry.code}: doubled space in the description ("{where}"{more}); use one space',
            code=entry.code,
            field="description",
        )
    tab = _TAB.search(text) if "\t" in text else None
    if tab:
        where = text[max(0, tab.start() - 15) : tab.end() + 15].strip().replace("\t", "\\t")
        yield Finding(
            entry.file,
            line,
            "whitespace",
            f'{entry.code}: a tab in the description ("{where}"); use a space',
            code=entry.code,
            field="description",
        )
    joined = _NO_SPACE.search(prose(text))
    if joined:
        found = joined.group(0)
        mark = next(c for c in found if c in ".,;")
        yield Finding(
            entry.file,
            line,
            "whitespace",
            f'{entry.code}: no space after "{mark}" ("{found}"); add one',
            code=entry.code,
            field="description",
            word=found,
            suggestion=found.replace(mark, f"{mark} ", 1),
        )
    ends = []
    if text[:1].isspace():
        ends.append("leading")
    if _TRAILING.search(text):
        ends.append("trailing")
    if ends:
        yield Finding(
            entry.file,
            line,
            "whitespace",
            f"{entry.code}: {' and '.join(ends)} whitespace in the description; remove it",
            code=entry.code,
            field="description",
        )


def _owner(
    entries: Sequence[ErrorEntry], starts: Sequence[int], lines: Sequence[str], n: int
) -> str | None:
    """The code of the table row that line *n* belongs to, if it is inside one."""
    index = bisect.bisect_right(starts, n) - 1
    if index < 0:
        return None
    if index + 1 < len(entries):
        return entries[index].code
    # the last row: it runs on while the lines are not blank
    if all(lines[k - 1].strip() for k in range(starts[index], n + 1)):
        return entries[index].code
    return None


def _text_findings(file: str, text: str, entries: Sequence[ErrorEntry]) -> Iterator[Finding]:
    rows = sorted((e for e in entries if e.file == file and e.line), key=lambda e: e.line or 0)
    starts = [e.line or 0 for e in rows]
    lines = text.splitlines()
    markdown = file.lower().endswith((".md", ".markdown"))
    for number, content in enumerate(lines, start=1):
        stripped = content.rstrip(" \t")
        if markdown and stripped.strip() and content == stripped + "  ":
            continue  # two trailing spaces: a Markdown line break
        if content != stripped:
            yield Finding(
                file,
                number,
                "whitespace",
                "trailing whitespace at the end of the line; remove it",
                code=_owner(rows, starts, lines, number),
            )


@check("whitespace", scope="text")
def whitespace(ctx: CheckContext) -> Iterator[Finding]:
    """Doubled, trailing or missing spaces and tabs in descriptions; trailing spaces in a table."""
    for entry in ctx.catalogue:
        yield from _description_findings(entry)
    for file, text in ctx.texts.items():
        yield from _text_findings(file, text, ctx.catalogue.entries)
