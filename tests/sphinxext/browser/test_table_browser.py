"""aws-error-table in a browser, in every theme: whole codes, landing, width, filter, sort, URL.

Each test opens the test project (``tests/roots/test-browser``, built per theme by the
conftest) in Chromium and measures what a reader sees: line boxes of codes, the rectangle of a
landed row against whatever covers it, the document's scroll width, the rows the filter leaves.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

import pytest

playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
PlaywrightTimeout = playwright_api.TimeoutError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

#: The distinct line boxes a code's text occupies (text fragments on one line share a top).
LINES_OF = """(code) => {
  const range = document.createRange();
  range.selectNodeContents(code);
  const tops = Array.from(range.getClientRects())
    .filter((rect) => rect.width > 0)
    .map((rect) => Math.round(rect.top));
  return new Set(tops).size;
}"""

#: Rows of the filter unit that follows a filter bar, with what the tests read of them.
UNIT_ROWS = """(bar) => {
  let node = bar.nextElementSibling;
  while (node && !node.querySelector('tr.awserr-row')) node = node.nextElementSibling;
  return Array.from(node.querySelectorAll('tr.awserr-row')).map((row) => {
    const status = row.querySelector('td.awserr-status');
    const code = row.querySelector('code.awserr-code');
    return {
      shown: row.getClientRects().length > 0,
      text: row.textContent.replace(/\\s+/g, ' ').toLowerCase(),
      code: code ? code.textContent : '',
      status: status ? parseInt(status.textContent, 10) : 0,
    };
  });
}"""

#: Whether a row is visible and uncovered, top and bottom, after landing on *id*.
LANDED = """(id) => {
  const target = document.getElementById(id);
  const row = target.closest('tr');
  const rect = row.getBoundingClientRect();
  const xs = [rect.left + 3, rect.left + rect.width / 2, rect.right - 3];
  const covered = (y) => xs.filter((x) => {
    const hit = document.elementFromPoint(x, y);
    return !(hit && row.contains(hit));
  }).length;
  const other = row.nextElementSibling || row.previousElementSibling;
  return {
    top: rect.top, bottom: rect.bottom, viewport: window.innerHeight,
    coveredTop: covered(rect.top + 1), coveredBottom: covered(rect.bottom - 1),
    background: getComputedStyle(row.cells[0]).backgroundColor,
    otherBackground: getComputedStyle(other.cells[0]).backgroundColor,
  };
}"""


@pytest.fixture
def open_page(browser: Any, site: str, theme: str) -> Iterator[Callable[..., Any]]:
    """Open the test page of the current theme: ``open_page(width, fragment="", js=True)``."""
    contexts: list[Any] = []

    def opener(width: int, fragment: str = "", *, js: bool = True, query: str = "") -> Any:
        context = browser.new_context(
            viewport={"width": width, "height": 800}, java_script_enabled=js
        )
        contexts.append(context)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{site}/{theme}/index.html{query}{fragment}")
        page.wait_for_load_state("load")  # the filter's script runs before (deferred)
        page.script_errors = errors
        return page

    yield opener
    for context in contexts:
        context.close()


def settle(page: Any) -> None:
    """Wait until the page stops scrolling (some themes scroll smoothly)."""
    page.wait_for_function(
        """() => new Promise((done) => {
             const y = scrollY;
             setTimeout(() => done(scrollY === y), 150);
           })"""
    )


def filter_bars(page: Any) -> list[Any]:
    return list(page.query_selector_all(".awserr-filter"))


def test_codes_of_up_to_30_characters_are_on_one_line_at_1280px(open_page: Any) -> None:
    page = open_page(1280)
    lengths = page.evaluate(
        f"""() => Array.from(document.querySelectorAll('table.awserr-table code.awserr-code'))
              .map((code) => [code.textContent, ({LINES_OF})(code),
                              code.querySelectorAll('*:not(wbr):not(span.pre)').length])"""
    )
    short = [(code, lines) for code, lines, _elements in lengths if len(code) <= 30]
    assert any(len(code) == 30 for code, _lines in short)
    assert [code for code, lines in short if lines != 1] == []
    # a code is exactly its text: <wbr /> breaks it, never a character or an element per word
    assert [code for code, _lines, elements in lengths if elements] == []
    assert page.script_errors == []


@pytest.mark.parametrize("width", [1280, 400])
def test_a_fragment_link_lands_the_whole_row_below_the_header(open_page: Any, width: int) -> None:
    def assert_landed(anchor: str) -> None:
        with contextlib.suppress(PlaywrightTimeout):  # the assertions below say what is wrong
            page.wait_for_function(
                """(id) => {
                     const top = document.getElementById(id).getBoundingClientRect().top;
                     return top >= 0 && top < innerHeight;
                   }""",
                arg=anchor,
                timeout=3000,
            )
        settle(page)
        landed = page.evaluate(LANDED, anchor)
        assert landed["top"] >= 0, (anchor, landed)
        assert landed["bottom"] <= landed["viewport"], (anchor, landed)
        assert landed["coveredTop"] == 0, (anchor, landed)  # no header over the row's top
        assert landed["coveredBottom"] == 0, (anchor, landed)
        assert landed["background"] != landed["otherBackground"], (anchor, landed)  # highlighted

    page = open_page(width)
    ids = page.evaluate(
        """() => Array.from(document.querySelector('table.awserr-table')
             .querySelectorAll('tr.awserr-row')).map((row) => row.id)"""
    )
    # a page opened at a row (the first table's middle row)
    page = open_page(width, f"#{ids[len(ids) // 2]}")
    assert_landed(ids[len(ids) // 2])
    # a link followed on the page (a hash change after the load); where a row lands is what is
    # measured, not how a theme animates the way there (Furo scrolls smoothly)
    page.evaluate("() => { document.documentElement.style.scrollBehavior = 'auto'; }")
    page.evaluate("() => scrollTo(0, 0)")
    page.click("a.reference[href$='#awserr-nosuchkey']")
    assert_landed("awserr-nosuchkey")
    # the table's first row, just below its header
    page.evaluate("(id) => { location.hash = id; }", ids[0])
    assert_landed(ids[0])


def test_status_colours_differ_from_the_themes_code_colour(open_page: Any) -> None:
    page = open_page(1280)
    code, status = page.evaluate(
        """() => [
             'table.awserr-table code.awserr-code',
             'table.awserr-table td.awserr-status-4xx .awserr-status-code',
           ].map((selector) => getComputedStyle(document.querySelector(selector)).color
             .match(/\\d+/g).slice(0, 3).map(Number))"""
    )
    distance = sum((a - b) ** 2 for a, b in zip(code, status, strict=True)) ** 0.5
    assert distance > 80, (code, status)  # Read the Docs: both were red


def test_nothing_scrolls_sideways_at_400px(open_page: Any) -> None:
    page = open_page(400)
    widths = page.evaluate(
        """() => ({scroll: document.scrollingElement.scrollWidth,
                   client: document.scrollingElement.clientWidth})"""
    )
    assert widths["scroll"] <= widths["client"], widths
    # nor is a table cut off by the window (a theme may hide what overflows the page)
    cut = page.evaluate(
        """() => Array.from(document.querySelectorAll('table.awserr-table'))
             .map((table) => [table.id, table.getBoundingClientRect().right])
             .filter(([, right]) => right > document.documentElement.clientWidth + 1)"""
    )
    assert cut == []
    # nor inside a theme's scrolling wrapper of the table (Furo, Read the Docs, PyData)
    overflowing = page.evaluate(
        """() => Array.from(document.querySelectorAll('table.awserr-table')).filter((table) => {
             let box = table.parentElement;
             while (box && getComputedStyle(box).overflowX === 'visible') box = box.parentElement;
             return box && box !== document.body && box.scrollWidth > box.clientWidth + 1;
           }).map((table) => table.id)"""
    )
    assert overflowing == []


def test_typing_filters_the_rows_by_code_and_description(open_page: Any) -> None:
    page = open_page(1280)
    bar = filter_bars(page)[0]
    before = bar.evaluate(UNIT_ROWS)
    assert all(row["shown"] for row in before)
    box = bar.query_selector("input")
    box.click()
    page.keyboard.type("NoSuch")
    after = bar.evaluate(UNIT_ROWS)
    shown = [row for row in after if row["shown"]]
    expected = [row for row in before if "nosuch" in row["text"]]
    assert 0 < len(shown) == len(expected) < len(before)
    assert all("nosuch" in row["text"] for row in shown)
    count = bar.query_selector(".awserr-filter-count").text_content()
    assert str(len(shown)) in count and str(len(before)) in count
    # words of a description, in any case and order
    box.fill("")
    page.keyboard.type("BUCKET does")
    words = [row for row in bar.evaluate(UNIT_ROWS) if row["shown"]]
    assert words
    assert all("bucket" in row["text"] and "does" in row["text"] for row in words)
    # nothing matches: a message says so
    box.fill("zzzz-no-such-text")
    assert not any(row["shown"] for row in bar.evaluate(UNIT_ROWS))
    assert page.is_visible(".awserr-filter-empty")


def test_status_class_toggles_filter_by_keyboard(open_page: Any) -> None:
    page = open_page(1280)
    bar = next(b for b in filter_bars(page) if b.query_selector(".awserr-toggle"))
    toggles = bar.query_selector_all(".awserr-toggle")
    classes = [toggle.get_attribute("data-class") for toggle in toggles]
    assert classes == sorted(classes) and {"3xx", "4xx", "5xx"} <= set(classes)
    rows = bar.evaluate(UNIT_ROWS)
    for toggle, klass in zip(toggles, classes, strict=True):
        total = sum(1 for row in rows if row["status"] // 100 == int(klass[0]))
        assert f"({total})" in toggle.text_content()  # the count is written, not coloured
    four = bar.query_selector(".awserr-toggle[data-class='4xx']")
    four.focus()
    outline = four.evaluate("(b) => getComputedStyle(b).outlineStyle")
    page.keyboard.press("Space")
    assert four.get_attribute("aria-pressed") == "false"
    after = bar.evaluate(UNIT_ROWS)
    assert not any(row["shown"] for row in after if row["status"] // 100 == 4)
    assert all(row["shown"] for row in after if row["status"] // 100 != 4)
    page.keyboard.press("Enter")
    assert four.get_attribute("aria-pressed") == "true"
    assert all(row["shown"] for row in bar.evaluate(UNIT_ROWS))
    # the focus is visible (the keyboard put it there)
    assert outline != "none" or four.evaluate("(b) => getComputedStyle(b).outlineStyle") != "none"


def test_clicking_a_header_sorts_by_code_and_by_status(open_page: Any) -> None:
    page = open_page(1280)
    bar = next(b for b in filter_bars(page) if b.query_selector(".awserr-toggle"))
    table = page.query_selector_all("table.awserr-table")[1]
    status = table.query_selector("th button.awserr-sort[data-sort='status']")
    code = table.query_selector("th button.awserr-sort[data-sort='code']")
    assert status is not None and code is not None
    status.click()
    statuses = [row["status"] for row in bar.evaluate(UNIT_ROWS)]
    assert statuses == sorted(statuses) and statuses[0] < statuses[-1]
    assert status.evaluate("(b) => b.closest('th').getAttribute('aria-sort')") == "ascending"
    status.click()
    statuses = [row["status"] for row in bar.evaluate(UNIT_ROWS)]
    assert statuses == sorted(statuses, reverse=True)
    code.focus()
    page.keyboard.press("Enter")
    codes = [row["code"] for row in bar.evaluate(UNIT_ROWS)]
    assert codes == sorted(codes, key=str.casefold)
    page.keyboard.press("Enter")
    codes = [row["code"] for row in bar.evaluate(UNIT_ROWS)]
    assert codes == sorted(codes, key=str.casefold, reverse=True)


def test_the_url_keeps_the_filter(open_page: Any) -> None:
    page = open_page(1280)
    bar = next(b for b in filter_bars(page) if b.query_selector(".awserr-toggle"))
    bar.query_selector("input").fill("bucket")
    bar.query_selector(".awserr-toggle[data-class='5xx']").click()
    query = parse_qs(urlsplit(page.url).query)
    assert "bucket" in [value for values in query.values() for value in values]
    shown = [row["code"] for row in bar.evaluate(UNIT_ROWS) if row["shown"]]
    assert shown
    page.reload()
    page.wait_for_load_state("load")
    bar = next(b for b in filter_bars(page) if b.query_selector(".awserr-toggle"))
    assert bar.query_selector("input").input_value() == "bucket"
    assert (
        bar.query_selector(".awserr-toggle[data-class='5xx']").get_attribute("aria-pressed")
        == "false"
    )
    assert [row["code"] for row in bar.evaluate(UNIT_ROWS) if row["shown"]] == shown


def test_each_row_has_a_permalink_to_itself(open_page: Any) -> None:
    page = open_page(1280)
    links = page.evaluate(
        """() => Array.from(document.querySelectorAll('table.awserr-table tr.awserr-row'))
             .map((row) => {
               const links = row.querySelectorAll('a.headerlink');
               if (links.length !== 1) return 'links: ' + links.length;
               const id = decodeURIComponent(new URL(links[0].href).hash.slice(1));
               const target = document.getElementById(id);
               return target && row.contains(target) ? 'ok' : 'elsewhere: ' + id;
             })"""
    )
    assert links and set(links) == {"ok"}
    link = page.query_selector("table.awserr-table tr.awserr-row a.headerlink")
    link.focus()
    assert link.is_visible()
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "#" in url)
    assert urlsplit(page.url).fragment == link.get_attribute("href").lstrip("#")


def test_without_scripts_and_in_print_every_row_is_shown(open_page: Any) -> None:
    page = open_page(1280, js=False)
    assert page.query_selector(".awserr-filter") is None
    shown = page.evaluate(
        """() => Array.from(document.querySelectorAll('tr.awserr-row'))
             .map((row) => row.getClientRects().length > 0)"""
    )
    assert shown and all(shown)
    # filtered on screen, whole on paper
    page = open_page(1280)
    filter_bars(page)[0].query_selector("input").fill("nosuch")
    page.emulate_media(media="print")
    printed = page.evaluate(
        """() => Array.from(document.querySelectorAll('tr.awserr-row'))
             .map((row) => row.getClientRects().length > 0)"""
    )
    assert len(printed) == len(shown) and all(printed)
    assert not page.is_visible(".awserr-filter")
