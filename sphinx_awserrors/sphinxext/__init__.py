"""The Sphinx layer: the thin glue between Sphinx and the layers below.

What belongs here: the ``aws`` domain (``domain``), the ``aws-error-table`` directive
(``table_directive``) and its options (``options``), its HTML (row anchors, permalinks,
the filter's assets: ``table_html``), the ``aws-error`` directive
(``error_directive``), the ``aws-error-compat`` matrix (``compat_directive``), the notes
under a description (``entry_notes``), the ``:awserr:`` roles (``roles``) and their early
resolution (``own_references``), descriptions and
codes as docutils nodes (``render``), LaTeX support (``latex``), the catalogue's life in a
build (``buildstate``), the HTML JSON export (``json_export``), the source-code coverage
check (``coverage``), the garbage collector during builds (``gcpolicy``), the general and domain
index pages kept while what they show is unchanged (``index_pages``), table cells and
reference codes left out of smart quotes (``smartquotes``), table rows kept compact until
written (``lazyrows``) and written straight to HTML (``html_rows``), gettext (``locale``),
warnings (``_logging``) and the static files (``static/``). A new directive option goes into
the directive's module; anything that needs no Sphinx goes into a layer below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_awserrors.sphinxext import (
    buildstate,
    compat_directive,
    coverage,
    domain,
    error_directive,
    gcpolicy,
    html_rows,
    index_pages,
    json_export,
    latex,
    latex_characters,
    lazyrows,
    own_references,
    render,
    roles,
    smartquotes,
    table_directive,
    table_html,
)
from sphinx_awserrors.sphinxext.locale import LOCALE_DIR, MESSAGE_CATALOG

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_extension(app: Sphinx) -> None:
    """Register the message catalogue, then every part of the extension, in dependency order."""
    # first: the modules below translate their labels with this catalogue
    app.add_message_catalog(MESSAGE_CATALOG, str(LOCALE_DIR))
    buildstate.setup_buildstate(app)
    domain.setup_domain(app)
    error_directive.setup_error_directive(app)
    roles.setup_roles(app)
    own_references.setup_own_references(app)
    table_directive.setup_directive(app)
    table_html.setup_table_html(app)
    compat_directive.setup_compat_directive(app)
    json_export.setup_export(app)
    index_pages.setup_index_pages(app)
    latex.setup_latex(app)
    latex_characters.setup_latex_characters(app)
    render.setup_render(app)
    gcpolicy.setup_gcpolicy(app)
    smartquotes.setup_smartquotes(app)
    lazyrows.setup_lazyrows(app)
    html_rows.setup_html_rows(app)
    coverage.setup_coverage(app)
