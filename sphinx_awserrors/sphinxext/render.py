"""Catalogue descriptions, which are inline reStructuredText, as document nodes and as plain text.

A description is always reStructuredText, whatever parser reads the page that shows it (a MyST
page too), so it is parsed with docutils' own inline parser
(:class:`docutils.parsers.rst.states.Inliner`) rather than through the page's parser. The nodes
land in the page's document, so roles such as ``:awserr:`` and hyperlinks work as usual; the
text is never treated as raw HTML, and ``<``, ``&`` reach the writers as text and are escaped.
"""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Final

from docutils import nodes
from docutils.parsers.rst import roles
from docutils.parsers.rst.states import Inliner
from docutils.utils import Reporter
from sphinx import addnodes
from sphinx.transforms.i18n import parse_noqa
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_awserrors.markup import policy
from sphinx_awserrors.markup.inline import QUIET, memo, without_markup
from sphinx_awserrors.sphinxext._logging import warn
from sphinx_awserrors.sphinxext.latex import MIN_BREAKABLE, WORD_BOUNDARY
from sphinx_awserrors.sphinxext.locale import __, page_translation

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from docutils.frontend import Values
    from sphinx.application import Sphinx
    from sphinx.util.docutils import SphinxDirective
    from sphinx.writers.html5 import HTML5Translator

    from sphinx_awserrors.catalogue import ErrorEntry


class _DescriptionReporter(Reporter):
    """A reporter that places every message at the description in the catalogue file."""

    def __init__(self, source: str, line: int | None) -> None:
        super().__init__(source, QUIET, QUIET, stream=False)
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


class awserr_description(nodes.inline, addnodes.translatable):
    """A catalogue description on a page, translated as reStructuredText.

    A description is translated where it is parsed (:func:`description_nodes`), with the
    page's gettext catalogue, so a translation is reStructuredText on any page (MyST too) and
    its markup errors are reported at the catalogue. Only while messages are extracted (the
    ``gettext`` builder) is the node a gettext message: one message, located at the catalogue
    file and line. Sphinx's i18n transform then sees it too and hands any translation to
    :meth:`apply_translated_message`. Writers render it as an ``inline`` (Sphinx's translators
    dispatch on the class hierarchy); HTML as its content alone.
    """

    def preserve_original_messages(self) -> None:
        """Nothing to do: the original stays in ``rawsource``, which translation leaves alone."""

    def extract_original_messages(self) -> list[str]:
        """The description as one message, while messages are extracted; else none."""
        message = _message(self.rawsource)
        return [message] if message and self.get("extract") else []

    def apply_translated_message(self, original_message: str, translated_message: str) -> None:
        """Replace the content with *translated_message*, parsed like a description."""
        document: nodes.Node = self
        while document.parent is not None:
            document = document.parent
        if not isinstance(document, nodes.document):  # not in a page: nothing to parse for
            return
        self.children = []
        self.extend(
            _parse(
                translated_message,
                code=str(self.get("code", "")),
                source=self.source or "",
                line=self.line,
                document=document,
                what=__("translated description of %s"),
            )
        )
        self["translated"] = True


def _message(description: str) -> str:
    """The gettext message of *description*: line breaks as spaces, as Sphinx extracts them."""
    return description.replace("\n", " ").strip()


def visit_transparent(translator: object, node: nodes.Element) -> None:
    """HTML: an :class:`awserr_description` adds no element of its own (no bare ``<span>``)."""


def depart_transparent(translator: object, node: nodes.Element) -> None:
    """The end of :func:`visit_transparent`."""


class awserr_code(nodes.literal):
    """An error code in a table cell: a literal that HTML may break between the code's words.

    Codes such as ``IllegalVersioningConfigurationException`` have no spaces, so a browser
    cannot wrap them and the table overflows its column. HTML gets a ``<wbr />`` (a break
    opportunity that copies and searches as nothing) at each :data:`_CODE_BREAK`; the other
    writers render it as a ``literal`` (Sphinx's translators dispatch on the class hierarchy).
    """


