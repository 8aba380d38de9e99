"""The spelling check on a held-out set of typos: an injector independent of
``support_typos.py``.

``tests/support_typos.py`` was written alongside the check, so its figures may flatter it. This
module makes its typos another way: its own word picker (short words of 3-5 letters too,
capitalised words at a sentence start, words against punctuation, plurals and -ed/-ing
forms, parts of hyphenated compounds, words next to codes), its own keyboard map, its own
list of common misspellings, and other seeds. It also types slips inside inline literals,
which the check must leave alone. A slip counts only when it gives a non-word of 3+ letters
by pyspellchecker's whole word list (however rare the word) and the field vocabulary.

Corpora: the bundled catalogue, the error documentation of AWS service models in botocore
(read through :func:`sphinx_awserrors.convert.botocore.botocore_entries`, as a user's import
would) and the real-world tables in ``/work/shared/real-world/`` (read in place, never
copied). For each: recall, right top suggestion, and findings per 100 entries of the clean
text. Run ``PYTHONPATH=tests python tests/checks/test_spelling_heldout.py`` to print the
figures with the misses.
"""

from __future__ import annotations

import itertools
import random
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache

import pytest
from support_corpora import botocore_corpus, bundled, real_world

from sphinx_awserrors.catalogue import Catalogue, ErrorEntry
from sphinx_awserrors.checks.spelling import dictionary, spelling_findings, vocabulary

MIN_RECALL = 0.95
MIN_RIGHT_SUGGESTION = 0.85
MAX_FALSE_ALARMS_PER_100 = 1.0

#: Kinds of slip; each typo picks one at random (not in a fixed cycle).
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

#: The keyboard, written out key by key (a different map from the check's computed one):
#: the keys that touch each key on a US layout.
_TOUCHING = {
    "q": "wa", "w": "qeas", "e": "wrsd", "r": "etdf", "t": "ryfg", "y": "tugh", "u": "yihj",
    "i": "uojk", "o": "ipkl", "p": "ol", "a": "qwsz", "s": "awedxz", "d": "serfcx",
    "f": "drtgvc", "g": "ftyhbv", "h": "gyujnb", "j": "huikmn", "k": "jiolm", "l": "kop",
    "z": "asx", "x": "zsdc", "c": "xdfv", "v": "cfgb", "b": "vghn", "n": "bhjm", "m": "njk",
}  # fmt: skip

#: Misspellings people make (right word: wrong spellings), chosen apart from support_typos's list.
MISSPELLINGS = {
    "access": ("acces", "accesss"),
    "achieve": ("acheive",),
    "across": ("accross",),
    "address": ("adddress",),
    "already": ("alredy",),
    "argument": ("arguemnt",),
    "attempt": ("attemt",),
    "attempted": ("attemped",),
    "attribute": ("atribute", "attribue"),
    "authorized": ("autorized",),
    "available": ("avaliable",),
    "because": ("becasue", "beacuse"),
    "beginning": ("beggining",),
    "between": ("betwen",),
    "certificate": ("certficate", "certifcate"),
    "characters": ("charachters", "charaters"),
    "configuration": ("configration", "confguration"),
    "configured": ("configed", "configurred"),
    "conflict": ("conflit",),
    "contain": ("containe",),
    "credentials": ("credentails", "credencials"),
    "current": ("curent",),
    "currently": ("currenly", "curently"),
    "definition": ("defintion", "definiton"),
    "deleted": ("deleeted", "delted"),
    "destination": ("destionation",),
    "different": ("diferent",),
    "disabled": ("dissabled",),
    "encrypted": ("encypted",),
    "encryption": ("encrytion", "encription"),
    "enough": ("enought",),
    "error": ("eror", "errror"),
    "exceeded": ("exeeded", "exceded"),
    "exceeds": ("exceds",),
    "exist": ("exsist",),
    "exists": ("exsists", "exisits"),
    "expired": ("exipred",),
    "field": ("feild",),
    "following": ("folowing",),
    "format": ("formatt",),
    "identifier": ("identifer",),
    "immediately": ("immediatley",),
    "include": ("inlcude",),
    "included": ("incuded",),
    "independent": ("independant",),
    "limit": ("limmit",),
    "maximum": ("maxium",),
    "message": ("mesage", "messsage"),
    "minimum": ("minumum",),
    "necessary": ("nessecary",),
    "occurred": ("occurrred", "ocured"),
    "omitted": ("ommited", "omited"),
    "operation": ("opertion",),
    "parameter": ("parmeter",),
    "permission": ("permision", "permisson"),
    "permissions": ("permisions", "premissions"),
    "policy": ("poilcy",),
    "previous": ("previos",),
    "process": ("proccess",),
    "processed": ("proccessed",),
    "receipt": ("reciept",),
    "received": ("recived",),
    "recommended": ("recomended",),
    "region": ("regoin",),
    "request": ("requets",),
    "requests": ("reqeusts",),
    "required": ("requried",),
    "resource": ("resoruce",),
    "resources": ("resourses",),
    "retrieve": ("retrive",),
    "separate": ("seperete",),
    "session": ("sesion",),
    "signature": ("signatrue",),
    "specified": ("speficied", "specfied"),
    "specify": ("specifiy",),
    "successfully": ("successfuly",),
    "supported": ("supportted",),
    "threshold": ("threshhold",),
    "until": ("unitl",),
    "unsupported": ("unsuported",),
    "valid": ("vaild",),
    "version": ("verion",),
    "which": ("whcih",),
    "written": ("writen",),
}  # fmt: skip

