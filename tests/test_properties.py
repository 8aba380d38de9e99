"""Property-based tests (hypothesis): bad input never escapes as anything but the documented error.

* The catalogue loader, on random documents in YAML, TOML and JSON (well-formed catalogues,
  random structures, random and mutated text): it never raises; every problem names the file
  and, where the input has lines, a line inside the text; valid catalogues load back unchanged.
* The status filter parser: only :class:`ValueError`, and valid filters mean what the grammar
  says.
* The role target parser of the ``aws`` domain (``title <target>``, ``!target``, ``~target``).
* The RST table reader (``rsttable``): random tables and random text.
* Descriptions with markup-like text (``<script>``, ``&``, backquotes, ``|``): plain text
  everywhere, and in one HTML build (one build per test) never raw HTML.

Every ``@given`` test is bounded (``max_examples``) so the suite stays fast.
"""

from __future__ import annotations

import html
import importlib
import json
import random
import re
import string
from io import StringIO
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from sphinx_awserrors.catalogue import ErrorEntry, Problem, parse_catalogue_text
from sphinx_awserrors.catalogue import status as statusfilter

if TYPE_CHECKING:
    from pathlib import Path

BOUNDED = settings(max_examples=50, deadline=None)
FORMATS = ("yaml", "json", "toml")

# -- serialising documents in the three formats -------------------------------------------------


def _toml_string(text: str) -> str:
    # JSON's escapes are TOML's, but TOML wants astral characters unescaped and DEL escaped
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _toml_string(key)


