"""Read a file only if it is a regular file, and never more than a cap.

A FIFO blocks ``open`` and ``read`` for ever, ``/dev/zero`` (also behind a symlink) never ends,
and a directory named ``x.txt`` cannot be read at all. The file is opened without blocking,
checked with ``fstat`` on the open descriptor (no race between the check and the read), and
read up to ``max_bytes + 1`` bytes, so an oversized file is refused without loading it whole.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class NotRegular(OSError):
    """The path exists but is a directory, FIFO, socket or device; ``kind`` names which."""

    def __init__(self, path: str | Path, kind: str) -> None:
        super().__init__(f"{path}: {kind}")
        self.kind = kind


class TooLarge(OSError):
    """The file holds more than the cap; ``size`` is its size, ``limit`` the cap."""

    def __init__(self, path: str | Path, size: int, limit: int) -> None:
        super().__init__(f"{path}: {size} > {limit} bytes")
        self.size, self.limit = size, limit


def kind_of(mode: int) -> str | None:
    """What a non-regular file is (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "special"


def non_regular_kind(path: str | Path) -> str | None:
    """``kind_of`` for a path (following symlinks); None when regular or missing."""
    try:
        return kind_of(os.stat(path).st_mode)
    except OSError:
        return None


def read_regular(path: str | Path, max_bytes: int) -> bytes:
    """The bytes of a regular file; :class:`NotRegular`, :class:`TooLarge` or ``OSError``."""
    kind = non_regular_kind(path)
    if kind is not None:  # refuse before open: opening a FIFO or device has side effects
        raise NotRegular(path, kind)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        kind = kind_of(info.st_mode)
        if kind is not None:  # swapped for something else since the stat above
            raise NotRegular(path, kind)
        if info.st_size > max_bytes:
            raise TooLarge(path, info.st_size, max_bytes)
        chunks: list[bytes] = []
        total = 0
        while total <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > max_bytes:  # the file grew while it was read
            raise TooLarge(path, total, max_bytes)
        return b"".join(chunks)
    finally:
        os.close(fd)
