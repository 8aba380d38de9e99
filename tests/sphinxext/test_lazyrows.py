"""Rows recorded compactly while reading: every builder writes what rows built at once give."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from docutils import nodes

from sphinx_awserrors.sphinxext import buildstate, lazyrows

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

DESCRIPTIONS = [
    "The specified key does not exist.",
    "You don't own it.",  # smart quotes
    "See ``x-amz-id`` and *this*.",  # markup
    "Refers to :awserr:`Code01` and :awserr:`Nope`.",  # references, one unknown
    "A link to `the docs <https://example.org/a>`__.",
    "Bad *markup here.",  # a warning, kept as text
    "",  # no description
    "Tom & Jerry <b>not bold</b>.",
    "Escaped \\\\*star\\\\*.",
]


def _project(root: Path) -> Path:
    root.mkdir(parents=True)
    lines = ["errors:\n"]
    for number, text in enumerate(DESCRIPTIONS):
        quoted = text.replace('"', '\\"')
        status = (400, 404, 418, 500, 503, 301, 403, 409, 400)[number]
        lines.append(
            f'  - code: Code{number:02d}\n    status: {status}\n    description: "{quoted}"\n'
        )
    (root / "errors.yaml").write_text("".join(lines), encoding="utf-8")
    (root / "conf.py").write_text(
        'extensions = ["sphinx_awserrors"]\nawserrors_catalogue = "errors.yaml"\n'
        "awserrors_checks = []\nproject = 'p'\n",
        encoding="utf-8",
    )
    (root / "index.rst").write_text(
        "Index\n=====\n\n.. toctree::\n\n   a\n   b\n\n"
        ".. aws-error-table:: All\n   :columns: description, code, reason, status\n",
        encoding="utf-8",
    )
    (root / "a.rst").write_text(
        "A\n=\n\n.. aws-error-table:: Grouped\n   :group-by: status-class\n\n"
        ".. aws-error-table::\n   :codes: Code0*\n   :no-index:\n",
        encoding="utf-8",
    )
    (root / "b.rst").write_text(
        "B\n=\n\nSee :awserr:`Code01`, :awserr:`Code03` and :ref:`awserr-code02`.\n",
        encoding="utf-8",
    )
    return root


def _outputs(outdir: Path, srcdir: Path) -> dict[str, str]:
    found = {}
    for path in sorted(outdir.rglob("*")):
        if path.suffix in {".html", ".txt", ".tex", ".1", ".texi", ".xml"} and path.is_file():
            text = path.read_text(encoding="utf-8").replace(str(srcdir), "<src>")
            text = re.sub(r"\\date\{[^}]*\}|@date [^\n]*|\.TH [^\n]*", "", text)
            found[str(path.relative_to(outdir))] = text
    return found


@pytest.mark.parametrize(
    "builder", ["html", "singlehtml", "text", "latex", "man", "texinfo", "xml", "dirhtml"]
)
def test_every_builder_writes_the_same_with_compact_rows(
    make_app: Callable[..., SphinxTestApp],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    builder: str,
) -> None:
    outputs, warnings = {}, {}
    for enabled in (True, False):
        monkeypatch.setattr(lazyrows, "ENABLED", enabled)
        app = make_app(builder, srcdir=_project(tmp_path / str(enabled)))
        app.build()
        outputs[enabled] = _outputs(app.outdir, app.srcdir)
        warnings[enabled] = sorted(
            line.replace(str(tmp_path / str(enabled)), "")
            for line in app._warning.getvalue().splitlines()
            if "[awserrors." in line
        )
    assert outputs[True] == outputs[False]
    assert outputs[True]
    assert warnings[True] == warnings[False]
    assert any("Nope" in line for line in warnings[True])


def test_rows_are_one_node_until_resolved(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    app = make_app("html", srcdir=_project(tmp_path / "p"))
    app.build()
    read = app.env.get_doctree("index")
    compact = list(read.findall(lazyrows.awserr_rows))
    assert len(compact) == 1
    # built while reading: the header, and the 418 row (its reason phrase has a quote)
    body_rows = [row for row in read.findall(nodes.row) if not isinstance(row.parent, nodes.thead)]
    assert [row.parent for row in body_rows] == [compact[0]]
    assert "Code02" in body_rows[0].astext()
    # kept as nodes: the descriptions with markup or something for smart quotes
    kept = [child.astext() for child in compact[0].children if isinstance(child, nodes.paragraph)]
    assert len(kept) == 6
    assert "The specified key does not exist." not in kept
    text = make_app("text", srcdir=_project(tmp_path / "t"))
    text.build()
    resolved = text.env.get_and_resolve_doctree("index", text.builder)
    assert not list(resolved.findall(lazyrows.awserr_rows))
    shown = len(buildstate.get_catalogue(text.env))
    assert len(list(resolved.findall(nodes.row))) == 1 + shown
