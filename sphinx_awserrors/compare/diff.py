"""A catalogue against its previous release: the changes, classified for release notes.

:func:`diff` lists what changed between two versions of a catalogue, one :class:`Change` per
code and aspect, each with a class:

``breaking``
    a client written against the old release may fail: a code was removed, renamed (the
    same code in another case or spelling; a client matching the old spelling no longer
    matches) or answers with another status.
``notable``
    worth a line in the release notes, nothing breaks: a code was added or deprecated (or
    no longer is), or its description was reworded in a way that may change its meaning.
``cosmetic``
    nothing a client can notice: a description reworded without changing its meaning, a
    changed ``since:`` version.

A reworded description is ``cosmetic`` unless the words that change include a negation
(*not*, *no*, *never*...), a number, a code name or header name (a word with inner capitals,
digits or dashes, such as ``NoSuchKey`` or ``x-amz-date``), a proper noun (a capitalised
word inside a sentence, such as a product name), or unless fewer than half of its
words are kept: then it is ``notable``. Typo fixes, punctuation, markup and rephrasing stay
``cosmetic``. Descriptions are compared as plain text, so a change of markup alone is no
change at all.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal

from sphinx_awserrors.compare.names import pair_codes
from sphinx_awserrors.markup.text import description_text

if TYPE_CHECKING:
    from sphinx_awserrors.catalogue import Catalogue, ErrorEntry

#: How much a change matters to the users of the catalogue.
ChangeClass = Literal["breaking", "notable", "cosmetic"]

#: The classes, most important first.
CLASSES: Final[tuple[ChangeClass, ...]] = ("breaking", "notable", "cosmetic")

#: What changed.
Kind = Literal[
    "removed",
    "renamed",
    "status",
    "added",
    "deprecated",
    "undeprecated",
    "reworded",
    "since",
]

#: Every kind, in the order release notes list them within a class.
KINDS: Final[tuple[Kind, ...]] = (
    "removed",
    "renamed",
    "status",
    "added",
    "deprecated",
    "undeprecated",
    "reworded",
    "since",
)


@dataclass(frozen=True)
class Change:
    """One change of one code.

    ``old`` and ``new`` are the values of what changed: the codes (``removed``: the old
    code and ``None``; ``added``: ``None`` and the new code; ``renamed``: both), the
    statuses (``status``), the plain-text descriptions (``reworded``), the versions
    (``deprecated``, ``undeprecated``, ``since``). ``entry`` is the new release's entry
    (the old one's for ``removed``); ``old_entry`` the old release's, when there is one.
    """

    code: str
    kind: Kind
    change_class: ChangeClass
    old: str | int | None
    new: str | int | None
    entry: ErrorEntry
    old_entry: ErrorEntry | None = None

    @property
    def file(self) -> str:
        """The file of :attr:`entry`."""
        return self.entry.file

    @property
    def line(self) -> int | None:
        """The line of :attr:`entry`."""
        return self.entry.line


_NEGATIONS: Final = frozenset(
    {"not", "no", "never", "cannot", "can't", "don't", "doesn't", "isn't", "without", "none"}
)
_WORD: Final = re.compile(r"[\w'.-]+")
# a word that names something: inner capitals (NoSuchKey), digits, or a dash (x-amz-date)
_NAMEISH: Final = re.compile(r"^(?:\w*[a-z][A-Z]\w*|.*\d.*|\w+-[\w-]+)$")


def _words(text: str) -> list[str]:
    return [w.strip(".") for w in _WORD.findall(text) if w.strip(".")]


def rewording_class(old: str, new: str) -> ChangeClass | None:
    """The class of a description reworded from *old* to *new* (plain text), or ``None``
    when they read the same (only whitespace differs). See the module docstring."""
    if " ".join(old.split()) == " ".join(new.split()):
        return None
    old_words, new_words = _words(old), _words(new)
    matcher = difflib.SequenceMatcher(
        None, [w.casefold() for w in old_words], [w.casefold() for w in new_words], autojunk=False
    )
    changed: list[str] = []
    names: set[str] = set()  # capitalised words inside a sentence: proper nouns, products
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            changed.extend(old_words[i1:i2])
            changed.extend(new_words[j1:j2])
            names.update(_proper_nouns(old, old_words[i1:i2]))
            names.update(_proper_nouns(new, new_words[j1:j2]))
    kept = sum(size for _a, _b, size in matcher.get_matching_blocks())
    if kept * 2 < max(len(old_words), len(new_words)):
        return "notable"

    def meaningful(word: str) -> bool:
        return word.casefold() in _NEGATIONS or bool(_NAMEISH.match(word)) or word in names

    # a typo fix is no such change: a word that another changed word only slightly
    # misspells is left out
    if any(meaningful(w) for w in changed):
        slips = _slips(changed)
        if any(meaningful(w) and w not in slips for w in changed):
            return "notable"
    return "cosmetic"


def _proper_nouns(text: str, words: list[str]) -> set[str]:
    """The capitalised words of *words* that no sentence of *text* starts with."""
    starts = {m.group(1) for m in _SENTENCE_START.finditer(text)}
    return {w for w in words if w[:1].isupper() and w not in starts}


_SENTENCE_START: Final = re.compile(r"(?:^|[.!?:;]\s+)([\w'-]+)")


def _slips(words: list[str]) -> set[str]:
    """The words of *words* that another one of them misspells (``NoSuchBuckt``)."""
    slips: set[str] = set()
    for word in words:
        for other in words:
            if other != word and difflib.SequenceMatcher(None, word, other).ratio() >= 0.85:
                slips.update((word, other))
    return slips


def diff(old: Catalogue, new: Catalogue) -> list[Change]:
    """The changes from *old* to *new*, most important class first, then by kind and code.

    A code repeated in one release is compared once (its first entry). A code only the old
    release has and a code only the new one has that differ only in case or by a likely
    misspelling are one ``renamed`` change, not a removal and an addition.
    """
    removed = [code for code in old.codes if code not in new]
    added = [code for code in new.codes if code not in old]
    renamed = pair_codes(removed, added)
    renamed_old = {a for a, _b, _k in renamed}
    renamed_new = {b for _a, b, _k in renamed}
    changes: list[Change] = []
    for code in removed:
        if code not in renamed_old:
            changes.append(Change(code, "removed", "breaking", code, None, old[code], old[code]))
    for code in added:
        if code not in renamed_new:
            changes.append(Change(code, "added", "notable", None, code, new[code]))
    for old_code, new_code, _likeness in renamed:
        changes.append(
            Change(
                new_code, "renamed", "breaking", old_code, new_code, new[new_code], old[old_code]
            )
        )
    pairs = [(code, code) for code in old.codes if code in new]
    pairs += [(a, b) for a, b, _k in renamed]
    for old_code, new_code in pairs:
        changes.extend(_entry_changes(old[old_code], new[new_code]))
    order = {kind: i for i, kind in enumerate(KINDS)}
    changes.sort(
        key=lambda c: (
            CLASSES.index(c.change_class),
            order[c.kind],
            c.code.casefold(),
            c.code,
        )
    )
    return changes


def _entry_changes(before: ErrorEntry, after: ErrorEntry) -> list[Change]:
    code = after.code
    changes: list[Change] = []
    if before.status != after.status:
        changes.append(
            Change(code, "status", "breaking", before.status, after.status, after, before)
        )
    if before.deprecated != after.deprecated:
        if after.deprecated is not None and before.deprecated is None:
            changes.append(
                Change(code, "deprecated", "notable", None, after.deprecated, after, before)
            )
        elif after.deprecated is None:
            changes.append(
                Change(code, "undeprecated", "notable", before.deprecated, None, after, before)
            )
        else:
            changes.append(
                Change(
                    code,
                    "deprecated",
                    "cosmetic",
                    before.deprecated,
                    after.deprecated,
                    after,
                    before,
                )
            )
    old_text, new_text = description_text(before.description), description_text(after.description)
    klass = rewording_class(old_text, new_text)
    if klass is not None:
        changes.append(Change(code, "reworded", klass, old_text, new_text, after, before))
    if before.since != after.since:
        changes.append(Change(code, "since", "cosmetic", before.since, after.since, after, before))
    return changes


def counts(changes: list[Change]) -> dict[str, int]:
    """How many *changes* each class has (every class, zero included)."""
    found: dict[str, int] = dict.fromkeys(CLASSES, 0)
    for change in changes:
        found[change.change_class] += 1
    return found
