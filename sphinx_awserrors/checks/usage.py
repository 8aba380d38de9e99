"""Checks that read a description against its neighbours: ``missing-article`` and
``sibling-description``.

``missing-article``: a phrase the file (with AWS's own S3 descriptions, the ``aws-s3``
reference) writes with "the" three times or more, written once without it: "in SQL
expression" where every other entry says "in the SQL expression".

``sibling-description``: a description copied from a sibling code and not adapted. Codes
that differ only in their last word (``InvalidTagKey``, ``InvalidTagValue``) are siblings; a
description that names a sibling's last word and never its own (``InvalidTagKey``: "the tag
value is not valid") describes the sibling.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import cache
from typing import TYPE_CHECKING

from sphinx_awserrors.checks._text import prose, words
from sphinx_awserrors.checks.registry import CheckContext, Finding, check
from sphinx_awserrors.checks.spelling import code_words

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from sphinx_awserrors.catalogue import ErrorEntry

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*|[.,;:!?()\u2060]")
_NOT_HEADS = words(
    """a an the this that these those its their your our my his her some any no each every
    all both and or but nor of to in on at by for with as is are was were be been not than
    it you we they i"""
)
#: Pairs English writes without an article: "in order to", "at least", "by default".
_IDIOMS = frozenset(
    ("in order", "in place", "at least", "at most", "in use", "in progress", "in case",
     "on behalf", "by default", "in addition", "at once", "in effect", "in time", "on time")
)  # fmt: skip
#: The article must be written this many times for its absence to be a slip.
ARTICLE_USES = 3


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _WORD.findall(prose(text))]


def _counts(texts: Iterable[str]) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    """(w1, w2) written bare and (w1, w2) written "w1 the w2", over *texts*."""
    bare: Counter[tuple[str, str]] = Counter()
    with_the: Counter[tuple[str, str]] = Counter()
    for text in texts:
        tokens = _tokens(text)
        for a, b in zip(tokens, tokens[1:]):
            bare[a, b] += 1
        for a, b, c in zip(tokens, tokens[1:], tokens[2:]):
            if b == "the":
                with_the[a, c] += 1
    return bare, with_the


@cache
def _reference_counts() -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    from sphinx_awserrors.checks.references import aws_s3

    return _counts(e.description for e in aws_s3())


def _missing_articles(entries: tuple[ErrorEntry, ...]) -> Iterator[tuple[ErrorEntry, str, str]]:
    bare, with_the = _counts(e.description for e in entries)
    ref_bare, ref_the = _reference_counts()
    for entry in entries:
        tokens = _tokens(entry.description)
        seen: set[tuple[str, str]] = set()
        for a, b in zip(tokens, tokens[1:]):
            pair = (a, b)
            if pair in seen or not (a.isalpha() and b.isalpha()):
                continue
            seen.add(pair)
            if a in _NOT_HEADS and a not in ("in", "of", "to", "on", "at", "by", "for", "with"):
                continue
            if b in _NOT_HEADS or f"{a} {b}" in _IDIOMS or ref_bare[pair]:
                continue
            uses = with_the[pair] + ref_the[pair]
            if uses >= ARTICLE_USES and bare[pair] * 4 <= uses:
                found = re.search(rf"\b{re.escape(a)}\s+{re.escape(b)}\b", entry.description, re.I)
                phrase = found.group(0) if found else f"{a} {b}"
                first, second = phrase.split(None, 1)
                yield entry, phrase, f"{first} the {second}"


@check("missing-article", scope="file")
def missing_article(ctx: CheckContext) -> Iterator[Finding]:
    """A phrase written without "the" that the file and AWS write with it: "in SQL expression"."""
    for entry, phrase, fixed in _missing_articles(ctx.catalogue.entries):
        yield Finding(
            entry.file,
            entry.line_of("description"),
            "missing-article",
            f'{entry.code}: "{phrase}": the article is missing; write "{fixed}", as the other '
            "descriptions do",
            code=entry.code,
            field="description",
            word=phrase,
            suggestion=fixed,
        )


#: Last words of codes that say nothing about what the code is about.
_GENERIC = words("Error Exception Failed Failure Invalid Exists Exceeded Found Mismatch Conflict")


def _mentions(text: str, word: str) -> bool:
    stem = word.lower()[: max(4, len(word) - 2)]
    return re.search(rf"\b{re.escape(stem)}", text, re.IGNORECASE) is not None


def _copied(entries: tuple[ErrorEntry, ...]) -> Iterator[tuple[ErrorEntry, ErrorEntry]]:
    families: dict[str, list[tuple[ErrorEntry, str]]] = defaultdict(list)
    for entry in entries:
        parts = code_words(entry.code)
        if len(parts) >= 3 and parts[-1].isalpha() and parts[-1] not in _GENERIC:
            families["".join(parts[:-1])].append((entry, parts[-1]))
    for family in families.values():
        if len(family) < 2:
            continue
        for entry, own in family:
            text = prose(entry.description)
            if _mentions(text, own):
                continue
            named = [e for e, last in family if e is not entry and last != own and _mentions(text, last)]
            if len(named) == 1:
                yield entry, named[0]


@check("sibling-description", scope="file")
def sibling_description(ctx: CheckContext) -> Iterator[Finding]:
    """A description that names a sibling code, not its own: InvalidTagKey, "tag value"."""
    for entry, sibling in _copied(ctx.catalogue.entries):
        own = code_words(entry.code)[-1]
        other = code_words(sibling.code)[-1]
        yield Finding(
            entry.file,
            entry.line_of("description"),
            "sibling-description",
            f'{entry.code}: the description speaks of "{other.lower()}", as {sibling.code} '
            f'does, and never of "{own.lower()}": it looks copied from {sibling.code}; '
            "describe this code",
            code=entry.code,
            field="description",
            word=other,
        )
