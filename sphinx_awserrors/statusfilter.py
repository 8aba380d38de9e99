"""Deprecated import path, kept for one release (0.2): the names moved.

Now in :mod:`sphinx_awserrors.catalogue.status`.
Importing this module warns; the layout of the package is in ``docs/design.rst``.
"""

from __future__ import annotations

import warnings

from sphinx_awserrors.catalogue.status import (
    ALL,
    CLASS_NAMES,
    CLASS_TITLES,
    MAX_STATUS,
    MIN_STATUS,
    StatusFilter,
    class_title,
    parse_status_filter,
    reason_phrase,
    status_class,
)

__all__ = [
    "ALL",
    "CLASS_NAMES",
    "CLASS_TITLES",
    "MAX_STATUS",
    "MIN_STATUS",
    "StatusFilter",
    "class_title",
    "parse_status_filter",
    "reason_phrase",
    "status_class",
]

warnings.warn(
    "sphinx_awserrors.statusfilter is deprecated: import from sphinx_awserrors.catalogue.status",
    DeprecationWarning,
    stacklevel=2,
)
