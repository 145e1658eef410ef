"""``--format markdown``: a summary for GitHub job summaries and merge-request comments.

A table with one row per file (score, grade, verdict, missing and weak elements), then
each report's findings in a table; waived findings are struck through with the reason.
"""

from __future__ import annotations

from collections.abc import Iterable

from checker.formats import RenderContext
from checker.formats.writing import FormatWriter, Spool, Tally, TextSink, render_all
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


class Writer(FormatWriter):
    """The summary line heads the file, so the table's rows and the findings sections are
    spooled as they come and written under it at :meth:`close`."""

    def __init__(self, out: TextSink, ctx: RenderContext) -> None:
        super().__init__(out, ctx)
        self.tally = Tally()
        self.rows = Spool()
        self.findings = Spool()

    def add(self, result: Result) -> None:
        self.tally.add(result)
        self.rows.write(_row(result, self.ctx.lang) + "\n")
        self.findings.write("".join(line + "\n" for line in _findings(result, self.ctx.lang)))

    def close(self) -> None:
        from checker.formats.text import summary_line

        lang = self.ctx.lang
        head = [
            f"## {msg('fmt.summary-title', lang)}",
            "",
            f"{summary_line(self.tally, lang)}（{self.ctx.pack.label}）",
            "",
            f"| {msg('fmt.file', lang)} | {msg('fmt.score', lang)} | {msg('fmt.grade', lang)} "
            f"| {msg('fmt.passed', lang)} | {msg('fmt.missing', lang)} | {msg('fmt.weak', lang)} |",
            "|---|---:|---|---|---|---|",
        ]
        self.out.write("".join(line + "\n" for line in head))
        self.rows.copy_to(self.out)
        self.findings.copy_to(self.out)


def render(results: Iterable[Result], ctx: RenderContext) -> str:
    return render_all(Writer, results, ctx)
