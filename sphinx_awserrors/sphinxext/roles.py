"""The ``:awserr:`` and ``:awsstatus:`` roles and the last steps of resolving them.

Resolution order of a code: a target of this project (:meth:`AwsDomain.resolve_xref`), then
intersphinx (its ``missing-reference`` handler, default priority), then — in
:func:`resolve_fallback`, a ``missing-reference`` handler of a later priority that steps aside
when intersphinx has an answer — the ``awserrors_external_url`` template for catalogue codes no
page shows, and finally plain text with the tooltip and one warning per code.
"""

from __future__ import annotations

import re
from string import Formatter
from typing import TYPE_CHECKING, Final
from urllib.parse import quote

from docutils import nodes
from sphinx import addnodes
from sphinx.roles import XRefRole

from sphinx_awserrors.catalogue.status import reason_phrase, status_class
from sphinx_awserrors.sphinxext import buildstate, smartquotes
from sphinx_awserrors.sphinxext._logging import config_location, warn
from sphinx_awserrors.sphinxext.domain import AwsDomain, did_you_mean, tooltip
from sphinx_awserrors.sphinxext.locale import __, class_title

if TYPE_CHECKING:
    from docutils.nodes import Element, Node, TextElement, system_message
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: Priority of the fallback ``missing-reference`` handler: after intersphinx's (500).
FALLBACK_PRIORITY: Final = 900

#: The placeholders an ``awserrors_external_url`` template may use.
_URL_FIELDS: Final = frozenset({"code", "code_lower"})

_STATUS: Final = re.compile(r"^(?:(?P<status>[1-5][0-9][0-9])|(?P<klass>[1-5])[xX][xX])$")


def _domain(env: BuildEnvironment) -> AwsDomain:
    domain = env.get_domain("aws")
    assert isinstance(domain, AwsDomain)
    return domain


def parse_status(text: str) -> tuple[str, str] | None:
    """``"404"`` -> ``("4xx", "404 Not Found")``; ``"4xx"`` -> ``("4xx", "4xx Client Error")``.

    The class title is in the project's language; HTTP reason phrases stay as RFC 9110 has them.

    ``None`` when *text* is neither a status (100 to 599) nor a status class.
    """
    match = _STATUS.match(text.strip())
    if match is None:
        return None
    if match["klass"]:
        klass = f"{match['klass']}xx"
        return klass, class_title(klass)
    status = int(match["status"])
    reason = reason_phrase(status)
    return status_class(status), f"{status} {reason}" if reason else str(status)


class AwsErrorRole(XRefRole):
    """``:awserr:`NoSuchKey``` and ``:aws:err:``: a reference to an error code.

    Forms: ``:awserr:`NoSuchKey```, ``:awserr:`title <NoSuchKey>``` and ``:awserr:`!NoSuchKey```
    (no link). The link text is the code (or the title) as a literal; the reference node gets
    the domain ``aws`` and type ``err`` even under the colon-less global name.
    """

    def __init__(self) -> None:
        super().__init__(innernodeclass=nodes.literal, warn_dangling=True)

    def run(self) -> tuple[list[Node], list[system_message]]:
        """Build the pending cross-reference (or the plain literal for ``!``)."""
        self.refdomain, self.reftype = "aws", "err"
        self.classes = ["xref", "aws", "aws-err"]
        code = self.target if self.has_explicit_title else self.target.removeprefix("!")
        if not code.strip():
            warn(
                __("no error code in %s; write the code, as in :awserr:`NoSuchKey`") % self.rawtext,
                "ref",
                self.get_location(),
            )
            text = self.title.removeprefix("!") if self.has_explicit_title else self.rawtext
            return [nodes.inline(self.rawtext, text, classes=self.classes)], []
        if self.disabled:
            if self.has_explicit_title:  # `!title <Code>` shows the title, as prose
                text = self.title.removeprefix("!")
                return [nodes.inline(self.rawtext, text, classes=self.classes)], []
            return self.create_non_xref_node()
        result, messages = self.create_xref_node()
        if not self.has_explicit_title:
            smartquotes.note_literals(
                self.env,
                [
                    refnode[0]
                    for refnode in result
                    if isinstance(refnode, addnodes.pending_xref) and refnode.children
                ],
            )
        if self.has_explicit_title:
            # an explicit title is prose, not code
            for refnode in result:
                if isinstance(refnode, addnodes.pending_xref):
                    literal = refnode[0]
                    refnode.replace(
                        literal, nodes.inline(self.rawtext, self.title, classes=self.classes)
                    )
        return result, messages

    def process_link(
        self,
        env: BuildEnvironment,
        refnode: Element,
        has_explicit_title: bool,
        title: str,
        target: str,
    ) -> tuple[str, str]:
        """Record the reference (for rewrites and catalogue changes); return title, target."""
        target = " ".join(target.split())
        docname = env.docname
        _domain(env).note_reference(target, docname)
        return title, target


