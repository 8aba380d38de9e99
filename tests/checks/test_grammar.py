"""The grammar check: precise patterns, few false alarms."""

from __future__ import annotations

import pytest
from _checks_support import described, findings

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