def _toml_value(value: Any) -> str:
    """A TOML inline value (strings as basic strings: JSON's escapes are TOML's)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value:
            return "nan"
        if value in (float("inf"), float("-inf")):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value if v is not None) + "]"
    if isinstance(value, dict):
        pairs = (f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items() if v is not None)
        return "{" + ", ".join(pairs) + "}"
    raise TypeError(type(value))


def to_toml(document: dict[str, Any]) -> str:
    """*document* as TOML: plain keys first, a list of tables as ``[[key]]`` blocks."""
    head: list[str] = []
    tail: list[str] = []
    for key, value in document.items():
        if value is None:
            continue  # TOML has no null
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for item in value:
                tail.append(f"\n[[{_toml_key(key)}]]")
                tail += [
                    f"{_toml_key(k)} = {_toml_value(v)}" for k, v in item.items() if v is not None
                ]
        else:
            head.append(f"{_toml_key(key)} = {_toml_value(value)}")
    return "\n".join(head + tail) + "\n"


def serialise(document: Any, fmt: str) -> str:
    """*document* written in *fmt*."""
    if fmt == "json":
        return json.dumps(document, indent=2, ensure_ascii=False)
    if fmt == "yaml":
        return yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=80)
    assert isinstance(document, dict)
    return to_toml(document)


# -- what every load must satisfy -----------------------------------------------------------------


_NO_CONTENT = re.compile(r"\b(empty|no content)\b")


def check_load(text: str, fmt: str, name: str = "cat.x") -> tuple[list[ErrorEntry], list[Problem]]:
    """Load *text*; no exception may escape, and every entry and problem is located."""
    entries, problems = parse_catalogue_text(text, name, fmt)
    # YAML also breaks lines at \r, NEL and U+2028, as str.splitlines() does
    lines = max(text.count("\n"), len(text.splitlines())) + 1
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.file == name
        # one clear line, not the parser's own multi-line report
        assert problem.message.strip() and "\n" not in problem.message, problem
        if problem.line is not None:
            assert 1 <= problem.line <= lines, problem
        else:
            # a problem inside a document with content can always say where it is
            assert not text.strip() or _NO_CONTENT.search(problem.message), (
                f"problem without a line: {problem}"
            )
    for entry in entries:
        assert isinstance(entry, ErrorEntry)
        assert entry.file == name
        assert isinstance(entry.status, int) and not isinstance(entry.status, bool)
        assert entry.code.strip() and entry.description.strip()
        assert entry.line is not None and 1 <= entry.line <= lines
    return entries, problems


# -- strategies ---------------------------------------------------------------------------------

codes = st.from_regex(r"[A-Z][a-z]{1,8}(?:[A-Z][a-z0-9]{0,6}){0,3}", fullmatch=True)
# printable text without control characters, stripped and non-empty: what a description can be
description_chars = st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"))
descriptions = (
    st.text(description_chars, min_size=1, max_size=60)
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)
words = st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True)
valid_entries = st.fixed_dictionaries(
    {
        "code": codes,
        "status": st.integers(100, 599),
        "description": descriptions,
    },
    optional={
        "tags": st.lists(words, max_size=3),
        "see_also": st.lists(codes, max_size=2),
    },
)
catalogues = st.lists(valid_entries, min_size=1, max_size=6, unique_by=lambda e: e["code"])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**40), 2**40),
    st.floats(allow_nan=False),
    st.text(max_size=12),
)
field_names = st.sampled_from(
    ["code", "status", "description", "tags", "see_also", "ignore", "stauts", "errors", "x"]
)
keys = st.one_of(field_names, st.text(min_size=1, max_size=8))
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(keys, children, max_size=4)
    ),
    max_leaves=12,
)
#: Documents shaped roughly like catalogues, with every kind of wrong value inside.
random_documents = st.one_of(
    st.dictionaries(keys, values, max_size=3),
    st.fixed_dictionaries({"errors": st.lists(st.dictionaries(keys, values, max_size=5))}),
    st.fixed_dictionaries({"errors": values}),
    st.lists(values, max_size=3),
    scalars,
)


# -- the catalogue loader ----------------------------------------------------------------------


@BOUNDED
@given(catalogue=catalogues, fmt=st.sampled_from(FORMATS))
def test_valid_catalogues_load_back_unchanged(catalogue: list[dict[str, Any]], fmt: str) -> None:
    text = serialise({"errors": catalogue}, fmt)
    entries, problems = check_load(text, fmt)
    assert problems == []
    assert [(e.code, e.status, e.description) for e in entries] == [
        (e["code"], e["status"], e["description"]) for e in catalogue
    ]
    assert [e.tags for e in entries] == [tuple(e.get("tags", ())) for e in catalogue]
    lines = text.splitlines()
    for entry in entries:
        # the line of the code field shows the code
        assert entry.code in lines[entry.line_of("code") - 1]  # type: ignore[operator]


@BOUNDED
@given(document=random_documents, fmt=st.sampled_from(FORMATS))
def test_random_documents_never_raise(document: Any, fmt: str) -> None:
    if fmt == "toml":
        assume(isinstance(document, dict))
    text = serialise(document, fmt)
    entries, problems = check_load(text, fmt)
    if not (isinstance(document, dict) and isinstance(document.get("errors"), list)):
        assert entries == []
        assert problems, "a document without an 'errors' list is a problem"


@BOUNDED
@given(text=st.text(max_size=200), fmt=st.sampled_from(FORMATS))
def test_random_text_never_raises(text: str, fmt: str) -> None:
    check_load(text, fmt)


@BOUNDED
@given(
    catalogue=catalogues,
    fmt=st.sampled_from(FORMATS),
    cut=st.tuples(st.integers(0, 10_000), st.integers(0, 8)),
    insert=st.text(alphabet=":-[]{}\"'#,\n =\t*&!|>", max_size=4),
)
def test_damaged_catalogues_never_raise(
    catalogue: list[dict[str, Any]], fmt: str, cut: tuple[int, int], insert: str
) -> None:
    text = serialise({"errors": catalogue}, fmt)
    at = cut[0] % (len(text) + 1)
    damaged = text[:at] + insert + text[at + cut[1] :]
    check_load(damaged, fmt)


# -- the status filter parser -------------------------------------------------------------------

filter_terms = st.one_of(
    st.integers(100, 599).map(str),
    st.integers(1, 5).map(lambda d: f"{d}xx"),
    st.tuples(st.integers(100, 599), st.integers(0, 150)).map(
        lambda t: f"{t[0]}-{min(599, t[0] + t[1])}"
    ),
    st.sampled_from(sorted(statusfilter.CLASS_NAMES)),
)


def _term_statuses(term: str) -> set[int]:
    """What one positive term selects, by the grammar in the module docstring."""
    if "-" in term:
        low, high = term.split("-")
        return set(range(int(low), int(high) + 1))
    if term.endswith("xx"):
        return set(range(int(term[0]) * 100, int(term[0]) * 100 + 100))
    if term.isdigit():
        return {int(term)}
    first = statusfilter.CLASS_NAMES[term]
    return set(range(first * 100, first * 100 + 100))


@BOUNDED
@given(text=st.text(max_size=30))
def test_status_filter_raises_only_value_error(text: str) -> None:
    try:
        predicate = statusfilter.parse_status_filter(text)
    except ValueError as exc:
        assert "allowed" in str(exc)
        return
    assert all(isinstance(predicate(status), bool) for status in (100, 404, 599))


@BOUNDED
@given(
    terms=st.lists(st.tuples(st.booleans(), filter_terms), min_size=1, max_size=4),
    spaces=st.sampled_from(["", " "]),
)
def test_status_filter_means_what_the_grammar_says(
    terms: list[tuple[bool, str]], spaces: str
) -> None:
    text = ("," + spaces).join(("!" if negated else "") + term for negated, term in terms)
    predicate = statusfilter.parse_status_filter(text)
    positive = [_term_statuses(t) for negated, t in terms if not negated]
    negative = set().union(*(_term_statuses(t) for negated, t in terms if negated))
    for status in range(100, 600):
        expected = (not positive or any(status in p for p in positive)) and status not in negative
        assert predicate(status) is expected, (text, status)


@BOUNDED
@given(status=st.integers(-1000, 1000))
def test_status_class_and_reason_never_raise(status: int) -> None:
    assert statusfilter.status_class(status).endswith("xx")
    assert isinstance(statusfilter.reason_phrase(status), str)


# -- the role target parsers ------------------------------------------------------------------
# ``:awserr:`` parses its text with Sphinx's XRefRole (``title <target>``, ``!``, ``~``) and then
# normalises the target in ``AwsErrorRole.process_link``; ``:awsstatus:`` parses its target with
# ``roles.parse_status``. The first is exercised through a build (below), the second directly.


@BOUNDED
@given(
    text=st.one_of(
        st.text(max_size=12),
        st.integers(-50, 1000).map(str),
        st.from_regex(r"\s*[0-9][0-9xX]{2}\s*", fullmatch=True),
    )
)
def test_status_role_parser_never_raises(text: str) -> None:
    roles = pytest.importorskip("sphinx_awserrors.sphinxext.roles")
    result = roles.parse_status(text)
    if result is None:
        return
    klass, shown = result
    assert re.fullmatch(r"[1-5]xx", klass)
    assert shown.startswith(text.strip()[:1])
    assert shown.split()[0].lower() in {text.strip().lower(), text.strip()}


#: Pieces of role text: codes, explicit titles, the ``!``/``~`` prefixes, stray brackets.
ROLE_FRAGMENTS = ("!", "~", "<", ">", " <", "> ", "\\", " ", "title ", "<>", "!~", "&", "|")


def _role_texts(codes_: list[str], count: int) -> list[str]:
    """Role texts mixing codes and syntax fragments (seeded: the same every run)."""
    rng = random.Random(4)
    texts = [
        codes_[0],
        f"!{codes_[0]}",
        f"~{codes_[0]}",
        f"the error <{codes_[0]}>",
        f"!the error <{codes_[0]}>",
        f"<{codes_[0]}>",
        f"{codes_[0]} <>",
        "NoSuchThing",
        "<script>alert(1)</script>",
        f"  {codes_[1]}  ",
    ]
    while len(texts) < count:
        parts = [rng.choice(codes_), *rng.sample(ROLE_FRAGMENTS, 2)]
        rng.shuffle(parts)
        text = "".join(parts)
        if text.strip() and not text.endswith("\\"):
            texts.append(text)
    return texts


def _write_project(src: Path, entries: list[dict[str, Any]], body: str) -> None:
    src.mkdir()
    (src / "errors.yaml").write_text(
        yaml.safe_dump({"errors": entries}, allow_unicode=True), encoding="utf-8"
    )
    (src / "conf.py").write_text(
        'extensions = ["sphinx_awserrors"]\nawserrors_catalogue = "errors.yaml"\n'
        "awserrors_checks = []\n",
        encoding="utf-8",
    )
    (src / "index.rst").write_text("Page\n====\n\n" + body, encoding="utf-8")


def test_role_texts_never_crash_a_build(make_app: Any, tmp_path: Path) -> None:
    pytest.importorskip("sphinx_awserrors.sphinxext.domain")
    entries: list[dict[str, Any]] = [
        {"code": code, "status": 404, "description": f"The {code} is missing."}
        for code in ("NoSuchKey", "NoSuchBucket", "NoSuchUpload")
    ]
    texts = _role_texts([e["code"] for e in entries], 60)
    lines = [
        f"Line {n}: :awserr:`{text}` and :awsstatus:`{400 + n}`." for n, text in enumerate(texts)
    ]
    body = ".. aws-error-table:: All\n\n" + "\n\n".join(lines) + "\n"
    src = tmp_path / "src"
    _write_project(src, entries, body)
    warning = StringIO()
    app = make_app("html", srcdir=src, warning=warning)
    app.build()  # no exception
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page
    # `NoSuchKey` and `the error <NoSuchKey>` link; `!`, unknown and malformed targets do not
    assert page.count('<a class="reference internal" href="#awserr-nosuchkey"') >= 2
    for line in warning.getvalue().splitlines():
        if "WARNING" in line or "ERROR" in line:
            # every problem is a located warning, never a traceback
            assert re.search(r"index\.rst:\d+", line), line
    assert "Traceback" not in warning.getvalue()


# -- the RST table reader ----------------------------------------------------------------------


def _rsttable() -> Any:
    return pytest.importorskip("sphinx_awserrors.convert.rst_table")


def _read_tables(module: Any, text: str) -> Any:
    """Call the module's reader of RST text, whichever its name."""
    for name in ("read_tables", "parse_tables", "read_rst", "tables_from_text", "read_text"):
        function = getattr(module, name, None)
        if callable(function):
            return function(text)
    pytest.skip("rsttable has no text reader yet")