#: Where a code may break: at its PascalCase word boundaries (``No|Such|Key``, ``SSE|Customer``,
#: as in LaTeX), and after ``.``, ``_``, ``-``, ``:`` or ``/``.
_CODE_BREAK: Final = re.compile(rf"{WORD_BOUNDARY.pattern}|(?<=[._\-:/])(?=[^._\-:/])")


def code_parts(code: str) -> list[str]:
    """*code* split where HTML may break it (see :class:`awserr_code`).

    A code shorter than :data:`~sphinx_awserrors.sphinxext.latex.MIN_BREAKABLE` fits any sensible
    column
    and stays whole, as in LaTeX.
    """
    if len(code) < MIN_BREAKABLE:
        return [code]
    return [part for part in _CODE_BREAK.split(code) if part]


def code_start_tag(translator: HTML5Translator, node: nodes.Element) -> str:
    """The ``<code>`` start tag of the code *node*, as Sphinx starts a literal."""
    return translator.starttag(node, "code", "", CLASS="docutils literal notranslate")


def code_html(translator: HTML5Translator, code: str, start_tag: str) -> str:
    """*code* in HTML after *start_tag* (:func:`code_start_tag`), ``<wbr />`` between its words."""
    parts = (translator.encode(part) for part in code_parts(code))
    return f'{start_tag}<span class="pre">{"<wbr />".join(parts)}</span></code>'


def visit_code_html(translator: HTML5Translator, node: nodes.Element) -> None:
    """HTML: the code as Sphinx writes a literal, with ``<wbr />`` between its words."""
    translator.body.append(code_html(translator, node.astext(), code_start_tag(translator, node)))
    raise nodes.SkipNode


def _ours(node: nodes.Element) -> bool:
    """Whether *node* holds catalogue text: a code, a description, an element of our classes."""
    classes: list[str] = node.get("classes", [])
    return isinstance(node, (awserr_code, awserr_description)) or any(
        name.startswith("awserr") for name in classes
    )


class VisibleControls(SphinxPostTransform):
    """Control characters in catalogue text (codes, descriptions) become visible ``\\xNN``.

    They are invalid in LaTeX and XML and invisible in HTML; the loader refuses them in codes,
    this keeps every builder's output valid whatever reaches it.
    """

    default_priority = 390  # before the LaTeX transforms split codes into parts

    def run(self, **kwargs: Any) -> None:
        """Rewrite the text nodes of the extension's elements that hold control characters."""
        # each text once, the cheap test first: a page has many texts and few controls
        for text in list(self.document.findall(nodes.Text)):
            visible = policy.visible_controls(str(text), docutils_text=True)
            if visible == text or text.parent is None:
                continue
            if is_catalogue_text(text):
                text.parent.replace(text, nodes.Text(visible))


def ancestors(node: nodes.Node) -> Iterator[nodes.Element]:
    """The elements that hold *node*, its parent first."""
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def is_catalogue_text(node: nodes.Node) -> bool:
    """Whether *node* is inside one of the extension's elements (a code, a description, ...)."""
    return any(_ours(element) for element in ancestors(node))


def setup_render(app: Sphinx) -> None:
    """Register the post-transform that makes control characters visible."""
    app.add_post_transform(VisibleControls)


