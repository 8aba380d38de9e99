"""A server that trickles its answer cannot hold a request past its timeout.

Each read waits at most the timeout; a server sending a byte just before each wait ends kept
the exchange (and so the whole probe, past its deadline) going for as long as it liked.
"""

from __future__ import annotations

import socket
import threading
import time
from typing import TYPE_CHECKING

import pytest

from sphinx_awserrors.probe.runner import Prepared, StepFailed, send

if TYPE_CHECKING:
    from collections.abc import Iterator

#: Seconds between two bytes of the trickled answer: well within the request's timeout.
BYTE_EVERY = 0.05
TIMEOUT = 1.0


class Trickler:
    """An HTTP server on 127.0.0.1 that answers one byte at a time, forever if let."""

    def __init__(self, *, headers_too: bool) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.headers_too = headers_too
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        conn, _ = self.sock.accept()
        with conn:
            conn.recv(65536)
            head = b"HTTP/1.1 404 Not Found\r\nContent-Length: 100000\r\n\r\n"
            if not self.headers_too:
                conn.sendall(head)
                head = b""
            payload = head + b"<Error><Code>NoSuchKey</Code>" + b" " * 100_000
            for byte in payload:
                if self.stop.is_set():
                    return
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    return
                time.sleep(BYTE_EVERY)

    def close(self) -> None:
        self.stop.set()
        self.sock.close()
        self.thread.join(5)


@pytest.fixture(params=[False, True], ids=["body", "headers"])
def trickler(request: pytest.FixtureRequest) -> Iterator[Trickler]:
    server = Trickler(headers_too=request.param)
    yield server
    server.close()


def test_a_trickled_answer_ends_at_the_timeout(trickler: Trickler) -> None:
    prepared = Prepared("GET", f"http://127.0.0.1:{trickler.port}/bucket/key", {}, b"")
    failures: list[StepFailed] = []

    def request() -> None:
        try:
            send(prepared, TIMEOUT)
        except StepFailed as exc:
            failures.append(exc)

    # in a thread: a regression must fail the test, not hang the suite for 5,000 s
    worker = threading.Thread(target=request, daemon=True)
    worker.start()
    worker.join(30 * TIMEOUT)
    assert not worker.is_alive(), "the trickled answer was still being read"
    assert len(failures) == 1
    assert "took longer than 1 s" in str(failures[0])