def _documented_errors(module: Any) -> tuple[type[BaseException], ...]:
    found = tuple(
        value
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, Exception)
        and value.__module__ == module.__name__
    )
    return found or (ValueError,)


def _grid(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) + 2 for i in range(len(rows[0]))]
    rule = "+" + "+".join("-" * w for w in widths) + "+"
    head = "+" + "+".join("=" * w for w in widths) + "+"
    out = [rule]
    for number, row in enumerate(rows):
        out.append(
            "|"
            + "|".join(f" {cell.ljust(w - 2)} " for cell, w in zip(row, widths, strict=True))
            + "|"
        )
        out.append(head if number == 0 else rule)
    return "\n".join(out) + "\n"


cell_text = st.text(
    alphabet=string.ascii_letters + string.digits + " .,-`*<>&|_:", max_size=20
).map(lambda s: s.replace("|", " ").strip())


@BOUNDED
@given(rows=st.lists(st.tuples(codes, st.integers(100, 599), cell_text), min_size=1, max_size=5))
def test_rst_reader_on_generated_grid_tables(rows: list[tuple[str, int, str]]) -> None:
    module = _rsttable()
    table = [["Error Code", "Description", "HTTP Status"]]
    table += [[code, text, str(status)] for code, status, text in rows]
    text = "Errors\n======\n\n" + _grid(table)
    try:
        _read_tables(module, text)
    except _documented_errors(module) as exc:
        assert str(exc).strip()


