"""Helpers of the probe tests: fake credentials, a free port, running the command."""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING

from sphinx_awserrors.cli import main

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    import pytest

#: fake credentials: moto accepts any, and nothing may reach a real account
FAKE_ENV = {
    "AWS_ACCESS_KEY_ID": "AKIAPROBETESTING0000",
    "AWS_SECRET_ACCESS_KEY": "probe-testing-secret",
    "AWS_DEFAULT_REGION": "us-east-1",
}
#: variables that could point botocore at a real account's configuration
REAL_ENV = ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_ROLE_ARN")


def set_fake_credentials(monkeypatch: pytest.MonkeyPatch, tmp: Path) -> None:
    """Point botocore's credential chain at fake keys only."""
    for name in REAL_ENV:
        monkeypatch.delenv(name, raising=False)
    for name, value in FAKE_ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp / "no-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp / "no-credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on (now)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run_probe(argv: Sequence[str]) -> int:
    """Run ``sphinx-awserrors probe`` with *argv*; its exit status."""
    return main(["probe", *argv])
