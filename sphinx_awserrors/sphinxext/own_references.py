"""References to the project's own codes, resolved before Sphinx's generic resolver looks at them.

Sphinx's ``ReferencesResolver`` handles every pending cross-reference the same way: it
deep-copies the reference's content in case nothing resolves it, looks for
``pending_xref_condition`` children, asks the domain, and has the builder compute the relative
URI of the target document again for each reference. For 10,000 ``:awserr:`` references that was
most of the time spent resolving a large project's pages.

:class:`ResolveOwnReferences` runs just before it and resolves what the ``aws`` domain knows:
the same reference node the domain gives Sphinx (:meth:`AwsDomain.reference`), around a copy
of the reference's content, with each target document's URI computed once per page. Anything
it does not resolve (an unknown code, ``:external:``, a builder that has no URI for the
target) stays pending, and Sphinx's resolver gives it intersphinx, the ``missing-reference``
event and the warnings as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from sphinx import addnodes
from sphinx.errors import NoUri
from sphinx.transforms.post_transforms import SphinxPostTransform

if TYPE_CHECKING:
    from docutils.nodes import Element
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from sphinx_awserrors.sphinxext.domain import AwsDomain


def _builder(transform: SphinxPostTransform) -> Builder:
    """The running builder (``env._app`` since Sphinx 8, where ``env.app`` is deprecated)."""
    env: Any = transform.env
    app = getattr(env, "_app", None) or env.app
    return cast("Builder", app.builder)


class ResolveOwnReferences(SphinxPostTransform):
    """``:awserr:`` and ``:awsstatus:`` references this project's pages can resolve."""

    default_priority = 9  # Sphinx's ReferencesResolver is 10

    def run(self, **kwargs: Any) -> None:
        """Replace each resolvable pending reference of the ``aws`` domain by its link."""
        domain = cast("AwsDomain", self.env.get_domain("aws"))
        builder = _builder(self)
        uris: dict[tuple[str, str], str] = {}

        def relative_uri(fromdocname: str, todocname: str) -> str:
            key = (fromdocname, todocname)
            uri = uris.get(key)
            if uri is None:
                uri = uris[key] = builder.get_relative_uri(fromdocname, todocname)
            return uri

        docname = self.env.docname
        for node in list(self.document.findall(addnodes.pending_xref)):
            if (
                node.get("refdomain") != "aws"
                or node.get("intersphinx")
                or len(node.children) != 1
                or isinstance(node[0], addnodes.pending_xref_condition)
            ):
                continue
            fromdocname = node.setdefault("refdoc", docname)
            # a copy, as Sphinx's resolver makes: the content itself belongs to a page read
            # before writing started, frozen by the collector policy (gcpolicy); moved under
            # the new reference it made each collection while writing about half again slower
            contnode = cast("Element", node[0].deepcopy())
            try:
                reference = domain.reference(
                    fromdocname, node["reftype"], node["reftarget"], contnode, relative_uri
                )
            except NoUri:
                continue
            if reference is not None:
                node.replace_self(reference)


def setup_own_references(app: Sphinx) -> None:
    """Register the post-transform."""
    app.add_post_transform(ResolveOwnReferences)
