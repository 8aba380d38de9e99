"""The project's own docs and the tutorial build warning-free; every internal link resolves."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag

import pytest
from support_pdf import pages_past_margin

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
TUTORIAL = DOCS / "_includes" / "tutorial"

pytest.importorskip("myst_parser")
pytest.importorskip(
    "sphinx_autodoc_typehints",
    reason="the docs need the docs extra (sphinx-autodoc-typehints, Sphinx >= 9.0.4); "
    "test-only envs such as the oldest-Sphinx run skip them",
)


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
@pytest.mark.skipif(shutil.which("latexmk") is None, reason="make pdf needs latexmk and TeX Live")
def test_docs_build_pdf(tmp_path: Path) -> None:
    """What ``make pdf`` runs: the LaTeX build, then latexmk, which fails on any LaTeX error."""
    cmd = [sys.executable, "-m", "sphinx", "-M", "latexpdf", str(DOCS), str(tmp_path)]
    proc = subprocess.run(
        [*cmd, "-nW", "--keep-going", "-q"], capture_output=True, text=True, check=False
    )
    latex = tmp_path / "latex"
    log = latex / "sphinx-awserrors.log"
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr
    assert (latex / "sphinx-awserrors.pdf").stat().st_size > 100_000
    # the tables are longtables, which break across pages and repeat their header
    assert "\\begin{longtable}" in (latex / "sphinx-awserrors.tex").read_text("utf-8")
    assert "LaTeX Warning: There were undefined references" not in log.read_text("latin-1")
    # looked at as pages: no table, listing or code runs into the paper's outer half inch
    if shutil.which("pdftoppm"):
        assert pages_past_margin(latex / "sphinx-awserrors.pdf", tmp_path / "pages") == []


# -- The tutorial, run step by step -------------------------------------------------------------

TUTORIAL_RESULT = DOCS / "_includes" / "tutorial-result"
#: ``AWSERRORS_REGENERATE=1 pytest tests/test_docs.py``: rewrite the outputs the tutorial shows
#: after a deliberate change of output (then read the diff before committing it)
REGENERATE = bool(os.environ.get("AWSERRORS_REGENERATE"))
_DIRECTIVE = re.compile(r"^\.\. (literalinclude|code-block):: *(\S*)$")
_SECTION = re.compile(r"^\d+\. ")
_ESCAPES = re.compile(r"\x1b\[[0-9;]*m")  # colour codes, in case a tool ignores NO_COLOR


@dataclass
class Step:
    """One numbered section of the tutorial: what it shows, in document order."""

    title: str
    # ("file", name) a project file; ("run", command) a console command; ("expect", name,
    # caption) the output that follows a command: a captured file or the command's output.
    events: list[tuple[str, ...]] = field(default_factory=list)


def _options(lines: list[str], start: int) -> dict[str, str]:
    opts = {}
    for line in lines[start:]:
        match = re.match(r"^   :([\w-]+):\s*(.*)$", line)
        if not match:
            break
        opts[match[1]] = match[2]
    return opts


def tutorial_steps() -> list[Step]:
    """The numbered sections of ``docs/tutorial.rst`` with their includes and commands."""
    lines = (DOCS / "tutorial.rst").read_text(encoding="utf-8").splitlines()
    steps: list[Step] = []
    for i, line in enumerate(lines):
        if _SECTION.match(line) and i + 1 < len(lines) and set(lines[i + 1]) == {"-"}:
            steps.append(Step(line))
            continue
        match = _DIRECTIVE.match(line)
        if not match or not steps:
            continue
        kind, arg = match.groups()
        opts = _options(lines, i + 1)
        if kind == "literalinclude" and arg.startswith("_includes/tutorial/"):
            name = arg.removeprefix("_includes/tutorial/")
            assert opts.get("caption") == name, f"{arg}: caption must be the file name"
            steps[-1].events.append(("file", name))
        elif kind == "literalinclude" and arg.startswith("_includes/tutorial-result/"):
            name = arg.removeprefix("_includes/tutorial-result/")
            steps[-1].events.append(("expect", name, opts["caption"]))
        elif kind == "code-block" and arg == "console":
            for body in lines[i + 1 :]:
                if body and not body.startswith("   "):
                    break
                if body.startswith("   $ "):
                    steps[-1].events.append(("run", body.removeprefix("   $ ")))
    return steps


def _run(command: str, cwd: Path) -> str:
    """Run a console line of the tutorial with this interpreter; return what it printed."""
    argv = shlex.split(command)
    tools = {"sphinx-build": "sphinx", "sphinx-awserrors": "sphinx_awserrors"}
    # a CI runner may set FORCE_COLOR; the tutorial shows what a plain terminal prints
    env = {k: v for k, v in os.environ.items() if k != "FORCE_COLOR"} | {"NO_COLOR": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", tools[argv[0]], *argv[1:]],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    output = _ESCAPES.sub("", proc.stdout + proc.stderr).replace(f"{cwd}{os.sep}", "")
    if argv[0] == "sphinx-build":
        # the warnings are what the tutorial shows; progress lines vary between versions
        output = "".join(line + "\n" for line in output.splitlines() if "WARNING" in line)
    assert proc.returncode == (1 if argv[0] == "sphinx-awserrors" and output else 0), output
    return output


def _as_shown(text: str) -> str:
    """*text* as the docs show it: trailing spaces and blank ends removed."""
    return "\n".join(line.rstrip() for line in text.strip().splitlines()) + "\n"


def _normalised(text: str) -> str:
    # Sphinx 7.2 does not append the warning type ("[awserrors.ref]") that later versions show
    lines = (re.sub(r" \[[\w.-]+\]$", "", line.rstrip()) for line in text.strip().splitlines())
    return "\n".join(lines)


def link_summary(index_html: str) -> str:
    """Text, target and tooltip of every link to a table row, one per line."""
    links = re.findall(
        r'<a class="reference internal" href="([^"#]*#awserr-[^"]*)" title="([^"]*)">(.*?)</a>',
        index_html,
        re.DOTALL,
    )
    return "".join(
        f"{re.sub(r'<[^>]+>', '', text)} -> {href}\n    {unescape(title)}\n"
        for href, title, text in links
    )


def row_of(page_html: str, anchor: str) -> str:
    """The ``<tr>`` that holds the element with id *anchor*, as text."""
    for row in re.findall(r"<tr.*?</tr>", page_html, re.DOTALL):
        if f'id="{anchor}"' in row:
            row = row.replace("<wbr />", "")  # a break opportunity inside a code, not a space
            return " ".join(unescape(re.sub(r"<[^>]+>", " ", row)).split())
    raise AssertionError(f"no table row holds #{anchor}")


def test_tutorial_shows_every_project_file_in_order() -> None:
    """The tutorial includes each file of its project, in the order of the steps."""
    shown = [e[1] for step in tutorial_steps() for e in step.events if e[0] == "file"]
    assert shown == ["conf.py", "errors.yaml", "index.rst", "errors.rst"]
    assert sorted(shown) == sorted(p.name for p in TUTORIAL.iterdir())
    results = [e[1] for step in tutorial_steps() for e in step.events if e[0] == "expect"]
    assert sorted(results) == sorted(p.name for p in TUTORIAL_RESULT.iterdir())


@pytest.mark.slow
def test_tutorial_steps_build_and_link(tmp_path: Path) -> None:
    """Exactly the tutorial's steps: its files, its commands, and the outputs it shows."""
    project = tmp_path / "acme"
    # step 1 creates the virtual environment inside the project; packages put .rst files there
    stray = project / ".venv" / "lib" / "site-packages" / "somepackage" / "README.rst"
    stray.parent.mkdir(parents=True)
    stray.write_text("Somepackage\n===========\n", encoding="utf-8")
    ran: list[str] = []
    for step in tutorial_steps():
        output = ""
        for event in step.events:
            if event[0] == "file":
                shutil.copy(TUTORIAL / event[1], project / event[1])
            elif event[0] == "run" and event[1].startswith(("sphinx-build", "sphinx-awserrors")):
                output = _run(event[1], project)
                ran.append(event[1])
            elif event[0] == "expect" and not event[1].startswith("typo-"):
                name, caption = event[1], event[2]
                expected = (TUTORIAL_RESULT / name).read_text(encoding="utf-8")
                if caption.endswith(" (links)"):
                    page = project / caption.removesuffix(" (links)")
                    actual = link_summary(page.read_text(encoding="utf-8"))
                elif caption.startswith("_build/"):
                    actual = (project / caption).read_text(encoding="utf-8")
                else:
                    actual = output
                if REGENERATE:  # a deliberate change of output: rewrite what the docs show
                    (TUTORIAL_RESULT / name).write_text(_as_shown(actual), encoding="utf-8")
                    continue
                assert _normalised(actual) == _normalised(expected), f"{step.title}: {name}"
    assert ran == [
        "sphinx-awserrors lint errors.yaml",
        "sphinx-build -b html . _build/html",
        "sphinx-build -nW --keep-going -b html . _build/html",
        "sphinx-build -b text . _build/text",
    ]

    # each inline code links to the row of its own table, and every link resolves
    out = project / "_build" / "html"
    index = (out / "index.html").read_text(encoding="utf-8")
    errors = (out / "errors.html").read_text(encoding="utf-8")
    mark = "\N{PILCROW SIGN}"
    rows = {
        "NoSuchKey": f"NoSuchKey {mark} The object does not exist in this store 404",
        "QuotaExceeded": f"QuotaExceeded {mark} The account has used all of its storage quota 403",
        "BackendUnavailable": (
            f"BackendUnavailable {mark} The storage backend did not answer in time;"
        ),
    }
    for code, row in rows.items():
        assert f'href="errors.html#awserr-{code.lower()}"' in index
        # the row's text: code, its permalink (¶), description, status
        assert row_of(errors, f"awserr-{code.lower()}").startswith(row)
    assert errors.index("awserr-quotaexceeded") < errors.index("Server errors")
    assert errors.index("Server errors") < errors.index("awserr-backendunavailable")
    assert "Somepackage" not in (out / "genindex.html").read_text(encoding="utf-8")
    assert broken_internal_links(out) == []

    # the typo of step 6, reported by lint and by the build as the tutorial shows
    catalogue = project / "errors.yaml"
    catalogue.write_text(
        catalogue.read_text(encoding="utf-8").replace("did not answer", "did not anwser"),
        encoding="utf-8",
    )
    lint = _run("sphinx-awserrors lint errors.yaml", project)
    build = _run("sphinx-build -b html . _build/html", project)
    for name, actual in (("typo-lint.txt", lint), ("typo-build.txt", build)):
        if REGENERATE:
            (TUTORIAL_RESULT / name).write_text(_as_shown(actual), encoding="utf-8")
            continue
        expected = (TUTORIAL_RESULT / name).read_text(encoding="utf-8")
        assert _normalised(actual) == _normalised(expected), name
