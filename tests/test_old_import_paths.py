"""The import paths of 0.1 that the API reference documented still work for a release, and warn."""

from __future__ import annotations

import importlib
import sys

import pytest

OLD_PATHS = {
    "sphinx_awserrors.statusfilter": ("sphinx_awserrors.catalogue.status", "parse_status_filter"),
    "sphinx_awserrors.settings": ("sphinx_awserrors.checks.settings", "load_settings"),
    "sphinx_awserrors.lint": ("sphinx_awserrors.cli.lint", "lint"),
    "sphinx_awserrors.exporters": ("sphinx_awserrors.convert.writers", "to_rst"),
}


@pytest.mark.parametrize("old", sorted(OLD_PATHS))
def test_old_path_warns_and_gives_the_same_objects(old: str) -> None:
    new, name = OLD_PATHS[old]
    sys.modules.pop(old, None)
    with pytest.warns(DeprecationWarning, match=old.replace(".", r"\.")):
        module = importlib.import_module(old)
    assert getattr(module, name) is getattr(importlib.import_module(new), name)


def test_old_lint_path_keeps_the_formatters() -> None:
    sys.modules.pop("sphinx_awserrors.lint", None)
    with pytest.warns(DeprecationWarning):
        module = importlib.import_module("sphinx_awserrors.lint")
    from sphinx_awserrors.cli import formats

    assert module.format_json is formats.format_json
    assert module.UsageError.__module__ == "sphinx_awserrors.cli.lint"


def test_catalogue_facade_keeps_its_names() -> None:
    from sphinx_awserrors import catalogue
    from sphinx_awserrors.catalogue import loader, model

    assert catalogue.ErrorEntry is model.ErrorEntry
    assert catalogue.load_file is loader.load_file
    assert set(catalogue.__all__) >= {"BUNDLED", "Catalogue", "load_catalogue", "bundled_path"}
