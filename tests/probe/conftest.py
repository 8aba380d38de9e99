"""Fixtures of the probe tests: moto's standalone S3 server on 127.0.0.1, fake credentials."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import socket
import subprocess
import sys
import time
from typing import TYPE_CHECKING

import pytest
from support_probe import FAKE_ENV, free_port, set_fake_credentials

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


@pytest.fixture(autouse=True)
def fake_credentials(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every probe test runs with fake AWS credentials in the environment."""
    set_fake_credentials(monkeypatch, tmp_path)


def _wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path, seconds: float) -> None:
    """Wait until *port* accepts connections, without an HTTP request (moto would count it)."""
    give_up = time.monotonic() + seconds
    while time.monotonic() < give_up:
        if process.poll() is not None:
            pytest.fail(f"moto_server exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
        except OSError:
            time.sleep(0.2)
        else:
            return
    pytest.fail(f"moto_server did not listen on port {port} within {seconds:g} s")


@contextlib.contextmanager
def moto_server(tmp: Path, **env: str) -> Iterator[tuple[str, int]]:
    """Run moto's standalone server on a free port of 127.0.0.1; its URL and port."""
    for module in ("moto", "flask", "werkzeug"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} cannot be imported: install the test extra (moto[server])")
    port = free_port()
    log = tmp / "moto.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, **FAKE_ENV, **env},
        )
    try:
        _wait_for_port(port, process, log, 60)
        yield f"http://127.0.0.1:{port}", port
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


@pytest.fixture(scope="session")
def moto_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of a moto S3 server started for the session and stopped after it."""
    with moto_server(tmp_path_factory.mktemp("moto")) as (url, _):
        yield url


#: requests moto serves without authentication before it checks every signature
IAM_SETUP_REQUESTS = 3


@pytest.fixture(scope="module")
def moto_auth_endpoint(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[str, dict[str, str]]]:
    """A moto server that checks signatures, and the credentials of a user allowed everything.

    ``INITIAL_NO_AUTH_ACTION_COUNT`` lets the first requests through unauthenticated: they
    create an IAM user with an allow-all policy and an access key.
    """
    import json

    import botocore.session

    env = {"INITIAL_NO_AUTH_ACTION_COUNT": str(IAM_SETUP_REQUESTS)}
    with moto_server(tmp_path_factory.mktemp("moto-auth"), **env) as (url, _):
        iam = botocore.session.get_session().create_client(
            "iam",
            endpoint_url=url,
            region_name="us-east-1",
            aws_access_key_id=FAKE_ENV["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=FAKE_ENV["AWS_SECRET_ACCESS_KEY"],
        )
        policy = {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}],
        }
        iam.create_user(UserName="prober")
        iam.put_user_policy(UserName="prober", PolicyName="all", PolicyDocument=json.dumps(policy))
        key = iam.create_access_key(UserName="prober")["AccessKey"]
        yield (
            url,
            {
                "AWS_ACCESS_KEY_ID": key["AccessKeyId"],
                "AWS_SECRET_ACCESS_KEY": key["SecretAccessKey"],
            },
        )
