"""QA regressions (helper F) of the checks."""

from __future__ import annotations

from _checks_support import catalogue, codes, entry, findings

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
