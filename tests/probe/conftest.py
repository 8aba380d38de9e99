"""Fixtures of the probe tests: moto's standalone S3 server on 127.0.0.1, fake credentials."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
import urllib.request
from typing import TYPE_CHECKING

import pytest
from _probe_support import FAKE_ENV, free_port, set_fake_credentials

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


@pytest.fixture(autouse=True)
def fake_credentials(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every probe test runs with fake AWS credentials in the environment."""
    set_fake_credentials(monkeypatch, tmp_path)


def _wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path, seconds: float) -> None:
    give_up = time.monotonic() + seconds
    while time.monotonic() < give_up:
        if process.poll() is not None:
            output = log.read_text(errors="replace")
            pytest.fail(f"moto_server exited with {process.returncode}: {output[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"moto_server did not answer at {url} within {seconds:g} s")


@pytest.fixture(scope="session")
def moto_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of a moto S3 server started for the session and stopped after it."""
    for module in ("moto", "flask", "werkzeug"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} cannot be imported: install the test extra (moto[server])")
    port = free_port()
    env = {**os.environ, **FAKE_ENV}
    log = tmp_path_factory.mktemp("moto") / "moto.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            stdout=output,
            stderr=subprocess.STDOUT,
            env=env,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url + "/", process, log, 60)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