#: Where the words of a description may not be typed: inline markup, URLs, placeholders.
_MARKUP = re.compile(r"``.+?``|:[\w:.-]+:`[^`]*`|`[^`]*`_{0,2}|https?://\S+|\{[^{}]*\}|<[^<>]*>")
#: A run of letters with what stands around it.
_TOKEN = re.compile(r"[A-Za-z]+")
_LITERAL = re.compile(r"``([^`]+)``")


@cache
def _whole_dictionary() -> frozenset[str]:
    return frozenset(dictionary())


def non_word(text: str) -> bool:
    """Whether *text* is no word at all: not in the whole dictionary nor the vocabulary."""
    lowered = text.lower()
    return len(lowered) >= 3 and lowered not in _whole_dictionary() and lowered not in vocabulary()


@dataclass(frozen=True)
class Slot:
    """A word of a description that may be typed wrong: its place and how it stands."""

    start: int
    end: int
    word: str


def slots(description: str) -> list[Slot]:
    """The prose words of *description*: letters only, not markup, not identifiers."""
    blocked = [m.span() for m in _MARKUP.finditer(description)]
    found = []
    for match in _TOKEN.finditer(description):
        start, end = match.span()
        before = description[start - 1] if start else " "
        after = description[end] if end < len(description) else " "
        if any(a <= start < b for a, b in blocked):
            continue
        if before.isdigit() or after.isdigit() or before in "_'’.@/$" or after in "_'’@":
            continue  # parts of names, numbers, contractions, paths
        if after == "." and end + 1 < len(description) and description[end + 1].isalpha():
            continue  # a file or host name
        word = match.group()
        if re.search(r"[a-z][A-Z]|[A-Z]{2}", word):
            continue  # identifiers and acronyms
        found.append(Slot(start, end, word))
    return found


def _keep_case(model: str, text: str) -> str:
    return text[0].upper() + text[1:] if model[0].isupper() else text


def slip(kind: str, word: str, rng: random.Random) -> str | None:
    """*word* typed with one slip of *kind*, or None when that slip does not fit it."""
    n = len(word)
    lower = word.lower()
    if kind == "drop-end":
        return word[:-1] if n >= 4 else None
    if kind == "drop-middle":
        return None if n < 4 else (lambda i: word[:i] + word[i + 1 :])(rng.randint(1, n - 2))
    if kind == "transpose":
        i = rng.randint(0, n - 2)
        if word[i] == word[i + 1]:
            return None
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "double":
        i = rng.randint(0, n - 1)
        return word[:i] + word[i] + word[i:]
    if kind == "neighbour":
        i = rng.randint(0, n - 1)
        keys = _TOUCHING.get(word[i].lower(), "")
        if not keys:
            return None
        key = rng.choice(keys)
        return word[:i] + (key.upper() if word[i].isupper() else key) + word[i + 1 :]
    if kind == "common":
        options = MISSPELLINGS.get(lower)
        return _keep_case(word, rng.choice(options)) if options else None
    if kind == "split":
        if n < 5:
            return None
        i = rng.randint(1, n - 1)
        return f"{word[:i]} {word[i:]}"
    return None


