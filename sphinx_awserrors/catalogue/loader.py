"""The catalogue file loaders: YAML, TOML and JSON read with the line of every entry and field.

:func:`load_file` reads one file into entries and problems (each a
:class:`~sphinx_awserrors.catalogue.Problem` with its file and line); :func:`load_catalogue`
reads and merges the files an ``awserrors_catalogue`` value names. Neither raises for bad input.
No Sphinx import here: the command-line tools reuse this module.
"""

from __future__ import annotations

import bisect
import contextlib
import difflib
import hashlib
import json
import os
import re
import tomllib
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from sphinx_awserrors._gc import gc_paused
from sphinx_awserrors.catalogue import bundled, safe_io
from sphinx_awserrors.catalogue.bundled import BUNDLED
from sphinx_awserrors.catalogue.model import (
    DIFFERS_KEYS,
    FIELDS,
    REQUIRED_FIELDS,
    Catalogue,
    CatalogueFile,
    ErrorEntry,
    LoadResult,
    Problem,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    # bound at run time by _import_yaml, when the first YAML file is parsed
    import yaml  # noqa: TC004


#: File suffixes the loaders understand, and the format each names.
FORMATS: dict[str, str] = {".yaml": "yaml", ".yml": "yaml", ".toml": "toml", ".json": "json"}


#: Keys allowed at the top level of a catalogue file besides ``errors``.
TOP_LEVEL_KEYS: tuple[str, ...] = ("errors", "$schema")


_LIST_FIELDS: tuple[str, ...] = ("tags", "see_also", "ignore")


# A parsed document with positions, the same shape for the three formats: a mapping keeps its
# pairs as a list (so a duplicate key is still visible), each with the line of its key.
class _Node:
    __slots__ = ("items", "kind", "line", "pairs", "value")

    def __init__(
        self,
        kind: str,  # "map", "seq" or "scalar"
        line: int | None,
        value: Any = None,
        items: list[_Node] | None = None,
    ) -> None:
        self.kind = kind
        self.line = line
        self.value = value
        self.items: list[_Node] = items if items is not None else []
        self.pairs: list[tuple[Any, _Node, int | None]] = []


class _FileError(Exception):
    """A problem that stops the reading of one file (the message of a fatal :class:`Problem`)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def _describe(value: object) -> str:
    """A short phrase naming the type of *value*, for messages."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, int):
        if value.bit_length() > 64:  # str() of a very long int raises; nobody reads it anyway
            return f"an integer of about {int(value.bit_length() * 0.30103) + 1} digits"
        return f"an integer ({value})"
    if isinstance(value, _LongNumber):
        return f"a number of {value.digits} digits"
    if isinstance(value, float):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"the string {_shown(value)}"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__}"


def _node_kind(node: _Node) -> str:
    if node.kind == "map":
        return "a mapping"
    if node.kind == "seq":
        return "a list"
    return _describe(node.value)


def _did_you_mean(word: str, choices: Sequence[str]) -> str:
    match = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"; did you mean {match[0]!r}?" if match else f" (allowed: {', '.join(choices)})"


def _import_yaml() -> None:
    """Import PyYAML: only a build or command that reads a YAML file needs it (its import costs
    about 10 ms, most of it a regular expression of its pure-Python reader)."""
    global yaml  # the module's name for PyYAML, bound on first use
    import yaml


_MERGE_TAG = "tag:yaml.org,2002:merge"


def _parse_yaml(text: str) -> _Node | None:
    _import_yaml()
    loader: yaml.SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            parts = [p for p in (exc.context, exc.problem) if p]
            detail = ", ".join(parts) if parts else str(exc)
            lines = _yaml_lines(text)
            # the C parser may put an error at the end of the stream, one line past the last
            if mark is None:
                line = None
            elif lines:
                line = lines[min(mark.line, len(lines) - 1)]
            else:
                line = mark.line + 1
            raise _FileError(f"YAML syntax error: {detail}", line) from None
        except yaml.reader.ReaderError as exc:  # a character YAML does not allow
            line = text.count("\n", 0, exc.position) + 1
            char = exc.character if isinstance(exc.character, int) else ord(exc.character)
            raise _FileError(
                f"YAML syntax error: unacceptable character #x{char:04x}: {exc.reason}", line
            ) from None
        except yaml.YAMLError as exc:
            raise _FileError(f"YAML syntax error: {str(exc).splitlines()[0]}") from None
        if root is None:
            return None
        result = _yaml_node(loader, root, set())
    finally:
        loader.dispose()
    lines = _yaml_lines(text)
    if lines is not None:
        _renumber(result, lines, set())
    return result


# YAML also breaks lines at NEL, LS and PS, which a string may hold; editors, grep and the
# other formats' messages count only CR/LF line ends.
_YAML_ODD_BREAKS: tuple[str, ...] = ("\x85", "\u2028", "\u2029")


_YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _yaml_lines(text: str) -> list[int] | None:
    """For each line as YAML counts them, the line as an editor does; None when the same."""
    if not any(char in text for char in _YAML_ODD_BREAKS):
        return None
    real = 1
    lines = [1]
    for match in _YAML_BREAK.finditer(text):
        if match.group() not in _YAML_ODD_BREAKS:
            real += 1
        lines.append(real)
    return lines


