"""The bundled catalogue: it loads cleanly and its descriptions follow the conventions."""

from __future__ import annotations

import pytest

from sphinx_awserrors import catalogue
from sphinx_awserrors.catalogue import bundled_path, load_catalogue, load_file


def test_the_bundled_catalogue_loads_cleanly() -> None:
    if not catalogue.bundled_path().exists():
        pytest.skip("the bundled catalogue is not written yet")
    result = load_catalogue(None)
    assert result.problems == ()
    assert len(result.catalogue) >= 100


def test_bundled_descriptions_follow_the_conventions() -> None:
    bundled, _ = load_file(bundled_path())
    assert not [e.code for e in bundled if e.description.endswith(".")]
    assert {t for e in bundled for t in e.tags} == {"s3", "iam", "sts"}
    iam = {e.code for e in bundled if "iam" in e.tags}
    assert {"DeleteConflict", "EntityAlreadyExists", "NoSuchEntity"} <= iam
