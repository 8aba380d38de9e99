"""The ``aws-error`` directive: a long-form section about one error code.

``.. aws-error:: NoSuchKey`` renders the code, its status and reason and the catalogue's
description as a definition header (a ``desc`` node, which every builder renders), followed by
the directive's body. It is the preferred (canonical) target of ``:awserr:`` references.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from sphinx_awserrors.catalogue.status import reason_phrase, status_class
from sphinx_awserrors.sphinxext import buildstate
from sphinx_awserrors.sphinxext._logging import warn
from sphinx_awserrors.sphinxext.domain import AwsDomain, anchor_id, did_you_mean
from sphinx_awserrors.sphinxext.entry_notes import entry_notes
from sphinx_awserrors.sphinxext.locale import __
from sphinx_awserrors.sphinxext.options import OptionSpec, flag_option, option_error
from sphinx_awserrors.sphinxext.render import description_nodes

if TYPE_CHECKING:
    from collections.abc import Callable

    from docutils.nodes import Node
    from sphinx.application import Sphinx


class AwsErrorDirective(SphinxDirective):
    """``.. aws-error:: CODE``: the code, status and description, then the body.

    Option ``:no-index:`` keeps it out of the cross-reference targets.
    """

    required_arguments = 1
    final_argument_whitespace = True  # a code with a space, or a typo, is one (unknown) code
    has_content = True
    option_spec: ClassVar[dict[str, Callable[[str], object]]] = OptionSpec(
        {
            "no-index": flag_option,
            "noindex": flag_option,
        }
    )

    def run(self) -> list[Node]:
        """Render the header and body; record the code with the ``aws`` domain."""
        invalid = option_error(self)
        if invalid is not None:  # a misspelt :no-index: must not make the section a target
            return [invalid]
        code = " ".join(self.arguments[0].split())  # as a reference to it is read
        docname = self.env.docname
        buildstate.note_renders_entries(self.env, docname, [code])
        catalogue = buildstate.get_catalogue(self.env)
        entry = catalogue.get(code)
        if entry is None and not buildstate.catalogue_unusable(self.env):
            warn(
                __("aws-error: unknown code %r%s") % (code, did_you_mean(code, catalogue.codes)),
                "directive",
                self.get_location(),
            )
        no_index = "no-index" in self.options or "noindex" in self.options

        desc = addnodes.desc(
            domain="aws",
            objtype="error",
            desctype="error",
            no_index=no_index,
            noindex=no_index,
            classes=["aws", "error", "awserr-error"],
        )
        self.set_source_info(desc)
        signature = addnodes.desc_signature("", "", classes=["awserr-signature"])
        self.set_source_info(signature)
        signature += addnodes.desc_name(code, code, classes=["awserr-code"])
        if entry is not None:
            reason = reason_phrase(entry.status)
            status = f"{entry.status} {reason}" if reason else str(entry.status)
            signature += addnodes.desc_sig_space()
            signature += addnodes.desc_annotation(
                status, status, classes=[f"awserr-status-{status_class(entry.status)}"]
            )
        desc += signature

        node_id = self._node_id(code)
        signature["ids"].append(node_id)
        self.state.document.ids[node_id] = signature
        if entry is not None:
            domain = cast("AwsDomain", self.env.get_domain("aws"))
            if no_index:
                domain.note_hidden(code, docname)
            else:
                domain.note_shown(code, docname, node_id, self.lineno, "directive")

        content = addnodes.desc_content()
        desc += content
        if entry is not None:
            paragraph = nodes.paragraph(classes=["awserr-description"])
            paragraph.extend(description_nodes(entry, self))
            content += paragraph
            content.extend(entry_notes(entry))
        if self.content:
            self.state.nested_parse(self.content, self.content_offset, content)
        return [desc]

    def _node_id(self, code: str) -> str:
        """``awserr-<code>``, with a numeric suffix when the page already has that id."""
        base = anchor_id(code)
        node_id, suffix = base, 0
        while node_id in self.state.document.ids:
            suffix += 1
            node_id = f"{base}-{suffix}"
        return node_id


def setup_error_directive(app: Sphinx) -> None:
    """Register ``aws-error`` and its domain form ``aws:error``."""
    app.add_directive("aws-error", AwsErrorDirective)
    app.add_directive_to_domain("aws", "error", AwsErrorDirective)
