"""Check ``spelling``: misspelled words in descriptions, each with its best replacement.

Words are known from three sources: pyspellchecker's English dictionary (a word list with
frequencies), the field vocabulary in ``vocabulary.txt`` (HTTP, S3, IAM, multipart, ...), and
the catalogue itself: the words of its codes (``NoSuchBucketPolicy`` gives no, such, bucket,
policy) and the user's spelling words. Tokens that are not prose are skipped: inline literals,
roles, links, URLs, header names (``X-Amz-Date``), anything with digits or underscores,
identifiers in camelCase, and words of fewer than three letters.

A misspelling's replacement is chosen by a noisy-channel score: how likely the candidate word
is, where what the catalogue says elsewhere (its descriptions and codes) weighs far more than
general English frequency, times how likely the slip is (a dropped letter, two swapped
letters, a doubled letter or a neighbouring key are typical; other edits less so). Candidates
are the known words one edit away (Damerau: delete, insert, substitute, transpose), two edits
when there is none, and two known words for a run-together word ("thebucket"). Two adjacent
fragments that only make sense together ("buc ket") are reported as a split word.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Final, NamedTuple, TypeVar

from sphinx_awserrors.checks._text import PLACEHOLDER, prose
from sphinx_awserrors.checks.registry import CheckContext, Finding, check

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from sphinx_awserrors.catalogue import Catalogue, ErrorEntry

#: Words of the dictionary rarer than this (per its frequency counts) are not trusted as
#: known: the list holds many foreign and garbled tokens at the bottom, where typos land.
MIN_FREQUENCY: Final = 50
#: How common a word must be for words derived from it (``retrying``, ``deregister``) to be
#: known as well.
STEM_FREQUENCY: Final = 1000
#: A word known only as derived (``writting``: writ + ing) is a slip when a typing slip of a
#: word this common gives it (*writing*), and that word is far commoner than the stem.
SLIP_OF_COMMON_FREQUENCY: Final = 50_000
SLIP_OF_COMMON_RATIO: Final = 10
#: How common a dictionary word must be to be suggested for a word with two slips.
INDEX_FREQUENCY: Final = 5000
#: The frequency given to field words (vocabulary, codes, user words) that the dictionary lacks.
FIELD_FREQUENCY: Final = 20_000
#: How much of a candidate's probability comes from the catalogue's own word counts.
CATALOGUE_WEIGHT: Final = 0.5
#: Dictionary words rarer than this (``ont``, ``nae``, ``objet``) are suspect when the
#: catalogue uses them only once and a typing slip of a common word gives them.
RARE_FREQUENCY: Final = 1000
#: How many times likelier the slip of a common word must be than the rare word itself.
SUSPECT_RATIO: Final = 1000.0
#: The longest rare word that is suspect.
SUSPECT_LENGTH: Final = 6
#: Short words that may stand next to a fragment of a split word ("a", "to" ...).
SHORT_WORDS: Final = frozenset(
    ("a", "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me"),
) | frozenset(("my", "no", "of", "on", "or", "ok", "so", "to", "up", "us", "we"))
_LETTERS: Final = "abcdefghijklmnopqrstuvwxyz"
_VOWELS: Final = frozenset("aeiouy")
_KEYBOARD_ROWS: Final = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _keyboard_neighbours() -> dict[str, frozenset[str]]:
    """The keys around each letter on a QWERTY keyboard (same row and the rows around)."""
    position = {
        key: (row, col + 0.5 * row)
        for row, keys in enumerate(_KEYBOARD_ROWS)
        for col, key in enumerate(keys)
    }
    return {
        key: frozenset(
            other
            for other, (r2, c2) in position.items()
            if other != key and abs(r2 - r1) <= 1 and abs(c2 - c1) <= 1.0
        )
        for key, (r1, c1) in position.items()
    }


NEIGHBOURS: Final = _keyboard_neighbours()
_T = TypeVar("_T")

# --- the word lists ------------------------------------------------------------------------------


class WordList(Mapping[str, int]):
    """Word frequencies packed in one byte string: ``\\nword\\tcount`` lines, grouped by prefix.

    pyspellchecker's English list has 160,000 words; as a dict it takes about 25 MB and a
    third of a second to load on every build. Packed, it takes 2 MB and loads from the cache
    (:func:`dictionary`) in milliseconds; a lookup is one ``bytes.find`` within the words that
    share the first three letters.
    """

    def __init__(
        self,
        blob: bytes,
        buckets: dict[bytes, tuple[int, int]],
        total: int,
        common: tuple[tuple[str, int], ...],
    ) -> None:
        self._blob = blob
        self._buckets = buckets
        #: the sum of all counts
        self.total = total
        #: the words of at least :data:`INDEX_FREQUENCY`, with their counts
        self.common = common
        self._length = blob.count(b"\n") - 1

    @classmethod
    def from_counts(cls, counts: Mapping[str, int]) -> WordList:
        """Pack *counts*."""
        lines = sorted(f"{word}\t{count}".encode() for word, count in counts.items() if word)
        parts = [b"\n"]
        buckets: dict[bytes, tuple[int, int]] = {}
        at = 1
        for line in lines:
            prefix = line.split(b"\t", 1)[0][:3]
            start, _ = buckets.get(prefix, (at - 1, 0))
            at += len(line) + 1
            buckets[prefix] = (start, at)
            parts.append(line + b"\n")
        common = tuple(sorted((w, c) for w, c in counts.items() if w and c >= INDEX_FREQUENCY))
        return cls(b"".join(parts), buckets, sum(counts.values()), common)

    def to_bytes(self) -> bytes:
        """The packed form, for the cache."""
        return marshal.dumps((_WORDLIST_FORMAT, self._blob, self._buckets, self.total, self.common))

    @classmethod
    def from_bytes(cls, data: bytes) -> WordList:
        """Unpack what :meth:`to_bytes` made; ValueError when it is not that."""
        try:
            version, blob, buckets, total, common = marshal.loads(data)  # our own cache file
        except (EOFError, TypeError, ValueError) as exc:
            raise ValueError(str(exc)) from exc
        if version != _WORDLIST_FORMAT or not isinstance(blob, bytes):
            raise ValueError("not a word list of this version")
        return cls(blob, buckets, total, common)

    def get(self, word: str, default: int = 0) -> int:  # type: ignore[override]
        """The count of *word*, or *default*."""
        key = word.encode("utf-8", "surrogatepass")
        bucket = self._buckets.get(key[:3])
        if bucket is None:
            return default
        start, end = bucket
        at = self._blob.find(b"\n" + key + b"\t", start, end)
        if at < 0:
            return default
        value_at = at + len(key) + 2
        return int(self._blob[value_at : self._blob.index(b"\n", value_at)])

    def __getitem__(self, word: str) -> int:
        count = self.get(word, -1)
        if count < 0:
            raise KeyError(word)
        return count

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word, -1) >= 0

    def __iter__(self) -> Iterator[str]:
        for line in self._blob.split(b"\n"):
            if line:
                yield line.split(b"\t", 1)[0].decode("utf-8", "surrogatepass")

    def __len__(self) -> int:
        return self._length


#: Bump when :class:`WordList`'s packed form changes.
_WORDLIST_FORMAT: Final = 2


def _cache_dir() -> Path:
    """Where the packed dictionary is kept: ``$XDG_CACHE_HOME/sphinx-awserrors``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base, "sphinx-awserrors")


