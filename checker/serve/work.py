"""What a service worker process does with one upload: check it and hand back the JSON
contract with the report's text (the page shows each finding in place in that text).

Runs inside the audit worker (``checker.audit.pool``), so a check has the same time and memory
budget as in ``fzcheck audit``; the pack named by the request is loaded once per process.
"""

from __future__ import annotations

from typing import Any

import msgspec
from msgspec.structs import replace

from checker.annotate import AnnotateError, annotate_bytes, output_name
from checker.api import analyse_bytes
from checker.audit import worker as worker_module
from checker.formats import RenderContext
from checker.formats.jsonout import document
from checker.model import Result
from checker.options import CheckOptions
from checker.packs.pack import load_pack


class Upload(msgspec.Struct, frozen=True):
    """One request's report: bytes, the name giving its format (only its suffix is used), the
    label its result carries, and the chosen pack and language."""

    data: bytes
    suffix: str
    label: str
    pack: str
    lang: str
    annotate: bool = False  # the annotated .docx instead of the check's answer


def answer(result: Result, options: CheckOptions, text: str | None) -> dict[str, Any]:
    """The JSON contract of ``--format json`` for one result (``jsonout.document``, the same
    function ``check`` uses), and the text it was found in."""
    return {"document": document([result], RenderContext(options)), "text": text}


def check_upload(task: Upload) -> dict[str, Any]:
    """Check (or annotate) one upload; never raises (bad input is an error result, as with
    ``check``, or for annotation ``{"error": {code, message}}``)."""
    pack = load_pack(task.pack)
    base: CheckOptions = worker_module._STATE["options"]
    options = replace(base, pack=pack, lang=task.lang)
    if task.annotate:
        return annotate_upload(task, options)
    try:
        # the reader is chosen by the suffix alone; the result is named by the label
        analysis = analyse_bytes(task.data, "upload" + task.suffix, options=options)
    except MemoryError:
        return memory_answer(task)
    result = replace(analysis.result, path=task.label)
    text = analysis.source.text if analysis.source is not None else None
    return answer(result, options, text)


def memory_answer(task: Upload) -> dict[str, Any]:
    """The answer when the check ran out of its memory budget."""
    result = worker_module.memory_result(task.label, task.lang)
    if task.annotate:
        assert result.error is not None
        return {"error": {"code": "memory", "message": result.error.message}}
    return answer(result, CheckOptions(pack=task.pack, lang=task.lang), None)


def error_answer(task: Upload, exc: BaseException) -> dict[str, Any]:
    """The answer when checking the upload raised (a bug): an ``internal`` error row, not a
    dead worker."""
    result = worker_module.internal_result(task.label, exc, task.lang)
    if task.annotate:
        assert result.error is not None
        return {"error": {"code": "internal", "message": result.error.message}}
    return answer(result, CheckOptions(pack=task.pack, lang=task.lang), None)


def annotate_upload(task: Upload, options: CheckOptions) -> dict[str, Any]:
    """The annotated .docx of an upload (``fzcheck annotate``), with the name to save it under."""
    try:
        data = annotate_bytes(task.data, "upload" + task.suffix, options=options)
    except AnnotateError as exc:
        return {"error": {"code": exc.code, "message": exc.message}}
    return {"docx": data, "name": output_name(task.label if task.suffix else task.label + ".txt")}
