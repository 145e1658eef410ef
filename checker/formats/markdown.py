"""``--format markdown``: a summary for GitHub job summaries and merge-request comments.

A table with one row per file (score, grade, verdict, missing and weak elements), then
each report's findings in a table; waived findings are struck through with the reason.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.formats import RenderContext
from checker.i18n import t as msg
from checker.model import Finding, Result


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell: no pipes, no line breaks."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def _row(result: Result, lang: str) -> str:
    if result.status == "error":
        assert result.error is not None
        note = msg("fmt.error-row", lang, message=result.error.message)
        return f"| {cell(result.path)} | – | – | ❌ | {cell(note)} | |"
    if not result.is_report:
        note = msg("fmt.not-report-row", lang, reason=result.not_report_reason)
        return f"| {cell(result.path)} | – | – | ❌ | {cell(note)} | |"
    missing = "、".join(e.name for e in result.elements if e.status == "missing") or "–"
    weak = "、".join(e.name for e in result.elements if e.status == "weak") or "–"
    verdict = msg("fmt.yes" if result.passed else "fmt.no", lang)
    return (
        f"| {cell(result.path)} | {result.score:.1f} | {cell(result.grade or '')} | {verdict} "
        f"| {cell(missing)} | {cell(weak)} |"
    )


def _finding_row(finding: Finding, lang: str) -> str:
    where = str(finding.line or "")
    if finding.line and finding.column:
        where += f":{finding.column}"
    message = cell(finding.message)
    if finding.waived:
        message = f"~~{message}~~ （{cell(msg('fmt.waived', lang, reason=finding.waived))}）"
    severity = msg(f"severity.{finding.severity}", lang)
    return f"| {severity} | {where} | `{finding.rule}` | {message} | {cell(finding.suggestion)} |"


def _findings(result: Result, lang: str) -> list[str]:
    if result.status != "ok" or not result.is_report:
        return []
    out = ["", f"### {msg('fmt.findings-of', lang, path=result.path, count=len(result.findings))}", ""]
    if not result.findings:
        return [*out, msg("fmt.no-findings", lang)]
    out.append(
        f"| {msg('fmt.severity', lang)} | {msg('fmt.where', lang)} | {msg('fmt.rule', lang)} "
        f"| {msg('fmt.message', lang)} | {msg('fmt.suggestion', lang)} |"
    )
    out.append("|---|---|---|---|---|")
    out.extend(_finding_row(f, lang) for f in result.findings)
    return out


def render(results: Sequence[Result], ctx: RenderContext) -> str:
    lang = ctx.lang
    from checker.formats.text import summary_line

    out = [
        f"## {msg('fmt.summary-title', lang)}",
        "",
        f"{summary_line(results, lang)}（{ctx.pack.label}）",
        "",
        f"| {msg('fmt.file', lang)} | {msg('fmt.score', lang)} | {msg('fmt.grade', lang)} "
        f"| {msg('fmt.passed', lang)} | {msg('fmt.missing', lang)} | {msg('fmt.weak', lang)} |",
        "|---|---:|---|---|---|---|",
    ]
    out.extend(_row(r, lang) for r in results)
    for result in results:
        out.extend(_findings(result, lang))
    return "\n".join(out) + "\n"