def _forget(document: nodes.document, forgotten: Sequence[nodes.Element]) -> None:
    """Forget the *forgotten* nodes in *document*'s registries of references, targets and ids.

    All at once: a description of 30,000 refused references (``a_ a_ ...``) filtered the
    same list of 30,000 once per reference.
    """
    if not forgotten:
        return
    gone = {id(node) for node in forgotten}
    refnames = {str(node["refname"]) for node in forgotten if node.get("refname")}
    registries: tuple[dict[str, list[Any]], ...] = (document.refnames, document.footnote_refs)
    for registry in registries:
        for refname in refnames:
            refs = registry.get(refname)
            if refs:
                refs[:] = [ref for ref in refs if id(ref) not in gone]
    for name in ("autofootnote_refs", "symbol_footnote_refs", "indirect_targets"):
        listed = getattr(document, name, None)
        if isinstance(listed, list) and listed:
            listed[:] = [item for item in listed if id(item) not in gone]
    for node in forgotten:
        for node_id in node["ids"]:
            if document.ids.get(node_id) is node:
                del document.ids[node_id]
                for name in node["names"]:
                    if document.nameids.get(name) == node_id:
                        del document.nameids[name]
                        document.nametypes.pop(name, None)


def _page_only(node: nodes.Node) -> str | None:
    """Why *node* cannot work in a description, or ``None`` when it can.

    A description is shown on many pages, so markup that is resolved against the page's own
    targets, substitutions or footnotes has nothing to resolve against (and would be reported
    at the page, far from the catalogue).
    """
    if isinstance(node, nodes.substitution_reference):
        return __(
            "%s is a substitution, which a catalogue description cannot use (substitutions "
            "are defined per page); shown as plain text"
        ) % (node.rawsource or f"|{node.astext()}|")
    if isinstance(node, nodes.footnote_reference):
        return __(
            "%s is a footnote reference, which a catalogue description cannot use (footnotes "
            "belong to a page); shown as plain text"
        ) % (node.rawsource or node.astext())
    if isinstance(node, nodes.target) and node.get("names") and not node.get("refuri"):
        return __(
            "%s is an inline target, which a catalogue description cannot define (targets "
            "belong to a page, and a description is shown on many); shown as plain text"
        ) % (node.rawsource or f"_`{node.astext()}`")
    if (
        isinstance(node, nodes.reference)
        and "refuri" not in node
        and "refid" not in node
        and (node.get("refname") or node.get("anonymous"))
    ):
        return __(
            "%s names a hyperlink target, which a catalogue description cannot use (targets "
            "belong to a page); link with an embedded URI (`text <https://...>`__) or a role; "
            "shown as plain text"
        ) % (node.rawsource or node.astext())
    return None


def _refused(node: nodes.Node) -> str | None:
    """Why the description policy refuses *node*, or ``None`` when it may stay.

    The roles are checked as they are read (:func:`_checked_interpreted`); this catches what
    an allowed role, or docutils itself, made: raw output (a project's role redefined with
    ``raw``), file downloads, images, and links whose scheme is not allowed (embedded URIs,
    bare ``javascript:...`` text, which docutils turns into a link, a role's own link).
    """
    if isinstance(node, nodes.raw):
        return __("raw output is not allowed in a catalogue description; shown as plain text")
    if isinstance(node, addnodes.download_reference):
        return __(
            "%s reads a file, which a catalogue description may not do; shown as plain text"
        ) % (node.rawsource or node.astext())
    if isinstance(node, nodes.image):
        return __("images are not allowed in a catalogue description; shown as plain text")
    if isinstance(node, nodes.reference) and "refuri" in node:
        uri = str(node["refuri"])
        if not policy.uri_allowed(uri):
            return __(
                "the link to %r has the URL scheme %r, which a catalogue description may not "
                "use (only http, https, mailto and relative references); shown as plain text"
            ) % (uri, policy.uri_scheme(uri))
    return None


def _refused_text(node: nodes.Node) -> str:
    """What a refused *node* shows instead: its visible text (the alt text of an image)."""
    if isinstance(node, nodes.image):
        return str(node.get("alt", ""))
    return node.astext()


