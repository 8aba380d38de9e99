"""Inject realistic typos into descriptions, for measuring the spelling check.

Each :class:`Typo` records the description before and after, the word as written after the
slip (``typo``; for a split word the two fragments) and the word it stands for (``original``).
Only slips that give non-words of 3+ letters are made: a typo that forms another word is out
of the spelling check's reach. "Non-word" is judged by pyspellchecker's whole English
dictionary (every word it lists, however rare) and the field vocabulary, not by the check's
own notion of a known word.
"""

from __future__ import annotations

import itertools
import random
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sphinx_awserrors.checks.spelling import NEIGHBOURS, SHORT_WORDS, dictionary, vocabulary

if TYPE_CHECKING:
    from collections.abc import Sequence

#: The kinds of slip, in the order they are cycled through.
KINDS = (
    "drop-end",
    "drop-middle",
    "transpose",
    "double",
    "neighbour",
    "common",
    "run-together",
    "split",
)

#: Real-world misspellings (the right word, then how it is often written).
COMMON_MISSPELLINGS: dict[str, tuple[str, ...]] = {
    "receive": ("recieve",),
    "received": ("recieved",),
    "receiving": ("recieving",),
    "occurred": ("occured", "ocurred"),
    "occurs": ("occures",),
    "occurrence": ("occurence", "occurrance"),
    "separate": ("seperate",),
    "separated": ("seperated",),
    "address": ("adress", "addres"),
    "addresses": ("adresses",),
    "necessary": ("neccessary", "necesary"),
    "successful": ("succesful", "successfull", "sucessful"),
    "successfully": ("succesfully", "successfuly", "sucessfully"),
    "success": ("sucess",),
    "succeeded": ("succeded", "suceeded"),
    "access": ("acess",),
    "accessed": ("acessed",),
    "accessible": ("accesible",),
    "existent": ("existant",),
    "existence": ("existance",),
    "exceeds": ("excedes", "exeeds"),
    "exceeded": ("exceded",),
    "maximum": ("maximun",),
    "minimum": ("minimun",),
    "required": ("requred",),
    "permanently": ("permanantly",),
    "temporarily": ("temporarly", "temporarilly"),
    "beginning": ("begining",),
    "believe": ("beleive",),
    "definitely": ("definately",),
    "environment": ("enviroment",),
    "independent": ("independant",),
    "argument": ("arguement",),
    "until": ("untill",),
    "which": ("wich",),
    "their": ("thier",),
    "because": ("becuase",),
    "retrieve": ("retreive",),
    "retrieved": ("retreived",),
    "referred": ("refered",),
    "preferred": ("prefered",),
    "transferred": ("transfered",),
    "recommend": ("recomend",),
    "different": ("diffrent",),
    "resource": ("resouce", "ressource"),
    "resources": ("ressources",),
    "response": ("responce",),
    "length": ("lenght",),
    "height": ("heigth",),
    "signature": ("signiture",),
    "specified": ("specifed",),
    "privilege": ("priviledge",),
    "privileges": ("priviledges",),
    "parameter": ("paramter", "parametre"),
    "parameters": ("paramters",),
    "calendar": ("calender",),
    "committed": ("commited",),
    "embarrass": ("embarass",),
    "guarantee": ("garantee",),
    "immediately": ("immediatly",),
    "incorrect": ("incorect",),
    "authentication": ("authentification",),
    "authorization": ("authorisaton",),
    "configuration": ("configuraton",),
    "encountered": ("encoutered",),
    "request": ("reqest",),
    "requested": ("requsted",),
    "already": ("allready",),
    "administrator": ("adminstrator",),
    "available": ("availible", "availabe"),
    "associated": ("asociated",),
    "whether": ("wether",),
    "initiated": ("initated",),
    "information": ("infomation",),
    "version": ("verison",),
    "unexpected": ("unexpeted",),
    "invalid": ("invaild",),
    "provided": ("provied",),
    "supported": ("suported",),
    "operation": ("operaton",),
    "condition": ("conditon",),
    "precondition": ("precondtion",),
    "allowed": ("alowed",),
    "contains": ("containes",),
    "completed": ("complted",),
}

_WORD = re.compile(r"(?<![\w`'’/.-])([A-Za-z]+)(?![\w`'’/-])")
# what is not prose: literals, roles, links, substitutions, {placeholders}, <tags>
_MARKUP = re.compile(r"``.+?``|:\w+:`[^`]*`|`[^`]*`_?|\|[^|]+\||https?://\S+|\{[^{}]*\}|<[^<>]*>")


@dataclass(frozen=True)
class Typo:
    """One injected slip."""

    kind: str
    description: str
    typo: tuple[str, ...]
    original: str


