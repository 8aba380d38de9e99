"""QA regressions (helper F) of the checks."""

from __future__ import annotations

from _checks_support import catalogue, codes, described, entry, findings

# --- status: an entry silenced with ignore: [status] has no vote -----------------------------


def test_silenced_departure_does_not_hide_another() -> None:
    cat = catalogue(
        entry("NoSuchKey", status=400, ignore=("status",)),
        entry("NoSuchKey2", status=410),
    )
    assert codes(findings("status", cat)) == ["NoSuchKey2"]


def test_file_that_departs_without_silencing_still_documents_such_an_api() -> None:
    cat = catalogue(
        entry("ListenerNotFound", status=400),
        entry("RuleNotFound", status=400),
        entry("PolicyNotFound", status=400, ignore=("status",)),
    )
    assert findings("status", cat) == []


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
