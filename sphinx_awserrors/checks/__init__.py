"""Consistency checks over a catalogue: the registry and the checks registered in it.

Importing this package imports every check module, which registers its checks in
:data:`~sphinx_awserrors.checks.registry.REGISTRY`.
"""

from __future__ import annotations

from sphinx_awserrors.checks import (
    codes,
    duplicates,
    grammar,
    order,
    punctuation,
    registry,
    spelling,
    status,
    style,
    terms,
    usage,
    variants,
    whitespace,
)
from sphinx_awserrors.checks.registry import (
    REGISTRY,
    Check,
    CheckContext,
    Finding,
    Settings,
    check,
    run_checks,
    select_checks,
    unknown_ignores,
)

__all__ = [
    "REGISTRY",
    "Check",
    "CheckContext",
    "Finding",
    "Settings",
    "check",
    "codes",
    "duplicates",
    "grammar",
    "order",
    "punctuation",
    "registry",
    "run_checks",
    "select_checks",
    "spelling",
    "status",
    "style",
    "terms",
    "unknown_ignores",
    "usage",
    "variants",
    "whitespace",
]
