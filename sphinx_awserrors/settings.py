"""Deprecated import path, kept for one release (0.2): the names moved.

Now in :mod:`sphinx_awserrors.checks.settings`.
Importing this module warns; the layout of the package is in ``docs/design.rst``.
"""

from __future__ import annotations

import warnings

from sphinx_awserrors.checks.settings import (
    KEYS,
    TABLE,
    ProjectSettings,
    SettingsError,
    find_pyproject,
    load_settings,
)

__all__ = ["KEYS", "TABLE", "ProjectSettings", "SettingsError", "find_pyproject", "load_settings"]

warnings.warn(
    "sphinx_awserrors.settings is deprecated: import from sphinx_awserrors.checks.settings",
    DeprecationWarning,
    stacklevel=2,
)
