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

import bisect
import itertools
import re
from collections import Counter, defaultdict
from functools import cache, lru_cache
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


@lru_cache(maxsize=1 << 15)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(t.lower() for t in _WORD.findall(prose(text)))


def _with_the(texts: Iterable[str]) -> Counter[tuple[str, str]]:
    """How often each (w1, w2) is written "w1 the w2" in *texts*."""
    counts: Counter[tuple[str, str]] = Counter()
    for text in texts:
        tokens = _tokens(text)
        if "the" not in tokens:
            continue
        triples = zip(tokens, tokens[1:], tokens[2:], strict=False)
        counts.update((a, c) for a, b, c in triples if b == "the")
    return counts


@cache
def _reference_counts() -> tuple[frozenset[tuple[str, str]], Counter[tuple[str, str]]]:
    """The pairs AWS's S3 descriptions write bare, and how often each is written with "the"."""
    from sphinx_awserrors.checks.references import aws_s3

    texts = [e.description for e in aws_s3()]
    bare = frozenset(p for t in texts for p in itertools.pairwise(_tokens(t)))
    return bare, _with_the(texts)


def _candidate(pair: tuple[str, str]) -> bool:
    a, b = pair
    if not (a.isalpha() and b.isalpha()) or b in _NOT_HEADS or f"{a} {b}" in _IDIOMS:
        return False
    return a not in _NOT_HEADS or a in ("in", "of", "to", "on", "at", "by", "for", "with")


def _missing_articles(entries: tuple[ErrorEntry, ...]) -> Iterator[tuple[ErrorEntry, str, str]]:
    ref_bare, ref_the = _reference_counts()
    own = _with_the(e.description for e in entries)
    uses = own + ref_the
    # the file's own usage decides; AWS's descriptions only add weight to it
    hot = {pair for pair, n in own.items() if uses[pair] >= ARTICLE_USES and pair not in ref_bare}
    if not hot:
        return
    bare: Counter[tuple[str, str]] = Counter()
    where: list[tuple[ErrorEntry, tuple[str, str]]] = []
    for entry in entries:
        tokens = _tokens(entry.description)
        for pair in set(itertools.pairwise(tokens)) & hot:
            bare[pair] += 1
            where.append((entry, pair))
    for entry, pair in where:
        if bare[pair] * 4 > uses[pair] or not _candidate(pair):
            continue
        a, b = pair
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


def _mentions(tokens: frozenset[str], word: str) -> bool:
    """Whether one of *tokens* (lower-case words) starts with *word*'s stem."""
    stem = word.lower()[: max(4, len(word) - 2)]
    return any(t.startswith(stem) for t in tokens)


_PROSE_WORD = re.compile(r"[A-Za-z]{3,}")


@lru_cache(maxsize=1 << 15)
def _words_of(description: str) -> frozenset[str]:
    """The lower-case words of three letters or more of *description*'s prose."""
    return frozenset(w.lower() for w in _PROSE_WORD.findall(prose(description)))


def _used(vocabulary: list[str], word: str) -> bool:
    """Whether a word of the sorted *vocabulary* starts with *word*'s stem."""
    stem = word.lower()[: max(4, len(word) - 2)]
    at = bisect.bisect_left(vocabulary, stem)
    return at < len(vocabulary) and vocabulary[at].startswith(stem)


def _copied(entries: tuple[ErrorEntry, ...]) -> Iterator[tuple[ErrorEntry, ErrorEntry]]:
    families: dict[str, list[tuple[ErrorEntry, str]]] = defaultdict(list)
    for entry in entries:
        parts = code_words(entry.code)
        if len(parts) >= 3 and parts[-1].isalpha() and parts[-1] not in _GENERIC:
            families["".join(parts[:-1])].append((entry, parts[-1]))
    vocabulary_set: set[str] = set()
    for entry in entries:
        vocabulary_set.update(_words_of(entry.description))
    vocabulary = sorted(vocabulary_set)
    for family in families.values():
        if len(family) < 2:
            continue
        for entry, own in family:
            text = _words_of(entry.description)
            if _mentions(text, own):
                continue
            # the file's prose uses the code's own word elsewhere, so the writer would have
            # used it here ("operator"); a word no description uses ("redirect" for "has
            # moved temporarily") says nothing
            if not _used(vocabulary, own):
                continue
            named = [
                e for e, last in family if e is not entry and last != own and _mentions(text, last)
            ]
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
