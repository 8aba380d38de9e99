"""What a catalogue description may contain: the allowed roles and URL schemes (an allow-list).

A catalogue is data, often written by other people than the documentation's authors, and its
descriptions are inline reStructuredText. This module decides, without Sphinx, what of that
markup may reach the output:

* **Roles**: the harmless inline roles of docutils and Sphinx (:data:`DEFAULT_ROLES`), the
  ``aws`` domain's roles, and whatever a project adds (``awserrors_description_roles``). Any
  other role - a project's ``.. role:: raw-html(raw)``, ``:download:``, a custom role - is shown
  as its text. The roles of :data:`NEVER_ROLES` (raw output, reading files) are refused even when
  a project lists them.
* **Links**: a URI may have the scheme ``http``, ``https`` or ``mailto`` (:data:`ALLOWED_SCHEMES`)
  or none (a relative reference such as ``../errors.html#x`` or ``#x``, which can only lead
  somewhere on the same site, or ``//host/path``, which takes the page's own http or https).
  The scheme is read the way a browser reads it (:func:`uri_scheme`): entities decoded, control
  characters and whitespace dropped, case folded, so ``JaVa&#x53;cript:`` or ``java\\nscript:``
  are ``javascript``.

The Sphinx layer (``sphinxext.render``) and the converters (``convert.writers``) apply it.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from docutils.utils import unescape

if TYPE_CHECKING:
    from collections.abc import Iterable

#: URL schemes a description's links may use; anything else is shown as text.
ALLOWED_SCHEMES: Final = frozenset({"http", "https", "mailto"})

#: Roles a description may use by default: inline formatting, cross-references and semantic
#: markup of docutils and Sphinx, and the ``aws`` domain's roles (with their domain-qualified
#: forms). Not ``math``: its content is raw TeX in the LaTeX output (and MathJax input in HTML),
#: so a project must opt in through ``awserrors_description_roles``.
DEFAULT_ROLES: Final = frozenset(
    {
        # docutils' inline roles (canonical names and aliases)
        "emphasis",
        "strong",
        "literal",
        "code",
        "subscript",
        "sub",
        "superscript",
        "sup",
        "title-reference",
        "title",
        "t",
        "abbreviation",
        "ab",
        "acronym",
        "ac",
        "pep-reference",
        "pep",
        "rfc-reference",
        "rfc",
        # Sphinx's cross-reference roles and their std-domain forms
        "any",
        "ref",
        "doc",
        "term",
        "option",
        "envvar",
        "token",
        "keyword",
        "numref",
        "std:ref",
        "std:doc",
        "std:term",
        "std:option",
        "std:envvar",
        "std:token",
        "std:keyword",
        "std:numref",
        # Sphinx's semantic roles
        "abbr",
        "command",
        "dfn",
        "file",
        "kbd",
        "mailheader",
        "makevar",
        "manpage",
        "menuselection",
        "mimetype",
        "newsgroup",
        "program",
        "regexp",
        "samp",
        "guilabel",
        # the aws domain
        "awserr",
        "awsstatus",
        "aws:err",
        "aws:status",
        "err",
        "status",
    }
)

#: Roles refused even when a project lists them: raw output and reading files.
NEVER_ROLES: Final = frozenset({"raw", "download", "std:download"})

#: The role of interpreted text that names none (```text```), unless the project sets one.
DEFAULT_INTERPRETED_ROLE: Final = "title-reference"

# What a browser ignores in a URL's scheme: C0 controls, space, DEL, and (as the WHATWG URL
# parser does for tab and newline, and some browsers for others) invisible format characters.
_IGNORED_IN_URL: Final = re.compile(
    "[\x00-\x20\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    "\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3000\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8]"
)

#: ``scheme:`` at the start of a (cleaned) URI: everything before the first ``:`` that comes
#: before any ``/``, ``?`` or ``#`` (RFC 3986: a relative path's first segment has no colon).
_SCHEME: Final = re.compile(r"^([^:/?#\\]*):")

#: C0 and C1 control characters and DEL, except tab, line feed and carriage return.
CONTROL_CHARACTERS: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

_EXPLICIT_TITLE: Final = re.compile(r"^(?P<title>.+?)\s*(?<!\x00)<(?P<target>.*?)>$", re.DOTALL)


def normalise_role(name: str) -> str:
    """*name* as role names compare: stripped and in lower case (docutils ignores case)."""
    return name.strip().lower()


def allowed_roles(extra: Iterable[object] = ()) -> frozenset[str]:
    """:data:`DEFAULT_ROLES` with the project's *extra* roles (strings only, normalised).

    Roles of :data:`NEVER_ROLES` stay out whatever *extra* says.
    """
    return _allowed(tuple(normalise_role(name) for name in extra if isinstance(name, str)))


@lru_cache(maxsize=16)
def _allowed(extra: tuple[str, ...]) -> frozenset[str]:
    """The allowed set for these normalised *extra* names (one per build, parsed many times)."""
    return (DEFAULT_ROLES | frozenset(extra)) - NEVER_ROLES


def role_allowed(name: str, allowed: frozenset[str] = DEFAULT_ROLES) -> bool:
    """Whether a description may use the role *name*, given the *allowed* names.

    A domain-qualified name (``std:ref``) is allowed when it is listed; a name the list has
    only in its qualified form is not (``download`` stays refused even as ``std:download``).
    """
    normal = normalise_role(name)
    return normal in allowed and normal not in NEVER_ROLES


def role_text(role: str, text: str) -> str:
    """The visible text of interpreted *text* in *role*, as the page would show it, link-free.

    *text* is as docutils hands it to a role (backslash escapes still marked): the title of
    ``:role:`title <target>```, the target of ``:role:`~!target```, ``PEP 8`` for ``:pep:`8```.
    """
    name = normalise_role(role)
    if name in {"pep", "pep-reference"}:
        return f"PEP {unescape(text)}"
    if name in {"rfc", "rfc-reference"}:
        return f"RFC {unescape(text)}"
    match = _EXPLICIT_TITLE.match(text)
    return unescape(match["title"] if match else text.lstrip("!~"))


def clean_uri(uri: str) -> str:
    """*uri* as a browser reads its scheme: entities decoded, ignored characters dropped.

    Decoding repeats until nothing changes (``&amp;#106;`` is ``&#106;`` is ``j``), at most a
    few times; the result is only used to decide, never written out.
    """
    text = uri
    for _ in range(4):
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    return _IGNORED_IN_URL.sub("", text)


def uri_scheme(uri: str) -> str | None:
    """The scheme of *uri* in lower case, as a browser would read it; ``None`` when it has none.

    Anything before a first ``:`` that comes before ``/``, ``?``, ``#`` or ``\\`` counts as a
    scheme, even with characters a scheme cannot have (``java script:`` is refused, not read as
    a relative path).
    """
    match = _SCHEME.match(clean_uri(uri))
    return match[1].lower() if match else None


def uri_allowed(uri: str) -> bool:
    """Whether a description may link to *uri*: an allowed scheme, or a relative reference."""
    scheme = uri_scheme(uri)
    return scheme is None or scheme in ALLOWED_SCHEMES


#: :data:`CONTROL_CHARACTERS` but NUL, which marks a backslash escape in docutils' text nodes.
_CONTROLS_BUT_NUL: Final = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def visible_controls(text: str, *, docutils_text: bool = False) -> str:
    """*text* with each control character (but tab and line ends) as ``\\xNN``.

    For codes and other catalogue text that reaches an output where a control character is
    invalid (LaTeX, XML) or invisible: the reader sees that something is there. With
    *docutils_text* (the content of a docutils ``Text`` node), NUL stays: docutils marks
    backslash escapes with it, and its writers drop it.
    """
    pattern = _CONTROLS_BUT_NUL if docutils_text else CONTROL_CHARACTERS
    return pattern.sub(lambda match: repr(match[0])[1:-1], text)


#: Characters Sphinx's general index reads in an entry's text: ``;`` separates an entry from
#: its sub-entry. (``!`` marks a main entry only in the ``index`` directive's text, which the
#: extension never writes; LaTeX's ``!``, ``@``, ``|`` and ``"`` Sphinx escapes itself.)
_INDEX_SEPARATOR: Final = ";"

#: GREEK QUESTION MARK: canonically equivalent to, and drawn as, a semicolon, but not split on
#: (HTML's general index, Texinfo; LaTeX's index entries are written with a real ``;``).
INDEX_SEMICOLON: Final = "\u037e"

#: ``word (qualifier)``: Sphinx's general index files such an entry under ``word``.
_INDEX_QUALIFIER: Final = re.compile(r" (?=\()")


def index_text(text: str) -> str:
    """*text* as one general-index entry: never split into entry and sub-entry, never grouped.

    ``;`` becomes :data:`INDEX_SEMICOLON`; the space of ``Code (x)``, a no-break space (else
    Sphinx files it as a sub-entry ``(x)`` of ``Code``); control characters become visible
    (:func:`visible_controls`).
    """
    text = visible_controls(text).replace(_INDEX_SEPARATOR, INDEX_SEMICOLON)
    return _INDEX_QUALIFIER.sub("\u00a0", text)
