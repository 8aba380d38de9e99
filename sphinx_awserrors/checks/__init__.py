"""Consistency checks over a catalogue: the registry and the checks registered in it.

Importing this package imports every check module, which registers its checks in
:data:`~sphinx_awserrors.checks.registry.REGISTRY`.
"""

from __future__ import annotations

import importlib
import importlib.util

from sphinx_awserrors.checks import (
    duplicates,
    grammar,
    order,
    registry,
    status,
    style,
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
)

# The spelling check is written in parallel with the others; register it when it is there.
if importlib.util.find_spec("sphinx_awserrors.checks.spelling") is not None:
    importlib.import_module("sphinx_awserrors.checks.spelling")

__all__ = [
    "REGISTRY",
    "Check",
    "CheckContext",
    "Finding",
    "Settings",
    "check",
    "duplicates",
    "grammar",
    "order",
    "registry",
    "run_checks",
    "select_checks",
    "status",
    "style",
    "variants",
    "whitespace",
]
