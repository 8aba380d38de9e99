"""Shared fixtures: Sphinx's testing fixtures and the directory of the test roots."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["sphinx.testing.fixtures"]
collect_ignore = ["roots"]

TESTS = Path(__file__).resolve().parent
SEED = TESTS / "data" / "seed_aws_error_codes.rst"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``@pytest.mark.sphinx(testroot=...)`` finds ``roots/test-<name>``."""
    return TESTS / "roots"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The verbatim seed table, with its defects."""
    return SEED