def _load_pyspellchecker() -> Mapping[str, int]:
    from spellchecker import SpellChecker

    frequencies: Mapping[str, int] = SpellChecker(
        language="en", distance=1
    ).word_frequency.dictionary
    return frequencies


def _source_key() -> str:
    """What the packed dictionary is made from: pyspellchecker's version and English list."""
    import spellchecker

    source = Path(spellchecker.__file__).parent / "resources" / "en.json.gz"
    try:
        stat = source.stat()
        made_from = f"{source}:{stat.st_size}:{stat.st_mtime_ns}"
    except OSError:
        made_from = str(source)
    version = getattr(spellchecker, "__version__", "?")
    key = f"{_WORDLIST_FORMAT}:{version}:{made_from}:{MIN_FREQUENCY}:{INDEX_FREQUENCY}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


@cache
def dictionary() -> WordList:
    """pyspellchecker's English word frequencies (lower case), loaded once per process.

    The first load packs the list (:class:`WordList`) and keeps it in the user's cache
    directory; later loads, in any process, read the packed form. When the cache cannot be
    read or written, the list is packed in memory each time.
    """
    path = _cache_dir() / f"words-en-{_source_key()}.bin"
    try:
        return WordList.from_bytes(path.read_bytes())
    except (OSError, ValueError):
        pass
    words = WordList.from_counts(_load_pyspellchecker())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(words.to_bytes())
        temporary.replace(path)  # atomic: a parallel build never reads half a file
    except OSError:
        pass  # a read-only home: pack it again next time
    return words


def _term_words(term: str) -> Iterator[str]:
    """The lower-case letter-only words a term makes known: itself, and its parts."""
    lowered = term.lower()
    if lowered.isalpha():
        yield lowered
    yield from re.findall(r"[a-z]+", lowered)


@cache
def vocabulary() -> frozenset[str]:
    """The field vocabulary (``vocabulary.txt``), as lower-case letter-only words."""
    text = resources.files(__package__).joinpath("vocabulary.txt").read_text(encoding="utf-8")
    found: set[str] = set()
    for line in text.splitlines():
        term = line.split("#", 1)[0].strip()
        for item in term.split():
            found.update(_term_words(item))
    return frozenset(found)


@cache
def _vocabulary_spellings() -> Mapping[str, str]:
    """How the vocabulary writes its terms with capitals (``json`` -> ``JSON``)."""
    text = resources.files(__package__).joinpath("vocabulary.txt").read_text(encoding="utf-8")
    spellings: dict[str, str] = {}
    for line in text.splitlines():
        for item in line.split("#", 1)[0].split():
            if item.isalpha() and item != item.lower():
                spellings.setdefault(item.lower(), item)
    return spellings


_CODE_PART = re.compile(r"[A-Z]+\d*(?![a-z])|[A-Z]?[a-z]+\d*|\d+")


def code_words(code: str) -> list[str]:
    """The words of an error code: ``NoSuchBucketPolicy`` -> No, Such, Bucket, Policy.

    A run of capitals is one word (``InvalidURI`` -> Invalid, URI); so are the digits that
    follow it (``XAmzContentSHA256Mismatch`` -> X, Amz, Content, SHA256, Mismatch).
    """
    return _CODE_PART.findall(code)


