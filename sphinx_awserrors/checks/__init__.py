"""Consistency checks over a catalogue: the registry and the checks registered in it."""

from __future__ import annotations

# Importing the check modules registers their checks.
from sphinx_awserrors.checks import registry
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

__all__ = [
    "REGISTRY",
    "Check",
    "CheckContext",
    "Finding",
    "Settings",
    "check",
    "registry",
    "run_checks",
    "select_checks",
]
