"""References to the project's codes resolved before Sphinx's resolver: the same output."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest

from sphinx_awserrors.sphinxext import own_references
from sphinx_awserrors.sphinxext.domain import AwsDomain

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

ENTRIES = [
    {"code": "NoSuchKey", "status": 404, "description": "The key does not exist."},
    {"code": "AccessDenied", "status": 403, "description": 'You can\'t "see" it.'},
    {"code": "SlowDown", "status": 503, "description": "Refers to :awserr:`NoSuchKey`."},
    {"code": "Moved", "status": 301, "description": "<b>moved</b> & gone"},
]

PROSE = """\
See :awserr:`NoSuchKey`, :awserr:`the title <AccessDenied>`, :awserr:`!SlowDown`,
:aws:err:`Moved`, :awsstatus:`4xx`, :awsstatus:`503`, :any:`NoSuchKey`,
:ref:`awserr-nosuchkey` and :awserr:`NoSuchKye` (unknown).

* :awserr:`SlowDown` in a list
"""


def _project(root: Path, conf: str = "") -> Path:
    root.mkdir(parents=True)
    (root / "errors.json").write_text(json.dumps({"errors": ENTRIES}), encoding="utf-8")
    (root / "conf.py").write_text(
        'extensions = ["sphinx_awserrors"]\nawserrors_catalogue = "errors.json"\n'
        "awserrors_checks = []\nproject = 'p'\n" + conf,
        encoding="utf-8",
    )
    (root / "index.rst").write_text(
        "Index\n=====\n\n.. toctree::\n\n   sub/a\n   b\n\n.. aws-error-table:: All\n\n" + PROSE,
        encoding="utf-8",
    )
    (root / "sub").mkdir()
    (root / "sub" / "a.rst").write_text("A\n=\n\n" + PROSE, encoding="utf-8")
    (root / "b.rst").write_text(
        "B\n=\n\n.. aws-error:: Moved\n\n" + PROSE + "\n.. only:: latex\n\n   :awserr:`Moved`\n",
        encoding="utf-8",
    )
    return root


def _outputs(app: SphinxTestApp) -> dict[str, str]:
    found = {}
    for path in sorted(app.outdir.rglob("*")):
        if path.is_file() and path.suffix in {".html", ".xhtml", ".txt", ".tex", ".1", ".texi"}:
            text = path.read_text(encoding="utf-8").replace(str(app.srcdir), "<src>")
            found[str(path.relative_to(app.outdir))] = text
    return found


def _both_ways(
    make_app: Callable[..., SphinxTestApp],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    builder: str,
    conf: str = "",
) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """Outputs resolved early and by Sphinx alone, and the warnings of each build."""
    early = make_app(builder, srcdir=_project(tmp_path / "early", conf))
    early.build()
    with monkeypatch.context() as patch:
        patch.setattr(own_references.ResolveOwnReferences, "run", lambda self, **kwargs: None)
        late = make_app(builder, srcdir=_project(tmp_path / "late", conf))
        late.build()
    # the extension's warnings (a second application in one process also warns that Sphinx's
    # nodes and directives are registered already)
    warnings = [
        "".join(
            line
            for line in app._warning.getvalue().replace(str(app.srcdir), "<src>").splitlines(True)
            if "[awserrors" in line or "[ref." in line
        )
        for app in (early, late)
    ]
    assert _outputs(early)
    return _outputs(early), _outputs(late), warnings


@pytest.mark.parametrize(
    "builder", ["html", "dirhtml", "singlehtml", "epub", "latex", "text", "man", "texinfo"]
)
def test_early_resolution_gives_what_sphinx_gives_in_every_builder(
    make_app: Callable[..., SphinxTestApp],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    builder: str,
) -> None:
    early, late, warnings = _both_ways(make_app, tmp_path, monkeypatch, builder)
    assert early == late
    assert warnings[0] == warnings[1]
    assert "NoSuchKye" in warnings[0]  # the unknown code is still reported


@pytest.mark.parametrize("conf", ["language = 'de'\n", "html_theme = 'furo'\n"])
def test_early_resolution_follows_the_settings(
    make_app: Callable[..., SphinxTestApp],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    conf: str,
) -> None:
    early, late, warnings = _both_ways(make_app, tmp_path, monkeypatch, "html", conf)
    assert early == late
    assert warnings[0] == warnings[1]


def test_only_unresolved_references_reach_sphinx_s_resolver(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    original = AwsDomain.resolve_xref

    def resolve_xref(self: AwsDomain, *args: Any) -> Any:
        asked.append(args[4])  # the target
        return original(self, *args)

    monkeypatch.setattr(AwsDomain, "resolve_xref", resolve_xref)
    app = make_app("html", srcdir=_project(tmp_path / "p"))
    app.build()
    # three pages, each with one unknown code and one :any: (which Sphinx's resolver asks
    # every domain); the known codes of :awserr: never got that far
    assert sorted(asked) == ["NoSuchKey"] * 3 + ["NoSuchKye"] * 3
    page = (app.outdir / "sub" / "a.html").read_text(encoding="utf-8")
    assert 'href="../index.html#awserr-nosuchkey"' in page
    assert 'title="404 Not Found: The key does not exist."' in page
