"""Error definitions in a token stream: keyed records, constructor calls, code constants.

Servers written in different languages define their errors in a handful of shapes, and the
readers here look for the shape, not for one project's names:

``fields``
    A record whose fields name a code, a status or a message: Go's ``APIError{Code:
    "NoSuchKey", Description: "...", HTTPStatusCode: http.StatusNotFound}``, a JavaScript or
    TypeScript object ``{ code: 404, description: '...' }`` bound to the code's name
    (``NoSuchKey: {...}``, ``const NoSuchKey: ErrorFormat = {...}``), a call with keyword
    arguments ``Error(code="NoSuchKey", status=404)``, C's ``.code = "NoSuchKey"``.
``arguments``
    A constructor or enum constant whose arguments are a code, a status and a message in any
    order: ``NO_SUCH_KEY("NoSuchKey", "The key...", HTTP_NOT_FOUND)``, ``new
    S3Exception(404, "NoSuchKey", "...")``. A call counts when it has a status, or when its
    callee names an error (``Error``, ``Exception``, ``Fault``...) or is an enum constant.
``constant``
    A constant whose name says it is an error code: ``ErrCodeNoSuchKey = "NoSuchKey"``.

A code is a string literal of one word that starts with a capital and has a lower-case letter
(``NoSuchKey``, ``Throttling``; a dotted or ``#``-qualified name is allowed). A status is a
number from 100 to 599 or a name :mod:`.status` resolves; a name it cannot resolve is kept
(``status_name``) for the tree's integer constants to resolve later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sphinx_awserrors.convert.source.status import resolve_status_name

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx_awserrors.convert.source.lexer import Tok

__all__ = [
    "Definition",
    "Unreadable",
    "constants",
    "find_definitions",
    "is_code",
]

_CODE = re.compile(r"^[A-Z][A-Za-z0-9]*(?:[.:#][A-Za-z][A-Za-z0-9]*)*$")
_LOWER = re.compile(r"[a-z]")
_ERROR_NAME = re.compile(r"(?i)err|exception|fault|failure|problem")
_CODE_CONSTANT = re.compile(
    r"^(?:err|error)(?:code)?[_A-Z]|(?i:errcode|errorcode|error_code|err_code)|"
    r"(?:Code|Error|Exception|_CODE|_ERROR)$"
)
# a name that may stand for a status: Status/HTTP in it, or a constant's ALL_CAPS spelling
_STATUSISH = re.compile(r"[Ss]tatus|STATUS|[Hh]ttp|HTTP|^SC_|^[A-Z][A-Z0-9]*_[A-Z0-9_]+$")
_KEYWORDS = frozenset(
    {
        "if",
        "for",
        "while",
        "switch",
        "return",
        "func",
        "function",
        "def",
        "catch",
        "elif",
        "match",
        "case",
        "sizeof",
        "typeof",
        "await",
        "assert",
        "print",
        "println",
        "printf",
        "Printf",
        "Println",
        "Sprintf",
        "format",
        "equals",
        "contains",
        "startsWith",
        "endsWith",
        "get",
        "set",
        "put",
        "add",
        "append",
        "log",
        "info",
        "debug",
        "warn",
        "warning",
        "trace",
    }
)

_LOGGING = frozenset({"error", "errorf", "errorln", "exception", "fatal", "fatalf", "critical"})
_CODE_KEYS = frozenset(
    {"code", "errorcode", "errcode", "awscode", "s3code", "errortype", "errorname", "codename"}
)
_STATUS_KEYS = frozenset(
    {
        "status",
        "statuscode",
        "httpstatus",
        "httpstatuscode",
        "httpcode",
        "responsecode",
        "httpresponsecode",
        "statusnumber",
        "httpstatusnumber",
    }
)
_MESSAGE_KEYS = frozenset(
    {"description", "message", "msg", "errormessage", "desc", "reason", "detail", "text"}
)
_STATUS_ACCESSORS = frozenset({"value", "code", "getCode", "getStatusCode", "statusCode"})
_OPENERS = {"(": ")", "[": "]", "{": "}"}


@dataclass(frozen=True)
class Definition:
    """One error definition found in a source file."""

    code: str
    status: int | None
    message: str | None
    file: str
    line: int
    #: ``fields``, ``arguments``, ``constant`` or ``class``
    shape: str
    #: the name that stands for the status when it is not (yet) resolved to a number
    status_name: str | None = None
    #: the name of the constant that holds the message, when it is not (yet) resolved
    message_name: str | None = None


@dataclass(frozen=True)
class Unreadable:
    """A definition that was recognised but could not be read, and why."""

    file: str
    line: int
    message: str


def is_code(text: str) -> bool:
    """Whether *text* looks like an error code (``NoSuchKey``, ``Throttling``)."""
    return 2 < len(text) <= 100 and bool(_CODE.match(text)) and bool(_LOWER.search(text))


def _key(name: str) -> str:
    return name.replace("_", "").replace("-", "").lower()


def _pairs(tokens: Sequence[Tok]) -> dict[int, int]:
    """Matching brackets: the index of each opener's closer (unbalanced ones are left out)."""
    stack: list[int] = []
    pairs: dict[int, int] = {}
    for index, token in enumerate(tokens):
        if token.kind != "op":
            continue
        if token.text in _OPENERS:
            stack.append(index)
        elif token.text in {")", "]", "}"}:
            while stack and _OPENERS[tokens[stack[-1]].text] != token.text:
                stack.pop()  # an unclosed bracket (a lexer mistake): skip it
            if stack:
                pairs[stack.pop()] = index
    return pairs