def _renumber(node: _Node, lines: list[int], seen: set[int]) -> None:
    """Give *node* and everything under it the lines of :func:`_yaml_lines`."""
    if id(node) in seen:  # an alias: the same node again
        return
    seen.add(id(node))
    last = len(lines) - 1
    if node.line:
        node.line = lines[min(node.line - 1, last)]
    node.pairs = [(k, v, lines[min(line - 1, last)] if line else line) for k, v, line in node.pairs]
    for child in (*node.items, *(v for _, v, _ in node.pairs)):
        _renumber(child, lines, seen)


_STR_TAG = "tag:yaml.org,2002:str"


def _yaml_node(
    loader: yaml.SafeLoader,
    node: yaml.Node,
    active: set[int],
    done: dict[int, _Node] | None = None,
) -> _Node:
    """Convert a composed YAML node; *active* guards against recursion, *done* memoises
    nodes reached again through aliases (a merged mapping is flattened only once)."""
    line = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _STR_TAG:  # the common case, without the constructor's dispatch
            return _Node("scalar", line, node.value)
        try:
            value = loader.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise _FileError(f"YAML value error: {problem}", line) from None
        except (ValueError, TypeError, KeyError, IndexError, OverflowError):
            # an explicit tag on a value it cannot take (!!bool maybe, an empty !!float) or
            # an integer longer than Python converts: PyYAML's constructors raise plain errors
            raise _FileError(
                f"YAML value error: {_shown(node.value)} is not a valid "
                f"{node.tag.rpartition(':')[2]} value",
                line,
            ) from None
        return _Node("scalar", line, value)
    done = {} if done is None else done
    key_id = id(node)
    if key_id in done:
        return done[key_id]
    if key_id in active:
        raise _FileError("YAML alias refers to itself (a recursive structure)", line)
    active.add(key_id)
    if isinstance(node, yaml.SequenceNode):
        result = _Node("seq", line, items=[_yaml_node(loader, n, active, done) for n in node.value])
    else:
        assert isinstance(node, yaml.MappingNode)
        result = _yaml_mapping(loader, node, line, active, done)
    active.discard(key_id)
    done[key_id] = result
    return result


def _yaml_mapping(
    loader: yaml.SafeLoader,
    node: yaml.MappingNode,
    line: int,
    active: set[int],
    done: dict[int, _Node],
) -> _Node:
    result = _Node("map", line)
    if not any(key.tag == _MERGE_TAG for key, _ in node.value):
        for key_node, value_node in node.value:
            key = _yaml_node(loader, key_node, active, done)
            result.pairs.append(
                (_key_value(key), _yaml_node(loader, value_node, active, done), key.line)
            )
        return result
    own_count = sum(1 for key, _ in node.value if key.tag != _MERGE_TAG)
    try:
        loader.flatten_mapping(node)  # resolves `<<: *anchor` merge keys
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise _FileError(f"YAML merge error: {problem}", line) from None
    merged = node.value[: len(node.value) - own_count]
    own = node.value[len(node.value) - own_count :]
    own_keys = [_yaml_node(loader, k, active, done) for k, _ in own]
    seen: set[object] = {_key_value(k) for k in own_keys if _hashable(k.value)}
    kept: list[tuple[Any, _Node, int | None]] = []
    # a key given explicitly overrides a merged one, and a later merged key an earlier one
    # (PyYAML's flattened order); neither is a duplicate
    for key_node, value_node in reversed(merged):
        key = _yaml_node(loader, key_node, active, done)
        value = _key_value(key)
        if _hashable(value):
            if value in seen:
                continue
            seen.add(value)
        kept.append((value, _yaml_node(loader, value_node, active, done), key.line))
    result.pairs.extend(reversed(kept))
    for key, (_, value_node) in zip(own_keys, own, strict=True):
        result.pairs.append(
            (_key_value(key), _yaml_node(loader, value_node, active, done), key.line)
        )
    return result


class _ComplexKey:
    """A YAML key that is a list or a mapping (``? [a, b]``): no name, and never equal to
    another key."""

    __slots__ = ("kind",)

    def __init__(self, kind: str) -> None:
        self.kind = kind  # "a list" or "a mapping"


def _key_value(key: _Node) -> Any:
    """The value of a YAML key node: its scalar, or a :class:`_ComplexKey`."""
    return key.value if key.kind == "scalar" else _ComplexKey(_node_kind(key))


def _odd_key(key: object) -> str | None:
    """How to name a key that does not read as the name written (``None`` when it does):
    a list or mapping, a null (``~``, or nothing before the colon), a boolean (``yes``)."""
    if isinstance(key, _ComplexKey):
        return key.kind
    if key is None:
        return "null (an empty key)"
    if isinstance(key, bool):
        return _describe(key)
    return None


def _hashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


class _Pairs(list[tuple[str, Any]]):
    """A JSON object as the list of its pairs, so a duplicate key is not collapsed."""


# A string (possibly followed by the colon that makes it a key), or a bracket.
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"(\s*:)?|[{}\[\]]', re.DOTALL)


