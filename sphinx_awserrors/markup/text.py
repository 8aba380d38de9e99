"""Descriptions as plain text: the inline reStructuredText of a description with its markup removed.

For tooltips, indices, search and exports; works without Sphinx (roles such as ``:awserr:``
are shown as their visible text).
"""

from __future__ import annotations

import re
from functools import lru_cache

from docutils import nodes
from docutils.utils import unescape

from sphinx_awserrors.markup.inline import parse_quietly


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


#: The characters inline markup starts or escapes with (emphasis, literals, roles, references,
#: targets, substitutions, footnotes, escapes); a text without them parses to itself.
_MARKUP = re.compile(r"[*`|_\\\[\x00]")


@lru_cache(maxsize=8192)
def description_text(text: str) -> str:
    """*text*, an inline-reStructuredText description, as plain text with the markup removed.

    For tooltips, indices, search and exports. Whitespace is collapsed; markup errors are
    ignored here (the build reports them where the description is rendered).
    """
    if not text.strip():
        return ""
    if not _MARKUP.search(text):  # nothing inline markup could start with: the text itself
        return " ".join(text.split())
    plain = "".join(node.astext() for node in parse_quietly(text, _plain_interpreted))
    return " ".join(plain.split())
