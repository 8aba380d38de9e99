"""LaTeX output: characters of catalogue text that pdflatex cannot typeset.

pdflatex, Sphinx's default LaTeX engine, reads UTF-8 through LaTeX's ``inputenc``, which knows
only the characters that the loaded font encodings declare (T1, TS1, OT1 and OMS in a document
Sphinx writes, and those of a ``fontenc`` the project sets). Any other character in a
description (``≤``, ``名``, an emoji) stops the PDF build with "Unicode character ... not set up
for use with LaTeX", pointing into the ``.tex`` file. Here such a character is a warning at the
entry's line in the catalogue and shows as ``[U+2264]`` in the PDF, so the PDF is built and the
reader sees that something is missing.

The warning names the fixes: ``latex_engine = "xelatex"`` or ``"lualatex"`` (Unicode engines),
or a ``\\DeclareUnicodeCharacter`` (or ``\\newunicodechar``) in ``latex_elements``, which this
module reads so that a declared character is not reported. A ``fontenc`` naming an encoding
whose table is not shipped turns the check off rather than report characters it may cover.

The tables (``data/pdflatex_characters.json``) list the code points that LaTeX's ``.dfu`` files
declare; ``tools/pdflatex_characters.py`` writes them from a TeX Live installation.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Final
from weakref import WeakKeyDictionary

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import texescape

from sphinx_awserrors.sphinxext._logging import warn, warn_at
from sphinx_awserrors.sphinxext.buildstate import get_catalogue
from sphinx_awserrors.sphinxext.locale import __
from sphinx_awserrors.sphinxext.render import ancestors, is_catalogue_text

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

SUBTYPE: Final = "latex-character"

#: The encodings of every document Sphinx writes for pdflatex: OT1 and OMS are LaTeX's own
#: defaults, TS1 its text companion (in the kernel since 2020), T1 Sphinx's ``fontenc``.
DEFAULT_ENCODINGS: Final = ("T1", "TS1", "OT1", "OMS")

_FONTENC = re.compile(r"\\usepackage\s*\[([^\]]*)\]\s*\{fontenc\}")
_DECLARED = re.compile(r"\\(?:DeclareUnicodeCharacter|sphinxDUC)\s*\{\"?([0-9A-Fa-f]{1,6})\}")
_NEWUNICODECHAR = re.compile(r"\\newunicodechar\s*\{(.)\}")


@lru_cache(maxsize=1)
def _tables() -> Mapping[str, frozenset[int]]:
    raw = json.loads(
        resources.files("sphinx_awserrors.sphinxext")
        .joinpath("data/pdflatex_characters.json")
        .read_text(encoding="utf-8")
    )
    return {
        name: frozenset(point for first, last in spans for point in range(first, last + 1))
        for name, spans in raw.items()
        if name != "source"
    }


def _escaped() -> frozenset[int]:
    """Characters Sphinx's LaTeX writer replaces by commands itself (``→``, ``€``, ``²``)."""
    pairs = [
        *texescape.tex_replacements,
        *texescape.ascii_tex_replacements,
        *texescape.unicode_tex_replacements,
    ]
    return frozenset(ord(char) for char, _command in pairs)


def typesettable(engine: str, elements: Mapping[str, object]) -> frozenset[int] | None:
    """The code points pdflatex can typeset with the LaTeX settings *elements*.

    *elements* are the builder's ``latex_elements`` as it fills them in (``fontenc``,
    ``preamble``, ``utf8extra``, ...). ``None``: no judgement (another engine, or a font
    encoding with no table here).
    """
    if engine != "pdflatex":
        return None
    tables = _tables()
    encodings = list(DEFAULT_ENCODINGS)
    texts = [value for value in elements.values() if isinstance(value, str)]
    fontenc = elements.get("fontenc")
    for match in _FONTENC.finditer(fontenc if isinstance(fontenc, str) else ""):
        encodings += [name.strip() for name in match.group(1).split(",") if name.strip()]
    if any(name not in tables for name in encodings):
        return None
    points: set[int] = {0x09, 0x0A, 0x0D, *range(0x20, 0x7F)}
    points |= tables["kernel"] | _escaped()
    for name in encodings:
        points |= tables[name]
    for text in texts:
        points.update(int(code, 16) for code in _DECLARED.findall(text))
        points.update(ord(char) for char in _NEWUNICODECHAR.findall(text))
    return frozenset(points)


