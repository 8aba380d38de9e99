"""Hostile catalogue descriptions: raw output, file-reading roles, script URLs never get through.

Each family has several inputs; every one must render as escaped text in every builder, with one
warning (subtype ``description``) at the catalogue's file and line. The policy itself
(:mod:`sphinx_awserrors.markup.policy`) and the Markdown writer are checked without Sphinx; a
hypothesis run throws random inline markup and URIs at the parser (a bounded run here, a long
one behind ``slow``).
"""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sphinx_awserrors.catalogue import Catalogue, ErrorEntry
from sphinx_awserrors.convert.writers import rst_to_markdown, to_markdown
from sphinx_awserrors.markup import policy

PROLOG = """
.. role:: raw-html(raw)
   :format: html

.. role:: raw-latex(raw)
   :format: latex

.. role:: custom

.. role:: shout(strong)

.. |evil| raw:: html

   <script>alert("substitution")</script>
"""

#: code -> (description, a fragment of the one warning it must give)
HOSTILE: dict[str, tuple[str, str]] = {
    # raw output through a project's raw-derived roles, and a redefined allowed role
    "RawHtml": ('A :raw-html:`<script>alert("raw")</script>` cell.', "role :raw-html:"),
    "RawLatex": (r"A :raw-latex:`\\input{/etc/passwd}` cell.", "role :raw-latex:"),
    "RawDirect": (':raw:`<img src=x onerror="alert(1)">` here.', "role :raw:"),
    "CustomRole": ("A :custom:`custom` role.", "role :custom:"),
    "DerivedRole": ("A :shout:`loud` role.", "role :shout:"),
    "Substitution": ("A |evil| substitution.", "|evil| is a substitution"),
    # file-reading roles
    "DownloadUp": ("Get :download:`../../../../../etc/hostname`.", "role :download:"),
    "DownloadUpper": ("Get :DownLoad:`conf.py`.", "role :DownLoad:"),
    "Unknown": ("A :nosuchrole:`thing`.", 'Unknown interpreted text role "nosuchrole"'),
    # links with script-running or local schemes, written every way
    "JsEmbedded": ("Click `here <javascript:alert(1)>`__.", "scheme 'javascript'"),
    "JsNamed": ("Click `there <javascript:alert(2)>`_ now.", "scheme 'javascript'"),
    "JsBare": ("See javascript:alert(3) now.", "scheme 'javascript'"),
    "JsUpper": ("Click `up <JaVaScRiPt:alert(4)>`__.", "scheme 'javascript'"),
    "JsSplit": ("Click `split <java\nscript:alert(5)>`__.", "scheme 'javascript'"),
    "JsEntity": ("Click `ent <&#106;avascript:alert(6)>`__.", "scheme 'javascript'"),
    "JsControl": ("Click `ctl <\u200bjavascript:alert(7)>`__.", "scheme 'javascript'"),
    "VbScript": ("Click `vb <vbscript:msgbox(1)>`__.", "scheme 'vbscript'"),
    "DataBare": ("See data:text/html;base64,PHNjcmlwdD4= now.", "scheme 'data'"),
    "DataEmbedded": ("Open `img <data:text/html;base64,PHNjcmlwdD4=>`__.", "scheme 'data'"),
    "FileBare": ("Read file:///etc/passwd now.", "scheme 'file'"),
    "FileEmbedded": ("Read `pw <file:///etc/passwd>`__.", "scheme 'file'"),
}

#: Descriptions that must render as they always did, without a warning.
HARMLESS: dict[str, str] = {
    "Links": "See `the docs <https://example.com/a?b=1>`__ or mailto:ops@example.com.",
    "Relative": "See `the index <genindex.html>`__ and `top <#top>`__.",
    "Inline": "*Emphasis*, **strong**, ``literal``, :code:`x`, H\\ :sub:`2`\\ O.",
    "Semantic": ":kbd:`Ctrl+C`, :file:`/tmp/x`, :abbr:`API (application interface)`.",
    "Pep": "See :rfc:`9110` and :pep:`8`.",
    "Reference": "Unlike :awserr:`RawHtml`, this is fine.",
    "Escaped": "An escaped \\*star\\*, \\`tick\\` and a\\ b.",
}

