"""The ``aws`` domain's data without a build: records, the canonical rule, merging, pickling."""

from __future__ import annotations

import pickle
import random
from types import SimpleNamespace
from typing import Any

import pytest

from sphinx_awserrors.catalogue import ErrorEntry
from sphinx_awserrors.sphinxext.domain import (
    AwsDomain,
    _insort_new,
    anchor_id,
    did_you_mean,
    label_name,
    suggestions,
    tooltip,
)
from sphinx_awserrors.sphinxext.roles import external_url, parse_status


def make_domain(domaindata: dict[str, Any] | None = None) -> AwsDomain:
    return AwsDomain(SimpleNamespace(domaindata={} if domaindata is None else domaindata))  # type: ignore[arg-type]


def canonical(domain: AwsDomain) -> dict[str, tuple[str, str]]:
    return {code: (p.docname, p.node_id) for code, p in domain.canonical.items()}


def test_first_row_by_docname_then_line() -> None:
    domain = make_domain()
    # recorded in an order unlike the rule's: the rule, not the reading order, decides
    domain.note_shown("NoSuchKey", "zeta", "awserr-nosuchkey", 3, "row")
    domain.note_shown("NoSuchKey", "alpha", "awserr-nosuchkey-1", 40, "row")
    domain.note_shown("NoSuchKey", "alpha", "awserr-nosuchkey", 12, "row")
    assert canonical(domain) == {"NoSuchKey": ("alpha", "awserr-nosuchkey")}


def test_directive_beats_rows() -> None:
    domain = make_domain()
    domain.note_shown("AccessDenied", "a", "awserr-accessdenied", 1, "row")
    domain.note_shown("AccessDenied", "z", "awserr-accessdenied", 90, "directive")
    domain.note_shown("AccessDenied", "y", "awserr-accessdenied", 5, "directive")
    assert canonical(domain) == {"AccessDenied": ("y", "awserr-accessdenied")}


def test_unknown_kind_is_rejected() -> None:
    with pytest.raises(ValueError, match="kind must be one of"):
        make_domain().note_shown("X", "a", "awserr-x", 1, "section")


def test_status_target_first_by_docname_then_line() -> None:
    domain = make_domain()
    domain.note_status_target("4xx", "b", "awserr-table-0", 1)
    domain.note_status_target("4xx", "a", "awserr-class-4xx", 9)
    domain.note_status_target("5xx", "b", "awserr-table-0", 1)
    targets = {k: (p.docname, p.node_id) for k, p in domain.status_targets.items()}
    assert targets == {"4xx": ("a", "awserr-class-4xx"), "5xx": ("b", "awserr-table-0")}


def test_clear_doc_moves_the_canonical_target() -> None:
    domain = make_domain()
    domain.note_shown("NoSuchKey", "a", "awserr-nosuchkey", 1, "row")
    domain.note_shown("NoSuchKey", "b", "awserr-nosuchkey", 1, "row")
    assert canonical(domain)["NoSuchKey"][0] == "a"  # computed and cached
    domain.clear_doc("a")
    assert canonical(domain)["NoSuchKey"][0] == "b"  # the cache was invalidated
    domain.clear_doc("b")
    assert canonical(domain) == {}


def test_merge_equals_serial_recording() -> None:
    serial = make_domain()
    main, worker = make_domain(), make_domain()
    for domain, docname in ((serial, "a"), (main, "a"), (serial, "b"), (worker, "b")):
        domain.note_shown("NoSuchKey", docname, "awserr-nosuchkey", 4, "row")
        domain.note_status_target("4xx", docname, "awserr-table-0", 4)
        domain.note_reference("SlowDown", docname)
    worker.note_shown("Other", "unread", "awserr-other", 1, "row")  # not merged: not in docnames
    main.merge_domaindata({"b"}, worker.data)
    for key in ("shown", "status", "refs"):
        assert main.data[key] == serial.data[key]
    assert canonical(main) == canonical(serial)


def test_data_pickles() -> None:
    domain = make_domain()
    domain.note_shown("NoSuchKey", "a", "awserr-nosuchkey", 4, "row")
    domain.note_reference("NoSuchKey", "b")
    _ = domain.canonical
    data = pickle.loads(pickle.dumps(domain.data))
    assert canonical(make_domain({"aws": data})) == {"NoSuchKey": ("a", "awserr-nosuchkey")}


