"""HTML rows written from their records: the same pages and search index as built rows."""

from __future__ import annotations

import json
import random
import re
from typing import TYPE_CHECKING

import pytest
from docutils import nodes

from sphinx_awserrors.sphinxext import html_rows, lazyrows

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

#: Descriptions of every kind a row writes differently: plain text, text HTML escapes, markup
#: and references (kept as nodes), smart quotes, control characters, escapes, e-mail addresses.
DESCRIPTIONS = [
    "The specified key does not exist.",
    "You don't own it.",
    "See ``x-amz-id`` and *this*.",
    "Refers to :awserr:`Code01` and :awserr:`Nope`.",
    "A link to `the docs <https://example.org/a>`__ and mailto:ops@example.org.",
    "Bad *markup here.",
    "",
    'Tom & Jerry <b>not bold</b> "quoted" @home >_<',
    "Escaped \\\\*star\\\\* and a bell \x07 and tab\tend.",
    "<script>alert(1)</script>",
    "Über-größe: ça marche — 100 % ≥ 99.",
    "javascript:alert(1)",
]

STATUSES = (400, 404, 418, 500, 503, 301, 403, 409, 400, 200, 429, 501)


def _catalogue(descriptions: list[str]) -> str:
    entries = [
        {
            "code": f"Code{number:02d}",
            "status": STATUSES[number % len(STATUSES)],
            "description": text,
        }
        for number, text in enumerate(descriptions)
    ]
    return json.dumps({"errors": entries}, indent=1)


TABLES = """\
.. aws-error-table:: All
   :columns: description, code, reason, status

.. aws-error-table:: Grouped
   :group-by: status-class
   :no-index:

.. aws-error-table::
   :columns: status, code
   :status-reason: no
   :no-index:
   :no-filter:

.. aws-error-table::
   :columns: code, status, description
   :sort: -status
   :codes: Code0*
   :no-index:
"""


