"""The terminal report a non-programmer reads: checklist ✓/△/✗, score, findings with lines."""

from __future__ import annotations

from collections.abc import Sequence

import click

from checker.formats import RenderContext
from checker.i18n import t
from checker.model import Result
from checker.text.normalize import display_width

_MARKS = {"present": ("✓", "green"), "weak": ("△", "yellow"), "missing": ("✗", "red")}
_SEVERITY_COLOR = {"error": "red", "warning": "yellow", "info": "cyan"}


def _style(text: str, ctx: RenderContext, **style: object) -> str:
    return click.style(text, **style) if ctx.color else text  # type: ignore[arg-type]


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - display_width(text), 0)


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
    verdict = t("ui.passed" if result.passed else "ui.failed", lang)
    headline = (
        f"{t('ui.score', lang)} {result.score:.1f}{gap}{t('ui.grade', lang)} {result.grade}{gap}{verdict}"
    )
    out.append("  " + _style(headline, ctx, fg="green" if result.passed else "red", bold=True))
    if result.findings:
        counts = {
            level: sum(f.severity == level and not f.waived for f in result.findings)
            for level in ("error", "warning", "info")
        }
        out.append("  " + t("ui.to-fix", lang, **counts))
    out.append(f"  {t('ui.elements', lang)}{colon}")
    name_width = max(display_width(e.name) for e in result.elements) + 2
    for element in result.elements:
        mark, mark_color = _MARKS[element.status]
        where = t("ui.line", lang, line=element.line) if element.line else ""
        status = t(f"status.{element.status}", lang)
        out.append(
            f"    {_style(mark, ctx, fg=mark_color)} {_pad(element.name, name_width)}{_pad(status, 9)}{where}"
        )
    if not result.findings:
        out.append(f"  {t('ui.no-findings', lang)}")
        return out
    out.append(f"  {t('ui.findings', lang)}{t('ui.count', lang, count=len(result.findings))}{colon}")
    for finding in result.findings:
        out.extend(_finding_lines(finding, ctx))
    return out


def _finding_lines(finding, ctx: RenderContext) -> list[str]:
    lang = ctx.lang
    colon = t("ui.colon", lang)
    severity = t(f"severity.{finding.severity}", lang)
    where = t("ui.line", lang, line=finding.line) if finding.line else ""
    if finding.line and finding.column:
        where += f":{finding.column}"
    if finding.location:
        where += t("ui.where", lang, where=finding.location)
    tag = _style(f"[{severity}]", ctx, fg=_SEVERITY_COLOR[finding.severity])
    waived = t("ui.waived", lang, reason=finding.waived) if finding.waived else ""
    lines = [f"    {tag} {where} {finding.message}{waived}  ({finding.rule})"]
    if finding.excerpt:
        lines.append(f"        {t('ui.excerpt', lang)}{colon}“{finding.excerpt}”")
    lines.append(f"        {t('ui.suggestion', lang)}{colon}{finding.suggestion}")
    lines.append(_style(f"        {t('ui.basis', lang)}{colon}{finding.basis}", ctx, dim=True))
    return lines


def summary_line(results: Sequence[Result], lang: str) -> str:
    ok = [r for r in results if r.status == "ok" and r.is_report]
    return t(
        "ui.summary",
        lang,
        total=len(results),
        passed=sum(r.passed for r in ok),
        failed=sum(not r.passed for r in ok),
        errors=sum(r.status == "error" for r in results),
        not_reports=sum(r.status == "ok" and not r.is_report for r in results),
    )


def render(results: Sequence[Result], ctx: RenderContext) -> str:
    lines: list[str] = []
    for result in results:
        lines.extend(_report(result, ctx))
        lines.append("")
    lines.append(summary_line(results, ctx.lang))
    return "\n".join(lines) + "\n"