SCRIPT_SCHEMES = re.compile(r"^\s*(javascript|vbscript|data|file):", re.IGNORECASE)


def write_project(srcdir: Path, *, conf: str = "") -> dict[str, int]:
    """A project whose catalogue has every hostile and harmless description; code -> line."""
    srcdir.mkdir(parents=True, exist_ok=True)
    (srcdir / "conf.py").write_text(
        'extensions = ["sphinx_awserrors"]\n'
        'awserrors_catalogue = "errors.yaml"\n'
        f"rst_prolog = {PROLOG!r}\n"
        'latex_documents = [("index", "hostile.tex", "Hostile", "Tests", "manual")]\n'
        'man_pages = [("index", "hostile", "Hostile", ["Tests"], 1)]\n' + conf,
        encoding="utf-8",
    )
    lines = ["errors:"]
    where: dict[str, int] = {}
    descriptions = {code: text for code, (text, _) in HOSTILE.items()} | HARMLESS
    for code, text in descriptions.items():
        lines += [f"  - code: {code}", "    status: 400"]
        lines.append(f"    description: {json.dumps(text)}")
        where[code] = len(lines)
    (srcdir / "errors.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (srcdir / "index.rst").write_text(
        "Hostile\n=======\n\n.. aws-error-table::\n\n.. aws-error:: RawHtml\n",
        encoding="utf-8",
    )
    return where


def build(make_app: Any, srcdir: Path, builder: str, **kwargs: Any) -> tuple[Any, str]:
    """Build *srcdir* with *builder*; the app and its warnings without colours."""
    warnings = StringIO()
    app = make_app(builder, srcdir=srcdir, warning=warnings, **kwargs)
    app.build()
    return app, re.sub(r"\x1b\[[0-9;]*m", "", warnings.getvalue())


