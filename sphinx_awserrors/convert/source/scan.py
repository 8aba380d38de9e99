"""Reading a source tree: a byte-level pre-filter, the lexer, the definition readers, in parallel.

Most files of a server never mention an error code. Each file is read as bytes and a few
cheap regular expressions decide whether it may hold a definition or a code worth looking for
(a quoted word that looks like a code, a ``code: 404`` field, an HTTP status name); only then
is it decoded and lexed. Files are scanned in a pool of worker processes (two by default,
``jobs=1`` scans in this process); what each file gives is merged in walk order, so the
result does not depend on the number of workers.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_awserrors.convert.source.lexer import Tok, decode_string, language_of, lex
from sphinx_awserrors.convert.source.python import PythonClass, read_classes
from sphinx_awserrors.convert.source.shapes import (
    Definition,
    Unreadable,
    constants,
    find_definitions,
    is_code,
)
from sphinx_awserrors.convert.source.walk import WalkOptions, is_generated_text, walk

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = ["FileScan", "ScanOptions", "TreeScan", "find_constants", "scan_file", "scan_tree"]

#: files larger than this are not read (minified bundles, data tables)
MAX_BYTES = 2_000_000
_QUOTED = re.compile(rb"[\"'`]([A-Z][A-Za-z0-9]{2,99})[\"'`]")
_MULTI_HUMP = re.compile(rb"^[A-Z][a-z0-9]+[A-Z]")
_MULTI_HUMP_TEXT = re.compile(r"^[A-Z][a-z0-9]+[A-Z]")
# a whole file: a record with a numeric status field (Arsenal's { code: 404, ... })
_STATUS_FIELD = re.compile(rb"(?i)(?:code|status)\w*[\"']?\s*(?::|=>?)\s*[1-5]\d\d\b")
# around a quoted code: a status name or field, a code field, a number that may be a status
_NEAR = re.compile(
    rb"Status[A-Z][a-z]|HTTP_[A-Z]|HttpStatus|HTTPStatus|\bSC_[A-Z]|[Ss]tatus\w*[\"']?\s*[:=]"
    rb"|(?i:code)\w*[\"']?\s*(?::|=>?)|[(,]\s*[1-5]\d\d\s*[,)]"
)
# a reference to an error object by its code: errors.NoSuchKey, S3Errors.NoSuchKey
_ERROR_MEMBER = re.compile(rb"(?i:err)\w*\.[A-Z][a-z0-9]+[A-Z]\w*\b(?!\s*\()")
# right before a quoted code: an error constructor, or a call of the base class's constructor
_BEFORE = re.compile(
    rb"(?:(?:Error|Exception|Err|Fault|Failure)\w*\s*[({]\s*(?:[\w.]+\s*,\s*)?|__init__\(\s*"
    rb"|(?:Err|Error)\w*\s*:?=\s*)$"
)


@dataclass(frozen=True)
class ScanOptions:
    """What to look for besides definitions (coverage), and how to walk."""

    walk: WalkOptions = field(default_factory=WalkOptions)
    #: codes to find as string literals (the catalogue's and the reference's)
    needles: frozenset[str] = frozenset()
    #: a user's regular expression; its ``code`` group (or group 1, or the match) is a code
    pattern: str | None = None
    #: worker processes; 1 scans in this process
    jobs: int = 2


@dataclass
class FileScan:
    """What one file gave."""

    file: str
    lexed: bool = False
    #: the file says it is generated, or is minified; not read
    generated: bool = False
    definitions: list[Definition] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)
    classes: list[PythonClass] = field(default_factory=list)
    #: (code, line, how): needles as string literals, pattern matches, constructor arguments,
    #: and needles as names in a file that holds definitions
    found: list[tuple[str, int, str]] = field(default_factory=list)


@dataclass
class TreeScan:
    """What a tree gave, in walk order."""

    files: list[FileScan]
    #: every file walked, for :func:`find_constants`
    paths: list[str] = field(default_factory=list)
    scanned: int = 0
    lexed: int = 0
    #: files and folders left out by kind (``tests``, ``vendored``, ``generated``, ``large``)
    skipped: dict[str, int] = field(default_factory=dict)


def _may_hold(data: bytes, needles: frozenset[str]) -> bool:
    """Whether *data* may hold a definition or one of *needles*, judged on its bytes."""
    if _STATUS_FIELD.search(data) or _ERROR_MEMBER.search(data):
        return True
    for match in _QUOTED.finditer(data):
        word = match[1]
        if needles and word.decode("ascii") in needles:
            return True
        if not _MULTI_HUMP.match(word):
            continue
        start, end = match.span()
        if _NEAR.search(data, max(0, start - 160), end + 200):
            return True
        if _BEFORE.search(data[max(0, start - 80) : start]):
            return True
    return False


def _minified(data: bytes) -> bool:
    """Whether *data* is minified code (a bundle): a few very long lines."""
    lines = data.count(b"\n") + 1
    return len(data) > 20_000 and len(data) // lines > 400


def _in_strings(strings: Sequence[Tok], starts: Sequence[int], start: int, end: int) -> bool:
    """Whether offsets *start*-*end* lie inside one of the string literals *strings*."""
    index = bisect_right(starts, start) - 1
    return index >= 0 and strings[index].start <= start and end <= strings[index].end


def _error_members(tokens: Sequence[Tok]) -> list[tuple[str, int, str]]:
    """``errors.NoSuchKey``: a code-like member (not called) of an object named after errors."""
    found: list[tuple[str, int, str]] = []
    for index in range(2, len(tokens)):
        token = tokens[index]
        if token.kind != "name" or not _MULTI_HUMP_TEXT.match(token.text):
            continue
        if token.text.startswith("Err") and token.text[3:4].isupper():
            continue  # Go's sentinel errors (errors.ErrNotFound) are not codes
        dot, owner = tokens[index - 1], tokens[index - 2]
        if dot.kind != "op" or dot.text != "." or owner.kind != "name":
            continue
        if not owner.text.lower().startswith("err") and "errors" not in owner.text.lower():
            continue
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        if after is not None and after.kind == "op" and after.text == "(":
            continue
        if is_code(token.text):
            found.append((token.text, token.line, "reference"))
    return found


def scan_file(path: str | Path, options: ScanOptions) -> FileScan:
    """Scan one file (it is read whatever its name or language; unknown languages give nothing)."""
    name = str(path)
    result = FileScan(name)
    language = language_of(Path(name).suffix)
    if language is None:
        return result
    try:
        with Path(path).open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        result.unreadable.append(Unreadable(name, 0, f"cannot read: {exc.strerror or exc}"))
        return result
    if len(data) > MAX_BYTES or b"\0" in data[:8000]:
        return result
    if not options.walk.include_generated and (is_generated_text(data[:1000]) or _minified(data)):
        result.generated = True
        return result
    pattern = re.compile(options.pattern) if options.pattern else None
    text: str | None = None
    if not _may_hold(data, options.needles):
        if pattern is None:
            return result
        text = data.decode("utf-8", "replace")
        if not pattern.search(text):
            return result
    if text is None:
        text = data.decode("utf-8", "replace")
    tokens = lex(text, language)
    result.lexed = True
    numbers, strings = constants(tokens)
    read = find_definitions(tokens, name, numbers, strings)
    result.definitions = read.definitions
    result.unreadable = read.unreadable
    found = result.found
    found.extend((code, line, "constructor") for code, line in read.uses)
    if language == "python":
        classes = read_classes(text, name)
        if classes is not None:
            result.classes = classes
    needles = options.needles
    if needles:
        for token in tokens:
            if token.kind == "str" and token.text.strip() in needles:
                found.append((token.text.strip(), token.line, "literal"))
        found.extend(_error_members(tokens))
        if result.definitions or any(c.code for c in result.classes):
            found.extend(
                (token.text, token.line, "name")
                for token in tokens
                if token.kind == "name" and token.text in needles
            )
    if pattern is not None:
        lines = [0, *(m.end() for m in re.finditer("\n", text))]
        literals = [token for token in tokens if token.kind == "str"]
        literal_starts = [token.start for token in literals]
        group: str | int = "code" if "code" in pattern.groupindex else (1 if pattern.groups else 0)
        for match in pattern.finditer(text):
            start, end = match.span(group)
            code = match[group]
            if start < 0 or not code or not _in_strings(literals, literal_starts, start, end):
                continue
            found.append((code, bisect_right(lines, start), "pattern"))
    return result


_OPTIONS: ScanOptions | None = None


def _init_worker(options: ScanOptions) -> None:
    global _OPTIONS  # the options of this worker process
    _OPTIONS = options


def _scan_chunk(paths: list[str]) -> list[FileScan]:
    assert _OPTIONS is not None
    return [scan_file(path, _OPTIONS) for path in paths]


def scan_tree(
    roots: Sequence[str | Path],
    options: ScanOptions,
    progress: Callable[[int], None] | None = None,
) -> TreeScan:
    """Scan every source file under *roots* (see :mod:`.walk` for what is left out)."""
    skipped: dict[str, int] = {}
    paths = [str(path) for path in walk(roots, options.walk, skipped)]
    results: list[FileScan] = []
    if options.jobs <= 1 or len(paths) < 200:
        results = [scan_file(path, options) for path in paths]
    else:
        size = max(16, min(256, len(paths) // (options.jobs * 8) or 1))
        chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
        with ProcessPoolExecutor(
            max_workers=options.jobs, initializer=_init_worker, initargs=(options,)
        ) as pool:
            for chunk in pool.map(_scan_chunk, chunks):
                results.extend(chunk)
                if progress is not None:
                    progress(len(results))
    generated = sum(1 for r in results if r.generated)
    if generated:
        skipped["generated"] = skipped.get("generated", 0) + generated
    return TreeScan(
        results,
        paths=paths,
        scanned=len(paths),
        lexed=sum(1 for r in results if r.lexed),
        skipped=skipped,
    )


def _constant_pattern(name: str) -> re.Pattern[bytes]:
    quoted = rb"\"((?:[^\"\\\n]|\\.){0,500})\"|'((?:[^'\\\n]|\\.){0,500})'"
    return re.compile(
        rb"(?<![\w.])" + re.escape(name.encode()) + rb"\s*(?::\s*[\w.\[\]<>]+\s*)?(?::=|=)\s*"
        rb"(?:(\d{3})\b|" + quoted + rb")"
    )


def find_constants(paths: Sequence[str], names: set[str]) -> dict[str, set[int | str]]:
    """The values the constants *names* are given anywhere in *paths*: ``NAME = 416``,
    ``NAME = "text"`` in the spellings of most languages (a second, targeted pass over the
    files for the names the definitions use but their own files do not define)."""
    values: dict[str, set[int | str]] = {name: set() for name in names}
    if not names:
        return values
    encoded = {name: name.encode() for name in names}
    patterns: dict[str, re.Pattern[bytes]] = {}
    for path in paths:
        try:
            with Path(path).open("rb") as handle:
                data = handle.read(MAX_BYTES)
        except OSError:
            continue
        for name, raw in encoded.items():
            if raw not in data:
                continue
            pattern = patterns.setdefault(name, _constant_pattern(name))
            for match in pattern.finditer(data):
                if match[1] is not None:
                    values[name].add(int(match[1]))
                else:
                    text = (match[2] if match[2] is not None else match[3]) or b""
                    values[name].add(decode_string('"' + text.decode("utf-8", "replace") + '"'))
    return values