# A \u escape of a surrogate (a valid pair is two of them; json joins those into one character).
_JSON_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _surrogate(value: str) -> int:
    """The index of the first lone surrogate in *value* (which has one)."""
    return next(i for i, char in enumerate(value) if "\ud800" <= char <= "\udfff")


# JSON allows CR, LF and CR LF between tokens; an old Mac file has only CRs
_LINE_END = re.compile("\r\n|\r|\n")


def _line_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in _LINE_END.finditer(text))]


def _line_at(text: str, offset: int) -> int:
    """The 1-based line of *offset* in *text*, counting CR, LF and CR LF line ends."""
    return len(_LINE_END.findall(text, 0, offset)) + 1


#: Python converts at most this many digits to an int by default (sys.get_int_max_str_digits)
_MAX_DIGITS = 4300


class _LongNumber:
    """A JSON number too long to be a status; kept as what it is for the message."""

    def __init__(self, digits: int) -> None:
        self.digits = digits


def _json_int(text: str) -> int | _LongNumber:
    return int(text) if len(text) <= _MAX_DIGITS else _LongNumber(len(text.lstrip("-")))


def _shown(text: object) -> str:
    """*text* quoted for a message, shortened when long."""
    shown = repr(text)
    return (
        shown if len(shown) <= 40 else f"{shown[:30]}...{shown[-6:]} ({len(str(text))} characters)"
    )


def _parse_json(text: str) -> _Node:
    try:
        data = json.loads(text, object_pairs_hook=_Pairs, parse_int=_json_int)
    except json.JSONDecodeError as exc:
        raise _FileError(f"JSON syntax error: {exc.msg}", _line_at(text, exc.pos)) from None
    except RecursionError:
        raise _FileError("JSON nested too deeply") from None
    # json gives no positions; the text is valid JSON, so a scan of its strings and brackets
    # finds every object's "{" and keys in document order, the order of a pre-order walk.
    starts = _line_starts(text)
    objects: list[tuple[int, list[int]]] = []
    stack: list[list[int] | None] = []
    for match in _JSON_TOKEN.finditer(text):
        token = match.group(0)
        line = bisect.bisect_right(starts, match.start())
        if token == "{":
            keys: list[int] = []
            objects.append((line, keys))
            stack.append(keys)
        elif token == "[":
            stack.append(None)
        elif token in "}]":
            stack.pop()
        elif match.group(1) and stack and stack[-1] is not None:
            stack[-1].append(line)
    positions = iter(objects)
    # json accepts an escaped half of a surrogate pair ("\ud800") and gives a str that cannot
    # be written out; YAML and TOML reject it as a syntax error, and so does this loader
    check_surrogates = _JSON_SURROGATE_ESCAPE.search(text) is not None

    def scalar(value: Any, line: int | None) -> Any:
        if check_surrogates and isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise _FileError(
                    f"JSON syntax error: the escape \\u{ord(value[_surrogate(value)]):04x} is "
                    "half of a surrogate pair, not a character",
                    line,
                ) from None
        return value

    def build(value: Any, line: int | None) -> _Node:
        if isinstance(value, _Pairs):
            obj_line, key_lines = next(positions)
            node = _Node("map", obj_line)
            for (key, item), key_line in zip(value, key_lines, strict=True):
                node.pairs.append((scalar(key, key_line), build(item, key_line), key_line))
            return node
        if isinstance(value, list):
            return _Node("seq", line, items=[build(item, line) for item in value])
        return _Node("scalar", line, scalar(value, line))

    # a top level that is no object (null, a list) is on the line where the value starts
    return build(data, _line_at(text, len(text) - len(text.lstrip())))


_TOML_ERROR_LINE = re.compile(r"\(at line (\d+), column \d+\)")


def _toml_error(text: str, exc: tomllib.TOMLDecodeError) -> _FileError:
    message = str(exc)
    found = _TOML_ERROR_LINE.search(message)
    if found:
        line: int | None = int(found.group(1))
    elif "(at end of document)" in message:
        line = max(1, len(text.rstrip("\n").split("\n")))
    else:
        line = None
    detail = _TOML_ERROR_LINE.sub("", message).replace("(at end of document)", "").strip()
    return _FileError(
        f"TOML syntax error: {detail} (at the end of the file)"
        if found is None and line
        else f"TOML syntax error: {detail}",
        line,
    )


_TOML_ERRORS_TABLE = re.compile(r"\s*\[\[\s*(?:errors|\"errors\"|'errors')\s*\]\]")


_TOML_HEADER = re.compile(r"\s*\[")


_TOML_ERRORS_SINGLE = re.compile(r"\s*\[\s*(?:errors|\"errors\"|'errors')\s*\]")


_TOML_ERRORS_SUBTABLE = re.compile(
    r"\s*\[\[?\s*(?:errors|\"errors\"|'errors')\s*\.\s*(\"[^\"]*\"|'[^']*'|[A-Za-z0-9_$-]+)"
)


_TOML_KEY = re.compile(r"\s*(\"[^\"]*\"|'[^']*'|[A-Za-z0-9_$-]+)\s*=")


