"""awserrors_coverage_source: a docs build warns about codes the source returns undocumented."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sphinx.util.console import strip_colors

if TYPE_CHECKING:
    from io import StringIO

    from sphinx.testing.util import SphinxTestApp


@pytest.mark.sphinx("html", testroot="coverage", freshenv=True)
def test_build_warns_at_the_source_line(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    source = app.srcdir / "server" / "errors.go"
    assert strip_colors(warning.getvalue()).splitlines() == [
        f"{source}:5: WARNING: error code NoSuchWidget is returned by the source but not "
        "documented in the catalogue [awserrors.coverage]"
    ]


@pytest.mark.sphinx(
    "html",
    testroot="coverage",
    freshenv=True,
    confoverrides={"suppress_warnings": ["awserrors.coverage"]},
)
def test_coverage_warnings_can_be_suppressed(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert warning.getvalue() == ""


@pytest.mark.sphinx(
    "html",
    testroot="coverage",
    freshenv=True,
    confoverrides={"awserrors_coverage_source": ["no-such-folder"]},
)
def test_missing_source_folder_is_a_config_warning(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    text = warning.getvalue()
    assert "awserrors_coverage_source: no such folder: " in text
    assert "no-such-folder; coverage is not checked [awserrors.config]" in text
