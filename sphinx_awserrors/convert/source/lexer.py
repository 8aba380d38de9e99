"""Source files as token streams: string literals, numbers, names and punctuation, no comments.

Pygments' lexers tell a string literal from a comment in every language it knows, which a
regular expression cannot (a code in ``// NoSuchKey is returned when...`` is not a definition;
``"https://"`` is not a comment). :func:`lex` keeps what the definition readers need: a string
literal is one token with its decoded value, wherever the lexer split it into quote, content
and escape tokens; comments and documentation strings are dropped; punctuation is one token
per character, so brackets can be matched.
"""

from __future__ import annotations

import re
from bisect import bisect_right
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


def lex(text: str, language: str) -> list[Tok]:
    """The significant tokens of *text* in *language* (a Pygments lexer name)."""
    starts = [0, *(m.end() for m in re.finditer("\n", text))]
    tokens: list[Tok] = []
    pending: list[tuple[int, str]] = []  # the parts of the string literal being read

    def line_of(offset: int) -> int:
        return bisect_right(starts, offset)

    def flush() -> None:
        if not pending:
            return
        start = pending[0][0]
        raw = "".join(part for _, part in pending)
        pending.clear()
        tokens.append(Tok("str", decode_string(raw), line_of(start), start, start + len(raw)))

    for offset, kind, value in _lexer(language).get_tokens_unprocessed(text):
        if _within(kind, String.Doc) or _within(kind, Comment):
            flush()
            continue
        if _within(kind, String) and not _within(kind, String.Interpol):
            if _within(kind, String.Affix) and pending:
                flush()
            pending.append((offset, value))
            continue
        flush()
        if not value.strip():
            continue
        if _within(kind, Number) or _NUMBER.match(value):
            tokens.append(Tok("num", value, line_of(offset), offset, offset + len(value)))
        elif _within(kind, Name) or _within(kind, Keyword):
            tokens.append(Tok("name", value, line_of(offset), offset, offset + len(value)))
        elif any(_within(kind, t) for t in (Operator, Punctuation, Token.Error, Token.Text)):
            stripped = value.strip()
            if stripped in _MULTI:
                tokens.append(Tok("op", stripped, line_of(offset), offset, offset + len(value)))
                continue
            for index, char in enumerate(value):
                if not char.isspace():
                    at = offset + index
                    kind_of = "name" if char.isalnum() or char == "_" else "op"
                    tokens.append(Tok(kind_of, char, line_of(at), at, at + 1))
        else:
            tokens.append(Tok("name", value, line_of(offset), offset, offset + len(value)))
    flush()
    return tokens
