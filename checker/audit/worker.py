"""Work done inside an audit worker process: check one file and extract its copy features.

The rule pack is loaded once per process (:func:`init`). Each file goes through
:func:`checker.api.analyse_file`, the pipeline behind ``check_file``, which also hands back
the parsed document so copy detection does not parse it twice.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import resource
import time
from pathlib import Path
from typing import Any

import msgspec
from msgspec.structs import replace

from checker.model import ErrorInfo, Result
from checker.options import DEFAULT_OPTIONS, CheckOptions

_STATE: dict[str, Any] = {}


class WorkerConfig(msgspec.Struct, frozen=True):
    """What every worker needs; the pack as a name or path so it pickles cheaply."""

    check: CheckOptions = DEFAULT_OPTIONS
    memory_mb: int = 1024


def init(config: WorkerConfig) -> None:
    """Limit this process's address space and load the rule pack once."""
    if config.memory_mb > 0:
        limit = config.memory_mb * 1024 * 1024
        with contextlib.suppress(ValueError, OSError):  # a platform may refuse the limit
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from checker.audit.shingles import tokenizer

    _STATE["options"] = replace(config.check, pack=config.check.rule_pack())
    _STATE["lang"] = config.check.lang
    _STATE["memory_mb"] = config.memory_mb
    _warm_up()
    tokenizer()("预热")  # load the segmenter's dictionary before the first timed task


def _warm_up() -> None:
    """Let the checker add its domain words to the shared segmenter before any shingle is cut,
    so every report's tokens come from the same dictionary."""
    try:
        from checker.text.tokens import words

        words("法治政府建设")
    except Exception:
        pass


def check_path(path: str) -> dict[str, Any]:
    """Check one file; returns a row for the store (never raises)."""
    started = time.perf_counter()
    try:
        result, features = _check(path)
    except MemoryError:
        result, features = memory_result(path, _STATE.get("lang", "zh")), None
    except Exception as exc:  # a bug on this file (reader, features): its row, not a dead worker
        result, features = internal_result(path, exc, _STATE.get("lang", "zh")), None
    elapsed = time.perf_counter() - started
    row = row_for(result, features, elapsed)
    if row["sha256"] is None:  # unreadable or not checked: the store still needs the content hash
        row["sha256"] = file_sha256(Path(path))
    return row


def file_sha256(path: Path) -> str | None:
    """sha256 of a file's bytes (None when it cannot be read): what a re-run compares.

    Runs in the audit parent too, before any worker limit applies: a FIFO, device or directory
    is not opened, and a file over the input cap is not read."""
    from checker.read import DEFAULT_MAX_BYTES
    from checker.read.regular import read_regular

    try:
        return hashlib.sha256(read_regular(path, DEFAULT_MAX_BYTES)).hexdigest()
    except OSError:
        return None


def _check(path: str):
    from checker.api import analyse_file

    analysis = analyse_file(path, options=_STATE["options"])
    result, features = analysis.result, None
    if result.is_report and analysis.document is not None and analysis.loci is not None:
        from checker.audit.features import extract

        features = extract(analysis.document, analysis.loci)  # the locations the check found
    return result, features


def memory_result(path: str, lang: str = "zh", mb: int | None = None) -> Result:
    from checker.i18n import t

    text = t("error.memory", lang, mb=mb or _STATE.get("memory_mb", "?"))
    return Result(path=path, status="error", error=ErrorInfo("memory", text))


def internal_result(path: str, exc: BaseException, lang: str = "zh") -> Result:
    """The error row of a file whose processing raised ``exc`` (code ``internal``)."""
    from checker.api import error_result

    return error_result(path, "internal", lang, error=f"{type(exc).__name__}: {exc}")


def internal_row(path: str, exc: BaseException) -> dict[str, Any]:
    """The store row of a task whose handling raised ``exc`` (the pool's last resort)."""
    row = row_for(internal_result(path, exc, _STATE.get("lang", "zh")), None, 0.0)
    if row["sha256"] is None:
        row["sha256"] = file_sha256(Path(path))
    return row


def row_for(result: Result, features, elapsed: float, status: str | None = None) -> dict[str, Any]:
    """The store row of a result: columns plus the JSON contract of the result, under the
    file's name as the store can hold it (:func:`~checker.read.names.name_of`)."""
    from checker.formats.jsonout import result_to_dict
    from checker.read.names import name_of

    name = name_of(result.path)  # a row the parent made from its task's path (timeout, crash)
    if name != result.path:
        result = replace(result, path=name)
    payload = json.dumps(result_to_dict(result), ensure_ascii=False)
    code = result.error.code if result.error else None
    return {
        "path": result.path,
        "sha256": result.sha256,
        "status": status or (code if code in ("timeout", "memory", "crash") else result.status),
        "error_code": code,
        "is_report": int(result.is_report),
        "score": result.score,
        "grade": result.grade,
        "agency": result.meta.agency,
        "year": result.meta.year,
        "result_json": payload,
        "hashes": features.hashes if features else None,
        "masks": features.masks if features else None,
        "texts": features.texts if features else None,
        "seconds": round(elapsed, 6),
    }
