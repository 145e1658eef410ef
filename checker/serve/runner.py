"""How uvicorn runs the service: limits that keep idle or slow clients from holding it up."""

from __future__ import annotations

from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

IDLE_SECONDS = 5  # a connection that says nothing for this long is closed


class IdleTimeoutH11(H11Protocol):
    """uvicorn's h11 protocol, with the keep-alive timer also started when a connection opens,
    so a client that connects and never sends a request is closed like an idle keep-alive."""

    def connection_made(self, transport: Any) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self.timeout_keep_alive_task = self.loop.call_later(
            self.timeout_keep_alive, self.timeout_keep_alive_handler
        )


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
