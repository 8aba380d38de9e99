"""Catalogue descriptions, which are inline reStructuredText, as document nodes and as plain text.

A description is always reStructuredText, whatever parser reads the page that shows it (a MyST
page too), so it is parsed with docutils' own inline parser
(:class:`docutils.parsers.rst.states.Inliner`) rather than through the page's parser. The nodes
land in the page's document, so roles such as ``:awserr:`` and hyperlinks work as usual; the
text is never treated as raw HTML, and ``<``, ``&`` reach the writers as text and are escaped.
"""

from __future__ import annotations

import re
from functools import lru_cache
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.languages import get_language
from docutils.parsers.rst import Parser as RSTParser
from docutils.parsers.rst.states import Inliner
from docutils.utils import Reporter, new_document, unescape

from sphinx_awserrors._logging import warn

if TYPE_CHECKING:
    from docutils.frontend import Values
    from sphinx.util.docutils import SphinxDirective

    from sphinx_awserrors.catalogue import ErrorEntry

#: docutils' "never": above every system-message level, so nothing is printed or raised.
_QUIET = Reporter.SEVERE_LEVEL + 1


class _DescriptionReporter(Reporter):
    """A reporter that places every message at the description in the catalogue file."""

    def __init__(self, source: str, line: int | None) -> None:
        super().__init__(source, _QUIET, _QUIET, stream=False)
        self._line = line

    def get_source_and_line(self, lineno: int | None = None) -> tuple[str, int | None]:
        # The description has no lines in the page: every position is the catalogue's.
        return self.source, self._line


_inliners: dict[tuple[bool, bool, bool], Inliner] = {}


def _inliner(settings: Values) -> Inliner:
    """An initialised inliner for these settings (compiling its patterns once per build)."""
    flags = (
        bool(getattr(settings, "character_level_inline_markup", False)),
        bool(getattr(settings, "pep_references", False)),
        bool(getattr(settings, "rfc_references", False)),
    )
    inliner = _inliners.get(flags)
    if inliner is None:
        inliner = Inliner()
        inliner.init_customizations(
            SimpleNamespace(
                character_level_inline_markup=flags[0],
                pep_references=flags[1],
                rfc_references=flags[2],
            )
        )
        _inliners[flags] = inliner
    return inliner


def _message_text(message: nodes.system_message) -> str:
    paragraphs = [child for child in message.children if isinstance(child, nodes.paragraph)]
    text = paragraphs[0].astext() if paragraphs else message.astext()
    return " ".join(text.split())


def _without_problematic(parsed: list[nodes.Node]) -> list[nodes.Node]:
    """Replace docutils' ``problematic`` nodes (which link to dropped messages) with their text."""
    result: list[nodes.Node] = []
    for node in parsed:
        if isinstance(node, nodes.problematic):
            result.append(nodes.Text(node.astext()))
            continue
        if isinstance(node, nodes.Element):
            for problem in list(node.findall(nodes.problematic)):
                problem.replace_self(nodes.Text(problem.astext()))
        result.append(node)
    return result


def description_nodes(entry: ErrorEntry, directive: SphinxDirective) -> list[nodes.Node]:
    """Parse *entry*'s description into inline nodes for the page *directive* is on.

    Markup errors become warnings (subtype ``description``) located at the description in the
    catalogue file; the faulty markup is kept as plain text.
    """
    document = directive.state.document
    line = entry.line_of("description")
    reporter = _DescriptionReporter(entry.file, line)
    location = entry.location("description")

    def report(message: nodes.system_message) -> None:
        if message["level"] >= Reporter.WARNING_LEVEL:
            text = _message_text(message)
            warn(f"description of {entry.code}: {text}", "description", location, once=True)

    reporter.attach_observer(report)
    language = get_language(getattr(document.settings, "language_code", "en"), reporter)
    memo = SimpleNamespace(
        document=document,
        reporter=reporter,
        language=language,
        title_styles=[],
        section_level=0,
        section_bubble_up_kludge=False,
        inliner=None,
    )
    inliner = _inliner(document.settings)
    memo.inliner = inliner
    scratch = nodes.inline()
    # Newer docutils take the reporter from the document: lend ours for the parse.
    page_reporter = document.reporter
    document.reporter = reporter
    try:
        parsed, _messages = inliner.parse(entry.description, line or 0, memo, scratch)
    finally:
        document.reporter = page_reporter
    return _without_problematic(parsed)


def _plain_interpreted(
    rawsource: str, text: str, role: str, lineno: int
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """Render interpreted text of any role as its visible text, link-free.

    Outside a Sphinx build roles such as ``:awserr:`` do not exist; for plain text they need not:
    the visible text of ``:role:`title <target>``` is *title*, of ``:role:`~!target``` *target*.
    """
    name = role.lower()
    if name in {"pep", "pep-reference"}:
        return [nodes.Text(f"PEP {text}")], []
    if name in {"rfc", "rfc-reference"}:
        return [nodes.Text(f"RFC {text}")], []
    match = _EXPLICIT_TITLE.match(text)
    shown = match["title"] if match else text.lstrip("!~")
    return [nodes.Text(unescape(shown))], []


_EXPLICIT_TITLE = re.compile(r"^(?P<title>.+?)\s*(?<!\x00)<(?P<target>.*?)>$", re.DOTALL)


@lru_cache(maxsize=1)
def _text_parser() -> tuple[Inliner, Values]:
    try:
        from docutils.frontend import get_default_settings
    except ImportError:  # docutils < 0.19
        from docutils.frontend import OptionParser

        settings: Values = OptionParser(components=(RSTParser,)).get_default_values()
    else:
        settings = get_default_settings(RSTParser)
    settings.report_level = _QUIET
    settings.halt_level = _QUIET
    settings.warning_stream = False
    inliner = Inliner()
    inliner.init_customizations(settings)
    # Not a subclass: init_customizations() reads the patterns from the class's own namespace.
    inliner.interpreted = _plain_interpreted  # type: ignore[method-assign]
    return inliner, settings


@lru_cache(maxsize=8192)
def description_text(text: str) -> str:
    """*text*, an inline-reStructuredText description, as plain text with the markup removed.

    For tooltips, indices, search and exports. Whitespace is collapsed; markup errors are
    ignored here (the build reports them where the description is rendered).
    """
    if not text.strip():
        return ""
    inliner, settings = _text_parser()
    document = new_document("<description>", settings)
    memo: Any = SimpleNamespace(
        document=document,
        reporter=document.reporter,
        language=get_language(settings.language_code, document.reporter),
        title_styles=[],
        section_level=0,
        section_bubble_up_kludge=False,
        inliner=inliner,
    )
    parsed, _messages = inliner.parse(text, 1, memo, nodes.paragraph())
    plain = "".join(node.astext() for node in parsed if not isinstance(node, nodes.system_message))
    return " ".join(plain.split())