def _items(tokens: Sequence[Tok], pairs: dict[int, int], start: int, end: int) -> list[range]:
    """The top-level comma-separated items between *start* and *end* (exclusive)."""
    items: list[range] = []
    first = index = start
    while index < end:
        token = tokens[index]
        if token.kind == "op" and token.text in _OPENERS and index in pairs:
            index = pairs[index] + 1
            continue
        if token.kind == "op" and token.text in {",", ";"}:
            if index > first:
                items.append(range(first, index))
            first = index + 1
        index += 1
    if end > first:
        items.append(range(first, end))
    return items


@dataclass(frozen=True)
class _Value:
    kind: str  # "str", "num", "name", "other"
    text: str = ""
    parts: tuple[str, ...] = ()


def _value(tokens: Sequence[Tok], span: range) -> _Value:
    values = [tokens[i] for i in span]
    if not values:
        return _Value("other")
    if values[-1].kind == "str" and all(
        (v.kind == "str") if n % 2 == 0 else (v.kind == "op" and v.text == "+")
        for n, v in enumerate(values)
    ):
        return _Value("str", "".join(v.text for v in values if v.kind == "str"))
    if len(values) == 1 and values[0].kind == "num":
        return _Value("num", values[0].text)
    parts: list[str] = []
    for n, value in enumerate(values):
        if value.kind == "name" and (n % 2 == 0):
            parts.append(value.text)
        elif value.kind == "op" and value.text in {".", "::", "?."} and n % 2 == 1:
            continue
        elif value.kind == "op" and value.text == "(" and parts:
            break  # HttpStatus.NOT_FOUND.value(): the name before the call
        elif value.kind == "op" and value.text == "!" and n == len(values) - 1:
            break
        else:
            return _Value("other", " ".join(v.text for v in values))
    return _Value("name", ".".join(parts), tuple(parts)) if parts else _Value("other")


def _number(text: str) -> int | None:
    try:
        return int(text.rstrip("uUlL").replace("_", ""), 0)
    except ValueError:
        return None


def _status(value: _Value, known: dict[str, int]) -> tuple[int | None, str | None]:
    """(status, unresolved name) of a value."""
    if value.kind == "num":
        number = _number(value.text)
        return (number, None) if number is not None and 100 <= number <= 599 else (None, None)
    if value.kind != "name":
        return None, None
    for size in range(len(value.parts), 0, -1):
        found = resolve_status_name(value.parts[:size])
        if found is not None:
            return found, None
    if len(value.parts) >= 2 and value.parts[-1] in _STATUS_ACCESSORS:
        # NOT_FOUND.value(): a status enum's constant, its class imported statically
        found = resolve_status_name(("HttpStatus", value.parts[-2]))
        if found is not None:
            return found, None
    if value.parts[-1] in known:
        return known[value.parts[-1]], None
    return None, value.parts[-1]


def _message(text: str) -> str:
    return " ".join(text.split())


def _binding_name(tokens: Sequence[Tok], index: int) -> str | None:
    """The name a record at *index* is bound to: ``Name: {``, ``Name = {``, ``Name: T = {``."""
    if index < 2:
        return None
    before = tokens[index - 1]
    if before.kind == "op" and before.text == ":" and tokens[index - 2].kind in {"name", "str"}:
        return tokens[index - 2].text
    if before.kind == "op" and before.text in {"=", ":="}:
        if index >= 4 and tokens[index - 3].kind == "op" and tokens[index - 3].text == ":":
            return tokens[index - 4].text if tokens[index - 4].kind == "name" else None
        if tokens[index - 2].kind == "name":
            return tokens[index - 2].text
    return None


