"""The project's own docs and the tutorial build warning-free; every internal link resolves."""

from __future__ import annotations

import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
TUTORIAL = DOCS / "_includes" / "tutorial"

pytest.importorskip("myst_parser")
pytest.importorskip("sphinx_autodoc_typehints")


def sphinx_build(source: Path, out: Path, builder: str = "html", *extra: str) -> str:
    """Run sphinx-build nitpicky and warning-free; return its output for assertions."""
    cmd = [sys.executable, "-m", "sphinx", "-b", builder, "-nW", "--keep-going", "-q"]
    proc = subprocess.run(
        [*cmd, *extra, str(source), str(out)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout + proc.stderr


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name == "name" and value and tag == "a":
                self.ids.add(value)
            if name == "href" and value and tag == "a":
                self.hrefs.append(value)


def broken_internal_links(html_dir: Path) -> list[str]:
    """Every ``href`` to a local page that is missing, or to an id the page lacks."""
    pages: dict[Path, _Links] = {}
    for page in html_dir.rglob("*.html"):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        pages[page.resolve()] = parser
    broken = []
    for page, parser in pages.items():
        for href in parser.hrefs:
            if "://" in href or href.startswith(("mailto:", "javascript:")):
                continue
            target, fragment = urldefrag(href)
            path = (page.parent / unquote(target)).resolve() if target else page
            if path.is_dir():
                path = path / "index.html"
            if not path.exists():
                broken.append(f"{page.name}: {href} (no such file)")
            elif fragment and path.suffix == ".html" and unquote(fragment) not in pages[path].ids:
                broken.append(f"{page.name}: {href} (no such id)")
    return broken


@pytest.fixture(scope="module")
def docs_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docs") / "html"
    sphinx_build(DOCS, out)
    return out


@pytest.mark.slow
def test_docs_build_html_without_warnings(docs_html: Path) -> None:
    assert (docs_html / "index.html").exists()
    assert (docs_html / "catalogue" / "4xx.html").exists()


@pytest.mark.slow
def test_docs_internal_links_resolve(docs_html: Path) -> None:
    assert broken_internal_links(docs_html) == []


@pytest.mark.slow
@pytest.mark.parametrize("builder", ["latex", "epub"])
def test_docs_build_other_formats(tmp_path: Path, builder: str) -> None:
    sphinx_build(DOCS, tmp_path / builder, builder)
    suffix = {"latex": "*.tex", "epub": "*.epub"}[builder]
    assert list((tmp_path / builder).glob(suffix))


@pytest.mark.slow
def test_tutorial_steps_build_and_link(tmp_path: Path) -> None:
    """Exactly the tutorial's files: a project with its own catalogue beside the bundled one."""
    project = tmp_path / "acme"
    shutil.copytree(TUTORIAL, project)
    out = project / "_build" / "html"
    sphinx_build(project, out)
    index = (out / "index.html").read_text(encoding="utf-8")
    errors = (out / "errors.html").read_text(encoding="utf-8")
    # each inline code links to its row in the tables of errors.rst
    for code in ("NoSuchKey", "QuotaExceeded", "BackendUnavailable"):
        assert f'href="errors.html#awserr-{code.lower()}"' in index
        assert f'id="awserr-{code.lower()}"' in errors
    assert "the backend error" in index
    # the project's own NoSuchKey replaces the bundled one
    assert "The object does not exist in this store" in errors
    assert broken_internal_links(out) == []