_LONG_DIGITS = re.compile(rf"[0-9_]{{{_MAX_DIGITS},}}")


def _parse_toml(text: str) -> _Node:
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise _FileError("TOML nested too deeply") from None
    except ValueError as exc:
        if isinstance(exc, tomllib.TOMLDecodeError):
            raise _toml_error(text, exc) from None
        # not a syntax error: an integer longer than Python converts by default
        found = _LONG_DIGITS.search(text)
        line = _line_at(text, found.start()) if found else None
        raise _FileError(
            f"TOML value error: an integer too long to read (more than {_MAX_DIGITS} digits)",
            line,
        ) from None
    # tomllib gives no positions: find the `[[errors]]` headers and the `key =` lines under
    # each in the text (skipping the insides of multi-line strings).
    top_lines: dict[str, int] = {}
    blocks: list[tuple[int, dict[str, int]]] = []
    current: dict[str, int] | None = top_lines
    in_string: str | None = None
    # TOML's lines end at "\n" only: str.splitlines() would also split at U+2028 and others,
    # which a string may hold, and count every later line wrong
    for number, raw in enumerate(text.split("\n"), start=1):
        if in_string:
            if raw.count(in_string) % 2 == 1:
                in_string = None
            continue
        if _TOML_ERRORS_TABLE.match(raw):
            top_lines.setdefault("errors", number)
            current = {}
            blocks.append((number, current))
            continue
        if _TOML_HEADER.match(raw):
            if _TOML_ERRORS_SINGLE.match(raw):
                top_lines.setdefault("errors", number)
            sub = _TOML_ERRORS_SUBTABLE.match(raw)
            if sub and blocks:  # [errors.tags] or [[errors.tags]]: a key of the last entry
                blocks[-1][1].setdefault(sub.group(1).strip("\"'"), number)
            current = None
            continue
        key = _TOML_KEY.match(raw)
        if key and current is not None:
            name = key.group(1).strip("\"'")
            current.setdefault(name, number)
        for quote in ('"""', "'''"):
            if raw.count(quote) % 2 == 1:
                in_string = quote
                break
    lines = text.split("\n")

    def find_code_line(code: object, after: int) -> int | None:
        # entries of an inline array (errors = [{...}, ...]): the line that gives the code
        if isinstance(code, str):
            pattern = re.compile(r"\bcode\s*=\s*[\"']" + re.escape(code) + r"[\"']")
        else:  # no code to find: the next inline table (one line each in TOML 1.0)
            pattern = re.compile(r"\{")
        for number in range(after, len(lines) + 1):
            if pattern.search(lines[number - 1]):
                return number
        return None

    def build(value: Any, line: int | None, key_lines: dict[str, int]) -> _Node:
        if isinstance(value, dict):
            node = _Node("map", line)
            for key, item in value.items():
                key_line = key_lines.get(key, line)
                node.pairs.append((key, build(item, key_line, {}), key_line))
            return node
        if isinstance(value, list):
            return _Node("seq", line, items=[build(item, line, {}) for item in value])
        return _Node("scalar", line, value)

    root = build(data, 1, top_lines)
    errors_node = next((n for k, n, _ in root.pairs if k == "errors"), None)
    if errors_node is not None and errors_node.kind == "seq":
        if len(blocks) == len(errors_node.items):
            for item, (block_line, key_lines) in zip(errors_node.items, blocks, strict=True):
                item.line = block_line
                item.pairs = [(k, v, key_lines.get(k, block_line)) for k, v, _ in item.pairs]
                for _key, child, key_line in item.pairs:
                    _set_line(child, key_line)
        else:
            after = errors_node.line or 1
            for index, item in enumerate(errors_node.items):
                if item.kind != "map":
                    continue
                code = next((n.value for k, n, _ in item.pairs if k == "code"), None)
                # an entry without a code is looked for after the previous entry's line
                start = after + 1 if index and not isinstance(code, str) else after
                item.line = find_code_line(code, start) or item.line
                if item.line:
                    after = item.line
                for _, child, _ in item.pairs:
                    _set_line(child, item.line)
                item.pairs = [(k, v, item.line) for k, v, _ in item.pairs]
    return root


def _set_line(node: _Node, line: int | None) -> None:
    node.line = line
    for item in node.items:
        _set_line(item, line)


_PARSERS: dict[str, Callable[[str], _Node | None]] = {
    "yaml": _parse_yaml,
    "json": _parse_json,
    "toml": _parse_toml,
}


def parse_catalogue_text(
    text: str, file: str = "<memory>", fmt: str = "yaml"
) -> tuple[list[ErrorEntry], list[Problem]]:
    """Parse the catalogue *text* in format *fmt* (``yaml``, ``toml`` or ``json``).

    Returns the entries that could be read and the problems met; *file* names the source in
    entries and problems. Malformed entries are left out, each with its problem.
    """
    problems: list[Problem] = []
    try:
        if not text.strip():
            raise _FileError("the file is empty; a catalogue needs an 'errors' list")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:  # a lone surrogate: only from a str, never a file
            line = text.count("\n", 0, exc.start) + 1
            raise _FileError("not text: a lone surrogate character", line) from None
        with gc_paused():
            root = _PARSERS[fmt](text)
        if root is None:  # a YAML document of only comments
            raise _FileError("the file has no content; a catalogue needs an 'errors' list")
        return _entries(root, file, problems), problems
    except _FileError as exc:
        return [], [*problems, Problem(file, exc.line, exc.message, fatal=True)]


