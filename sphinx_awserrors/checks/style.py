"""Check ``style``: codes that are not PascalCase ASCII, and descriptions that break the
file's own majority in capitalisation or final punctuation."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from sphinx_awserrors.checks._text import PLACEHOLDER, prose
from sphinx_awserrors.checks.registry import CheckContext, Finding, check

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from sphinx_awserrors.catalogue import ErrorEntry

# Acronyms and digits are fine (InvalidURI, XAmzContentSHA256Mismatch); dots separate the
# parts of EC2-style codes (InvalidGroup.NotFound).
_PASCAL = re.compile(r"[A-Z][A-Za-z0-9]*(?:\.[A-Z][A-Za-z0-9]*)*")
# A header name written in lower case, as HTTP/2 and the AWS docs write them: x-amz-date.
_HEADER_NAME = re.compile(r"x-[a-z]+-")
#: A minority at most this share of the file is reported as inconsistent.
MINORITY = 0.25
#: Files with fewer descriptions have no majority worth following.
MIN_ENTRIES = 4


def pascal_case(code: str) -> str:
    """*code* rewritten in PascalCase ASCII: ``no_such_key`` -> ``NoSuchKey``."""
    ascii_code = unicodedata.normalize("NFKD", code).encode("ascii", "ignore").decode()
    parts = [p for p in re.split(r"[^A-Za-z0-9.]+", ascii_code) if p]
    screaming = len(parts) > 1 and all(p.isupper() for p in parts)  # NO_SUCH_KEY
    words = [p.capitalize() if screaming else p[:1].upper() + p[1:] for p in parts]
    # the parts of an EC2-style code each start with a capital: InvalidGroup.NotFound
    return ".".join(part[:1].upper() + part[1:] for part in "".join(words).split("."))


def _shown(chars: str) -> str:
    names = {" ": "a space", "\t": "a tab"}
    return ", ".join(names.get(c, repr(c)) for c in dict.fromkeys(chars))


def code_problem(code: str) -> str | None:
    """Why *code* is not PascalCase ASCII (``it contains '-'``), or ``None`` when it is."""
    if not code.isascii():
        return f"it contains {_shown(''.join(c for c in code if not c.isascii()))}"
    if _PASCAL.fullmatch(code):
        letters = [c for c in code if c.isalpha()]
        if len(letters) > 4 and not any(c.islower() for c in letters):
            return "it is all capitals"
        return None
    # what breaks PascalCase most visibly first: a separator, then the case
    others = [c for c in code if not (c.isalnum() or c == ".")]
    if others:
        return f"it contains {_shown(''.join(others))}"
    if not code[:1].isupper():
        return "it does not start with a capital letter"
    return "a part after a dot does not start with a capital letter"


def _ends_with_stop(text: str) -> bool | None:
    text = text.rstrip()
    return text.endswith((".", "!", "?")) if text else None


def _starts_upper(text: str) -> bool | None:
    words = prose(text).split(maxsplit=1)
    if not words or not words[0][:1].isalpha() or words[0].startswith(PLACEHOLDER):
        return None  # starts with code, a number or a symbol: neither
    first = words[0]
    if (
        any(c.isupper() for c in first[1:])
        or any(c.isdigit() for c in first)
        or _HEADER_NAME.match(first)
    ):
        return None  # a name written its own way: eTag, iOS, x-amz-date
    return first[0].isupper()


def _minority(
    entries: Sequence[ErrorEntry], classify: Callable[[str], bool | None]
) -> tuple[bool, list[ErrorEntry], int] | None:
    """The entries on the minority side of *classify*, the majority value and its count."""
    classified = [(e, classify(e.description)) for e in entries]
    sides = {
        True: [e for e, v in classified if v is True],
        False: [e for e, v in classified if v is False],
    }
    total = len(sides[True]) + len(sides[False])
    if total < MIN_ENTRIES:
        return None
    majority = len(sides[True]) >= len(sides[False])
    minority = sides[not majority]
    if not minority or len(minority) > total * MINORITY:
        return None
    return majority, minority, total


def _finding(entry: ErrorEntry, message: str, field: str) -> Finding:
    return Finding(
        entry.file,
        entry.line_of(field),
        "style",
        f"{entry.code}: {message}",
        code=entry.code,
        field=field,
        word=entry.code if field == "code" else None,
    )


@check("style", scope="file", group="style")
def style(ctx: CheckContext) -> Iterator[Finding]:
    """Codes not in PascalCase ASCII; capitalisation or final stop unlike the file's majority."""
    entries = ctx.catalogue.entries
    for entry in entries:
        problem = code_problem(entry.code)
        if problem:
            fixed = pascal_case(entry.code)
            hint = (
                f'; write "{fixed}"'
                if fixed and fixed != entry.code and not code_problem(fixed)
                else ""
            )
            yield _finding(entry, f"the code is not PascalCase ASCII ({problem}){hint}", "code")
    stops = _minority(entries, _ends_with_stop)
    if stops:
        majority, minority, total = stops
        for entry in minority:
            unlike = f"unlike {total - len(minority)} of the {total} in this file"
            if majority:
                text = f"the description has no final full stop, {unlike}; add one"
            else:
                text = f"the description ends with a full stop, {unlike}; remove it"
            yield _finding(entry, text, "description")
    capitals = _minority(entries, _starts_upper)
    if capitals:
        majority, minority, total = capitals
        case = "a capital" if majority else "a lower-case letter"
        for entry in minority:
            yield _finding(
                entry,
                f"the description does not start with {case}, unlike "
                f"{total - len(minority)} of the {total} in this file",
                "description",
            )
