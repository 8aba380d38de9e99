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

import itertools
import re
from collections import Counter, defaultdict
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from sphinx_awserrors.checks._text import prose, words
from sphinx_awserrors.checks.codes import code_parts
from sphinx_awserrors.checks.references import aws_s3
from sphinx_awserrors.checks.registry import CheckContext, Finding, check
from sphinx_awserrors.checks.spelling import code_words

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from sphinx_awserrors.catalogue import ErrorEntry

#: "w1 the w2", each pair once (the match consumes "w1 the w2")
_THE_PAIR = re.compile(r"(?<![a-z0-9])([a-z][a-z0-9]*) the ([a-z][a-z0-9]*)(?![a-z0-9])")
_WORD = re.compile(r"[a-z][a-z0-9]*|[.,;:!?()\u2060]")
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
    return tuple(_WORD.findall(prose(text).lower()))


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
    texts = [e.description for e in aws_s3()]
    bare = frozenset(p for t in texts for p in itertools.pairwise(_tokens(t)))
    return bare, _with_the(texts)


def _candidate(pair: tuple[str, str]) -> bool:
    a, b = pair
    if not (a.isalpha() and b.isalpha()) or b in _NOT_HEADS or f"{a} {b}" in _IDIOMS:
        return False
    return a not in _NOT_HEADS or a in ("in", "of", "to", "on", "at", "by", "for", "with")


def _lowered(entry: ErrorEntry) -> str:
    return _lower_prose(entry.description)


@lru_cache(maxsize=1 << 15)
def _lower_prose(description: str) -> str:
    return prose(description).lower()


def _missing_articles(entries: tuple[ErrorEntry, ...]) -> Iterator[tuple[ErrorEntry, str, str]]:
    """The file's text is tokenised once, in one pass; pairs are counted in C (Counter of a
    zip), and only the few pairs written bare against the majority are looked up entry by
    entry."""
    ref_bare, ref_the = _reference_counts()
    joined = "\n.\n".join(_lowered(e) for e in entries)
    tokens = _WORD.findall(joined)
    bare = Counter(itertools.pairwise(tokens))
    own = Counter(_THE_PAIR.findall(joined))
    slips = [
        pair
        for pair, n in own.items()
        if pair in bare
        and pair not in ref_bare
        and bare[pair] * 4 <= n + ref_the[pair]
        and n + ref_the[pair] >= ARTICLE_USES
        and _candidate(pair)
    ]
    for a, b in slips:
        pattern = re.compile(rf"\b{re.escape(a)}\s+{re.escape(b)}\b", re.IGNORECASE)
        for entry in entries:
            if f"{a} {b}" not in _lowered(entry):
                continue
            found = pattern.search(prose(entry.description))
            if found is None:
                continue
            first, second = found.group(0).split(None, 1)
            yield entry, found.group(0), f"{first} the {second}"


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
    """Whether the lower-case *text* has a word that starts with *word*'s stem."""
    stem = word.lower()[: max(4, len(word) - 2)]
    at = text.find(stem)
    while at >= 0:
        if at == 0 or not text[at - 1].isalpha():
            return True
        at = text.find(stem, at + 1)
    return False


def _copied(entries: tuple[ErrorEntry, ...]) -> Iterator[tuple[ErrorEntry, ErrorEntry]]:
    families: dict[str, list[tuple[ErrorEntry, str]]] = defaultdict(list)
    for entry in entries:
        parts = code_parts(entry.code)
        if len(parts) >= 3 and parts[-1].isalpha() and parts[-1] not in _GENERIC:
            families["".join(parts[:-1])].append((entry, parts[-1]))
    joined: str | None = None  # the file's prose, made only when a description is suspect
    used: dict[str, bool] = {}
    for family in families.values():
        if len(family) < 2:
            continue
        for entry, own in family:
            text = _lowered(entry)
            if _mentions(text, own):
                continue
            named = [
                e for e, last in family if e is not entry and last != own and _mentions(text, last)
            ]
            if len(named) != 1:
                continue
            # the file's prose uses the code's own word elsewhere, so the writer would have
            # used it here ("operator"); a word no description uses ("redirect" for "has
            # moved temporarily") says nothing
            if joined is None:
                joined = "\n".join(_lowered(e) for e in entries)
            if own not in used:
                used[own] = _mentions(joined, own)
            if used[own]:
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
