"""User text for CI formats, config, gates, baseline and waivers (zh first, then en).

These extend :data:`checker.i18n.MESSAGES`; :func:`msg` looks here first, then there, so
the two catalogues can be merged later without touching any caller.
"""

from __future__ import annotations

from checker.i18n import t

MESSAGES: dict[str, dict[str, str]] = {
    # formats
    "fmt.file": {"zh": "文件", "en": "File"},
    "fmt.score": {"zh": "得分", "en": "Score"},
    "fmt.grade": {"zh": "等级", "en": "Grade"},
    "fmt.passed": {"zh": "结论", "en": "Passed"},
    "fmt.missing": {"zh": "缺失要素", "en": "Missing elements"},
    "fmt.weak": {"zh": "薄弱要素", "en": "Weak elements"},
    "fmt.severity": {"zh": "级别", "en": "Severity"},
    "fmt.where": {"zh": "位置", "en": "Where"},
    "fmt.rule": {"zh": "规则", "en": "Rule"},
    "fmt.message": {"zh": "问题", "en": "Problem"},
    "fmt.suggestion": {"zh": "建议", "en": "Suggestion"},
    "fmt.summary-title": {"zh": "fzcheck 检查结果", "en": "fzcheck results"},
    "fmt.findings-of": {"zh": "{path} 的问题（{count}）", "en": "Findings in {path} ({count})"},
    "fmt.no-findings": {"zh": "未发现问题。", "en": "No findings."},
    "fmt.waived": {"zh": "已豁免：{reason}", "en": "waived: {reason}"},
    "fmt.error-row": {"zh": "无法检查：{message}", "en": "cannot check: {message}"},
    "fmt.not-report-row": {"zh": "非报告：{reason}", "en": "not a report: {reason}"},
    "fmt.yes": {"zh": "✅ 通过", "en": "✅ passed"},
    "fmt.no": {"zh": "❌ 未通过", "en": "❌ failed"},
    "fmt.score-line": {"zh": "得分 {score}，等级 {grade}，{verdict}",
                       "en": "score {score}, grade {grade}, {verdict}"},
    # gates
    "gate.score": {"zh": "得分 {score:.1f} 低于及格线 {fail_under:g}",
                   "en": "score {score:.1f} is below {fail_under:g}"},
    "gate.severity": {"zh": "有 {count} 条未豁免的“{level}”及以上级别问题",
                      "en": "{count} non-waived finding(s) at or above '{level}'"},
    "gate.not-report": {"zh": "不是法治政府建设年度报告", "en": "not a rule-of-law report"},
    "gate.error": {"zh": "无法读取", "en": "unreadable"},
    # baseline
    "baseline.reason": {"zh": "已列入基线 {file}", "en": "in baseline {file}"},
    "baseline.written": {"zh": "已写入基线 {file}：{files} 份报告，{findings} 条问题",
                         "en": "Baseline {file} written: {files} reports, {findings} findings"},
    "baseline.bad": {"zh": "基线文件无法使用：{file}：{error}", "en": "Unusable baseline {file}: {error}"},
    # init
    "init.exists": {"zh": "{file} 已存在；如要覆盖请加 --force。",
                    "en": "{file} exists; use --force to overwrite."},
    "init.written": {"zh": "已写入 {file}", "en": "Wrote {file}"},
}


def msg(key: str, lang: str = "zh", **args: object) -> str:
    """Look ``key`` up here, then in the main catalogue; fill in ``args``."""
    entry = MESSAGES.get(key)
    if entry is None:
        return t(key, lang, **args)
    template = entry.get(lang) or entry["zh"]
    try:
        return template.format(**args)
    except (KeyError, IndexError, ValueError):
        return template
