"""What a running self-check service is configured with, and parsing sizes like ``20MB``."""

from __future__ import annotations

import datetime as dt
import os
import re

import msgspec

import checker.regex_cache as regex_cache
from checker.audit.run import AuditOptions
from checker.options import CheckOptions

_UNITS = {"": 1, "B": 1, "K": 1024, "KB": 1024, "M": 1024**2, "MB": 1024**2, "G": 1024**3, "GB": 1024**3}
_SIZE = regex_cache.compile(r"^\s*(\d+(?:\.\d+)?)\s*([KMG]?B?)\s*$", re.IGNORECASE)


def parse_size(text: str) -> int:
    """``20MB`` → 20971520; ``512K``, ``1.5G``, plain bytes. ValueError on anything else."""
    match = _SIZE.match(text)
    if not match:
        raise ValueError(text)
    size = int(float(match.group(1)) * _UNITS[match.group(2).upper()])
    if size <= 0:
        raise ValueError(text)
    return size


_NATIONAL = CheckOptions(pack="national")  # a name, so worker processes load it themselves
_AUDIT = AuditOptions()  # the audit's defaults (a Struct's class attributes are not its defaults)


class ServeSettings(msgspec.Struct, frozen=True):
    """The service's check options (default pack as a name, lang, today) and its limits.
    Time and memory per check are audit's (``AuditOptions``)."""

    check: CheckOptions = _NATIONAL
    workers: int = 0  # check processes; 0: every core
    max_upload: int = 20 * 1024 * 1024
    queue: int = 64  # checks that may wait for a worker; beyond that 503
    timeout: float = _AUDIT.timeout  # seconds per check
    memory_mb: int = _AUDIT.memory_mb
    body_timeout: float = 30.0  # seconds to receive one request body
    retry_after: int = 5

    @property
    def pack(self) -> str:
        return self.check.pack_name()

    @property
    def lang(self) -> str:
        return self.check.lang

    @property
    def today(self) -> dt.date | None:
        return self.check.today

    @property
    def jobs(self) -> int:
        return self.workers or os.cpu_count() or 1

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> ServeSettings:
        """Settings for ``checker.serve:app`` under an office's own uvicorn or gunicorn:
        FZCHECK_PACK, FZCHECK_LANG, FZCHECK_WORKERS, FZCHECK_MAX_UPLOAD, FZCHECK_QUEUE."""
        env = os.environ if environ is None else environ
        base = cls()
        lang = env.get("FZCHECK_LANG", base.lang) if env.get("FZCHECK_LANG") in ("zh", "en") else base.lang
        return cls(
            check=CheckOptions(pack=env.get("FZCHECK_PACK", base.pack), lang=lang),
            workers=int(env.get("FZCHECK_WORKERS", base.workers)),
            max_upload=parse_size(env["FZCHECK_MAX_UPLOAD"])
            if env.get("FZCHECK_MAX_UPLOAD")
            else base.max_upload,
            queue=int(env.get("FZCHECK_QUEUE", base.queue)),
        )
