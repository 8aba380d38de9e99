"""Source files as token streams: string literals, numbers, names and punctuation, no comments.

Pygments' lexers tell a string literal from a comment in every language it knows, which a
regular expression cannot (a code in ``// NoSuchKey is returned when...`` is not a definition;
``"https://"`` is not a comment). :func:`lex` keeps what the definition readers need: a string
literal is one token with its decoded value, wherever the lexer split it into quote, content
and escape tokens; comments and documentation strings are dropped; punctuation is one token
per character, so brackets can be matched.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from pygments.lexers import get_lexer_by_name
from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Token

if TYPE_CHECKING:
    from pygments.lexer import Lexer
    from pygments.token import _TokenType

__all__ = ["LANGUAGES", "Tok", "language_of", "lex"]

#: file suffix -> Pygments lexer name
LANGUAGES: dict[str, str] = {
    ".go": "go",
    ".java": "java",
    ".kt": "kotlin",
    ".kts": "kotlin",
    ".scala": "scala",
    ".py": "python",
    ".js": "javascript",
    ".mjs": "javascript",
    ".cjs": "javascript",
    ".jsx": "javascript",
    ".ts": "typescript",
    ".mts": "typescript",
    ".cts": "typescript",
    ".tsx": "typescript",
    ".c": "c",
    ".h": "c",
    ".cc": "cpp",
    ".cpp": "cpp",
    ".cxx": "cpp",
    ".hpp": "cpp",
    ".hh": "cpp",
    ".cs": "csharp",
    ".rs": "rust",
    ".rb": "ruby",
    ".php": "php",
    ".erl": "erlang",
    ".hrl": "erlang",
    ".ex": "elixir",
    ".exs": "elixir",
    ".swift": "swift",
    ".lua": "lua",
    ".zig": "zig",
}

# Operators that are one token; any other operator or punctuation is split into characters.
_MULTI = frozenset({"::", ":=", "=>", "->", "==", "===", "!=", "!==", "<=", ">=", "+=", "?."})
_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", re.DOTALL)
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0"}
_NUMBER = re.compile(r"^(?:0[xX][0-9a-fA-F_]+|\d[\d_]*(?:\.\d+)?)[uUlLfFdD]*$")
_STRING_PREFIX = re.compile(r"^[A-Za-z@$]{0,3}(?=[\"'`])")


@dataclass(frozen=True, slots=True)
class Tok:
    """One significant token: ``kind`` is ``str``, ``num``, ``name`` or ``op``.

    ``text`` is a string literal's decoded value (without quotes), else the token as written;
    ``start`` and ``end`` are offsets in the file's text, ``line`` is 1-based.
    """

    kind: str
    text: str
    line: int
    start: int
    end: int


def language_of(suffix: str) -> str | None:
    """The Pygments lexer name for a file suffix (``.go``), or None when not a known language."""
    return LANGUAGES.get(suffix.lower())


@cache
def _lexer(name: str) -> Lexer:
    return get_lexer_by_name(name, stripnl=False, ensurenl=False, stripall=False)


def _unescape(match: re.Match[str]) -> str:
    value = match[1]
    if value in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[value]
    if value[0] == "u" and len(value) > 1:
        try:
            return chr(int(value[1:].strip("{}"), 16))
        except (ValueError, OverflowError):
            return value
    if value[0] == "x" and len(value) == 3:
        return chr(int(value[1:], 16))
    return value


def _within(kind: _TokenType, parent: _TokenType) -> bool:
    """Whether token type *kind* is *parent* or one of its subtypes (Pygments' ``in``)."""
    return kind[: len(parent)] == parent


def decode_string(raw: str) -> str:
    """The value of a string literal as written (quotes, prefix and escapes included)."""
    raw = _STRING_PREFIX.sub("", raw, count=1)
    raw_string = False
    for quote in ('"""', "'''", '"', "'", "`"):
        if raw.startswith(quote):
            body = raw[len(quote) :]
            if body.endswith(quote):
                body = body[: -len(quote)]
            raw_string = quote == "`"
            break
    else:
        body = raw
    return body if raw_string else _ESCAPE.sub(_unescape, body)


_KINDS: dict[_TokenType, str] = {}


def _kind_of(kind: _TokenType) -> str:
    """What a Pygments token type is to :func:`lex`: skip, str, num, name or op (cached)."""
    found = _KINDS.get(kind)
    if found is None:
        if _within(kind, String.Doc) or _within(kind, Comment):
            found = "skip"
        elif _within(kind, String) and not _within(kind, String.Interpol):
            found = "affix" if _within(kind, String.Affix) else "str"
        elif _within(kind, Number):
            found = "num"
        elif _within(kind, Name) or _within(kind, Keyword):
            found = "name"
        elif any(_within(kind, t) for t in (Operator, Punctuation, Token.Error, Token.Text)):
            found = "op"
        else:
            found = "name"
        _KINDS[kind] = found
    return found


def lex(text: str, language: str) -> list[Tok]:
    """The significant tokens of *text* in *language* (a Pygments lexer name).

    Python is read with the standard library's own tokenizer (several times faster than
    Pygments' regular expressions, and exact); a file it rejects falls back to Pygments.
    """
    if language == "python":
        found = _lex_python(text)
        if found is not None:
            return found
    tokens: list[Tok] = []
    pending: list[tuple[int, str]] = []  # the parts of the string literal being read
    line, counted = 1, 0

    def line_of(offset: int) -> int:
        nonlocal line, counted
        if offset > counted:
            line += text.count("\n", counted, offset)
            counted = offset
        return line

    def flush() -> None:
        if not pending:
            return
        start = pending[0][0]
        raw = "".join(part for _, part in pending)
        pending.clear()
        tokens.append(Tok("str", decode_string(raw), line_of(start), start, start + len(raw)))

    for offset, kind, value in _lexer(language).get_tokens_unprocessed(text):
        category = _kind_of(kind)
        if category == "skip":
            flush()
            continue
        if category in {"str", "affix"}:
            if category == "affix" and pending:
                flush()
            pending.append((offset, value))
            continue
        flush()
        if not value.strip():
            continue
        if category == "num" or _NUMBER.match(value):
            tokens.append(Tok("num", value, line_of(offset), offset, offset + len(value)))
        elif category == "name":
            tokens.append(Tok("name", value, line_of(offset), offset, offset + len(value)))
        else:
            stripped = value.strip()
            if stripped in _MULTI:
                tokens.append(Tok("op", stripped, line_of(offset), offset, offset + len(value)))
                continue
            for index, char in enumerate(value):
                if not char.isspace():
                    at = offset + index
                    kind_of = "name" if char.isalnum() or char == "_" else "op"
                    tokens.append(Tok(kind_of, char, line_of(at), at, at + 1))
    flush()
    return tokens


_PY_LAYOUT = frozenset({tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.NL})


def _lex_python(text: str) -> list[Tok] | None:
    """Python's tokens from :mod:`tokenize`, or None when it cannot read *text*."""
    starts = [0]
    for match in re.finditer("\n", text):
        starts.append(match.end())
    tokens: list[Tok] = []
    try:
        raw = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError, ValueError):
        return None
    significant = [t for t in raw if t.type not in {tokenize.COMMENT, tokenize.NL}]
    previous = tokenize.NEWLINE
    for index, token in enumerate(significant):
        kind = token.type
        row, column = token.start
        offset = starts[row - 1] + column if row - 1 < len(starts) else len(text)
        end_row, end_column = token.end
        end = starts[end_row - 1] + end_column if end_row - 1 < len(starts) else len(text)
        if kind == tokenize.STRING:
            following = significant[index + 1].type if index + 1 < len(significant) else None
            if previous in _PY_LAYOUT and following in {tokenize.NEWLINE, tokenize.ENDMARKER}:
                previous = kind
                continue  # a string that is a statement: a docstring
            if tokens and tokens[-1].kind == "str" and previous == tokenize.STRING:
                last = tokens.pop()  # implicit concatenation: "a" "b"
                tokens.append(
                    Tok("str", last.text + _py_string(token.string), last.line, last.start, end)
                )
            else:
                tokens.append(Tok("str", _py_string(token.string), row, offset, end))
        elif kind == tokenize.NUMBER:
            tokens.append(Tok("num", token.string, row, offset, end))
        elif kind == tokenize.NAME:
            tokens.append(Tok("name", token.string, row, offset, end))
        elif kind == tokenize.OP:
            tokens.append(Tok("op", token.string, row, offset, end))
        previous = kind if kind not in {tokenize.NL} else previous
    return tokens


def _py_string(literal: str) -> str:
    """The value of a Python string literal (an f-string's text as written)."""
    if "\\" not in literal:
        return decode_string(literal)  # no escape: quotes and prefix off, nothing else
    try:
        value = ast.literal_eval(literal)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return decode_string(literal)
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return value if isinstance(value, str) else decode_string(literal)
