"""``:awserr:``/``:awsstatus:`` references, the ``aws-error`` directive and the indices, built.

One build of ``tests/roots/test-xref`` per builder serves the read-only tests of this module;
scenarios that need their own configuration use the ``app`` and ``warning`` fixtures.
"""

from __future__ import annotations

import re
import shutil
import zlib
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import pytest
from sphinx.testing.util import SphinxTestApp

if TYPE_CHECKING:
    from collections.abc import Iterator

ROOTS = Path(__file__).resolve().parent / "roots"
_ESCAPES = re.compile(r"\x1b\[[0-9;]*m")


# --- helpers (also used by the other test_xref_* modules) ------------------------------------


class Built(NamedTuple):
    """The result of one build: the app (cleaned up), its status output and its warnings."""

    app: SphinxTestApp
    status: str
    warnings: str

    @property
    def outdir(self) -> Path:
        return Path(self.app.outdir)

    def read(self, name: str) -> str:
        return (self.outdir / name).read_text(encoding="utf-8")


def copy_root(name: str, dest: Path) -> Path:
    """A private copy of ``roots/test-<name>`` (so builds never share output)."""
    target = dest / name
    shutil.copytree(ROOTS / f"test-{name}", target)
    return target


def build(
    srcdir: Path,
    buildername: str = "html",
    *,
    parallel: int = 0,
    confoverrides: dict[str, Any] | None = None,
) -> Built:
    """Build *srcdir* (again, incrementally, when it was built before)."""
    status, warning = StringIO(), StringIO()
    app = SphinxTestApp(
        buildername,
        srcdir=srcdir,
        confoverrides=confoverrides,
        status=status,
        warning=warning,
        parallel=parallel,
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return Built(app, _ESCAPES.sub("", status.getvalue()), _ESCAPES.sub("", warning.getvalue()))


#: The warning subtypes of references and the aws-error directive (not the catalogue checks).
SUBTYPES = ("[awserrors.ref]", "[awserrors.directive]", "[awserrors.config]")


def awserrors_warnings(text: str, srcdir: Path) -> list[str]:
    """The domain's warnings, with the source directory removed from locations."""
    prefix = str(srcdir) + "/"
    return sorted(
        line.replace(prefix, "")
        for line in _ESCAPES.sub("", text).splitlines()
        if any(line.endswith(subtype) for subtype in SUBTYPES)
    )


class Link(NamedTuple):
    href: str
    title: str | None
    text: str
    inner: str


class _Links(HTMLParser):
    """Every ``<a>`` of a page, with its text and the tags inside it."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[Link] = []
        self._open: list[tuple[dict[str, str | None], list[str], list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._open.append((dict(attrs), [], []))
        elif self._open:
            self._open[-1][2].append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open:
            attrs, text, tags = self._open.pop()
            self.links.append(
                Link(attrs.get("href") or "", attrs.get("title"), "".join(text), " ".join(tags))
            )

    def handle_data(self, data: str) -> None:
        for _attrs, text, _tags in self._open:
            text.append(data)


def links(page: str) -> list[Link]:
    parser = _Links()
    parser.feed(page)
    return parser.links


def paragraph(page: str, start: str) -> str:
    """The HTML of the paragraph whose text starts with *start*."""
    match = re.search(rf"<p>{re.escape(start)}.*?</p>", page, re.DOTALL)
    assert match, f"no paragraph starting with {start!r}"
    return match.group(0)


def inventory(path: Path) -> list[tuple[str, str, str, str]]:
    """(name, type, uri, display name) of each object of an ``objects.inv``."""
    data = path.read_bytes()
    body = data.split(b"\n", 4)[4]
    rows = []
    for line in zlib.decompress(body).decode().splitlines():
        match = re.match(r"(.+?)\s+(\S+:\S+)\s+(-?\d+)\s+(\S*)\s+(.*)", line)
        assert match, line
        name, kind, _prio, uri, dispname = match.groups()
        uri = uri[:-1] + name if uri.endswith("$") else uri
        rows.append((name, kind, uri, name if dispname == "-" else dispname))
    return rows


# --- fixtures ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    yield build(copy_root("xref", tmp_path_factory.mktemp("html")))


# --- role forms ----------------------------------------------------------------------------


def test_plain_form_links_code_as_literal_with_tooltip(html: Built) -> None:
    (link,) = links(paragraph(html.read("index.html"), "Plain:"))
    assert link.href == "catalogue.html#awserr-nosuchkey"
    assert link.text == "NoSuchKey"
    assert link.inner.startswith("code")


def test_explicit_title_is_prose(html: Built) -> None:
    (link,) = links(paragraph(html.read("index.html"), "Titled:"))
    assert link.href == "catalogue.html#awserr-nosuchkey"
    assert link.text == "the key error"
    assert "code" not in link.inner
    assert link.title and link.title.startswith("404 Not Found:")


def test_bang_form_does_not_link(html: Built) -> None:
    para = paragraph(html.read("index.html"), "Unlinked:")
    assert links(para) == []
    assert '<span class="pre">NoSuchKey</span></code>' in para


def test_domain_form(html: Built) -> None:
    (link,) = links(paragraph(html.read("index.html"), "Domain form:"))
    assert (link.href, link.text) == ("details.html#awserr-accessdenied", "AccessDenied")


def test_tooltip_is_status_and_plain_description(html: Built) -> None:
    (link,) = links(paragraph(html.read("index.html"), "Plain:"))
    # the catalogue says: The specified *key* does not exist, see ``GetObject`` & <retry>.
    assert link.title == (
        "404 Not Found: The specified key does not exist, see GetObject & <retry>."
    )


# --- canonical targets ----------------------------------------------------------------------


def test_first_table_row_by_docname_is_canonical(html: Built) -> None:
    # "catalogue" sorts before "more": both show NoSuchKey, the reference on "more" leaves it
    (link,) = links(paragraph(html.read("more.html"), "A key:"))
    assert link.href == "catalogue.html#awserr-nosuchkey"


def test_aws_error_directive_beats_table_rows(html: Built) -> None:
    hrefs = {link.text: link.href for link in links(paragraph(html.read("refs.html"), "Slow:"))}
    assert hrefs == {
        "SlowDown": "catalogue.html#awserr-slowdown",
        "AccessDenied": "details.html#awserr-accessdenied",
    }


def test_no_duplicate_label_warnings(html: Built) -> None:
    assert "duplicate" not in html.warnings


# --- the aws-error directive ---------------------------------------------------------------


def test_directive_renders_code_status_description_and_body(html: Built) -> None:
    page = html.read("details.html")
    match = re.search(r'<dl class="aws error awserr-error">(.*?)</dl>', page, re.DOTALL)
    assert match
    block = match.group(1)
    assert 'id="awserr-accessdenied"' in block
    assert ">AccessDenied<" in block
    assert '<span class="pre">403</span> <span class="pre">Forbidden</span>' in block
    assert '<p class="awserr-description">Access denied.</p>' in block
    assert "<p>Check the bucket policy.</p>" in block
    # a reference in the body resolves like any other
    assert 'href="catalogue.html#awserr-nosuchbucket"' in block


def test_directive_with_unknown_code_warns_with_suggestion(html: Built) -> None:
    srcdir = html.app.srcdir
    assert (
        "details.rst:10: WARNING: aws-error: unknown code 'NoSuchKeyy'; did you mean "
        "NoSuchKey? [awserrors.directive]"
    ) in awserrors_warnings(html.warnings, Path(srcdir))
    # it still renders its body, but is no cross-reference target
    assert "A code the catalogue lacks." in html.read("details.html")
    assert "NoSuchKeyy" not in html.read("genindex.html")
    assert "NoSuchKeyy" not in html.read("aws-errorindex.html")


@pytest.mark.sphinx("text", testroot="xref", srcdir="xref-text")
def test_directive_in_text_output(app: SphinxTestApp) -> None:
    app.build()
    text = (Path(app.outdir) / "details.txt").read_text(encoding="utf-8")
    assert "AccessDenied 403 Forbidden\n\n   Access denied.\n\n   Check the bucket policy." in text


# --- unknown and unshown codes --------------------------------------------------------------


def test_warnings(html: Built) -> None:
    assert awserrors_warnings(html.warnings, Path(html.app.srcdir)) == [
        "details.rst:10: WARNING: aws-error: unknown code 'NoSuchKeyy'; did you mean "
        "NoSuchKey? [awserrors.directive]",
        # one warning per code, at its first reference (refs.rst has the same typo)
        "index.rst:21: WARNING: unknown AWS error code 'NoSuchKye'; did you mean NoSuchKey? "
        "[awserrors.ref]",
        "index.rst:23: WARNING: NotShown is in the catalogue but no aws-error-table row or "
        "aws-error directive shows it, so the reference is plain text; show the code, or set "
        "awserrors_external_url [awserrors.ref]",
        "status.rst:10: WARNING: invalid HTTP status '4o4' in :awsstatus:; give a status "
        "from 100 to 599 (404) or a status class (4xx) [awserrors.ref]",
    ]


def test_unknown_code_is_plain_literal(html: Built) -> None:
    para = paragraph(html.read("index.html"), "Typo:")
    assert links(para) == []
    assert '<span class="pre">NoSuchKye</span>' in para


def test_unshown_code_is_text_with_tooltip(html: Built) -> None:
    para = paragraph(html.read("index.html"), "Not shown:")
    assert links(para) == []
    assert '<abbr title="400 Bad Request: A code that no page shows.">' in para


@pytest.mark.sphinx(
    "html",
    testroot="xref",
    srcdir="xref-external",
    confoverrides={"awserrors_external_url": "https://docs.example.com/{code}.html#{code_lower}"},
)
def test_external_url_for_unshown_codes(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    (link,) = links(paragraph(page, "Not shown:"))
    assert link.href == "https://docs.example.com/NotShown.html#notshown"
    assert link.title == "400 Bad Request: A code that no page shows."
    # shown codes still link inside the project; unknown codes get no URL
    (plain,) = links(paragraph(page, "Plain:"))
    assert plain.href == "catalogue.html#awserr-nosuchkey"
    assert links(paragraph(page, "Typo:")) == []
    assert "NotShown is in the catalogue" not in warning.getvalue()
    assert "unknown AWS error code 'NoSuchKye'" in warning.getvalue()


# --- :awsstatus: ------------------------------------------------------------------------------


def test_status_links_to_the_table_listing_its_class(html: Built) -> None:
    page = html.read("status.html")
    (link,) = links(paragraph(page, "Missing:"))
    assert (link.text, link.title) == ("404 Not Found", "4xx Client Error")
    assert link.href.startswith("catalogue.html#awserr-table")
    (klass,) = links(paragraph(page, "Class:"))
    assert (klass.text, klass.href) == ("5xx Server Error", link.href)


def test_status_without_table_is_text(html: Built) -> None:
    page = html.read("status.html")
    assert links(paragraph(page, "Redirect:")) == []
    assert "307 Temporary Redirect" in paragraph(page, "Redirect:")
    assert links(paragraph(page, "Bad:")) == []


# --- indices, labels, inventory, search ------------------------------------------------------


def test_general_index_has_canonical_targets_only(html: Built) -> None:
    page = html.read("genindex.html")
    hrefs = [link.href for link in links(page)]
    assert hrefs.count("details.html#awserr-accessdenied") == 2  # code, and under 403
    assert "catalogue.html#awserr-accessdenied" not in hrefs
    assert hrefs.count("catalogue.html#awserr-nosuchkey") == 2
    assert "more.html#awserr-nosuchkey" not in hrefs
    assert re.search(r"<li>\s*404\s*<ul>\s*<li><a href=\"catalogue.html#awserr-nosuchbucket", page)


def test_domain_index_groups_by_status_class(html: Built) -> None:
    page = html.read("aws-errorindex.html")
    assert "AWS error code index" in page
    table = page[page.index('<table class="indextable') :]
    client, server = table.index("4xx Client Error"), table.index("5xx Server Error")
    assert client < table.index("NoSuchKey") < server < table.index("SlowDown")
    assert "404 Not Found" in table
    assert "The specified key does not exist, see GetObject &amp; &lt;retry&gt;." in page
    # :ref:`aws-errorindex` reaches it; the standard label of a code reaches its target
    hrefs = {link.text: link.href for link in links(paragraph(html.read("other.html"), "The"))}
    assert hrefs == {
        "AWS error code index": "aws-errorindex.html",
        "NoSuchKey": "catalogue.html#awserr-nosuchkey",
    }


def test_objects_inv(html: Built) -> None:
    rows = inventory(html.outdir / "objects.inv")
    errors = sorted((n, u) for n, k, u, _d in rows if k == "aws:error")
    assert errors == [
        ("AccessDenied", "details.html#awserr-accessdenied"),
        ("InternalError", "catalogue.html#awserr-internalerror"),
        ("NoSuchBucket", "catalogue.html#awserr-nosuchbucket"),
        ("NoSuchKey", "catalogue.html#awserr-nosuchkey"),
        ("SlowDown", "catalogue.html#awserr-slowdown"),
    ]
    labels = {n: (u, d) for n, k, u, d in rows if k == "std:label" and n.startswith("awserr-")}
    assert labels["awserr-accessdenied"] == ("details.html#awserr-accessdenied", "AccessDenied")
    assert len(labels) == 5


def test_search_index_has_the_codes(html: Built) -> None:
    script = html.read("searchindex.js")
    assert '"aws:error"' in script
    for code in ("AccessDenied", "NoSuchKey", "SlowDown"):
        assert f'"awserr-{code.lower()}", "{code}"]' in script.replace("'", '"').replace(
            '","', '", "'
        )


@pytest.mark.sphinx("latex", testroot="xref", srcdir="xref-latex")
def test_latex_index_entries(app: SphinxTestApp) -> None:
    app.build()
    tex = (Path(app.outdir) / "xref.tex").read_text(encoding="utf-8")
    assert tex.count(r"\index{NoSuchKey@\spxentry{NoSuchKey}|spxpagem}") == 1
    assert r"\index{403@\spxentry{403}!AccessDenied@\spxentry{AccessDenied}}" in tex
    assert r"\hyperref[\detokenize{details:awserr-accessdenied}]" in tex


@pytest.mark.sphinx("man", testroot="xref", srcdir="xref-man")
def test_man_builds(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert "Traceback" not in warning.getvalue()
    assert list(Path(app.outdir).glob("*.1"))


@pytest.mark.sphinx("html", testroot="xref-myst")
def test_roles_and_directive_in_myst(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    # the aws-error directive beats the table row on the same page, whose anchor gets a suffix
    (plain,) = links(paragraph(page, "Plain:"))
    assert (plain.href, plain.text) == ("#awserr-nosuchkey-1", "NoSuchKey")
    assert plain.title == "404 Not Found: The specified key does not exist."
    (titled,) = links(paragraph(page, "Titled:"))
    assert (titled.href, titled.text) == ("#awserr-nosuchkey-1", "the key")
    (status,) = links(paragraph(page, "Status:"))
    assert status.text == "503 Service Unavailable"
    assert "<p>Check the <strong>key</strong> name; see <a" in page
    assert awserrors_warnings(warning.getvalue(), Path(app.srcdir)) == []
