"""What a service worker process does with one upload: check it and hand back the JSON
contract with the report's text (the page shows each finding in place in that text).

Runs inside the audit worker (``checker.audit.pool``), so a check has the same time and memory
budget as in ``fzcheck audit``; the pack named by the request is loaded once per process.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import msgspec
from msgspec.structs import replace

from checker.annotate import AnnotateError, annotate, output_name
from checker.api import analyse_bytes
from checker.audit import worker as worker_module
from checker.formats import RenderContext
from checker.formats.jsonout import document
from checker.i18n import t
from checker.model import Result
from checker.options import CheckOptions
from checker.packs.pack import load_pack

if TYPE_CHECKING:
    from checker.check.previous import PreviousReport


class Upload(msgspec.Struct, frozen=True):
    """One request's report: bytes, the name giving its format (only its suffix is used), the
    label its result carries, and the chosen pack and language."""

    data: bytes
    suffix: str
    label: str
    pack: str
    lang: str
    annotate: bool = False  # the annotated .docx instead of the check's answer
    previous: bytes | None = None  # last year's report: what was carried over from it is found
    previous_suffix: str = ""
    previous_label: str = ""


def answer(
    result: Result, options: CheckOptions, text: str | None, notes: list[str] | None = None
) -> dict[str, Any]:
    """The JSON contract of ``--format json`` for one result (``jsonout.document``, the same
    function ``check`` uses), the text it was found in, and what the comparison with last
    year's report has to say (``notes``)."""
    return {"document": document([result], RenderContext(options)), "text": text, "notes": notes or []}


def check_upload(task: Upload) -> dict[str, Any]:
    """Check (or annotate) one upload; never raises (bad input is an error result, as with
    ``check``, or for annotation ``{"error": {code, message}}``)."""
    pack = load_pack(task.pack)
    base: CheckOptions = worker_module._STATE["options"]
    options = replace(base, pack=pack, lang=task.lang)
    previous, notes = previous_of(task, options)
    if task.annotate:
        return annotate_upload(task, options, previous)
    try:
        # the reader is chosen by the suffix alone; the result is named by the label
        analysis = analyse_bytes(task.data, "upload" + task.suffix, options=options)
        result = analysis.result
        if previous is not None:
            from checker.check.previous import compare
            from checker.check.previous import notes as previous_notes

            result = compare(analysis, previous, options, None)
            notes = previous_notes(result, None, previous, task.lang)
    except MemoryError:
        return memory_answer(task)
    result = replace(result, path=task.label)
    text = analysis.source.text if analysis.source is not None else None
    return answer(result, options, text, notes)


def previous_of(task: Upload, options: CheckOptions) -> tuple[PreviousReport | None, list[str]]:
    """Last year's report sent with the upload, or None and why it cannot be compared with."""
    if task.previous is None:
        return None, []
    from checker.check.previous import PreviousUnusable, previous_from

    label = task.previous_label or t("serve.previous-unnamed", task.lang)
    analysis = analyse_bytes(task.previous, "previous" + task.previous_suffix, options=options)
    try:
        return previous_from(analysis, label, None, task.lang), []
    except PreviousUnusable as exc:
        return None, [str(exc)]


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


def annotate_upload(
    task: Upload, options: CheckOptions, previous: PreviousReport | None = None
) -> dict[str, Any]:
    """The annotated .docx of an upload (``fzcheck annotate``, with ``--previous`` when last
    year's report came with it), with the name to save it under."""
    try:
        data = annotate(task.data, "upload" + task.suffix, options=options, previous=previous).data
    except AnnotateError as exc:
        return {"error": {"code": exc.code, "message": exc.message}}
    return {"docx": data, "name": output_name(task.label if task.suffix else task.label + ".txt")}