def test_get_objects_one_per_code_at_its_canonical_target() -> None:
    domain = make_domain()
    domain.note_shown("NoSuchKey", "b", "awserr-nosuchkey", 1, "row")
    domain.note_shown("NoSuchKey", "a", "awserr-nosuchkey", 1, "row")
    domain.note_shown("AccessDenied", "a", "awserr-accessdenied", 1, "row")
    assert sorted(domain.get_objects()) == [
        ("AccessDenied", "AccessDenied", "error", "a", "awserr-accessdenied", 1),
        ("NoSuchKey", "NoSuchKey", "error", "a", "awserr-nosuchkey", 1),
    ]


def test_tooltip_is_plain_text() -> None:
    entry = ErrorEntry(
        "NoSuchKey", 404, "The *key* in ``GetObject`` & <x>, see `docs <https://e.org>`__."
    )
    assert tooltip(entry) == "404 Not Found: The key in GetObject & <x>, see docs."
    assert tooltip(ErrorEntry("Odd", 499, "Odd.")) == "499: Odd."


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("NoSuchKye", "; did you mean NoSuchKey?"),
        ("nosuchkey", "; did you mean NoSuchKey?"),
        ("NoSuch", "; did you mean NoSuchKey?"),
        ("NoSuchBuckey", "; did you mean NoSuchBucket?"),
        ("Unrelated", ""),
    ],
)
def test_did_you_mean(word: str, expected: str) -> None:
    assert did_you_mean(word, ["NoSuchKey", "NoSuchBucket", "AccessDenied"]) == expected


def test_did_you_mean_lists_equally_close_codes() -> None:
    assert did_you_mean("NoSuchKe", ["NoSuchKey", "NoSuchKeys"]) == (
        "; did you mean NoSuchKey or NoSuchKeys?"
    )
    assert did_you_mean("Slow", ["SlowA", "SlowB", "SlowC", "SlowD"]) == (
        "; did you mean SlowA, SlowB or SlowC?"
    )


def test_suggestions_put_a_case_insensitive_match_first() -> None:
    assert suggestions("accessdenied", ["AccessDenied", "AccessDenie"])[0] == "AccessDenied"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("404", ("4xx", "404 Not Found")),
        (" 503 ", ("5xx", "503 Service Unavailable")),
        ("499", ("4xx", "499")),
        ("4xx", ("4xx", "4xx Client Error")),
        ("5XX", ("5xx", "5xx Server Error")),
        ("4o4", None),
        ("\uff14\uff10\uff14", None),  # full-width digits are not a status
        ("600", None),
        ("99", None),
        ("", None),
    ],
)
def test_parse_status(text: str, expected: tuple[str, str] | None) -> None:
    assert parse_status(text) == expected


def test_external_url_placeholders() -> None:
    template = "https://docs.example.com/{code}.html#{code_lower}"
    assert (
        external_url(template, "NoSuchKey") == "https://docs.example.com/NoSuchKey.html#nosuchkey"
    )
    assert external_url("https://e.org/{code}", "A B/C") == "https://e.org/A%20B%2FC"
    assert external_url("https://e.org/{name}", "X") is None
    assert external_url("https://e.org/{", "X") is None
    # attribute, index and format-spec forms are malformed templates, not crashes
    for template in ("{code.upper}", "{code[x]}", "{code[0]}", "{code!z}", "{code:d}", "{}"):
        assert external_url(template, "X") is None, template
    assert external_url("{{literal}}/{code}", "X") == "{literal}/X"


def test_label_name() -> None:
    assert label_name("accessPointNotReady") == "awserr-accesspointnotready"


def test_anchor_ids_keep_leading_digits() -> None:
    assert anchor_id("NoSuchKey") == "awserr-nosuchkey"
    assert anchor_id("3DSecure") == "awserr-3dsecure"
    assert anchor_id("500") == "awserr-500"
    assert anchor_id("Weird.Code_1") == "awserr-weird-code-1"


def test_a_page_s_references_are_recorded_sorted_and_once() -> None:
    items: list[str] = []
    chooser = random.Random(18)
    codes = [
        chooser.choice(["NoSuchKey", "AccessDenied", "SlowDown", "a", "Z", ""]) for _ in range(200)
    ]
    added = [_insort_new(items, code) for code in codes]
    assert items == sorted(set(codes))
    assert sum(added) == len(set(codes))
