"""The terminal report a non-programmer reads: checklist ✓/△/✗, score, findings with lines."""

from __future__ import annotations

from collections.abc import Sequence

import click

from checker.formats import RenderContext
from checker.i18n import t
from checker.model import Result

_MARKS = {"present": ("✓", "green"), "weak": ("△", "yellow"), "missing": ("✗", "red")}
_SEVERITY_COLOR = {"error": "red", "warning": "yellow", "info": "cyan"}


def _style(text: str, ctx: RenderContext, **style: object) -> str:
    return click.style(text, **style) if ctx.color else text  # type: ignore[arg-type]


def _pad(text: str, width: int) -> str:
    from checker.normalize import display_width

    return text + " " * max(width - display_width(text), 0)


def _report(result: Result, ctx: RenderContext) -> list[str]:
    lang = ctx.lang
    out = [_style(f"━━ {result.path}", ctx, bold=True)]
    if result.status == "error":
        assert result.error is not None
        out.append(
            _style(f"  ✗ {t('ui.error', lang)}（{result.error.code}）：{result.error.message}", ctx, fg="red")
        )
        return out
    if not result.is_report:
        out.append(_style(f"  ⊘ {t('ui.not-report', lang)}：{result.not_report_reason}", ctx, fg="magenta"))
        return out
    meta = result.meta
    unknown = t("ui.unknown", lang)
    out.append(
        f"  {t('ui.agency', lang)}：{meta.agency or unknown}　{t('ui.year', lang)}："
        f"{meta.year or unknown}　{t('ui.date', lang)}：{meta.date or unknown}"
    )
    verdict = t("ui.passed" if result.passed else "ui.failed", lang)
    color = "green" if result.passed else "red"
    out.append(
        "  "
        + _style(
            f"{t('ui.score', lang)} {result.score:.1f}　{t('ui.grade', lang)} {result.grade}　{verdict}",
            ctx,
            fg=color,
            bold=True,
        )
    )
    out.append(f"  {t('ui.elements', lang)}：")
    for element in result.elements:
        mark, mark_color = _MARKS[element.status]
        where = t("ui.line", lang, line=element.line) if element.line else ""
        status = t(f"status.{element.status}", lang)
        out.append(f"    {_style(mark, ctx, fg=mark_color)} {_pad(element.name, 22)}{_pad(status, 8)}{where}")
    if not result.findings:
        out.append(f"  {t('ui.no-findings', lang)}")
        return out
    out.append(f"  {t('ui.findings', lang)}（{len(result.findings)}）：")
    for finding in result.findings:
        severity = t(f"severity.{finding.severity}", lang)
        where = t("ui.line", lang, line=finding.line) if finding.line else ""
        if finding.line and finding.column:
            where += f":{finding.column}"
        if finding.location:
            where += f"（{finding.location}）"
        tag = _style(f"[{severity}]", ctx, fg=_SEVERITY_COLOR[finding.severity])
        waived = f"〔已豁免：{finding.waived}〕" if finding.waived else ""
        out.append(f"    {tag} {where} {finding.message}{waived}  ({finding.rule})")
        if finding.excerpt:
            out.append(
                f"        原文：“{finding.excerpt}”" if lang == "zh" else f"        Text: “{finding.excerpt}”"
            )
        out.append(f"        {t('ui.suggestion', lang)}：{finding.suggestion}")
        out.append(_style(f"        {t('ui.basis', lang)}：{finding.basis}", ctx, dim=True))
    return out


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
