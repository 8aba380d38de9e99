"""The status filter language, status classes and reason phrases (no Sphinx)."""

from __future__ import annotations

import pickle

import pytest

from sphinx_awserrors.catalogue.status import (
    ALL,
    class_title,
    parse_status_filter,
    reason_phrase,
    status_class,
)

SAMPLE = (100, 101, 200, 204, 301, 304, 307, 399, 400, 403, 404, 405, 409, 418, 499, 500, 503, 599)


def selected(text: str) -> list[int]:
    predicate = parse_status_filter(text)
    return [status for status in SAMPLE if predicate(status)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # exact
        ("404", [404]),
        # class, either case
        ("4xx", [400, 403, 404, 405, 409, 418, 499]),
        ("5XX", [500, 503, 599]),
        # range, inclusive, spaces around the dash
        ("400-404", [400, 403, 404]),
        ("300 - 400", [301, 304, 307, 399, 400]),
        ("404-404", [404]),
        # named classes, case-insensitive
        ("informational", [100, 101]),
        ("success", [200, 204]),
        ("Redirect", [301, 304, 307, 399]),
        ("CLIENT", [400, 403, 404, 405, 409, 418, 499]),
        ("server", [500, 503, 599]),
        # lists are OR-ed
        ("4xx,5xx", [400, 403, 404, 405, 409, 418, 499, 500, 503, 599]),
        ("301, 404 ,503", [301, 404, 503]),
        ("redirect,404", [301, 304, 307, 399, 404]),
        # negation subtracts
        ("4xx,!404", [400, 403, 405, 409, 418, 499]),
        ("!404,4xx", [400, 403, 405, 409, 418, 499]),
        ("client, !400-404", [405, 409, 418, 499]),
        ("! 404, 404", []),
        ("4xx,!client", []),
        # negation alone: everything else
        ("!4xx", [100, 101, 200, 204, 301, 304, 307, 399, 500, 503, 599]),
        ("!redirect,!server,!informational,!success", [400, 403, 404, 405, 409, 418, 499]),
        # surrounding whitespace
        ("  404  ", [404]),
    ],
)
def test_forms(text: str, expected: list[int]) -> None:
    assert selected(text) == expected


@pytest.mark.parametrize(
    ("text", "token", "why"),
    [
        ("4x", "'4x'", ""),
        ("4xxx", "'4xxx'", ""),
        ("99", "'99'", ""),
        ("1000", "'1000'", ""),
        ("600", "'600'", "600 is not an HTTP status"),
        ("099", "'099'", "99 is not an HTTP status"),
        ("6xx", "'6xx'", ""),
        ("0xx", "'0xx'", ""),
        ("600-100", "'600-100'", "600 is not an HTTP status"),
        ("500-400", "'500-400'", "the range is reversed"),
        ("400-", "'400-'", ""),
        ("-404", "'-404'", ""),
        ("400-450-499", "'400-450-499'", ""),
        ("!", "'!'", ""),
        ("!!404", "'!!404'", ""),
        ("4xx,!", "'!' in '4xx,!'", ""),
        ("clients", "'clients'", "unknown class name"),
        ("redirection", "'redirection'", "unknown class name"),
        ("4xx;5xx", "'4xx;5xx'", ""),
        ("4xx 5xx", "'4xx 5xx'", ""),
        ("404?", "'404?'", ""),
        ("client error", "'client error'", ""),
        ("\uff14\uff10\uff14", "'\uff14\uff10\uff14'", ""),  # full-width digits
        ("4\u0660\u0664", "'4\u0660\u0664'", ""),  # Arabic-Indic digits
    ],
)
def test_malformed_terms(text: str, token: str, why: str) -> None:
    with pytest.raises(ValueError, match="invalid status filter term") as info:
        parse_status_filter(text)
    message = str(info.value)
    assert token in message
    assert why in message
    # every message says what is allowed
    assert "a class (4xx), a range (400-499)" in message
    assert "informational, success, redirect, client, server" in message


@pytest.mark.parametrize("text", ["", "   ", "\t"])
def test_empty_filter(text: str) -> None:
    with pytest.raises(ValueError, match="empty status filter; allowed: a status"):
        parse_status_filter(text)


@pytest.mark.parametrize(
    ("text", "position"),
    [("4xx,,5xx", 2), (",404", 1), ("404,", 2), ("404, ,500", 2)],
)
def test_empty_term(text: str, position: int) -> None:
    with pytest.raises(ValueError, match=f"empty term {position} in status filter"):
        parse_status_filter(text)


def test_filter_keeps_text_and_pickles() -> None:
    predicate = parse_status_filter(" 4xx, !404 ")
    assert predicate.text == "4xx, !404"
    assert pickle.loads(pickle.dumps(predicate)) == predicate
    assert all(ALL(status) for status in SAMPLE)


@pytest.mark.parametrize(
    ("status", "klass"), [(100, "1xx"), (200, "2xx"), (307, "3xx"), (404, "4xx"), (599, "5xx")]
)
def test_status_class(status: int, klass: str) -> None:
    assert status_class(status) == klass


@pytest.mark.parametrize(
    ("klass", "title"),
    [
        ("1xx", "1xx Informational"),
        ("2xx", "2xx Success"),
        ("3xx", "3xx Redirection"),
        ("4xx", "4xx Client Error"),
        ("5xx", "5xx Server Error"),
        ("9xx", "9xx"),
    ],
)
def test_class_title(klass: str, title: str) -> None:
    assert class_title(klass) == title


@pytest.mark.parametrize(
    ("status", "phrase"),
    [
        (200, "OK"),
        (301, "Moved Permanently"),
        (404, "Not Found"),
        (409, "Conflict"),
        (503, "Service Unavailable"),
        (299, ""),
        (599, ""),
    ],
)
def test_reason_phrase(status: int, phrase: str) -> None:
    assert reason_phrase(status) == phrase
