"""``sphinx-awserrors import-botocore``: a catalogue from the error shapes of botocore's models.

botocore (the optional extra ``[botocore]``) ships the service models of every AWS API. An
error shape gives the error code (its ``error.code`` metadata, else the shape name), the HTTP
status where the model has one (``error.httpStatusCode``) and HTML documentation, whose first
sentence becomes the description (as plain text with reStructuredText specials escaped,
``<code>`` as literals). Each entry is tagged with its service. A code that several of the
requested services declare with the same status becomes one entry with all their tags.
Shapes without a modelled status or without documentation are left out and reported, since
the catalogue needs both. Entries are in case-insensitive code order, like the bundled
catalogue.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

from sphinx_awserrors.catalogue import ErrorEntry

if TYPE_CHECKING:
    from collections.abc import Sequence


__all__ = [
    "BotocoreMissing",
    "BotocoreResult",
    "botocore_entries",
]


class BotocoreMissing(Exception):
    """botocore is not installed."""


@dataclass(frozen=True)
class BotocoreResult:
    """The entries built from the models, what was left out, and the models used."""

    entries: tuple[ErrorEntry, ...]
    left_out: tuple[str, ...]
    models: tuple[str, ...]


class _DocText(HTMLParser):
    """botocore's HTML documentation as inline reStructuredText (``<code>`` as literals)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._code = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "code":
            self._code += 1
            if self._code == 1:
                self.parts.append("\0")
        elif tag in {"p", "br", "li"}:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "code" and self._code:
            self._code -= 1
            if not self._code:
                self.parts.append("\1")
        elif tag in {"p", "li"}:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


_RST_SPECIAL = re.compile(r"([\\*`|])")


_SENTENCE_END = re.compile(r"(\S+)\.(?=\s+[A-Z(])")


_ABBREVIATIONS = frozenset({"e.g", "i.e", "etc", "vs", "approx", "no"})


def _escape(text: str) -> str:
    return re.sub(r"(?<=\w)_(?=\W|$)", r"\\_", _RST_SPECIAL.sub(r"\\\1", text))


def first_sentence(html: str) -> str:
    """The first sentence of botocore's HTML *html*, as inline reStructuredText."""
    parser = _DocText()
    parser.feed(html)
    parser.close()
    text = " ".join("".join(parser.parts).split())
    for match in _SENTENCE_END.finditer(text):
        if match.group(1).strip("\x00\x01").lower() not in _ABBREVIATIONS:
            text = text[: match.end()]
            break
    out: list[str] = []
    for index, piece in enumerate(re.split("[\x00\x01]", text)):
        inside_code = index % 2 == 1
        if inside_code and piece.strip() == piece and piece and "``" not in piece:
            out.append(f"``{piece}``")
        else:
            out.append(_escape(piece))
    return "".join(out).strip()


def botocore_entries(services: Sequence[str]) -> BotocoreResult:
    """The catalogue entries of the error shapes of *services* (botocore service names).

    Raises :class:`BotocoreMissing` when botocore is not installed and :class:`ValueError`
    for an unknown service name (with suggestions).
    """
    try:
        import botocore
        import botocore.exceptions
        import botocore.session
    except ImportError:
        raise BotocoreMissing(
            "botocore is not installed; install it with: pip install 'sphinx-awserrors[botocore]'"
        ) from None
    session = botocore.session.get_session()
    known: list[str] = session.get_available_services()
    entries: dict[tuple[str, int], ErrorEntry] = {}
    left_out: list[str] = []
    models: list[str] = []
    for given in services:
        service = given.lower()  # botocore's names are lower case: S3 is s3
        if service not in known:
            close = difflib.get_close_matches(service, known, n=3)
            hint = (
                f"; did you mean {', '.join(close)}?"
                if close
                else f"; botocore {botocore.__version__} knows {len(known)} services, "
                "such as s3, iam and sts"
            )
            raise ValueError(f"unknown service {given!r}{hint}")
        model: Any = session.get_service_model(service)
        version = model.api_version
        models.append(f"{service} {version}")
        file = f"botocore:{service}/{version}"
        for shape in model.error_shapes:
            error: dict[str, Any] = shape.metadata.get("error", {})
            code = str(error.get("code", shape.name))
            status = error.get("httpStatusCode")
            description = first_sentence(shape.documentation or "")
            if status is None:
                left_out.append(f"{service}: {code}: the model gives no HTTP status")
                continue
            if not description:
                left_out.append(f"{service}: {code}: the model gives no documentation")
                continue
            key = (code, int(status))
            if key in entries:
                previous = entries[key]
                if service not in previous.tags:
                    entries[key] = replace(previous, tags=(*previous.tags, service))
                continue
            entries[key] = ErrorEntry(
                code=code, status=int(status), description=description, tags=(service,), file=file
            )
    ordered = sorted(entries.values(), key=lambda e: (e.code.lower(), e.code, e.status))
    return BotocoreResult(tuple(ordered), tuple(left_out), tuple(models))