# --- tokens --------------------------------------------------------------------------------------

#: Placeholders and tags in other projects' prose: ``{bucket}``, ``{{ name }}``, ``<Key>``.
_NON_PROSE = re.compile(r"\{\{.*?\}\}|\{[^{}\s]*\}|</?[A-Za-z][^<>]*>")
#: A single word in quotes is a literal value ('userplus', "STANDARD_IA"), not prose.
_QUOTED = re.compile(r"(?<![\w'’])'[^'\s]+'(?![\w'’])|(?<![\w\"])\"[^\"\s]+\"(?![\w\"])")
_DIGIT = re.compile(r"\d")
_EDGE_PUNCTUATION = "\"'“”‘’()[]{}<>,;:!?*.…«»"
_SENTENCE_END = (".", "!", "?", ":")
_IDENTIFIER = re.compile(r"[a-z][A-Z]|[A-Z]{2,}[a-rt-z]|[A-Z]{2,}s[a-z]")
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")
#: A header name (``Content-Length``, ``X-Amz-Date``, ``x-amz-acl``), whose words are checked
#: on their own: a slip in ``Content-Lenght`` is a slip all the same.
_HEADER = re.compile(r"(?:[A-Z][A-Za-z0-9]*|[xX])(?:-[A-Z0-9][A-Za-z0-9]*)+|x(?:-[a-z0-9]+)+")
_HEADER_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Z]?[a-z]{2,}(?![A-Za-z0-9])")
#: A capitalised word typed with a slip of the shift key: swapped (``hTe``) or doubled
#: (``TThe``) first letters. Identifiers do not look like that.
_CASE_SLIP = re.compile(r"[a-z][A-Z][a-z]+|([A-Z])\1[a-z]+")


class Word(NamedTuple):
    """A word of a description to check, as written, and what is known about its place."""

    #: the word as written
    text: str
    #: the word starts a sentence (a capital there says nothing about the word)
    initial: bool
    #: index of the whitespace-separated chunk it came from
    chunk: int
    #: the chunk is this one word, with no punctuation after it (so a split word may go on)
    open_end: bool
    #: the chunk is this one word, with no punctuation before it
    open_start: bool
    #: the whole of a hyphenated compound the word is part of, without hyphens (add-ons)
    compound: str = ""
    #: a part of a header name (``Content-Length``): only a plain slip of a word is reported
    header: bool = False
    #: a part of a slash-separated path (``bucketname/objectkey``), where glued names are
    #: placeholders
    path: bool = False


@lru_cache(maxsize=1 << 16)
def _chunk_words(chunk: str) -> tuple[str, ...]:
    """The prose words of one whitespace-separated chunk stripped of edge punctuation."""
    if chunk.isalpha():
        return (chunk,) if chunk.isascii() else ()
    return tuple(_chunk_parts(chunk))


def _chunk_parts(chunk: str) -> list[str]:
    if not chunk or PLACEHOLDER in chunk or _DIGIT.search(chunk):
        return []
    if "_" in chunk or "@" in chunk or "://" in chunk or chunk[0] in "/\\~$%&#=+":
        return []
    if "/" in chunk:  # and/or, multipart/form-data: each side on its own
        return [w for part in chunk.split("/") if part for w in _chunk_parts(part)]
    if "." in chunk:  # host and file names, abbreviations
        return []
    if "-" in chunk:
        parts = [p for p in chunk.split("-") if p]
        # a header name (X-Amz-Date, Content-Length, x-amz-acl) is a name, not prose
        if len(parts) > 1 and (all(p[0].isupper() for p in parts) or len(parts[0]) == 1):
            return []
        return [w for part in parts for w in _chunk_parts(part)]
    chunk = chunk.replace("’", "'")
    if "'" in chunk:
        base, _, rest = chunk.partition("'")
        if rest.lower() not in ("s", ""):
            return []  # a contraction (don't, we'll): not for this check to judge
        chunk = base  # a possessive: the user's
    if not chunk.isalpha() or not chunk.isascii():
        return []
    return [chunk]


class _Token(NamedTuple):
    """What one whitespace-separated chunk of a description holds, wherever it stands."""

    #: the words to check: (text, open_end, open_start, compound, header)
    words: tuple[tuple[str, bool, bool, str, bool], ...]
    #: the chunk ends a sentence, so the next word starts one
    ends_sentence: bool
    #: the chunk is markup (a placeholder), which neither ends nor starts a sentence
    markup: bool


# Catalogues repeat a few hundred distinct chunks many thousand times: each is read once.
@lru_cache(maxsize=1 << 16)
def _token(raw: str) -> _Token:
    """The words of the chunk *raw* (as split on whitespace) and its place in a sentence."""
    chunk = raw.strip(_EDGE_PUNCTUATION)
    parts = _chunk_words(chunk)
    if not parts and _HEADER.fullmatch(chunk):
        words = tuple((m[0], False, False, "", True) for m in _HEADER_WORD.finditer(chunk))
    else:
        whole = len(parts) == 1 and parts[0] == chunk
        compound = chunk.replace("-", "") if len(parts) > 1 and "-" in chunk else ""
        compound = compound if compound.isalpha() else ""
        open_end = whole and raw.endswith(chunk)
        open_start = whole and raw.startswith(chunk)
        words = tuple((part, open_end, open_start, compound, False) for part in parts)
    ends = raw.rstrip("\"')]*”’»").endswith(_SENTENCE_END)
    return _Token(words, ends, raw == PLACEHOLDER)