class AwsStatusRole(XRefRole):
    """``:awsstatus:`404``` (and ``:aws:status:``): "404 Not Found", linked to its class.

    The link goes to the table or group that lists the status class, when there is one;
    ``4xx`` names the class itself ("4xx Client Error").
    """

    def __init__(self) -> None:
        super().__init__(innernodeclass=nodes.inline, warn_dangling=False)

    def run(self) -> tuple[list[Node], list[system_message]]:
        """Validate the status; build the pending cross-reference or the plain text."""
        self.refdomain, self.reftype = "aws", "status"
        self.classes = ["xref", "aws", "aws-status"]
        target = self.target.lstrip("!") if self.disabled else self.target
        parsed = parse_status(target)
        if parsed is None:
            warn(
                __(
                    "invalid HTTP status %r in :awsstatus:; give a status from 100 to 599 (404) "
                    "or a status class (4xx)"
                )
                % target.strip(),
                "ref",
                self.get_location(),
            )
        if self.disabled or parsed is None:
            text = self.title.lstrip("!") if self.has_explicit_title else target
            if parsed is not None and not self.has_explicit_title:
                text = parsed[1]
            node = nodes.inline(self.rawtext, text, classes=self.classes)
            return [node], []
        return self.create_xref_node()

    def process_link(
        self,
        env: BuildEnvironment,
        refnode: Element,
        has_explicit_title: bool,
        title: str,
        target: str,
    ) -> tuple[str, str]:
        """The title becomes "404 Not Found"; the target the status class."""
        parsed = parse_status(target)
        assert parsed is not None  # run() checked it
        klass, text = parsed
        _domain(env).note_status_reference(klass, env.docname)
        return (title if has_explicit_title else text), klass


def external_url(template: str, code: str) -> str | None:
    """*template* with ``{code}`` and ``{code_lower}`` filled in; ``None`` if it is malformed."""
    try:
        # only the bare placeholders: ``{code.x}`` or ``{code[x]}`` would raise other errors
        if any(
            field is not None and field not in _URL_FIELDS
            for _, field, _, _ in Formatter().parse(template)
        ):
            return None
        return template.format(code=quote(code, safe=""), code_lower=quote(code.lower(), safe=""))
    except ValueError:
        return None


def _intersphinx_resolves(
    app: Sphinx, env: BuildEnvironment, node: addnodes.pending_xref, contnode: TextElement
) -> bool:
    """Whether intersphinx resolves *node* (its result is then the one Sphinx uses).

    Sphinx calls every ``missing-reference`` handler and takes the first result, so this
    handler runs even when intersphinx (earlier) succeeded; it must not warn then.
    """
    if "sphinx.ext.intersphinx" not in app.extensions:
        return False
    from sphinx.ext.intersphinx import missing_reference

    return missing_reference(app, env, node, contnode.deepcopy()) is not None


def resolve_fallback(
    app: Sphinx, env: BuildEnvironment, node: addnodes.pending_xref, contnode: TextElement
) -> Node | None:
    """After this project and intersphinx: the external URL, then plain text with a warning."""
    if node.get("refdomain") != "aws" or node.get("intersphinx"):
        return None
    if node.get("reftype") == "status":
        return contnode  # a status no table lists is plain text
    if node.get("reftype") != "err" or _intersphinx_resolves(app, env, node, contnode):
        return None
    code = str(node["reftarget"])
    domain = _domain(env)
    catalogue = buildstate.get_catalogue(env)
    entry = catalogue.get(code)
    if entry is None:
        if code not in domain.warned and not buildstate.catalogue_unusable(env):
            domain.warned.add(code)
            hint = did_you_mean(code, [*catalogue.codes, *domain.shown_codes()])
            warn(__("unknown AWS error code %r%s") % (code, hint), "ref", node)
        return contnode
    title = tooltip(entry)
    template = getattr(env.config, "awserrors_external_url", None)
    if template:
        url = external_url(str(template), code)
        if url is None:
            warn(
                __(
                    "awserrors_external_url %r is not a valid template; use the placeholders "
                    "{code} and {code_lower}"
                )
                % template,
                "config",
                config_location(app, "awserrors_external_url"),
                once=True,
            )
        else:
            reference = nodes.reference("", "", internal=False, refuri=url, reftitle=title)
            reference += contnode
            return reference
    if code not in domain.warned:
        domain.warned.add(code)
        if code in domain.left_out_codes():
            message = __(
                "%s is shown only inside 'only' directives that this builder leaves out, so the "
                "reference is plain text; show the code outside them too, or set "
                "awserrors_external_url"
            )
        elif code in domain.hidden_codes():
            message = __(
                "%s is shown only where :no-index: is set (aws-error-table rows or aws-error "
                "directives), which are not link targets, so the reference is plain text; "
                "remove :no-index: from one of them, or set awserrors_external_url"
            )
        else:
            message = __(
                "%s is in the catalogue but no aws-error-table row or aws-error directive shows "
                "it, so the reference is plain text; show the code, or set "
                "awserrors_external_url"
            )
        warn(message % code, "ref", node)
    if app.builder.format == "html":
        return nodes.abbreviation("", "", contnode, explanation=title)
    return contnode


def setup_roles(app: Sphinx) -> None:
    """Register the domain roles ``err``/``status``, the global short forms and the fallback."""
    app.add_role_to_domain("aws", "err", AwsErrorRole())
    app.add_role_to_domain("aws", "status", AwsStatusRole())
    app.add_role("awserr", AwsErrorRole())
    app.add_role("awsstatus", AwsStatusRole())
    app.connect("missing-reference", resolve_fallback, priority=FALLBACK_PRIORITY)
