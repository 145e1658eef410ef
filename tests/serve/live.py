"""A real uvicorn serving the app on a free loopback port, in a thread, stopped after use."""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from checker.serve.application import create_app
from checker.serve.runner import serving
from checker.serve.settings import ServeSettings

HOST = "127.0.0.1"


@contextmanager
def live_server(
    settings: ServeSettings | None = None, port: int = 0, **uvicorn_options: Any
) -> Iterator[str]:
    """Serve ``create_app(settings)`` on ``port`` (0: a free one) and yield its base URL; the
    server and its worker processes are stopped on exit, even when the test failed."""
    app = create_app(settings or ServeSettings(workers=2))
    with serving(app, HOST, port, **uvicorn_options) as base:
        yield base


def raw(base: str) -> socket.socket:
    """A plain TCP connection to the server (for requests no HTTP client would send)."""
    host, port = base.removeprefix("http://").split(":")
    return socket.create_connection((host, int(port)), timeout=10)


def read_response(sock: socket.socket, limit: float = 10.0) -> bytes:
    """What the server answers: until the response is complete, it closes, or ``limit`` s pass."""
    sock.settimeout(0.5)
    data = b""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and not _complete(data):
        try:
            chunk = sock.recv(65536)
        except TimeoutError:
            continue
        except ConnectionResetError:
            break
        if not chunk:
            break
        data += chunk
    return data


def _complete(data: bytes) -> bool:
    head, sep, body = data.partition(b"\r\n\r\n")
    if not sep:
        return False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return len(body) >= int(value.strip())
    return False


def status_of(response: bytes) -> int:
    return int(response.split(b" ", 2)[1])


def body_of(response: bytes) -> bytes:
    return response.partition(b"\r\n\r\n")[2]


class Records(logging.Handler):
    """Every log record the server writes (uvicorn's loggers do not propagate to the root)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def server_log() -> Iterator[Records]:
    """The records uvicorn and the service log while the block runs."""
    handler = Records()
    loggers = [logging.getLogger(name) for name in ("uvicorn", "uvicorn.error", "fzcheck.serve")]
    for logger in loggers:
        logger.addHandler(handler)
    try:
        yield handler
    finally:
        for logger in loggers:
            logger.removeHandler(handler)
