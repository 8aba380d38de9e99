"""Check ``code-name``: error codes that cannot be what a client receives.

Judged against the catalogue's own conventions and the codes AWS documents for S3 (the
``aws-s3`` reference):

* a space or a digit where a code has none: ``Bad Digest``, ``400``, ``400InvalidPart``
  (clients compare codes exactly, and an HTTP status is not a code);
* a language prefix leaked into a wire code: ``ErrInvalidTag`` in a file where (almost) no
  other code has the prefix, so it is the name of a constant in the source, not a code;
* a misspelt convention prefix: ``NotSuchBucketPolicy`` or ``NoSuhcVersion`` beside many
  ``NoSuch*`` codes, or a code one slip from a code AWS documents (``NoSuchBuckte``).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from sphinx_awserrors.checks.registry import CheckContext, Finding, check
from sphinx_awserrors.checks.spelling import code_words, damerau

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from sphinx_awserrors.catalogue import ErrorEntry

#: Prefixes that name constants in source code (Go's Err, C's E_, ...), not wire codes.
_LANGUAGE_PREFIX = re.compile(r"^(Err|Error|E_|ERR_|k)(?=[A-Z])")
#: At most this share of a file's codes may carry a language prefix for it to be a leak.
LEAK_SHARE = 0.05
#: A convention prefix needs this many codes (of the file and the reference) to count.
PREFIX_USES = 3
_DIGITS = re.compile(r"\d")


def _prefix(code: str) -> str | None:
    """The first two words of a PascalCase code (``NoSuch`` of ``NoSuchKey``), if it has three."""
    parts = code_words(code)
    return "".join(parts[:2]) if len(parts) >= 3 and all(p.isalpha() for p in parts[:2]) else None


def _reference_codes() -> frozenset[str]:
    from sphinx_awserrors.checks.references import aws_s3

    return frozenset(aws_s3().codes)


def _space_or_digit(code: str, reference: frozenset[str]) -> str | None:
    if code in reference:
        return None
    if " " in code.strip():
        joined = "".join(w[:1].upper() + w[1:] for w in code.split())
        return f'the code contains a space; a wire code has none: write "{joined}"'
    if code.isdigit():
        return "the code is a number (an HTTP status?), not an error code"
    lead = re.match(r"^\d+(?=[A-Z])", code)
    if lead:
        return f'the code starts with digits ("{lead.group(0)}"): write "{code[lead.end():]}"'
    return None


def _leaks(entries: Sequence[ErrorEntry], reference: frozenset[str]) -> Iterator[tuple[ErrorEntry, str]]:
    prefixed = [e for e in entries if _LANGUAGE_PREFIX.match(e.code) and e.code not in reference]
    if not prefixed or len(prefixed) > max(2, LEAK_SHARE * len(entries)):
        return
    for entry in prefixed:
        match = _LANGUAGE_PREFIX.match(entry.code)
        assert match is not None
        bare = entry.code[match.end() :]
        yield entry, (
            f'the code starts with "{match.group(1)}", a prefix of constant names in source '
            f'code that {"no other code here has" if len(prefixed) == 1 else "few codes here have"}; '
            f'the wire code is most likely "{bare}"'
        )


def _misspelt(
    entries: Sequence[ErrorEntry], reference: frozenset[str]
) -> Iterator[tuple[ErrorEntry, str]]:
    own = Counter(p for e in entries if (p := _prefix(e.code)))
    known = own + Counter(p for c in reference if (p := _prefix(c)))
    lowered = {c.lower(): c for c in reference}
    codes = {e.code for e in entries}
    for entry in entries:
        code = entry.code
        if code in reference or not code.isascii() or " " in code:
            continue
        prefix = _prefix(code)
        if prefix and known[prefix] <= 1:
            close = [
                p
                for p, n in known.items()
                if n >= PREFIX_USES and p != prefix and damerau(prefix, p, 1) <= 1
                and p.lower() != prefix.lower()
            ]
            if close:
                best = max(close, key=lambda p: known[p])
                fixed = best + code[len(prefix) :]
                yield entry, (
                    f'the code starts "{prefix}" where {known[best]} codes start "{best}"; '
                    f'write "{fixed}"'
                )
                continue
        if len(code) >= 8:
            near = [
                c for c in reference
                if c not in codes and abs(len(c) - len(code)) <= 1
                and c.lower() != code.lower() and damerau(code, c, 1) <= 1
                and not (c.rstrip("s") == code.rstrip("s"))
            ]  # fmt: skip
            if len(near) == 1 and code.lower() not in lowered:
                yield entry, f'the code is one slip from "{near[0]}", which AWS documents for S3'


def problems(entries: Sequence[ErrorEntry]) -> Iterator[tuple[ErrorEntry, str]]:
    """(entry, why its code cannot be right) for the entries of one file."""
    reference = _reference_codes()
    reported: set[int] = set()
    for entry in entries:
        why = _space_or_digit(entry.code, reference)
        if why:
            reported.add(id(entry))
            yield entry, why
    rest = [e for e in entries if id(e) not in reported]
    for entry, why in (*_leaks(rest, reference), *_misspelt(rest, reference)):
        if id(entry) not in reported:
            reported.add(id(entry))
            yield entry, why


def code_problem(code: str) -> str | None:
    """Why *code* alone cannot be a wire code (a space, a number), or None."""
    return _space_or_digit(code, _reference_codes())


@check("code-name", scope="file", supersedes=("style",))
def code_name(ctx: CheckContext) -> Iterator[Finding]:
    """Codes with spaces or digits, a leaked Err prefix, a misspelt NoSuch* prefix."""
    for entry, why in problems(ctx.catalogue.entries):
        yield Finding(
            entry.file,
            entry.line_of("code"),
            "code-name",
            f"{entry.code}: {why}",
            code=entry.code,
            field="code",
            word=entry.code,
        )