def _entries(root: _Node, file: str, problems: list[Problem]) -> list[ErrorEntry]:
    if root.kind != "map":
        hint = "; put the entries under an 'errors' key" if root.kind == "seq" else ""
        kind = "null" if root.kind == "scalar" and root.value is None else _node_kind(root)
        raise _FileError(
            f"the top level must be a mapping with an 'errors' list, not {kind}{hint}",
            root.line,
        )
    errors: _Node | None = None
    misspelt: Problem | None = None
    seen: dict[object, int | None] = {}
    for key, value, line in root.pairs:
        if key in seen:
            problems.append(
                Problem(
                    file,
                    line,
                    f"the top-level key {key!r} is given twice "
                    f"(first on line {seen[key]}); the first is used",
                )
            )
            continue
        seen[key] = line
        if key == "errors":
            errors = value
        elif (odd := _odd_key(key)) is not None:
            problems.append(
                Problem(
                    file,
                    line,
                    f"a top-level key is {odd}, not a name; the top level holds "
                    f"{', '.join(map(repr, TOP_LEVEL_KEYS))}",
                )
            )
        elif key not in TOP_LEVEL_KEYS:
            hint = _did_you_mean(str(key), TOP_LEVEL_KEYS)
            problem = Problem(file, line, f"unknown top-level key {key!r}{hint}")
            if misspelt is None and "'errors'" in hint:
                misspelt = problem
            problems.append(problem)
    if errors is None:
        if misspelt:  # report the misspelling once, as the reason nothing loads
            problems.remove(misspelt)
            raise _FileError(
                f"the top level has no 'errors' key; {misspelt.message}", misspelt.line
            )
        raise _FileError(
            "the top level has no 'errors' key; a catalogue is a mapping with an 'errors' list",
            root.line,
        )
    if errors.kind == "scalar" and errors.value is None:  # `errors:` with nothing under it
        errors = _Node("seq", errors.line)  # the same as `errors: []`
    if errors.kind != "seq":
        raise _FileError(
            f"'errors' must be a list of entries, not {_node_kind(errors)}", errors.line
        )
    if not errors.items:
        problems.append(Problem(file, errors.line, "'errors' is empty; add at least one entry"))
    first = next((item for item in errors.items if item.kind == "map"), None)
    if first is not None and {key for key, _, _ in first.pairs} >= _EXPORT_KEYS:
        raise _FileError(_EXPORTED, first.line)  # once, not an unknown key per entry
    entries: list[ErrorEntry] = []
    for index, item in enumerate(errors.items, start=1):
        entry = _entry(item, index, file, problems)
        if entry is not None:
            entries.append(entry)
    return entries


#: The keys an entry of a JSON export has that no catalogue entry has (see exporters.py).
_EXPORT_KEYS: frozenset[str] = frozenset({"reason", "description_rst"})


_EXPORTED = (
    "this is a JSON export (as 'sphinx-awserrors export' and a build's _static/awserrors.json "
    "write it: entries with 'reason' and 'description_rst'), not a catalogue; use the "
    "catalogue it was made from, or make one by keeping code, status, description_rst (as "
    "description), tags and see_also of each entry"
)


