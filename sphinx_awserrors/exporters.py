"""Deprecated import path, kept for one release (0.2): the names moved.

Now in :mod:`sphinx_awserrors.convert.writers`, :mod:`sphinx_awserrors.cli.export`.
Importing this module warns; the layout of the package is in ``docs/design.rst``.
"""

from __future__ import annotations

import warnings

from sphinx_awserrors.cli.export import load, run_export
from sphinx_awserrors.convert.writers import (
    FORMATS,
    ExportError,
    entry_record,
    filter_status,
    rst_to_markdown,
    to_csv,
    to_json,
    to_markdown,
    to_rst,
)

__all__ = [
    "FORMATS",
    "ExportError",
    "entry_record",
    "filter_status",
    "load",
    "rst_to_markdown",
    "run_export",
    "to_csv",
    "to_json",
    "to_markdown",
    "to_rst",
]

warnings.warn(
    "sphinx_awserrors.exporters is deprecated: import from "
    "sphinx_awserrors.convert.writers and sphinx_awserrors.cli.export",
    DeprecationWarning,
    stacklevel=2,
)