@dataclass(frozen=True)
class Typo:
    """One injected slip: the typed description, the tokens typed, the word meant."""

    kind: str
    description: str
    typed: tuple[str, ...]
    meant: str


def inject(description: str, kind: str, rng: random.Random) -> Typo | None:
    """One slip of *kind* in a random prose word of *description*, or None."""
    places = slots(description)
    if kind == "run-together":
        pairs = [
            (a, b)
            for a, b in itertools.pairwise(places)
            if description[a.end : b.start] == " " and non_word(a.word + b.word)
        ]
        if not pairs:
            return None
        a, b = rng.choice(pairs)
        typed = a.word + b.word
        text = description[: a.start] + typed + description[b.end :]
        return Typo(kind, text, (typed,), f"{a.word} {b.word}")
    if kind == "common":
        places = [p for p in places if MISSPELLINGS.get(p.word.lower())]
    else:
        places = [p for p in places if len(p.word) >= 3]
    rng.shuffle(places)
    for place in places[:6]:
        typed = slip(kind, place.word, rng)
        if typed is None:
            continue
        parts = tuple(typed.split(" "))
        if not any(non_word(part) for part in parts):
            continue  # every fragment is a word: out of any dictionary check's reach
        text = description[: place.start] + typed + description[place.end :]
        return Typo(kind, text, parts, place.word)
    return None


def inject_in_literal(description: str, rng: random.Random) -> tuple[str, str] | None:
    """A slip inside an inline literal (which the check must skip): (text, the typed token)."""
    literals = [m for m in _LITERAL.finditer(description) if re.search(r"[a-z]{4}", m[1])]
    if not literals:  # no literal here: make one of a prose word, mistyped
        places = [p for p in slots(description) if len(p.word) >= 4]
        if not places:
            return None
        place = rng.choice(places)
        typed = place.word[:-1] + place.word[-1] * 2
        return f"{description[: place.start]}``{typed}``{description[place.end :]}", typed
    match = rng.choice(literals)
    inner = match[1]
    runs = [m for m in _TOKEN.finditer(inner) if len(m.group()) >= 4]
    run = rng.choice(runs)
    token = run.group()
    typed = token[:-1] if rng.random() < 0.5 else token[0] + token[2] + token[1] + token[3:]
    new_inner = inner[: run.start()] + typed + inner[run.end() :]
    start, end = match.span(1)
    return description[:start] + new_inner + description[end:], typed


CORPORA = {"bundled": bundled, "botocore": botocore_corpus, "real-world": real_world}
#: Typos per corpus, and each corpus's own seed (other than support_typos's).
COUNT = 400
SEEDS = {"bundled": 7331, "botocore": 90210, "real-world": 4242}


# --- measuring ----------------------------------------------------------------------------------


@dataclass
class Tally:
    """What one corpus gave."""

    entries: int = 0
    clean_findings: list[tuple[str, str | None]] = field(default_factory=list)
    total: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)
    misses: list[Typo] = field(default_factory=list)
    wrong: list[tuple[Typo, str | None]] = field(default_factory=list)
    literals: int = 0
    literals_flagged: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return sum(self.found.values()) / max(1, sum(self.total.values()))

    @property
    def accuracy(self) -> float:
        return sum(self.right.values()) / max(1, sum(self.total.values()))

    @property
    def false_alarms(self) -> float:
        return 100 * len(self.clean_findings) / max(1, self.entries)

    def report(self, name: str, details: int = 0) -> str:
        lines = [
            f"{name}: {self.entries} entries, {sum(self.total.values())} typos, "
            f"recall {self.recall:.1%}, right top suggestion {self.accuracy:.1%}, "
            f"clean findings {self.false_alarms:.2f}/100 entries, "
            f"literal slips flagged {len(self.literals_flagged)}/{self.literals}"
        ]
        for kind in KINDS:
            if n := self.total[kind]:
                lines.append(
                    f"  {kind:13}{n:4}  found {self.found[kind] / n:6.1%}"
                    f"  right {self.right[kind] / n:6.1%}"
                )
        lines += [f"  clean: {w!r} -> {s!r}" for w, s in self.clean_findings[:details]]
        lines += [f"  missed: {t.typed} ({t.meant})" for t in self.misses[:details]]
        lines += [f"  wrong: {t.typed} -> {s!r} ({t.meant})" for t, s in self.wrong[:details]]
        return "\n".join(lines)


