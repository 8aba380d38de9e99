"""The ``aws-error-compat`` directive, and the since/deprecated/differs notes of entries."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from io import StringIO

    from sphinx.testing.util import SphinxTestApp


def _warnings(warning: StringIO) -> list[str]:
    plain = re.sub(r"\x1b\[[0-9;]*m", "", warning.getvalue())
    return [line for line in plain.splitlines() if "WARNING" in line or "ERROR" in line]


def _rows(text: str) -> list[list[str]]:
    """The one-line rows of the text builder's tables, as lists of cells."""
    return [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in text.splitlines()
        if line.startswith("| ")
    ]


@pytest.mark.sphinx("text", testroot="compat", freshenv=True)
def test_matrix_rows_notes_and_totals(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    text = (app.outdir / "index.txt").read_text(encoding="utf-8")
    rows: dict[str, list[str]] = {}
    for row in _rows(text):  # the first matrix's rows (the later tables repeat some codes)
        if row[0].startswith('"'):
            rows.setdefault(row[0].strip('"'), row)
    assert rows["NoSuchKey"][1:] == ["404", "404", "same"]
    assert rows["InvalidQuery"][3] == "only here"
    assert rows["noSuchUpload"][3].startswith("differs only in case from")
    assert rows["AccessDenid"][3].startswith("likely a misspelling of")
    assert rows["NoSuchVersion"][1:3] == ["", "404"]
    assert rows["SlowDown"][3] == "marked as differing, but the same"
    # the differs reason is the note of a deliberate difference
    assert "Answered 400 <b>as</b> Ceph does" in text
    assert "Same: 2; differs: 3; only here: 2; only in the reference: 1." in text
    # the filtered matrix: 4xx NoSuch* codes of the kinds same, status and missing
    assert "Same: 1; differs: 1; only here: 0; only in the reference: 1." in text
    # the third matrix: :exclude: and :sort: status (then code)
    third = text.split("Same: 1; differs: 1; only here: 0; only in the reference: 1.")[1]
    third = third.split("Same:")[0]
    codes = [row[0].strip('"') for row in _rows(third) if row[0].startswith('"')]
    assert codes == ["AccessDenid", "noSuchUpload", "OldCode"]


@pytest.mark.sphinx("text", testroot="compat", freshenv=True)
def test_entry_notes_in_aws_error_and_the_table(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    text = (app.outdir / "index.txt").read_text(encoding="utf-8")
    assert "Status differs from the reference: Answered 400 <b>as</b> Ceph" in text
    assert "Deprecated since version 2.0: Use <Conflict> instead." in text
    # the note may wrap inside its cell: read the description column's lines in order
    column = [line.split("|")[2] for line in text.splitlines() if line.count("|") >= 4]
    assert re.search(r"(Added|New) in version 1\.0\.", " ".join(" ".join(column).split()))


@pytest.mark.sphinx("html", testroot="compat", freshenv=True)
def test_html_escapes_catalogue_text_and_warns_about_bad_matrices(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "<b>as</b>" not in html
    assert "&lt;b&gt;as&lt;/b&gt;" in html
    assert '<table class="awserr-table awserr-compat-table' in html
    assert 'id="matrix"' in html
    assert '<div class="deprecated">' in html
    assert "&lt;Conflict&gt;" in html
    found = _warnings(warning)
    assert len(found) == 2, found
    assert "broken.rst:4" in found[0]
    assert "reference file 'nowhere.yaml' not found" in found[0]
    assert found[0].endswith("[awserrors.compat]")
    assert "broken.rst:7" in found[1] and "no code matches the filters" in found[1]


@pytest.mark.parametrize("builder", ["latex", "man", "singlehtml"])
def test_every_builder_renders_the_matrix(
    builder: str, make_app: object, rootdir: object, tmp_path: object
) -> None:
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

    src = Path(str(rootdir)) / "test-compat"
    app = SphinxTestApp(builder, srcdir=src, builddir=Path(str(tmp_path)) / "out", freshenv=True)
    try:
        app.build()
        output = "".join(
            p.read_text(encoding="utf-8", errors="replace")
            for p in Path(app.outdir).rglob("*")
            if p.is_file() and p.suffix in (".tex", ".1", ".html")
        )
        assert "Status here" in output
        assert "only in the reference" in output
        assert "Same: 2; differs: 3" in output
    finally:
        app.cleanup()


@pytest.mark.sphinx("text", testroot="compat", confoverrides={"language": "de"}, freshenv=True)
def test_labels_are_translated(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    text = (app.outdir / "index.txt").read_text(encoding="utf-8")
    assert "Status hier" in text
    assert "nur in der Referenz" in text
    assert "Status weicht von der Referenz ab:" in text
    assert "Gleich: 2; abweichend: 3; nur hier: 2; nur in der Referenz: 1." in text
