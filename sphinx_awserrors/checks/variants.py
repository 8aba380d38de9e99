"""Check ``variant-spelling``: one phrase written two ways in one file.

"well formed" and "well-formed", "multipart/ form" and "multipart/form", "log delivery" and
"log-delivery", "time stamp" and "timestamp": phrases that are the same letters once hyphens,
slashes and spaces are taken out. Each single word of the file is compared with the runs of up
to three words that spell the same letters, so the cost stays linear in the text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING

from sphinx_awserrors.checks._text import PLACEHOLDER, named, prose, words
from sphinx_awserrors.checks.registry import CheckContext, Finding, check

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx_awserrors.catalogue import ErrorEntry

#: The longest run of words compared with one word.
MAX_WORDS = 3
# Phrases stop at sentence punctuation and at markup (code is not prose).
_CHUNKS = re.compile(
    rf"[.,;:!?()\[\]\"“”{PLACEHOLDER}](?:\s|$)|[()\[\]\"“”{PLACEHOLDER}]|\s[-–—]\s"
)
_EDGE = re.compile(r"^[^\w/-]+|[^\w/-]+$")
_CAMEL = re.compile(r"[a-z][A-Z]")
_JOINERS = re.compile(r"[-/\s]+")
#: Two words and one word that are both right, with different meanings.
DIFFERENT_MEANINGS: frozenset[str] = words(
    """everyone everyday anyone anyway anymore sometime sometimes someday maybe setup login
    logon backup signup lookup checkout cleanup workaround shutdown rollback layout payback
    cannot into onto"""
)


# The same few hundred words recur across thousands of descriptions: each is read once.
@lru_cache(maxsize=1 << 16)
def _run_word(raw: str) -> str | None:
    """*raw* lower-cased without edge punctuation, or None when it breaks a run of words."""
    word = _EDGE.sub("", raw)
    # an identifier written in camelCase (partNumber, uploadId) is code, not prose
    if not word or _CAMEL.search(word):
        return None
    return word.lower()


def _words(text: str) -> Iterator[list[str]]:
    """The runs of words of *text* between sentence punctuation and markup."""
    for chunk in _CHUNKS.split(prose(text)):
        run: list[str] = []
        for raw in chunk.split():
            word = _run_word(raw)
            if word is not None:
                run.append(word)
            elif run:
                yield run
                run = []
        if run:
            yield run


def _key(form: str) -> str:
    return _JOINERS.sub("", form)


#: Longer "words" are no prose (a token, a URL, a blob of base64): and each key's prefixes are
#: kept, so one word of 100,000 letters would cost gigabytes.
MAX_KEY_LENGTH = 64


def _plausible(key: str) -> bool:
    return len(key) <= MAX_KEY_LENGTH and sum(c.isalpha() for c in key) >= 4


def _space_only_ok(form: str, word: str) -> bool:
    """Whether *form* (words) against *word* (one word) is a real variant, not two words."""
    parts = form.split()
    return word not in DIFFERENT_MEANINGS and all(len(p) >= 3 for p in parts)


def _joinable(word: str) -> bool:
    """Whether *word* stands alone: not the half of a phrase split at a hyphen or slash."""
    return not word.startswith(("-", "/")) and not word.endswith(("-", "/"))


def _uses(entries: tuple[ErrorEntry, ...]) -> dict[str, dict[str, list[ErrorEntry]]]:
    """For each key written in two or more forms: each form and the entries using it."""
    runs = [
        (index, run) for index, entry in enumerate(entries) for run in _words(entry.description)
    ]
    keys: dict[str, str] = {}  # word -> key, computed once per distinct word
    for _, run in runs:
        for word in run:
            if word not in keys:
                keys[word] = _key(word)
    # the forms of each key that a single word takes (well-formed, wellformed)
    single_forms: dict[str, set[str]] = defaultdict(set)
    for word, key in keys.items():
        if _joinable(word) and _plausible(key):
            single_forms[key].add(word)
    # runs of words that spell a single word's key (well formed, multipart/ form)
    found: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    # a run can only spell a key while its words so far spell the start of one: stop early
    prefixes = {key[:end] for key in single_forms for end in range(1, len(key) + 1)}
    for index, run in runs:
        for start in range(len(run) - 1):
            if run[start].startswith(("-", "/")):
                continue
            key = keys[run[start]]
            if key not in prefixes:
                continue
            for size in range(2, MAX_WORDS + 1):
                if start + size > len(run):
                    break
                key += keys[run[start + size - 1]]
                if key not in prefixes:
                    break
                if key in single_forms and not run[start + size - 1].endswith(("-", "/")):
                    found[key][" ".join(run[start : start + size])].append(index)
    interesting = {k for k, forms in single_forms.items() if len(forms) > 1} | set(found)
    # decided once per distinct word, not per use
    tracked = {w for w, k in keys.items() if k in interesting and w in single_forms.get(k, ())}
    for index, run in runs:
        for word in run:
            if word in tracked:
                found[keys[word]][word].append(index)
    result: dict[str, dict[str, list[ErrorEntry]]] = {}
    for key, forms in found.items():
        if len(forms) < 2:
            continue
        # forms in order of first use; each entry once per form
        ordered = sorted(forms.items(), key=lambda item: min(item[1]))
        result[key] = {
            form: [entries[i] for i in sorted(set(indexes))] for form, indexes in ordered
        }
    return result


def _is_variant(one: str, other: str) -> bool:
    """Whether two forms of the same key are spellings of one phrase worth reporting."""
    if one == other:
        return False
    if any(c in one + other for c in "-/"):
        return True
    # only spaces differ: "time stamp" and "timestamp" (but not "set up" and "setup")
    phrase, word = (one, other) if " " in one else (other, one)
    return _space_only_ok(phrase, word)


def _surface(entry: ErrorEntry, form: str) -> str:
    """*form* (lower-cased, spaces single) as *entry*'s description writes it: Content-MD5."""
    pattern = r"\s+".join(re.escape(part) for part in form.split())
    found = re.search(rf"(?<![\w-]){pattern}(?![\w-])", entry.description, re.IGNORECASE)
    return " ".join(found.group(0).split()) if found else form


