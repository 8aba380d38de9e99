"""``aws-error-table``: selection, sorting, columns and their widths, grouping, anchors and
errors, per builder."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest
from docutils import nodes
from support_build import first_cells, plain, table_codes

from sphinx_awserrors.sphinxext.table_directive import MAX_CODE_WIDTH, STATIC_DIR

if TYPE_CHECKING:
    from io import StringIO

    from sphinx.testing.util import SphinxTestApp


def codes_by_table(app: SphinxTestApp, docname: str = "index") -> dict[str, list[str]]:
    """The codes each table of *docname* lists, in order, keyed by the table's name or id."""
    doctree = app.env.get_and_resolve_doctree(docname, app.builder)
    result = {}
    for table in doctree.findall(nodes.table):
        key = table["names"][0] if table["names"] else table["ids"][0]
        tbody = next(table.findall(nodes.tbody))
        result[key] = first_cells(tbody)
    return result


def record_domain_calls(app: SphinxTestApp, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Record what the table tells the ``aws`` domain, whatever the domain keeps."""
    calls: list[Any] = []
    domain_class = type(app.env.get_domain("aws"))
    original_shown = domain_class.note_shown
    original_status = domain_class.note_status_target

    def note_shown(self: Any, *args: Any) -> None:
        calls.append(("shown", *args))
        original_shown(self, *args)

    def note_status_target(self: Any, *args: Any) -> None:
        calls.append(("status", *args))
        original_status(self, *args)

    monkeypatch.setattr(domain_class, "note_shown", note_shown)
    monkeypatch.setattr(domain_class, "note_status_target", note_status_target)
    return calls


EXPECTED_FILTERS = {
    "all": [
        "AccessDenied", "BadDigest", "EntityAlreadyExists", "InternalError", "MethodNotAllowed",
        "MovedPermanently", "NoSuchBucket", "NoSuchKey", "NoSuchUpload", "NotImplemented",
        "NotModified", "SlowDown", "teapotError", "TemporaryRedirect",
    ],
    "status-class": [
        "AccessDenied", "BadDigest", "EntityAlreadyExists", "MethodNotAllowed", "NoSuchBucket",
        "NoSuchKey", "NoSuchUpload", "teapotError",
    ],
    "status-exact": ["NoSuchBucket", "NoSuchKey", "NoSuchUpload"],
    "status-range": ["AccessDenied", "BadDigest"],
    "status-named": [
        "InternalError", "MovedPermanently", "NotImplemented", "NotModified", "SlowDown",
        "TemporaryRedirect",
    ],
    "status-negated": [
        "AccessDenied", "BadDigest", "EntityAlreadyExists", "MethodNotAllowed", "teapotError",
    ],
    "status-only-negated": [
        "InternalError", "MovedPermanently", "NotImplemented", "NotModified", "SlowDown",
        "TemporaryRedirect",
    ],
    "codes": ["NoSuchBucket", "NoSuchKey", "NoSuchUpload"],
    "codes-exclude": ["BadDigest", "NoSuchBucket", "NoSuchKey"],
    "codes-case": ["InternalError", "teapotError"],
    "tags": ["AccessDenied", "EntityAlreadyExists"],
    "sort-status": [
        "MovedPermanently", "NotModified", "TemporaryRedirect", "BadDigest", "AccessDenied",
        "NoSuchBucket", "NoSuchKey", "NoSuchUpload", "MethodNotAllowed", "EntityAlreadyExists",
        "teapotError", "InternalError", "NotImplemented", "SlowDown",
    ],
    "sort-status-desc": [
        "SlowDown", "NotImplemented", "InternalError", "teapotError", "EntityAlreadyExists",
        "MethodNotAllowed", "NoSuchBucket", "NoSuchKey", "NoSuchUpload", "AccessDenied",
        "BadDigest", "TemporaryRedirect", "NotModified", "MovedPermanently",
    ],
    "sort-source": [
        "NoSuchKey", "MovedPermanently", "NotModified", "TemporaryRedirect", "BadDigest",
        "AccessDenied", "NoSuchBucket", "NoSuchUpload", "EntityAlreadyExists", "MethodNotAllowed",
        "teapotError", "InternalError", "NotImplemented", "SlowDown",
    ],
    "combined": ["NoSuchBucket", "NoSuchKey", "NoSuchUpload", "AccessDenied", "BadDigest"],
}  # fmt: skip


@pytest.mark.sphinx("html", testroot="filters", freshenv=True)
def test_filters_select_and_sort(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert warning.getvalue() == ""
    assert codes_by_table(app) == EXPECTED_FILTERS


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_html_default_table(
    app: SphinxTestApp, warning: StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = record_domain_calls(app, monkeypatch)
    app.build()
    assert warning.getvalue() == ""
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    table = html[html.index("<table") : html.index("</table>")]

    assert '<span class="caption-text">All errors</span>' in table
    # :class: adds to the table's classes; :name: gives it its id
    assert table.startswith('<table class="awserr-table longtable my-errors docutils')
    assert 'id="all-errors"' in table.split(">")[0]
    headers = re.findall(r'<th class="head"><p>(.*?)</p></th>', table)
    assert headers == ["Code", "Description", "Status"]
    # the default columns, the row carrying the anchor, the code as a literal
    assert re.search(
        r'<tr class="awserr-row awserr-row-4xx row-(odd|even)" id="awserr-nosuchkey">'
        r'<td class="awserr-code"><p><code class="awserr-code docutils literal notranslate">'
        r'<span class="pre">NoSuchKey</span>',
        table,
    )
    ids = re.findall(r'id="(awserr-[a-z-]+)"', table)
    assert ids == [
        "awserr-accessdenied",
        "awserr-accesspointnotready",
        "awserr-internalerror",
        "awserr-invalidargument",
        "awserr-nosuchbucket",
        "awserr-nosuchkey",
        "awserr-serviceunavailable",
        "awserr-temporaryredirect",
    ]
    # one styling class per status class; the reason phrase after the number
    assert '<span class="awserr-status-reason">Temporary Redirect</span>' in table
    assert (
        '<td class="awserr-status awserr-status-3xx"><p><span class="awserr-status-code">307<'
        in table
    )
    assert (
        '<td class="awserr-status awserr-status-4xx"><p><span class="awserr-status-code">409<'
        in table
    )
    assert (
        '<td class="awserr-status awserr-status-5xx"><p><span class="awserr-status-code">503<'
        in table
    )
    # HTML widths are left to the browser unless :widths: gives them
    assert "<col " not in table

    # the rows and the status classes are recorded with the aws domain
    shown = [call[1:] for call in calls if call[0] == "shown" and call[2] == "index"]
    assert [code for code, *_rest in shown][:2] == ["AccessDenied", "accessPointNotReady"]
    assert all(kind == "row" and line == 8 for _c, _d, _i, line, kind in shown)
    assert ("NoSuchKey", "index", "awserr-nosuchkey", 8, "row") in shown
    statuses = [call[1:] for call in calls if call[0] == "status" and call[2] == "index"]
    # one table listing three classes: a status target for each
    assert statuses == [
        ("3xx", "index", "all-errors", 8),
        ("4xx", "index", "all-errors", 8),
        ("5xx", "index", "all-errors", 8),
    ]

    # the stylesheet ships with HTML output
    assert '<link rel="stylesheet" type="text/css" href="_static/awserrors.css' in html
    css = (app.outdir / "_static" / "awserrors.css").read_text(encoding="utf-8")
    assert "awserr-status-4xx" in css


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_html_descriptions_are_escaped_and_linked(app: SphinxTestApp) -> None:
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "Bad &lt;script&gt;alert(“x”)&lt;/script&gt; &amp; “quoted” value." in html
    assert '<a class="reference external" href="https://example.com/guide?a=1&amp;b=2">' in html
    assert "retry after <code" in html
    assert "<em>internal</em>" in html
    # :awserr: inside a description is a cross-reference like any other
    assert re.search(
        r'see <a class="reference internal" href="[a-z]*\.html#awserr-nosuchkey"', html
    )


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_html_group_by_columns_header_widths(
    app: SphinxTestApp, warning: StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = record_domain_calls(app, monkeypatch)
    app.build()
    assert warning.getvalue() == ""
    html = (app.outdir / "grouped.html").read_text(encoding="utf-8")

    captions = re.findall(r'<span class="caption-text">(.*?)</span>', html)
    assert captions == ["3xx Redirection", "4xx Client Error", "5xx Server Error", "Again"]
    assert re.findall(r'<table class="[^"]*" id="([^"]+)"', html)[:3] == [
        "awserr-class-3xx",
        "awserr-class-4xx",
        "awserr-class-5xx",
    ]
    assert re.findall(r'<th class="head"><p>(.*?)</p></th>', html)[:4] == [
        "Error code",
        "HTTP status",
        "Reason",
        "What it means",
    ]
    assert re.findall(r'style="width: (\d+)(?:\.0)?%"', html)[:4] == ["25", "8", "17", "50"]
    assert '<td class="awserr-reason"><p>Not Found</p></td>' in html
    assert '<td class="awserr-reason"><p>Temporary Redirect</p></td>' in html

    codes = codes_by_table(app, "grouped")
    assert codes == {
        "awserr-class-3xx": ["TemporaryRedirect"],
        "awserr-class-4xx": [
            "AccessDenied", "accessPointNotReady", "InvalidArgument", "NoSuchBucket", "NoSuchKey",
        ],
        "awserr-class-5xx": ["InternalError", "ServiceUnavailable"],
        "awserr-table-0": ["NoSuchKey"],
    }  # fmt: skip
    # the second NoSuchKey on the page gets a suffix
    assert 'id="awserr-nosuchkey"' in html
    assert 'id="awserr-nosuchkey-1"' in html

    grouped = [call[1:] for call in calls if call[2] == "grouped"]
    statuses = [call for call in grouped if len(call) == 4]
    assert statuses == [
        ("3xx", "grouped", "awserr-class-3xx", 4),
        ("4xx", "grouped", "awserr-class-4xx", 4),
        ("5xx", "grouped", "awserr-class-5xx", 4),
    ]
    shown = [call for call in grouped if len(call) == 5]
    # :no-index: keeps the second table out of the domain
    assert len(shown) == 8
    assert ("NoSuchKey", "grouped", "awserr-nosuchkey", 4, "row") in shown
    assert not any(node_id == "awserr-nosuchkey-1" for _c, _d, node_id, *_r in shown)


@pytest.mark.sphinx("text", testroot="basic", freshenv=True)
def test_text_builder(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert warning.getvalue() == ""
    text = (app.outdir / "grouped.txt").read_text(encoding="utf-8")
    assert "4xx Client Error" in text
    assert "| Error code" in text
    assert "| Not Found" in text
    index = (app.outdir / "index.txt").read_text(encoding="utf-8")
    assert 'Bad <script>alert("x")</script> & "quoted" value.' in index
    row = next(line for line in index.splitlines() if line.startswith('| "NoSuchKey"'))
    assert row.split("|")[2:4] == [
        " The specified key does not exist.".ljust(len(row.split("|")[2])),
        " 404 Not Found".ljust(len(row.split("|")[3])),  # awserrors_status_reason
    ]


@pytest.mark.sphinx("latex", testroot="basic", freshenv=True)
def test_latex_builder(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert warning.getvalue() == ""
    tex = (app.outdir / "basic.tex").read_text(encoding="utf-8")
    # long tables that break across pages, one per table and group
    assert tex.count(r"\begin{longtable}") == 5
    # the default proportions and the given :widths:, as wrapping columns
    # (the status column with its reason phrase is as wide as a reason column)
    assert r"\begin{longtable}{\X{30}{105}\X{55}{105}\X{20}{105}}" in tex
    assert r"\begin{longtable}{\X{3}{12}\X{1}{12}\X{2}{12}\X{6}{12}}" in tex
    assert r"\caption{4xx Client Error\strut}\label{\detokenize{grouped:awserr-class-4xx}}" in tex
    # every row is a hyperlink target
    assert r"\label{\detokenize{index:awserr-nosuchkey}}" in tex
    assert r"\label{\detokenize{grouped:awserr-nosuchkey-1}}" in tex
    # no stylesheet for LaTeX
    assert str(STATIC_DIR) not in app.config.html_static_path


@pytest.mark.sphinx("man", testroot="basic", freshenv=True)
def test_man_builder(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert warning.getvalue() == ""
    man = (app.outdir / "basic.1").read_text(encoding="utf-8")
    assert ".TS" in man
    assert "NoSuchKey" in man
    # docutils < 0.22 upper-cases section titles in man pages
    assert re.search(r"^\.SH 4xx Client Error$", man, re.MULTILINE | re.IGNORECASE)


@pytest.mark.parametrize("builder", ["singlehtml", "epub", "texinfo"])
def test_other_builders(
    builder: str, make_app: Any, sphinx_test_tempdir: Any, rootdir: Any
) -> None:
    import shutil

    srcdir = sphinx_test_tempdir / f"basic-{builder}"
    if not srcdir.exists():
        shutil.copytree(rootdir / "test-basic", srcdir)
    app = make_app(builder, srcdir=srcdir)
    app.build()
    out = "\n".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in app.outdir.rglob("*")
        if path.suffix in {".html", ".xhtml", ".texi"}
    )
    assert "NoSuchKey" in out
    assert "4xx Client Error" in out


ERRORS = [
    (4, "invalid option value: (option: \"status\"; value: '4x')", "status filter term '4x'"),
    (7, "invalid :sort: value 'name'", "allowed: code, status, -status, source"),
    (10, "unknown column 'foo'", "allowed: code, status, description, reason"),
    (13, ":header: gives 3 headers for 2 columns (code, status)", ""),
    (17, ":widths: gives 2 widths for 3 columns (code, description, status)", ""),
    (20, "invalid :widths: 'wide'", "allowed: auto or integers"),
    (23, "invalid :group-by: value 'status'", "allowed: status-class"),
]  # fmt: skip


@pytest.mark.sphinx("html", testroot="table-errors", freshenv=True)
def test_errors_name_file_line_and_token(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    messages = warning.getvalue()
    for line, first, second in ERRORS:
        match = re.search(
            rf"index\.rst:{line}: ERROR: [^\n]*(\n[^\n]*){{0,2}}{re.escape(first)}", messages
        )
        assert match, (line, first)
        assert second in messages
    # filters that match nothing warn instead of rendering an empty table
    assert (
        "index.rst:26: WARNING: aws-error-table: no catalogue entry matches :status: 1xx "
        "[awserrors.table]" in messages
    )
    assert (
        "index.rst:29: WARNING: aws-error-table: no catalogue entry matches :codes: nosuch* "
        "[awserrors.table]" in messages
    )
    assert "index.rst:29: WARNING: aws-error-table: :codes: pattern" not in messages
    assert (
        "index.rst:32: WARNING: aws-error-table: :codes: pattern 'NoSuchKye' matches no code "
        "[awserrors.table]" in messages
    )
    assert (
        "index.rst:35: WARNING: aws-error-table: no catalogue entry matches :status: 5xx, "
        ":tags: iam [awserrors.table]" in messages
    )
    # the tables that did build are there; nothing else is
    assert codes_by_table(app) == {
        "awserr-table-0": ["NoSuchKey"],
        "awserr-table-1": ["BrokenMarkup", "InternalError"],
    }


@pytest.mark.sphinx("html", testroot="odd-codes", freshenv=True)
def test_codes_with_leading_digits_get_their_own_anchor(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'id="(awserr-[^"]*)"', html)
    assert "awserr-3dsecure" in ids
    assert "awserr-dsecure" in ids  # not "awserr-dsecure-1", taken by 3DSecure before
    assert "awserr-500" in ids
    assert "awserr-500-1" in ids  # the aws-error directive on the same page
    assert 'href="#awserr-3dsecure"' in html
    assert 'href="#awserr-dsecure"' in html
    assert 'href="#awserr-500-1"' in html  # the directive is the canonical target
    assert 'id="awserr-"' not in html


@pytest.mark.sphinx("html", testroot="filters-unmatched", freshenv=True)
def test_exclude_patterns_and_tags_that_match_nothing_are_warnings(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    messages = plain(warning.getvalue())
    assert (
        "index.rst:4: WARNING: aws-error-table: :exclude: pattern 'NoSuchKye' matches no code "
        "[awserrors.table]"
    ) in messages
    assert (
        "index.rst:8: WARNING: aws-error-table: :tags: no catalogue entry has the tag 'iamm' "
        "[awserrors.table]"
    ) in messages
    # the good pattern, the good tag and a tag in another case are not reported
    assert "'NoSuchB*'" not in messages
    assert messages.count("no catalogue entry has the tag") == 1
    # an empty table gives one warning, not one per option besides
    assert "index.rst:12: WARNING: aws-error-table: no catalogue entry matches" in messages
    assert "index.rst:12: WARNING: aws-error-table: :codes:" not in messages
    assert table_codes(app, "index") == [["NoSuchKey", "SlowDown"], ["NoSuchKey"]]


def _tables(text: str) -> dict[str, list[str]]:
    """The lines of each table of the text output, by the caption above it."""
    tables: dict[str, list[str]] = {}
    caption = ""
    lines = text.splitlines()
    for number, line in enumerate(lines):
        if line.startswith("^^^"):
            caption = lines[number - 1]
        elif line.startswith(("+", "|")):
            tables.setdefault(caption, []).append(line)
    return tables


@pytest.mark.sphinx("text", testroot="table-widths", freshenv=True)
def test_codes_are_not_cut_in_text_tables(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert warning.getvalue() == ""
    tables = _tables((app.outdir / "index.txt").read_text(encoding="utf-8"))
    code = '"IllegalVersioningConfigurationException"'
    # the column was 32 characters: "IllegalVersioningConfigurationE / xception"
    for caption in ("Default widths", "Grouped: 4xx Client Error"):
        assert any(f"| {code} " in line for line in tables[caption]), caption
        widths = {len(line) for line in tables[caption]}
        assert len(widths) == 1, caption  # a well-formed table
    # the groups share their column widths, sized for every code of the block
    assert tables["Grouped: 4xx Client Error"][0] == tables["Grouped: 5xx Server Error"][0]
    # the description gave the room: the table is as wide as before (give or take the rounding
    # of the default proportions to about 100 characters)
    assert abs(len(tables["Default widths"][0]) - len(tables["Given widths"][0])) <= 1
    # given widths are the page's choice
    assert not any(code in line for line in tables["Given widths"])
    # an outlandish code gets a wider column, not one that squeezes every description
    first = tables["Outlandish"][0]
    assert first.index("+", 1) - 1 == MAX_CODE_WIDTH + 2  # the cell's padding


@pytest.mark.sphinx("latex", testroot="table-widths", freshenv=True)
def test_the_latex_columns_keep_their_proportions(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert warning.getvalue() == ""
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    # every table, the widened ones too (the grouped one has two); the status column with its
    # reason phrase is as wide as a reason column
    assert tex.count("\\begin{longtable}{\\X{30}{105}\\X{55}{105}\\X{20}{105}}") == 4
    # and the given widths are kept
    assert tex.count("\\begin{longtable}{\\X{30}{95}\\X{55}{95}\\X{10}{95}}") == 1
