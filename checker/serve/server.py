"""``fzcheck serve``: a local web page where agency staff drop a report and read the check.

Standard library only (http.server): the page reads the chosen file in the browser and
posts its bytes to ``/check`` on the same loopback address; the answer is the JSON
contract of ``fzcheck check --format json``, which the page renders in Chinese. Nothing
leaves the machine and nothing is written to disk.
"""

from __future__ import annotations

import base64
import json
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any

from checker.options import CheckOptions

MAX_UPLOAD = 50 * 1024 * 1024


def page_html() -> str:
    """The single page, with its script and style inlined (no CDN)."""
    assets = resources.files("checker.serve") / "assets"
    page = (assets / "index.html").read_text(encoding="utf-8")
    return page.replace("/*CSS*/", (assets / "page.css").read_text(encoding="utf-8")).replace(
        "/*JS*/", (assets / "page.js").read_text(encoding="utf-8")
    )


def check_upload(payload: dict[str, Any], options: CheckOptions) -> dict[str, Any]:
    """Check one uploaded file: ``{"name": ..., "data": base64}`` → the JSON contract."""
    from checker.api import analyse_bytes
    from checker.formats import RenderContext
    from checker.formats.jsonout import document

    name = str(payload.get("name") or "report.txt")
    data = base64.b64decode(str(payload.get("data") or ""), validate=False)
    result = analyse_bytes(data, name, options=options).result
    return document([result], RenderContext(options))


class _Handler(BaseHTTPRequestHandler):
    """GET / serves the page; POST /check checks one file."""

    server_version = "fzcheck"

    def __init__(self, *args: Any, options: CheckOptions, **kwargs: Any) -> None:
        self.options = options
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: the terminal shows only the address

    def _send(self, status: HTTPStatus, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", "default-src 'self' 'unsafe-inline'; connect-src 'self'")
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path not in ("/", "/index.html"):
            self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain; charset=utf-8")
            return
        self._send(HTTPStatus.OK, page_html().encode("utf-8"), "text/html; charset=utf-8")

    def do_POST(self) -> None:
        if self.path != "/check":
            self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain; charset=utf-8")
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length <= 0 or length > MAX_UPLOAD * 4 // 3 + 1024:
            self._send(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, b"{}", "application/json")
            return
        try:
            payload = json.loads(self.rfile.read(length).decode("utf-8"))
            answer = check_upload(payload, self.options)
        except (ValueError, TypeError):
            self._send(HTTPStatus.BAD_REQUEST, b"{}", "application/json")
            return
        body = json.dumps(answer, ensure_ascii=False).encode("utf-8")
        self._send(HTTPStatus.OK, body, "application/json; charset=utf-8")


def make_server(options: CheckOptions, host: str = "127.0.0.1", port: int = 8765) -> ThreadingHTTPServer:
    """A server bound to ``host:port`` (port 0 picks a free one); call ``serve_forever``."""
    return ThreadingHTTPServer((host, port), partial(_Handler, options=options))
