"""Files the commands write: written beside the target and renamed over it only when complete,
and a refusal explained in words, not an errno.

A run that stops half-way (Ctrl+C, a full disk, a crash) leaves the previous file as it was
and no partial one; a target that cannot be written is reported before any work is done.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path
from typing import IO, Any, TextIO

from checker.i18n import t

_WHY = {
    errno.ENOENT: "why.write.no-folder",
    errno.ENOTDIR: "why.write.no-folder",
    errno.EACCES: "why.write.permission",
    errno.EPERM: "why.write.permission",
    errno.EISDIR: "why.write.directory",
    errno.EROFS: "why.write.read-only",
    errno.ENOSPC: "why.write.full",
}


class CannotWrite(Exception):
    """A file a command was asked to write could not be; ``str()`` is the message for the user."""


def cannot_write(path: str | Path, exc: OSError, lang: str) -> CannotWrite:
    """The user's message for ``exc`` raised while writing ``path``."""
    key = _WHY.get(exc.errno or 0, "why.write.os")
    why = t(key, lang, detail=exc.strerror or type(exc).__name__)
    return CannotWrite(t("cli.cannot-write", lang, file=str(path), why=why))


def _mode_for(target: Path) -> int:
    """The mode the target has, or a new file would get (``mkstemp`` makes it private)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


class PendingFile:
    """A text or binary file that takes its target's name at :meth:`commit`; until then the
    target is untouched. :meth:`discard` removes the unfinished file."""

    def __init__(self, target: str | Path, binary: bool = False) -> None:
        self.target = Path(target)
        directory = self.target.parent if str(self.target.parent) else Path(".")
        if self.target.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(self.target))
        import tempfile  # only when a file is written: a plain check does without it

        prefix = f".{self.target.name}."
        handle, self.temporary = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=directory)
        with contextlib.suppress(OSError):  # a file system without modes: the default is fine
            os.chmod(self.temporary, _mode_for(self.target))
        self.stream: IO[Any] = os.fdopen(handle, "wb") if binary else os.fdopen(handle, "w", encoding="utf-8")

    @property
    def text(self) -> TextIO:
        return self.stream  # type: ignore[return-value]

    def commit(self) -> None:
        """Close the file and give it the target's name (replacing what was there)."""
        try:
            self.stream.close()
            os.replace(self.temporary, self.target)
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        self.stream.close()
        Path(self.temporary).unlink(missing_ok=True)


def write_atomically(target: str | Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a :class:`PendingFile`."""
    pending = PendingFile(target, binary=True)
    try:
        pending.stream.write(data)
    except BaseException:
        pending.discard()
        raise
    pending.commit()