#: A header name: each part capitalised (Content-Length, X-Amz-Date, Content-MD5).
_HEADER_NAME = re.compile(r"(?:[A-Z][A-Za-z0-9]*)(?:-[A-Z0-9][A-Za-z0-9]*)+")
_BE = r"(?:is|are|was|were|be|been|being|not|isn't|aren't|wasn't)"
_FUNCTION_WORDS = words("or and nor but of to in on at by for with as is are was were than")


def _predicative(entry: ErrorEntry, form: str) -> bool:
    """Whether the open *form* follows a form of "be" in *entry*: "is up to date"."""
    pattern = r"\s+".join(re.escape(part) for part in form.split())
    return re.search(rf"\b{_BE}\s+{pattern}(?![\w-])", entry.description, re.IGNORECASE) is not None


def _attributive(entry: ErrorEntry, form: str) -> bool:
    """Whether the hyphenated *form* stands before a noun in *entry*: "up-to-date list"."""
    found = re.search(
        rf"(?<![\w-]){re.escape(form)}\s+([a-z]+)\b", entry.description, re.IGNORECASE
    )
    return found is not None and found.group(1).lower() not in _FUNCTION_WORDS


def _different_roles(forms: dict[str, list[ErrorEntry]], one: str, other: str) -> bool:
    """Whether two forms are both right where they stand, so no variant.

    A header name (``Content-Length``) beside the same words in prose ("content length"),
    and a compound open after a verb and hyphenated before a noun ("is up to date", "an
    up-to-date list"), as English writes them.
    """
    open_form, joined = (one, other) if "-" not in one else (other, one)
    if "-" not in joined or "-" in open_form or "/" in open_form + joined:
        return False
    if any(_HEADER_NAME.fullmatch(_surface(e, joined)) for e in forms[joined]) and all(
        _surface(e, open_form).islower() for e in forms[open_form]
    ):
        return True  # prose about a header: "indicated content length", Content-Length
    return all(_predicative(e, open_form) for e in forms[open_form]) and all(
        _attributive(e, joined) for e in forms[joined]
    )


def _overlap(one: ErrorEntry, other: ErrorEntry) -> int:
    return len(set(one.description.lower().split()) & set(other.description.lower().split()))


@check("variant-spelling", scope="file", supersedes=("spelling",))
def variant_spelling(ctx: CheckContext) -> Iterator[Finding]:
    """The same phrase written two ways: "well formed" and "well-formed"."""
    reported: set[tuple[str, str, str]] = set()
    for key, forms in _uses(ctx.catalogue.entries).items():
        # the form most entries use (the first written on a tie) is the reference
        ranked = sorted(forms, key=lambda f: -len(forms[f]))
        main = ranked[0]
        for form in ranked[1:]:
            if not _is_variant(form, main) or _different_roles(forms, form, main):
                continue
            for entry in forms[form]:
                if entry in forms[main]:
                    other = entry
                else:
                    # the entry most like this one: MalformedXML for MalformedACLError
                    other = max(forms[main][:50], key=lambda e: _overlap(entry, e))
                pair = (entry.code, other.code, key)
                if any(p[:2] == pair[:2] and (p[2] in key or key in p[2]) for p in reported):
                    continue
                reported.add(pair)
                where = (
                    "elsewhere in this description"
                    if other is entry
                    else f"in {named(entry, other)}"
                )
                count = len(forms[main]) - 1
                written, meant = _surface(entry, form), _surface(other, main)
                more = (
                    f" and {count} other entr{'y' if count == 1 else 'ies'}"
                    if count and other is not entry
                    else ""
                )
                yield Finding(
                    entry.file,
                    entry.line_of("description"),
                    "variant-spelling",
                    f'{entry.code} writes "{written}" where it is "{meant}" {where}{more}; '
                    "write the phrase one way",
                    code=entry.code,
                    field="description",
                    word=written,
                    suggestion=meant,
                )
