"""Check ``grammar``: a few precise patterns of broken English, chosen for few false alarms.

* a modal verb followed by a bare past participle: "must specified";
* a sentence that ends on an article or a preposition that needs an object: "found in.";
* a doubled word: "the the";
* a singular subject with a plural verb at the start of a clause: "the user already own it",
  "the request are";
* "a" before a vowel sound or "an" before a consonant sound: "an bucket", "a object", "an
  KMS key" (but "an HTTP", "an S3", "a URL", "a user", "an hour").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sphinx_awserrors.checks._text import prose, words
from sphinx_awserrors.checks.registry import CheckContext, Finding, check, description_findings

if TYPE_CHECKING:
    from collections.abc import Iterator


# --- a modal verb and a past participle ------------------------------------------------------

_MODALS = "must|should|shall|can|could|may|might|will|would|cannot"
_BETWEEN = "not|also|only|then|first|always|never|still|now|either"
#: Past participles that differ from the base form and do not end in -ed.
IRREGULAR_PARTICIPLES: frozenset[str] = words(
    """been written given taken done gone seen known shown chosen sent spent begun broken
    spoken forgotten gotten hidden driven eaten fallen grown thrown drawn withdrawn worn torn
    ridden risen stolen frozen bitten made built bought brought caught taught thought sought
    found kept left lost meant paid said sold told held understood overwritten rewritten
    mistaken undone redone forbidden proven shaken woken"""
)
#: Verbs whose base form ends in -ed.
_ED_VERBS = words("embed imbed shed shred wed bed")
_MODAL_PARTICIPLE = re.compile(
    rf"\b({_MODALS})\s+(?:({_BETWEEN})\s+)?([a-z]+)\b(?!-)", re.IGNORECASE
)


def _is_participle(word: str) -> bool:
    word = word.lower()
    if word in IRREGULAR_PARTICIPLES:
        return True
    return (
        len(word) >= 4 and word.endswith("ed") and not word.endswith("eed")
    ) and word not in _ED_VERBS


def _modal_participles(text: str) -> Iterator[tuple[str, str]]:
    for match in _MODAL_PARTICIPLE.finditer(text):
        modal, between, word = match.groups()
        if modal == "May":  # also the month
            continue
        if _is_participle(word):
            auxiliary = "have" if word.lower() == "been" else "be"
            fixed = " ".join(p for p in (modal, between, auxiliary, word) if p)
            yield match.group(0), fixed


# --- a sentence that ends on an article or a preposition --------------------------------------

_END_WORDS = "a|an|the|of|in|at|into|onto|than"
_SENTENCE_END = re.compile(
    rf"(?:(?<=\s)|^)(?:([\w'-]+)\s+)?({_END_WORDS})[\"'”’)\]]*(?:[.!?](?=\s|$)|\s*$)"
)
#: The end word alone: a quick test that skips most texts (the full pattern tries a word
#: before it at every place, and costs three times as much).
_MAY_END = re.compile(rf"\b(?:{_END_WORDS})[\"'”’)\]]*(?:[.!?](?=\s|$)|\s*$)")
#: Words before "in" or "of" that make a complete phrase: "log in", "a member of".
_COMPLETES: dict[str, frozenset[str]] = {
    "in": words(
        """log logged logging sign signed signing opt opted plug plugged check checked fill
        filled built phase phased lock locked break cave zoom tuck factor factored bake baked
        chime kick set sink drop dropped come came get got let"""
    ),
    "of": words(
        """member members part aware unaware rid made consist consists consisting dispose
        disposed approve approved think thought heard speak spoken composed sure"""
    ),
}


#: Words that open a relative clause, where a preposition may end it: "the group it is in".
_RELATIVE = re.compile(r"\b(?:that|which|where|who|whom|whose)\b", re.IGNORECASE)
#: A clause longer than this may end on a preposition that belongs to a relative clause
#: without "that" ("the Region the task was launched in.").
_SHORT_CLAUSE = 10
_ARTICLES = ("a", "an", "the")


def _dangling_ends(text: str) -> Iterator[tuple[str, str]]:
    if not _MAY_END.search(text):
        return
    for match in _SENTENCE_END.finditer(text):
        before, word = match.groups()
        if before and before.lower() in _COMPLETES.get(word, frozenset()):
            continue
        if word not in _ARTICLES:
            clause = re.split(r"[.!?;:,]\s", text[: match.start()])[-1]
            if _RELATIVE.search(clause) or len(clause.split()) + 2 > _SHORT_CLAUSE:
                continue
        yield match.group(0).strip(), word


# --- a doubled word ---------------------------------------------------------------------------

_DOUBLED = re.compile(r"(?<![\w-])([A-Za-z]+)\s+\1(?![\w-])", re.IGNORECASE)
#: Words that are correctly doubled often enough: "that that", "had had".
_DOUBLES_OK = frozenset({"that", "had"})


# --- subject and verb -------------------------------------------------------------------------

# "are" but not "were": "as if the policy were in effect" is a subjunctive
_VERBS = """own have do need want exist contain match belong support require allow include
exceed refer know use are"""
#: Words after which a new clause (with its own subject) starts.
_CLAUSE_WORDS = words("and but that which because if when since while unless where")
_AGREEMENT = re.compile(
    r"\b(the|this|each|every|it)\s+(?:([a-z]+)\s+)??"
    r"(?:(already|also|still|not|only|now|never|always|often|currently|actually)\s+)?"
    rf"({'|'.join(_VERBS.split())})\b(?![-'])",
    re.IGNORECASE,
)
_WORD_BEFORE = re.compile(r"(\w+)\s+$")


def _starts_clause(text: str, index: int) -> bool:
    """Whether a clause starts at *index*: after a stop, a comma or a conjunction."""
    before = text[:index]
    if not before.strip() or before.rstrip()[-1] in ".!?;:,":
        return True
    word = _WORD_BEFORE.search(before)
    return word is not None and word.group(1).lower() in _CLAUSE_WORDS


#: Words after "the" that are plural or no noun at all.
_NOT_SINGULAR = words(
    """data metadata people media criteria children police following remaining same other
    others rest first last former latter majority minority two three few many both all most
    more can could may might must shall should will would does did is was has had"""
)


def third_person(verb: str) -> str:
    """The third person singular of *verb*: own -> owns, have -> has, do -> does."""
    irregular = {"have": "has", "do": "does", "are": "is"}
    if verb in irregular:
        return irregular[verb]
    if re.search(r"(s|sh|ch|x|z)$", verb):
        return verb + "es"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ies"
    return verb + "s"


#: A subject that "and" or "or" joins to the one before: "the bucket and the key are".
_JOINED = re.compile(r"\b(?:and|or|nor)\s*$", re.IGNORECASE)


def _agreement(text: str) -> Iterator[tuple[str, str]]:
    for match in _AGREEMENT.finditer(text):
        determiner, noun, adverb, verb = match.groups()
        if not _starts_clause(text, match.start()):
            continue
        if verb.lower() == "are" and _JOINED.search(text, 0, match.start()):
            continue
        if determiner.lower() == "it":
            if noun is not None:
                continue
        elif (
            noun is None
            or not noun.islower()
            or noun in _NOT_SINGULAR
            or noun.endswith(("s", "ing", "ed"))
        ):
            continue
        fixed = " ".join(p for p in (determiner, noun, adverb, third_person(verb.lower())) if p)
        yield match.group(0), fixed


# --- a or an ---------------------------------------------------------------------------------

# the article first and the look-behinds after it: the search skips to an "a" (twice as fast)
_ARTICLE = re.compile(
    r"([aA]n?)(?<![\w'’.-][aA])(?<![\w'’.-][aA]n)\s+([A-Za-z][A-Za-z0-9]*)(?![\w'’-]|\.\w)"
)
#: Words that cannot follow an article, so the "a" before them is a letter or a name ("a and b").
_NO_NOUN = words(
    "and or nor of is are was were in on at as if it its into onto else etc than to be by"
)
#: Words spelled with a vowel that start with a consonant sound ("you", "one"): a user, a URL.
_CONSONANT_SOUND = re.compile(
    r"u(?:s(?:e|er|ing|age|ual|urp|ab)|ni(?:que|t|on|form|vers|fi|code|x|lateral)|til|rl|ri\b"
    r"|uid|tf|int|biq|topi|ranium|nanim|limit)|eu|ewe|one\b|once\b"
)
#: Consonant clusters that start a spoken word: "an sdk" or "an rpc" may be read as letters
#: ("an ess-dee-kay"), "an bucket" or "an stream" cannot.
_ONSETS = words(
    """bl br ch cl cr dr dw fl fr gh gl gn gr kn kl kr ph pl pr ps qu rh sc sh sk sl sm sn sp
    sq st sw th tr tw wh wr"""
)
#: Letters whose name starts with a vowel sound, so an acronym starting with one may take
#: "an" (an S3, an HTTP, an MFA) or, read as a word, "a" (a SAML assertion): not judged.
_VOWEL_SOUND_LETTERS = "AEFHILMNORSX"


#: The first word of a PascalCase name: Object of ObjectLock, Inventory of InventoryConfiguration.
_CAMEL_HEAD = re.compile(r"([A-Z][a-z]{2,})(?=[A-Z][a-z])")


def _spoken(word: str) -> bool:
    """Whether the lower-case *word* reads as a word rather than as letters (``sdk``)."""
    return (
        len(word) >= 3
        and any(c in "aeiouy" for c in word)
        and (word[1] in "aeiouy" or word[:2] in _ONSETS)
    )


def right_article(article: str, word: str) -> str | None:
    """The article *word* takes when *article* ("a" or "an") is wrong; None when it is right
    or cannot be told (a name read either way, mixed case, a digit, a silent "h")."""
    an = article.lower() == "an"
    if word.lower() in _NO_NOUN:
        return None
    if len(word) >= 2 and word.isupper():
        first = word[0]  # an acronym, read letter by letter: an ARN, a KMS key, a URL
        if an and (first == "U" or first not in _VOWEL_SOUND_LETTERS):
            return "a"
        if not an and first in "AEIO" and not word.startswith("EU"):
            return "an"
        return None
    camel = _CAMEL_HEAD.match(word)
    if camel:  # a PascalCase name is read as its first word: an ObjectLock, a BucketPolicy
        return right_article(article, camel.group(1))
    if word[1:] != word[1:].lower() or any(c.isdigit() for c in word):
        return None  # iPhone, eTag, ec2: a name
    lower = word.lower()
    vowel = lower[0] in "aeiou" and not _CONSONANT_SOUND.match(lower)
    if an and not vowel:
        if lower[0] in "aeiou" or (lower[0] not in "hxy" and _spoken(lower)):
            return "a"
        return None  # an hour, an x-ray, an sdk: a silent h or letters
    if not an and vowel and len(lower) >= 2:
        return "an"
    return None


def _articles(text: str) -> Iterator[tuple[str, str]]:
    for match in _ARTICLE.finditer(text):
        article, word = match.groups()
        right = right_article(article, word)
        if right is not None:
            yield match.group(0), f"{right.capitalize() if article[0] == 'A' else right} {word}"


# --- a missing word: "due an attempt", "in order avoid", "is same as" --------------------------

_DETERMINER_WORDS = words(
    """a an the this that these those its their your our his her some any no each every one two
    either neither both multiple several many more most only other such another all"""
)
_DETERMINERS = "a|an|the|this|that|these|those|its|their|your|our|his|her|some|any|no|each"
_MISSING_TO = re.compile(
    rf"\b(due|owing|according|prior)\s+(?=(?:{_DETERMINERS})\b)", re.IGNORECASE
)
_IN_ORDER = re.compile(
    r"\bin order\s+(?!to\b|of\b|for\b|that\b|by\b|in\b|and\b|or\b|with\b|as\b)([a-z]+)\b"
)
_SAME_AS = re.compile(r"\b(is|are|be|was|were|been|being|not)\s+same\s+as\b", re.IGNORECASE)


#: Adjectives of error texts that stand before a noun: "contains invalid token".
_ERROR_ADJECTIVES = (
    "invalid|valid|correct|incorrect|unterminated|unsupported|unexpected|wrong|empty|"
    "missing|duplicate|unknown|illegal|malformed|bad|improper|proper"
)
#: Nouns without a plural that need no article: "contains invalid data".
_MASS_NOUNS = words(
    """data metadata information content input output syntax access text code encoding
    payload storage encryption authentication authorization permission json xml yaml csv
    utf ascii unicode whitespace padding formatting configuration usage traffic"""
)
_BARE_OBJECT = re.compile(
    rf"\b(contains?|containing|ha[sv]e?|having|requires?)\s+(?:({_ERROR_ADJECTIVES})\s+)?"
    r"([a-z]{3,})\b(?![-'’])"
)
_HAS_ADJECTIVE = re.compile(rf"\b(?:ha[sv]e?|having|requires?) (?:{_ERROR_ADJECTIVES}) ")
_NOT_NOUN_ENDINGS = ("s", "ed", "ing", "ly", "ble", "ous", "ful", "est")


def _countable(noun: str) -> bool:
    """Whether *noun* has a plural in common use (so a singular one takes an article)."""
    from sphinx_awserrors.checks.spelling import MIN_FREQUENCY, dictionary

    plural = noun + ("es" if noun.endswith(("s", "x", "z", "ch", "sh")) else "s")
    return dictionary().get(plural, 0) >= MIN_FREQUENCY


def _bare_objects(text: str) -> Iterator[tuple[str, str]]:
    """A singular noun with no article after "contains" or "has" and an adjective:
    "contains unterminated token", "may not contain comma"."""
    for match in _BARE_OBJECT.finditer(text):
        verb, adjective, noun = match.groups()
        if adjective is None and not verb.lower().startswith("contain"):
            continue  # "has expired", "have been": a verb, not an object
        if noun in _MASS_NOUNS or noun.endswith(_NOT_NOUN_ENDINGS) or noun in _NO_NOUN:
            continue
        if noun in _DETERMINER_WORDS or noun.lower() in _ERROR_ADJECTIVES.split("|"):
            continue
        following = re.match(r"\s+([a-z]+)\b", text[match.end() :])
        if following and following.group(1) not in _CLAUSE_WORDS | _NO_NOUN:
            continue  # the noun modifies the next word: "contains tag input", "has resource names"
        if not _countable(noun):
            continue  # "has incorrect arity": no plural, no article needed
        article = "an" if (adjective or noun)[0].lower() in "aeiou" else "a"
        head = f"{adjective} {noun}" if adjective else noun
        yield match.group(0), f"{verb} {article} {head}"


def _missing_words(text: str) -> Iterator[tuple[str, str, str]]:
    """(phrase, fixed phrase, what is missing) for a dropped "to", "the" or "a"."""
    lowered = text.lower()
    if "contain" in lowered or (
        ("has " in lowered or "have " in lowered or "requir" in lowered)
        and _HAS_ADJECTIVE.search(lowered)
    ):
        for phrase, fixed in _bare_objects(text):
            yield phrase, fixed, "an article"
    if not any(w in lowered for w in ("due ", "owing ", "according ", "prior ", "order ", "same ")):
        return
    for match in _MISSING_TO.finditer(text):
        word = match.group(1)
        following = text[match.end() :].split(maxsplit=1)
        phrase = f"{word} {following[0]}" if following else word
        yield phrase, f"{word} to {following[0]}" if following else f"{word} to", '"to"'
    for match in _IN_ORDER.finditer(text):
        yield match.group(0), f"in order to {match.group(1)}", '"to"'
    for match in _SAME_AS.finditer(text):
        verb = match.group(1)
        yield match.group(0), f"{verb} the same as", 'the article "the"'


# --- a plural subject with a singular verb: "the parts does not" -------------------------------

#: Nouns ending in -s that are singular.
_SINGULAR_S = words(
    """status access address process class bus alias bonus canvas series news analysis basis
    axis gas lens virus campus census corpus thesis crisis diagnosis chassis species apparatus
    consensus focus radius stimulus nexus plus minus versus whereas this his its us yes less
    loss boss cross glass pass mass miss kiss dns aws https tls sms iis ios macos"""
)
# verbs in lower case, as they stand after their subject (case-sensitive: twice as fast)
_PLURAL_VERB_AFTER = re.compile(
    r"\b([a-z]{3,}s)\s+(does|is|has|was|doesn't|isn't|hasn't|wasn't)\b(?![-'])"
)
_SUBJECT_BEFORE = re.compile(
    r"\b(the|these|those|all|both|multiple|several|many|some)\s+((?:[a-z-]+\s+){0,2})$",
    re.IGNORECASE,
)
_PLURAL_VERB = {"does": "do", "is": "are", "has": "have", "was": "were", "doesn't": "don't",
                "isn't": "aren't", "hasn't": "haven't", "wasn't": "weren't"}  # fmt: skip


#: What a plural noun before a singular verb looks like, as plain text: a cheap test first.
_PLURAL_HINTS = ("s is", "s does", "s has", "s was")


def _plural_agreement(text: str) -> Iterator[tuple[str, str]]:
    """A plural noun after "the" (and up to two words) with a singular verb after it."""
    if not any(hint in text for hint in _PLURAL_HINTS):
        return
    for match in _PLURAL_VERB_AFTER.finditer(text):
        noun, verb = match.groups()
        if noun in _SINGULAR_S or noun.endswith(("ss", "us", "is", "ous", "ics")):
            continue
        subject = _SUBJECT_BEFORE.search(text, max(0, match.start() - 60), match.start())
        if subject is None or not _starts_clause(text, subject.start()):
            continue
        determiner, between = subject.groups()
        if any(
            w.lower() in ("of", "and", "or", "with", "for", "in", "on") for w in between.split()
        ):
            continue  # "the list of parts is": the head noun is before "of"
        fixed = f"{determiner} {between}{noun} {_PLURAL_VERB[verb.lower()]}"
        yield text[subject.start() : match.end()], fixed


def _starts_sentence(text: str, index: int) -> bool:
    return not text[:index].strip() or text[:index].rstrip()[-1] in ".!?:"


def problems(description: str) -> Iterator[tuple[str, str, str | None]]:
    """The grammar problems of *description*: (message, phrase, suggested phrase)."""
    text = prose(description)
    for phrase, fixed in _modal_participles(text):
        yield (
            f'"{phrase}": a past participle cannot follow a modal verb directly; write "{fixed}"',
            phrase,
            fixed,
        )
    for phrase, word in _dangling_ends(text):
        kind = "an article" if word in ("a", "an", "the") else "a preposition"
        yield (
            f'"{phrase}": the sentence ends on {kind} ("{word}"); '
            "complete the phrase or remove the word",
            phrase,
            None,
        )
    for match in _DOUBLED.finditer(text):
        first, second = match.group(0).split()
        if first != second and not _starts_sentence(text, match.start()):
            continue  # "Amazon Web Services services": a name, then a word
        if first.lower() not in _DOUBLES_OK:
            yield f'"{match.group(0)}": doubled word', match.group(0), match.group(1)
    for phrase, fixed in _articles(text):
        article = fixed.split()[0].lower()
        sound = "a vowel" if article == "an" else "a consonant"
        yield (
            f'"{phrase}": "{article}" goes before {sound} sound; write "{fixed}"',
            phrase,
            fixed,
        )
    for phrase, fixed in _agreement(text):
        yield (
            f'"{phrase}": the verb does not agree with its singular subject; write "{fixed}"',
            phrase,
            fixed,
        )
    for phrase, fixed in _plural_agreement(text):
        yield (
            f'"{phrase}": the verb does not agree with its plural subject; write "{fixed}"',
            phrase,
            fixed,
        )
    for phrase, fixed, missing in _missing_words(text):
        yield f'"{phrase}": {missing} is missing; write "{fixed}"', phrase, fixed


@check("grammar", scope="entry")
def grammar(ctx: CheckContext) -> Iterator[Finding]:
    """Broken grammar: "must specified", a sentence ending "found in.", "the the", "an bucket"."""
    for entry in ctx.catalogue:
        yield from description_findings("grammar", entry, problems(entry.description))
