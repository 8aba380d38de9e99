"""The page check of the PDF tests sees what a reader sees: text run past the margin."""

from __future__ import annotations

import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from support_pdf import pages, pages_past_margin

if TYPE_CHECKING:
    from pathlib import Path

needs_tex = pytest.mark.skipif(
    shutil.which("latexmk") is None or shutil.which("pdftoppm") is None,
    reason="needs latexmk, TeX Live and poppler-utils",
)


def _pdf(tmp_path: Path, body: str) -> Path:
    source = tmp_path / "src"
    source.mkdir()
    (source / "conf.py").write_text('project = "margins"\n', encoding="utf-8")
    (source / "index.rst").write_text(f"Margins\n=======\n\n{body}\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "sphinx", "-M", "latexpdf", str(source), str(tmp_path), "-q"]
    subprocess.run(cmd, capture_output=True, check=True)
    return tmp_path / "latex" / "margins.pdf"


@pytest.mark.slow
@needs_tex
def test_a_literal_too_long_for_the_line_is_seen_past_the_margin(tmp_path: Path) -> None:
    # Sphinx breaks inline literals only after characters such as "/" and "."
    pdf = _pdf(tmp_path, "``" + "A" * 150 + "``")
    past = pages_past_margin(pdf, tmp_path / "pages")
    assert len(past) == 1
    # and it is the page with the text: the same page has ink inside the margins
    page = pages(pdf, tmp_path / "again")[past[0] - 1]
    assert page.has_ink(page.width // 2) or page.has_ink(page.width // 3)


@pytest.mark.slow
@needs_tex
def test_text_that_wraps_stays_inside(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path, " ".join(["words that wrap"] * 200))
    assert pages_past_margin(pdf, tmp_path / "pages") == []