def _keyed(
    tokens: Sequence[Tok],
    pairs: dict[int, int],
    opener: int,
    items: list[range],
    file: str,
    known: dict[str, int],
    strings: dict[str, str],
    unreadable: list[Unreadable],
) -> Definition | None:
    code: str | None = None
    code_name: str | None = None
    status: int | None = None
    status_name: str | None = None
    numeric_code: int | None = None
    message: str | None = None
    message_name: str | None = None
    fields = 0
    for item in items:
        first = item.start
        if tokens[first].kind == "op" and tokens[first].text == "." and len(item) > 2:
            first += 1  # C's designated initialiser: .code = "..."
        if len(range(first, item.stop)) < 3:
            continue
        key_token, separator = tokens[first], tokens[first + 1]
        if key_token.kind not in {"name", "str"}:
            continue
        if separator.kind != "op" or separator.text not in {":", "=", "=>"}:
            continue
        key = _key(key_token.text)
        value = _value(tokens, range(first + 2, item.stop))
        if key in _CODE_KEYS:
            fields += 1
            if value.kind == "str":
                code = value.text
            elif value.kind == "num":
                numeric_code = _number(value.text)
            elif value.kind == "name":
                if value.parts[-1] in strings:
                    code = strings[value.parts[-1]]
                else:
                    code_name = value.text
        elif key in _STATUS_KEYS:
            fields += 1
            status, status_name = _status(value, known)
        elif key in _MESSAGE_KEYS and value.kind == "str":
            fields += 1
            message = _message(value.text)
        elif key in _MESSAGE_KEYS and value.kind == "name":
            fields += 1
            if value.parts[-1] in strings:
                message = _message(strings[value.parts[-1]])
            else:
                message_name = value.parts[-1]
    if not fields:
        return None
    line = tokens[opener].line
    if numeric_code is not None and status is None:
        if 100 <= numeric_code <= 599:
            status = numeric_code  # Arsenal's { code: 404, description: ... }
        elif code is None and message:
            bound = _binding_name(tokens, opener)
            if bound and is_code(bound):
                unreadable.append(
                    Unreadable(
                        file,
                        line,
                        f"{bound}: status {numeric_code} is not an HTTP status (100-599); not read",
                    )
                )
            return None
    if code is None and code_name is None and (status is not None or status_name) and message:
        bound = _binding_name(tokens, opener)
        if bound and is_code(bound):
            return Definition(bound, status, message, file, line, "fields", status_name)
        return None
    if code is None:
        if code_name and (status is not None or message):
            unreadable.append(
                Unreadable(
                    file,
                    line,
                    f"an error definition whose code is the expression {code_name}, not a "
                    "string; not read",
                )
            )
        return None
    if not is_code(code):
        if status is not None or message:
            unreadable.append(
                Unreadable(
                    file, line, f"an error definition with code {code!r}, not a code word; not read"
                )
            )
        return None
    return Definition(
        code, status, message, file, line, "fields", status_name, None if message else message_name
    )


def _callee(tokens: Sequence[Tok], opener: int) -> tuple[list[str], int] | None:
    """The dotted name called at *opener* and the index of its first token."""
    index = opener - 1
    if index < 0 or tokens[index].kind != "name":
        return None
    parts = [tokens[index].text]
    while index >= 2 and tokens[index - 1].kind == "op" and tokens[index - 1].text in {".", "::"}:
        if tokens[index - 2].kind != "name":
            break
        index -= 2
        parts.insert(0, tokens[index].text)
    return parts, index


def _positional(
    tokens: Sequence[Tok],
    opener: int,
    items: list[range],
    file: str,
    known: dict[str, int],
    uses: list[tuple[str, int]],
    unreadable: list[Unreadable],
    error_file: bool,
) -> Definition | None:
    found = _callee(tokens, opener)
    if found is None:
        return None
    parts, first = found
    if parts[-1] in _KEYWORDS:
        return None
    values = [_value(tokens, item) for item in items]
    codes = [v.text for v in values if v.kind == "str" and is_code(v.text)]
    strings = [v.text for v in values if v.kind == "str"]
    if not codes and not (len(strings) >= 2 and len(strings[0]) <= 60):
        return None
    # the called name says it makes an error (NewError, OS3Exception, new APIError); a
    # logger's method (log.error, glog.Errorf) or an ALL_CAPS constant does not
    callee = parts[-1]
    error_like = (
        bool(_ERROR_NAME.search(callee))
        and callee.upper() != callee
        and not (len(parts) > 1 and callee.lower() in _LOGGING)
    )
    before = tokens[first - 1] if first else None
    # an enum constant (NO_SUCH_KEY("NoSuchKey", ...)) of a file named after errors
    enum_constant = (
        error_file
        and len(parts) == 1
        and parts[0].upper() == parts[0]
        and (before is None or (before.kind == "op" and before.text in {"{", ",", ";", ")"}))
    )
    evidence = error_like or enum_constant
    if error_like and values[0].kind == "str" and is_code(values[0].text):
        uses.append((values[0].text, tokens[opener].line))  # the constructor's code argument
    status: int | None = None
    status_name: str | None = None
    named_status = False
    for value in values:
        number, name = _status(value, known)
        if number is not None:
            status, status_name, named_status = number, None, value.kind == "name"
            break
        if name and status_name is None and _STATUSISH.search(name):
            status_name = name
    message = next(
        (_message(v.text) for v in values if v.kind == "str" and " " in v.text.strip()), None
    )
    if status is not None and status < 300:
        return None  # a success or informational status: not an error
    if status is not None:
        accepted = (named_status and (message is not None or evidence)) or evidence
    else:
        accepted = evidence and message is not None
    if not accepted:
        return None
    if not codes:
        if status is not None:
            unreadable.append(
                Unreadable(
                    file,
                    tokens[opener].line,
                    f"an error definition with code {strings[0]!r}, not a code word; not read",
                )
            )
        return None
    return Definition(
        codes[0], status, message, file, tokens[opener].line, "arguments", status_name
    )


