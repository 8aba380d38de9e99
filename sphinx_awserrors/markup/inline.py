"""docutils' inline reStructuredText parser, run outside a page.

Descriptions are parsed on their own in three places: into a page's nodes (``render``), into
plain text (tooltips, indices, exports) and into Markdown (``exporters``). This module holds
what the three share: a quiet :class:`~docutils.parsers.rst.states.Inliner` with its own way of
reading interpreted text (roles), and the state ("memo") the inliner expects from the body
parser it normally runs in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.languages import get_language
from docutils.parsers.rst import Parser as RSTParser
from docutils.parsers.rst.states import Inliner
from docutils.utils import Reporter, new_document

if TYPE_CHECKING:
    from docutils.frontend import Values

#: docutils' "never": above every system-message level, so nothing is printed or raised.
QUIET = Reporter.SEVERE_LEVEL + 1

#: ``Inliner.interpreted``'s signature: (rawsource, text, role, lineno) -> (nodes, messages).
Interpreted = Callable[..., tuple[list[nodes.Node], list[nodes.system_message]]]


def default_settings() -> Values:
    """docutils' default settings for the reStructuredText parser."""
    try:
        from docutils.frontend import get_default_settings
    except ImportError:  # docutils < 0.19
        from docutils.frontend import OptionParser

        settings: Values = OptionParser(components=(RSTParser,)).get_default_values()
        return settings
    return get_default_settings(RSTParser)


def memo(
    document: nodes.document, reporter: Reporter, inliner: Inliner, language_code: str = "en"
) -> Any:
    """The parser state :meth:`Inliner.parse` reads, as the body parser would give it."""
    return SimpleNamespace(
        document=document,
        reporter=reporter,
        language=get_language(language_code, reporter),
        title_styles=[],
        section_level=0,
        section_bubble_up_kludge=False,
        inliner=inliner,
    )


#: The characters inline markup needs: emphasis and literals (``*``, ````` ``), substitutions
#: (``|``), references and targets (``_``), footnotes (``[``), escapes (``\``), roles and
#: standalone URIs (``:``), e-mail addresses (``@``); NUL marks escapes inside docutils.
_MARKUP_CHARACTERS = re.compile(r"[*`|_\[\\:@\x00]")

#: What PEP and RFC references start with, when the settings turn them on.
_PEP_RFC = re.compile(r"pep|rfc", re.IGNORECASE)


def without_markup(
    text: str, *, pep_references: bool = False, rfc_references: bool = False
) -> bool:
    """Whether docutils' inliner finds nothing in *text*: it would give one ``Text`` of it.

    A cheap test that parsing may be skipped: most descriptions are plain sentences, and
    parsing them is most of what a large table costs to read.
    """
    if not text or _MARKUP_CHARACTERS.search(text):
        return False  # the inliner gives nothing for nothing
    return not ((pep_references or rfc_references) and _PEP_RFC.search(text))


@cache
def quiet_inliner(interpreted: Interpreted) -> tuple[Inliner, Values]:
    """An inliner that reports nothing and reads roles with *interpreted*; with its settings."""
    settings = default_settings()
    settings.report_level = QUIET
    settings.halt_level = QUIET
    settings.warning_stream = False
    inliner = Inliner()
    inliner.init_customizations(settings)
    # Not a subclass: init_customizations() reads the patterns from the class's own namespace.
    inliner.interpreted = interpreted  # type: ignore[method-assign]
    return inliner, settings


def parse_quietly(text: str, interpreted: Interpreted) -> list[nodes.Node]:
    """*text* as inline nodes, markup errors left as text and system messages dropped."""
    if without_markup(text):  # the default settings read no PEP or RFC references
        return [nodes.Text(text)]
    inliner, settings = quiet_inliner(interpreted)
    document = new_document("<description>", settings)
    state = memo(document, document.reporter, inliner, settings.language_code)
    parsed, _messages = inliner.parse(text, 1, state, nodes.paragraph())
    return [node for node in parsed if not isinstance(node, nodes.system_message)]