def _catalogue(rows: list[tuple[str, str]], typed: dict[int, str]) -> Catalogue:
    return Catalogue(
        tuple(
            ErrorEntry(code or f"E{i}", 400, typed.get(i, text), line=i + 1)
            for i, (code, text) in enumerate(rows)
        )
    )


def measure(rows: list[tuple[str, str]], count: int, seed: int) -> Tally:
    """Inject *count* typos into *rows* (at most one per entry per round) and tally."""
    rng = random.Random(seed)
    tally = Tally(entries=len(rows))
    tally.clean_findings = [(f.word, f.suggestion) for f in spelling_findings(_catalogue(rows, {}))]
    clean_words = Counter((f.line, f.word) for f in spelling_findings(_catalogue(rows, {})))
    made: list[tuple[int, Typo]] = []
    for _ in range(count * 30):
        if len(made) >= count:
            break
        index = rng.randrange(len(rows))
        typo = inject(rows[index][1], rng.choice(KINDS), rng)
        if typo is not None:
            made.append((index, typo))
    pending = made
    while pending:
        round_: dict[int, Typo] = {}
        later = []
        for index, typo in pending:
            (later.append((index, typo)) if index in round_ else round_.__setitem__(index, typo))
        pending = later
        by_line = defaultdict(list)
        typed = {i: t.description for i, t in round_.items()}
        for finding in spelling_findings(_catalogue(rows, typed)):
            by_line[finding.line].append(finding)
        for index, typo in round_.items():
            tally.total[typo.kind] += 1
            hits = [f for f in by_line[index + 1] if f.word in typo.typed]
            if not hits:
                tally.misses.append(typo)
                continue
            tally.found[typo.kind] += 1
            suggestion = hits[0].suggestion
            if suggestion is not None and suggestion.lower() == typo.meant.lower():
                tally.right[typo.kind] += 1
            else:
                tally.wrong.append((typo, suggestion))
    # slips inside inline literals: code, which the check must not judge
    typed_literals: dict[int, str] = {}
    tokens: dict[int, str] = {}
    for index, (_, text) in enumerate(rows):
        made_literal = inject_in_literal(text, rng)
        if made_literal is not None:
            typed_literals[index], tokens[index] = made_literal
    if typed_literals:
        tally.literals = len(typed_literals)
        for finding in spelling_findings(_catalogue(rows, typed_literals)):
            index = finding.line - 1
            if tokens.get(index) == finding.word and not clean_words[(finding.line, finding.word)]:
                tally.literals_flagged.append(finding.word or "")
    return tally


@pytest.fixture(scope="module", params=list(CORPORA))
def tally(request: pytest.FixtureRequest) -> tuple[str, Tally]:
    name = request.param
    return name, measure(CORPORA[name](), COUNT, SEEDS[name])


def test_heldout_typos(tally: tuple[str, Tally], capsys: pytest.CaptureFixture[str]) -> None:
    name, result = tally
    with capsys.disabled():
        print("\n" + result.report(f"held-out typos on {name}"))
    assert sum(result.total.values()) >= 300
    assert set(result.total) == set(KINDS)
    assert result.recall >= MIN_RECALL
    assert result.accuracy >= MIN_RIGHT_SUGGESTION
    assert result.false_alarms <= MAX_FALSE_ALARMS_PER_100
    assert not result.literals_flagged


if __name__ == "__main__":  # figures with the misses (see the docstring)
    for corpus, make in CORPORA.items():
        print(measure(make(), COUNT, SEEDS[corpus]).report(corpus, details=int(sys.argv[1])
              if len(sys.argv) > 1 else 25))  # fmt: skip
