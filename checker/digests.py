"""SHA-1 and SHA-256 hex digests, without loading OpenSSL for a small input.

``import hashlib`` loads OpenSSL (``_hashlib``): 3–12 ms of a single ``fzcheck check`` on this
machine, which hashes only a report and a few small files. The interpreter's own
implementations (``_sha1``, ``_sha256``; ``_sha2`` from Python 3.12) load in ~0.2 ms and give the
same digests, but are 4–7 × slower on bulk data (30 KB: 160–260 µs against OpenSSL's 38 µs). So
a small input goes to them, unless ``hashlib`` is loaded anyway (an audit worker, the service),
and a large one to ``hashlib``, whose load it then repays.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

BULK_BYTES = 512 * 1024  # from here OpenSSL's speed repays its load

try:
    from _sha1 import sha1 as _small_sha1
except ImportError:  # pragma: no cover - an interpreter without it
    _small_sha1 = None
try:
    from _sha256 import sha256 as _small_sha256  # Python 3.11
except ImportError:  # pragma: no cover - Python 3.12+
    try:
        from _sha2 import sha256 as _small_sha256  # type: ignore[no-redef]
    except ImportError:
        _small_sha256 = None  # type: ignore[assignment]


def _pick(small: Callable[[bytes], Any] | None, name: str, data: bytes) -> Any:
    if small is None or len(data) >= BULK_BYTES or "hashlib" in sys.modules:
        import hashlib

        return getattr(hashlib, name)(data)
    return small(data)


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` in hex."""
    return str(_pick(_small_sha256, "sha256", data).hexdigest())


def sha1_hex(data: bytes) -> str:
    """The SHA-1 of ``data`` in hex."""
    return str(_pick(_small_sha1, "sha1", data).hexdigest())
