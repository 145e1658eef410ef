"""The marker of an audit folder's outputs: which inputs they were written from, and their digests.

``audit.outputs.json`` is written (atomically, by rename) only after every output file is
complete, and removed before any is rewritten: a run killed in between leaves no marker, and the
next run writes them all again. The outputs count as current only when the marker names the
same inputs (:func:`checker.audit.current.output_inputs`) and every file is still there, a
regular file with the recorded size and SHA-256 — one edited or deleted by anyone is rewritten.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from pathlib import Path

from checker.outfiles import write_atomically

MARKER_NAME = "audit.outputs.json"
CHUNK = 1 << 20


def outputs_current(out: Path, inputs: str, names: tuple[str, ...]) -> bool:
    """Whether the files ``names`` in ``out`` are exactly those written from ``inputs``."""
    try:
        marker = json.loads((out / MARKER_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(marker, dict) or marker.get("inputs") != inputs:
        return False
    files = marker.get("files")
    if not isinstance(files, dict) or sorted(files) != sorted(names):
        return False
    sizes_match = all(_size(out / name) == (files[name] or {}).get("size") for name in names)
    return sizes_match and all(files[name] == file_record(out / name) for name in names)


def forget_outputs(out: Path) -> None:
    """Remove the marker: the outputs are about to change."""
    with contextlib.suppress(FileNotFoundError):
        (out / MARKER_NAME).unlink()


def record_outputs(out: Path, inputs: str, names: tuple[str, ...]) -> None:
    """Write the marker for the complete files ``names``; none when one is no regular file
    (a link to a device, say), whose content cannot be checked on the next run."""
    files = {name: file_record(out / name) for name in names}
    if any(record is None for record in files.values()):
        return
    marker = {"inputs": inputs, "files": files}
    write_atomically(out / MARKER_NAME, json.dumps(marker, indent=1, sort_keys=True).encode())


def file_record(path: Path) -> dict[str, int | str] | None:
    """Size and SHA-256 of the regular file at ``path``; None for anything else or unreadable."""
    try:  # non-blocking: a named pipe put in a file's place does not wait for a writer
        with open(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                return None
            digest = hashlib.sha256()
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
    except OSError:
        return None
    return {"size": info.st_size, "sha256": digest.hexdigest()}


def _size(path: Path) -> int | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None
