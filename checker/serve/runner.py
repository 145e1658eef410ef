"""How uvicorn runs the service: limits that keep idle or slow clients from holding it up."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

IDLE_SECONDS = 5  # a connection that says nothing for this long is closed


class IdleTimeoutH11(H11Protocol):
    """uvicorn's h11 protocol, closing clients that hold a connection without a request:
    one that connects and sends nothing is closed like an idle keep-alive, and a request head
    must be complete within the same time from its first byte (a client dribbling header bytes
    does not restart the clock)."""

    head_deadline: float | None = None

    def connection_made(self, transport: Any) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self.timeout_keep_alive_task = self.loop.call_later(
            self.timeout_keep_alive, self.timeout_keep_alive_handler
        )

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE or self.transport.is_closing():
            self.head_deadline = None  # a request is under way (or done): uvicorn's timers apply
            return
        if self.head_deadline is None:
            self.head_deadline = self.loop.time() + self.timeout_keep_alive
        if self.timeout_keep_alive_task is None:
            delay = max(0.0, self.head_deadline - self.loop.time())
            self.timeout_keep_alive_task = self.loop.call_later(delay, self.timeout_keep_alive_handler)


def uvicorn_config(app: Any, host: str = "127.0.0.1", port: int = 0, **overrides: Any) -> uvicorn.Config:
    """A uvicorn configuration for ``app``: h11 with the idle timeout, at most 16 KiB of
    incomplete request head, up to 1000 concurrent connections (beyond that uvicorn answers 503)."""
    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "http": IdleTimeoutH11,
        "timeout_keep_alive": IDLE_SECONDS,
        "h11_max_incomplete_event_size": 16 * 1024,
        "limit_concurrency": 1000,
        "backlog": 2048,
        "lifespan": "on",
        "access_log": False,
        "server_header": False,
        "timeout_graceful_shutdown": 10,
    }
    options.update(overrides)
    return uvicorn.Config(app, **options)


@contextmanager
def serving(app: Any, host: str = "127.0.0.1", port: int = 0, **overrides: Any) -> Iterator[str]:
    """Serve ``app`` with uvicorn in a background thread on ``port`` (0: a free one) of ``host``; yields
    the base URL and stops the server (and with it the app's worker pool) on exit. For tests,
    benchmarks and programs that embed the service."""
    listener = socket.create_server((host, port), backlog=2048)
    port = listener.getsockname()[1]
    server = uvicorn.Server(uvicorn_config(app, host, port, **{"log_level": "warning", **overrides}))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            listener.close()
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(30)
        listener.close()
