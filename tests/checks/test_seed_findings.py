"""Done-when of the checks: exactly the seed's known slips, nothing on the bundled catalogue."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from sphinx_awserrors.catalogue import Catalogue, ErrorEntry, load_catalogue
from sphinx_awserrors.checks import REGISTRY, run_checks
from sphinx_awserrors.cli.lint import lint

if TYPE_CHECKING:
    from pathlib import Path


#: (check, code, line) of every finding the seed must give; line only for the text lines.
SEED_FINDINGS = {
    ("grammar", "AccountNotFound", 15),  # "found in."
    ("grammar", "InvalidPartOrder", 126),  # "must specified"
    ("grammar", "BucketAlreadyOwnedByYou", 32),  # stretch goal: "the user already own"
    ("variant-spelling", "MalformedACLError", 161),  # well-formed / MalformedXML's well formed
    ("variant-spelling", "RequestIsNotMultiPartContent", 255),  # multipart/ form
    ("order", "EntityTooSmall", 56),
    ("order", "NoSuchBucketPolicy", 230),
    ("order", "RestoreAlreadyInProgress", 247),
    ("style", "AccountNotFound", 15),
    ("style", "AccountProblem", 18),
    ("style", "AmbiguousGrantByEmailAddress", 22),
    ("style", "BucketAlreadyExists", 28),
    ("style", "BucketAlreadyOwnedByYou", 32),
    ("style", "MalformedPOSTRequest", 166),
    ("whitespace", "InternalFailure", 82),
    ("whitespace", "PermanentRedirect", 240),
    ("whitespace", "TemporaryRedirect", 279),
    ("whitespace", "UnresolvableGrantByEmailAddress", 292),
    ("term-spelling", "MalformedPOSTRequest", 166),  # multipart/form data
}


@pytest.fixture
def no_settings(tmp_path: Path) -> str:
    """A pyproject.toml without a [tool.sphinx-awserrors] table: the defaults."""
    path = tmp_path / "pyproject.toml"
    path.write_text("[project]\nname = 'x'\n", encoding="utf-8")
    return str(path)


def test_seed_gives_exactly_its_known_slips(seed_path: Path, no_settings: str) -> None:
    found, unreadable = lint([str(seed_path)], select=["all"], config=no_settings)
    assert unreadable == []
    expected = set(SEED_FINDINGS)
    if "spelling" in REGISTRY:
        expected.add(("spelling", "NoSuchUpload", 215))
    assert {(f.check, f.code, f.line) for f in found} == expected
    assert all(f.file == str(seed_path) for f in found)


def test_seed_variant_messages_name_both_entries(seed_path: Path, no_settings: str) -> None:
    found, _ = lint([str(seed_path)], select=["variant-spelling"], config=no_settings)
    messages = [f.message for f in found]
    assert "MalformedXML" in messages[0]
    assert '"well-formed"' in messages[0]
    assert '"well formed"' in messages[0]
    assert "MalformedPOSTRequest" in messages[1]
    assert '"multipart/ form"' in messages[1]
    assert '"multipart/form"' in messages[1]


def test_seed_grammar_suggestions(seed_path: Path, no_settings: str) -> None:
    found, _ = lint([str(seed_path)], select=["grammar"], config=no_settings)
    by_code = {f.code: f for f in found}
    assert by_code["InvalidPartOrder"].suggestion == "must be specified"
    assert '"found in."' in by_code["AccountNotFound"].message


def test_bundled_catalogue_gives_nothing() -> None:
    result = load_catalogue(None)
    assert result.problems == ()
    assert len(result.catalogue) > 100
    found = run_checks(result.catalogue, select=["all"])
    assert [f"{f.location()}: {f.check}: {f.message}" for f in found] == []


def test_bundled_catalogue_is_skipped_in_a_project_build() -> None:
    bundled = load_catalogue(None).catalogue
    own = ErrorEntry("no_such_thing", 404, "No such thing", file="own.yaml", line=1)
    copy = ErrorEntry("AccessDenied", 404, "Access denied", file="own.yaml", line=4)
    merged = Catalogue((*bundled.entries, own, copy))
    found = run_checks(merged, select=["all"], skip_files=[bundled.entries[0].file])
    # the code's style in own.yaml, and AccessDenied defined twice (reported on own.yaml)
    assert {(f.file, f.check, f.code) for f in found} == {
        ("own.yaml", "style", "no_such_thing"),
        ("own.yaml", "duplicate-code", "AccessDenied"),
    }
