"""The user-facing message catalogue (UI text and error messages), Simplified Chinese first.

Rule messages live in the YAML rule packs; everything else a user reads lives here.
"""

from __future__ import annotations

DEFAULT_LANG = "zh"

MESSAGES: dict[str, dict[str, str]] = {
    # input errors (code → message); codes are part of the JSON contract
    "error.empty": {"zh": "文件为空，没有可检查的内容。", "en": "The file is empty."},
    "error.binary": {
        "zh": "文件是二进制数据，不是文本报告。",
        "en": "The file is binary data, not a text report.",
    },
    "error.decode": {
        "zh": "无法识别文件编码（已尝试 {encoding}），请另存为 UTF-8 文本。",
        "en": "Cannot decode the file (tried {encoding}); save it as UTF-8 text.",
    },
    "error.unsupported": {
        "zh": "不支持的文件类型“{suffix}”。支持：txt、docx、pdf、html、doc、wps 等。",
        "en": "Unsupported file type '{suffix}'. Supported: txt, docx, pdf, html, doc, wps.",
    },
    "error.too-large": {
        "zh": "文件过大（{size} 字节，上限 {limit} 字节）。",
        "en": "File too large ({size} bytes, limit {limit}).",
    },
    "error.not-found": {"zh": "找不到文件：{error}", "en": "File not found: {error}"},
    "error.unreadable": {"zh": "无法读取文件：{error}", "en": "Cannot read the file: {error}"},
    "error.corrupt": {
        "zh": "文件已损坏或格式不正确：{error}",
        "en": "The file is corrupt or malformed: {error}",
    },
    "error.encrypted": {
        "zh": "文件已加密，请先解除密码保护再检查。",
        "en": "The file is encrypted; remove the password first.",
    },
    "error.needs-ocr": {
        "zh": "PDF 没有文字层（可能是扫描件），需要先做文字识别（OCR）。",
        "en": "The PDF has no text layer (probably scanned); run OCR first.",
    },
    "error.needs-libreoffice": {
        "zh": "读取 {suffix} 文件需要 LibreOffice：apt-get install libreoffice-writer-nogui",
        "en": "Reading {suffix} files needs LibreOffice: apt-get install libreoffice-writer-nogui",
    },
    "error.zip-bomb": {
        "zh": "压缩内容异常（解压后过大或条目过多），为安全起见拒绝读取。",
        "en": "Archive content is suspicious (too large or too many entries when unpacked).",
    },
    "error.timeout": {
        "zh": "处理超时（超过 {seconds} 秒），已跳过。",
        "en": "Timed out after {seconds} s; skipped.",
    },
    "error.internal": {
        "zh": "内部错误：{error}。请把该文件反馈给 fzcheck 开发者。",
        "en": "Internal error: {error}. Please report this file to the fzcheck developers.",
    },
    # not-a-report reasons
    "notreport.info-disclosure": {
        "zh": "这是政府信息公开工作年度报告，不是法治政府建设年度报告。",
        "en": "This is a government information disclosure annual report, not a rule-of-law report.",
    },
    "notreport.no-subject": {
        "zh": "文中几乎没有“法治政府建设/法治建设”相关内容，不像法治政府建设年度报告。",
        "en": "The text barely mentions rule-of-law government building; not such a report.",
    },
    # terminal output
    "ui.score": {"zh": "得分", "en": "Score"},
    "ui.grade": {"zh": "等级", "en": "Grade"},
    "ui.passed": {"zh": "通过", "en": "passed"},
    "ui.failed": {"zh": "未通过", "en": "failed"},
    "ui.elements": {"zh": "要素检查", "en": "Elements"},
    "ui.findings": {"zh": "问题与建议", "en": "Findings"},
    "ui.suggestion": {"zh": "建议", "en": "Suggestion"},
    "ui.basis": {"zh": "依据", "en": "Basis"},
    "ui.line": {"zh": "第{line}行", "en": "line {line}"},
    "ui.no-findings": {"zh": "未发现问题。", "en": "No findings."},
    "ui.agency": {"zh": "机关", "en": "Agency"},
    "ui.year": {"zh": "年度", "en": "Year"},
    "ui.title": {"zh": "标题", "en": "Title"},
    "ui.date": {"zh": "成文日期", "en": "Date"},
    "ui.unknown": {"zh": "未识别", "en": "unknown"},
    "ui.error": {"zh": "无法检查", "en": "Cannot check"},
    "ui.not-report": {"zh": "不是法治政府建设年度报告", "en": "Not a rule-of-law report"},
    "ui.summary": {
        "zh": "共 {total} 份：通过 {passed}，未通过 {failed}，无法检查 {errors}，非报告 {not_reports}",
        "en": "{total} files: {passed} passed, {failed} failed, {errors} errors, {not_reports} not reports",
    },
    "status.present": {"zh": "具备", "en": "present"},
    "status.weak": {"zh": "薄弱", "en": "weak"},
    "status.missing": {"zh": "缺失", "en": "missing"},
    "severity.error": {"zh": "错误", "en": "error"},
    "severity.warning": {"zh": "警告", "en": "warning"},
    "severity.info": {"zh": "提示", "en": "info"},
    "grade.excellent": {"zh": "优秀", "en": "excellent"},
    "grade.good": {"zh": "良好", "en": "good"},
    "grade.pass": {"zh": "合格", "en": "pass"},
    "grade.fail": {"zh": "不合格", "en": "fail"},
    "ui.colon": {"zh": "：", "en": ": "},
    "ui.gap": {"zh": "　", "en": "  "},
    "ui.count": {"zh": "（{count}）", "en": " ({count})"},
    "ui.where": {"zh": "（{where}）", "en": " ({where})"},
    "ui.excerpt": {"zh": "原文", "en": "Text"},
    "ui.waived": {"zh": "〔已豁免：{reason}〕", "en": " [waived: {reason}]"},
    "ui.to-fix": {
        "zh": "需要修改：错误 {error} 处，警告 {warning} 处，提示 {info} 处",
        "en": "To fix: {error} errors, {warning} warnings, {info} notes",
    },
    # ---- CI formats, config, gates, baseline, waivers
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
    "fmt.score-line": {
        "zh": "得分 {score}，等级 {grade}，{verdict}",
        "en": "score {score}, grade {grade}, {verdict}",
    },
    # gates
    "gate.score": {
        "zh": "得分 {score:.1f} 低于及格线 {fail_under:g}",
        "en": "score {score:.1f} is below {fail_under:g}",
    },
    "gate.severity": {
        "zh": "有 {count} 条未豁免的“{level}”及以上级别问题",
        "en": "{count} non-waived finding(s) at or above '{level}'",
    },
    "gate.not-report": {"zh": "不是法治政府建设年度报告", "en": "not a rule-of-law report"},
    "gate.error": {"zh": "无法读取", "en": "unreadable"},
    # baseline
    "baseline.reason": {"zh": "已列入基线 {file}", "en": "in baseline {file}"},
    "baseline.written": {
        "zh": "已写入基线 {file}：{files} 份报告，{findings} 条问题",
        "en": "Baseline {file} written: {files} reports, {findings} findings",
    },
    "baseline.bad": {"zh": "基线文件无法使用：{file}：{error}", "en": "Unusable baseline {file}: {error}"},
    # init
    "init.exists": {
        "zh": "{file} 已存在；如要覆盖请加 --force。",
        "en": "{file} exists; use --force to overwrite.",
    },
    "init.written": {"zh": "已写入 {file}", "en": "Wrote {file}"},
    # ---- annotate: Word comments and tracked changes
    "annotate.problem": {"zh": "【{severity}】{message}", "en": "[{severity}] {message}"},
    "annotate.suggestion": {"zh": "建议：{text}", "en": "Suggestion: {text}"},
    "annotate.basis": {"zh": "依据：{text}", "en": "Basis: {text}"},
    "annotate.rule": {"zh": "规则：{rule}", "en": "Rule: {rule}"},
    "annotate.fixed": {
        "zh": "已作修订：“{old}”改为“{new}”，可在“审阅”中接受或拒绝。",
        "en": 'Tracked change: "{old}" → "{new}"; accept or reject it under Review.',
    },
    "annotate.fixed-delete": {
        "zh": "已作修订：删除“{old}”，可在“审阅”中接受或拒绝。",
        "en": 'Tracked change: "{old}" deleted; accept or reject it under Review.',
    },
    "annotate.summary-title": {
        "zh": "fzcheck 检查结果（规则包 {pack}）",
        "en": "fzcheck results (pack {pack})",
    },
    "annotate.score": {
        "zh": "得分 {score}，等级 {grade}，{verdict}",
        "en": "Score {score}, grade {grade}, {verdict}",
    },
    "annotate.element": {"zh": "{mark} {name}（{status}）", "en": "{mark} {name} ({status})"},
    "annotate.legend": {
        "zh": "✓ 具备　△ 薄弱　✗ 缺失；各条问题见文中批注。",
        "en": "✓ present  △ weak  ✗ missing; each finding is a comment in the text.",
    },
    "annotate.not-report": {
        "zh": "不是法治政府建设年度报告：{reason}",
        "en": "Not a rule-of-law report: {reason}",
    },
    "annotate.missing-here": {
        "zh": "（此处应有：{element}）",
        "en": "(Missing here: {element})",
    },
    "annotate.exists": {
        "zh": "{file} 已存在；如要覆盖请加 --force。",
        "en": "{file} exists; use --force to overwrite.",
    },
    "annotate.same-file": {
        "zh": "输出文件不能是被检查的文件本身：{file}",
        "en": "The output cannot be the input file itself: {file}",
    },
    "annotate.written": {
        "zh": "已写入 {file}：批注 {comments} 条，修订 {changes} 处",
        "en": "Wrote {file}: {comments} comments, {changes} tracked changes",
    },
    # ---- bulk audit
    "error.memory": {
        "zh": "处理时内存超出预算（{mb} MB），已终止并跳过。",
        "en": "Exceeded the memory budget ({mb} MB); stopped and skipped.",
    },
    "error.crash": {
        "zh": "处理该文件时工作进程意外退出（{detail}），已跳过。",
        "en": "The worker process died on this file ({detail}); skipped.",
    },
    "audit.whole": {"zh": "全文", "en": "whole text"},
    "audit.unknown-agency": {"zh": "未识别机关", "en": "unidentified body"},
    "audit.unknown-year": {"zh": "某", "en": "an unknown"},
    # ---- the self-check web service (fzcheck serve)
    "serve.title": {"zh": "法治政府建设年度报告自查", "en": "Rule-of-law annual report self-check"},
    "serve.intro": {
        "zh": "选择或拖入报告文件（txt、docx、pdf、html、doc、wps），或粘贴报告全文，然后检查。",
        "en": "Choose or drop a report file (txt, docx, pdf, html, doc, wps), or paste its text, then check.",
    },
    "serve.drop": {
        "zh": "把报告拖到这里，或点击选择文件",
        "en": "Drop a report here, or click to choose a file",
    },
    "serve.paste": {"zh": "或粘贴报告全文：", "en": "Or paste the report's text:"},
    "serve.check": {"zh": "检查粘贴的文本", "en": "Check the pasted text"},
    "serve.pack": {"zh": "规则包", "en": "Rule pack"},
    "serve.lang": {"zh": "English", "en": "中文"},
    "serve.busy": {"zh": "正在检查……", "en": "Checking…"},
    "serve.failed": {"zh": "检查失败：{message}", "en": "The check failed: {message}"},
    "serve.offline": {
        "zh": "文件只在本服务上检查，不会发往其他地方；检查后即删除。",
        "en": "Files are checked on this service only, sent nowhere else, and discarded after the check.",
    },
    "serve.download-html": {"zh": "下载结果（HTML）", "en": "Download the result (HTML)"},
    "serve.download-json": {"zh": "下载结果（JSON）", "en": "Download the result (JSON)"},
    "serve.download-docx": {"zh": "下载批注版 Word", "en": "Download the annotated Word file"},
    "serve.text": {"zh": "报告原文与问题", "en": "The report's text and its findings"},
    "serve.general": {"zh": "全文问题", "en": "Findings about the whole text"},
    "serve.missing-here": {"zh": "此处缺：{name}", "en": "missing here: {name}"},
    "serve.pasted": {"zh": "粘贴的文本", "en": "pasted text"},
    "serve.result-title": {"zh": "fzcheck 检查结果：{name}", "en": "fzcheck result: {name}"},
    "serve.pack-line": {
        "zh": "规则包 {pack} · fzcheck {version}",
        "en": "Rule pack {pack} · fzcheck {version}",
    },
    "serve.no-text": {"zh": "没有可显示的正文。", "en": "No text to show."},
    "serve.docs": {"zh": "接口说明", "en": "API reference"},
    # service errors (code → message), answered as {"error": {"code", "message"}}
    "serve.error.too-large": {
        "zh": "上传内容过大，超过上限 {limit}。请压缩或拆分后再传。",
        "en": "The upload is larger than the limit of {limit}.",
    },
    "serve.error.bad-length": {
        "zh": "请求头 Content-Length 不是有效的字节数。",
        "en": "The Content-Length header is not a valid number of bytes.",
    },
    "serve.error.bad-form": {
        "zh": "上传的表单格式不正确：{error}",
        "en": "The uploaded form is malformed: {error}",
    },
    "serve.error.bad-json": {
        "zh": 'JSON 请求体不正确：{error}。应为对象，如 {{"text": "报告全文"}}。',
        "en": 'The JSON body is malformed: {error}. Send an object such as {{"text": "..."}}.',
    },
    "serve.error.no-input": {
        "zh": "没有收到报告：请上传文件（字段 file）或提交文本（字段 text）。",
        "en": "No report received: upload a file (field file) or send text (field text).",
    },
    "serve.error.media-type": {
        "zh": "不支持的请求类型“{type}”，请用 multipart/form-data 或 application/json。",
        "en": "Unsupported request type '{type}'; use multipart/form-data or application/json.",
    },
    "serve.error.unknown-pack": {
        "zh": "没有规则包“{pack}”。可选：{packs}",
        "en": "No rule pack '{pack}'. Available: {packs}",
    },
    "serve.error.bad-option": {
        "zh": "参数 {name} 的值“{value}”无效，可选：{choices}",
        "en": "Invalid value '{value}' for {name}; choose one of {choices}",
    },
    "serve.error.slow": {
        "zh": "{seconds} 秒内没有收完上传内容，连接过慢，请重试。",
        "en": "The upload was not received within {seconds} s; the connection is too slow.",
    },
    "serve.error.busy": {
        "zh": "正在检查的报告太多，请 {seconds} 秒后再试。",
        "en": "Too many reports are being checked; try again in {seconds} s.",
    },
    "serve.error.not-found": {"zh": "没有这个页面或接口。", "en": "No such page or endpoint."},
    "serve.error.method": {
        "zh": "该地址不支持此请求方法。",
        "en": "This address does not accept that method.",
    },
    "serve.error.internal": {"zh": "服务内部错误，请稍后重试。", "en": "Internal error; please try again."},
    # ---- fragments that rule types put into their rule's message template
    "rt.citation.misspelt": {"zh": "可能写错", "en": "may be misspelt"},
    "rt.citation.unknown": {"zh": "不在内置法规目录中，请核对名称", "en": "is not in the bundled list"},
    "rt.citation.not-in-force": {"zh": "于{date}才施行，晚于报告日期", "en": "only takes effect on {date}"},
    "rt.citation.repealed": {"zh": "已于{date}废止", "en": "was repealed on {date}"},
    "rt.date.in-year": {
        "zh": "落在所报告的{year}年度之内，年度尚未结束",
        "en": "is inside the reported year {year}",
    },
    "rt.date.invalid": {"zh": "不是一个有效日期（没有这一天）", "en": "is not a valid date"},
    "rt.date.future": {"zh": "晚于今天，日期可能写错", "en": "is in the future"},
    "rt.date.early": {"zh": "早于报告期（{date}起）", "en": "is before the reporting window ({date})"},
    "rt.date.late": {"zh": "晚于报告时限（{date}），属逾期报告", "en": "is after the deadline ({date})"},
    "rt.date.window": {"zh": "{start}至{end}", "en": "{start} to {end}"},
    "rt.title.agency": {"zh": "发文机关", "en": "issuing body"},
    "rt.title.year": {"zh": "年度", "en": "year"},
    "rt.title.subject": {"zh": "“法治政府建设”事由", "en": "subject"},
    "rt.title.doctype": {"zh": "文种“报告”", "en": "document type"},
    "rt.where.title": {"zh": "标题", "en": "title"},
    "rt.where.opening": {"zh": "开头", "en": "opening"},
    "rt.where.heading": {"zh": "小标题", "en": "heading"},
    "rt.presence.missing": {"zh": "缺失", "en": "is missing"},
    "rt.presence.thin": {
        "zh": "内容过少（{chars}字，少于{min_chars}字）",
        "en": "is too thin ({chars} characters, fewer than {min_chars})",
    },
    "rt.presence.passing": {
        "zh": "没有单列成部分，只在其他段落中提及",
        "en": "has no part of its own, only a mention in other paragraphs",
    },
    "rt.list-separator": {"zh": "、", "en": ", "},
}


def cn_date(value: object) -> str:
    """A date the way GB/T 9704 writes it: 2025年1月23日 (no zero padding)."""
    return f"{value.year}年{value.month}月{value.day}日"  # type: ignore[attr-defined]


def t(key: str, lang: str = DEFAULT_LANG, **args: object) -> str:
    """Look up ``key`` in ``lang`` (falling back to Chinese) and fill in ``args``."""
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    template = entry.get(lang) or entry[DEFAULT_LANG]
    try:
        return template.format(**args)
    except (KeyError, IndexError, ValueError):
        return template
