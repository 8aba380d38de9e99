"""The grammar check: precise patterns (modals, endings, doubled words, agreement, a/an), few
false alarms, and no new false alarm on real data."""

from __future__ import annotations

import contextlib
import re

import pytest
import support_corpora
from support_checks import described, findings

from sphinx_awserrors.catalogue import Catalogue, ErrorEntry
from sphinx_awserrors.checks import Finding, run_checks
from sphinx_awserrors.checks.grammar import problems, third_person


def phrases(text: str) -> list[str]:
    return [phrase for _, phrase, _ in problems(text)]


@pytest.mark.parametrize(
    ("text", "phrase", "fixed"),
    [
        ("The parts list must specified in order", "must specified", "must be specified"),
        ("The key cannot deleted now", "cannot deleted", "cannot be deleted"),
        ("The bucket should not written to", "should not written", "should not be written"),
        ("The bucket could been deleted", "could been", "could have been"),
    ],
)
def test_modal_and_past_participle(text: str, phrase: str, fixed: str) -> None:
    assert [(p, f) for _, p, f in problems(text)] == [(phrase, fixed)]


@pytest.mark.parametrize(
    "text",
    [
        "The upload must be specified in order",
        "The size must exceed 5 MB",
        "You must succeed once",
        "The request will need a token",
        "Objects may be restored later",
        "The archive must embed a manifest",
        "In May used keys expire",
    ],
)
def test_modal_followed_by_a_verb_is_fine(text: str) -> None:
    assert phrases(text) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("No account was found in. Please contact the administrator", "in"),
        ("No account was found in", "in"),
        ("The request is missing the.", "the"),
        ("The object is larger than.", "than"),
        ("The upload is part of a.", "a"),
        ("The bucket is not the owner of.", "of"),
    ],
)
def test_sentence_ending_on_an_article_or_preposition(text: str, word: str) -> None:
    found = list(problems(text))
    assert len(found) == 1
    assert f'("{word}")' in found[0][0]


@pytest.mark.parametrize(
    "text",
    [
        "The user is not logged in.",
        "You must sign in.",
        "The feature is built in.",
        "The account has opted in",
        "The user is not a member of.",
        "Adding a member to a group that the member is already in.",
        "RegisterUsage must be called in the same Region the ECS task was launched in.",
        "The value is out of range (see ``in``).",
        "The item you asked for is in ``a``.",
        "Appendix A.",
        "The bucket is in use",
        "It is in progress",
    ],
)
def test_sentence_endings_that_are_fine(text: str) -> None:
    assert phrases(text) == []


@pytest.mark.parametrize(
    ("text", "doubled"),
    [
        ("The the bucket does not exist", "The the"),
        ("For more information, see see the guide", "see see"),
        ("The key is is invalid", "is is"),
    ],
)
def test_doubled_word(text: str, doubled: str) -> None:
    assert phrases(text) == [doubled]


@pytest.mark.parametrize(
    "text",
    [
        "He said that that was fine",
        "Not valid for Amazon Web Services services",
        "Use on-premises servers on on-premises networks",
        "The ``key`` ``key`` literal twice is code",
        "Returned 404 404 twice",
    ],
)
def test_words_that_may_be_doubled(text: str) -> None:
    assert phrases(text) == []


def test_subject_verb_agreement_stretch_goal() -> None:
    text = "The request succeeded and the user already own it"
    assert [(p, f) for _, p, f in problems(text)] == [
        ("the user already own", "the user already owns")
    ]
    assert phrases("If it exist, delete it") == ["it exist"]


@pytest.mark.parametrize(
    "text",
    [
        "All objects in the bucket have been deleted",
        "The users already own it",
        "This can include timeouts",
        "The following have failed",
        "The data exist in two regions",
        "Make it exist first",
        "The user owns the bucket",
    ],
)
def test_agreement_patterns_that_are_fine(text: str) -> None:
    assert phrases(text) == []


@pytest.mark.parametrize(
    ("verb", "third"),
    [("own", "owns"), ("have", "has"), ("do", "does"), ("match", "matches"), ("try", "tries")],
)
def test_third_person(verb: str, third: str) -> None:
    assert third_person(verb) == third


