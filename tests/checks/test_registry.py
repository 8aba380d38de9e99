"""Running the checks: an entry's ``ignore:`` list silences the checks it names, on that entry
only, even when its code is given twice."""

from __future__ import annotations

from support_checks import catalogue, entry

from sphinx_awserrors.checks import run_checks

# --- an entry's ignore: list when its code is given twice -----------------------------------


def test_ignore_of_the_first_of_two_entries_with_one_code() -> None:
    cat = catalogue(
        entry("NoSuchKey", "The key does not exist", status=400, ignore=("status",)),
        entry("NoSuchKey", "The object does not exist", status=404),
    )
    found = run_checks(cat, select=["status", "duplicate-code"])
    # the first entry silences its status; the second is still a duplicate
    assert [(f.check, f.line) for f in found] == [("duplicate-code", 4)]


def test_ignore_of_the_second_entry_does_not_silence_the_first() -> None:
    cat = catalogue(
        entry("NoSuchKey", "The the key does not exist", status=404),
        entry("NoSuchKey", "The the object does not exist", status=404, ignore=("grammar",)),
        entry("NoSuchKey", "The the blob does not exist", status=404),
    )
    found = run_checks(cat, select=["grammar"])
    assert [(f.check, f.line) for f in found] == [("grammar", 1), ("grammar", 7)]