def _constants(tokens: Sequence[Tok], file: str) -> list[Definition]:
    found: list[Definition] = []
    for index in range(1, len(tokens) - 1):
        token = tokens[index]
        if token.kind != "op" or token.text not in {"=", ":="}:
            continue
        name, value = tokens[index - 1], tokens[index + 1]
        if name.kind != "name" or value.kind != "str" or not is_code(value.text):
            continue
        after = tokens[index + 2] if index + 2 < len(tokens) else None
        if after is not None and after.kind == "op" and after.text in {"+", ".", "("}:
            continue
        if _CODE_CONSTANT.search(name.text):
            found.append(Definition(value.text, None, None, file, value.line, "constant"))
    return found


def constants(tokens: Sequence[Tok]) -> tuple[dict[str, int], dict[str, str]]:
    """The integer constants from 100 to 599 and the string constants of a file.

    ``NAME = 416`` in any language's spelling (``static final int NAME = 416;``, ``NAME: int =
    416``, Go's ``NAME = 416`` in a const block): the names a definition may use for a status,
    its code or its message.
    """
    numbers: dict[str, int] = {}
    strings: dict[str, str] = {}
    for index in range(1, len(tokens) - 1):
        token = tokens[index]
        if token.kind != "op" or token.text not in {"=", ":="}:
            continue
        name, value = tokens[index - 1], tokens[index + 1]
        if name.kind != "name":
            continue
        after = tokens[index + 2] if index + 2 < len(tokens) else None
        if after is not None and after.kind == "op" and after.text not in {";", ",", ")", "}"}:
            continue
        if value.kind == "num":
            number = _number(value.text)
            if number is not None and 100 <= number <= 599:
                numbers.setdefault(name.text, number)
        elif value.kind == "str":
            strings.setdefault(name.text, value.text)
    return numbers, strings


@dataclass
class FileDefinitions:
    """What :func:`find_definitions` found in one file."""

    definitions: list[Definition]
    unreadable: list[Unreadable]
    #: code arguments of calls to error constructors, (code, line): for coverage
    uses: list[tuple[str, int]]


def find_definitions(
    tokens: Sequence[Tok],
    file: str,
    known: dict[str, int] | None = None,
    strings: dict[str, str] | None = None,
) -> FileDefinitions:
    """The error definitions in the tokens of *file*.

    *known* maps names to statuses (integer constants of the tree), *strings* names to codes.
    """
    known = known if known is not None else {}
    strings = strings if strings is not None else {}
    pairs = _pairs(tokens)
    stem = re.split(r"[\\/]", file)[-1].rsplit(".", 1)[0]
    error_file = bool(_ERROR_NAME.search(stem) or "code" in stem.lower())
    definitions: list[Definition] = []
    unreadable: list[Unreadable] = []
    uses: list[tuple[str, int]] = []
    for opener, closer in sorted(pairs.items()):
        if tokens[opener].text not in {"(", "{"}:
            continue
        items = _items(tokens, pairs, opener + 1, closer)
        if not items:
            continue
        definition = _keyed(tokens, pairs, opener, items, file, known, strings, unreadable)
        if definition is None and tokens[opener].text == "(":
            definition = _positional(
                tokens, opener, items, file, known, uses, unreadable, error_file
            )
        if definition is not None:
            definitions.append(definition)
    taken = {(d.code, d.line) for d in definitions}
    definitions += [d for d in _constants(tokens, file) if (d.code, d.line) not in taken]
    return FileDefinitions(definitions, unreadable, uses)
