"""LaTeX output: long codes may break between their words, a page's ``tabularcolumns`` is used
when a long table can use it and reported when not; other output is untouched."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from support_paths import ROOTS
from support_pdf import pages_past_margin

from sphinx_awserrors.sphinxext.latex import BREAK, ForeignColumnTypeError, code_parts, spec_columns

if TYPE_CHECKING:
    from io import StringIO
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp


@pytest.mark.parametrize(
    ("code", "parts"),
    [
        ("NoSuchKey", ["No", "Such", "Key"]),
        ("MalformedXML", ["Malformed", "XML"]),
        ("XMLParseFailed", ["XML", "Parse", "Failed"]),
        ("XAmzContentSHA256Mismatch", ["X", "Amz", "Content", "SHA256", "Mismatch"]),
        ("InvalidURI", ["Invalid", "URI"]),
        ("Throttling", ["Throttling"]),
    ],
)
def test_code_parts(code: str, parts: list[str]) -> None:
    assert code_parts(code) == parts
    assert "".join(code_parts(code)) == code


@pytest.mark.sphinx("latex", testroot="latex", freshenv=True)
def test_long_codes_may_break_in_latex(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert warning.getvalue() == ""
    # the default file name follows the default project name, which differs across Sphinx versions
    tex = (app.outdir / app.config.latex_documents[0][1]).read_text()
    broken = BREAK.join(["Illegal", "Versioning", "Configuration", "Exception"])
    # in the table row, in the prose reference and in the description's reference
    assert tex.count(broken) >= 2
    assert BREAK.join(["XML", "Document", "Root", "Element"]) in tex
    assert BREAK.join(["No", "Such", "Key"]) not in tex  # short codes fit any column
    assert "not a code" in tex


@pytest.mark.sphinx("text", testroot="latex", freshenv=True)
def test_other_builders_keep_the_code_whole(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert warning.getvalue() == ""
    text = (app.outdir / "index.txt").read_text()
    assert "IllegalVersioningConfigurationException" in text
    assert "allowbreak" not in text


@pytest.mark.sphinx("latex", testroot="odd-codes", freshenv=True)
def test_a_long_code_heading_an_aws_error_section_may_break_in_latex(app: SphinxTestApp) -> None:
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    heading = "\\sphinxbfcode{\\sphinxupquote{Excerpt\\allowbreak{}Directive}}"
    assert heading in tex


@pytest.mark.sphinx("latex", testroot="latex-colspec-order", freshenv=True)
def test_a_tabularcolumns_before_the_table_wins(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    tex = (app.outdir / "colspec.tex").read_text(encoding="utf-8")
    specs = re.findall(r"\\begin\{longtable\}(\{.*\})", tex)
    # the page's, the table's own, then the page's for each table of the group
    assert specs == [
        "{|p{3cm}|p{8cm}|l|}",
        "{\\X{30}{105}\\X{55}{105}\\X{20}{105}}",  # status with its reason phrase
        "{|l|l|l|}",
        "{|l|l|l|}",
    ]
    assert warning.getvalue() == ""


COLSPEC_ROOT = ROOTS / "test-latex-colspec-unusable"
OWN = "{\\X{30}{105}\\X{55}{105}\\X{20}{105}}"  # the status with its reason phrase


@pytest.mark.parametrize(
    ("spec", "columns"),
    [
        ("lll", 3),
        ("|l|c|r|", 3),
        ("|p{3cm}|p{8cm}|l|", 3),
        ("\\X{30}{95}\\X{55}{95}\\X{10}{95}", 3),
        ("\\Y{0.3} \\Y{0.7}", 2),
        (">{\\raggedright\\arraybackslash}p{\\dimexpr 0.3\\linewidth}l", 2),
        ("@{}l!{\\vrule}r<{\\hfill}@{}", 2),
        ("*{3}{|l}|", 3),
        ("*{2}{*{2}{c}}", 4),
        ("w{l}{2cm}W{c}{1cm}m{1cm}b{1cm}", 4),
    ],
)
def test_spec_columns(spec: str, columns: int) -> None:
    assert spec_columns(spec) == columns


@pytest.mark.parametrize("spec", ["|P{3cm}|l|", "\\Z{1}l", "p3cm", "*{n}{l}", "p{3cm"])
def test_spec_columns_of_syntax_it_does_not_read(spec: str) -> None:
    # a column type defined in the preamble, or a malformed spec: no opinion
    assert spec_columns(spec) is None


@pytest.mark.parametrize(
    ("spec", "column_type"),
    [("lX{0.40\\textwidth}l", "X"), ("LJl", "L"), ("|l|T|", "T"), ("*{3}{C}", "C")],
)
def test_spec_columns_of_tabulary_and_tabularx(spec: str, column_type: str) -> None:
    with pytest.raises(ForeignColumnTypeError) as raised:
        spec_columns(spec)
    assert raised.value.column_type == column_type


@pytest.mark.sphinx("latex", testroot="latex-colspec-unusable", freshenv=True)
def test_an_unusable_tabularcolumns_is_reported_and_dropped(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    tex = (app.outdir / "colspec.tex").read_text(encoding="utf-8")
    specs = re.findall(r"\\begin\{longtable\}(\{.*\})", tex)
    usable = "{*{2}{>{\\raggedright\\arraybackslash}p{4cm}}@{}\\Y{0.2}}"
    # the grouped table has the 4xx and the 5xx table
    own_widths = "{\\X{2}{8}\\X{5}{8}\\X{1}{8}}"
    assert specs == [OWN, OWN, OWN, OWN, OWN, usable, "{|l|\\X{1}{2}|l|}", own_widths]
    assert "X{0.40" not in tex
    assert "{LJl}" not in tex
    messages = warning.getvalue()
    expected = [
        r"index\.rst:4: WARNING: tabularcolumns lX\{0\.40\\textwidth\}l: the column type 'X' is "
        r"not available in a long table such as an aws-error-table \(use l, c, r, p\{width\} or "
        r"\\X\{part\}\{whole\}\); the table keeps its own columns \[awserrors\.table\]",
        r"index\.rst:8: WARNING: tabularcolumns LJl: the column type 'L' is not available",
        r"index\.rst:13: WARNING: tabularcolumns \|l\|l\|: 2 columns, but the aws-error-table "
        r"has 3; the table keeps its own columns \[awserrors\.table\]",
        r"index\.rst:18: WARNING: tabularcolumns \|l\|l\|p\{3cm\}\|l\|: 4 columns, but the "
        r"aws-error-table has 3",
    ]
    for pattern in expected:
        assert re.search(pattern, messages), pattern
    assert messages.count("WARNING") == len(expected)
    # Sphinx's own "appears to use tabulary syntax" warning does not come on top
    assert "[latex]" not in messages


@pytest.mark.sphinx("latex", testroot="latex-colspec-unusable", freshenv=True)
def test_widths_are_not_said_to_be_ignored(app: SphinxTestApp, status: StringIO) -> None:
    """The table's own column specification is made from ``:widths:``; a page's is not."""
    app.build()
    ignored = re.findall(
        r"index\.rst:(\d+): both tabularcolumns and :widths: option are given", status.getvalue()
    )
    assert ignored == ["26"]  # "Usable", after a page spec; not "Own widths"


@pytest.mark.sphinx("latex", testroot="latex-colspec-unusable", freshenv=True)
def test_long_literals_of_descriptions_may_break_in_tables(app: SphinxTestApp) -> None:
    """A header name in a narrow description column ran into the status column."""
    app.build()
    tex = (app.outdir / "colspec.tex").read_text(encoding="utf-8")
    hyphen = "\\sphinxhyphen{}"
    header = ["x", "amz", "server", "side", "encryption", "customer", "algorithm"]
    broken = (hyphen + BREAK).join(header)
    whole = hyphen.join(header)
    # once per table that shows SlowDown (six), never in the page's own paragraph
    assert tex.count(broken) == 6
    assert tex.count(f"{{{whole}}}") == 1
    assert tex.count("\\_" + BREAK) == 6 * 7  # after each of its seven underscores


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("latexmk") is None, reason="needs latexmk and TeX Live")
def test_the_pdf_builds_despite_unusable_tabularcolumns(tmp_path: Path) -> None:
    """LaTeX stopped on ``lX{...}l`` (the seed's) and on a column count that does not fit."""
    cmd = [sys.executable, "-m", "sphinx", "-M", "latexpdf", str(COLSPEC_ROOT), str(tmp_path), "-q"]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr
    latex = tmp_path / "latex"
    assert (latex / "colspec.pdf").stat().st_size > 10_000
    log = (latex / "colspec.log").read_text("latin-1")
    assert not re.search(r"^! ", log, re.MULTILINE)
    assert "Overfull \\hbox" not in log
    if shutil.which("pdftoppm"):
        assert pages_past_margin(latex / "colspec.pdf", tmp_path / "pages") == []
