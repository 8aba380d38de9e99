"""``awserrors_index_entries``: which general-index entries the codes get, in HTML and LaTeX."""

from __future__ import annotations

import re
import shutil
from io import StringIO
from pathlib import Path
from typing import Any

import pytest

NOSUCHKEY = "catalogue.html#awserr-nosuchkey"


def _build(make_app: Any, rootdir: Path, tmp_path: Path, builder: str, value: object) -> Any:
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-xref", src)
    warnings = StringIO()
    app = make_app(
        builder, srcdir=src, confoverrides={"awserrors_index_entries": value}, warning=warnings
    )
    app.build()
    return app


@pytest.mark.parametrize(
    ("value", "count", "under_status"),
    [("all", 2, True), (True, 2, True), ("code", 1, False), ("none", 0, False), (False, 0, False)],
)
def test_html_general_index(
    make_app: Any, rootdir: Path, tmp_path: Path, value: object, count: int, under_status: bool
) -> None:
    app = _build(make_app, rootdir, tmp_path, "html", value)
    page = (Path(app.outdir) / "genindex.html").read_text(encoding="utf-8")
    assert page.count(f'href="{NOSUCHKEY}"') == count
    assert bool(re.search(r"<li>\s*404\s*<ul>", page)) is under_status
    # the domain index lists every code whatever the setting
    domain_index = (Path(app.outdir) / "aws-errorindex.html").read_text(encoding="utf-8")
    assert NOSUCHKEY in domain_index
    assert "awserrors_index_entries" not in app._warning.getvalue()


@pytest.mark.parametrize(("value", "entries"), [("all", 2), ("code", 1), ("none", 0)])
def test_latex_index(
    make_app: Any, rootdir: Path, tmp_path: Path, value: str, entries: int
) -> None:
    app = _build(make_app, rootdir, tmp_path, "latex", value)
    tex = (Path(app.outdir) / "xref.tex").read_text(encoding="utf-8")
    found = tex.count(r"\index{NoSuchKey@\spxentry{NoSuchKey}|spxpagem}") + tex.count(
        r"\index{404@\spxentry{404}!NoSuchKey@\spxentry{NoSuchKey}}"
    )
    assert found == entries


def test_other_value_warns_and_keeps_every_entry(
    make_app: Any, rootdir: Path, tmp_path: Path
) -> None:
    app = _build(make_app, rootdir, tmp_path, "html", "codes")
    warnings = re.sub(r"\x1b\[[0-9;]*m", "", app._warning.getvalue())
    assert (
        "awserrors_index_entries must be one of 'all', 'code', 'none', not 'codes'; using 'all'"
    ) in warnings
    assert warnings.count("awserrors_index_entries must be") == 1
    page = (Path(app.outdir) / "genindex.html").read_text(encoding="utf-8")
    assert page.count(f'href="{NOSUCHKEY}"') == 2


def test_changing_the_setting_rebuilds_the_index(
    make_app: Any, rootdir: Path, tmp_path: Path
) -> None:
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-xref", src)
    for value, count in (("all", 2), ("none", 0), ("code", 1)):
        app = make_app("html", srcdir=src, confoverrides={"awserrors_index_entries": value})
        app.build()
        page = (Path(app.outdir) / "genindex.html").read_text(encoding="utf-8")
        assert page.count(f'href="{NOSUCHKEY}"') == count, value
