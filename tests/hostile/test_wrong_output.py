"""Wrong output without a word: each case now gives the right output, or a located message.

* a code shown only inside ``.. only::`` that the builder drops is no link target;
* codes with characters the general index reads (``;``, ``!``, ``(x)``) stay one entry;
* control characters in catalogue text never reach the ``.tex``, the general index or XHTML;
* ``lint`` of a malformed legacy table says what the table reader found, and where;
* ``import-rst`` leaves out a row whose code cell spans the description column.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from io import StringIO
from pathlib import Path
from typing import Any

import pytest

from sphinx_awserrors.catalogue import Catalogue, load_files
from sphinx_awserrors.cli import main
from sphinx_awserrors.markup import policy
from sphinx_awserrors.sphinxext import buildstate

CONF = (
    'extensions = ["sphinx_awserrors"]\n'
    'awserrors_catalogue = "errors.yaml"\n'
    'latex_documents = [("index", "wrong.tex", "Wrong", "Tests", "manual")]\n'
)


def write(srcdir: Path, catalogue: str, pages: dict[str, str], conf: str = "") -> None:
    srcdir.mkdir(parents=True, exist_ok=True)
    (srcdir / "conf.py").write_text(CONF + conf, encoding="utf-8")
    (srcdir / "errors.yaml").write_text(catalogue, encoding="utf-8")
    for name, text in pages.items():
        (srcdir / name).write_text(text, encoding="utf-8")


def build(make_app: Any, srcdir: Path, builder: str, **kwargs: Any) -> tuple[Any, str]:
    warnings = StringIO()
    app = make_app(builder, srcdir=srcdir, warning=warnings, **kwargs)
    app.build()
    return app, re.sub(r"\x1b\[[0-9;]*m", "", warnings.getvalue())


def entries(*codes: str) -> str:
    lines = ["errors:"]
    for code in codes:
        lines += [f"  - code: {json.dumps(code)}", "    status: 404", "    description: Gone."]
    return "\n".join(lines) + "\n"


# --- only ----------------------------------------------------------------------------------

ONLY_PAGES = {
    "index.rst": (
        "Index\n=====\n\n.. toctree::\n\n   latexonly\n   shown\n\nSee :awserr:`NoSuchKey`.\n"
    ),
    # first by document name: the canonical target, were it not left out of HTML
    "latexonly.rst": "LaTeX\n=====\n\n.. only:: latex\n\n   .. aws-error:: NoSuchKey\n",
    "shown.rst": "Shown\n=====\n\n.. aws-error-table::\n   :codes: NoSuchKey\n",
}


@pytest.mark.parametrize(
    "expression", ["latex", "latex or text", "not html", "builder_latex", "format_latex"]
)
def test_a_place_the_html_build_drops_is_no_target(
    make_app: Any, tmp_path: Path, expression: str
) -> None:
    srcdir = tmp_path / "src"
    pages = dict(ONLY_PAGES)
    pages["latexonly.rst"] = pages["latexonly.rst"].replace("latex\n\n", f"{expression}\n\n", 1)
    write(srcdir, entries("NoSuchKey"), pages)
    app, warnings = build(make_app, srcdir, "html")
    index = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert 'href="shown.html#awserr-nosuchkey"' in index
    assert "latexonly.html#awserr-nosuchkey" not in index
    export = json.loads((Path(app.outdir) / "_static" / "awserrors.json").read_text("utf-8"))
    urls = {error["code"]: error["url"] for error in export["errors"]}
    assert urls["NoSuchKey"].endswith("shown.html#awserr-nosuchkey")
    genindex = (Path(app.outdir) / "genindex.html").read_text(encoding="utf-8")
    assert "latexonly.html#awserr" not in genindex  # (the sidebar may link the page itself)
    assert "shown.html#awserr-nosuchkey" in genindex
    assert "WARNING" not in warnings.replace("toctree", "")


def test_a_table_row_the_html_build_drops_is_no_target(make_app: Any, tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    pages = dict(ONLY_PAGES)
    pages["latexonly.rst"] = (
        "LaTeX\n=====\n\n.. only:: latex\n\n   .. only:: not html\n\n"
        "      .. aws-error-table::\n         :codes: NoSuchKey\n"
    )
    write(srcdir, entries("NoSuchKey"), pages)  # two rows: latexonly's comes first by name
    app, _ = build(make_app, srcdir, "html")
    index = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert 'href="shown.html#awserr-nosuchkey"' in index


def test_only_place_kept_by_its_builder_stays_the_target(make_app: Any, tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    pages = dict(ONLY_PAGES)
    pages["latexonly.rst"] = pages["latexonly.rst"].replace("latex", "html", 1)
    write(srcdir, entries("NoSuchKey"), pages)
    app, _ = build(make_app, srcdir, "html")
    index = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert 'href="latexonly.html#awserr-nosuchkey"' in index


def test_a_code_shown_only_where_html_drops_it_is_text_with_a_warning(
    make_app: Any, tmp_path: Path
) -> None:
    srcdir = tmp_path / "src"
    pages = {k: v for k, v in ONLY_PAGES.items() if k != "shown.rst"}
    pages["index.rst"] = pages["index.rst"].replace("   shown\n", "")
    write(srcdir, entries("NoSuchKey"), pages)
    app, warnings = build(make_app, srcdir, "html")
    index = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert "#awserr-nosuchkey" not in index
    assert "NoSuchKey is shown only inside 'only' directives that this builder leaves out" in (
        warnings
    )
    assert f"{srcdir / 'index.rst'}:" in warnings and "[awserrors.ref]" in warnings


def test_the_same_environment_follows_the_builder(make_app: Any, tmp_path: Path) -> None:
    """An HTML build after a LaTeX build of the same doctrees does not keep LaTeX's target."""
    srcdir = tmp_path / "src"
    write(srcdir, entries("NoSuchKey"), dict(ONLY_PAGES))
    latex, _ = build(make_app, srcdir, "latex", builddir=tmp_path / "b1")
    tex = (Path(latex.outdir) / "wrong.tex").read_text(encoding="utf-8")
    assert r"\index{NoSuchKey@\spxentry{NoSuchKey}|spxpagem}" in tex
    html, _ = build(make_app, srcdir, "html", builddir=tmp_path / "b1")
    index = (Path(html.outdir) / "index.html").read_text(encoding="utf-8")
    assert 'href="shown.html#awserr-nosuchkey"' in index


