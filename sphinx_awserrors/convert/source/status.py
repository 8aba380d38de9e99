"""HTTP status names of server source code, resolved to numbers.

Error definitions name their status more often than they spell it: ``http.StatusNotFound``
(Go), ``HTTP_NOT_FOUND`` (``java.net.HttpURLConnection``), ``HttpStatus.NOT_FOUND`` (Spring),
``Response.Status.NOT_FOUND`` (JAX-RS), ``SC_NOT_FOUND`` (servlets), ``HTTPStatus.NOT_FOUND``
(Python), ``StatusCode::NOT_FOUND`` (Rust), ``HttpStatusCode.NotFound`` (.NET),
``StatusCodes.NOT_FOUND`` (Node). Every spelling is normalised (lower case, no underscores,
no ``Status``/``HTTP_``/``SC_`` prefix) and looked up in one table built from the standard
library's :class:`http.HTTPStatus` plus the historical and abbreviated names those libraries
use. A bare name is only read as a status when its prefix or its qualifier says it is one:
``CONFLICT`` alone may be anything, ``HttpStatus.CONFLICT`` is 409.
"""

from __future__ import annotations

from http import HTTPStatus

__all__ = ["resolve_status_name"]


def _key(name: str) -> str:
    return name.replace("_", "").lower()


# Names other than Python's current ones: older RFC wording (Go, Spring, JAX-RS), Java's
# HttpURLConnection abbreviations, and a few common variants.
_ALIASES: dict[str, int] = {
    "REQUEST_ENTITY_TOO_LARGE": 413,
    "PAYLOAD_TOO_LARGE": 413,
    "CONTENT_TOO_LARGE": 413,
    "ENTITY_TOO_LARGE": 413,
    "REQUEST_URI_TOO_LONG": 414,
    "URI_TOO_LONG": 414,
    "REQ_TOO_LONG": 414,
    "REQUESTED_RANGE_NOT_SATISFIABLE": 416,
    "RANGE_NOT_SATISFIABLE": 416,
    "REQUEST_RANGE_NOT_SATISFIABLE": 416,
    "TEAPOT": 418,
    "I_AM_A_TEAPOT": 418,
    "IM_A_TEAPOT": 418,
    "UNPROCESSABLE_ENTITY": 422,
    "UNPROCESSABLE_CONTENT": 422,
    "PRECON_FAILED": 412,
    "INTERNAL_ERROR": 500,
    "BAD_METHOD": 405,
    "UNSUPPORTED_TYPE": 415,
    "UNAVAILABLE": 503,
    "MOVED_PERM": 301,
    "MOVED_TEMP": 302,
    "FOUND": 302,
    "MULT_CHOICE": 300,
    "CLIENT_TIMEOUT": 408,
    "PROXY_AUTH": 407,
    "VERSION": 505,
    "HTTP_VERSION_NOT_SUPPORTED": 505,
    "NOT_AUTHORITATIVE": 203,
    "RESET": 205,
    "PARTIAL": 206,
    "OK": 200,
    "TOO_MANY_REQUESTS": 429,
    "REQUEST_HEADER_FIELDS_TOO_LARGE": 431,
    "UNAVAILABLE_FOR_LEGAL_REASONS": 451,
    "CLIENT_CLOSED_REQUEST": 499,
    "INSUFFICIENT_STORAGE": 507,
    "METHOD_FAILURE": 420,
}

_STATUSES: dict[str, int] = {_key(status.name): status.value for status in HTTPStatus}
_STATUSES.update({_key(name): value for name, value in _ALIASES.items()})

# Qualifiers that say the name after them is a status: HttpStatus.X, Status.X, http.X...
_QUALIFIERS = frozenset(
    {
        "http",
        "httpstatus",
        "httpstatuses",
        "status",
        "statuses",
        "statuscode",
        "statuscodes",
        "httpstatuscode",
        "httpresponsestatus",
        "responsestatus",
        "httpurlconnection",
        "httpservletresponse",
        "httpcodes",
        "httpcode",
    }
)
# Prefixes that say the name is a status, longest first (Go's Status..., Java's HTTP_...).
_PREFIXES = ("httpstatus", "status", "http", "sc")


def resolve_status_name(parts: list[str] | tuple[str, ...]) -> int | None:
    """The HTTP status a dotted name (``["http", "StatusNotFound"]``) stands for, or None.

    The last part is the name; the part before it, if any, its qualifier. Method calls after
    the name (Spring's ``HttpStatus.NOT_FOUND.value()``) are the caller's to strip.
    """
    if not parts:
        return None
    name = parts[-1]
    qualified = len(parts) > 1 and _key(parts[-2]) in _QUALIFIERS
    key = _key(name)
    for prefix in _PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix):
            # Go's StatusNotFound, Java's HTTP_NOT_FOUND, SC_NOT_FOUND: "Status" must be
            # followed by an upper-case letter, "HTTP" and "SC" by an underscore
            rest = name[len(prefix) :]
            if not (rest[:1].isupper() if prefix in {"status", "httpstatus"} else rest[:1] == "_"):
                continue
            found = _STATUSES.get(key[len(prefix) :])
            if found is not None:
                return found
    if qualified:
        return _STATUSES.get(key)
    return None
