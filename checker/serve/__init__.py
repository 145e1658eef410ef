"""The self-check web service: ``create_app(settings)`` builds the ASGI application;
``checker.serve:app`` is one built from the environment (FZCHECK_* variables), for
``uvicorn checker.serve:app`` or gunicorn with uvicorn workers."""

from __future__ import annotations

from typing import Any

from checker.serve.application import create_app
from checker.serve.settings import ServeSettings

__all__ = ["ServeSettings", "app", "create_app"]

_APP: list[Any] = []


def __getattr__(name: str) -> Any:
    """``app`` is built on first use, so importing the package starts nothing."""
    if name == "app":
        if not _APP:
            _APP.append(create_app())
        return _APP[0]
    raise AttributeError(name)
