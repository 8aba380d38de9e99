"""The spelling check: what it reads, what it knows, what it suggests, how it reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support_checks import catalogue, described, entry, findings

from sphinx_awserrors.catalogue import Catalogue, ErrorEntry, load_catalogue
from sphinx_awserrors.checks import REGISTRY, Settings, run_checks, spelling
from sphinx_awserrors.checks.spelling import (
    WordList,
    code_words,
    damerau,
    slip_probability,
    spelling_findings,
    stems,
    vocabulary,
    words_of,
)
from sphinx_awserrors.cli.lint import lint

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from sphinx_awserrors.checks import Finding


def spelled(*descriptions: str, words: frozenset[str] = frozenset()) -> list[Finding]:
    """The spelling findings of a catalogue with one entry per description."""
    cat = catalogue(*(entry(f"Error{i:03d}", d) for i, d in enumerate(descriptions)))
    return run_checks(cat, select=["spelling"], settings=Settings(spelling_words=words))


def pairs(found: list[Finding]) -> list[tuple[str | None, str | None]]:
    return [(f.word, f.suggestion) for f in found]


# --- registration ------------------------------------------------------------------------------


def test_registered_for_the_whole_catalogue() -> None:
    chk = REGISTRY["spelling"]
    assert chk.scope == "catalogue"
    assert chk.summary == "Misspelled words in descriptions, with the best suggestion."


# --- the words of codes and descriptions -------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("NoSuchBucketPolicy", ["No", "Such", "Bucket", "Policy"]),
        ("InvalidURI", ["Invalid", "URI"]),
        ("MalformedPOSTRequest", ["Malformed", "POST", "Request"]),
        ("XAmzContentSHA256Mismatch", ["X", "Amz", "Content", "SHA256", "Mismatch"]),
        ("SignatureDoesNotMatch", ["Signature", "Does", "Not", "Match"]),
    ],
)
def test_code_words(code: str, words: list[str]) -> None:
    assert code_words(code) == words


@pytest.mark.parametrize(
    ("description", "words"),
    [
        # inline literals, roles, links and URLs are not prose
        ("Set ``x-amz-exis`` first", ["Set", "first"]),
        ("See :awserr:`NoSuchKeyy` and `the docs <https://exmaple.com>`_", ["See", "and"]),
        ("Read https://docs.aws.amazon.com/exampel now", ["Read", "now"]),
        # header names, numbers, identifiers with digits, underscores or inner capitals
        ("The X-Amz-Date and Content-MD5 headers", ["The", "and", "headers"]),
        ("Use SHA256 or AES256 in us-east-1", ["Use", "or", "in"]),
        ("The part_number of v2 and 5xx", ["The", "of", "and"]),
        # hyphenated words and slashes are read part by part
        ("A well-fromed multipart/form-data", ["A", "well", "fromed", "multipart", "form", "data"]),
        ("Use and/or avoid", ["Use", "and", "or", "avoid"]),
        # possessives keep their word; placeholders of other projects are skipped
        ("The user's {bucket} was <Key>", ["The", "user", "was"]),
    ],
)
def test_words_of_skips_what_is_not_prose(description: str, words: list[str]) -> None:
    assert [w.text for w in words_of(description) if not w.header] == words


def test_identifiers_are_not_judged() -> None:
    assert spelled("Send the uploadId, the versionId and the NoSuchKey code") == []


def test_words_of_marks_sentence_starts() -> None:
    found = words_of("The bucket is gone. Create it again: Then retry")
    assert [w.text for w in found if w.initial] == ["The", "Create", "Then"]


# --- what is known ------------------------------------------------------------------------------


def test_field_vocabulary_is_known() -> None:
    text = (
        "The HTTP request to S3 failed: IAM, XML, SOAP, ACL and URI checks, a multipart "
        "upload with AES256 and X.509, region us-east-1, the Content-MD5 of a subresource, "
        "ACLs, ETags, presigned URLs, KMS keys and SigV4 in JSON or YAML"
    )
    assert spelled(text) == []
    assert {"http", "iam", "xml", "soap", "acl", "uri", "multipart", "subresource"} <= (
        vocabulary()
    )


def test_the_catalogue_codes_words_are_known() -> None:
    assert pairs(spelled("The frobnicator was not found")) == [("frobnicator", None)]
    cat = catalogue(entry("NoSuchFrobnicator", "The frobnicator was not found", 404))
    assert run_checks(cat, select=["spelling"]) == []


def test_user_words_are_known_in_any_case() -> None:
    assert pairs(spelled("Served by frobnitz gateways")) == [("frobnitz", None)]
    assert spelled("Frobnitz serves it", words=frozenset({"frobnitz"})) == []
    assert spelled("Served by frobnitz gateways", words=frozenset({"Frobnitz"})) == []


def test_an_entry_can_silence_the_check() -> None:
    cat = catalogue(entry("Odd", "The frobnicatr is broken", ignore=("spelling",)))
    assert run_checks(cat, select=["spelling"]) == []


@pytest.mark.parametrize(
    "word",
    [
        "retrying", "configuring", "deregister", "parsed", "subresources", "prefixes",
        "recognise", "authorisation", "behaviour", "catalogues", "licence",
    ],
)  # fmt: skip
def test_regular_derivations_are_known(word: str) -> None:
    assert spelled(f"The {word} thing") == []


@pytest.mark.parametrize(
    ("typo", "stem"),
    [("requestes", "request"), ("signned", "sign"), ("loging", "log"), ("occured", "occur")],
)
def test_slips_that_look_derived_are_not(typo: str, stem: str) -> None:
    assert [f.word for f in spelled(f"The {typo} thing")] == [typo]
    assert stem not in [s for s, _ in stems(typo)]


def test_unknown_acronyms_and_short_words_are_left_alone() -> None:
    assert spelled("The QZX and FOOB of ab cd") == []


def test_names_new_to_the_dictionary_are_left_alone_mid_sentence() -> None:
    # a capitalised word that several entries use is a name, not a slip
    assert spelled("Stored by Valkey nodes", "Valkey is down") == []


# --- suggestions ---------------------------------------------------------------------------------


def test_does_not_exis_suggests_exist() -> None:
    found = spelled("The specified multipart upload does not exis. Check the upload ID")
    assert pairs(found) == [("exis", "exist")]


def test_the_catalogue_ranks_suggestions_before_general_frequency() -> None:
    # alone, "tken" reads as the everyday "taken"; a catalogue about tokens means "token"
    assert pairs(spelled("The tken was refused")) == [("tken", "taken")]
    found = spelled(
        "The tken was refused",
        "The token has expired",
        "The provided token is malformed",
    )
    assert pairs(found) == [("tken", "token")]


@pytest.mark.parametrize(
    ("description", "word", "suggestion"),
    [
        ("The bucket polcy is invalid", "polcy", "policy"),  # a dropped letter
        ("The reuqest was refused", "reuqest", "request"),  # swapped letters
        ("The bucckets were refused", "bucckets", "buckets"),  # a doubled letter
        ("The bycket was refused", "bycket", "bucket"),  # a neighbouring key
        ("We did not recieve the body", "recieve", "receive"),  # a common misspelling
        ("The keys must be seperate", "seperate", "separate"),
        ("Send it to the adress given", "adress", "address"),
        ("The error occured twice", "occured", "occurred"),
        ("Teh bucket was refused", "Teh", "The"),  # a capital kept
        ("hTe bucket was refused", "hTe", "The"),  # a slip of the shift key
        ("The HTPT request was refused", "HTPT", "HTTP"),  # an acronym
    ],
)
def test_suggestions(description: str, word: str, suggestion: str) -> None:
    assert pairs(spelled(description)) == [(word, suggestion)]


def test_run_together_words() -> None:
    found = spelled("Create thebucket first")
    assert pairs(found) == [("thebucket", "the bucket")]
    assert found[0].message == "Error000: 'thebucket' is misspelled; did you mean 'the bucket'?"


def test_a_word_split_in_two_is_reported_once() -> None:
    found = spelled("The buc ket does not exist")
    assert pairs(found) == [("buc", "bucket")]
    assert found[0].message == (
        "Error000: 'buc ket' looks like one word split in two; did you mean 'bucket'?"
    )
    # either fragment may be the non-word
    assert pairs(spelled("The multipart upl oad is gone")) == [("upl", "upload")]
    assert pairs(spelled("Send the reque st again")) == [("reque", "request")]
    assert pairs(spelled("The buck et does not exist")) == [("et", "bucket")]


def test_two_real_words_are_not_a_split_word() -> None:
    assert spelled("The key is in valid form", "Sign in to the console") == []


def test_no_suggestion_says_how_to_accept_the_word() -> None:
    found = spelled("The zqxjvw failed")
    assert pairs(found) == [("zqxjvw", None)]
    assert "add it to the spelling words" in found[0].message


# --- the finding ---------------------------------------------------------------------------------


def test_finding_fields() -> None:
    item = ErrorEntry(
        "NoSuchUpload",
        404,
        "The upload does not exis",
        file="errors.yaml",
        line=10,
        field_lines={"code": 10, "status": 11, "description": 12},
    )
    (found,) = spelling_findings(Catalogue((item,)))
    assert found.file == "errors.yaml"
    assert found.line == 12
    assert found.check == "spelling"
    assert found.code == "NoSuchUpload"
    assert found.field == "description"
    assert found.word == "exis"
    assert found.suggestion == "exist"
    assert found.message == "NoSuchUpload: 'exis' is misspelled; did you mean 'exist'?"


def test_a_word_is_reported_once_per_entry() -> None:
    found = spelled("The bukcet and the bukcet again", "One more bukcet")
    assert [(f.code, f.word) for f in found] == [("Error000", "bukcet"), ("Error001", "bukcet")]


# --- the seed and the bundled catalogue ---------------------------------------------------------


def test_seed_has_exactly_one_misspelling(seed_path: Path, tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text("[project]\nname = 'x'\n", encoding="utf-8")
    found, _ = lint([str(seed_path)], select=["spelling"], config=str(config))
    assert [(f.code, f.line, f.word, f.suggestion, f.message) for f in found] == [
        (
            "NoSuchUpload",
            215,
            "exis",
            "exist",
            "NoSuchUpload: 'exis' is misspelled; did you mean 'exist'?",
        )
    ]


def test_bundled_catalogue_is_clean() -> None:
    result = load_catalogue(None)
    assert spelling_findings(result.catalogue) == []


# --- the pieces of the model ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("exis", "exist", 1), ("recieve", "receive", 1), ("bucket", "bukcte", 2), ("ab", "xyz", 3)],
)
def test_damerau(a: str, b: str, distance: int) -> None:
    assert damerau(a, b) == distance


def test_typing_slips_are_likelier_than_other_edits() -> None:
    assert slip_probability("exis", "exist") > slip_probability("exis", "exit")
    assert slip_probability("bycket", "bucket") > slip_probability("bzcket", "bucket")
    assert slip_probability("bucckets", "buckets") > slip_probability("buckxets", "buckets")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_is_read_without_error(text: str) -> None:
    spelling_findings(Catalogue((ErrorEntry("Code", 400, text or "x", line=1),)))


# --- the packed dictionary ---------------------------------------------------------------------


def test_word_list_answers_like_the_counts_it_packs() -> None:
    counts = {"a": 9, "ab": 3, "abc": 70_000, "b": 1, "café": 50, "bucket": 6000, "bu": 2}
    words = WordList.from_counts(counts)
    for word, count in counts.items():
        assert words.get(word) == count
        assert words[word] == count
        assert word in words
    for absent in ("", "abcd", "c", "buck", "caf", "zzz", "ab\t"):
        assert words.get(absent, -1) == -1
        assert absent not in words
    with pytest.raises(KeyError):
        words["abcd"]
    assert sorted(words) == sorted(counts)
    assert len(words) == len(counts)
    assert words.total == sum(counts.values())
    assert words.common == (("abc", 70_000), ("bucket", 6000))
    again = WordList.from_bytes(words.to_bytes())
    assert {w: again[w] for w in counts} == counts


def test_word_list_rejects_what_it_did_not_write() -> None:
    for data in (b"", b"\x00garbage", WordList.from_counts({}).to_bytes()[:-3]):
        with pytest.raises(ValueError, match=r"."):
            WordList.from_bytes(data)


def test_dictionary_is_packed_once_and_read_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    loads: list[int] = []
    original = spelling._load_pyspellchecker

    def counted() -> Mapping[str, int]:
        loads.append(1)
        return original()

    monkeypatch.setattr(spelling, "_load_pyspellchecker", counted)
    spelling.dictionary.cache_clear()
    try:
        first = spelling.dictionary()
        (cached,) = (tmp_path / "sphinx-awserrors").glob("words-en-*.bin")
        spelling.dictionary.cache_clear()
        second = spelling.dictionary()
        assert loads == [1]  # the second load read the cache
        assert second.get("exist") == first.get("exist") > 0
        assert len(second) == len(first) > 100_000
        cached.write_bytes(b"broken")  # a damaged cache is made again
        spelling.dictionary.cache_clear()
        assert spelling.dictionary().get("exist") == first.get("exist")
        assert loads == [1, 1]
    finally:
        spelling.dictionary.cache_clear()


def test_a_slip_in_a_header_name_is_reported_but_not_its_own_words() -> None:
    entries = (
        ErrorEntry("BadDigest", 400, "The Content-MD5 you specified did not match", line=1),
        ErrorEntry("BadLength", 400, "The Content-Lenght header is wrong", line=2),
        ErrorEntry("BadSdk", 400, "The X-Amz-Sdk-Checksum-Algorithm header is wrong", line=3),
    )
    found = [(f.code, f.word, f.suggestion) for f in spelling_findings(Catalogue(entries))]
    assert found == [("BadLength", "Lenght", "Length")]


def test_a_rare_dictionary_word_one_slip_from_a_common_one_is_reported() -> None:
    entries = (
        ErrorEntry("NoSuchKey", 404, "The specified key does not exist", line=1),
        ErrorEntry("NoSuchBucket", 404, "The specified bucket does ont exist", line=2),
        ErrorEntry("BadIssuer", 400, "The token issuer is not trusted", line=3),
    )
    found = [(f.code, f.word, f.suggestion) for f in spelling_findings(Catalogue(entries))]
    assert found == [("NoSuchBucket", "ont", "not")]


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


# --- spelling: words joined by a backslash-escaped space are one rendered word ---------------


def test_escaped_space_joins_the_rendered_word() -> None:
    cat = described(
        r"The *emph*\ asis is on the key",
        r"The **strong**\ ly worded key and un\ known things",
        r"The key is at C:\\ drive",
    )
    assert findings("spelling", cat) == []


def test_slip_in_a_word_joined_by_an_escaped_space_is_the_whole_word() -> None:
    found = findings("spelling", described(r"The *emph*\ asiss is on the key"))
    assert [(f.word, f.suggestion) for f in found] == [("emphasiss", "emphasis")]
