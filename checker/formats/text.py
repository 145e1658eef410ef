"""The terminal report a non-programmer reads: checklist ✓/△/✗, score, findings with lines.

Pass policy (checker.run.gates): a report passes on its score and the gates; an error-level
finding in a passing report does not fail it (unless ``--fail-on error``) but the verdict says
so: 通过（总分达标，但有 1 处错误需改正）.
"""

from __future__ import annotations

from collections.abc import Iterable

import click

from checker.formats import RenderContext
from checker.formats.writing import FormatWriter, Tally, TextSink, render_all
from checker.i18n import place, t
from checker.model import Finding, Result
from checker.run.gates import SEVERITY_RANK
from checker.text.width import table
from checker.verdict import open_errors, verdict_state, verdict_text

_MARKS = {"present": ("✓", "green"), "weak": ("△", "yellow"), "missing": ("✗", "red")}
_SEVERITY_COLOR = {"error": "red", "warning": "yellow", "info": "cyan"}


def _style(text: str, ctx: RenderContext, **style: object) -> str:
    return click.style(text, **style) if ctx.color else text  # type: ignore[arg-type]


_VERDICT_COLOR = {"pass": "green", "warn": "yellow", "fail": "red"}


def verdict(result: Result, lang: str) -> str:
    """通过 / 未通过, and for a pass with error-level findings, how many still need fixing
    (:mod:`checker.verdict`, as the self-check page and the Word summary say it)."""
    return verdict_text(result.passed, open_errors(result.findings), lang)


def where(finding: Finding, result: Result, lang: str) -> str:
    """A place a person can find: where a missing part belongs (before or after a line; its
    message names the parts around it), else the line (and 字)."""
    if not finding.line:
        return ""
    element = next((e for e in result.elements if e.id == finding.element), None)
    if not finding.excerpt and element is not None and element.status == "missing":
        if (finding.column or 1) > 1:  # after the line's last character
            return t("ui.after-line", lang, line=finding.line)
        if finding.line == 1:
            return t("ui.at-start", lang)
        return t("ui.before-line", lang, line=finding.line)
    return place(finding.line, finding.column, lang)


def _report(result: Result, ctx: RenderContext) -> list[str]:
    lang = ctx.lang
    colon, gap = t("ui.colon", lang), t("ui.gap", lang)
    out = [_style(f"━━ {result.path}", ctx, bold=True)]
    if result.status == "error":
        assert result.error is not None
        code = t("ui.where", lang, where=result.error.code)
        out.append(_style(f"  ✗ {t('ui.error', lang)}{code}{colon}{result.error.message}", ctx, fg="red"))
        return out
    if not result.is_report:
        reason = result.not_report_reason
        out.append(_style(f"  ⊘ {t('ui.not-report', lang)}{colon}{reason}", ctx, fg="magenta"))
        return out
    meta = result.meta
    unknown = t("ui.unknown", lang)
    out.append(
        f"  {t('ui.agency', lang)}{colon}{meta.agency or unknown}{gap}{t('ui.year', lang)}{colon}"
        f"{meta.year or unknown}{gap}{t('ui.date', lang)}{colon}{meta.date or unknown}"
    )
    if result.format == "pdf-ocr":
        out.append(_style(f"  ⓘ {t('ui.ocr', lang)}", ctx, fg="yellow"))
    headline = t(
        "ui.headline", lang, score=f"{result.score:.1f}", grade=result.grade, verdict=verdict(result, lang)
    )
    state = verdict_state(result.passed, open_errors(result.findings))
    out.append("  " + _style(headline, ctx, fg=_VERDICT_COLOR[state], bold=True))
    if result.findings:
        counts = {
            level: sum(f.severity == level and not f.waived for f in result.findings)
            for level in ("error", "warning", "info")
        }
        out.append("  " + t("ui.to-fix", lang, **counts))
    out.append(f"  {t('ui.elements', lang)}{colon}".rstrip())
    rows = [
        [e.name, t(f"status.{e.status}", lang), t("ui.line", lang, line=e.line) if e.line else ""]
        for e in result.elements
    ]
    for element, line in zip(result.elements, table(rows), strict=True):
        mark, mark_color = _MARKS[element.status]
        out.append(f"    {_style(mark, ctx, fg=mark_color)} {line}")
    if not result.findings:
        out.append(f"  {t('ui.no-findings', lang)}")
        return out
    out.append(f"  {t('ui.findings', lang)}{t('ui.count', lang, count=len(result.findings))}{colon}".rstrip())
    # what to fix first comes first: errors, then warnings, then notes, each in reading order
    for finding in sorted(result.findings, key=lambda f: -SEVERITY_RANK[f.severity]):
        out.extend(_finding_lines(finding, result, ctx))
    return out


def _finding_lines(finding: Finding, result: Result, ctx: RenderContext) -> list[str]:
    lang = ctx.lang
    colon = t("ui.colon", lang)
    severity = t(f"severity.{finding.severity}", lang)
    at = where(finding, result, lang)
    if finding.location:
        at += t("ui.where", lang, where=finding.location)
    tag = _style(f"[{severity}]", ctx, fg=_SEVERITY_COLOR[finding.severity])
    waived = t("ui.waived", lang, reason=finding.waived) if finding.waived else ""
    lines = [f"    {tag} {at} {finding.message}{waived}  ({finding.rule})"]
    if finding.excerpt:
        lines.append(f"        {t('ui.excerpt', lang)}{colon}“{finding.excerpt}”")
    lines.append(f"        {t('ui.suggestion', lang)}{colon}{finding.suggestion}")
    lines.append(_style(f"        {t('ui.basis', lang)}{colon}{finding.basis}", ctx, dim=True))
    return lines


def summary_line(tally: Tally, lang: str) -> str:
    """共 N 份：通过 …, from the run's tally."""
    return t(
        "ui.summary",
        lang,
        total=tally.total,
        passed=tally.passed,
        failed=tally.failed,
        errors=tally.errors,
        not_reports=tally.not_reports,
    )


def _printable(result: Result) -> Result:
    """``result`` with the control characters in its texts (a file name, a quoted line) written
    ``\\xNN``, so the terminal shows them instead of obeying them (an OSC 52 sequence in a
    report would set the clipboard); the report's own colours are added after."""
    import msgspec

    from checker.terminal import visible

    def escaped(value: object) -> object:
        if isinstance(value, str):
            return visible(value)
        if isinstance(value, (list, tuple)):
            return type(value)(escaped(item) for item in value)
        if isinstance(value, dict):
            return {key: escaped(item) for key, item in value.items()}
        return value

    plain = msgspec.to_builtins(result)
    shown = escaped(plain)
    return result if shown == plain else msgspec.convert(shown, Result)


class Writer(FormatWriter):
    """Each report's block as it is checked, then the summary line."""

    def __init__(self, out: TextSink, ctx: RenderContext) -> None:
        super().__init__(out, ctx)
        self.tally = Tally()

    def add(self, result: Result) -> None:
        self.tally.add(result)
        self.out.write("\n".join(_report(_printable(result), self.ctx)) + "\n\n")

    def close(self) -> None:
        self.out.write(summary_line(self.tally, self.ctx.lang) + "\n")


def render(results: Iterable[Result], ctx: RenderContext) -> str:
    return render_all(Writer, results, ctx)
