"""What the comments say: one finding, or the summary on the title (via checker.i18n)."""

from __future__ import annotations

from checker.i18n import MESSAGES, t
from checker.model import Finding, Result
from checker.verdict import open_errors, verdict_text

MARKS = {"present": "✓", "weak": "△", "missing": "✗"}


def finding_text(finding: Finding, lang: str, fixed: bool, embedded: bool = False) -> str:
    """Severity and message (waived, and why), suggestion, basis, rule id; a line on the
    tracked change if any; with ``embedded`` (the text lies in a part the document shows in
    place, where no comment can be anchored) the text it quotes."""
    lines = [
        t(
            "annotate.problem",
            lang,
            severity=t(f"severity.{finding.severity}", lang),
            message=finding.message,
        ),
        t("annotate.suggestion", lang, text=finding.suggestion),
    ]
    if finding.waived:  # by the config's waivers or the baseline, as check shows it
        lines.insert(1, t("fmt.waived", lang, reason=finding.waived))
    if finding.basis:
        lines.append(t("annotate.basis", lang, text=finding.basis))
    if embedded and finding.excerpt:
        lines.append(t("annotate.embedded-quote", lang, text=finding.excerpt))
    if fixed and finding.fix is not None:
        key = "annotate.fixed-delete" if not finding.fix.new else "annotate.fixed"
        lines.append(t(key, lang, old=finding.fix.old, new=finding.fix.new))
    lines.append(t("annotate.rule", lang, rule=finding.rule))
    return "\n".join(lines)


def _fixed_prefixes() -> tuple[str, ...]:
    """How a line on a tracked change begins, in every language (the text before "{old}")."""
    keys = ("annotate.fixed", "annotate.fixed-delete")
    return tuple({template.split("{", 1)[0] for key in keys for template in MESSAGES[key].values()})


def tells_a_fix(lines: list[str]) -> bool:
    """Whether a comment's lines (as :func:`finding_text` wrote them) tell of a tracked change."""
    prefixes = _fixed_prefixes()
    return any(line.startswith(prefixes) for line in lines)


def summary_text(result: Result, pack_label: str, lang: str) -> str:
    """Score, grade and verdict, ✓/△/✗ per element, counts by severity (waived left out)."""
    head = t("annotate.summary-title", lang, pack=pack_label)
    if not result.is_report:
        return "\n".join([head, t("annotate.not-report", lang, reason=result.not_report_reason or "")])
    verdict = verdict_text(result.passed, open_errors(result.findings), lang)  # as check says it
    lines = [
        head,
        t("annotate.score", lang, score=f"{result.score:g}", grade=result.grade or "", verdict=verdict),
    ]
    for element in result.elements:
        status = t(f"status.{element.status}", lang)
        lines.append(
            t("annotate.element", lang, mark=MARKS[element.status], name=element.name, status=status)
        )
    counts = {
        level: sum(1 for f in result.findings if f.severity == level and not f.waived)
        for level in ("error", "warning", "info")
    }
    lines.append(t("ui.to-fix", lang, **counts) if any(counts.values()) else t("ui.no-findings", lang))
    lines.append(t("annotate.legend", lang))
    return "\n".join(lines)
