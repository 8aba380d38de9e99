"""QA regressions (helper F): a/an, "the request are", tabs, a comma after a unit, and no new
false alarm of these on real data."""

from __future__ import annotations

import contextlib
import re

import pytest
import test_spelling_heldout as heldout
from _checks_support import described, findings

from sphinx_awserrors.catalogue import Catalogue, ErrorEntry
from sphinx_awserrors.checks import Finding, run_checks
from sphinx_awserrors.checks.grammar import problems


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


def test_tab_inside_a_description() -> None:
    found = findings("whitespace", described("The bucket\tdoes not exist"))
    assert [f.message for f in found] == [
        'Error000: a tab in the description ("The bucket\\tdoes not exist"); use a space'
    ]


@pytest.mark.parametrize(
    ("text", "word"),
    [("Parts must be at least 5 MiB,except the last", "MiB,except"), ("Wait 10,then", "10,then")],
)
def test_no_space_after_a_comma_after_a_unit(text: str, word: str) -> None:
    found = findings("whitespace", described(text))
    assert [(f.word, f.suggestion) for f in found] == [(word, word.replace(",", ", "))]


@pytest.mark.parametrize(
    "text", ["Regions us-east-1,eu-west-1", "Keys key1,key2", "Methods GET,PUT", "1,000 items"]
)
def test_commas_inside_names_are_fine(text: str) -> None:
    assert findings("whitespace", described(text)) == []


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
    corpora = {"bundled": heldout.bundled(), "real-world": heldout.real_world()}
    with contextlib.suppress(pytest.skip.Exception):  # without botocore, the other two
        corpora["botocore"] = heldout.botocore_corpus()
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