def _known_role(name: str, inliner: Inliner) -> bool:
    """Whether *name* is a role of this build (an unknown one is docutils' error, as before).

    Looked up as docutils does while the page is read (Sphinx adds its domains' roles), with a
    reporter that reports nothing.
    """
    quiet = Reporter("", QUIET, QUIET, stream=False)
    language: Any = getattr(inliner, "language", None)
    try:
        found, _messages = roles.role(name, language, 0, quiet)
    except Exception:  # a lookup that fails: treat it as known, so it is refused as text
        return True
    return found is not None


def _checked_interpreted(
    inliner: Inliner,
    allowed: frozenset[str],
    default_role: str,
    report: Callable[[str], None],
) -> Callable[..., tuple[list[nodes.Node], list[nodes.system_message]]]:
    """``Inliner.interpreted`` that reads only the roles of *allowed* (the policy's list).

    Interpreted text without a role takes *default_role* (the project's ``default_role``, or
    docutils' ``title-reference``), whatever a page's ``default-role`` directive says: a
    description reads the same on every page. A role of the build that is not allowed is
    reported through *report* and shown as its text; an unknown role is docutils' error, and its
    markup stays as it was written.
    """
    read = Inliner.interpreted.__get__(inliner)

    def interpreted(
        rawsource: str, text: str, role: str, lineno: int
    ) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        name = role or default_role
        if not policy.role_allowed(name, allowed) and _known_role(name, inliner):
            report(
                __(
                    "the role :%s: is not allowed in a catalogue description (see "
                    "awserrors_description_roles); shown as plain text"
                )
                % name
            )
            return [nodes.Text(policy.role_text(name, text))], []
        return read(rawsource, text, name, lineno)  # type: ignore[no-any-return]

    return interpreted


def _from_root(node: nodes.Element) -> None:
    """Make a relative ``:doc:`` or ``:download:`` target relative to the source directory.

    Sphinx resolves them relative to the page; a description is shown on many pages, so the
    same description would name another document (or file) on a page in a subdirectory.
    """
    is_doc = node.get("refdomain") == "std" and node.get("reftype") == "doc"
    if not (is_doc or isinstance(node, addnodes.download_reference)):
        return
    target = str(node.get("reftarget", ""))
    if target and not target.startswith("/"):
        node["reftarget"] = "/" + target


def _resolvable(
    parsed: Sequence[nodes.Node],
    report: Callable[[str], None],
    forgotten: list[nodes.Element],
) -> list[nodes.Node]:
    """*parsed* with everything that would not resolve on the page replaced by its text.

    docutils' ``problematic`` nodes (which link to dropped messages) become their text; page
    references (:func:`_page_only`) are reported through *report* and become their text; the
    targets of embedded aliases and URIs (``text <alias_>``, ``text <https://...>``) are dropped,
    so a description names no target of the page.
    """
    result: list[nodes.Node] = []
    for node in parsed:
        refusal = _refused(node)
        if refusal is not None:
            report(refusal)
            if isinstance(node, nodes.Element):
                forgotten.extend(node.findall(nodes.Element))
            text = _refused_text(node)
            if text:
                result.append(nodes.Text(text))
            continue
        if isinstance(node, nodes.problematic):
            result.append(nodes.Text(node.astext()))
            continue
        if isinstance(node, nodes.target) and (node.get("refname") or node.get("refuri")):
            # the target of an embedded alias or URI (`text <https://...>`_) would name the
            # page's target: two descriptions (or the page) with the same text would clash
            forgotten.append(node)
            continue
        reason = _page_only(node)
        if reason is not None:
            report(reason)
            assert isinstance(node, nodes.Element)
            forgotten.extend(node.findall(nodes.Element))
            result.append(nodes.Text(node.astext()))
            continue
        if isinstance(node, (addnodes.pending_xref, addnodes.download_reference)):
            _from_root(node)
        if isinstance(node, nodes.Element) and node.children:
            children = _resolvable(node.children, report, forgotten)
            node.children = []
            node.extend(children)
        result.append(node)
    return result


