"""Check ``punctuation``: punctuation and encoding slips in descriptions.

* a full stop, comma or semicolon doubled with a space between: "denied. ." ("..." and
  "etc.." are left to the eye);
* no space before an opening bracket that starts an aside: "value(default 5)",
  "class[STANDARD|...]" (a call such as ``COUNT(*)`` or ``f(x)`` is code);
* mojibake: UTF-8 text decoded as Latin-1 or Windows-1252 ("Ã©" for "é", "â€™" for a
  right single quotation mark),
  named as such with the text it most likely stood for.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sphinx_awserrors.checks._text import prose
from sphinx_awserrors.checks.registry import CheckContext, Finding, check, description_findings

if TYPE_CHECKING:
    from collections.abc import Iterator


_DOUBLED_STOP = re.compile(r"(?<![.\w])[ \t]*([.,;])\s+\1(?![.\w])|(?<=\w)([.,;])\s+\2(?=\s|$)")
_MAY_SLIP = re.compile(r"[(\[]|([.,;])\s+\1")
_MAY_DOUBLE = re.compile(r"([.,;])(?:\s\s+|\n)\1")
# a lower-case word of two letters or more, glued to a bracket that opens words
_NO_SPACE_BRACKET = re.compile(r"(?<![\w.:/-])([a-z][a-z]+)([(\[])(?=[A-Za-z]{2})")
# UTF-8 lead bytes read as Latin-1/cp1252, followed by a continuation byte's character
_MOJIBAKE = re.compile(r"[ÃÂâ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]+")


def _unmangle(text: str) -> str | None:
    for codec in ("cp1252", "latin-1"):
        try:
            return text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return None


def problems(description: str) -> Iterator[tuple[str, str, str | None]]:
    """(message, phrase, suggestion) for each punctuation slip of *description*."""
    if not _MAY_SLIP.search(description) and description.isascii():
        return  # the common case: no doubled mark, no bracket, plain ASCII
    text = prose(description)
    doubled = ". ." in text or ", ," in text or "; ;" in text or _MAY_DOUBLE.search(text)
    for match in _DOUBLED_STOP.finditer(text) if doubled else ():
        mark = match.group(1) or match.group(2)
        phrase = match.group(0).strip()
        yield f'"{phrase}": a doubled "{mark}"; keep one', phrase, mark
    for match in _NO_SPACE_BRACKET.finditer(text) if "(" in text or "[" in text else ():
        word, bracket = match.groups()
        after = text[match.end() : match.end() + 40]  # a bounded look: no quadratic time
        phrase = match.group(0) + re.split(r"[\s\u2060|,)\]]", after, maxsplit=1)[0]
        yield (
            f'"{phrase}": no space before "{bracket}"; write "{word} {bracket}"',
            word + bracket,
            f"{word} {bracket}",
        )
    for match in _MOJIBAKE.finditer(description) if not description.isascii() else ():
        fixed = _unmangle(match.group(0))
        if fixed is None or fixed == match.group(0):
            continue
        yield (
            f'"{match.group(0)}" is mojibake: UTF-8 text decoded as Windows-1252; '
            f'it stood for "{fixed}"',
            match.group(0),
            fixed,
        )


@check("punctuation", scope="entry")
def punctuation(ctx: CheckContext) -> Iterator[Finding]:
    """A doubled full stop ("denied. ."), no space before a bracket, mojibake ("Ã©")."""
    for entry in ctx.catalogue:
        yield from description_findings("punctuation", entry, problems(entry.description))
