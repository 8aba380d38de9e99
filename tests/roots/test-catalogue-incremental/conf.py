"""A project whose documents render and reference the catalogue through two tiny probes."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective, SphinxRole

from sphinx_awserrors.sphinxext import buildstate

extensions = ["sphinx_awserrors"]
awserrors_catalogue = ["errors.yaml"]
exclude_patterns = ["_build"]


class CatalogueProbe(SphinxDirective):
    """Renders the codes and statuses of the catalogue, as a table directive would."""

    def run(self) -> list[nodes.Node]:
        buildstate.note_renders_catalogue(self.env, self.env.docname)
        catalogue = buildstate.get_catalogue(self.env)
        text = ", ".join(f"{e.code}={e.status}" for e in catalogue)
        return [nodes.paragraph(text, text)]


class ProbeRef(SphinxRole):
    """References a code, as :awserr: would."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        buildstate.note_references_catalogue(self.env, self.env.docname)
        return [nodes.literal(self.text, self.text)], []


def setup(app):
    app.add_directive("catalogue-probe", CatalogueProbe)
    app.add_role("probe-ref", ProbeRef())
    return {"parallel_read_safe": True, "parallel_write_safe": True}
