"""LaTeX output: let long error codes break between their words; keep a page's column spec.

TeX never breaks inside a word, and a code such as ``IllegalVersioningConfigurationException``
is one word: in a table cell it runs over the next column. Before the LaTeX writer sees the
document, each long code (a literal the extension wrote, the code that heads an ``aws-error``
section, or any literal that is one PascalCase identifier) gets a permitted break
(``\\allowbreak``) at its word boundaries; no hyphen is printed, so the code reads unchanged
where it fits.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: Between a lower-case letter or digit and a capital (``Such|Key``), and before the last
#: capital of an acronym that starts a word (``XML|Parse``).
WORD_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")

#: Codes shorter than this fit any sensible column; leave them alone.
MIN_BREAKABLE = 12

BREAK = r"\allowbreak{}"


def code_parts(code: str) -> list[str]:
    """*code* cut at its PascalCase word boundaries (``["No", "Such", "Key"]``)."""
    return [part for part in WORD_BOUNDARY.split(code) if part]


#: A literal that is one PascalCase identifier reads as an error code wherever it stands.
PASCAL_CASE = re.compile(r"[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*")


def _is_code_literal(node: nodes.TextElement) -> bool:
    classes = set(node["classes"])
    if "awserr-code" in classes or {"aws", "aws-err"} <= classes:
        return True
    return PASCAL_CASE.fullmatch(node.astext()) is not None


class BreakableCodes(SphinxPostTransform):
    """Insert ``\\allowbreak`` between the words of long codes, for LaTeX builders only."""

    default_priority = 400
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        # literals, and the code at the head of an ``aws-error`` section
        codes: list[nodes.TextElement] = [
            *self.document.findall(nodes.literal),
            *(
                name
                for name in self.document.findall(addnodes.desc_name)
                if "awserr-code" in name["classes"]
            ),
        ]
        for literal in codes:
            if len(literal.children) != 1 or not isinstance(literal[0], nodes.Text):
                continue
            text = literal.astext()
            if len(text) < MIN_BREAKABLE or " " in text or not _is_code_literal(literal):
                continue
            parts = code_parts(text)
            if len(parts) < 2:
                continue
            children: list[nodes.Node] = [nodes.Text(parts[0])]
            for part in parts[1:]:
                children += [nodes.raw("", BREAK, format="latex"), nodes.Text(part)]
            literal.clear()
            literal.extend(children)


def _page_spec_before(node: nodes.Element) -> addnodes.tabular_col_spec | None:
    """The page's own ``tabularcolumns`` right before *node*, if any."""
    parent = node.parent
    if parent is None:
        return None
    position = parent.index(node)
    previous = parent[position - 1] if position > 0 else None
    if isinstance(previous, addnodes.tabular_col_spec) and not previous.get("awserr-default"):
        return previous
    return None


class PageColumnSpec(SphinxPostTransform):
    """A ``.. tabularcolumns::`` right before an ``aws-error-table`` wins over the table's own.

    The table puts its column specification right before itself, after the page's, where
    the LaTeX writer would take the table's and silently drop the page's. Before a grouped
    table, the page's specification applies to each of its tables.
    """

    default_priority = 400
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for spec in list(self.document.findall(addnodes.tabular_col_spec)):
            parent = spec.parent
            if not spec.get("awserr-default") or parent is None:
                continue
            page_spec = _page_spec_before(spec)
            if page_spec is not None:
                parent.remove(spec)
                continue
            if parent.index(spec) == 0 and "awserr-groups" in parent.get("classes", ()):
                page_spec = _page_spec_before(parent)
                if page_spec is not None:
                    for own in parent.findall(addnodes.tabular_col_spec):
                        own["spec"] = page_spec["spec"]
                    if page_spec.parent is not None:
                        page_spec.parent.remove(page_spec)


def setup_latex(app: Sphinx) -> None:
    """Register the LaTeX post-transforms."""
    app.add_post_transform(BreakableCodes)
    app.add_post_transform(PageColumnSpec)