#: A backslash-escaped space, which reStructuredText removes (``*emph*\ asis`` renders as
#: "emphasis"), with the emphasis marks it joins; not the space after an escaped backslash.
_ESCAPED_SPACE = re.compile(r"(?<!\\)\*{0,2}\\\s\*{0,2}")


def words_of(description: str) -> list[Word]:
    """The words of *description* to spell-check, in order, markup and code left out."""
    text = prose(description)
    if "\\" in text:  # words joined by escaped spaces are checked as they render
        text = _ESCAPED_SPACE.sub("", text)
    # markup stands apart, so it ends the word before it and starts no word after it
    if "'" in text or '"' in text:
        text = _QUOTED.sub(PLACEHOLDER, text)
    text = _NON_PROSE.sub(PLACEHOLDER, text).replace(PLACEHOLDER, f" {PLACEHOLDER} ")
    found: list[Word] = []
    initial = True
    for index, raw in enumerate(text.split()):
        token = _token(raw)
        for position, (part, open_end, open_start, compound, header) in enumerate(token.words):
            first = initial and position == 0 and not header
            path = "/" in raw and not header
            found.append(Word(part, first, index, open_end, open_start, compound, header, path))
        if not token.markup:
            initial = token.ends_sentence
    return found


def _is_identifier(word: str) -> bool:
    """camelCase and PascalCase names (``uploadId``, ``NoSuchKey``, ``ETag``)."""
    if _ACRONYM_PLURAL.fullmatch(word) or _CASE_SLIP.fullmatch(word):
        return False
    return bool(_IDENTIFIER.search(word))


# --- edits and their likelihood ------------------------------------------------------------------


_PREFIXES: Final = (
    "re", "de", "un", "non", "pre", "dis", "sub", "co", "multi", "inter", "over", "under",
    "mis", "auto", "cross", "self", "geo", "post", "anti", "counter", "semi",
)  # fmt: skip


#: Prefixes that negate a word; a long dictionary word (:data:`LONG_STEM`) negated by one
#: is a word even when the dictionary lacks it (``unwritable``).
_NEGATIONS: Final = ("un", "non", "in", "dis")
LONG_STEM: Final = 7
#: No suggestion for a longer "word" (no dictionary word has 40 letters; a token or a blob
#: does, and its edits would take gigabytes).
MAX_SUGGESTED_LENGTH: Final = 40


def _cvc(stem: str) -> bool:
    """A stem ending in one vowel and one consonant, which may double before -ing/-ed.

    Whether it does depends on the stress (log -> logging, occur -> occurred, but visit ->
    visited), so a derived word on such a stem is only trusted from the dictionary itself.
    """
    return (
        len(stem) >= 2
        and stem[-1] not in _VOWELS
        and stem[-1] not in "hwx"
        and stem[-2] in "aeiou"
        and (len(stem) < 3 or stem[-3] not in _VOWELS)
    )


def stems(word: str) -> Iterator[tuple[str, bool]]:
    """The words *word* may be derived from by a regular prefix or suffix.

    Yields ``(stem, plural)``: ``retrying`` -> retry, ``configuring`` -> configure,
    ``parsed`` -> parse, ``deregister`` -> register, ``ACLs`` -> (acl, plural). Spelling
    rules are kept (``-es`` only after a sibilant, a doubled consonant only where English
    doubles it), so that slips such as ``requestes``, ``signned`` or ``loging`` do not pass
    as derived words.
    """
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 5:
            yield word[len(prefix) :], False
    if word.endswith("ies"):
        yield word[:-3] + "y", True
    elif len(word) > 5 and word[:-2].endswith(("s", "x", "z", "ch", "sh")) and word[-2:] == "es":
        yield word[:-2], True
    elif word.endswith("s") and not word.endswith(("ss", "us", "is", "eds", "ings")):
        yield word[:-1], True
    for suffix in ("ing", "ed", "er", "ers"):
        stem = word[: -len(suffix)]
        if not word.endswith(suffix) or len(stem) < 3 or stem.endswith("e"):
            continue
        if stem[-1] == "s" and stem[-2] not in _VOWELS and stem[-2] != "s":
            continue  # not on a plural or third person: exitsing, requestsed
        if stem[-1] == stem[-2]:
            if stem[-1] in "bdfglmnprtvz" and _cvc(stem[:-1]):
                yield stem[:-1], False  # running, stopped
            continue
        if not _cvc(stem):
            yield stem, False  # retrying, scripting
        yield stem + "e", False  # configuring, parsed
        if suffix != "ing" and stem.endswith("i") and len(stem) >= 4:
            yield stem[:-1] + "y", False  # retried (not thier: thy + er)
    if word.endswith("ally"):
        yield word[:-4], False  # syntactically -> syntactic
    elif word.endswith("ly") and not word.endswith(("lly", "icly")) and len(word) > 6:
        yield word[:-2], False  # semantically -> semantical (basic gives basically)


