"""Shared fixtures: Sphinx's testing fixtures and the directory of the test roots."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import sphinx
from sphinx.util.logging import WarningLogRecordTranslator

if TYPE_CHECKING:
    from collections.abc import Iterator

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


@pytest.fixture(autouse=True)
def _no_findings_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """Builds run the checks themselves (tests replace or count them); see test_buildstate."""
    monkeypatch.setenv("SPHINX_AWSERRORS_FINDINGS_CACHE", "0")


@pytest.fixture(scope="session", autouse=True)
def _show_warning_types() -> Iterator[None]:
    """Append ``[type.subtype]`` to warnings on Sphinx < 8, as Sphinx 8 does by default.

    The tests assert on that suffix. Sphinx 7.3 and 7.4 have ``show_warning_types`` off by
    default and Sphinx 7.2 lacks the option, so do what Sphinx 8 does, in the same filter.
    """
    if sphinx.version_info >= (8, 0):
        yield
        return
    original = WarningLogRecordTranslator.filter

    def with_type(self: WarningLogRecordTranslator, record: Any) -> bool:
        keep = original(self, record)
        config = getattr(self.app, "config", None)  # None while conf.py is read
        if not getattr(config, "show_warning_types", False) and (
            log_type := getattr(record, "type", "")
        ):
            subtype = getattr(record, "subtype", "")
            record.msg += f" [{log_type}.{subtype}]" if subtype else f" [{log_type}]"
        return keep

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(WarningLogRecordTranslator, "filter", with_type)
        yield
