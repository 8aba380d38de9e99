"""Internationalisation: the extension's own catalogue, and catalogue descriptions in gettext.

The extension's labels (table headers, group captions, the domain index) come from its message
catalogue in the project's ``language``; descriptions are messages of the pages that show them,
so ``sphinx-build -b gettext`` extracts them and the project's ``.po`` files translate them.
"""

from __future__ import annotations

import io
import re
import shutil
from gettext import GNUTranslations
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from sphinx_awserrors.catalogue import status as statusfilter
from sphinx_awserrors.sphinxext import locale

if TYPE_CHECKING:
    from io import StringIO

    from sphinx.testing.util import SphinxTestApp


LOCALE_DIR = locale.LOCALE_DIR
LANGUAGES = sorted(p.parent.parent.name for p in LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))


def _warnings(warning: StringIO) -> list[str]:
    return [
        line for line in warning.getvalue().splitlines() if "WARNING" in line or "ERROR" in line
    ]


# --- the extension's message catalogue --------------------------------------------------------


def _source_messages() -> set[str]:
    package = LOCALE_DIR.parent
    keywords = {"_": None, "__": None}
    return {
        message
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(package), keywords=keywords
        )
        if isinstance(message, str)
    }


def _po(path: Path) -> Any:
    with path.open("rb") as stream:
        return read_po(stream)


def test_languages_are_shipped() -> None:
    assert {"de", "fr"} <= set(LANGUAGES)


def test_template_lists_exactly_the_messages_of_the_source() -> None:
    """Fails when a message was added or changed without regenerating the ``.pot``."""
    template = {m.id for m in _po(LOCALE_DIR / "sphinx_awserrors.pot") if m.id}
    assert template == _source_messages()


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_are_complete_and_compiled(language: str) -> None:
    messages = LOCALE_DIR / language / "LC_MESSAGES"
    catalogue = _po(messages / "sphinx_awserrors.po")
    template = {m.id for m in _po(LOCALE_DIR / "sphinx_awserrors.pot") if m.id}
    translated = {m.id: m.string for m in catalogue if m.id}
    assert set(translated) == template
    assert all(translated.values()), [k for k, v in translated.items() if not v]
    assert not [m.id for m in catalogue if m.id and m.fuzzy]
    # placeholders (%s, %r, {code}) agree between message and translation
    assert [(m.id, errors) for m, errors in catalogue.check()] == []
    # the committed .mo is the compiled .po
    compiled = BytesIO()
    write_mo(compiled, catalogue)
    shipped = GNUTranslations(BytesIO((messages / "sphinx_awserrors.mo").read_bytes()))
    expected = GNUTranslations(BytesIO(compiled.getvalue()))
    for message in template:
        assert shipped.gettext(message) == expected.gettext(message), message


def test_untranslated_labels_match_the_plain_modules() -> None:
    """The catalogue's class titles are those of :mod:`statusfilter` (outside a build)."""
    for klass in ("1xx", "2xx", "3xx", "4xx", "5xx", "9xx"):
        assert locale.class_title(klass) == statusfilter.class_title(klass)
    assert locale.column_header("reason") == "Reason"


# --- builds -----------------------------------------------------------------------------------