class _Attributes(HTMLParser):
    """Every element name and every URL-valued attribute of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in {"href", "src", "action", "formaction", "xlink:href"} and value:
                self.urls.append(value)
            assert not name.startswith("on"), f"event handler attribute {name}={value!r}"


def html_table(page: str) -> str:
    """The extension's tables and sections of a page: what the catalogue's text reaches."""
    body = page.split('<div class="body"', 1)[-1]
    return body.split('<div class="sphinxsidebar"', 1)[0]


def assert_html_safe(fragment: str) -> None:
    """No script, no raw element, no script-running URL in *fragment*."""
    parsed = _Attributes()
    parsed.feed(fragment)
    assert not {"script", "img", "iframe", "object", "embed", "b"} & set(parsed.tags)
    for url in parsed.urls:
        assert policy.uri_allowed(url), url
        assert not SCRIPT_SCHEMES.match(url), url


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    srcdir = tmp_path / "src"
    return srcdir, write_project(srcdir)


def test_html_shows_hostile_markup_as_text_with_one_located_warning_each(
    make_app: Any, project: tuple[Path, dict[str, int]]
) -> None:
    srcdir, where = project
    app, warnings = build(make_app, srcdir, "html")
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert_html_safe(html_table(page))
    # the raw text is there, escaped
    assert "&lt;script&gt;alert(&quot;raw&quot;)" in page or "&lt;script&gt;alert(" in page
    assert "alert(&quot;substitution&quot;)" not in page  # the page's substitution is not used
    catalogue = srcdir / "errors.yaml"
    for code, (_, fragment) in HOSTILE.items():
        located = [
            line
            for line in warnings.splitlines()
            if line.startswith(f"{catalogue}:{where[code]}: WARNING: description of {code}:")
        ]
        assert len(located) == 1, (code, warnings)
        assert fragment in located[0], (code, located)
        assert located[0].endswith("[awserrors.description]")
    for code in HARMLESS:
        assert f"description of {code}:" not in warnings
    # no file was copied by :download:
    assert not (Path(app.outdir) / "_downloads").exists()
    # harmless markup still renders
    assert 'href="https://example.com/a?b=1"' in page
    assert 'href="genindex.html"' in page
    assert "<kbd" in page
    assert "<sub>2</sub>" in page
    assert "An escaped *star*, `tick` and ab." in page
    assert "\\x00" not in page


@pytest.mark.parametrize("builder", ["latex", "text", "man", "epub"])
def test_other_builders_get_escaped_text(
    make_app: Any, project: tuple[Path, dict[str, int]], builder: str
) -> None:
    srcdir, _ = project
    app, warnings = build(make_app, srcdir, builder)
    outdir = Path(app.outdir)
    if builder == "latex":
        tex = (outdir / "hostile.tex").read_text(encoding="utf-8")
        assert r"\input{/etc/passwd}" not in tex
        assert "<script>" not in tex
        assert r"\textless{}script\textgreater{}" in tex
        assert r"\href{javascript" not in tex and r"\href{data" not in tex
        assert r"\href{file" not in tex and r"\href{vbscript" not in tex
        assert r"\sphinxhref{javascript" not in tex
        assert "x00" not in tex
    elif builder == "epub":
        for page in outdir.glob("*.xhtml"):
            assert_html_safe(page.read_text(encoding="utf-8"))
    else:
        name = "index.txt" if builder == "text" else "hostile.1"
        text = (outdir / name).read_text(encoding="utf-8")
        assert "alert(" in text  # shown as text
        assert "escaped *star*, `tick` and ab." in text.replace("\\(ga", "`")
        assert "x00" not in text
    assert "role :raw-html:" in warnings


def test_extra_roles_allow_custom_roles_but_never_raw(make_app: Any, tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    write_project(
        srcdir,
        conf='awserrors_description_roles = ["custom", "raw-html", "raw", "download", "shout"]\n',
    )
    app, warnings = build(make_app, srcdir, "html")
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert '<span class="custom">custom</span>' in page
    assert re.search(r'<strong class="shout">loud</strong>', page)
    assert "description of CustomRole" not in warnings
    assert_html_safe(html_table(page))
    assert "description of RawHtml: raw output is not allowed" in warnings
    assert "description of RawDirect: the role :raw: is not allowed" in warnings
    assert "description of DownloadUp: the role :download: is not allowed" in warnings


def test_default_role_of_the_project_follows_the_policy(make_app: Any, tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    write_project(srcdir, conf='default_role = "raw-html"\n')
    (srcdir / "errors.yaml").write_text(
        "errors:\n  - code: DefaultRole\n    status: 400\n"
        '    description: "A `<script>alert(9)</script>` here."\n',
        encoding="utf-8",
    )
    app, warnings = build(make_app, srcdir, "html")
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert_html_safe(html_table(page))
    assert f"{srcdir / 'errors.yaml'}:4: WARNING: description of DefaultRole: the role " in warnings


def test_page_default_role_directive_does_not_reach_descriptions(
    make_app: Any, tmp_path: Path
) -> None:
    srcdir = tmp_path / "src"
    write_project(srcdir)
    (srcdir / "errors.yaml").write_text(
        "errors:\n  - code: Cited\n    status: 400\n    description: A `title` here.\n",
        encoding="utf-8",
    )
    (srcdir / "index.rst").write_text(
        "T\n=\n\n.. default-role:: raw-html\n\n.. aws-error-table::\n", encoding="utf-8"
    )
    app, warnings = build(make_app, srcdir, "html")
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert "<cite>title</cite>" in page
    assert "description of Cited" not in warnings


# --- the policy, without Sphinx ------------------------------------------------------------


@pytest.mark.parametrize(
    ("uri", "scheme"),
    [
        ("javascript:alert(1)", "javascript"),
        ("JAVASCRIPT:alert(1)", "javascript"),
        ("  javascript:alert(1)", "javascript"),
        ("\x01\x02javascript:alert(1)", "javascript"),
        ("java\nscript:alert(1)", "javascript"),
        ("java\tscript:alert(1)", "javascript"),
        ("&#106;avascript:alert(1)", "javascript"),
        ("&#x6A;avascript:alert(1)", "javascript"),
        ("&amp;#106;avascript:alert(1)", "javascript"),
        ("javascript&colon;alert(1)", "javascript"),
        ("\u200bjavascript:alert(1)", "javascript"),
        ("\ufeffvbscript:msgbox(1)", "vbscript"),
        ("data:text/html,<script>", "data"),
        ("file:///etc/passwd", "file"),
        ("java script:x", "javascript"),
        ("https://example.com", "https"),
        ("HTTP://example.com", "http"),
        ("mailto:a@example.com", "mailto"),
    ],
)
def test_uri_scheme_reads_like_a_browser(uri: str, scheme: str) -> None:
    assert policy.uri_scheme(uri) == scheme
    assert policy.uri_allowed(uri) is (scheme in policy.ALLOWED_SCHEMES)


@pytest.mark.parametrize(
    "uri", ["page.html", "../errors.html#x", "#anchor", "//example.com/x", "a/b:c", "?q=a:b"]
)
def test_relative_references_are_allowed(uri: str) -> None:
    assert policy.uri_scheme(uri) is None
    assert policy.uri_allowed(uri)


@pytest.mark.parametrize("name", ["raw", "download", "std:download", "RAW", " Download "])
def test_never_roles_stay_refused_even_when_listed(name: str) -> None:
    allowed = policy.allowed_roles([name, "raw", "download"])
    assert not policy.role_allowed(name, allowed)


def test_default_roles_are_allowed_and_extra_roles_are_added() -> None:
    for name in ("emphasis", "AWSERR", "aws:err", "std:ref", "kbd", "rfc"):
        assert policy.role_allowed(name)
    assert not policy.role_allowed("math")
    assert not policy.role_allowed("raw-html")
    assert policy.role_allowed("py:func", policy.allowed_roles(["py:func", 3]))


# --- the Markdown writer ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "description",
    [
        "Click `here <javascript:alert(1)>`__.",
        "Click `here <JavaScript:alert(1)>`_.",
        "Click `here <java\nscript:alert(1)>`__.",
        "Click `here <&#106;avascript:alert(1)>`__.",
        "Open `x <data:text/html,<script>alert(1)</script>>`__.",
        "Open `x <vbscript:msgbox(1)>`__ or `y <file:///etc/passwd>`__.",
        "See javascript:alert(1) or data:text/html,x now.",
    ],
)
def test_markdown_never_links_to_another_scheme(description: str) -> None:
    markdown = rst_to_markdown(description)
    destinations = re.findall(r"\]\(([^)]*)\)|(?<!\\)<([a-zA-Z][^>\s]*:[^>\s]*)>", markdown)
    for found in destinations:
        uri = found[0] or found[1]
        assert policy.uri_allowed(uri.replace("\\", "")), (description, markdown)
    assert not re.search(r"(?<!\\)<script", markdown)
    table = to_markdown(Catalogue((ErrorEntry(code="X", status=400, description=description),)))
    assert "](javascript" not in table.lower() and "](data" not in table.lower()


def test_markdown_keeps_allowed_links() -> None:
    assert rst_to_markdown("`a <https://example.com>`__") == "[a](https://example.com)"
    assert rst_to_markdown("`a <page.html>`__") == "[a](page.html)"


# --- random markup and URIs -----------------------------------------------------------------

_SCHEMES = st.sampled_from(
    ["javascript", "JavaScript", "java\nscript", "&#106;avascript", " vbscript", "data", "file",
     "https", "http", "mailto", "", "\x01javascript", "jav&#x09;ascript"]
)  # fmt: skip
_URIS = st.builds(
    lambda scheme, rest: f"{scheme}:{rest}" if scheme else rest,
    _SCHEMES,
    st.sampled_from(["alert(1)", "//example.com/x", "text/html,<script>alert(1)</script>", "x"]),
)
_ROLES = st.sampled_from(
    ["raw-html", "raw", "raw-latex", "download", "custom", "shout", "emphasis", "awserr",
     "code", "kbd", "math", "doc", "ref", "abbr", "std:download"]
)  # fmt: skip
_ROLE_TEXTS = st.sampled_from(
    ["<script>alert(1)</script>", "../../etc/passwd", "x <y>", r"\input{/etc/passwd}"]
)
_FRAGMENTS = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=8),
    st.builds(lambda uri: f"`link <{uri}>`__", _URIS),
    st.builds(lambda uri: f"`link <{uri}>`_", _URIS),
    st.builds(lambda uri: f" {uri} ", _URIS),
    st.builds(lambda role, text: f":{role}:`{text}`", _ROLES, _ROLE_TEXTS),
    st.sampled_from(["*", "**", "`", "``", "|evil|", "_", "<script>", "&#106;", "\\"]),
)
_DESCRIPTIONS = st.lists(_FRAGMENTS, min_size=1, max_size=8).map("".join)


def _render_fragment(app: Any, description: str) -> str:
    """*description* parsed as the extension parses it for a page, rendered by the HTML writer."""
    from docutils import nodes
    from docutils.utils import new_document
    from sphinx import addnodes

    from sphinx_awserrors.markup.inline import default_settings
    from sphinx_awserrors.sphinxext.render import _parse

    settings = default_settings()
    settings.env = app.env
    # as while a page is read: roles ask the environment for the current document (Sphinx 7.2
    # raises KeyError outside a read, later versions answer '')
    app.env.temp_data.setdefault("docname", "index")
    document = new_document("<hostile>", settings)
    parsed = _parse(
        description, code="X", source="errors.yaml", line=1, document=document, what="%s"
    )
    paragraph = nodes.paragraph("", "", *parsed)
    document += paragraph
    # cross-references stay unresolved here: show their content, as a missing one would
    for xref in list(paragraph.findall(addnodes.pending_xref)):
        xref.replace_self(xref.children)
    return str(app.builder.render_partial(paragraph)["fragment"])


def _check_random(app: Any, description: str) -> None:
    fragment = _render_fragment(app, description)
    assert "<script" not in fragment.lower()
    assert_html_safe(fragment)
    markdown = rst_to_markdown(description)
    for uri in re.findall(r"\]\(((?:[^()\\]|\\.)*)\)", markdown):
        assert policy.uri_allowed(re.sub(r"\\(.)", r"\1", uri)), (description, markdown)


@pytest.fixture
def html_app(make_app: Any, tmp_path: Path) -> Any:
    srcdir = tmp_path / "src"
    write_project(srcdir)
    app, _ = build(make_app, srcdir, "html")
    return app


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(description=_DESCRIPTIONS)
def test_random_descriptions_render_safely(html_app: Any, description: str) -> None:
    _check_random(html_app, description)


#: Examples of the long run (``pytest -m slow``); CI may lower it for a shorter time budget.
LONG_RUN = int(os.environ.get("AWSERRORS_FUZZ_EXAMPLES", "2000"))


@pytest.mark.slow
@settings(
    max_examples=LONG_RUN,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(description=_DESCRIPTIONS)
def test_random_descriptions_render_safely_long(html_app: Any, description: str) -> None:
    _check_random(html_app, description)


def test_security_page_lists_exactly_the_default_roles() -> None:
    page = Path(__file__).resolve().parents[2] / "docs" / "security.rst"
    text = page.read_text(encoding="utf-8")
    block = text.split("The allowed roles", 1)[1].split("And the roles a project adds", 1)[0]
    assert set(re.findall(r"``([a-z:-]+)``", block)) == policy.DEFAULT_ROLES


def test_translated_descriptions_follow_the_policy(make_app: Any, tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    write_project(srcdir, conf='language = "de"\nlocale_dirs = ["locale"]\n')
    (srcdir / "errors.yaml").write_text(
        "errors:\n  - code: Translated\n    status: 400\n    description: Plain words.\n",
        encoding="utf-8",
    )
    messages = srcdir / "locale" / "de" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    (messages / "index.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Plain words."\n'
        'msgstr "Ein :raw-html:`<script>alert(1)</script>` und `x <javascript:alert(2)>`__."\n',
        encoding="utf-8",
    )
    app, warnings = build(make_app, srcdir, "html")
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert "Ein &lt;script&gt;alert(1)" in page
    assert_html_safe(html_table(page))
    location = f"{srcdir / 'errors.yaml'}:4: WARNING: "
    assert f"{location}translated description of Translated: the role :raw-html:" in warnings
    assert "translated description of Translated: the link to 'javascript:alert(2)'" in warnings
