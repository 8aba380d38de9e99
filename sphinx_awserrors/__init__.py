"""Sphinx extension that documents AWS-style error codes from a structured, checked catalogue."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: Bump when the data the extension keeps in the environment changes shape.
ENV_VERSION = 4


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the extension's configuration, domain, directives, roles and events."""
    # imported here, not above: ``import sphinx_awserrors`` (the command line, the catalogue
    # API) must not load Sphinx
    from sphinx_awserrors.sphinxext import setup_extension

    setup_extension(app)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
