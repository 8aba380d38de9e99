"""Sphinx extension that documents AWS-style error codes from a structured, checked catalogue."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: Bump when the data the extension keeps in the environment changes shape.
ENV_VERSION = 3


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the extension's configuration, domain, directives, roles and events."""
    from sphinx_awserrors import buildstate, directive, domain, export, latex
    from sphinx_awserrors.locale import LOCALE_DIR, MESSAGE_CATALOG

    # first: the modules below translate their labels with this catalogue
    app.add_message_catalog(MESSAGE_CATALOG, str(LOCALE_DIR))
    buildstate.setup_buildstate(app)
    domain.setup_domain(app)
    directive.setup_directive(app)
    export.setup_export(app)
    latex.setup_latex(app)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