def is_word(text: str) -> bool:
    """Whether *text* is a word: in the whole dictionary, the field vocabulary, or short."""
    lowered = text.lower()
    return len(lowered) < 3 or lowered in dictionary() or lowered in vocabulary()


def _prose_spans(description: str) -> list[tuple[int, int]]:
    """Where the plain words of *description* are: not in markup, not identifiers."""
    blocked = [m.span() for m in _MARKUP.finditer(description)]
    spans = []
    for match in _WORD.finditer(description):
        start, end = match.span(1)
        word = match.group(1)
        if any(a <= start < b for a, b in blocked):
            continue
        if re.search(r"[a-z][A-Z]|[A-Z]{2}", word):
            continue  # identifiers and acronyms: what the check leaves alone
        spans.append((start, end))
    return spans


def _slip(kind: str, word: str, rng: random.Random) -> str | None:
    """*word* with one slip of *kind*, or None when the slip does not apply."""
    n = len(word)
    if kind == "drop-end":
        return word[:-1] if n >= 4 else None
    if kind == "drop-middle":
        if n < 4:
            return None
        i = rng.randrange(1, n - 1)
        return word[:i] + word[i + 1 :]
    if kind == "transpose":
        options = [i for i in range(n - 1) if word[i] != word[i + 1]]
        if not options:
            return None
        i = rng.choice(options)
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "double":
        i = rng.randrange(n)
        return word[: i + 1] + word[i] + word[i + 1 :]
    if kind == "neighbour":
        i = rng.randrange(n)
        lower = word[i].lower()
        if lower not in NEIGHBOURS:
            return None
        key = rng.choice(sorted(NEIGHBOURS[lower]))
        key = key.upper() if word[i].isupper() else key
        return word[:i] + key + word[i + 1 :]
    if kind == "common":
        options = COMMON_MISSPELLINGS.get(word.lower())
        if not options:
            return None
        slip = rng.choice(options)
        return slip.capitalize() if word[0].isupper() else slip
    if kind == "split":
        if n < 6:
            return None
        i = rng.randrange(2, n - 1)
        return word[:i] + " " + word[i:]
    return None


def inject(description: str, kind: str, rng: random.Random) -> Typo | None:
    """*description* with one slip of *kind* in one of its words, or None if none fits."""
    spans = _prose_spans(description)
    if kind == "run-together":
        pairs = [
            (a, b)
            for a, b in itertools.pairwise(spans)
            if description[a[1] : b[0]] == " "
            and len(description[a[0] : b[1]]) - 1 >= 5
            and not is_word(description[a[0] : a[1]] + description[b[0] : b[1]])
        ]
        if not pairs:
            return None
        a, b = rng.choice(pairs)
        first, second = description[a[0] : a[1]], description[b[0] : b[1]]
        joined = first + second
        changed = description[: a[0]] + joined + description[b[1] :]
        return Typo(kind, changed, (joined,), f"{first} {second}")
    if kind == "common":
        spans = [s for s in spans if description[s[0] : s[1]].lower() in COMMON_MISSPELLINGS]
    else:
        spans = [s for s in spans if s[1] - s[0] >= 3]
    rng.shuffle(spans)
    for start, end in spans[:8]:
        word = description[start:end]
        slipped = _slip(kind, word, rng)
        if slipped is None:
            continue
        parts = tuple(slipped.split(" "))
        if kind == "split":
            # a split is a typo when a fragment is a non-word; short fragments count too
            if all(is_word(p) and (len(p) >= 3 or p.lower() in _SHORT) for p in parts):
                continue
            if not any(len(p) >= 3 and not is_word(p) for p in parts):
                continue
        elif len(slipped) < 3 or is_word(slipped):
            continue
        changed = description[:start] + slipped + description[end:]
        return Typo(kind, changed, parts, word)
    return None


_SHORT = SHORT_WORDS


def generate(
    descriptions: Sequence[str],
    count: int,
    seed: int = 2024,
    kinds: Sequence[str] = KINDS,
) -> list[tuple[int, Typo]]:
    """*count* typos, cycling through *kinds*: (index of the description, the typo).

    Descriptions are picked at random (with a fixed *seed*); for ``common`` among those that
    hold a word with a known misspelling. A kind that does not fit the pick is skipped for
    that round.
    """
    rng = random.Random(seed)
    common = [
        i
        for i, text in enumerate(descriptions)
        if any(text[a:b].lower() in COMMON_MISSPELLINGS for a, b in _prose_spans(text))
    ]
    made: list[tuple[int, Typo]] = []
    attempts = 0
    while len(made) < count and attempts < count * 50:
        kind = kinds[attempts % len(kinds)]
        attempts += 1
        if kind == "common":
            if not common:
                continue
            index = rng.choice(common)
        else:
            index = rng.randrange(len(descriptions))
        typo = inject(descriptions[index], kind, rng)
        if typo is not None:
            made.append((index, typo))
    return made
