"""Python exception classes that carry an error code (moto, localstack and the like).

Python servers define an error as a class: the code, the status and the message are class
attributes (``code = "NoSuchKey"``, ``status_code: int = 404``, ``message = "..."``) or the
arguments the class passes to its base (``super().__init__("NoSuchKey", "The key...")``).
The status is often inherited (``class BucketError(ServiceError): status = 404``), so
:func:`read_classes` only collects each class; :func:`resolve_classes` follows base classes
across the whole tree. A class defines an error only when it names its code itself: a code
inherited from a base class is the base's, not the subclass's.

Python's own :mod:`ast` parses the file (a real parser, like the lexer for other languages);
a file it cannot parse is left to the token readers.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sphinx_awserrors.convert.source.shapes import Definition, is_code
from sphinx_awserrors.convert.source.status import resolve_status_name

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = ["PythonClass", "read_classes", "resolve_classes"]

_CODE_ATTRIBUTES = frozenset({"code", "error_code", "error_type", "errorcode", "aws_code"})
_STATUS_ATTRIBUTES = frozenset(
    {"status", "status_code", "http_status", "http_status_code", "httpstatus", "http_code"}
)
_MESSAGE_ATTRIBUTES = frozenset({"message", "description", "msg", "error_message", "detail"})


@dataclass
class PythonClass:
    """What one class statement says about an error: its own attributes and its bases."""

    name: str
    file: str
    line: int
    bases: tuple[str, ...]
    code: str | None = None
    status: int | None = None
    message: str | None = None
    #: the code, status and message this class sets itself (not inherited)
    own: set[str] = field(default_factory=set)


def _dotted(node: ast.expr) -> list[str]:
    if isinstance(node, ast.Name):
        return [node.id]
    if isinstance(node, ast.Attribute):
        return [*_dotted(node.value), node.attr]
    return []


def _status(node: ast.expr) -> int | None:
    if isinstance(node, ast.Constant) and type(node.value) is int and 100 <= node.value <= 599:
        return node.value
    parts = _dotted(node)
    for size in range(len(parts), 0, -1):
        found = resolve_status_name(parts[:size])
        if found is not None:
            return found
    return None


def _string(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _set(info: PythonClass, name: str, node: ast.expr) -> None:
    key = name.lower()
    text = _string(node)
    if key in _CODE_ATTRIBUTES and text is not None and is_code(text):
        info.code = text
        info.own.add("code")
    elif key in _STATUS_ATTRIBUTES or key == "code":
        status = _status(node)
        if status is not None:
            info.status = status
            info.own.add("status")
    elif key in _MESSAGE_ATTRIBUTES and text is not None and text.strip():
        info.message = " ".join(text.split())
        info.own.add("message")


def _base_call(node: ast.AST) -> ast.Call | None:
    """``super().__init__(...)`` or ``Base.__init__(self, ...)`` inside ``__init__``."""
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return None
    if node.func.attr != "__init__":
        return None
    return node


def _read_init(info: PythonClass, function: ast.FunctionDef) -> None:
    for node in ast.walk(function):
        call = _base_call(node)
        if call is None:
            continue
        strings = [s for s in (_string(arg) for arg in call.args) if s is not None]
        if "code" not in info.own and strings and is_code(strings[0]):
            info.code = strings[0]
            info.own.add("code")
            strings = strings[1:]
        if "message" not in info.own:
            text = next((s for s in strings if " " in s.strip()), None)
            if text:
                info.message = " ".join(text.split())
                info.own.add("message")
        for keyword in call.keywords:
            if keyword.arg:
                _set(info, keyword.arg, keyword.value)
        # self.code = "X" after the call is handled by the attribute assignments below
    for node in ast.walk(function):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if (
                    isinstance(target, ast.Attribute)
                    and isinstance(target.value, ast.Name)
                    and target.value.id == "self"
                ):
                    _set(info, target.attr, node.value)


def _class_statements(body: list[ast.stmt]) -> Iterator[ast.ClassDef]:
    """The class statements of *body*, and of the classes and blocks in it (not of functions:
    an exception class defined inside a function is rare, and walking every expression of a
    large module costs more than the rest of reading it)."""
    for statement in body:
        if isinstance(statement, ast.ClassDef):
            yield statement
            yield from _class_statements(statement.body)
        elif isinstance(statement, ast.If | ast.Try | ast.With):
            yield from _class_statements(statement.body)
            for block in ("orelse", "finalbody"):
                yield from _class_statements(getattr(statement, block, []))
            for handler in getattr(statement, "handlers", []):
                yield from _class_statements(handler.body)


def read_classes(text: str, file: str) -> list[PythonClass] | None:
    """The classes of the Python module *text*, or None when it does not parse."""
    try:
        tree = ast.parse(text, filename=file)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    found: list[PythonClass] = []
    for node in _class_statements(tree.body):
        bases = tuple(".".join(_dotted(base)) for base in node.bases if _dotted(base))
        info = PythonClass(node.name, file, node.lineno, bases)
        for statement in node.body:
            if isinstance(statement, ast.Assign):
                for target in statement.targets:
                    if isinstance(target, ast.Name):
                        _set(info, target.id, statement.value)
            elif (
                isinstance(statement, ast.AnnAssign)
                and isinstance(statement.target, ast.Name)
                and statement.value is not None
            ):
                _set(info, statement.target.id, statement.value)
        for statement in node.body:
            if isinstance(statement, ast.FunctionDef) and statement.name == "__init__":
                _read_init(info, statement)
        found.append(info)
    return found


def resolve_classes(classes: Iterable[PythonClass]) -> list[Definition]:
    """The error definitions of *classes*, statuses and messages inherited along their bases.

    A base is looked up by its last name, in the same file first, then anywhere in the tree.
    """
    every = list(classes)
    by_name: dict[str, list[PythonClass]] = {}
    for info in every:
        by_name.setdefault(info.name, []).append(info)

    def base_of(info: PythonClass, name: str) -> PythonClass | None:
        candidates = by_name.get(name.rsplit(".", 1)[-1], [])
        same = [c for c in candidates if c.file == info.file and c is not info]
        others = same or [c for c in candidates if c is not info]
        return others[0] if others else None

    def inherited(info: PythonClass, attribute: str, seen: set[int]) -> object:
        if attribute in info.own:
            return getattr(info, attribute)
        seen.add(id(info))
        for name in info.bases:
            base = base_of(info, name)
            if base is not None and id(base) not in seen:
                value = inherited(base, attribute, seen)
                if value is not None:
                    return value
        return None

    definitions: list[Definition] = []
    for info in every:
        if "code" not in info.own or info.code is None:
            continue
        status = inherited(info, "status", set())
        message = inherited(info, "message", set())
        definitions.append(
            Definition(
                info.code,
                status if isinstance(status, int) else None,
                message if isinstance(message, str) else None,
                info.file,
                info.line,
                "class",
            )
        )
    return definitions
