"""The benchmark generator writes the same content in its hand, extension and floor forms."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest
import yaml
from docutils import nodes
from docutils.core import publish_doctree

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
if not (BENCHMARKS / "generate.py").exists():  # e.g. tests run from an sdist without it
    pytest.skip("benchmarks/ is not in this tree", allow_module_level=True)
sys.path.insert(0, str(BENCHMARKS))

import generate  # type: ignore[import-not-found,unused-ignore]  # noqa: E402

_REF = re.compile(r":ref:`(?P<title>[^`<]+?)\s+<(?P<label>[^`>]+)>`")
_AWSERR = re.compile(r":awserr:`(?P<code>[^`]+)`")


@pytest.fixture(scope="module")
def project() -> generate.Project:
    return generate.make_project(60, 4, 9, seed=3)


@pytest.fixture(scope="module")
def forms(project: generate.Project, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("bench")
    return {form: generate.write(project, form, root / form) for form in generate.FORMS}


def _words(text: str) -> str:
    return " ".join(text.split())


def _hand_rows(page: Path) -> list[tuple[str, str, int]]:
    """The rows of a hand-written grid table, read with docutils' own parser."""
    doctree = publish_doctree(
        page.read_text(encoding="utf-8"),
        source_path=str(page),
        settings_overrides={"report_level": 5, "halt_level": 2},
    )
    rows = []
    for row in doctree.findall(nodes.row):
        if isinstance(row.parent, nodes.thead):
            continue
        code_cell, description_cell, status_cell = (entry for entry in row.children)
        targets = list(code_cell.findall(nodes.target))
        assert len(targets) == 1, "each row carries one inline target"
        paragraph = description_cell.next_node(nodes.paragraph)
        assert paragraph is not None
        rows.append((targets[0].astext(), _words(paragraph.rawsource), int(status_cell.astext())))
    return rows


def test_the_catalogue_holds_every_entry(project: generate.Project, forms: dict[str, Path]) -> None:
    data = yaml.safe_load((forms["ext"] / "errors.yaml").read_text(encoding="utf-8"))
    loaded = [(e["code"], e["description"], e["status"]) for e in data["errors"]]
    assert loaded == [(e.code, e.description, e.status) for e in project.entries]
    assert len({code for code, _, _ in loaded}) == 60


def test_hand_tables_hold_the_catalogue(project: generate.Project, forms: dict[str, Path]) -> None:
    data = yaml.safe_load((forms["ext"] / "errors.yaml").read_text(encoding="utf-8"))
    catalogue = {e["code"]: (e["description"], e["status"]) for e in data["errors"]}
    seen = []
    for klass in project.classes():
        rows = _hand_rows(forms["hand"] / "errors" / f"{klass}.rst")
        assert rows, klass
        for code, description, status in rows:
            assert catalogue[code] == (description, status)
            assert f"{status // 100}xx" == klass
        # the extension's page selects the same class
        ext_page = (forms["ext"] / "errors" / f"{klass}.rst").read_text(encoding="utf-8")
        assert f".. aws-error-table:: {generate.CLASS_TITLES[klass]}\n   :status: {klass}\n" in (
            ext_page
        )
        seen += [code for code, _, _ in rows]
    assert sorted(seen) == sorted(catalogue)


def test_prose_is_the_same_in_every_form(project: generate.Project, forms: dict[str, Path]) -> None:
    codes = {entry.code for entry in project.entries}
    for page in project.pages:
        texts = {
            form: (forms[form] / f"{page.name}.rst").read_text(encoding="utf-8")
            for form in generate.FORMS
        }
        hand_refs = _REF.findall(texts["hand"])
        ext_refs = _AWSERR.findall(texts["ext"])
        assert len(ext_refs) == 9
        assert [title for title, _ in hand_refs] == ext_refs
        # each :ref: names the label docutils derives from the row's inline target
        assert all(label == title.lower() and title in codes for title, label in hand_refs)
        plain_hand = _REF.sub(lambda m: m["title"], texts["hand"])
        plain_ext = _AWSERR.sub(lambda m: m["code"], texts["ext"])
        assert _words(plain_hand) == _words(plain_ext) == _words(texts["floor"])


def test_pages_and_confs(project: generate.Project, forms: dict[str, Path]) -> None:
    listing = {
        form: sorted(str(p.relative_to(forms[form])) for p in forms[form].rglob("*.rst"))
        for form in generate.FORMS
    }
    assert listing["hand"] == listing["ext"] == listing["floor"]
    assert len(listing["ext"]) == 1 + len(project.classes()) + len(project.pages)
    assert "sphinx_awserrors" in (forms["ext"] / "conf.py").read_text(encoding="utf-8")
    assert "extensions" not in (forms["hand"] / "conf.py").read_text(encoding="utf-8")
    floor_page = (forms["floor"] / "errors" / "4xx.rst").read_text(encoding="utf-8")
    assert "table" not in floor_page


def test_the_generator_is_deterministic() -> None:
    assert generate.make_project(30, 2, 5) == generate.make_project(30, 2, 5)
    assert generate.make_project(30, 2, 5, seed=1) != generate.make_project(30, 2, 5)


def test_large_sizes_have_distinct_codes_and_descriptions() -> None:
    entries = generate.make_entries(5000, random.Random(0))
    assert len({e.code for e in entries}) == 5000
    assert len({e.description for e in entries}) == 5000
    assert all(re.fullmatch(r"(?:[A-Z][a-z]+|Id)+", e.code) for e in entries)


def test_raw_tables_hold_every_row_escaped(
    project: generate.Project, forms: dict[str, Path]
) -> None:
    for klass in project.classes():
        page = (forms["raw"] / "errors" / f"{klass}.rst").read_text(encoding="utf-8")
        assert page.count(".. raw:: html") == 1
        for entry in project.entries_of(klass):
            assert f'id="awserr-{entry.code.lower()}"' in page
            assert generate.description_html(entry.description) in page
        assert page.count('class="awserr-row') == len(project.entries_of(klass))
    # the prose is the floor's: codes as plain words
    for page in project.pages:
        raw = (forms["raw"] / f"{page.name}.rst").read_text(encoding="utf-8")
        assert raw == (forms["floor"] / f"{page.name}.rst").read_text(encoding="utf-8")


def test_description_html_escapes_and_marks_up() -> None:
    html = generate.description_html("Use ``a<b>`` & *not* <script>.")
    assert html == (
        'Use <code class="docutils literal notranslate"><span class="pre">a&lt;b&gt;</span>'
        "</code> &amp; <em>not</em> &lt;script&gt;."
    )