# --- index entries ---------------------------------------------------------------------------

SPECIAL_CODES = ["Semi;Colon", "Bang!Code", "!Leading", "Two;Semi;Colons", "Spaced (qualifier)"]


def test_special_codes_are_one_general_index_entry_each(make_app: Any, tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    write(srcdir, entries(*SPECIAL_CODES), {"index.rst": "T\n=\n\n.. aws-error-table::\n"})
    app, warnings = build(make_app, srcdir, "html")
    genindex = (Path(app.outdir) / "genindex.html").read_text(encoding="utf-8")
    assert "invalid" not in warnings
    for code in SPECIAL_CODES:
        shown = policy.index_text(code)
        # a top-level entry of its own, linked to its row (not a sub-entry of its first part)
        entry = rf"<li><a href=\"index.html#[^\"]+\"><strong>{re.escape(shown)}"
        assert re.search(entry, genindex), code
    # nothing was split at ";": no entry "Semi", "Two" or "Spaced"
    assert not re.search(r"<li>(Semi|Two|Spaced)\s*<ul>", genindex)
    assert ">Semi<" not in genindex and ">Two<" not in genindex


def test_special_codes_in_the_latex_index(make_app: Any, tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    write(srcdir, entries(*SPECIAL_CODES), {"index.rst": "T\n=\n\n.. aws-error-table::\n"})
    app, warnings = build(make_app, srcdir, "latex")
    tex = (Path(app.outdir) / "wrong.tex").read_text(encoding="utf-8")
    assert "index entry" not in warnings
    for code, key in [
        ("Semi;Colon", "Semi;Colon"),
        ("Bang!Code", 'Bang"!Code'),
        ("!Leading", '"!Leading'),
        ("Two;Semi;Colons", "Two;Semi;Colons"),
        ("Spaced (qualifier)", "Spaced (qualifier)"),
    ]:
        assert rf"\index{{{key}@\spxentry{{{key}}}|spxpagem}}" in tex, code
        assert rf"\index{{404@\spxentry{{404}}!{key}@\spxentry{{{key}}}}}" in tex, code
    # no level made from a part of a code
    assert r"\index{Semi@" not in tex and r"\index{Two@" not in tex
    assert "\u037e" not in tex


@pytest.mark.parametrize("builder", ["texinfo", "text", "man", "epub"])
def test_special_codes_in_other_builders(make_app: Any, tmp_path: Path, builder: str) -> None:
    srcdir = tmp_path / "src"
    write(srcdir, entries(*SPECIAL_CODES), {"index.rst": "T\n=\n\n.. aws-error-table::\n"})
    app, warnings = build(make_app, srcdir, builder)
    assert "index entry" not in warnings
    if builder == "texinfo":
        texinfo = next(Path(app.outdir).glob("*.texi")).read_text(encoding="utf-8")
        assert "@geindex Semi\u037eColon" in texinfo
        assert "@geindex Semi\n" not in texinfo


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("A;B", "A\u037eB"),
        ("A (b)", "A\u00a0(b)"),
        ("Bell\x07", "Bell\\x07"),
        ("Nul\x00;x", "Nul\\x00\u037ex"),
        ("Plain", "Plain"),
    ],
)
def test_index_text(code: str, text: str) -> None:
    assert policy.index_text(code) == text


# --- control characters ----------------------------------------------------------------------


