"""Check ``term-spelling``: a technical term written open where AWS writes it hyphenated.

The terms are the hyphenated compounds of the ``aws-s3`` reference (every description AWS
gives for an S3 error code) and of the bundled catalogue: ``multipart/form-data``,
``server-side encryption``, ``log-delivery group``, ``cross-location logging``. A
description that writes one open ("multipart/form data", "server side encryption") is
reported when AWS never writes it open, and only where the hyphen belongs: before a noun,
or inside a slash-separated name such as a media type. After a verb English writes a
compound open ("the object is up to date"), which is not reported.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from sphinx_awserrors.checks._text import prose, words
from sphinx_awserrors.checks.references import aws_s3, bundled_descriptions
from sphinx_awserrors.checks.registry import CheckContext, Finding, check

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx_awserrors.catalogue import ErrorEntry

_COMPOUND = re.compile(r"(?<![\w-])([A-Za-z]{2,}(?:-[A-Za-z]{2,}){1,2})(?![\w-])")
#: Words after an open compound that show it is not before a noun: "is well formed or ...".
_NOT_NOUNS = words(
    """or and nor but of to in on at by for with as is are was were than that which if when
    while because so then not"""
)
_BE = re.compile(r"\b(?:is|are|was|were|be|been|being|not|isn't|aren't|wasn't)\s+$", re.I)


@cache
def reference_terms() -> dict[str, str]:
    """The hyphenated compounds of the ``aws-s3`` reference and the bundled catalogue that
    they never write open: ``"form data"`` -> ``"form-data"``."""
    texts = [prose(d) for d in (*(e.description for e in aws_s3()), *bundled_descriptions())]
    joined = "\n".join(texts).lower()
    terms: dict[str, str] = {}
    for text in texts:
        for match in _COMPOUND.finditer(text):
            if all(part[0].isupper() for part in match.group(1).split("-")):
                continue  # a header name (Content-Length), not a term of prose
            term = match.group(1).lower()
            open_form = term.replace("-", " ")
            if re.search(rf"(?<![\w-]){re.escape(open_form)}(?![\w-])", joined) is None:
                terms[open_form] = term
    return terms


@cache
def _terms_pattern() -> re.Pattern[str] | None:
    """One pattern for the open forms of every reference term."""
    terms = reference_terms()
    if not terms:
        return None
    forms = "|".join(re.escape(f) for f in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{forms})(?![\w-])", re.IGNORECASE)


@cache
def _last_words() -> re.Pattern[str]:
    """The last words of the terms' open forms: a cheap test before the full pattern."""
    last = sorted({form.rsplit(" ", 1)[-1] for form in reference_terms()})
    return re.compile("|".join(re.escape(w) for w in last) or "(?!)")


def _open_uses(text: str, terms: dict[str, str]) -> Iterator[tuple[str, str]]:
    pattern = _terms_pattern()
    if pattern is None:
        return
    lowered = text.lower()
    if not _last_words().search(lowered):
        return
    for match in pattern.finditer(text):
        start, end = match.span()
        term = terms[lowered[start:end]]
        after = lowered[end:].lstrip()
        next_word = re.match(r"[a-z]+", after)
        in_name = start > 0 and lowered[start - 1] == "/"
        before_noun = (
            end < len(lowered)
            and lowered[end].isspace()
            and next_word is not None
            and next_word.group(0) not in _NOT_NOUNS
        )
        if (in_name or before_noun) and not _BE.search(text[:start]):
            head = re.search(r"[\w.+-]+/$", text[:start]) if in_name else None
            lead = head.group(0) if head else ""
            written = text[start:end]
            yield lead + written, lead + _hyphenate(written, term)


def _hyphenate(written: str, term: str) -> str:
    """*term* with the capitals of *written*: "Server side" -> "Server-side"."""
    return "".join(
        t if w in " -" else (t.upper() if w.isupper() else t)
        for w, t in zip(written, term, strict=True)
    )


def problems(entry: ErrorEntry) -> Iterator[tuple[str, str]]:
    """(phrase as written, the term as AWS writes it) in *entry*'s description."""
    seen: set[str] = set()
    for written, term in _open_uses(prose(entry.description), reference_terms()):
        if written.lower() not in seen:
            seen.add(written.lower())
            yield written, term


@check("term-spelling", scope="entry", supersedes=("variant-spelling", "spelling"))
def term_spelling(ctx: CheckContext) -> Iterator[Finding]:
    """A term AWS hyphenates written open: "multipart/form data", "server side encryption"."""
    for entry in ctx.catalogue:
        for written, term in problems(entry):
            yield Finding(
                entry.file,
                entry.line_of("description"),
                "term-spelling",
                f'{entry.code}: "{written}" is written "{term}" (as AWS writes the term); '
                "hyphenate it",
                code=entry.code,
                field="description",
                word=written,
                suggestion=term,
            )
