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
from functools import lru_cache
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


@lru_cache(maxsize=1 << 15)
def code_parts(code: str) -> tuple[str, ...]:
    """The words of *code* (see :func:`~sphinx_awserrors.checks.spelling.code_words`)."""
    return tuple(code_words(code))


@lru_cache(maxsize=1 << 15)
def _prefix(code: str) -> str | None:
    """The first two words of a PascalCase code (``NoSuch`` of ``NoSuchKey``), if it has three."""
    parts = code_parts(code)
    return "".join(parts[:2]) if len(parts) >= 3 and all(p.isalpha() for p in parts[:2]) else None


@lru_cache(maxsize=1)
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
        return f'the code starts with digits ("{lead.group(0)}"): write "{code[lead.end() :]}"'
    return None


def _leaks(
    entries: Sequence[ErrorEntry], reference: frozenset[str]
) -> Iterator[tuple[ErrorEntry, str]]:
    prefixed = [e for e in entries if _LANGUAGE_PREFIX.match(e.code) and e.code not in reference]
    if not prefixed or len(prefixed) > max(2, LEAK_SHARE * len(entries)):
        return
    for entry in prefixed:
        match = _LANGUAGE_PREFIX.match(entry.code)
        assert match is not None
        bare = entry.code[match.end() :]
        others = "no other code here has" if len(prefixed) == 1 else "few codes here have"
        why = (
            f'the code starts with "{match.group(1)}", a prefix of constant names in source '
            f'code that {others}; the wire code is most likely "{bare}"'
        )
        yield entry, why


@lru_cache(maxsize=1 << 14)
def _deletes(word: str) -> frozenset[str]:
    """*word* and every string one deletion from it: an index key for near words."""
    return frozenset({word} | {word[:i] + word[i + 1 :] for i in range(len(word))})


@lru_cache(maxsize=1 << 14)
def _unknown(word: str) -> bool:
    """Whether *word* (a part of a code) is no English word: ``Suhc``, ``Buckte``."""
    from sphinx_awserrors.checks.spelling import MIN_FREQUENCY, dictionary, vocabulary

    lowered = word.lower()
    return (
        word.isalpha()
        and not word.isupper()
        and dictionary().get(lowered, 0) < MIN_FREQUENCY
        and lowered not in vocabulary()
    )


@lru_cache(maxsize=4)
def _reference_index(reference: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """The reference codes by each string one deletion from them: near codes, fast."""
    index: dict[str, list[str]] = {}
    for code in reference:
        for variant in _deletes(code):
            index.setdefault(variant, []).append(code)
    return {variant: tuple(codes) for variant, codes in index.items()}


def _misspelt(
    entries: Sequence[ErrorEntry], reference: frozenset[str]
) -> Iterator[tuple[ErrorEntry, str]]:
    """Codes with a misspelt convention prefix, or one slip from a code AWS documents.

    Only where the slip shows: a part of the code is no word (``NoSuhcVersion``), or the
    corrected code is one the file or AWS has (``NotSuchBucketPolicy``). ``InvalidLayer``
    beside AWS's ``InvalidPayer`` is two words, not a slip.
    """
    own = Counter(p for e in entries if (p := _prefix(e.code)))
    known = own + Counter(p for c in reference if (p := _prefix(c)))
    near_prefixes: dict[str, list[str]] = {}
    for p, n in known.items():
        if n >= PREFIX_USES:
            for variant in _deletes(p):
                near_prefixes.setdefault(variant, []).append(p)
    codes = {e.code for e in entries}
    lowered = {c.lower() for c in reference}
    words = {w for e in entries for w in code_parts(e.code)}
    unknown = frozenset(w for w in words if _unknown(w))
    for entry in entries:
        code = entry.code
        if code in reference or not code.isascii() or " " in code:
            continue
        parts = code_parts(code)
        prefix = _prefix(code)
        if prefix and known[prefix] <= 1:
            candidates = {p for v in _deletes(prefix) for p in near_prefixes.get(v, ())}
            close = [
                p for p in candidates
                if p != prefix and p.lower() != prefix.lower() and damerau(prefix, p, 1) <= 1
            ]  # fmt: skip
            fixes = [(p, p + code[len(prefix) :]) for p in close]
            shown = [
                (p, fixed)
                for p, fixed in fixes
                if fixed in reference or fixed in codes or any(_unknown(w) for w in parts[:2])
            ]
            if shown:
                best, fixed = max(shown, key=lambda item: known[item[0]])
                yield (
                    entry,
                    (
                        f'the code starts "{prefix}" where {known[best]} codes start "{best}"; '
                        f'write "{fixed}"'
                    ),
                )
                continue
        if len(code) >= 8 and not unknown.isdisjoint(parts) and code.lower() not in lowered:
            index = _reference_index(reference)
            candidates = {c for v in _deletes(code) for c in index.get(v, ())}
            near = [c for c in candidates if c not in codes and damerau(code, c, 1) <= 1]
            # the slip must be in a part that is no word: "Buckte", not AWS's "Agregate"
            odd = [p for p in parts if p not in code_parts(near[0]) and _unknown(p)] if near else []
            if len(near) == 1 and odd:
                yield (
                    entry,
                    (
                        f'the code is one slip from "{near[0]}", which AWS documents for S3 '
                        f'("{odd[0]}" is no word)'
                    ),
                )


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
