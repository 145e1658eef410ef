"""Answers for requests the service cannot take: a status, a code and a plain message."""

from __future__ import annotations

from starlette.responses import JSONResponse

from checker.i18n import t


class Problem(Exception):
    """A request refused with ``status``; its message comes from the catalogue (``serve.error.<code>``)."""

    def __init__(
        self, status: int, code: str, headers: dict[str, str] | None = None, **details: object
    ) -> None:
        super().__init__(code)
        self.status, self.code, self.headers, self.details = status, code, headers or {}, details

    def response(self, lang: str) -> JSONResponse:
        details = {k: v(lang) if callable(v) else v for k, v in self.details.items()}
        message = t(f"serve.error.{self.code}", lang, **details)
        body = {"error": {"code": self.code, "message": message}}
        headers = {**self.headers}
        if self.status in (408, 413):  # the rest of the body is not read: the connection ends
            headers["Connection"] = "close"
        return JSONResponse(body, status_code=self.status, headers=headers)


def human_size(size: int) -> str:
    """20971520 → ``20MB``; the limit as a user set it."""
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= factor and size % factor == 0:
            return f"{size // factor}{unit}"
    if size >= 1024**2:
        return f"{size / 1024**2:.1f}MB"
    return f"{size}B"