#: British spellings and their American forms, which the dictionary prefers.
_BRITISH: Final = (
    ("isation", "ization"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("our", "or"),
    ("ours", "ors"),
    ("oured", "ored"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("ogue", "og"),
    ("ogues", "ogs"),
    ("ence", "ense"),
    ("lled", "led"),
    ("lling", "ling"),
)


def american(word: str) -> Iterator[str]:
    """The American spellings of a British *word*: recognise -> recognize, catalogue -> catalog."""
    for british, us in _BRITISH:
        if word.endswith(british) and len(word) > len(british) + 2:
            yield word[: -len(british)] + us


def edits1(word: str) -> set[str]:
    """Every string one Damerau edit (delete, transpose, substitute, insert) from *word*."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in _LETTERS]
    inserts = [a + c + b for a, b in splits for c in _LETTERS]
    return set(deletes + transposes + replaces + inserts)


def _deletes(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


#: How likely each kind of slip is, relative to a dropped letter (see :func:`slip_probability`).
SLIPS: Final[dict[str, float]] = {
    "dropped": 1.0,  # "exis" for "exist"
    "swapped": 1.0,  # "recieve"
    "doubled": 1.0,  # "bucckets"
    "neighbour": 0.8,  # a key next to the right one: "bycket"
    "vowel": 0.1,  # one vowel for another, the stuff of common misspellings: "seperate"
    "extra-vowel": 0.1,  # a vowel too many inside a word: "arguement"
    "extra-neighbour": 0.3,  # a neighbouring key pressed too: "bucjket"
    "other": 0.02,  # any other edit
    "two-edits": 0.002,  # two slips in one word
    "run-together": 3.0,  # a space left out: "thebucket" (the two words' chances multiply)
}


def slip_probability(typo: str, word: str) -> float:
    """How likely typing *word* gives *typo*, for strings one Damerau edit apart.

    Typing slips (a dropped letter, two swapped letters, a doubled letter, a neighbouring
    key) and the vowel confusions of common misspellings are likely; other edits are not.
    """
    if len(typo) + 1 == len(word):
        return SLIPS["dropped"]
    if len(typo) == len(word) + 1:  # a letter added
        i = next((k for k in range(len(word)) if typo[k] != word[k]), len(word))
        extra = typo[i]
        around = {typo[i - 1] if i > 0 else "", typo[i + 1] if i + 1 < len(typo) else ""}
        # the first differing place may be either copy of a doubled letter
        if extra in around:
            return SLIPS["doubled"]
        if extra in _VOWELS and 0 < i < len(word):
            return SLIPS["extra-vowel"]
        if any(extra in NEIGHBOURS.get(c, ()) for c in around if c):
            return SLIPS["extra-neighbour"]
        return SLIPS["other"]
    diffs = [k for k in range(len(word)) if typo[k] != word[k]]
    if len(diffs) == 2:
        return SLIPS["swapped"]
    a, b = typo[diffs[0]], word[diffs[0]]
    if a in NEIGHBOURS.get(b, ()):
        return SLIPS["neighbour"]
    if a in _VOWELS and b in _VOWELS:
        return SLIPS["vowel"]
    return SLIPS["other"]


def damerau(a: str, b: str, limit: int = 2) -> int:
    """The optimal-string-alignment distance of *a* and *b*, or ``limit + 1`` when larger."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


# --- the speller ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    """The best replacement for a misspelled word and how it was found."""

    text: str
    #: "edit" (one or two edits away) or "run-together" (two words written as one)
    kind: str


class Speller:
    """Knows the words of one catalogue and suggests replacements, caching per word.

    *catalogue_counts* counts the catalogue's words (lower case) across all its descriptions
    and codes; *field_words* are the vocabulary, the code words and the user's words.
    """

    def __init__(self, catalogue_counts: Mapping[str, int], field_words: frozenset[str]) -> None:
        self.frequencies = dictionary()
        self.field_words = field_words
        self.counts = catalogue_counts
        self.total = self.frequencies.total or 1
        self.catalogue_total = sum(catalogue_counts.values()) or 1
        self._known: dict[str, bool] = {}
        self._suggestions: dict[str, Suggestion | None] = {}
        self._index: dict[str, list[str]] | None = None
        self._suspects: dict[str, str | None] = {}
        self._catalogue_words: frozenset[str] | None = None

    def known(self, word: str) -> bool:
        """Whether the lower-case *word* is a known word."""
        cached = self._known.get(word)
        if cached is None:
            cached = self._is_known(word)
            self._known[word] = cached
        return cached

    def _is_known(self, word: str) -> bool:
        if self.frequencies.get(word, 0) >= MIN_FREQUENCY or word in self.field_words:
            return True
        derived = [(stem, plural) for stem, plural in stems(word) if self._is_stem(stem, plural)]
        if derived:
            return not self._slip_of_common(word, derived)
        if any(
            word.startswith(prefix)
            and len(word) - len(prefix) >= LONG_STEM
            and self.frequencies.get(word[len(prefix) :], 0) >= MIN_FREQUENCY
            for prefix in _NEGATIONS
        ):
            return True  # unwritable: a long dictionary word, negated
        return any(self._is_stem(variant, False) for variant in american(word))

    def _slip_of_common(self, word: str, derived: list[tuple[str, bool]]) -> bool:
        """Whether *word*, which the regular derivations *derived* make, is rather a typing
        slip of a far commoner word: ``writting`` (writ + ing) for *writing*, ``comming``
        (com + ing) for *coming*. Plurals and field words are trusted."""
        if any(plural or stem in self.field_words for stem, plural in derived):
            return False
        base = max(self.frequencies.get(stem, 0) for stem, _ in derived)
        for candidate in edits1(word):
            frequency = self.frequencies.get(candidate, 0)
            if (
                frequency >= SLIP_OF_COMMON_FREQUENCY
                and frequency >= SLIP_OF_COMMON_RATIO * base
                and slip_probability(word, candidate) >= SLIPS["neighbour"]
            ):
                return True
        return False

    def _is_stem(self, stem: str, plural: bool) -> bool:
        """Whether *stem* is a word that derived words may build on.

        A plural needs a field word (the dictionary lists the plurals of its own nouns; a
        plural of ``again`` or ``lit`` is a slip); other derivations a common word too.
        """
        if stem in self.field_words:
            return True
        return not plural and self.frequencies.get(stem, 0) >= STEM_FREQUENCY

    def _candidate(self, word: str) -> bool:
        """Whether *word* may be suggested: known as it is, not only as a derived word."""
        if self._catalogue_words is None:
            self._catalogue_words = frozenset(w for w in self.counts if self.known(w))
        return word in self.frequencies or word in self.field_words or word in self._catalogue_words

    def probability(self, word: str) -> float:
        """How likely *word* is here: the catalogue's counts first, then general frequency."""
        general = self.frequencies.get(word, 0)
        if general < FIELD_FREQUENCY and word in self.field_words:
            general = FIELD_FREQUENCY
        in_catalogue = self.counts.get(word, 0) / self.catalogue_total
        return CATALOGUE_WEIGHT * in_catalogue + (1 - CATALOGUE_WEIGHT) * general / self.total

    def suggest(self, word: str) -> Suggestion | None:
        """The best replacement for the unknown lower-case *word*, or ``None``."""
        if word not in self._suggestions:
            self._suggestions[word] = self._suggest(word)
        return self._suggestions[word]

    def _suggest(self, word: str) -> Suggestion | None:
        # the edits of a word grow with the square of its length: 1 GB at 5,000 letters
        if len(word) > MAX_SUGGESTED_LENGTH:
            return None
        scored: list[tuple[float, str, str]] = []
        for candidate in edits1(word):
            if self._candidate(candidate):
                p = self.probability(candidate) * slip_probability(word, candidate)
                scored.append((p, candidate, "edit"))
        if not scored:
            for candidate in self._distance2(word):
                p = self.probability(candidate) * SLIPS["two-edits"]
                scored.append((p, candidate, "edit"))
        for first, second in self._run_together(word):
            p = self.probability(first) * self.probability(second)
            scored.append((p * SLIPS["run-together"], f"{first} {second}", "run-together"))
        if not scored:
            return None
        _, text, kind = max(scored)
        return Suggestion(text, kind)

    def _run_together(self, word: str) -> Iterator[tuple[str, str]]:
        for i in range(1, len(word)):
            first, second = word[:i], word[i:]
            if self._word_of_pair(first) and self._word_of_pair(second):
                yield first, second

    def _word_of_pair(self, part: str) -> bool:
        if len(part) < 3:
            return part in SHORT_WORDS
        return self.known(part)

    def _distance2(self, word: str) -> set[str]:
        """Known words two edits from *word*, through an index of one-delete variants."""
        if self._index is None:
            self._index = {}
            # the words worth suggesting after two slips: the catalogue's, the field's and
            # the common ones (indexing the whole dictionary would cost more than it finds)
            lexicon = {w for w, _ in self.frequencies.common}
            lexicon.update(w for w in (*self.field_words, *self.counts) if self._candidate(w))
            for known_word in lexicon:
                for variant in _deletes(known_word):
                    self._index.setdefault(variant, []).append(known_word)
        found: set[str] = set()
        for middle in edits1(word):
            for variant in _deletes(middle):
                for candidate in self._index.get(variant, ()):
                    if candidate not in found and damerau(word, candidate) <= 2:
                        found.add(candidate)
        return found

    def suspect(self, word: str) -> str | None:
        """The common word that the known but rare lower-case *word* is a slip of, or None.

        The dictionary holds many rare words one slip from common ones (``ont``, ``bod``,
        ``objet``, ``forme``); a catalogue that uses one once, or far less often than the
        common word, most likely meant the common word. Only typing slips count (a dropped,
        swapped, doubled or neighbouring letter), and the common word must be far likelier
        than the rare one; short words only, as the counts undervalue long terms.
        """
        if word in self._suspects:
            return self._suspects[word]
        found: str | None = None
        general = self.frequencies.get(word, 0)
        # long rare words are mostly real terms the counts undervalue (parameter: 487)
        if (
            MIN_FREQUENCY <= general < RARE_FREQUENCY
            and len(word) <= SUSPECT_LENGTH
            and (word not in self.field_words)
        ):
            own = (1 - CATALOGUE_WEIGHT) * max(general, MIN_FREQUENCY) / self.total
            best = own * SUSPECT_RATIO
            uses = self.counts.get(word, 0)
            for candidate in edits1(word) - {word}:
                # a rare word the catalogue writes as often as the common one is meant
                if not self.common(candidate) or uses > max(1, self.counts.get(candidate, 0) // 10):
                    continue
                if candidate.startswith(word) and candidate[len(word) :] in ("s", "d", "r"):
                    continue  # a singular, a stem: a word of its own next to the common one
                if len(word) >= 5 and candidate[:-1] == word[:-1]:
                    continue  # another ending of one stem: issuer, issued
                slip = slip_probability(word, candidate)
                if slip >= SLIPS["neighbour"] and self.probability(candidate) * slip > best:
                    best, found = self.probability(candidate) * slip, candidate
        self._suspects[word] = found
        return found

    def is_fragment(self, part: str) -> bool:
        """Whether *part* is not a word by itself (unknown, or a short non-word)."""
        lowered = part.lower()
        if len(lowered) < 3:  # nor is an acronym (ID, CA)
            return not (lowered in SHORT_WORDS or lowered in self.field_words or part.isupper())
        cached = self._known.get(lowered)
        return not (self.known(lowered) if cached is None else cached)

    def common(self, word: str) -> bool:
        """Whether *word* is a word of the catalogue, of the field or of everyday English."""
        return self._candidate(word) and (
            self.counts.get(word, 0) > 0
            or word in self.field_words
            or self.frequencies.get(word, 0) >= STEM_FREQUENCY
        )


# --- the check -----------------------------------------------------------------------------------


def _match_case(surface: str, suggestion: str, spellings: Mapping[str, str]) -> str:
    """*suggestion* written the way the catalogue writes it, or with *surface*'s capitals."""
    words = suggestion.split(" ")
    fixed = [spellings.get(w, w) for w in words]
    if surface.isupper() and len(surface) > 1:
        return " ".join(w.upper() for w in fixed)
    if surface[0].isupper() or _CASE_SLIP.fullmatch(surface):
        fixed[0] = fixed[0][0].upper() + fixed[0][1:]
    return " ".join(fixed)


class _PerWord(dict[str, _T]):
    """The results of *function* by word: it runs once per distinct word, not per use."""

    def __init__(self, function: Callable[[str], _T]) -> None:
        super().__init__()
        self._function = function

    def __missing__(self, word: str) -> _T:
        value = self[word] = self._function(word)
        return value


@dataclass
class _Context:
    speller: Speller
    spellings: Mapping[str, str]
    acronyms: frozenset[str]
    #: how many entries use each word (as written)
    entries_with: Mapping[str, int]
    #: the words written with a capital inside a sentence somewhere: names
    names: frozenset[str]

    def __post_init__(self) -> None:
        speller = self.speller
        #: whether a word as written is a fragment (see :meth:`Speller.is_fragment`)
        self.fragment = _PerWord(speller.is_fragment)
        #: the common word a known word as written may be a slip of (see :meth:`Speller.suspect`)
        self.suspect = _PerWord(lambda text: speller.suspect(text.lower()))


def _build(catalogue: Catalogue, user_words: Iterable[str]) -> tuple[_Context, list[list[Word]]]:
    counts: Counter[str] = Counter()
    spellings: dict[str, str] = dict(_vocabulary_spellings())
    acronyms: set[str] = {w for w in spellings.values() if w.isupper()}
    code_terms: set[str] = set()
    for code in catalogue.codes:
        for part in code_words(code):
            counts[part.lower()] += 1
            letters = part.rstrip("0123456789")
            if letters.isalpha():
                code_terms.add(letters.lower())
                if letters.isupper() and len(letters) > 1:
                    acronyms.add(letters)
                    spellings.setdefault(letters.lower(), letters)
    user: set[str] = set()
    for item in user_words:
        for term in item.split():
            user.update(_term_words(term))
            if term.isalpha() and term != term.lower():
                spellings[term.lower()] = term
    texts: list[list[Word]] = []
    written: Counter[str] = Counter()  # as written: lower-cased once per distinct word below
    entries_with: Counter[str] = Counter()
    for entry in catalogue:
        found = words_of(entry.description)
        texts.append(found)
        written.update(word.text for word in found)
        entries_with.update({word.text for word in found if not word.header})
    for text, times in written.items():
        counts[text.lower()] += times
    names = {
        word.text
        for found in texts
        for word in found
        if not word.initial and word.text[:1].isupper() and not word.header
    }
    speller = Speller(counts, vocabulary() | code_terms | user)
    context = _Context(speller, spellings, frozenset(acronyms), entries_with, frozenset(names))
    return context, texts


def _acronym_slip(word: str, context: _Context) -> str | None:
    """A known acronym one edit from the unknown all-capitals *word* (``HTPT``), or None."""
    if len(word) < 4:
        return None  # two short acronyms are often one edit apart
    near = [a for a in context.acronyms if damerau(word, a, 1) <= 1]
    return max(near, key=lambda a: context.speller.probability(a.lower())) if near else None


def _entry_findings(entry: ErrorEntry, found: list[Word], context: _Context) -> Iterator[Finding]:
    speller = context.speller
    fragments = [context.fragment[word.text] for word in found]
    reported: set[str] = set()
    skip_next = False
    for index, word in enumerate(found):
        if skip_next:
            skip_next = False
            continue
        if not fragments[index] and (index + 1 == len(found) or not fragments[index + 1]):
            # the common case: a known word that no fragment follows
            if context.suspect[word.text] is None:
                continue
            finding = _suspect(entry, word, context)
            if finding is not None and word.text not in reported:
                reported.add(word.text)
                yield finding
            continue
        following = found[index + 1] if index + 1 < len(found) else None
        joined = _split_word(word, following, speller)
        if (
            joined is not None
            and not fragments[index]
            and index + 2 < len(found)
            and _split_word(found[index + 1], found[index + 2], speller) is not None
        ):
            joined = None  # "to w ithin": the fragment goes with the word after it
        if joined is not None and following is not None:
            fragment = word.text if fragments[index] else following.text
            skip_next = True
            if fragment not in reported:
                reported.add(fragment)
                fixed = _match_case(word.text, joined, context.spellings)
                message = (
                    f"'{word.text} {following.text}' looks like one word split in two; "
                    f"did you mean '{fixed}'?"
                )
                yield _finding(entry, fragment, fixed, message)
            continue
        if fragments[index] and word.text not in reported:
            finding = _misspelling(entry, word, context)
            if finding is not None:
                reported.add(word.text)
                yield finding


def _misspelling(entry: ErrorEntry, word: Word, context: _Context) -> Finding | None:
    """The finding for the unknown *word*, or None when it is not for this check to judge."""
    speller = context.speller
    text = word.text
    if len(text) < 3 or _is_identifier(text):
        return None
    if word.compound and speller.known(word.compound.lower()):
        return None  # add-ons
    if _ACRONYM_PLURAL.fullmatch(text):
        text = text[:-1]  # ACLs: judged as ACL
        if speller.known(text.lower()):
            return None
    if text.isupper():
        near = _acronym_slip(text, context)
        if near is None:
            return None  # an acronym new to us
        return _finding(entry, text, near, f"'{text}' is misspelled; did you mean '{near}'?")
    if text in context.names and context.entries_with[text] > 1:
        return None  # a name new to us: capitalised inside a sentence, in several entries
    suggestion = speller.suggest(text.lower())
    if word.header and (
        suggestion is None
        or suggestion.kind != "edit"
        or damerau(text.lower(), suggestion.text, 1) > 1
        or len(text) < 4
        or not suggestion.text.islower()
        or (
            suggestion.text.lower() in context.speller.field_words
            and suggestion.text.upper() in context.acronyms
        )
    ):
        return None  # a header's own word (Amz, Sdk, vgw): only a plain slip of a word counts
    if word.path and suggestion is not None and suggestion.kind == "run-together":
        return None  # a name glued in a path example (bucketname/objectkey): a placeholder
    if (
        text[0].isupper()
        and not word.initial
        and not _CASE_SLIP.fullmatch(text)
        and (suggestion is None or suggestion.kind != "edit")
    ):
        return None  # most likely a name new to us
    if suggestion is None:
        if len(text) > MAX_SUGGESTED_LENGTH:  # a blob: its start names it well enough
            shown = f"{text[:MAX_SUGGESTED_LENGTH]}... ({len(text):,} letters)"
            return _finding(entry, text, None, f"'{shown}' is not a word")
        message = f"'{text}' is not a known word; if it is right, add it to the spelling words"
        return _finding(entry, text, None, message)
    fixed = _match_case(text, suggestion.text, context.spellings)
    return _finding(entry, text, fixed, f"'{text}' is misspelled; did you mean '{fixed}'?")


def _split_word(word: Word, following: Word | None, speller: Speller) -> str | None:
    """The known word that *word* and *following* make together, if one is a fragment.

    Two short or known pieces only make a common word; a piece that is no word at all
    (``nctionality``) makes any word the dictionary trusts.
    """
    if following is None or following.chunk != word.chunk + 1:
        return None
    if not (word.open_end and following.open_start):
        return None
    joined = (word.text + following.text).lower()
    if speller.common(joined):
        return joined
    pieces = (word.text.lower(), following.text.lower())
    unknown = any(len(p) >= 3 and not speller.known(p) for p in pieces)
    return joined if unknown and speller._candidate(joined) else None


def _suspect(entry: ErrorEntry, word: Word, context: _Context) -> Finding | None:
    """The finding for a known but rare *word* that is most likely a slip (``ont``), or None."""
    text = word.text
    meant = context.speller.suspect(text.lower())  # cached: the cheap test first
    if meant is None or len(text) < 3 or text.isupper() or _is_identifier(text):
        return None
    if text[0].isupper() and not word.initial:
        return None  # a name
    if word.compound and context.speller.known(word.compound.lower()):
        return None
    fixed = _match_case(text, meant, context.spellings)
    return _finding(entry, text, fixed, f"'{text}' is misspelled; did you mean '{fixed}'?")


def _finding(entry: ErrorEntry, word: str, suggestion: str | None, message: str) -> Finding:
    return Finding(
        entry.file,
        entry.line_of("description"),
        "spelling",
        f"{entry.code}: {message}",
        code=entry.code,
        field="description",
        word=word,
        suggestion=suggestion,
    )


def spelling_findings(catalogue: Catalogue, user_words: Iterable[str] = ()) -> list[Finding]:
    """The misspelled words of every description of *catalogue*, one finding each per entry."""
    context, texts = _build(catalogue, user_words)
    findings: list[Finding] = []
    for entry, found in zip(catalogue, texts, strict=True):
        findings.extend(_entry_findings(entry, found, context))
    return findings


@check("spelling", scope="catalogue")
def check_spelling(context: CheckContext) -> Iterator[Finding]:
    """Misspelled words in descriptions, with the best suggestion."""
    yield from spelling_findings(context.catalogue, context.settings.spelling_words)
