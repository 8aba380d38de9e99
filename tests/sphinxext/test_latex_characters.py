"""Characters of catalogue text that pdflatex cannot typeset: a warning at the catalogue line,
a visible ``[U+XXXX]`` in the PDF; other engines, declared characters and prose untouched."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from support_paths import ROOTS
from support_pdf import pages_past_margin

from sphinx_awserrors.sphinxext.latex_characters import DEFAULT_ENCODINGS, marker, typesettable

if TYPE_CHECKING:
    from io import StringIO
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

ROOT = ROOTS / "test-latex-characters"
SPHINX_DEFAULTS = {
    "fontenc": r"\usepackage[T1]{fontenc}",
    "utf8extra": r"\sphinxDUC{00A0}{\nobreakspace}",
}
WARNING = re.compile(r"^(\S+?):(\d+): WARNING: (\w+): pdflatex cannot typeset (.*?);", re.M)


def _warnings(warning: StringIO) -> dict[str, tuple[str, str, str]]:
    return {
        code: (path.rsplit("/", 1)[-1], line, chars)
        for path, line, code, chars in WARNING.findall(warning.getvalue())
    }


@pytest.mark.parametrize("char", ["é", "Ł", "’", "“", "—", "…", "€", "©", "→", "²", "\u00a0"])
def test_latin_and_common_punctuation_are_typesettable(char: str) -> None:
    allowed = typesettable("pdflatex", SPHINX_DEFAULTS)
    assert allowed is not None
    assert ord(char) in allowed


@pytest.mark.parametrize("char", ["≤", "名", "😀", "Ж", "α", "\u200b"])
def test_other_scripts_and_symbols_are_not(char: str) -> None:
    allowed = typesettable("pdflatex", SPHINX_DEFAULTS)
    assert allowed is not None
    assert ord(char) not in allowed


@pytest.mark.parametrize("engine", ["xelatex", "lualatex", "platex", "uplatex"])
def test_other_engines_are_not_judged(engine: str) -> None:
    assert typesettable(engine, SPHINX_DEFAULTS) is None


@pytest.mark.parametrize(
    "preamble",
    [
        r"\DeclareUnicodeCharacter{2264}{\ensuremath{\leq}}",
        r"\sphinxDUC{2264}{\ensuremath{\leq}}",
        r'\DeclareUnicodeCharacter{"2264}{\ensuremath{\leq}}',
        r"\usepackage{newunicodechar}\newunicodechar{≤}{\ensuremath{\leq}}",
    ],
)
def test_a_declared_character_is_typesettable(preamble: str) -> None:
    allowed = typesettable("pdflatex", {**SPHINX_DEFAULTS, "preamble": preamble})
    assert allowed is not None
    assert ord("≤") in allowed


def test_a_cyrillic_fontenc_adds_its_letters() -> None:
    allowed = typesettable("pdflatex", {"fontenc": r"\usepackage[X2,T1]{fontenc}"})
    assert allowed is not None
    assert ord("Ж") in allowed


def test_an_encoding_without_a_table_turns_the_check_off() -> None:
    # LGR (Greek) is not in LaTeX's base distribution: better no report than a false one
    assert typesettable("pdflatex", {"fontenc": r"\usepackage[LGR,T1]{fontenc}"}) is None


def test_marker_names_the_code_point() -> None:
    assert marker("≤") == "[U+2264]"
    assert marker("😀") == "[U+1F600]"


@pytest.mark.sphinx("latex", testroot="latex-characters", freshenv=True)
def test_each_entry_is_reported_once_at_its_catalogue_line(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    # InvalidBucketName is in the table and in an aws-error section: one warning
    assert _warnings(warning) == {
        "EntityTooLarge": ("errors.yaml", "4", "≤ (U+2264)"),
        "InvalidBucketName": (
            "errors.yaml",
            "7",
            "≤ (U+2264), 前 (U+524D), 名 (U+540D), 😀 (U+1F600)",
        ),
        # the code itself: reported at its entry (at the description's line)
        "NoSuch名前": ("errors.yaml", "13", "前 (U+524D), 名 (U+540D)"),
    }
    assert "[awserrors.latex-character]" in warning.getvalue()


@pytest.mark.sphinx("latex", testroot="latex-characters", freshenv=True)
def test_the_tex_shows_markers_and_keeps_the_rest(app: SphinxTestApp) -> None:
    app.build()
    tex = (app.outdir / "characters.tex").read_text(encoding="utf-8")
    assert tex.count("{[}U+2264{]}") == 1 + 2  # EntityTooLarge; InvalidBucketName twice
    assert "The name {[}U+540D{]}{[}U+524D{]} is not valid {[}U+1F600{]}" in tex
    assert "名" not in tex
    assert "😀" not in tex
    # what pdflatex can typeset is left as it was
    assert "café, Łódź" in tex
    # the code, also in the general index and in the domain index
    code = "NoSuch{[}U+540D{]}{[}U+524D{]}"
    assert re.search(r"\\index\{NoSuch\{\[\}U\+540D", tex)
    assert f"\\sphinxstyleindexentry{{{code}}}" in tex
    # the prose is the author's: not the extension's to change
    assert "own ≥ is" in tex


@pytest.mark.sphinx(
    "latex",
    testroot="latex-characters",
    freshenv=True,
    confoverrides={"latex_elements": {"preamble": r"\DeclareUnicodeCharacter{2264}{\leq}"}},
)
def test_a_character_the_project_declares_is_kept(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert set(_warnings(warning)) == {"InvalidBucketName", "NoSuch名前"}
    assert "U+2264" not in warning.getvalue()
    tex = (app.outdir / "characters.tex").read_text(encoding="utf-8")
    assert "must be ≤ 5 GB" in tex


@pytest.mark.sphinx(
    "latex", testroot="latex-characters", freshenv=True, confoverrides={"latex_engine": "xelatex"}
)
def test_a_unicode_engine_gets_every_character(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert "latex-character" not in warning.getvalue()
    tex = (app.outdir / "characters.tex").read_text(encoding="utf-8")
    assert "The name 名前 is not valid 😀" in tex
    assert "U+" not in tex


@pytest.mark.sphinx(
    "latex",
    testroot="latex-characters",
    freshenv=True,
    confoverrides={"suppress_warnings": ["awserrors.latex-character"]},
)
def test_the_warning_can_be_suppressed(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert "pdflatex" not in warning.getvalue()
    # the markers stay: the PDF still builds
    assert "{[}U+2264{]}" in (app.outdir / "characters.tex").read_text(encoding="utf-8")


@pytest.mark.sphinx("text", testroot="latex-characters", freshenv=True)
def test_other_builders_are_untouched(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert "latex-character" not in warning.getvalue()
    assert "The name 名前 is not valid 😀" in (app.outdir / "index.txt").read_text(encoding="utf-8")


def _latexpdf(source: Path, out: Path, *overrides: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "sphinx", "-M", "latexpdf", str(source), str(out), "-q"]
    cmd += [f"-D{override}" for override in overrides]
    # pdflatex echoes input lines in its own 8-bit form
    return subprocess.run(cmd, capture_output=True, text=True, errors="replace", check=False)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("latexmk") is None, reason="needs latexmk and TeX Live")
@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")
def test_the_pdf_builds_and_its_pages_show_the_markers(tmp_path: Path) -> None:
    """Without the markers pdflatex stopped at the first such character."""
    source = tmp_path / "src"
    shutil.copytree(ROOT, source)
    # the prose's ≥ is the author's: declared as an author would
    conf = source / "conf.py"
    declare = r"\DeclareUnicodeCharacter{2265}{\ensuremath{\geq}}"
    conf.write_text(
        conf.read_text(encoding="utf-8") + f"latex_elements = {{'preamble': {declare!r}}}\n",
        encoding="utf-8",
    )
    proc = _latexpdf(source, tmp_path / "out")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr
    pdf = tmp_path / "out" / "latex" / "characters.pdf"
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    shown = " ".join(" ".join(page.split()) for page in pages)
    assert "Your proposed upload must be [U+2264] 5 GB." in shown
    assert "The name [U+540D][U+524D] is not valid [U+1F600]" in shown
    # what pdflatex can typeset is printed as it is (the line may break anywhere)
    assert "“gone” — café," in shown
    assert "Łódź, €." in shown
    assert "NoSuch[U+540D][U+524D] A code that no client should see." in shown
    # the markers are longer than the characters: the table still fits the page
    assert pages_past_margin(pdf, tmp_path / "pages") == []


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("latexmk") is None, reason="needs latexmk and TeX Live")
def test_every_character_the_tables_allow_is_typeset_by_pdflatex(tmp_path: Path) -> None:
    """The shipped tables against pdflatex itself: a description of every such character."""
    allowed = typesettable("pdflatex", SPHINX_DEFAULTS)
    assert allowed is not None
    chars = "".join(chr(p) for p in sorted(allowed) if p > 0x7F and chr(p).isprintable())
    assert len(chars) > 300
    source = tmp_path / "src"
    source.mkdir()
    (source / "conf.py").write_text(
        'extensions = ["sphinx_awserrors"]\nawserrors_catalogue = "errors.json"\n'
        "awserrors_checks = []\n"
        'latex_documents = [("index", "all.tex", "All", "Tests", "manual")]\n',
        encoding="utf-8",
    )
    # in words of ten, so that the line can break
    words = " ".join(chars[i : i + 10] for i in range(0, len(chars), 10))
    catalogue = {"errors": [{"code": "AllCharacters", "status": 400, "description": words}]}
    (source / "errors.json").write_text(json.dumps(catalogue), encoding="utf-8")
    (source / "index.rst").write_text("All\n===\n\n.. aws-error-table::\n", encoding="utf-8")
    proc = _latexpdf(source, tmp_path / "out")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr
    assert "latex-character" not in proc.stderr
    log = (tmp_path / "out" / "latex" / "all.log").read_text("latin-1")
    assert "not set up for use with LaTeX" not in log
    assert not re.search(r"^! ", log, re.MULTILINE)


def test_the_default_encodings_have_tables() -> None:
    allowed = typesettable("pdflatex", {})
    assert allowed is not None
    assert set(DEFAULT_ENCODINGS) == {"T1", "TS1", "OT1", "OMS"}
