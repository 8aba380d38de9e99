"""PDFs looked at as pages: each page rendered to grey pixels by ``pdftoppm`` (poppler-utils).

What a reader would notice first in a PDF is text that runs past the page's margin (a table
column too narrow for a code, a listing that does not wrap). LaTeX's log reports an overfull
box only in points; the page shows whether it reached the paper's edge.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

#: Pixels per inch of the rendering: enough to see a character, cheap for a hundred pages.
DPI = 36
#: A pixel darker than this (0 black, 255 white) is ink.
INK = 160


@dataclass(frozen=True)
class Page:
    """One rendered page: its number (1-based), size in pixels and rows of grey levels."""

    number: int
    width: int
    height: int
    pixels: bytes

    def has_ink(self, x: int) -> bool:
        """Whether the pixel column *x* has ink."""
        return any(self.pixels[y * self.width + x] < INK for y in range(self.height))


def _pgm(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and pixels of a binary PGM (``P5``) image."""
    fields: list[bytes] = []
    position = 0
    while len(fields) < 4:
        while data[position : position + 1].isspace():
            position += 1
        if data[position : position + 1] == b"#":
            position = data.index(b"\n", position)
            continue
        end = position
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[position:end])
        position = end
    magic, width, height, _maxval = fields
    assert magic == b"P5", magic
    w, h = int(width), int(height)
    start = position + 1  # one whitespace after the maximum value
    return w, h, data[start : start + w * h]


def pages(pdf: Path, out: Path) -> list[Page]:
    """Every page of *pdf* rendered in grey into the directory *out*."""
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-gray", "-r", str(DPI), str(pdf), str(out / "page")],
        check=True,
        capture_output=True,
    )
    rendered = sorted(out.glob("page-*.pgm"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    result = []
    for number, path in enumerate(rendered, start=1):
        width, height, pixels = _pgm(path.read_bytes())
        result.append(Page(number, width, height, pixels))
    return result


def pages_past_margin(pdf: Path, out: Path, margin_inches: float = 0.5) -> list[int]:
    """The pages of *pdf* with ink within *margin_inches* of the paper's left or right edge.

    Sphinx's LaTeX pages have margins of an inch; text that reaches the outer half inch ran
    out of its text block.
    """
    band = round(margin_inches * DPI)
    return [
        page.number
        for page in pages(pdf, out)
        if any(page.has_ink(x) for x in [*range(band), *range(page.width - band, page.width)])
    ]
