"""Files the commands write: written beside the target and renamed over it only when complete,
and a refusal explained in words, not an errno.

A run that stops half-way (Ctrl+C, a full disk, a crash) leaves the previous file as it was
and no partial one; a target that cannot be written is reported before any work is done.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, TextIO

from checker.i18n import t

ANNOTATED_SUFFIX = ".checked.docx"  # the copy fzcheck annotate writes beside a report

_WHY = {
    errno.ENOENT: "why.write.no-folder",
    errno.ENOTDIR: "why.write.no-folder",
    errno.EACCES: "why.write.permission",
    errno.EPERM: "why.write.permission",
    errno.EISDIR: "why.write.directory",
    errno.EROFS: "why.write.read-only",
    errno.ENOSPC: "why.write.full",
    errno.ENXIO: "why.write.no-reader",
}


class CannotWrite(Exception):
    """A file a command was asked to write could not be; ``str()`` is the message for the user."""


def cannot_write(path: str | Path, exc: OSError, lang: str) -> CannotWrite:
    """The user's message for ``exc`` raised while writing ``path``."""
    key = _WHY.get(exc.errno or 0, "why.write.os")
    why = t(key, lang, detail=exc.strerror or type(exc).__name__)
    return CannotWrite(t("cli.cannot-write", lang, file=str(path), why=why))


def _mode_for(info: os.stat_result | None) -> int:
    """The mode of the file replaced (``info``), or the one a new file would get (``mkstemp``
    makes it private)."""
    if info is not None:
        return info.st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


class PendingFile:
    """A text or binary file that takes its target's name at :meth:`commit`; until then the
    target is untouched. :meth:`discard` removes the unfinished file.

    A symbolic link keeps pointing where it did: the file it names is the one replaced. A target
    that is no regular file (``/dev/null``, ``/dev/stdout``, a named pipe) is written in place,
    as asked; a pipe nobody reads is refused (``ENXIO``) instead of waiting for a reader."""

    def __init__(
        self, target: str | Path, binary: bool = False, encoding: str = "utf-8", newline: str | None = None
    ) -> None:
        self.target = Path(target)
        self.final = Path(os.path.realpath(self.target))
        self.temporary: str | None = None
        try:
            info: os.stat_result | None = self.final.stat()
        except FileNotFoundError:
            info = None
        if info is not None and stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(self.target))
        if info is not None and not stat.S_ISREG(info.st_mode):
            self.stream = _open_stream(_open_special(self.final, info), binary, encoding, newline)
            return
        import tempfile  # only when a file is written: a plain check does without it

        prefix = f".{self.final.name}."
        handle, self.temporary = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=self.final.parent)
        with contextlib.suppress(OSError):  # a file system without modes: the default is fine
            os.chmod(self.temporary, _mode_for(info))
        self.stream = _open_stream(handle, binary, encoding, newline)

    @property
    def text(self) -> TextIO:
        return self.stream  # type: ignore[return-value]

    def commit(self) -> None:
        """Close the file and give it the target's name (replacing what was there)."""
        try:
            self.stream.close()
            if self.temporary is not None:
                os.replace(self.temporary, self.final)
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        """Close the stream and remove the unfinished file; never raises ``OSError``.

        Closing flushes what is still buffered, and on a full disk that fails again (the error
        that made the caller discard): the file is given up anyway, and letting that error out
        would replace the caller's :class:`CannotWrite` with a traceback. The stream is closed
        even then (``close`` closes the descriptor after a failed flush)."""
        with contextlib.suppress(OSError):
            self.stream.close()
        if self.temporary is not None:
            with contextlib.suppress(OSError):
                Path(self.temporary).unlink(missing_ok=True)


def _open_stream(handle: int, binary: bool, encoding: str, newline: str | None) -> IO[Any]:
    if binary:
        return os.fdopen(handle, "wb")
    return os.fdopen(handle, "w", encoding=encoding, newline=newline)


def _open_special(path: Path, info: os.stat_result) -> int:
    """A device or pipe opened for writing; a pipe without a reader raises ``ENXIO`` at once."""
    if not stat.S_ISFIFO(info.st_mode):
        return os.open(path, os.O_WRONLY)
    handle = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
    os.set_blocking(handle, True)  # the reader is there: let writes wait for it as usual
    return handle


@contextlib.contextmanager
def replacing(
    target: str | Path, binary: bool = False, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[IO[Any]]:
    """The stream of a :class:`PendingFile`: renamed into place when the block ends, removed when
    it raises."""
    pending = PendingFile(target, binary, encoding, newline)
    try:
        yield pending.stream
    except BaseException:
        pending.discard()
        raise
    pending.commit()


def write_atomically(target: str | Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a :class:`PendingFile`."""
    with replacing(target, binary=True) as stream:
        stream.write(data)
