"""Deprecated import path, kept for one release (0.2): the names moved.

Now in :mod:`sphinx_awserrors.cli.lint`, :mod:`sphinx_awserrors.cli.formats`.
Importing this module warns; the layout of the package is in ``docs/design.rst``.
"""

from __future__ import annotations

import warnings

from sphinx_awserrors.cli.formats import format_github, format_json, format_text
from sphinx_awserrors.cli.lint import UsageError, lint, run_lint

__all__ = ["UsageError", "format_github", "format_json", "format_text", "lint", "run_lint"]

warnings.warn(
    "sphinx_awserrors.lint is deprecated: import from "
    "sphinx_awserrors.cli.lint and sphinx_awserrors.cli.formats",
    DeprecationWarning,
    stacklevel=2,
)