def _entry(node: _Node, index: int, file: str, problems: list[Problem]) -> ErrorEntry | None:
    """Validate one entry; on a problem with a required field append it and return None."""
    if node.kind != "map":
        problems.append(
            Problem(
                file,
                node.line,
                f"entry {index} is {_node_kind(node)}, not a mapping "
                "with code, status and description",
            )
        )
        return None
    fields: dict[str, _Node] = {}
    lines: dict[str, int] = {}
    unknown: list[tuple[str, int | None]] = []
    odd_keys: list[tuple[str, int | None]] = []
    duplicates: list[tuple[str, int | None, int | None]] = []
    for key, value, line in node.pairs:
        if (odd := _odd_key(key)) is not None:
            odd_keys.append((odd, line))
            continue
        name = str(key)
        if name in fields:
            duplicates.append((name, lines.get(name), line))
            continue
        if name not in FIELDS:
            unknown.append((name, line))
            continue
        fields[name] = value
        if line is not None:
            lines[name] = line
    code_node = fields.get("code")
    code = code_node.value if code_node is not None and isinstance(code_node.value, str) else None
    # a code with control characters is reported, not printed: it could drive a terminal
    shown = code if code is None or _invisible(code, "", _NOT_IN_CODES) is None else ascii(code)
    label = f"entry {index} ({shown})" if code else f"entry {index}"

    def report(line: int | None, message: str, name: str | None = None) -> None:
        field_name = name if name in REQUIRED_FIELDS else None
        problems.append(Problem(file, line, message, code=code, field=field_name))

    ok = True
    for name, first, again in duplicates:
        report(again, f"{label} gives {name!r} twice (first on line {first}); keep one", name)
        ok = False
    suggested: set[str] = set()
    for name, line in unknown:
        match = difflib.get_close_matches(name, FIELDS, n=1, cutoff=0.6)
        if match and match[0] not in fields:
            suggested.add(match[0])
            hint = f"; did you mean {match[0]!r}?"
        else:
            hint = f" (allowed: {', '.join(FIELDS)})"
        report(line, f"{label} has an unknown key {name!r}{hint}")
    for odd, line in odd_keys:
        report(
            line,
            f"{label} has a key that is {odd}, not a field name (allowed: {', '.join(FIELDS)})",
        )
    values: dict[str, Any] = {}
    for name in REQUIRED_FIELDS:
        value_node = fields.get(name)
        if value_node is None:
            if name not in suggested:  # the unknown-key message already said it
                report(node.line, f"{label} has no {name!r}; {_REQUIRED_HINT[name]}", name)
            ok = False
            continue
        if value_node.kind != "scalar":  # a list or mapping has no scalar value to judge
            wanted = "an integer HTTP status" if name == "status" else "a string"
            message: str | None = f"{name!r} must be {wanted}, not {_node_kind(value_node)}"
        else:
            message = _check_required(name, value_node.value)
        if message:
            report(value_node.line, f"{label}: {message}", name)
            ok = False
        elif name == "status":
            values[name] = int(value_node.value)  # 404.0 (see _check_required) is 404
        else:
            values[name] = value_node.value
    for name in _LIST_FIELDS:
        value_node = fields.get(name)
        if value_node is None:
            continue
        items = _string_list(value_node)
        if items is None:
            report(
                value_node.line,
                f"{label}: {name!r} must be a list of "
                f"non-empty strings, such as [{_LIST_EXAMPLE[name]}]; it is ignored",
            )
        else:
            values[name] = items
    _optional_fields(fields, label, values, report)
    if not ok:
        return None
    description = values["description"]
    if (bad := _invisible(description)) is not None:
        report(
            lines.get("description", node.line),
            f"{label}: 'description' contains the {bad}, which no output can show; "
            "it is shown as \N{REPLACEMENT CHARACTER}",
            "description",
        )
        description = "".join(
            "\N{REPLACEMENT CHARACTER}" if _invisible(char) else char for char in description
        )
        values["description"] = description
    return ErrorEntry(
        code=values["code"],
        status=values["status"],
        description=values["description"].rstrip("\n"),
        tags=values.get("tags", ()),
        see_also=values.get("see_also", ()),
        ignore=values.get("ignore", ()),
        differs=values.get("differs", ()),
        since=values.get("since"),
        deprecated=values.get("deprecated"),
        deprecated_reason=values.get("deprecated_reason", ""),
        file=file,
        line=node.line,
        field_lines=lines,
    )


def _version(node: _Node, label: str, name: str) -> tuple[str | None, str | None]:
    """The version string of *node* (a ``since`` or ``deprecated`` value), and a message.

    A string is the version; an integer is read as its digits; a float (``since: 1.10``
    unquoted, which YAML reads as 1.1) is kept as written by YAML but reported.
    """
    value = node.value if node.kind == "scalar" else None
    if isinstance(value, str) and value.strip():
        return value.strip(), None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value), None
    if isinstance(value, float):
        return str(value), (
            f"{label}: {name!r} is the number {value}, not a version string; quote it "
            f'({name}: "{value}"), since unquoted 1.10 reads as 1.1'
        )
    return None, (
        f'{label}: {name!r} must be a version string, such as {name}: "2.1", '
        f"not {_node_kind(node)}; it is ignored"
    )