@BOUNDED
@given(text=st.text(alphabet=string.printable, max_size=300))
def test_rst_reader_on_random_text(text: str) -> None:
    module = _rsttable()
    try:
        _read_tables(module, text)
    except _documented_errors(module) as exc:
        assert str(exc).strip()


# -- descriptions with markup-like text --------------------------------------------------------

MARKUP_FRAGMENTS = (
    "<script>alert(1)</script>",
    "<b>bold</b>",
    "&",
    "&amp;",
    "&lt;",
    "`",
    "``",
    "`x`",
    "``literal``",
    "|",
    "a | b",
    "| b",
    "]]>",
    '"',
    "'",
    "\\",
    "*",
    "**",
    "_",
    "`link <javascript:alert(1)>`_",
    ".. raw:: html",
    "<img src=x onerror=alert(1)>",
    "%s",
    "{0}",
    "$",
)

plain_descriptions = st.lists(
    st.one_of(st.sampled_from(MARKUP_FRAGMENTS), st.text(string.ascii_letters, max_size=6)),
    min_size=1,
    max_size=6,
).map(" ".join)


@BOUNDED
@given(text=st.one_of(plain_descriptions, st.text(max_size=60)))
def test_description_text_is_plain(text: str) -> None:
    render = importlib.import_module("sphinx_awserrors.markup.text")
    plain = render.description_text(text)
    assert isinstance(plain, str)
    assert "\n" not in plain
    assert plain == plain.strip()
    # markup is removed, never added: no character appears that the input did not have
    assert set(plain) <= set(text) | {" "}


