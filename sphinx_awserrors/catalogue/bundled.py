"""The catalogue bundled with the package: its name in settings and its file."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

#: The name that stands for the bundled AWS catalogue in ``awserrors_catalogue``.
BUNDLED: str = "bundled"


def bundled_path() -> Path:
    """The path of the bundled AWS catalogue file."""
    return Path(str(resources.files("sphinx_awserrors.catalogue") / "data" / "aws.yaml"))


def reference_path(name: str) -> Path:
    """The path of the bundled reference catalogue *name* (``aws-s3``: AWS's documented S3 codes).

    References are catalogues that other catalogues are compared with (``lint --reference``,
    ``compat``); see ``docs/references.rst`` for their provenance and licence.
    """
    return Path(str(resources.files("sphinx_awserrors.catalogue") / "data" / f"{name}.yaml"))
