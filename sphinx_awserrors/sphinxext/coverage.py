"""Coverage at build time: warn about error codes the server's source returns but the docs omit.

With ``awserrors_coverage_source = ["../server/src"]`` (paths relative to ``conf.py``), every
build reads that source as ``sphinx-awserrors coverage`` does and warns, at the file and line
in the source, about each code found there that the project's catalogue does not have
(``awserrors.coverage``, so ``suppress_warnings = ["awserrors.coverage"]`` silences them).
``awserrors_coverage_ignore`` lists codes that need no documentation, and
``awserrors_coverage_pattern`` adds a pattern as ``--pattern`` does. The scan runs once per
build, after the pages are read; the catalogue is the one the build uses.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_awserrors.sphinxext._logging import config_location, warn
from sphinx_awserrors.sphinxext.buildstate import catalogue_unusable, get_catalogue
from sphinx_awserrors.sphinxext.locale import __

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = ["setup_coverage"]


def _paths(app: Sphinx) -> list[Path] | None:
    value = app.config.awserrors_coverage_source
    if isinstance(value, str):
        value = [value]
    where = config_location(app, "awserrors_coverage_source")
    if not all(isinstance(item, str) and item.strip() for item in value):
        warn(
            __("awserrors_coverage_source must be a list of source folders, not %r") % (value,),
            "config",
            where,
        )
        return None
    paths = [Path(app.confdir, item) for item in value]
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        warn(
            __("awserrors_coverage_source: no such folder: %s; coverage is not checked")
            % ", ".join(missing),
            "config",
            where,
        )
        return None
    return paths


def check_coverage(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn about each code the configured source returns that the catalogue lacks."""
    if not app.config.awserrors_coverage_source or catalogue_unusable(env):
        return
    paths = _paths(app)
    if paths is None:
        return
    pattern = app.config.awserrors_coverage_pattern
    if pattern:
        try:
            re.compile(pattern)
        except re.error as exc:
            warn(
                __("awserrors_coverage_pattern is not a regular expression: %s") % exc,
                "config",
                config_location(app, "awserrors_coverage_pattern"),
            )
            return
    # imported here: a project without the setting does not load the source readers
    from sphinx_awserrors.compare.coverage import coverage

    ignored = set(app.config.awserrors_coverage_ignore)
    report = coverage(get_catalogue(env), paths, pattern=pattern or None)
    for code, where in report.undocumented.items():
        if code in ignored:
            continue
        first = min(where, key=lambda place: (place.how != "definition", place.file, place.line))
        warn(
            __("error code %s is returned by the source but not documented in the catalogue")
            % code,
            "coverage",
            location=f"{first.file}:{first.line}",
        )


def setup_coverage(app: Sphinx) -> None:
    """Register the coverage configuration values and the check after reading."""
    app.add_config_value("awserrors_coverage_source", [], "", types=(list, tuple, str))
    app.add_config_value("awserrors_coverage_pattern", None, "", types=(str, type(None)))
    app.add_config_value("awserrors_coverage_ignore", [], "", types=(list, tuple))
    app.connect("env-check-consistency", check_coverage)