def test_finding_fields() -> None:
    (found,) = findings("grammar", described("The list must specified in order"))
    assert found.code == "Error000"
    assert found.field == "description"
    assert found.word == "must specified"
    assert found.suggestion == "must be specified"
    assert found.message.startswith("Error000: ")


def fixes(text: str) -> list[tuple[str, str | None]]:
    return [(phrase, fixed) for _, phrase, fixed in problems(text)]


@pytest.mark.parametrize(
    ("text", "phrase", "fixed"),
    [
        ("An bucket with this name exists", "An bucket", "A bucket"),
        ("The key of an stream", "an stream", "a stream"),
        ("Give a object key", "a object", "an object"),
        ("The request needs an KMS key", "an KMS", "a KMS"),
        ("The ARN of a IAM role", "a IAM", "an IAM"),
        ("Use an URL", "an URL", "a URL"),
        ("Give an user name", "an user", "a user"),
        ("It has a upload ID", "a upload", "an upload"),
    ],
)
def test_wrong_article(text: str, phrase: str, fixed: str) -> None:
    assert fixes(text) == [(phrase, fixed)]


@pytest.mark.parametrize(
    "text",
    [
        "Send an HTTP request",
        "Use an S3 bucket",
        "Use a SAML assertion or an SQL query or a SQL query",
        "Give a URL",
        "Give a user name",
        "Wait an hour",
        "An honest mistake",
        "Use an SDK or an sdk",
        "Use a unique name",
        "Give a one-time code",
        "Start an update of an unknown object",
        "The values a and b differ",
        "Send an X-Amz-Date header",
        "Run an Xcode build",
        "Give an EC2 instance a ec2 tag",
        "Choose option A or option B",
        "a EULA applies",
        "Give a value.An object follows",  # a missing space is another check's business
    ],
)
def test_right_or_unclear_article(text: str) -> None:
    assert fixes(text) == []


def test_request_are() -> None:
    assert fixes("The request are not signed") == [("The request are", "The request is")]
    assert fixes("It are gone") == [("It are", "It is")]


@pytest.mark.parametrize(
    "text",
    [
        "The bucket and the key are gone",
        "The keys are gone",
        "The data are gone",
        "It behaves as if the policy were in effect",
        "The following are required",
    ],
)
def test_plural_are_is_fine(text: str) -> None:
    assert fixes(text) == []


# --- no new false alarm on real data ----------------------------------------------------------

#: The real slips these rules find in botocore's error documentation (each is wrong English).
KNOWN_SLIPS = {"a instance", "an stream", "an KMS", "an Launch"}
#: The real slips of the tables in ../shared/real-world: "a" before a PascalCase name.
REAL_WORLD_SLIPS = {"a ObjectLock"}
#: What the whitespace check found before "5 MiB,except" was caught.
_OLD_NO_SPACE = re.compile(r"[a-z]{2,}(?:\.[A-Z][a-z]+|[,;][a-z]{2,})")


def _of_new_rule(finding: Finding) -> bool:
    """Whether *finding* comes from one of the rules added for "an bucket" and the rest."""
    if finding.check == "whitespace":
        word = finding.word or ""
        return "a tab in" in finding.message or bool(word and not _OLD_NO_SPACE.fullmatch(word))
    word = finding.word or ""
    return "goes before a" in finding.message or word.lower().endswith(" are")


def _corpora() -> dict[str, list[tuple[str, str]]]:
    corpora = {"bundled": support_corpora.bundled(), "real-world": support_corpora.real_world()}
    with contextlib.suppress(pytest.skip.Exception):  # without botocore, the other two
        corpora["botocore"] = support_corpora.botocore_corpus()
    return corpora


def test_no_new_false_alarm_on_real_data() -> None:
    for name, rows in _corpora().items():
        cat = Catalogue(
            tuple(ErrorEntry(c, 400, d, file=name, line=i + 1) for i, (c, d) in enumerate(rows))
        )
        found = run_checks(cat, select=["grammar", "whitespace"])
        new = {f.word for f in found if _of_new_rule(f)}
        known = {"botocore": KNOWN_SLIPS, "real-world": REAL_WORLD_SLIPS}.get(name, set())
        assert new <= known, name
