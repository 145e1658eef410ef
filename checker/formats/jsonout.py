"""``--format json``: the stable JSON contract, described by ``checker/data/result.schema.json``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from msgspec.structs import asdict

from checker import __version__
from checker.formats import RenderContext
from checker.formats.writing import HOLE, FormatWriter, JsonItems, TextSink, framed, render_all
from checker.model import Result


def result_to_dict(result: Result) -> dict[str, Any]:
    """One entry of ``results``; the names are a contract other tools rely on.

    ``asdict`` (msgspec's, one level deep) is enough for ``error`` and ``meta``: their fields
    are plain strings and numbers."""
    return {
        "path": result.path,
        "status": result.status,
        "error": asdict(result.error) if result.error else None,
        "is_report": result.is_report,
        "not_report_reason": result.not_report_reason,
        "format": result.format,
        "sha256": result.sha256,
        "meta": asdict(result.meta),
        "score": result.score,
        "grade": result.grade,
        "passed": result.passed,
        "elements": [
            {
                "id": e.id,
                "name": e.name,
                "status": e.status,
                "line": e.line,
                "score": e.score,
                "weight": e.weight,
            }
            for e in result.elements
        ],
        "findings": [
            {
                "rule": f.rule,
                "element": f.element,
                "severity": f.severity,
                "message": f.message,
                "suggestion": f.suggestion,
                "line": f.line,
                "column": f.column,
                "excerpt": f.excerpt,
                "basis": f.basis,
                "location": f.location,
                "fingerprint": f.fingerprint,
                "waived": f.waived,
            }
            for f in result.findings
        ],
    }


def _tool(ctx: RenderContext) -> dict[str, Any]:
    return {"name": "fzcheck", "version": __version__, "rulepack": ctx.pack.label}


def document(results: Sequence[Result], ctx: RenderContext) -> dict[str, Any]:
    return {"tool": _tool(ctx), "results": [result_to_dict(r) for r in results]}


class Writer(FormatWriter):
    """``{"tool": …, "results": [`` first, then each result as it comes, then ``]}``."""

    def __init__(self, out: TextSink, ctx: RenderContext) -> None:
        super().__init__(out, ctx)
        (head, indent), (self.tail, _) = framed({"tool": _tool(ctx), "results": HOLE}, 1)
        out.write(head)
        self.results = JsonItems(out, indent)

    def add(self, result: Result) -> None:
        self.results.add(result_to_dict(result))

    def close(self) -> None:
        self.results.close()
        self.out.write(self.tail + "\n")


def render(results: Iterable[Result], ctx: RenderContext) -> str:
    return render_all(Writer, results, ctx)