@pytest.fixture
def control_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    """The loader as if it let control characters through (the placeholder ``CTRL``)."""
    load = load_files

    def with_controls(*args: Any, **kwargs: Any) -> Any:
        result = load(*args, **kwargs)
        changed = tuple(
            replace(
                entry,
                code=entry.code.replace("CTRL", "\x01"),
                description=entry.description.replace("CTRL", "\x1b[31m\x00"),
            )
            for entry in result.catalogue
        )
        return replace(result, catalogue=Catalogue(changed))

    monkeypatch.setattr(buildstate, "load_files", with_controls)  # as buildstate imported it


@pytest.mark.parametrize("builder", ["latex", "html", "epub", "text"])
def test_control_characters_never_reach_the_output(
    make_app: Any, tmp_path: Path, control_characters: None, builder: str
) -> None:
    srcdir = tmp_path / "src"
    catalogue = (
        "errors:\n  - code: BadCTRLCode\n    status: 400\n    description: Text CTRL here.\n"
        "  - code: OtherCTRL\n    status: 404\n    description: Other.\n"
    )
    page = "T\n=\n\n.. aws-error-table::\n\n.. aws-error:: OtherCTRL\n"
    write(srcdir, catalogue, {"index.rst": page})
    app, _ = build(make_app, srcdir, builder)
    outdir = Path(app.outdir)
    files = [p for p in outdir.rglob("*") if p.suffix in {".tex", ".html", ".xhtml", ".txt"}]
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not policy.CONTROL_CHARACTERS.search(text), path
    if builder == "latex":
        tex = (outdir / "wrong.tex").read_text(encoding="utf-8")
        assert "Bad" in tex and "x01" in tex
    if builder == "html":
        genindex = (outdir / "genindex.html").read_text(encoding="utf-8")
        assert "Bad\\x01Code" in genindex


# --- lint of a malformed legacy table -------------------------------------------------------

MALFORMED = {
    "border.rst": (
        "Errors\n======\n\n"
        "+-----------+-------------+-------+\n"
        "| Code      | Description | Error |\n"
        "+===========+=============+=======+\n"
        "| NoSuchKey | Gone.         | 404   |\n"
        "+-----------+-------------+-------+\n",
        7,
        "Malformed table",
    ),
    "columns.md": (
        "| Error Code | Error Description | Error |\n| --- | --- |\n| NoSuchKey | Gone. | 404 |\n",
        1,
        "delimiter row",
    ),
    "simple.rst": (
        "Errors\n======\n\n"
        "=========  =====\n"
        "Code       Error\n"
        "=========  =====\n"
        "NoSuchKey  404  extra\n"
        "  indented\n"
        "=========  =====\n",
        None,
        "",
    ),
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_lint_of_a_malformed_table_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    text, line, fragment = MALFORMED[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert main(["lint", str(path)]) == 2
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert all(item.startswith("sphinx-awserrors lint: error: ") for item in lines), err
    assert lines[-1].endswith("no error table found (see the table reader's messages above)") or (
        line is None and "no error table found" in lines[-1]
    )
    if line is not None:
        # docutils 0.18 puts a malformed grid table's error at the table's first line, later
        # versions at the bad row: either is a line inside the table
        found = re.search(rf"{re.escape(str(path))}:(\d+): ", err)
        assert found, err
        first = text[: text.find("+")].count("\n") + 1 if "+" in text else line
        assert min(first, line) <= int(found.group(1)) <= line
        assert fragment in err


# --- import-rst of a row whose code cell spans the description column -----------------------

SPANNING = """Errors
======

+--------------+-------------+-------+
| Error Code   | Description | Error |
+==============+=============+=======+
| NoSuchKey    | Gone.       | 404   |
+--------------+-------------+-------+
| AccessDenied               | 403   |
+--------------+-------------+-------+
| NoSuchBucket | No bucket.  | 404   |
+--------------+-------------+-------+
| Wide         | Described.  | 400   |
|              |             |       |
+--------------+-------------+-------+
| SpansAll                           |
+--------------+-------------+-------+
"""


def test_import_rst_leaves_out_a_code_spanning_the_description(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "spans.rst"
    source.write_text(SPANNING, encoding="utf-8")
    output = tmp_path / "spans.json"
    assert main(["import-rst", str(source), "-o", str(output)]) == 1
    err = capsys.readouterr().err
    assert f"{source}:9: " in err
    assert "row 'AccessDenied': the code cell spans the description column; row left out" in err
    assert f"{source}:16: " in err and "'SpansAll'" in err
    imported = json.loads(output.read_text(encoding="utf-8"))
    codes = {error["code"]: error["description"] for error in imported["errors"]}
    assert codes == {"NoSuchKey": "Gone.", "NoSuchBucket": "No bucket.", "Wide": "Described."}


def test_lint_reports_the_spanning_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "spans.rst"
    source.write_text(SPANNING, encoding="utf-8")
    assert main(["lint", "--select", "duplicate-code", str(source)]) == 1
    out = capsys.readouterr().out
    assert f"{source}:9:" in out and "spans the description column" in out