def _nasty_descriptions(count: int) -> list[str]:
    """Descriptions built from markup-like fragments (seeded: the same every run)."""
    rng = random.Random(8)
    result = ["Plain <script>alert(1)</script> & text | with `backquotes`."]
    while len(result) < count:
        parts = [*rng.sample(MARKUP_FRAGMENTS, 3), rng.choice(["Word", "Text", "Key"])]
        rng.shuffle(parts)
        result.append(" ".join(parts))
    return result


def _strip_tags(fragment: str) -> str:
    """The text of an HTML fragment, without tags and without any whitespace."""
    text = html.unescape(re.sub(r"<[^>]+>", "", fragment))
    # Sphinx's SmartQuotes curls the quotes of the page, descriptions included
    text = text.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))
    return "".join(text.split())


def test_markup_in_descriptions_never_becomes_html(make_app: Any, tmp_path: Path) -> None:
    pytest.importorskip("sphinx_awserrors.sphinxext.domain")
    pytest.importorskip("sphinx_awserrors.sphinxext.buildstate")
    render = importlib.import_module("sphinx_awserrors.markup.text")
    descriptions = _nasty_descriptions(40)
    entries: list[dict[str, Any]] = [
        {"code": f"Nasty{index:02d}", "status": 400, "description": text}
        for index, text in enumerate(descriptions)
    ]
    references = " ".join(f":awserr:`{e['code']}`" for e in entries)
    _write_project(tmp_path / "src", entries, ".. aws-error-table:: All\n\n" + references + "\n")
    src = tmp_path / "src"
    warning = StringIO()
    app = make_app("html", srcdir=src, warning=warning)
    app.build()  # no exception
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page
    assert "<b>bold" not in page
    assert "<img src=x" not in page
    # (a `javascript:` hyperlink in a description stays a link, as in any RST page: docutils
    # does not filter URI schemes; catalogues are trusted like the pages themselves)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # each row's description cell says what description_text says, as escaped text
    for entry in entries:
        anchor = f'id="awserr-{entry["code"].lower()}"'
        assert anchor in page, entry["code"]
        row = page[page.index(anchor) :]
        row = row[: row.index("</tr>")]
        expected = "".join(render.description_text(entry["description"]).split())
        assert expected in _strip_tags(row), (entry["description"], row)
    # the tooltips of the references are attribute-escaped plain text
    for title in re.findall(r'<a [^>]*title="([^"]*)"', page):
        assert "<" not in title and ">" not in title


def test_page_level_markup_in_descriptions_is_reported_at_the_catalogue(
    make_app: Any, tmp_path: Path
) -> None:
    """References and substitutions that need the page (``x_``, ```docs`_``, ``|sub|``)."""
    pytest.importorskip("sphinx_awserrors.sphinxext.domain")
    descriptions = ["Key x_ here.", "See `docs`_ now.", "A |sub| here.", "Fine *text*."]
    entries: list[dict[str, Any]] = [
        {"code": f"Nasty{index}", "status": 400, "description": text}
        for index, text in enumerate(descriptions)
    ]
    _write_project(tmp_path / "src", entries, ".. aws-error-table:: All\n")
    warning = StringIO()
    app = make_app("html", srcdir=tmp_path / "src", warning=warning)
    app.build()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    problems = [
        line for line in warning.getvalue().splitlines() if "WARNING" in line or "ERROR" in line
    ]
    assert len(problems) == 3, problems
    for line in problems:
        assert "errors.yaml:" in line and "awserrors.description" in line, line
    # no link to a system message that the page does not contain
    for target in re.findall(r'href="#([^"]+)"', page):
        assert f'id="{target}"' in page, target
