"""``sphinx-awserrors probe`` without a real server: usage errors, dry runs, silent servers."""

from __future__ import annotations

import socket
import threading
import time
from typing import TYPE_CHECKING

import pytest
from support_probe import run_probe

from sphinx_awserrors.probe.report import Outcome, ProbeReport, render
from sphinx_awserrors.probe.scenarios import SCENARIOS

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("sphinx-awserrors probe: error: ")
    return lines[0]


class Listener:
    """A TCP server on 127.0.0.1 that counts connections and never answers."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.accepted = 0
        self.held: list[socket.socket] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.accepted += 1
            self.held.append(conn)

    def close(self) -> None:
        self.stop.set()
        self.thread.join(5)
        for conn in self.held:
            conn.close()
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


def test_dry_run_sends_nothing_and_lists_every_request(
    listener: Listener, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")  # a dry run needs no credentials
    endpoint = f"http://127.0.0.1:{listener.port}"
    assert run_probe(["--endpoint", endpoint, "--dry-run", "bundled"]) == 0
    time.sleep(0.3)
    assert listener.accepted == 0
    out = capsys.readouterr().out
    probed = [s for s in SCENARIOS if f"[{s.name}]" in out]
    assert len({s.code for s in probed}) >= 30
    requests = [line for line in out.splitlines() if line.startswith("  ")]
    assert len(requests) == sum(len(s.setup) + 1 for s in probed)
    assert all(endpoint in line for line in requests)


def test_silent_server_times_out_with_exit_2(
    listener: Listener, capsys: pytest.CaptureFixture[str]
) -> None:
    started = time.monotonic()
    endpoint = f"http://127.0.0.1:{listener.port}"
    assert run_probe(["--endpoint", endpoint, "--timeout", "0.5", "bundled"]) == 2
    assert time.monotonic() - started < 10
    assert "cannot reach" in one_error_line(capsys)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["bundled"], "--endpoint is required"),
        (["--endpoint", "ftp://127.0.0.1", "bundled"], "http:// or https://"),
        (["--endpoint", "http://127.0.0.1:9/bucket", "bundled"], "without a path"),
        (["--endpoint", "http://127.0.0.1:9", "--only", "NoSuchThing", "bundled"], "NoSuchThing"),
        (["--endpoint", "http://127.0.0.1:9", "--only", " , ", "bundled"], "names no code"),
        (["--endpoint", "http://127.0.0.1:9", "missing.yaml"], "missing.yaml"),
        (["--endpoint", "http://127.0.0.1:9", "--region", "us east"], "--region"),
        (["--endpoint", "http://127.0.0.1:9", "--region", "us east", "--dry-run"], "--region"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_probe(argv) == 2
    assert message in one_error_line(capsys)


@pytest.mark.parametrize("value", ["0", "-1", "soon", "1e9"])
def test_timeout_must_be_positive_seconds(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_probe(["--endpoint", "http://127.0.0.1:9", "--timeout", value]) == 2
    assert "--timeout" in capsys.readouterr().err.splitlines()[-1]  # argparse's error line


def test_only_a_code_missing_from_the_catalogue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue = tmp_path / "errors.yaml"
    catalogue.write_text(
        "errors:\n  - code: NoSuchKey\n    status: 404\n    description: No such key\n",
        encoding="utf-8",
    )
    argv = ["--endpoint", "http://127.0.0.1:9", "--only", "NoSuchBucket", str(catalogue)]
    assert run_probe(argv) == 2
    assert "not in the catalogue: NoSuchBucket" in one_error_line(capsys)


def test_output_never_overwrites_the_catalogue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue = tmp_path / "errors.yaml"
    text = "errors:\n  - code: NoSuchKey\n    status: 404\n    description: No such key\n"
    catalogue.write_text(text, encoding="utf-8")
    argv = ["--endpoint", "http://127.0.0.1:9", "--dry-run", "-o", str(catalogue), str(catalogue)]
    assert run_probe(argv) == 2
    assert "refusing to write over it" in one_error_line(capsys)
    assert catalogue.read_text(encoding="utf-8") == text


def test_missing_credentials_are_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
    assert run_probe(["--endpoint", "http://127.0.0.1:9", "bundled"]) == 2
    assert "no AWS credentials" in one_error_line(capsys)


def test_list_scenarios(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_probe(["--list-scenarios"]) == 0
    out = capsys.readouterr().out
    assert all(s.name in out for s in SCENARIOS)


HOSTILE = "`evil`_ <script>x</script> | *a* \x1b[31m\n.. raw:: html"


def hostile_report() -> ProbeReport:
    outcome = Outcome(
        "get-missing-key", "GET a key", "NoSuchKey", 404, "Evil`_|<b>", 404, "code-differs", HOSTILE
    )
    return ProbeReport(
        "http://127.0.0.1:9", "us-east-1", "2026-12-07T00:00:00Z", 1.0, "b", (outcome,), HOSTILE
    )


@pytest.mark.parametrize("fmt", ["text", "github", "rst", "markdown", "json", "junit"])
def test_server_text_is_cleaned_of_control_characters(fmt: str) -> None:
    out = render(hostile_report(), fmt)
    assert "\x1b" not in out
    assert "\n.. raw::" not in out


def test_rst_escapes_server_text() -> None:
    import docutils.core
    import docutils.nodes

    doctree = docutils.core.publish_doctree(
        render(hostile_report(), "rst"), settings_overrides={"report_level": 5}
    )
    assert not list(doctree.findall(docutils.nodes.system_message))
    references = [r.astext() for r in doctree.findall(docutils.nodes.reference)]
    assert references == ["http://127.0.0.1:9"]  # the endpoint only, not the server's text
    assert not list(doctree.findall(docutils.nodes.raw))
    assert "<script>" in doctree.astext()  # shown as text


def test_catalogue_problems_are_a_warning_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue = tmp_path / "errors.yaml"
    catalogue.write_text(
        "errors:\n  - code: NoSuchKey\n    status: 404\n    description: No such key\n"
        "  - code: NoSuchBucket\n    description: No status\n",
        encoding="utf-8",
    )
    argv = ["--endpoint", "http://127.0.0.1:9", "--dry-run", str(catalogue)]
    assert run_probe(argv) == 0
    captured = capsys.readouterr()
    [warning] = captured.err.splitlines()
    assert warning.startswith("sphinx-awserrors probe: warning: ")
    assert f"{catalogue}:5" in warning
    assert "[get-missing-key]" in captured.out
    assert "[list-missing-bucket]" not in captured.out


def test_unwritable_output_is_refused_before_anything_is_sent(
    tmp_path: Path, listener: Listener, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report-dir"
    target.mkdir()
    for output in (target, tmp_path / "missing-folder" / "report.json"):
        argv = ["--endpoint", f"http://127.0.0.1:{listener.port}", "-o", str(output)]
        assert run_probe(argv) == 2
        assert str(output) in one_error_line(capsys)
    time.sleep(0.3)
    assert listener.accepted == 0
    assert list(tmp_path.iterdir()) == [target]
    assert not list(target.iterdir())


def test_standard_input_is_not_a_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_probe(["--endpoint", "http://127.0.0.1:9", "-"]) == 2
    assert "standard input" in one_error_line(capsys)
