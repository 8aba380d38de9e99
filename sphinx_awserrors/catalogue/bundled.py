"""The catalogue bundled with the package: its name in settings and its file."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

#: The name that stands for the bundled AWS catalogue in ``awserrors_catalogue``.
BUNDLED: str = "bundled"


def bundled_path() -> Path:
    """The path of the bundled AWS catalogue file."""
    return Path(str(resources.files("sphinx_awserrors.catalogue") / "data" / "aws.yaml"))