def _parse(
    text: str,
    *,
    code: str,
    source: str,
    line: int | None,
    document: nodes.document,
    what: str,
) -> list[nodes.Node]:
    """Parse *text* (a description, or its translation) into inline nodes for *document*.

    Problems are warnings (subtype ``description``) that start with *what* (which has a ``%s``
    for the code) and are located at *source*:*line*, the description in the catalogue.
    """
    settings = document.settings
    if without_markup(
        text,
        pep_references=bool(getattr(settings, "pep_references", False)),
        rfc_references=bool(getattr(settings, "rfc_references", False)),
    ):
        return [nodes.Text(text)]  # what the inliner gives, without its cost
    reporter = _DescriptionReporter(source, line)
    location = f"{source}:{line}" if line else source
    prefix = what % code

    def warn_here(message: str) -> None:
        warn(f"{prefix}: {message}", "description", location, once=True)

    def report(message: nodes.system_message) -> None:
        if message["level"] >= Reporter.WARNING_LEVEL:
            warn_here(_message_text(message))

    reporter.attach_observer(report)
    inliner = _inliner(document.settings)
    env = getattr(document.settings, "env", None)
    config = getattr(env, "config", None)
    allowed = policy.allowed_roles(getattr(config, "awserrors_description_roles", None) or ())
    default_role = getattr(config, "default_role", None) or policy.DEFAULT_INTERPRETED_ROLE
    state = memo(document, reporter, inliner, getattr(document.settings, "language_code", "en"))
    scratch = nodes.inline()
    # Newer docutils take the reporter from the document: lend ours for the parse.
    page_reporter = document.reporter
    document.reporter = reporter
    # A target the description defines (`text <https://...>`_, _`inline`) gets an id but no
    # name of the page: registered, it would clash with the page's own target of that name.
    document.note_explicit_target = document.set_id  # type: ignore[method-assign,assignment]
    # the cached inliner reads roles through the policy, for this parse only
    inliner.interpreted = _checked_interpreted(  # type: ignore[method-assign]
        inliner, allowed, str(default_role), warn_here
    )
    try:
        parsed, _messages = inliner.parse(text, line or 0, state, scratch)
    finally:
        document.reporter = page_reporter
        del document.note_explicit_target
        del inliner.interpreted
        # the cached inliner would hold this page, its reporter and a node of it until its
        # next parse: to the build's end after the last page with a table
        for name in ("document", "reporter", "parent"):
            if name in vars(inliner):
                setattr(inliner, name, None)
    # the nodes to forget are collected first and forgotten at once (see _forget)
    forgotten: list[nodes.Element] = []
    result = _resolvable(parsed, warn_here, forgotten)
    _forget(document, forgotten)
    return result


def description_nodes(entry: ErrorEntry, directive: SphinxDirective) -> list[nodes.Node]:
    """*entry*'s description for the page *directive* is on, as one :class:`awserr_description`.

    Markup errors, and references that only the page could resolve (``target_``, ``|sub|``,
    footnotes), become warnings (subtype ``description``) located at the description in the
    catalogue file; the faulty markup is kept as plain text. An empty description gives no
    nodes.
    """
    if not entry.description.strip():
        return []
    line = entry.line_of("description")
    node = awserr_description(entry.description, code=entry.code)
    node.source, node.line = entry.file, line
    env = directive.env
    text, what = entry.description, __("description of %s")
    if env.versioning_condition:
        # the gettext builder versions doctrees to extract messages: keep the original
        node["extract"] = True
    else:
        message = _message(entry.description)
        translated = page_translation(env, message)
        if translated is not None:
            translated, _noqa = parse_noqa(translated)
            node["translated"] = bool(translated.strip()) and translated != message
            if node["translated"]:
                text, what = translated, __("translated description of %s")
    node.extend(
        _parse(
            text,
            code=entry.code,
            source=entry.file,
            line=line,
            document=directive.state.document,
            what=what,
        )
    )
    return [node]
