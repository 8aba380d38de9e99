"""Table cells that smart quotes would not change are left out of Sphinx's SmartQuotes transform.

docutils' ``SmartQuotes`` visits every text block of a page and replaces each of its text nodes
by an "educated" copy, changed or not: for a table of 5,000 entries that is 15,000 blocks and
most of the transform's time on the page. A cell whose text has nothing the transform could
change (no quote, backtick, backslash, ampersand, dash pair, ellipsis, typographic character or
escape marker) is given the class :class:`awserr_block`, a paragraph that the transform skips
(it skips :class:`docutils.nodes.Special` elements); every other cell is educated as before, so
the output is the same. Writers see an ordinary paragraph (Sphinx's translators dispatch on the
class hierarchy, and the XML tag name stays ``paragraph``).

The code of an ``:awserr:`` reference is a literal inside a pending cross-reference, which is
no text element: the transform takes each such literal for a text block of its own (10,000 of
them for 10,000 references), finds its text literal, and replaces it by an equal copy. While the
transform runs, those literals are Special too, and skipped; right after it they are ordinary
literals again.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

from docutils import nodes
from sphinx.transforms import SphinxTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: Where the cell paragraphs of the tables read in the current document are noted
#: (``env.temp_data``).
_KEY: Final = "awserrors_table_blocks"

#: Where the code literals of the references read in the current document are noted, and then
#: those that ``SmartQuotes`` skips, until :class:`RestoreLiterals` (``env.temp_data``).
_LITERALS_KEY: Final = "awserrors_reference_literals"
_SKIPPED_KEY: Final = "awserrors_skipped_literals"

#: Anything ``smartquotes.educate_tokens`` could change, in any of its modes (quotes, backticks,
#: dashes, ellipses, ``&quot;``, backslash escapes, the "stupefy" mode's typographic characters)
#: and docutils' escape marker, before which Sphinx inserts a backslash.
ACTIVE: Final = re.compile(
    "[\"'`\\\\&\x00\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2013\u2014\u2026]"
    r"|--|\.\.\.|\. \. \."
)


class awserr_block(nodes.paragraph, nodes.Special):
    """A table cell's paragraph whose text smart quotes would leave as it is."""

    tagname = "paragraph"


class _quiet_literal(nodes.literal, nodes.Special):
    """A reference's code while ``SmartQuotes`` runs, and only then (:class:`SkipPlainCells`)."""

    tagname = "literal"


def note_blocks(env: BuildEnvironment, blocks: list[nodes.Node]) -> None:
    """Note the cell paragraphs of a table being read, for :class:`SkipPlainCells`."""
    noted = env.temp_data.setdefault(_KEY, [])
    assert isinstance(noted, list)
    noted.extend(blocks)


def note_literals(env: BuildEnvironment, literals: list[nodes.Node]) -> None:
    """Note the code literals of ``:awserr:`` references being read, for :class:`SkipPlainCells`."""
    noted = env.temp_data.setdefault(_LITERALS_KEY, [])
    assert isinstance(noted, list)
    noted.extend(literals)


def _plain(block: nodes.Element) -> bool:
    return not any(ACTIVE.search(str(text)) for text in block.findall(nodes.Text))


class SkipPlainCells(SphinxTransform):
    """Just before ``SmartQuotes``: the cells of this page's tables that it would not change."""

    default_priority = 749  # SmartQuotes is 750

    def apply(self, **kwargs: Any) -> None:
        """Mark each cell paragraph without anything to educate, and hide the references' codes."""
        blocks: list[nodes.Node] = self.env.temp_data.pop(_KEY, None) or []
        for block in blocks:
            if type(block) is nodes.paragraph and _plain(block):
                block.__class__ = awserr_block
        # a reference's literal is a text block of its own (its parent, the pending reference,
        # is no text element): SmartQuotes would find its text, see that it is literal, leave it
        # as it is and put an equal copy in its place, 10,000 times for 10,000 references. One
        # with docutils' escape markers is left to it (its copy drops them)
        literals: list[nodes.Node] = self.env.temp_data.pop(_LITERALS_KEY, None) or []
        skipped = []
        for literal in literals:
            if (
                type(literal) is nodes.literal
                and not isinstance(literal.parent, nodes.TextElement)
                and all(
                    isinstance(child, nodes.Text) and "\x00" not in child
                    for child in literal.children
                )
            ):
                literal.__class__ = _quiet_literal
                skipped.append(literal)
        if skipped:
            self.env.temp_data[_SKIPPED_KEY] = skipped


class RestoreLiterals(SphinxTransform):
    """Just after ``SmartQuotes``: the references' codes are ordinary literals again."""

    default_priority = 751

    def apply(self, **kwargs: Any) -> None:
        """Give back the class :class:`SkipPlainCells` changed."""
        skipped: list[nodes.Node] = self.env.temp_data.pop(_SKIPPED_KEY, None) or []
        for literal in skipped:
            if isinstance(literal, _quiet_literal):
                _become(literal, nodes.literal)


def _become(node: nodes.Node, kind: type[nodes.Node]) -> None:
    node.__class__ = kind


def setup_smartquotes(app: Sphinx) -> None:
    """Register the transform and the node (Sphinx's translators render it as a paragraph)."""
    # registered with docutils, so that its generic visitors (the XML writer) know it too
    app.add_node(awserr_block)
    app.add_transform(SkipPlainCells)
    app.add_transform(RestoreLiterals)
