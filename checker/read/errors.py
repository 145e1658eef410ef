"""The one error type for unreadable input: a stable code plus message arguments."""

from __future__ import annotations


class InputError(Exception):
    """A file that cannot be read as a report; ``code`` is part of the JSON contract."""

    def __init__(self, code: str, **details: object) -> None:
        super().__init__(code)
        self.code = code
        self.details = details