def _optional_fields(
    fields: dict[str, _Node],
    label: str,
    values: dict[str, Any],
    report: Callable[[int | None, str], None],
) -> None:
    """Validate ``differs``, ``since`` and ``deprecated`` into *values*; report problems.

    A malformed optional field is left out with a problem; the entry is kept.
    """
    node = fields.get("differs")
    if node is not None:
        allowed = ", ".join(DIFFERS_KEYS)
        if node.kind != "map":
            report(
                node.line,
                f"{label}: 'differs' must be a mapping of what differs to why, such as "
                f'differs: {{status: "we answer 400 as Ceph does"}}, not {_node_kind(node)}; '
                "it is ignored",
            )
        else:
            pairs: list[tuple[str, str]] = []
            for key, value, line in node.pairs:
                if not isinstance(key, str) or key not in DIFFERS_KEYS:
                    shown = _odd_key(key) or repr(key)
                    hint = (
                        _did_you_mean(key, DIFFERS_KEYS)
                        if isinstance(key, str)
                        else f" (allowed: {allowed})"
                    )
                    report(line, f"{label}: 'differs' has an unknown key {shown}{hint}")
                    continue
                if any(name == key for name, _ in pairs):
                    report(line, f"{label}: 'differs' gives {key!r} twice; keep one")
                    continue
                why = value.value if value.kind == "scalar" else None
                if not isinstance(why, str) or not why.strip():
                    report(
                        value.line or line,
                        f"{label}: 'differs' {key!r} must be a non-empty reason (a string), "
                        f"not {_node_kind(value)}; it is ignored",
                    )
                    continue
                pairs.append((key, why.strip()))
            if pairs:
                values["differs"] = tuple(pairs)
    node = fields.get("since")
    if node is not None:
        version, message = _version(node, label, "since")
        if message:
            report(node.line, message)
        if version is not None:
            values["since"] = version
    node = fields.get("deprecated")
    if node is not None:
        reason = ""
        version_node: _Node | None = node
        if node.kind == "map":
            keys = {str(k): (v, line) for k, v, line in node.pairs}
            for key, (_, line) in keys.items():
                if key not in ("version", "reason"):
                    report(
                        line,
                        f"{label}: 'deprecated' has an unknown key {key!r}"
                        f"{_did_you_mean(key, ('version', 'reason'))}",
                    )
            version_node = keys.get("version", (None, None))[0]
            reason_node = keys.get("reason", (None, None))[0]
            if reason_node is not None:
                why = reason_node.value if reason_node.kind == "scalar" else None
                if isinstance(why, str) and why.strip():
                    reason = why.strip()
                else:
                    report(
                        reason_node.line,
                        f"{label}: 'deprecated' reason must be a string, "
                        f"not {_node_kind(reason_node)}; it is ignored",
                    )
            if version_node is None:
                report(
                    node.line,
                    f"{label}: 'deprecated' has no 'version'; give the version that "
                    'deprecated the code, such as deprecated: {version: "2.0", reason: "..."}',
                )
        if version_node is not None:
            version, message = _version(version_node, label, "deprecated")
            if message:
                report(version_node.line, message)
            if version is not None:
                values["deprecated"] = version
                values["deprecated_reason"] = reason


_REQUIRED_HINT: dict[str, str] = {
    "code": "add the error code, such as code: NoSuchKey",
    "status": "add the HTTP status, such as status: 404",
    "description": "add a one-sentence description",
}


_LIST_EXAMPLE: dict[str, str] = {"tags": "s3", "see_also": "NoSuchBucket", "ignore": "status"}


def _check_required(name: str, value: object) -> str | None:
    """What is wrong with the value of a required field, or None."""
    if name == "status":
        if isinstance(value, float) and value.is_integer():
            return None  # 404.0 is the integer 404, as JSON Schema's "integer" says
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, str) and value.strip().isdigit():
                return (
                    f"'status' must be an integer, not the string {value!r}; "
                    f"write it without quotes: {value.strip()}"
                )
            if value is None:
                return "'status' is empty; give the HTTP status, such as 404"
            return f"'status' must be an integer HTTP status, not {_describe(value)}"
        return None
    if value is None or (isinstance(value, str) and not value.strip()):
        return f"{name!r} is empty"
    if not isinstance(value, str):
        return f"{name!r} must be a string, not {_describe(value)}"
    if name == "code" and (bad := _invisible(value, "", _NOT_IN_CODES)) is not None:
        return (
            f"'code' contains the {bad}; a code is printed, "
            "linked and indexed, and must be visible text"
        )
    return None


#: Unicode categories a code may not hold: control, format (invisible) and surrogate characters
_NOT_IN_CODES: frozenset[str] = frozenset({"Cc", "Cf", "Cs"})


#: The control characters of ASCII: its only characters of the categories `_invisible` reads
_ASCII_CONTROLS: Final = re.compile(r"[\x00-\x1f\x7f]")


def _invisible(
    text: str, allowed: str = "\t\n\r\x85", categories: frozenset[str] = frozenset({"Cc"})
) -> str | None:
    """The first character of *text* in *categories* and not in *allowed*, named; or None.

    Descriptions may hold format characters (a soft hyphen, a zero-width joiner in an emoji,
    the joiners of Persian text) but no control characters (NUL, BEL, ESC...): no output
    shows those, and the writers drop them without a word. Codes hold neither.
    """
    if text.isascii() and not any(char not in allowed for char in _ASCII_CONTROLS.findall(text)):
        return None  # ASCII has no format or surrogate characters, and no control but these
    for char in text:
        if char not in allowed and unicodedata.category(char) in categories:
            name = unicodedata.name(char, "")
            return f"character U+{ord(char):04X}" + (f" ({name})" if name else "")
    return None


def _string_list(node: _Node) -> tuple[str, ...] | None:
    if node.kind != "seq":
        return None
    items = [item.value for item in node.items]
    if all(
        item.kind == "scalar" and isinstance(v, str) and v.strip()
        for item, v in zip(node.items, items, strict=True)
    ):
        return tuple(items)
    return None


def format_of(path: str | Path) -> str | None:
    """The catalogue format (``yaml``, ``toml``, ``json``) of *path* by its suffix, or None."""
    return FORMATS.get(Path(path).suffix.lower())


