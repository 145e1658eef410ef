"""The one error type for unreadable input: a stable code plus message arguments."""

from __future__ import annotations

import errno
from typing import NamedTuple


class InputError(Exception):
    """A file that cannot be read as a report; ``code`` is part of the JSON contract."""

    def __init__(self, code: str, **details: object) -> None:
        super().__init__(code)
        self.code = code
        self.details = details


class Phrase(NamedTuple):
    """A message-catalogue key and its arguments, given as an InputError detail and rendered
    in the reader's language when the result is made (an argument may be a Phrase too)."""

    key: str
    args: dict[str, object]

    def in_lang(self, lang: str) -> str:
        """The phrase in ``lang`` (its Phrase arguments too)."""
        from checker.i18n import t

        return t(self.key, lang, **self.args)


def phrase(key: str, **args: object) -> Phrase:
    """A :class:`Phrase` of ``key`` filled with ``args``."""
    return Phrase(key, args)


def os_error(exc: OSError) -> InputError:
    """An operating-system failure as an InputError whose message says what to do, not an errno."""
    if isinstance(exc, FileNotFoundError):
        return InputError("not-found")
    if isinstance(exc, PermissionError):
        return InputError("unreadable", why="why.permission")
    if isinstance(exc, IsADirectoryError):
        return InputError("unreadable", why="why.directory")
    if exc.errno == errno.ELOOP:  # a symbolic link that leads back to itself
        return InputError("unreadable", why="why.link-loop")
    return InputError("unreadable", why="why.os")
