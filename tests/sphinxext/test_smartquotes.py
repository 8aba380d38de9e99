"""Cells that smart quotes would not change skip the transform; the output stays the same."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from docutils import nodes

from sphinx_awserrors.sphinxext import lazyrows, smartquotes

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

#: descriptions with something to educate, and without
ACTIVE = [
    "You don't own this bucket.",
    'The "name" is wrong.',
    "A range -- not a point.",
    "Wait... then retry.",
    "Escaped \\*star\\* and \\'quote\\'.",
    "Use ``it's`` literally, then 'quote'.",
    "Tom & Jerry.",
    "Curly \u2019 already.",
]
PLAIN = [
    "The specified key does not exist.",
    "See ``x-amz-request-id`` for details.",
    "A single - hyphen and a period.",
    "An *emphasised* word.",
]


def _project(root: Path, language: str | None = None) -> Path:
    lines = ["errors:\n"]
    for number, text in enumerate(ACTIVE + PLAIN):
        quoted = text.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'  - code: Code{number:02d}\n    status: 400\n    description: "{quoted}"\n')
    root.mkdir(parents=True, exist_ok=True)
    (root / "errors.yaml").write_text("".join(lines), encoding="utf-8")
    conf = 'extensions = ["sphinx_awserrors"]\nawserrors_catalogue = "errors.yaml"\n'
    conf += "awserrors_checks = []\n"
    if language:
        conf += f"language = {language!r}\n"
    (root / "conf.py").write_text(conf, encoding="utf-8")
    (root / "index.rst").write_text(
        'Errors\n======\n\n.. aws-error-table:: All\n\nProse that\'s "quoted".\n',
        encoding="utf-8",
    )
    return root


def _body(app: SphinxTestApp, name: str) -> str:
    text = (app.outdir / name).read_text(encoding="utf-8")
    match = re.search(r'<div class="body" role="main">(.*?)<div class="sphinxsidebar"', text, re.S)
    return match[1] if match else text


def _with_and_without(
    make_app: Callable[..., SphinxTestApp],
    monkeypatch: pytest.MonkeyPatch,
    builder: str,
    project: Callable[[Path, str | None], Path],
    tmp_path: Path,
    language: str | None,
    name: str,
    replacement: object,
) -> tuple[SphinxTestApp, SphinxTestApp]:
    """The project built with the skip, and built with ``smartquotes.<name>`` replaced."""
    skipped = make_app(builder, srcdir=project(tmp_path / "skip", language))
    skipped.build()
    with monkeypatch.context() as patch:
        patch.setattr(smartquotes, name, replacement)
        educated = make_app(builder, srcdir=project(tmp_path / "all", language))
        educated.build()
    return skipped, educated


@pytest.mark.parametrize(("builder", "page"), [("html", "index.html"), ("text", "index.txt")])
@pytest.mark.parametrize("language", [None, "de"])
def test_output_is_the_same_with_and_without_the_skip(
    make_app: Callable[..., SphinxTestApp],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    builder: str,
    page: str,
    language: str | None,
) -> None:
    skipped, educated = _with_and_without(
        make_app, monkeypatch, builder, _project, tmp_path, language, "_plain", lambda block: False
    )
    assert _body(skipped, page) == _body(educated, page)
    if builder == "html":
        # the active descriptions were educated: no straight apostrophe left in them
        assert "You don’t own" in _body(skipped, page) or language == "de"
        assert "Prose that’s" in _body(skipped, page) or language == "de"


def test_only_cells_without_anything_to_educate_skip(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lazyrows, "ENABLED", False)  # every row built while reading
    app = make_app("html", srcdir=_project(tmp_path / "p"))
    app.build()
    doctree = app.env.get_doctree("index")
    body = next(doctree.findall(nodes.tbody))
    for row in body.children:
        code, description, _status = (cell.children[0] for cell in row.children)
        text = description.astext()
        is_plain = any(
            text == " ".join(p.replace("``", "").replace("*", "").split()) for p in PLAIN
        )
        assert isinstance(description, smartquotes.awserr_block) is is_plain, text
        assert isinstance(code, smartquotes.awserr_block)  # codes have nothing to educate
        assert isinstance(description, nodes.paragraph)
        assert description.tagname == "paragraph"


def test_kept_descriptions_without_anything_to_educate_skip(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    app = make_app("html", srcdir=_project(tmp_path / "p"))
    app.build()
    (compact,) = app.env.get_doctree("index").findall(lazyrows.awserr_rows)
    kept = {child.astext(): child for child in compact.children}
    assert isinstance(kept["See x-amz-request-id for details."], smartquotes.awserr_block)
    assert not isinstance(kept["You don’t own this bucket."], smartquotes.awserr_block)


@pytest.mark.parametrize(
    ("text", "active"),
    [
        ("plain words.", False),
        ("it's", True),
        ('"q"', True),
        ("a -- b", True),
        ("a - b", False),
        ("wait...", True),
        ("wait. . .", True),
        ("`tick`", True),
        ("back\\slash", True),
        ("&quot;", True),
        ("escaped\x00-", True),
        ("curly \u201c", True),
        ("dash \u2013", True),
    ],
)
def test_what_counts_as_something_to_educate(text: str, active: bool) -> None:
    assert bool(smartquotes.ACTIVE.search(text)) is active


def _reference_project(root: Path, language: str | None = None) -> Path:
    _project(root, language)
    with (root / "index.rst").open("a", encoding="utf-8") as index:
        index.write(
            '\nIt\'s :awserr:`Code00`, "then" :awserr:`Code01` -- and :awserr:`!Code02`...\n\n'
            ":awserr:`It's \"titled\" <Code03>` and :awserr:`Unknown`, 'quoted'.\n\n"
            '* :awserr:`Code04`\n* "item" :awserr:`Code05`\n'
        )
    return root


@pytest.mark.parametrize(("builder", "page"), [("html", "index.html"), ("text", "index.txt")])
@pytest.mark.parametrize("language", [None, "de", "fr"])
def test_reference_codes_skip_smart_quotes_with_the_same_output(
    make_app: Callable[..., SphinxTestApp],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    builder: str,
    page: str,
    language: str | None,
) -> None:
    skipped, educated = _with_and_without(
        make_app,
        monkeypatch,
        builder,
        _reference_project,
        tmp_path,
        language,
        "note_literals",
        lambda env, literals: None,
    )
    assert _body(skipped, page) == _body(educated, page)
    assert _warnings(skipped) == _warnings(educated)
    if builder == "html" and language is None:
        # the prose around the references and an explicit title are still educated
        assert "It’s" in _body(skipped, page)
        assert "It’s “titled”" in _body(skipped, page)


def _warnings(app: SphinxTestApp) -> list[str]:
    """The extension's warnings (a second application in one process also warns about
    Sphinx's own nodes and directives being registered already)."""
    text = app._warning.getvalue().replace(str(app.srcdir), "<src>")
    return [line for line in text.splitlines() if "[awserrors" in line]


def test_reference_codes_are_ordinary_literals_once_read(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    app = make_app("html", srcdir=_reference_project(tmp_path / "p"))
    app.build()
    doctree = app.env.get_doctree("index")
    literals = [
        node for node in doctree.findall(nodes.literal) if "aws-err" in node.get("classes", [])
    ]
    assert len(literals) >= 5
    assert all(type(node) is nodes.literal for node in literals)
