"""QA regressions of the spelling check: common misspellings that passed as derived words."""

from __future__ import annotations

import pytest

from sphinx_awserrors.catalogue import Catalogue, ErrorEntry
from sphinx_awserrors.checks.spelling import spelling_findings


def slips(description: str) -> list[tuple[str | None, str | None]]:
    entry = ErrorEntry("NoSuchKey", 404, description, file="errors.yaml", line=2)
    return [(f.word, f.suggestion) for f in spelling_findings(Catalogue((entry,)))]


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("thier", "their"),  # was "thy" + "er", as "tidier" is "tidy" + "er"
        ("writting", "writing"),  # was "writ" + "ing"
        ("comming", "coming"),  # was "com" + "ing"
        ("basicly", "basically"),  # was "basic" + "ly"
    ],
)
def test_common_misspelling_that_looks_derived_is_found(typo: str, meant: str) -> None:
    assert slips(f"The owner lost {typo} key while the bucket was in use") == [(typo, meant)]


@pytest.mark.parametrize(
    "word",
    [
        "retrying",
        "retried",
        "happier",
        "tidier",
        "deregistering",
        "reuploaded",
        "unversioned",
        "presigning",
        "semantically",
    ],
)
def test_regular_derived_words_stay_known(word: str) -> None:
    assert slips(f"The {word} request was refused by the bucket") == []


@pytest.mark.parametrize(
    "term",
    [
        "programmatically",  # was "pro grammatically"
        "programmatic",
        "subnets",  # was "subsets"
        "stateful",  # was "grateful"
        "serverless",  # was "server less"
        "unmarshalling",  # was "unmarshall ing"
        "failback",  # was "tailback"
        "gibibytes",  # was "gigabytes"
        "autoscaling",  # was "auto scaling"
    ],
)
def test_aws_terms_give_no_false_alarm(term: str) -> None:
    assert slips(f"The {term} setting of the bucket was refused") == []


@pytest.mark.parametrize(
    ("typo", "meant"),
    [("subnte", "subnet"), ("statful", "stateful"), ("progammatically", "programmatically")],
)
def test_slips_of_the_new_terms_are_found(typo: str, meant: str) -> None:
    assert slips(f"The {typo} setting of the bucket was refused") == [(typo, meant)]