def marker(char: str) -> str:
    """What the PDF shows instead of *char*: ``[U+2264]``."""
    return f"[U+{ord(char):04X}]"


#: What pdflatex can typeset in the LaTeX build of an environment (none: another build).
_ALLOWED: WeakKeyDictionary[BuildEnvironment, frozenset[int]] = WeakKeyDictionary()


def _note_engine(app: Sphinx) -> None:
    allowed = None
    if app.builder.format == "latex":
        allowed = typesettable(app.config.latex_engine, getattr(app.builder, "context", {}))
    if allowed is None:
        _ALLOWED.pop(app.env, None)
    else:
        _ALLOWED[app.env] = allowed


def shown(env: BuildEnvironment, text: str) -> str:
    """*text* as the LaTeX build of *env* prints it: each character pdflatex cannot typeset
    as its marker. Unchanged in other builds.

    For the text that reaches LaTeX outside the document's nodes: index entries, and the
    names of the domain index.
    """
    allowed = _ALLOWED.get(env)
    if allowed is None:
        return text
    return "".join(char if ord(char) in allowed else marker(char) for char in text)


def _entry_code(node: nodes.Node) -> str | None:
    """The code of the table row or ``aws-error`` section that holds *node*."""
    for element in ancestors(node):
        classes: list[str] = element.get("classes", [])
        if "awserr-row" in classes or "awserr-error" in classes:
            for code in element.findall(nodes.Element):
                if isinstance(code, nodes.literal | addnodes.desc_name) and (
                    "awserr-code" in code["classes"]
                ):
                    return code.astext()
            return None
    return None


class UntypesettableCharacters(SphinxPostTransform):
    """Report the characters of catalogue text pdflatex cannot typeset, and mark them.

    Runs before :class:`~sphinx_awserrors.sphinxext.latex.BreakableCodes` splits codes.
    """

    default_priority = 395
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        """Replace each such character by its marker; warn once per entry."""
        allowed = _ALLOWED.get(self.env)
        if allowed is None:
            return
        # the entries first: a code may itself hold such a character, and be marked below
        texts: list[tuple[nodes.Text, str, str | None]] = []
        for text in self.document.findall(nodes.Text):
            absent = {char for char in str(text) if ord(char) not in allowed}
            if absent and text.parent is not None and is_catalogue_text(text):
                texts.append((text, "".join(sorted(absent)), _entry_code(text)))
        # per entry: its characters, and where on the page it first shows them (the location
        # when the catalogue has none, as for a code only a reference lists)
        reported: dict[str, tuple[set[str], nodes.Node]] = {}
        for text, missing, code in texts:
            if code is not None:
                reported.setdefault(code, (set(), text.parent))[0].update(missing)
            else:
                self._warn(code, missing, text.parent)
            marked = "".join(marker(char) if char in missing else char for char in str(text))
            text.parent.replace(text, nodes.Text(marked))
        for code, (chars, node) in reported.items():
            self._warn(code, chars, node)

    def _warn(self, code: str | None, chars: Iterable[str], node: nodes.Node | None) -> None:
        listed = ", ".join(f"{char} ({marker(char)[1:-1]})" for char in sorted(set(chars)))
        entry = get_catalogue(self.env).get(code) if code is not None else None
        subject = code if code is not None else __("catalogue text")
        message = __(
            "%s: pdflatex cannot typeset %s; the PDF shows the code points instead. "
            'Set latex_engine = "xelatex" or "lualatex", or declare the characters '
            "in latex_elements with \\DeclareUnicodeCharacter"
        ) % (subject, listed)
        if entry is not None and entry.file:
            warn_at(message, SUBTYPE, entry.file, entry.line_of("description"), once=True)
        else:
            warn(message, SUBTYPE, node, once=True)


def setup_latex_characters(app: Sphinx) -> None:
    """Register the post-transform and what notes the engine's characters."""
    app.connect("builder-inited", _note_engine)
    app.add_post_transform(UntypesettableCharacters)