def _project(root: Path, conf: str = "", descriptions: list[str] | None = None) -> Path:
    root.mkdir(parents=True)
    (root / "errors.json").write_text(_catalogue(descriptions or DESCRIPTIONS), encoding="utf-8")
    (root / "conf.py").write_text(
        'extensions = ["sphinx_awserrors"]\nawserrors_catalogue = "errors.json"\n'
        "awserrors_checks = []\nproject = 'p'\n" + conf,
        encoding="utf-8",
    )
    (root / "index.rst").write_text(
        "Index\n=====\n\n.. toctree::\n\n   a\n   b\n\n" + TABLES, encoding="utf-8"
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
        if path.is_file() and (path.suffix in {".html", ".xhtml"} or path.name == "searchindex.js"):
            text = path.read_text(encoding="utf-8").replace(str(srcdir), "<src>")
            if path.name == "searchindex.js":
                # Sphinx < 7.3 writes the index's keys in the order words were first seen
                index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
                text = json.dumps(index, sort_keys=True)
            found[str(path.relative_to(outdir))] = text
    return found


def _both_ways(
    make_app: Callable[..., SphinxTestApp],
    tmp_path: Path,
    builder: str,
    conf: str = "",
    descriptions: list[str] | None = None,
    **kwargs: object,
) -> tuple[dict[str, str], dict[str, str], list[SphinxTestApp]]:
    """The outputs with rows written from their records, and with rows built, and the apps."""
    outputs, apps = {}, []
    for fast in (True, False):
        root = _project(
            tmp_path / str(fast), conf + f"awserrors_html_fast_rows = {fast}\n", descriptions
        )
        app = make_app(builder, srcdir=root, **kwargs)
        app.build()
        apps.append(app)
        outputs[fast] = _outputs(app.outdir, app.srcdir)
    assert outputs[True]
    return outputs[True], outputs[False], apps


def _rows_written(app: SphinxTestApp, docname: str = "index") -> int:
    resolved = app.env.get_and_resolve_doctree(docname, app.builder)
    return sum(len(node["rows"]) for node in resolved.findall(html_rows.awserr_html_rows))


@pytest.mark.parametrize("builder", ["html", "dirhtml", "singlehtml", "epub"])
def test_written_rows_equal_built_rows_in_every_html_builder(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, builder: str
) -> None:
    fast, built, apps = _both_ways(make_app, tmp_path, builder)
    assert fast == built
    if builder != "singlehtml":
        assert _rows_written(apps[0]) > 0
        assert _rows_written(apps[1]) == 0


@pytest.mark.parametrize(
    "conf",
    [
        "html_permalinks = False\n",
        "html_permalinks_icon = '#'\n",
        "language = 'de'\n",
        "awserrors_status_reason = False\n",
        "html_theme = 'classic'\n",
        "html_theme = 'pydata_sphinx_theme'\n",
        "html_theme = 'sphinx_book_theme'\n",
        "html_theme = 'sphinx_rtd_theme'\n",
        "html_theme = 'furo'\n",
        "awserrors_table_filter = False\nsmartquotes = False\n",
    ],
)
def test_written_rows_follow_the_settings_as_built_rows_do(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, conf: str
) -> None:
    fast, built, apps = _both_ways(make_app, tmp_path, "html", conf)
    assert fast == built
    assert _rows_written(apps[0]) > 0


def test_search_finds_codes_and_words_of_written_rows(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    fast, built, _apps = _both_ways(make_app, tmp_path, "html")
    index = fast["searchindex.js"]
    assert index == built["searchindex.js"]
    for word in ("code00", "specifi", "jerri", "teapot"):
        assert f'"{word}"' in index


def test_random_descriptions_give_the_same_rows_either_way(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    # text of the characters HTML, reStructuredText and the sanitiser treat specially
    alphabet = "ab Z0 \t<>&\"'@*`_|\\:/-.;!?()[]{}\x07\x1b\u00a0\u2028é€𝄞"
    chooser = random.Random(18)
    descriptions = [
        "".join(chooser.choice(alphabet) for _ in range(chooser.randint(1, 40))).strip() or "x"
        for _ in range(60)
    ]
    fast, built, apps = _both_ways(make_app, tmp_path, "html", descriptions=descriptions)
    assert fast == built
    plain = _plain_rows(apps[0])
    # both kinds were written: plain texts (some with HTML's special characters) and kept
    # paragraphs (the loader shows control characters as U+FFFD)
    assert len(plain) >= 10
    assert any(set(text) & set("<>&@") for text in plain)
    assert _rows_written(apps[0]) > len(plain)


#: An extension whose HTML translator writes cells its own way.
OWN_CELLS = """\
from sphinx.writers.html5 import HTML5Translator


class OwnCells(HTML5Translator):
    def visit_entry(self, node):
        super().visit_entry(node)
        self.body.append("<!-- cell -->")


def setup(app):
    app.set_translator("html", OwnCells, override=True)
"""


def test_a_translator_of_its_own_gets_built_rows(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(tmp_path / "own")
    (root / "own_cells.py").write_text(OWN_CELLS, encoding="utf-8")
    monkeypatch.syspath_prepend(str(root))
    with open(root / "conf.py", "a", encoding="utf-8") as conf:
        conf.write("extensions.append('own_cells')\n")
    app = make_app("html", srcdir=root)
    app.build()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    rows = len(re.findall(r'<tr class="awserr-row', page))
    assert rows > 0
    assert page.count("<!-- cell -->") >= rows * 2
    assert _rows_written(app) == 0


def test_rows_built_while_reading_stay_rows_between_written_ones(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    app = make_app("html", srcdir=_project(tmp_path / "p"))
    app.build()
    resolved = app.env.get_and_resolve_doctree("index", app.builder)
    assert not list(resolved.findall(lazyrows.awserr_rows))
    bodies = list(resolved.findall(nodes.tbody))
    kinds = [type(child).__name__ for child in bodies[0].children]
    # the 418 row (its reason phrase has a quote for smart quotes) was built while reading
    assert kinds.count("row") == 1
    assert kinds.count("awserr_html_rows") == 2
    assert "Code02" in next(bodies[0].findall(nodes.row)).astext()


def _plain_rows(app: SphinxTestApp) -> list[str]:
    resolved = app.env.get_and_resolve_doctree("index", app.builder)
    return [
        row[3]
        for node in resolved.findall(html_rows.awserr_html_rows)
        for row in node["rows"]
        if isinstance(row[3], str)
    ]
