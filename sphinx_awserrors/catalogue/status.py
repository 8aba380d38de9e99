"""HTTP status filters (``4xx,!404``), status classes and reason phrases.

A status filter selects HTTP statuses; ``aws-error-table``'s ``:status:`` option takes one.
No Sphinx import here: the command-line tools and a project's own tests can use it.

Grammar (whitespace around terms, after ``!`` and around ``-`` is ignored; names and the ``xx``
of a class are case-insensitive)::

    filter   ::= term ("," term)*
    term     ::= ["!"] selector
    selector ::= status | class | range | name
    status   ::= three digits, 100 to 599                  e.g. 404
    class    ::= digit 1 to 5, then "xx"                   e.g. 4xx
    range    ::= status "-" status, the first not greater  e.g. 400-499
    name     ::= "informational" | "success" | "redirect" | "client" | "server"
                 (the classes 1xx, 2xx, 3xx, 4xx, 5xx)

A status matches when it matches any positive term (or there is no positive term at all, as in
``!404``) and no negated term. ``4xx,5xx`` selects all errors; ``4xx,!404`` the client errors
except 404; ``!3xx`` everything but redirects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from http import HTTPStatus
from typing import Final

#: The lowest and the highest status a filter can name.
MIN_STATUS: Final = 100
MAX_STATUS: Final = 599

#: The named classes of the filter language and the first digit of each.
CLASS_NAMES: Final[dict[str, int]] = {
    "informational": 1,
    "success": 2,
    "redirect": 3,
    "client": 4,
    "server": 5,
}

#: How a status class is titled, e.g. in the caption of a grouped table.
CLASS_TITLES: Final[dict[str, str]] = {
    "1xx": "Informational",
    "2xx": "Success",
    "3xx": "Redirection",
    "4xx": "Client Error",
    "5xx": "Server Error",
}

ALLOWED: Final = (
    "allowed: a status (404), a class (4xx), a range (400-499), a class name ("
    + ", ".join(CLASS_NAMES)
    + "), each optionally negated with '!' (!404), separated by commas; "
    f"statuses run from {MIN_STATUS} to {MAX_STATUS}"
)

_STATUS: Final = r"[0-9]{3}"  # ASCII digits: \d would also take full-width ones
_TERM: Final = re.compile(
    rf"""
    (?P<neg>!\s*)?
    (?:
        (?P<range>(?P<low>{_STATUS})\s*-\s*(?P<high>{_STATUS}))
      | (?P<status>{_STATUS})
      | (?P<cls>[1-5])xx
      | (?P<name>[a-z]+)
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: An inclusive range of statuses.
Span = tuple[int, int]


@dataclass(frozen=True)
class StatusFilter:
    """A parsed status filter: call it with a status to know whether the filter selects it.

    ``include`` and ``exclude`` are inclusive ranges; an empty ``include`` selects every status.
    """

    text: str
    include: tuple[Span, ...] = ()
    exclude: tuple[Span, ...] = ()

    def __call__(self, status: int) -> bool:
        """Whether *status* is selected."""
        included = not self.include or any(low <= status <= high for low, high in self.include)
        return included and not any(low <= status <= high for low, high in self.exclude)


# The filter that selects every status (kept out of the API docs: autodoc cannot sign it).
ALL: Final = StatusFilter("")


def _bad(token: str, text: str, why: str = "") -> ValueError:
    where = "" if token == text.strip() else f" in {text.strip()!r}"
    reason = f" ({why})" if why else ""
    return ValueError(f"invalid status filter term {token!r}{where}{reason}; {ALLOWED}")


def _check_status(value: str, token: str, text: str) -> int:
    status = int(value)
    if not MIN_STATUS <= status <= MAX_STATUS:
        raise _bad(token, text, f"{status} is not an HTTP status")
    return status


def _parse_term(token: str, text: str) -> tuple[bool, Span]:
    match = _TERM.fullmatch(token)
    if match is None:
        raise _bad(token, text)
    negated = match["neg"] is not None
    if match["range"]:
        low = _check_status(match["low"], token, text)
        high = _check_status(match["high"], token, text)
        if low > high:
            raise _bad(token, text, "the range is reversed")
        return negated, (low, high)
    if match["status"]:
        status = _check_status(match["status"], token, text)
        return negated, (status, status)
    if match["cls"]:
        digit = int(match["cls"])
    else:
        name = match["name"].lower()
        if name not in CLASS_NAMES:
            raise _bad(token, text, "unknown class name")
        digit = CLASS_NAMES[name]
    return negated, (digit * 100, digit * 100 + 99)


def parse_status_filter(text: str) -> StatusFilter:
    """Parse *text* (``4xx,!404``) into a :class:`StatusFilter`.

    :raises ValueError: naming the first bad term and what the filter language allows.
    """
    if not text.strip():
        raise ValueError(f"empty status filter; {ALLOWED}")
    include: list[Span] = []
    exclude: list[Span] = []
    for position, raw in enumerate(text.split(","), start=1):
        token = raw.strip()
        if not token:
            raise ValueError(f"empty term {position} in status filter {text!r}; {ALLOWED}")
        negated, span = _parse_term(token, text)
        (exclude if negated else include).append(span)
    return StatusFilter(text.strip(), tuple(include), tuple(exclude))


def status_class(status: int) -> str:
    """The class of *status*: ``"4xx"`` for 404."""
    return f"{status // 100}xx"


def class_title(klass: str) -> str:
    """The title of a status class, ``"4xx Client Error"``; the class itself when unknown."""
    title = CLASS_TITLES.get(klass)
    return f"{klass} {title}" if title else klass


def reason_phrase(status: int) -> str:
    """The HTTP reason phrase of *status* (``"Not Found"`` for 404), ``""`` when unknown."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""