def _copy_root(rootdir: Path, tmp_path: Path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-i18n", src)
    return src


def _cell_texts(html: str, cell_class: str) -> list[str]:
    cells = re.findall(rf'<td class="{cell_class}[^"]*"><p>(.*?)</p></td>', html)
    return [re.sub(r"<[^>]+>", "", cell) for cell in cells]


@pytest.mark.sphinx("html", testroot="i18n", confoverrides={"language": "de"}, freshenv=True)
def test_german_build(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert _warnings(warning) == []
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    # the extension's labels, from its catalogue
    headers = re.findall(r'<th class="head"><p>([^<]*)</p></th>', html)
    # two groups, then the 5xx table with its own headers
    assert headers[:8] == ["Code", "Status", "Grund", "Beschreibung"] * 2
    captions = re.findall(r'<span class="caption-text">([^<]*)</span>', html)
    assert captions == ["4xx Client-Fehler", "5xx Server-Fehler", "Serverfehler"]
    # :awsstatus:`4xx` names the class in the project's language
    assert re.search(
        r'Client errors are <a [^>]*title="4xx Client-Fehler"><span [^>]*>4xx Client-Fehler<',
        html,
    )
    index = (app.outdir / "aws-errorindex.html").read_text(encoding="utf-8")
    assert "<h1>AWS-Fehlercode-Index</h1>" in index
    # the page's own messages: the caption and the :header: of a table
    assert headers[8:] == ["Fehlercode", "Bedeutung"]
    # the descriptions, translated by the project's index.po, markup and links intact
    descriptions = _cell_texts(html, "awserr-description")
    assert descriptions == [
        "Siehe NoSuchKey: der Zugriff auf das Objekt ist verweigert.",
        "Der angegebene Schlüssel existiert nicht.",
        "Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es erneut.",
        "Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es erneut.",
    ]
    assert re.search(
        r'Siehe <a class="reference internal" href="#awserr-nosuchkey"[^>]*><code[^>]*>'
        r'<span class="pre">NoSuchKey</span></code></a>: der Zugriff auf das Objekt ist '
        r'<code class="docutils literal notranslate"><span class="pre">verweigert</span></code>',
        html,
    )
    # the aws-error directive's description too
    assert (
        '<p class="awserr-description">Ein interner Fehler ist aufgetreten. '
        "Bitte versuchen Sie es erneut.</p>" in html
    )
    # rows keep their anchors; a description adds no element of its own
    assert 'id="awserr-nosuchkey"' in html
    assert "<span>Der angegebene" not in html


@pytest.mark.sphinx("html", testroot="i18n", confoverrides={"language": "de"}, freshenv=True)
def test_translation_on_a_myst_page_is_restructuredtext(
    app: SphinxTestApp, warning: StringIO
) -> None:
    """myst.po translates with reStructuredText markup, which works on the MyST page."""
    app.build()
    assert _warnings(warning) == []
    html = (app.outdir / "myst.html").read_text(encoding="utf-8")
    assert re.search(
        r"Zugriff <em>verweigert</em>; siehe <a class=\"reference internal\" "
        r'href="index.html#awserr-nosuchkey"',
        html,
    )


@pytest.mark.sphinx("text", testroot="i18n", confoverrides={"language": "fr"}, freshenv=True)
def test_french_build_and_faulty_translations(app: SphinxTestApp, warning: StringIO) -> None:
    """fr/index.po has a translation with a page target and one with broken markup."""
    app.build()
    text = (app.outdir / "index.txt").read_text(encoding="utf-8")
    assert "4xx Erreur du client" in text
    assert re.search(r"\| Code +\| Statut +\| Motif +\| Description +\|", text)
    assert "La clé indiquée n'existe pas, voir cible." in text
    assert "Erreur *interne." in text
    problems = _warnings(warning)
    assert len(problems) == 2, problems
    for line in problems:
        # at the description in the catalogue, never at the page
        assert "errors.yaml:" in line, line
        assert "translated description of" in line, line
        assert "[awserrors.description]" in line, line
    assert any("cible_" in line for line in problems)


@pytest.mark.sphinx("gettext", testroot="i18n", freshenv=True)
def test_gettext_extracts_descriptions(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert _warnings(warning) == []
    index = _po(app.outdir / "index.pot")
    messages = {m.id: m for m in index if m.id}
    for description in (
        "The specified key does not exist.",
        "Access to the object is ``denied``; see :awserr:`NoSuchKey`.",
        # a folded YAML scalar: one line, as Sphinx extracts paragraphs
        "We encountered an internal error. Please try again.",
    ):
        assert description in messages, sorted(messages)
        # located at the catalogue, where a translator finds the original
        assert {Path(file).name for file, _line in messages[description].locations} == {
            "errors.yaml"
        }
    lines = {line for _file, line in messages["The specified key does not exist."].locations}
    assert lines == {4}
    # the page's caption and :header: are its messages; generated labels are not
    assert {"Server errors", "Error", "Meaning"} <= set(messages)
    assert not {"Code", "Status", "4xx Client Error", "5xx Server Error"} & set(messages)
    myst = {m.id for m in _po(app.outdir / "myst.pot") if m.id}
    assert "Access to the object is ``denied``; see :awserr:`NoSuchKey`." in myst


def test_changed_translation_rebuilds_the_page(
    make_app: Any, rootdir: Path, tmp_path: Path
) -> None:
    """The compiled .po is a dependency of the pages it translates (incremental builds)."""
    src = _copy_root(rootdir, tmp_path)
    app = make_app("html", srcdir=src, confoverrides={"language": "de"})
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "Der angegebene Schlüssel existiert nicht." in html
    po = src / "locales" / "de" / "LC_MESSAGES" / "index.po"
    po.write_text(
        po.read_text(encoding="utf-8").replace(
            "Der angegebene Schlüssel existiert nicht.", "Diesen Schlüssel gibt es nicht."
        ),
        encoding="utf-8",
    )
    app = make_app("html", srcdir=src, confoverrides={"language": "de"})
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "Diesen Schlüssel gibt es nicht." in html
    assert "Der angegebene Schlüssel" not in html


@pytest.mark.parametrize(
    ("builder", "output"),
    [
        ("text", "index.txt"),
        ("latex", "*.tex"),
        ("man", "*.1"),
        ("texinfo", "*.texi"),
        ("singlehtml", "index.html"),
        ("epub", "index.xhtml"),
    ],
)
def test_every_builder_writes_the_translation(
    make_app: Any, rootdir: Path, tmp_path: Path, builder: str, output: str
) -> None:
    src = _copy_root(rootdir, tmp_path)
    warning = io.StringIO()
    app = make_app(builder, srcdir=src, confoverrides={"language": "de"}, warning=warning)
    app.build()
    assert _warnings(warning) == []
    written = next(app.outdir.rglob(output)).read_text(encoding="utf-8")
    assert "Beschreibung" in written
    assert re.search(r"Client.{0,16}Fehler", written)  # the hyphen is escaped in LaTeX and man
    assert "Grund" in written
    assert "Der angegebene Schl" in written  # LaTeX and texinfo escape the umlaut


def test_parallel_build_matches_serial(make_app: Any, rootdir: Path, tmp_path: Path) -> None:
    pages = []
    for parallel in (1, 2):
        src = _copy_root(rootdir, tmp_path / str(parallel))
        app = make_app("html", srcdir=src, confoverrides={"language": "de"}, parallel=parallel)
        app.build()
        pages.append((app.outdir / "index.html").read_text(encoding="utf-8"))
    assert pages[0] == pages[1]
    assert "Der angegebene Schlüssel existiert nicht." in pages[0]


GROUPED = """

.. aws-error-table:: Grouped caption
   :group-by: status-class
"""


def _project(rootdir: Path, tmp_path: Path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-i18n", src)
    index = src / "index.rst"
    index.write_text(index.read_text(encoding="utf-8") + GROUPED, encoding="utf-8")
    return src


def test_grouped_caption_is_extracted_once(make_app: Any, rootdir: Path, tmp_path: Path) -> None:
    src = _project(rootdir, tmp_path)
    app = make_app("gettext", srcdir=src)
    app.build()
    with (app.outdir / "index.pot").open("rb") as file:
        messages = {m.id: m for m in read_po(file) if m.id}
    assert "Grouped caption" in messages
    locations = messages["Grouped caption"].locations
    assert len(locations) == 1
    assert Path(locations[0][0]).name == "index.rst"
    # the composed group titles are not messages
    assert not [m for m in messages if isinstance(m, str) and m.startswith("Grouped caption:")]


def test_grouped_caption_is_translated(make_app: Any, rootdir: Path, tmp_path: Path) -> None:
    src = _project(rootdir, tmp_path)
    po = src / "locales" / "de" / "LC_MESSAGES" / "index.po"
    po.write_text(
        po.read_text(encoding="utf-8") + '\nmsgid "Grouped caption"\nmsgstr "Gruppierte Tabelle"\n',
        encoding="utf-8",
    )
    app = make_app("html", srcdir=src, confoverrides={"language": "de"})
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "Gruppierte Tabelle: " in html
    assert "Grouped caption" not in html