def load_file(path: str | Path) -> tuple[list[ErrorEntry], list[Problem]]:
    """Read one catalogue file; return its entries and the problems met.

    Never raises for bad input: a missing, empty, undecodable or unparsable file gives one
    fatal :class:`Problem` and no entries; a malformed entry is left out with its problem.
    """
    name = str(path)
    is_dir = False
    # a directory's name rarely has a catalogue suffix: say what it is, not that the suffix is wrong
    with contextlib.suppress(OSError, ValueError):
        is_dir = Path(path).is_dir()
    if is_dir:
        return [], [Problem(name, None, "is a directory, not a catalogue file", fatal=True)]
    fmt = format_of(path)
    if fmt is None:
        return [], [
            Problem(
                name,
                None,
                f"unknown catalogue format {Path(path).suffix!r}; "
                "name the file .yaml, .yml, .toml or .json",
                fatal=True,
            )
        ]
    try:
        data = safe_io.read_bytes(path)
    except safe_io.FileProblem as exc:
        if exc.reason == "not found":
            return [], [Problem(name, None, "catalogue file not found", fatal=True)]
        if exc.reason.startswith("is a directory"):
            return [], [Problem(name, None, "is a directory, not a catalogue file", fatal=True)]
        if exc.reason.startswith("is "):
            return [], [Problem(name, None, exc.reason, fatal=True)]
        return [], [Problem(name, None, f"cannot read the file: {exc.reason}", fatal=True)]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Windows PowerShell's `>` writes these
        return [], [
            Problem(
                name,
                1,
                "not UTF-8 text: UTF-16 (the file starts with a UTF-16 byte-order mark); "
                "save the file as UTF-8",
                fatal=True,
            )
        ]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        offset = exc.start
        line = data.count(b"\n", 0, offset) + 1
        return [], [
            Problem(
                name,
                line,
                f"not UTF-8 text: byte 0x{data[offset]:02x} cannot be "
                "decoded; save the file as UTF-8",
                fatal=True,
            )
        ]
    return parse_catalogue_text(text, name, fmt)


def resolve_files(
    paths: str | Sequence[str] | None, base_dir: str | Path = "."
) -> tuple[list[CatalogueFile], list[Problem]]:
    """The files that ``awserrors_catalogue``-style *paths* name, relative to *base_dir*.

    ``None`` means the bundled catalogue alone; the string
    :data:`~sphinx_awserrors.catalogue.BUNDLED` names it in a list.
    A file listed twice is used once (with a problem).
    """
    if paths is None:
        names: list[str] = [BUNDLED]
    elif isinstance(paths, str | os.PathLike):
        names = [os.fspath(paths)]
    else:
        names = [os.fspath(p) for p in paths]
    files: list[CatalogueFile] = []
    problems: list[Problem] = []
    for name in names:
        if name == BUNDLED:
            item = CatalogueFile(bundled.bundled_path(), bundled=True)
        else:
            item = CatalogueFile(Path(base_dir, name).resolve())
        if item in files:
            problems.append(Problem(item.name, None, "listed twice; it is read once"))
            continue
        files.append(item)
    return files, problems


def catalogue_digest(files: Sequence[CatalogueFile], extra: str = "") -> str:
    """A sha256 of the files' names and bytes (a missing file counts as absent) and *extra*."""
    digest = hashlib.sha256(extra.encode())
    for item in files:
        digest.update(b"\0file\0" + item.name.encode() + (b"\0bundled" if item.bundled else b""))
        try:
            digest.update(b"\0" + safe_io.read_bytes(item.path))
        except safe_io.FileProblem:
            digest.update(b"\0<unreadable>")
    return digest.hexdigest()


def merge(parts: Sequence[tuple[CatalogueFile, Sequence[ErrorEntry]]]) -> Catalogue:
    """Merge the entries of each file, in the order the files are listed.

    A bundled entry whose code a project file also defines is left out (the project's entry
    replaces it, in the project file's place); codes repeated within or across the project's
    own files are all kept, for the ``duplicate-code`` check.
    """
    own_codes = {e.code for item, entries in parts if not item.bundled for e in entries}
    merged = [
        entry
        for item, entries in parts
        for entry in entries
        if not (item.bundled and entry.code in own_codes)
    ]
    return Catalogue(tuple(merged))


def load_catalogue(
    paths: str | Sequence[str] | None = None, base_dir: str | Path = "."
) -> LoadResult:
    """Load and merge the catalogue files *paths* (as for ``awserrors_catalogue``).

    *paths* is ``None`` (the bundled catalogue), one path, or a sequence of paths relative to
    *base_dir*, where ``"bundled"`` names the bundled catalogue. See :func:`merge` for how
    entries combine. Never raises for bad input: problems are in the :class:`LoadResult`.
    """
    files, problems = resolve_files(paths, base_dir)
    return load_files(files, problems)


def load_files(files: Sequence[CatalogueFile], problems: Sequence[Problem] = ()) -> LoadResult:
    """Load and :func:`merge` already resolved *files*; *problems* are carried over."""
    found = list(problems)
    parts: list[tuple[CatalogueFile, Sequence[ErrorEntry]]] = []
    for item in files:
        entries, file_problems = load_file(item.path)
        if item.bundled and any(p.fatal for p in file_problems):
            file_problems = [
                replace(p, message=f"bundled catalogue: {p.message}; reinstall sphinx-awserrors")
                for p in file_problems
            ]
        parts.append((item, entries))
        found.extend(file_problems)
    return LoadResult(merge(parts), tuple(found), tuple(files))
