"""The user-facing message catalogue (UI text and error messages), Simplified Chinese first.

Rule messages live in the YAML rule packs; everything else a user reads lives here.
"""

from __future__ import annotations

import re

import checker.regex_cache as regex_cache
from checker.i18n_help import HELP
from checker.i18n_previous import PREVIOUS_TEXT
from checker.i18n_ruletypes import RULE_TYPE_TEXT

DEFAULT_LANG = "zh"
LANGS = ("zh", "en")
# "{count|file|files}": the singular when the value named first is 1, else the plural.
_PLURAL = regex_cache.compile(r"\{(\w+)\|([^{}|]*)\|([^{}|]*)\}")

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
        "zh": "不支持的文件类型“{suffix}”。支持：txt、docx、pdf、ofd、html、doc、wps、rtf、odt、mht 等。",
        "en": "Unsupported file type '{suffix}'. Supported: txt, docx, pdf, ofd, html, doc, wps, rtf, odt, mht.",
    },
    "error.too-large": {
        "zh": "文件过大（{size} 字节，上限 {limit} 字节）。",
        "en": "File too large ({size} bytes, limit {limit}).",
    },
    "error.not-found": {
        "zh": "找不到这个文件，请检查文件名和所在目录是否写对。",
        "en": "There is no such file; check the file name and its folder.",
    },
    "error.unreadable": {"zh": "无法读取文件：{why}", "en": "Cannot read the file: {why}"},
    "why.permission": {
        "zh": "没有读取权限，请向管理员申请权限，或把文件复制到自己的目录后再检查。",
        "en": "no permission to read it; ask for access or copy the file to your own folder.",
    },
    "why.directory": {"zh": "这是一个目录，请给出其中的文件。", "en": "it is a folder; name a file in it."},
    "why.not-regular": {
        "zh": "这不是普通文件（可能是设备或管道），请给出报告文件本身。",
        "en": "it is not a regular file (a device or a pipe); name the report file itself.",
    },
    "why.link-loop": {
        "zh": "这是一个指向自己的快捷方式（符号链接循环），找不到真正的文件；请给出报告文件本身。",
        "en": "it is a symbolic link that leads back to itself, so there is no file behind it; name the report itself.",
    },
    "why.os": {
        "zh": "系统拒绝读取，请确认文件没有被其他程序占用、所在磁盘可以访问。",
        "en": "the system refused; check that no other program holds it and the disk is reachable.",
    },
    "corrupt.cause": {
        "zh": "{cause}（详情：{detail}）",
        "en": "{cause} (detail: {detail})",
    },
    "cause.entity-bomb": {
        "zh": "XML 中的实体引用展开过多，疑似“实体炸弹”，为安全起见拒绝读取",
        "en": "XML entity references expand too far (a possible entity bomb); refused for safety",
    },
    "cause.too-deep": {
        "zh": "XML 嵌套过深",
        "en": "the XML nests too deeply",
    },
    "cause.encrypted": {
        "zh": "文件已加密",
        "en": "the file is encrypted",
    },
    "cause.pdf-page": {
        "zh": "PDF 中有页面结构损坏，无法打开该页",
        "en": "a page of the PDF is damaged and cannot be opened",
    },
    "cause.pdf-document": {
        "zh": "PDF 文件结构损坏，无法打开",
        "en": "the PDF's structure is damaged and it cannot be opened",
    },
    "cause.zip-version": {
        "zh": "压缩包使用了不支持的版本或压缩方式",
        "en": "the archive uses an unsupported version or compression method",
    },
    "cause.zip-crc": {
        "zh": "压缩包中的数据校验失败，文件不完整或已损坏",
        "en": "a checksum in the archive fails: the file is incomplete or damaged",
    },
    "cause.zip-broken": {
        "zh": "zip 压缩包结构损坏或不完整",
        "en": "the zip archive is damaged or incomplete",
    },
    "cause.deflate": {
        "zh": "压缩数据损坏",
        "en": "compressed data is damaged",
    },
    "cause.xml-syntax": {
        "zh": "XML 内容不符合语法",
        "en": "the XML is malformed",
    },
    "cause.truncated": {
        "zh": "文件数据不完整，可能被截断",
        "en": "the file's data is incomplete, perhaps cut short",
    },
    "cause.unparsable": {
        "zh": "文件内容无法解析",
        "en": "the content cannot be parsed",
    },
    "corrupt.no-office-package": {
        "zh": "不是 Word 文档（没有 Office 文档包结构）",
        "en": "not a Word document (no Office package structure)",
    },
    "corrupt.docx-missing-part": {
        "zh": "docx 缺少必需的部分：{detail}",
        "en": "the docx lacks a required part: {detail}",
    },
    "corrupt.in-docx": {
        "zh": "docx：{cause}",
        "en": "docx: {cause}",
    },
    "corrupt.not-zip": {
        "zh": "不是 docx（zip）文件",
        "en": "not a docx (zip) file",
    },
    "corrupt.docx-main-type": {
        "zh": "不是 Word 文档（主体部分的类型为 {type}）",
        "en": "not a Word document (its main part is of type {type})",
    },
    "corrupt.in-wordml": {
        "zh": "Word 2003 XML：{cause}",
        "en": "Word 2003 XML: {cause}",
    },
    "corrupt.wordml-root": {
        "zh": "不是 Word 2003 XML 文档（根元素不是 w:wordDocument）",
        "en": "not a Word 2003 XML document (its root is not w:wordDocument)",
    },
    "corrupt.html-no-body": {
        "zh": "HTML 没有正文",
        "en": "the HTML has no body text",
    },
    "corrupt.mht-no-page": {
        "zh": "MHT 网页档案中没有网页（HTML）部分",
        "en": "the MHT web archive holds no web page (HTML) part",
    },
    "corrupt.mht-not-multipart": {
        "zh": "MHT 网页档案没有分段内容（multipart）",
        "en": "the MHT web archive has no multipart content",
    },
    "corrupt.not-mht": {
        "zh": "不是 MHT 网页档案（没有 MIME 信头）",
        "en": "not an MHT web archive (no MIME headers)",
    },
    "corrupt.tool": {
        "zh": "{tool} 无法读取该文件（详情：{detail}）",
        "en": "{tool} cannot read the file (detail: {detail})",
    },
    "corrupt.docx-no-body": {
        "zh": "不是 Word 文档（正文部分不是 Word 的正文格式）",
        "en": "not a Word document (its main part holds no Word body)",
    },
    "corrupt.zip-duplicate": {
        "zh": "压缩包中有两个同名的部分“{name}”，无法确定以哪个为准",
        "en": "the archive holds two parts named '{name}', so which one counts is unclear",
    },
    "corrupt.ofd-no-root": {
        "zh": "不是 OFD 文件（压缩包根目录中没有 OFD.xml）",
        "en": "not an OFD file (the archive has no OFD.xml at its root)",
    },
    "corrupt.ofd-missing-part": {
        "zh": "OFD 文件缺少必需的部分：{name}",
        "en": "the OFD file lacks a required part: {name}",
    },
    "corrupt.in-ofd": {
        "zh": "OFD 文件的“{part}”无法读取：{cause}",
        "en": "the OFD file's part '{part}' cannot be read: {cause}",
    },
    "corrupt.not-ofd": {
        "zh": "不是 OFD 文件，也不是 PDF、Word 或网页文件",
        "en": "not an OFD file, nor a PDF, Word file or web page",
    },
    "corrupt.mht-parts": {
        "zh": "MHT 网页档案的部分过多（超过 {limit} 个）",
        "en": "the MHT web archive holds too many parts (over {limit})",
    },
    "corrupt.rtf-bin": {
        "zh": "RTF 中声明的二进制数据超出了文件末尾",
        "en": "the RTF declares binary data that runs past the end of the file",
    },
    "corrupt.libreoffice-unopenable": {
        "zh": "LibreOffice 无法打开该文件",
        "en": "LibreOffice cannot open the file",
    },
    "corrupt.libreoffice": {
        "zh": "LibreOffice 无法转换该文件（详情：{detail}）",
        "en": "LibreOffice cannot convert the file (detail: {detail})",
    },
    "error.corrupt": {
        "zh": "文件已损坏或格式不正确：{error}",
        "en": "The file is corrupt or malformed: {error}",
    },
    "error.encrypted": {
        "zh": "文件已加密，请先解除密码保护再检查。",
        "en": "The file is encrypted; remove the password first.",
    },
    "error.needs-ocr": {
        "zh": "PDF 没有文字层（可能是扫描件），无法读取文字。请提供带文字的 PDF 或 Word 原件；"
        "或安装文字识别软件后重试（apt-get install tesseract-ocr tesseract-ocr-chi-sim），"
        "fzcheck 会自动识别扫描件（不超过 40 页）。",
        "en": "The PDF has no text layer (probably scanned), so its text cannot be read. Provide a PDF with"
        " text or the Word original, or install OCR (apt-get install tesseract-ocr tesseract-ocr-chi-sim)"
        " and fzcheck will read scans of up to 40 pages itself.",
    },
    "error.no-text": {
        "zh": "OFD 文件只有图像，没有文字（可能是扫描件），无法读取文字。请提供带文字的 OFD、PDF 或 Word 原件。",
        "en": "The OFD file holds only images, no text (probably scanned), so its text cannot be read."
        " Provide an OFD or PDF with text, or the Word original.",
    },
    "error.garbled-text": {
        "zh": "PDF 的文字层是乱码（第{pages}页的字体没有字符对照表，复制出的文字为私用区字符或“�”），"
        "无法读取文字。请提供 Word 原件或重新导出的 PDF；或安装文字识别软件后重试"
        "（apt-get install tesseract-ocr tesseract-ocr-chi-sim），fzcheck 会自动识别这些页（不超过 40 页）。",
        "en": "The PDF's text layer is garbled (the fonts of page(s) {pages} have no character map, so their"
        " text reads as private-use characters or �). Provide the Word original or a PDF exported again, or"
        " install OCR (apt-get install tesseract-ocr tesseract-ocr-chi-sim) and fzcheck will read those pages"
        " itself (up to 40 pages).",
    },
    "error.garbled-text.text": {
        "zh": "文字是乱码，无法检查：从{place}起（“{sample}……”）大量文字无法阅读。{cause}",
        "en": 'The text is garbled and cannot be checked: from {place} ("{sample}...") much of it is'
        " unreadable. {cause}",
    },
    "garble.cause.private-use": {
        "zh": "这是从 PDF 复制出的文字：PDF 的字体没有字符对照表，复制下来的是无意义的符号。"
        "请从 Word/WPS 原件复制文字，或直接检查原件（.docx 或 PDF 文件本身），不要从 PDF 复制。",
        "en": "This text was copied from a PDF whose fonts have no character map, so it copied as"
        " meaningless symbols. Copy from the Word/WPS original, or check the original file itself"
        " (.docx or the PDF), not text copied out of the PDF.",
    },
    "garble.cause.replacement": {
        "zh": "文字变成了“�”：这是从字体没有字符对照表的 PDF 复制的文字，或文件曾按错误的编码打开又保存，"
        "原文已丢失。请从 Word/WPS 原件复制文字，或直接检查原件（.docx 或 PDF 文件本身）。",
        "en": 'The characters became "�": the text was copied from a PDF whose fonts have no character'
        " map, or the file was opened with the wrong encoding and saved, and the original characters"
        " are lost. Copy from the Word/WPS original, or check the original file itself (.docx or PDF).",
    },
    "garble.cause.latin": {
        "zh": "中文变成了西文字母（如“æ³•”“ÖÎ”）：文件曾按西文编码打开又保存，或是从字体没有字符对照表的 PDF "
        "复制的。请找到原件，用 Word/WPS 打开后另存为 .docx 再检查；不要从 PDF 复制文字。",
        "en": 'The Chinese became Western letters (such as "æ³•" or "ÖÎ"): the file was opened with a'
        " Western encoding and saved again, or copied from a PDF whose fonts have no character map. Open"
        " the original in Word/WPS, save it as .docx and check that; do not copy text out of the PDF.",
    },
    "garble.cause.mojibake": {
        "zh": "文件曾按错误的编码打开后又保存（例如 UTF-8 文本被当作 GBK 打开，“法治政府”变成“娉曟不鏀垮簻”），"
        "部分字节已丢失，无法自动还原。请找到原件，用 Word/WPS 打开后另存为 .docx 再检查。",
        "en": "The file was opened with the wrong encoding and saved again (UTF-8 text read as GBK turns"
        " 法治政府 into 娉曟不鏀垮簻), and some bytes were lost, so it cannot be restored automatically."
        " Open the original in Word/WPS, save it as .docx and check that.",
    },
    "garble.cause.question-marks": {
        "zh": "中文被替换成了“?”：文件曾用不支持中文的编码（如 ANSI、ASCII）保存，原文已丢失。"
        "请用原件重新另存为 .docx 或 UTF-8 文本再检查。",
        "en": 'The Chinese characters were replaced by "?": the file was saved in an encoding without'
        " Chinese (ANSI, ASCII) and the original characters are lost. Save the original again as .docx"
        " or UTF-8 text and check that.",
    },
    "garble.kind.private-use": {
        "zh": "从字体没有字符对照表的 PDF 复制出的私用区符号",
        "en": "private-use symbols copied from a PDF whose fonts have no character map",
    },
    "garble.kind.replacement": {"zh": "无法识别的字符“�”", "en": 'unrecognisable characters "�"'},
    "garble.kind.latin": {
        "zh": "中文变成了西文字母（按西文编码打开过，或从 PDF 复制）",
        "en": "Chinese turned into Western letters (opened with a Western encoding, or copied from a PDF)",
    },
    "garble.kind.mojibake": {
        "zh": "按错误的编码打开后又保存的文字",
        "en": "text opened with the wrong encoding and saved again",
    },
    "garble.kind.question-marks": {
        "zh": "中文被替换成了“?”",
        "en": 'Chinese characters replaced by "?"',
    },
    "garble.restored": {
        "zh": "按原编码还原后应为“{restored}”",
        "en": 'read with its original encoding it is "{restored}"',
    },
    "garble.lost": {
        "zh": "原文已无法从这里还原，请从 Word/WPS 原件中重新复制",
        "en": "the original text cannot be recovered from here; copy it again from the Word/WPS original",
    },
    "error.lock-file": {
        "zh": "这是 Word/WPS 打开文件时生成的临时文件（文件名以 ~$ 开头），不是报告本身；请检查同一文件夹中的报告原件。",
        "en": "This is the temporary file Word/WPS keeps while a document is open (its name starts with ~$),"
        " not the report; check the report itself in the same folder.",
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
    "error.several-reports": {
        "zh": "文件中有{count}份法治政府建设年度报告：{titles}。这是多份报告的汇编，不能作为一份报告评分；"
        "请把每份报告另存为单独的文件，再逐份检查。",
        "en": "The file holds {count} rule-of-law reports: {titles}. A compilation cannot be scored as one"
        " report; save each report as a file of its own and check them one by one.",
    },
    "error.partial-page": {
        "zh": "这只是分页发布的报告中的一页（{place}有翻页链接“{text}”），报告的其余部分在另一页，不在本文件中；"
        "请把各页内容合并成一个文件后再检查。",
        "en": 'This is one page of a report published over several pages ({place} links "{text}"); the rest'
        " of the report is on another page, not in this file. Join the pages into one file and check that.",
    },
    "error.partial-page-linked": {
        "zh": "这只是分页发布的报告中的一页（网页上有翻页链接“{text}”），报告的其余部分在另一页，不在本文件中；"
        "请把各页内容合并成一个文件后再检查。",
        "en": 'This is one page of a report published over several pages (the page links "{text}"); the rest'
        " of the report is on another page, not in this file. Join the pages into one file and check that.",
    },
    "parts.title-at": {"zh": "{place}“{title}”", "en": '"{title}" ({place})'},
    "parts.untitled": {"zh": "（无标题）", "en": "(untitled)"},
    "parts.separator": {"zh": "；", "en": "; "},
    "parts.before": {"zh": "之前", "en": "before"},
    "parts.after": {"zh": "之后", "en": "after"},
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
    "notreport.off-subject": {
        "zh": "文中只有少量内容涉及法治建设，不像法治政府建设年度报告。",
        "en": "Only a small part of the text is about the rule of law; not such a report.",
    },
    "notreport.listing": {
        "zh": "这是列出多份报告标题（和链接）的目录页，不是报告本身；请打开其中的报告逐份检查。",
        "en": "This is an index page listing reports (with links), not a report; check each report it lists.",
    },
    "doctype.listing": {
        "zh": "列出了{count}份报告的标题，第一份在第{line}行：“{title}”",
        "en": 'it lists {count} report titles, the first on line {line}: "{title}"',
    },
    "doctype.reason-with-evidence": {
        "zh": "{reason}（判断依据：{evidence}）",
        "en": "{reason} (evidence: {evidence})",
    },
    "doctype.by-title": {"zh": "标题为“{title}”", "en": 'the title is "{title}"'},
    "doctype.by-first-line": {"zh": "首行为“{title}”", "en": 'the first line is "{title}"'},
    "doctype.by-addressee": {"zh": "主送称“{text}”", "en": 'it is addressed "{text}"'},
    "doctype.by-head": {"zh": "开头写有“{text}”", "en": 'the opening says "{text}"'},
    "doctype.report-title": {"zh": "标题为“{title}”", "en": 'the title is "{title}"'},
    "doctype.subject-hits": {
        "zh": "“法治政府建设”等主题词只出现{hits}次",
        "en": "subject words appear {hits} times",
    },
    "doctype.share": {
        "zh": "涉及法治的段落只占正文的{percent}%",
        "en": "paragraphs about law are {percent}% of the body",
    },
    # terminal output
    "ui.version": {"zh": "{prog}，版本 {version}", "en": "{prog}, version {version}"},
    "ui.score": {"zh": "得分", "en": "Score"},
    "ui.grade": {"zh": "等级", "en": "Grade"},
    "ui.passed": {"zh": "通过", "en": "passed"},
    "ui.failed": {"zh": "未通过", "en": "failed"},
    "ui.elements": {"zh": "要素检查", "en": "Elements"},
    "ui.findings": {"zh": "问题与建议", "en": "Findings"},
    "ui.suggestion": {"zh": "建议", "en": "Suggestion"},
    "ui.basis": {"zh": "依据", "en": "Basis"},
    "ui.line": {"zh": "第{line}行", "en": "line {line}"},
    "ui.line-column": {"zh": "第{line}行第{column}字", "en": "line {line}, character {column}"},
    "ui.after-line": {"zh": "第{line}行之后", "en": "after line {line}"},
    "ui.before-line": {"zh": "第{line}行之前", "en": "before line {line}"},
    "ui.at-start": {"zh": "在开头（第1行之前）", "en": "at the start (before line 1)"},
    "ui.headline": {
        "zh": "得分 {score}　等级 {grade}　{verdict}",
        "en": "Score {score}, grade: {grade}. Verdict: {verdict}",
    },
    "ui.passed-with-errors": {
        "zh": "通过（总分达标，但有 {count} 处错误需改正）",
        "en": "passed (the score reaches the pass mark, but {count} {count|error needs|errors need} fixing)",
    },
    "ui.no-findings": {"zh": "未发现问题。", "en": "No findings."},
    "ui.agency": {"zh": "机关", "en": "Agency"},
    "ui.year": {"zh": "年度", "en": "Year"},
    "ui.title": {"zh": "标题", "en": "Title"},
    "ui.date": {"zh": "成文日期", "en": "Date"},
    "ui.unknown": {"zh": "未识别", "en": "unknown"},
    "ui.ocr": {
        "zh": "扫描件：文字由软件识别（OCR）得出，个别字可能认错，引用的原文请对照原件。",
        "en": "Scanned: the text was recognised by OCR; a few characters may be wrong, so check quotes against the original.",
    },
    "ui.error": {"zh": "无法检查", "en": "Cannot check"},
    "ui.not-report": {"zh": "不是法治政府建设年度报告", "en": "Not a rule-of-law report"},
    "ui.summary": {
        "zh": "共 {total} 份：通过 {passed}，未通过 {failed}，无法检查 {errors}，非报告 {not_reports}",
        "en": "{total} {total|file|files}: {passed} passed, {failed} failed, {errors} could not be "
        "checked, {not_reports} not {not_reports|a report|reports}",
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
        "en": "To fix: {error} {error|error|errors}, {warning} {warning|warning|warnings}, "
        "{info} {info|note|notes}",
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
        "en": "{count} non-waived {count|finding|findings} at or above '{level}'",
    },
    "gate.not-report": {"zh": "不是法治政府建设年度报告", "en": "not a rule-of-law report"},
    "gate.error": {"zh": "未能检查（原因见上）", "en": "not checked (see above)"},
    # baseline
    "baseline.reason": {"zh": "已列入基线 {file}", "en": "in baseline {file}"},
    "baseline.written": {
        "zh": "已写入基线 {file}：{files} 份报告，{findings} 条问题",
        "en": "Baseline {file} written: {files} {files|report|reports}, {findings} {findings|finding|findings}",
    },
    "baseline.bad": {"zh": "基线文件无法使用：{file}：{error}", "en": "Unusable baseline {file}: {error}"},
    "baseline.old": {
        "zh": "基线文件 {file} 是旧版格式（version 1），其中的指纹算法已改变，无法与现在的问题对应。请用 fzcheck baseline 重新生成。",
        "en": "The baseline {file} has the old format (version 1), whose fingerprints are computed differently and match nothing now. Record it again with fzcheck baseline.",
    },
    "baseline.nul": {
        "zh": "文件名中有空字符（\\x00），没有这样的文件",
        "en": "there is no such file: its name has a NUL character (\\x00)",
    },
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
    "annotate.embedded-quote": {
        "zh": "原文（在文档嵌入的网页或文本中，批注无法挂在其上）：“{text}”",
        "en": 'Text (in a page or text embedded in the document, where no comment can be anchored): "{text}"',
    },
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
    "annotate.exists": {
        "zh": "{file} 已存在；如要覆盖请加 --force。",
        "en": "{file} exists; use --force to overwrite.",
    },
    "annotate.same-file": {
        "zh": "输出文件不能是被检查的文件本身：{file}",
        "en": "The output cannot be the input file itself: {file}",
    },
    "annotate.written": {
        "zh": "已写入 {file}：批注 {comments} 条，修订 {changes} 处。用 Word 或 WPS 打开，在“审阅”中查看批注和修订。",
        "en": "Wrote {file}: {comments} comments, {changes} tracked changes. Open it in Word or WPS"
        " and see them under Review.",
    },
    "annotate.written-comments": {
        "zh": "已写入 {file}：批注 {comments} 条。用 Word 或 WPS 打开，在“审阅”中查看批注。",
        "en": "Wrote {file}: {comments} comments. Open it in Word or WPS and see them under Review.",
    },
    "annotate.fixable": {
        "zh": "另有 {count} 处可以自动改正（如多余的空格、日期写法）：加 --fix 重新生成，即作为修订写入。",
        "en": "{count} {count|finding|findings} can be corrected automatically (stray spaces, date forms):"
        " run again with --fix to get {count|it|them} as tracked changes.",
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
    "audit.workers-cannot-start": {
        "zh": "工作进程无法启动（{detail}）。这是本机环境或规则包的问题，与被检查的文件无关；"
        "已检查的结果都已保存，排除问题后重新运行同一命令即可继续。",
        "en": "Worker processes cannot start ({detail}). The trouble is in this machine or the rule"
        " pack, not in the files checked; the results so far are kept: fix it and run the same"
        " command again to go on.",
    },
    "audit.worker-start.slow": {
        "zh": "连续 {count} 个工作进程在 {seconds} 秒内未能就绪",
        "en": "{count} workers in a row were not ready within {seconds} s",
    },
    "audit.worker-start.died": {
        "zh": "连续 {count} 个工作进程在启动时退出，退出码 {code}",
        "en": "{count} workers in a row exited while starting, exit code {code}",
    },
    "audit.worker-start.error": {
        "zh": "初始化出错：{error}",
        "en": "start-up failed: {error}",
    },
    "audit.locked": {
        "zh": "另一个审查（进程 {holder}）正在使用输出目录 {out}，请等它结束后再运行，或换一个 --out 目录。",
        "en": "Another audit (process {holder}) is using the output folder {out}; wait for it to "
        "finish or choose another --out folder.",
    },
    "audit.interrupted": {
        "zh": "审查已中断。已检查的结果都已保存，重新运行同一命令即可从中断处继续，已保存的文件不再重复检查。",
        "en": "Audit interrupted. The results checked so far are saved; run the same command again to "
        "continue where it stopped: files already saved are not checked again.",
    },
    "annotate.interrupted": {
        "zh": "批注已中断。没有写出批注文件，也没有留下写了一半的文件，重新运行同一命令即可。",
        "en": "Annotation interrupted. No annotated file was written, nor half of one; run the same "
        "command again.",
    },
    "check.interrupted": {
        "zh": "检查已中断。没有留下写了一半的输出文件，重新运行同一命令即可重新检查。",
        "en": "Check interrupted. No half-written output file was left; run the same command again "
        "to check the files again.",
    },
    "audit.resume-after-write": {
        "zh": "已检查的结果都已保存；处理好后重新运行同一命令即可接着完成，已保存的文件不再重复检查。",
        "en": "The results checked so far are saved; once this is resolved, run the same command "
        "again to finish: files already saved are not checked again.",
    },
    "audit.pruned": {
        "zh": "已从结果中移除 {count} 个不再存在的文件。",
        "en": "Removed {count} file(s) that no longer exist from the results.",
    },
    "audit.whole": {"zh": "全文", "en": "whole text"},
    "audit.dask-missing": {
        "zh": "--executor dask 需要安装 Dask：pip install 'fzcheck[dask]'",
        "en": "--executor dask needs Dask: pip install 'fzcheck[dask]'",
    },
    "audit.psycopg-missing": {
        "zh": "--store postgresql://… 需要安装 psycopg：pip install 'fzcheck[postgres]'",
        "en": "--store postgresql://… needs psycopg: pip install 'fzcheck[postgres]'",
    },
    "audit.store-not-url": {
        "zh": "--store 应为 postgresql://用户@主机/库名 形式的地址，而不是“{url}”。",
        "en": "--store takes a postgresql://user@host/database URL, not “{url}”.",
    },
    "audit.scheduler-needs-dask": {
        "zh": "--scheduler 只能与 --executor dask 一起使用。",
        "en": "--scheduler only works with --executor dask.",
    },
    # the audit dashboard (index.html): static labels ({{dash.…}} in dashboard.html) and the
    # templates its script fills ({name} and {count|one|many} as in fill())
    "dash.html-lang": {"zh": "zh-CN", "en": "en"},
    "dash.title": {"zh": "法治政府建设年度报告审查看板", "en": "Rule-of-law annual report audit dashboard"},
    "dash.histogram": {"zh": "得分分布", "en": "Score distribution"},
    "dash.heatmap": {
        "zh": "要素覆盖热力图（各年度具备该要素的报告比例）",
        "en": "Element coverage heat map (share of each year's reports that have the element)",
    },
    "dash.ranking": {"zh": "排名", "en": "Ranking"},
    "dash.ranking-hint": {
        "zh": "点击表头排序，点击一行查看详情",
        "en": "click a column header to sort, a row to see its details",
    },
    "dash.filter-text": {"zh": "按机关或文件名筛选", "en": "Filter by body or file name"},
    "dash.grade": {"zh": "等级", "en": "Grade"},
    "dash.all-grades": {"zh": "全部等级", "en": "All grades"},
    "dash.verdict": {"zh": "结论", "en": "Verdict"},
    "dash.all-verdicts": {"zh": "全部结论", "en": "All verdicts"},
    "dash.pass": {"zh": "通过", "en": "Passed"},
    "dash.fail": {"zh": "未通过", "en": "Failed"},
    "dash.status": {"zh": "状态", "en": "Status"},
    "dash.all-statuses": {"zh": "全部状态", "en": "All statuses"},
    "dash.col.rank": {"zh": "排名", "en": "Rank"},
    "dash.col.agency": {"zh": "机关", "en": "Body"},
    "dash.col.year": {"zh": "年度", "en": "Year"},
    "dash.col.score": {"zh": "得分", "en": "Score"},
    "dash.col.findings": {"zh": "问题数", "en": "Findings"},
    "dash.col.file": {"zh": "文件", "en": "File"},
    "dash.detail": {"zh": "报告详情", "en": "Report details"},
    "dash.detail-hint": {
        "zh": "点击左侧排名表中的一行，这里显示该报告的要素、问题清单和原文摘录。",
        "en": "Click a row of the ranking table to see the report's elements, findings and excerpts here.",
    },
    "dash.copies": {"zh": "雷同比对", "en": "Copied passages"},
    "dash.subtitle": {
        "zh": "规则包 {pack} · 共 {count} 个文件",
        "en": "Rule pack {pack} · {count} {count|file|files}",
    },
    "dash.card.files": {"zh": "文件", "en": "Files"},
    "dash.card.scored": {"zh": "已评分", "en": "Scored"},
    "dash.card.average": {"zh": "平均分", "en": "Average score"},
    "dash.card.trouble": {"zh": "无法检查", "en": "Not checked"},
    "dash.card.copies": {"zh": "雷同对", "en": "Copied pairs"},
    "dash.card.duplicates": {"zh": "重复提交", "en": "Filed twice"},
    "dash.histogram-label": {"zh": "得分分布直方图", "en": "Histogram of scores"},
    "dash.bin": {
        "zh": "{low}–{high} 分：{count} 份",
        "en": "{low}–{high} points: {count} {count|report|reports}",
    },
    "dash.axis.score": {"zh": "得分（分）", "en": "Score (points)"},
    "dash.axis.reports": {"zh": "报告数（份）", "en": "Reports"},
    "dash.all": {"zh": "全部", "en": "All"},
    "dash.year": {"zh": "{year}年", "en": "{year}"},
    "dash.unknown-year": {"zh": "年度未知", "en": "Year unknown"},
    "dash.heatmap-label": {"zh": "要素覆盖热力图", "en": "Element coverage heat map"},
    "dash.axis.elements": {
        "zh": "要素（格中为具备该要素的报告比例）",
        "en": "Elements (each cell: share of the reports that have it)",
    },
    "dash.axis.year": {"zh": "年度", "en": "Year"},
    "dash.row": {"zh": "{label}（{count}）", "en": "{label} ({count})"},
    "dash.cell": {
        "zh": "{row} · {name}：{present}/{count} 份具备",
        "en": "{row} · {name}: {present} of {count} {count|report has|reports have} it",
    },
    "dash.unidentified": {"zh": "（未识别）", "en": "(unidentified)"},
    "dash.filter-count": {
        "zh": "符合条件 {shown} / {total} 份",
        "en": "{shown} of {total} {total|report|reports} match",
    },
    "dash.first": {"zh": "« 首页", "en": "« First"},
    "dash.prev": {"zh": "‹ 上一页", "en": "‹ Previous"},
    "dash.page-number": {"zh": "页码", "en": "Page number"},
    "dash.page-before": {"zh": "第", "en": "Page"},
    "dash.page-after": {"zh": "/ {pages} 页", "en": "/ {pages}"},
    "dash.next": {"zh": "下一页 ›", "en": "Next ›"},
    "dash.last": {"zh": "末页 »", "en": "Last »"},
    "dash.page-size-label": {"zh": "每页行数", "en": "Rows per page"},
    "dash.page-size": {"zh": "每页 {n} 行", "en": "{n} rows per page"},
    "dash.no-excerpt": {"zh": "（无原文摘录）", "en": "(no excerpt)"},
    "dash.detail-title": {"zh": "报告详情：{name}", "en": "Report details: {name}"},
    "dash.detail-line": {
        "zh": "文件 {file} · 年度 {year} · 得分 {score} · {grade} · {verdict}",
        "en": "File {file} · year {year} · score {score} · {grade} · {verdict}",
    },
    "dash.unknown": {"zh": "未知", "en": "unknown"},
    "dash.not-embedded": {
        "zh": "共 {count} 个问题；报告较多时看板只收录得分最低报告的明细，全部问题见 audit.xlsx 的“问题清单”。",
        "en": "{count} {count|finding|findings}; with many reports the dashboard embeds the details of "
        'the lowest-scoring ones only; every finding is in the "Findings" sheet of audit.xlsx.',
    },
    "dash.no-findings": {"zh": "未发现问题。", "en": "No findings."},
    "dash.passages-not-embedded": {
        "zh": "雷同较多时看板只收录相同比例最高的雷同段落，本对的段落见 audit.xlsx 的“雷同”表。",
        "en": "With many copies the dashboard embeds the passages of the most similar pairs only; "
        'this pair\'s passages are in the "Copies" sheet of audit.xlsx.',
    },
    "dash.line": {"zh": "第{line}行 · ", "en": "line {line} · "},
    "dash.finding": {"zh": "{message}（{rule}）", "en": "{message} ({rule})"},
    "dash.suggestion": {"zh": "建议：{text}", "en": "Suggestion: {text}"},
    "dash.no-copies": {"zh": "未发现雷同。", "en": "No copied passages found."},
    "dash.pair": {"zh": "{kind} · {part} · 相同比例 {share}%", "en": "{kind} · {part} · {share}% identical"},
    "dash.unidentified-body": {"zh": "（未识别机关）", "en": "(unidentified body)"},
    "dash.pair-side": {"zh": "{agency} {year}年 · {file}", "en": "{agency} {year} · {file}"},
    "dash.more": {
        "zh": "再显示 {n} 对（已显示 {drawn} / {total}）",
        "en": "Show {n} more {n|pair|pairs} ({drawn} of {total} shown)",
    },
    # the audit workbook (audit.xlsx): sheet names (at most 31 characters) and column headers
    "book.sheet.summary": {"zh": "汇总", "en": "Summary"},
    "book.sheet.coverage": {"zh": "要素覆盖", "en": "Element coverage"},
    "book.sheet.findings": {"zh": "问题清单", "en": "Findings"},
    "book.sheet.copies": {"zh": "雷同", "en": "Copies"},
    "book.sheet.errors": {"zh": "错误", "en": "Errors"},
    # a sheet's rows past Excel's 1,048,576 go on in a sheet of this name after it (part 2, 3, …)
    "book.sheet.continued": {"zh": "{name}（续{part}）", "en": "{name} ({part})"},
    "book.col.rank": {"zh": "排名", "en": "Rank"},
    "book.col.file": {"zh": "文件", "en": "File"},
    "book.col.body": {"zh": "机关", "en": "Body"},
    "book.col.year": {"zh": "年度", "en": "Year"},
    "book.col.score": {"zh": "得分", "en": "Score"},
    "book.col.grade": {"zh": "等级", "en": "Grade"},
    "book.col.passed": {"zh": "是否通过", "en": "Verdict"},
    "book.col.findings": {"zh": "问题数", "en": "Findings"},
    "book.col.status": {"zh": "状态", "en": "Status"},
    "book.col.rule": {"zh": "规则", "en": "Rule"},
    "book.col.element": {"zh": "要素", "en": "Element"},
    "book.col.severity": {"zh": "级别", "en": "Severity"},
    "book.col.line": {"zh": "行", "en": "Line"},
    "book.col.problem": {"zh": "问题", "en": "Problem"},
    "book.col.suggestion": {"zh": "建议", "en": "Suggestion"},
    "book.col.excerpt": {"zh": "原文摘录", "en": "Excerpt"},
    "book.col.basis": {"zh": "依据", "en": "Basis"},
    "book.col.kind": {"zh": "类型", "en": "Kind"},
    "book.col.part": {"zh": "部分", "en": "Part"},
    "book.col.report": {"zh": "报告", "en": "Report"},
    "book.col.other": {"zh": "雷同对象", "en": "Copied with"},
    "book.col.other-body": {"zh": "对象机关", "en": "Its body"},
    "book.col.other-year": {"zh": "对象年度", "en": "Its year"},
    "book.col.share": {"zh": "相同比例", "en": "Identical share"},
    "book.col.passages": {"zh": "相同段落", "en": "Identical passages"},
    "book.col.code": {"zh": "错误代码", "en": "Error code"},
    "book.col.detail": {"zh": "说明", "en": "Explanation"},
    # an audited file's status and a copy pair's kind, as the dashboard and workbook name them
    "audit.status-name.ok": {"zh": "已检查", "en": "checked"},
    "audit.status-name.error": {"zh": "无法读取", "en": "unreadable"},
    "audit.status-name.timeout": {"zh": "超时", "en": "timed out"},
    "audit.status-name.memory": {"zh": "内存超限", "en": "out of memory"},
    "audit.status-name.crash": {"zh": "进程崩溃", "en": "crashed"},
    "audit.kind.across": {"zh": "不同单位雷同", "en": "copied across bodies"},
    "audit.kind.previous-year": {"zh": "与本单位往年雷同", "en": "copied from the body's earlier year"},
    "audit.kind.duplicate": {"zh": "同一单位同年度重复提交", "en": "submitted twice for the same year"},
    "audit.unknown-agency": {"zh": "未识别机关", "en": "unidentified body"},
    "audit.unknown-year": {"zh": "某", "en": "an unknown"},
    # ---- the self-check web service (fzcheck serve)
    "serve.title": {"zh": "法治政府建设年度报告自查", "en": "Rule-of-law annual report self-check"},
    "serve.intro": {
        "zh": "选择或拖入报告文件（txt、docx、pdf、ofd、html、doc、wps、rtf、odt、mht），或粘贴报告全文，然后检查。",
        "en": "Choose or drop a report file (txt, docx, pdf, ofd, html, doc, wps, rtf, odt, mht), or paste its text, then check.",
    },
    "serve.drop": {
        "zh": "把报告拖到这里，或点击选择文件",
        "en": "Drop a report here, or click to choose a file",
    },
    "serve.paste": {"zh": "或粘贴报告全文：", "en": "Or paste the report's text:"},
    "serve.check": {"zh": "检查粘贴的文本", "en": "Check the pasted text"},
    "serve.pack": {"zh": "规则包", "en": "Rule pack"},
    "serve.lang": {"zh": "English", "en": "中文"},
    "serve.busy": {"zh": "正在检查：{name}……", "en": "Checking {name}…"},
    "serve.busy-batch": {
        "zh": "正在检查第 {n} 个，共 {total} 个：{name}……",
        "en": "Checking {n} of {total}: {name}…",
    },
    "serve.batch-done": {
        "zh": "{total} 个文件都已检查。点列表中的文件名，查看各自的结果。",
        "en": "All {total} files are checked. Choose a file in the list to see its result.",
    },
    "serve.batch": {"zh": "本次检查的文件", "en": "Files checked"},
    "serve.checking": {"zh": "正在检查……", "en": "checking…"},
    "serve.waiting": {"zh": "等待检查", "en": "waiting"},
    "serve.unreadable": {
        "zh": "读不到“{name}”：文件可能已被移动或删除，或正在被其他程序占用。请重新选择它。",
        "en": "“{name}” cannot be read: it may have been moved or deleted, or another program is using it."
        " Choose it again.",
    },
    "serve.empty-folder": {
        "zh": "文件夹“{name}”里没有可检查的报告文件（txt、docx、pdf、ofd、html、doc、wps 等）。",
        "en": "The folder “{name}” holds no report file to check (txt, docx, pdf, ofd, html, doc, wps…).",
    },
    "serve.too-many": {
        "zh": "一次最多检查 {limit} 个文件，另外 {left} 个没有检查，请分批选择。",
        "en": "At most {limit} files are checked at a time; {left} more were not checked. Choose them next.",
    },
    "serve.done": {"zh": "检查完成：{name}，{verdict}", "en": "Checked: {name}, {verdict}"},
    "serve.failed": {"zh": "检查失败：{message}", "en": "The check failed: {message}"},
    "serve.unreachable": {
        "zh": "连不上检查服务。请确认运行 fzcheck serve 的窗口没有关闭（已关闭的，重新运行 fzcheck serve），"
        "然后再选一次文件。",
        "en": "The checking service cannot be reached. Make sure the window running fzcheck serve"
        " is still open (if it was closed, run fzcheck serve again), then choose the file again.",
    },
    "serve.status": {
        "zh": "检查服务出错（状态码 {status}），请刷新页面重试。",
        "en": "The checking service answered with an error (status {status}); reload the page and try again.",
    },
    "serve.offline": {
        "zh": "文件只在本服务上检查，不会发往其他地方；检查后即删除。",
        "en": "Files are checked on this service only, sent nowhere else, and discarded after the check.",
    },
    "serve.cancel": {"zh": "取消", "en": "Cancel"},
    "serve.cancelled": {"zh": "已取消检查：{name}。", "en": "Check cancelled: {name}."},
    "serve.kept": {
        "zh": "检查结果只保存在这台电脑的这个浏览器里，供刷新或返回本页时再显示。",
        "en": "Results are kept only in this browser on this computer, to show them again after Reload or Back.",
    },
    "serve.forget": {"zh": "清除本页记录", "en": "Clear this page's records"},
    "serve.forgotten": {
        "zh": "已清除本页记录：这个浏览器里不再保存检查过的文件和结果。",
        "en": "Records cleared: this browser keeps no checked file or result any more.",
    },
    "serve.download-html": {"zh": "下载结果（HTML）", "en": "Download the result (HTML)"},
    "serve.download-json": {"zh": "下载结果（JSON）", "en": "Download the result (JSON)"},
    "serve.download-docx": {"zh": "下载批注版 Word", "en": "Download the annotated Word file"},
    "serve.text": {"zh": "报告原文与问题", "en": "The report's text and its findings"},
    "serve.general": {"zh": "全文问题", "en": "Findings about the whole text"},
    "serve.missing-here": {"zh": "此处缺：{name}", "en": "missing here: {name}"},
    "serve.to-note": {"zh": "问题 {n}：看说明", "en": "finding {n}: read the note"},
    "serve.to-text": {"zh": "问题 {n}：回到原文", "en": "finding {n}: back to the text"},
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
        "zh": "文件超过上限 {limit}，多半是文中插入了图片。请删除图片（或另存一份不含图片的副本）后再检查。",
        "en": "The file is larger than the limit of {limit}, most likely because of pictures in it."
        " Remove them (or save a copy without pictures) and check that.",
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
    "serve.why.not-utf8": {"zh": "请求体不是 UTF-8 编码", "en": "the body is not UTF-8"},
    "serve.why.too-deep": {"zh": "嵌套过深", "en": "it is nested too deeply"},
    "serve.why.not-json": {
        "zh": "不是有效的 JSON（第 {line} 行第 {column} 列附近）",
        "en": "not valid JSON (near line {line}, column {column})",
    },
    "serve.why.not-object": {"zh": "收到的是{kind}", "en": "got {kind}"},
    "serve.why.not-string": {"zh": "字段 {name} 应为文字", "en": "the field {name} must be a string"},
    "serve.why.surrogate": {
        "zh": "字段 {name} 中有无效的 Unicode 字符（单独的代理项，如 \\ud800）",
        "en": "the field {name} holds an invalid Unicode character (a lone surrogate such as \\ud800)",
    },
    "serve.why.no-boundary": {
        "zh": "请求头 Content-Type 缺少 multipart 分隔符（boundary）",
        "en": "the Content-Type header has no multipart boundary",
    },
    "serve.why.too-many-fields": {"zh": "字段过多", "en": "it has too many fields"},
    "serve.why.too-many-files": {
        "zh": "一次只能上传一个文件",
        "en": "only one file can be uploaded at a time",
    },
    "serve.why.part-too-large": {"zh": "有一部分超过了大小上限", "en": "a part is over the size limit"},
    "serve.why.no-name": {"zh": "有一部分没有写字段名（name）", "en": "a part has no field name"},
    "serve.why.multipart": {"zh": "无法按 multipart 格式解析", "en": "it cannot be parsed as multipart data"},
    "serve.why.file-not-file": {
        "zh": "字段 file 应为上传的文件，而不是文字",
        "en": "the field file must be a file, not text",
    },
    "serve.why.not-text-field": {
        "zh": "字段 {name} 应为文字，而不是文件",
        "en": "the field {name} must be text, not a file",
    },
    "serve.why.disconnected": {"zh": "上传中途连接断开", "en": "the connection closed during the upload"},
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
    "serve.error.unavailable": {
        "zh": "检查服务现在无法启动检查进程（{detail}）。这是运行服务的电脑或规则包的问题，与您的文件无关；"
        "请稍后再试，或请管理员查看服务窗口的提示并重新运行 fzcheck serve。",
        "en": "The service cannot start its check processes now ({detail}). The trouble is in the computer"
        " running the service or the rule pack, not in your file; try again later, or ask the"
        " administrator to look at the service's window and run fzcheck serve again.",
    },
    "serve.error.not-found": {"zh": "没有这个页面或接口。", "en": "No such page or endpoint."},
    "serve.error.method": {
        "zh": "该地址不支持此请求方法。",
        "en": "This address does not accept that method.",
    },
    "serve.error.internal": {"zh": "服务内部错误，请稍后重试。", "en": "Internal error; please try again."},
    # ---- command line
    "cli.bad-date": {
        "zh": "日期应写成 YYYY-MM-DD（例如 2026-03-31），收到的是“{value}”。",
        "en": "Write the date as YYYY-MM-DD (e.g. 2026-03-31), not '{value}'.",
    },
    "cli.bad-size": {
        "zh": "“{value}”不是有效的大小，请写成 20MB、512KB 这样的形式。",
        "en": "'{value}' is not a size; write it like 20MB or 512KB.",
    },
    "cli.config-error": {"zh": "配置有误：{error}", "en": "Configuration error: {error}"},
    "cli.config-missing": {
        "zh": "找不到文件“{file}”，请检查 --config、--pack 或配置中的路径是否写对。",
        "en": "There is no file '{file}'; check the path given to --config, --pack or in the config.",
    },
    "cli.bad-pack": {
        "zh": "规则包无法使用：{error}\n内置规则包有 national、veterans、province-example；"
        "也可以给出规则包 YAML 文件的路径（fzcheck rules validate 文件 可检查其写法）。",
        "en": "Unusable rule pack: {error}\nBundled packs: national, veterans, province-example; "
        "or give the path of a pack YAML file (fzcheck rules validate FILE checks it).",
    },
    "cli.no-pack": {
        "zh": "没有名为“{name}”的规则包，也没有这个文件。内置规则包有 national、veterans、province-example；"
        "也可以给出规则包 YAML 文件的路径。",
        "en": "There is no rule pack or file named '{name}'. Bundled packs: national, veterans, "
        "province-example; or give the path of a pack YAML file.",
    },
    "cli.unknown-format": {
        "zh": "没有“{name}”这种输出格式，可用：{known}。",
        "en": "There is no output format '{name}'; use one of: {known}.",
    },
    "cli.too-many-outputs": {
        "zh": "--output 比 --format 多：每个 --output 对应一个 --format，请删去多余的 --output。",
        "en": "More --output than --format: each --output pairs with one --format; drop the extra ones.",
    },
    "cli.formats-need-outputs": {
        "zh": "指定了 {count} 种输出格式，但只有 {outputs} 个 --output：同一屏幕只能显示一种格式，"
        "请为其余格式各加一个 --output 文件（按顺序对应）。",
        "en": "{count} formats but {outputs} --output {outputs|file|files}: only one format can go to "
        "the screen; give every other format an --output file (in the same order).",
    },
    "cli.no-such-path": {
        "zh": "找不到“{path}”，请检查文件名和所在目录是否写对。",
        "en": "There is no '{path}'; check the file name and its folder.",
    },
    "cli.no-paths": {
        "zh": "请在命令后写上要检查的报告文件，例如：fzcheck check 报告.docx（也可以写一个文件夹）。",
        "en": "Name the report to check after the command, e.g. fzcheck check report.docx (a folder works too).",
    },
    "cli.no-reports": {
        "zh": "在 {where} 中没有找到可检查的报告文件（支持 txt、docx、pdf、ofd、html、doc、wps、rtf、odt、mht 等）。",
        "en": "No report files found in {where} (txt, docx, pdf, ofd, html, doc, wps, rtf, odt, mht, ... are supported).",
    },
    "cli.gate-failed": {"zh": "✗ {path}：{reasons}", "en": "✗ {path}: {reasons}"},
    "fmt.not-report-help": {
        "zh": "这个文件不像法治政府建设年度报告，门槛判为未通过。如果它确实不是报告，请在 .fzcheck.yaml 的 exclude 中排除它（pre-commit 钩子会用 --skip-non-reports 跳过它）；如果是报告，请补全标题、主要举措、问题不足和下一年度安排等内容。",
        "en": "This file does not look like a rule-of-law annual report, so the gate fails it. If it is not a report, exclude it in .fzcheck.yaml (the pre-commit hook skips it with --skip-non-reports); if it is one, complete its title, measures, problems and next year's plans.",
    },
    "cli.skipped-non-report": {
        "zh": "已跳过 {path}：不是法治政府建设年度报告，不计入结果（--skip-non-reports）。",
        "en": "Skipped {path}: not a rule-of-law report, so it does not count (--skip-non-reports).",
    },
    "cli.all-excluded": {
        "zh": "没有需要检查的报告：{count} 个文件都被配置文件的 exclude 排除。",
        "en": "Nothing to check: the config's exclude leaves out every file ({count}).",
    },
    "cli.cannot-write": {"zh": "无法写入“{file}”：{why}。", "en": "Cannot write '{file}': {why}."},
    "why.write.no-folder": {
        "zh": "所在的文件夹不存在，请先建好它，或换一个位置",
        "en": "its folder does not exist; create it first or choose another place",
    },
    "why.write.permission": {
        "zh": "没有写入权限，请换一个自己能写入的位置",
        "en": "you may not write there; choose a place of your own",
    },
    "why.write.directory": {
        "zh": "这是一个文件夹，请在后面写上文件名",
        "en": "it is a folder; add a file name to it",
    },
    "why.write.read-only": {
        "zh": "所在的磁盘是只读的，请换一个位置",
        "en": "the disk is read-only; choose another place",
    },
    "why.write.full": {
        "zh": "磁盘空间已满，请腾出空间或换一个位置",
        "en": "the disk is full; free some space or choose another place",
    },
    "why.write.no-reader": {
        "zh": "这是一个管道，但没有程序在读取它",
        "en": "it is a pipe that no program is reading",
    },
    "why.write.os": {
        "zh": "系统拒绝写入（{detail}），请换一个位置再试",
        "en": "the system refused ({detail}); try another place",
    },
    "cli.reason-separator": {"zh": "；", "en": "; "},
    "cli.no-rule": {
        "zh": "规则包 {pack} 中没有规则“{rule}”。用 fzcheck rules list 查看全部规则；可用：{known}",
        "en": "The pack {pack} has no rule '{rule}'. Run fzcheck rules list to see them all: {known}",
    },
    "cli.serving": {
        "zh": "fzcheck 自查页面：{url} （按 Ctrl+C 退出）",
        "en": "fzcheck self-check page: {url} (Ctrl+C to stop)",
    },
    # ---- rules list / explain / types
    "rules.col.rule": {"zh": "规则", "en": "Rule"},
    "rules.col.element": {"zh": "要素", "en": "Element"},
    "rules.col.severity": {"zh": "级别", "en": "Level"},
    "rules.col.weight": {"zh": "权重", "en": "Weight"},
    "rules.col.basis": {"zh": "依据", "en": "Basis"},
    "rules.valid": {
        "zh": "✓ {path}：{label}，{count} 条规则",
        "en": "✓ {path}: {label}, {count} {count|rule|rules}",
    },
    "rules.test.result": {"zh": "结果", "en": "Result"},
    "rules.test.none": {"zh": "无示例", "en": "no examples"},
    "rules.test.expect-pass": {"zh": "不应报出", "en": "must not be raised"},
    "rules.test.expect-fail": {"zh": "应当报出", "en": "must be raised"},
    "rules.test.not-raised": {"zh": "未报出", "en": "not raised"},
    "rules.disabled": {"zh": "（已停用）", "en": " (disabled)"},
    "rules.count": {"zh": "共 {count} 条规则", "en": "{count} {count|rule|rules}"},
    "explain.head": {"zh": "{rule}（{pack}）", "en": "{rule} ({pack})"},
    "explain.what": {"zh": "查什么", "en": "What it looks for"},
    "explain.element": {"zh": "针对", "en": "Part of the report"},
    "explain.level": {
        "zh": "级别：{severity}　权重：{weight}　{state}",
        "en": "Level: {severity}   weight: {weight}   {state}",
    },
    "explain.enabled": {"zh": "已启用", "en": "enabled"},
    "explain.disabled": {"zh": "已停用", "en": "disabled"},
    "explain.says": {"zh": "发现问题时提示", "en": "What it says when it fails"},
    "explain.pass": {"zh": "合格的例子（不会报出）", "en": "An example that passes"},
    "explain.fail": {"zh": "不合格的例子（会报出）", "en": "An example that fails"},
    "explain.no-example": {"zh": "（规则包中没有例子）", "en": "(the pack gives no example)"},
    "explain.basis": {"zh": "依据", "en": "Legal basis"},
    "explain.fix": {"zh": "怎么改", "en": "How to fix"},
    "explain.type": {"zh": "规则类型", "en": "Rule type"},
    "explain.more": {
        "zh": "（加 --verbose 可查看检索模式等技术细节）",
        "en": "(add --verbose for the search patterns and other technical details)",
    },
    "explain.params": {"zh": "参数（技术细节）", "en": "Parameters (technical)"},
    "explain.type-doc": {"zh": "规则类型说明（开发者文档）", "en": "Rule type documentation"},
    "explain.clipped": {"zh": "……（共 {chars} 字，已截断）", "en": "... ({chars} characters, cut short)"},
    "types.used-by": {"zh": "使用该类型的规则", "en": "Rules of this type"},
    "types.unused": {"zh": "（全国包中没有）", "en": "(none in the national pack)"},
    "param.line": {"zh": "{name}（{need}{kind}）", "en": "{name} ({need}{kind})"},
    "param.required": {"zh": "必填，", "en": "required, "},
    "param.none": {"zh": "（无参数）", "en": "(no parameters)"},
    "param.regex": {"zh": "正则表达式", "en": "regular expression"},
    "param.regex-list": {"zh": "正则表达式列表", "en": "list of regular expressions"},
    "param.list": {"zh": "列表", "en": "list"},
    "param.list-of": {"zh": "列表，{kind}", "en": "list of {kind}"},
    "param.enum": {"zh": "取值 {values}", "en": "one of {values}"},
    "param.type.integer": {"zh": "整数", "en": "integer"},
    "param.type.number": {"zh": "数", "en": "number"},
    "param.type.boolean": {"zh": "是/否", "en": "yes/no"},
    "param.type.string": {"zh": "文本", "en": "text"},
    "param.type.object": {"zh": "映射", "en": "mapping"},
    "types.params": {"zh": "可设参数", "en": "Parameters"},
    "types.values": {
        "zh": "提示、建议和修改中可写的值",
        "en": "Values a message, suggestion or fix may name",
    },
    "rules.weights": {
        "zh": "启用的规则权重合计 {total}：得分 = 100 × 得到的权重 ÷ {total}，权重 1 约合 {point} 分",
        "en": "enabled rules weigh {total} in all: score = 100 × weight kept ÷ {total}; a weight of 1 is about "
        "{point} points",
    },
    # ---- audit summary
    "audit.summary.files": {
        "zh": "共 {files} 个文件：本次检查 {checked} 个，内容未变跳过 {skipped} 个。",
        "en": "{files} {files|file|files}: {checked} checked now, {skipped} unchanged and skipped.",
    },
    "audit.summary.verdicts": {
        "zh": "已检查的 {reports} 份中未通过 {failed} 份；发现雷同 {copies} 对。",
        "en": "Of {reports} checked, {failed} failed; {copies} {copies|pair|pairs} of copies found.",
    },
    "audit.summary.duplicates": {
        "zh": "同一单位同年度重复提交 {duplicates} 对（不扣分，见雷同表）。",
        "en": "{duplicates} {duplicates|report|reports} submitted twice for the same year (not scored; see the copies sheet).",
    },
    "audit.summary.problems": {
        "zh": "未能检查：{problems}（详见输出表格）。",
        "en": "Could not be checked: {problems} (see the output tables).",
    },
    "progress.label": {"zh": "审查", "en": "Audit"},
    "progress.rate": {"zh": "份/秒", "en": "reports/s"},
    "progress.left": {"zh": "剩余", "en": "left"},
    "progress.problems": {"zh": "异常 {count}", "en": "{count} {count|problem|problems}"},
    "progress.line": {
        "zh": "{done}/{total} 份（跳过 {skipped}，异常 {problems}），{rate} 份/秒，预计剩余 {left} 秒",
        "en": "{done}/{total} {total|report|reports} ({skipped} skipped, {problems} "
        "{problems|problem|problems}), {rate} reports/s, about {left} s left",
    },
    "audit.status.error": {"zh": "无法读取 {count} 个", "en": "{count} unreadable"},
    "audit.status.timeout": {"zh": "超时 {count} 个", "en": "{count} timed out"},
    "audit.status.memory": {"zh": "内存超限 {count} 个", "en": "{count} out of memory"},
    "audit.status.crash": {"zh": "进程崩溃 {count} 个", "en": "{count} crashed"},
    # ---- fragments that rule types put into their rule's message template
    "rt.citation.misspelt": {"zh": "可能写错", "en": "may be misspelt"},
    "rt.citation.unknown": {"zh": "不在内置法规目录中，请核对名称", "en": "is not in the bundled list"},
    "rt.citation.not-in-force": {"zh": "于{date}才施行，晚于报告日期", "en": "only takes effect on {date}"},
    "rt.citation.not-promulgated": {
        "zh": "于{date}才公布，晚于报告日期",
        "en": "was only promulgated on {date}, after the report's date",
    },
    "rt.citation.repealed": {"zh": "已于{date}废止", "en": "was repealed on {date}"},
    "rt.citation.should-be": {"zh": "，应为《{title}》", "en": "; it should be 《{title}》"},
    "rt.causes.none": {"zh": "（未见原因分析的表述）", "en": " (no cause is stated)"},
    "rt.causes.stock": {
        "zh": "：写到的原因“{quote}”只是套话，没有说出本单位的具体原因",
        "en": ': the cause given, "{quote}", is stock wording that names nothing particular',
    },
    "rt.density.empty": {
        "zh": "；没有任何数据的小节：{titles}",
        "en": "; sub-sections without any: {titles}",
    },
    "rt.plan.share-only-item": {"zh": "唯一的一项没有", "en": "the only item does not name"},
    "rt.plan.share-none": {"zh": "{total}项都没有", "en": "none of the {total} items names"},
    "rt.plan.share-some": {
        "zh": "{total}项中只有{concrete}项",
        "en": "only {concrete} of {total} items name",
    },
    "rt.date.in-year": {
        "zh": "落在所报告的{year}年度之内，年度尚未结束",
        "en": "is inside the reported year {year}",
    },
    "rt.date.invalid": {"zh": "不是一个有效日期（没有这一天）", "en": "is not a valid date"},
    "rt.date.no-day": {"zh": "只写了年月，没有写日", "en": "gives the year and month but no day"},
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
    "rt.where.date": {"zh": "成文日期", "en": "date"},
    "rt.where.plan": {"zh": "下一年度安排", "en": "plan"},
    "rt.where.body": {"zh": "正文", "en": "body"},
    "rt.where.body-stale": {
        "zh": "正文（可能沿用了往年报告的文字）",
        "en": "body (perhaps text kept from an earlier report)",
    },
    "rt.where.body-later": {
        "zh": "正文（以报告年度之后的年份开头、又不是在说打算，可能是年份写错）",
        "en": "body (a sentence about a year after the one reported, not about plans: perhaps a slip)",
    },
    "rt.where.signature": {"zh": "落款", "en": "signature"},
    "rt.agree.year-many": {
        "zh": "{sources}均表明报告年度为{year}年",
        "en": "the {sources} all point to {year}",
    },
    "rt.agree.year-one": {"zh": "{sources}表明报告年度为{year}年", "en": "the {sources} points to {year}"},
    "rt.agree.year-none": {"zh": "正文多处写的是{year}年", "en": "the body mostly names {year}"},
    "rt.agree.name": {"zh": "{sources}写作“{name}”", "en": 'the {sources} name it "{name}"'},
    "rt.presence.missing": {"zh": "缺失", "en": "is missing"},
    # the text lacks it, the page it was copied from states it (a web copy's 成文日期)
    "rt.presence.page-note": {
        "zh": "（网页信息栏注明{label}为{value}，正文中也应写明）",
        "en": " (the page's information table gives {label} as {value}; the text should state it too)",
    },
    # where a missing part belongs, named by the headings around it (checker.check.placement)
    "rt.presence.missing-between": {
        "zh": "缺失，应写在“{after}”部分之后、“{before}”部分之前",
        "en": 'is missing; it belongs after "{after}" and before "{before}"',
    },
    "rt.presence.missing-after": {
        "zh": "缺失，应写在“{after}”部分之后",
        "en": 'is missing; it belongs after "{after}"',
    },
    "rt.presence.missing-after-signed": {
        "zh": "缺失，应写在“{after}”部分之后、落款之前",
        "en": 'is missing; it belongs after "{after}", before the signature',
    },
    "rt.presence.missing-before": {
        "zh": "缺失，应写在“{before}”部分之前",
        "en": 'is missing; it belongs before "{before}"',
    },
    "rt.presence.thin": {
        "zh": "内容过少（{chars}字，少于{min_chars}字）",
        "en": "is too thin ({chars} characters, fewer than {min_chars})",
    },
    "rt.presence.passing": {
        "zh": "没有单列成部分，只在其他段落中提及",
        "en": "has no part of its own, only a mention in other paragraphs",
    },
    "rt.list-separator": {"zh": "、", "en": ", "},
    # ---- hostile input: packs, configs, paths, budgets
    "regex.unsafe-nested": {
        "zh": "正则表达式含嵌套的重复（如 (a+)+、(.*){{20}}），遇到长行会灾难性回溯；请去掉外层或内层的重复",
        "en": "the regular expression nests a repeat inside a repeat (like (a+)+ or (.*){{20}}), "
        "which backtracks catastrophically on a long line; drop the inner or the outer repeat",
    },
    "regex.unsafe-overlap": {
        "zh": "正则表达式重复的分支可以从同一个字符开始（如 (a|ab)*），遇到长行会灾难性回溯；请让各分支互斥",
        "en": "the regular expression repeats alternatives that can start with the same character "
        "(like (a|ab)*), which backtracks catastrophically on a long line; make the branches exclusive",
    },
    "config.root": {"zh": "(根)", "en": "(root)"},
    "config.unreadable": {"zh": "无法读取：{why}", "en": "cannot be read: {why}"},
    "config.yaml-syntax": {
        "zh": "YAML 语法错误，请检查这一行及上一行的缩进、冒号、括号和引号是否写全、配对",
        "en": "YAML syntax error; check the indentation, colons and quotes on this line ({detail})",
    },
    "config.duplicate-key": {
        "zh": "这个字段写了两次（第一次在第 {first} 行），后写的会悄悄替换先写的；请删去或合并其中一处",
        "en": "this field is written twice (first on line {first}); the later one would silently replace the first, so remove or merge one",
    },
    "config.too-deep": {
        "zh": "嵌套过深（超过 {limit} 层），不像正常的配置，拒绝读取",
        "en": "nested deeper than {limit} levels; refused as no real configuration is",
    },
    "config.why.too-large": {"zh": "文件过大（超过 {limit} MB）", "en": "the file is larger than {limit} MB"},
    "config.why.not-utf8": {"zh": "不是 UTF-8 编码的文本", "en": "it is not UTF-8 text"},
    "config.alias-bomb": {
        "zh": "YAML 别名展开过多（超过 {limit} 个节点），疑似别名炸弹，拒绝读取",
        "en": "YAML aliases expand to too many nodes (over {limit}); refused as a possible alias bomb",
    },
    "config.unknown-field": {
        "zh": "未知字段“{name}”，请检查拼写",
        "en": "unknown field '{name}'; check its spelling",
    },
    "config.extends-cycle": {
        "zh": "规则包循环继承：{chain}",
        "en": "the pack extends itself in a cycle: {chain}",
    },
    "config.pack-missing": {"zh": "找不到规则包文件", "en": "the rule pack file does not exist"},
    "config.pack-not-mapping": {
        "zh": "规则包必须是一个 YAML 映射",
        "en": "a rule pack must be a YAML mapping",
    },
    "config.no-such-rule": {"zh": "没有 id 为“{rule}”的规则", "en": "there is no rule with id '{rule}'"},
    "config.pack-has-no-rule": {
        "zh": "规则包 {pack} 中没有 id 为“{rule}”的规则",
        "en": "the rule pack {pack} has no rule with id '{rule}'",
    },
    "config.bad-regex": {
        "zh": "正则表达式写法有误（第 {at} 个字符附近），请检查括号是否配对、特殊字符是否加了反斜杠",
        "en": "invalid regular expression: {detail}",
    },
    "config.unsafe-regex": {"zh": "{reason}", "en": "{reason}"},
    "config.rule-missing-field": {
        "zh": "新规则缺少必填字段“{name}”",
        "en": "the new rule lacks the required field '{name}'",
    },
    "config.unknown-element": {
        "zh": "未定义的要素“{name}”，可用：{known}",
        "en": "undefined element '{name}'; available: {known}",
    },
    "config.template-unknown-value": {
        "zh": "“{{{name}}}”不是 {type} 类型的规则能填入的值，会原样显示给读者；可用：{known}",
        "en": "'{{{name}}}' is not a value a {type} rule fills in, so readers would see it as written; "
        "available: {known}",
    },
    "config.template-braces": {
        "zh": "花括号不配对：{{名称}} 用来填入数值，要写花括号本身请连写两个（{{{{ 或 }}}}）",
        "en": "unbalanced braces: {{name}} fills in a value; write a brace itself twice ({{{{ or }}}})",
    },
    "config.not-chinese": {
        "zh": "没有中文：message、suggestion 用中文写，英文写在 message_en、suggestion_en",
        "en": "has no Chinese: write message and suggestion in Chinese, and English in message_en and "
        "suggestion_en",
    },
    "config.duplicate-id": {
        "zh": "同一个规则包里“{id}”写了两次（第一次在第 {first} 行）；要修改它请合并成一条",
        "en": "'{id}' is defined twice in this pack (first on line {first}); merge them into one",
    },
    "config.no-such-inherited-rule": {
        "zh": "继承的规则中没有“{rule}”，是不是“{close}”？如果是新规则，还缺少必填字段“{name}”",
        "en": "no inherited rule is called '{rule}'; did you mean '{close}'? A new rule also needs '{name}'",
    },
    "config.no-such-date": {
        "zh": "没有这一天：{value}（月-日，如 03-01；2月最多写到 02-28）",
        "en": "there is no such day: {value} (month-day such as 03-01; February up to 02-28)",
    },
    "config.window-reversed": {
        "zh": "报告期的开始（{start}）晚于结束（{end}），任何日期都会被判为逾期",
        "en": "the reporting window starts ({start}) after it ends ({end}); every date would be out of it",
    },
    "config.element-unfindable": {
        "zh": "要素“{name}”没有写 headings（小标题）或 keywords（关键词），fzcheck 无法在报告中找到它",
        "en": "the element '{name}' has neither headings nor keywords, so fzcheck cannot find it in a report",
    },
    "config.quoted-regex": {
        "zh": '正则表达式两头是中文引号（{value}），只会匹配带这对引号的原文；YAML 的引号要用英文半角 "…"',
        "en": "the regular expression is wrapped in Chinese quotes ({value}) and matches only text quoted "
        'so; YAML quotes are ASCII "…"',
    },
    "config.blank-replacement": {
        "zh": "替换成的文字是空白的；要删除原文请写 delete: true",
        "en": "the replacement is blank; to remove the text write delete: true",
    },
    "config.yaml-fullwidth-colon": {
        "zh": "YAML 语法错误：第 {at} 行键名后用了中文冒号“：”，请改成英文冒号加空格“: ”",
        "en": "YAML syntax error: line {at} has a Chinese colon '：' after a key; use an ASCII colon and a space",
    },
    "config.yaml-brace-value": {
        "zh": 'YAML 语法错误：第 {at} 行的值以花括号开头，YAML 会把它当成映射；请给整个值加上英文引号，如 "{{missing}}写明……"',
        "en": "YAML syntax error: the value on line {at} starts with a brace, which YAML reads as a mapping; "
        "put the whole value in ASCII quotes",
    },
    "config.yaml-tab": {
        "zh": "YAML 语法错误：第 {at} 行用 Tab 缩进，YAML 只能用空格缩进",
        "en": "YAML syntax error: line {at} is indented with a tab; YAML indents with spaces only",
    },
    "config.schema.too-short": {"zh": "不能为空，至少要写 {limit} 个字", "en": "must not be empty"},
    "config.unknown-type": {
        "zh": "未知规则类型“{name}”，可用：{known}",
        "en": "unknown rule type '{name}'; available: {known}",
    },
    "config.config-missing": {"zh": "找不到配置文件", "en": "the config file does not exist"},
    "config.config-not-mapping": {
        "zh": "配置文件必须是一个 YAML 映射",
        "en": "a config file must be a YAML mapping",
    },
    "config.waiver-reason": {"zh": "豁免必须写明理由", "en": "a waiver must give its reason"},
    "config.schema.type": {
        "zh": "应为{expected}，实际写的是 {value}",
        "en": "must be {expected}, not {value}",
    },
    "config.schema.enum": {
        "zh": "只能是以下之一：{choices}（实际写的是 {value}）",
        "en": "must be one of: {choices} (not {value})",
    },
    "config.schema.required": {"zh": "缺少必填字段“{name}”", "en": "the required field '{name}' is missing"},
    "config.schema.minimum": {
        "zh": "不能小于 {limit}（实际为 {value}）",
        "en": "must be at least {limit} (not {value})",
    },
    "config.schema.maximum": {
        "zh": "不能大于 {limit}（实际为 {value}）",
        "en": "must be at most {limit} (not {value})",
    },
    "config.schema.too-few": {"zh": "至少要有 {limit} 项", "en": "needs at least {limit} {limit|item|items}"},
    "config.schema.too-many": {
        "zh": "最多只能有 {limit} 项",
        "en": "takes at most {limit} {limit|item|items}",
    },
    "config.schema.pattern": {
        "zh": "写法不符合要求：{value}",
        "en": "is not written in the expected form: {value}",
    },
    "config.schema.unique": {"zh": "列表中有重复项", "en": "the list has duplicate items"},
    "config.schema.extra": {
        "zh": "有不认识的字段，请检查拼写",
        "en": "has a field that is not known; check the spelling",
    },
    "cli.not-finite": {
        "zh": "“{value}”不是有限的数字。",
        "en": "'{value}' is not a finite number.",
    },
    "config.no-pack": {
        "zh": "没有名为“{name}”的规则包，也没有这个文件；内置规则包有 national、veterans、province-example，"
        "也可以写规则包 YAML 文件的路径",
        "en": "there is no rule pack or file named '{name}'; bundled packs: national, veterans, "
        "province-example, or write the path of a pack YAML file",
    },
    "config.not-finite": {
        "zh": "应为有限的数字，实际写的是 {value}",
        "en": "must be a finite number, not {value}",
    },
    "config.schema.other": {"zh": "取值不符合要求", "en": "invalid value: {detail}"},
    "type.string": {"zh": "文字", "en": "text"},
    "type.integer": {"zh": "整数", "en": "a whole number"},
    "type.number": {"zh": "数字", "en": "a number"},
    "type.boolean": {"zh": "true 或 false", "en": "true or false"},
    "type.array": {"zh": "列表", "en": "a list"},
    "type.object": {"zh": "映射（键: 值）", "en": "a mapping (key: value)"},
    "type.null": {"zh": "空值", "en": "empty"},
    "type.other": {"zh": "其他类型", "en": "another type"},
    "type.date": {"zh": "日期 {value}", "en": "the date {value}"},
    "type.binary": {"zh": "二进制数据", "en": "binary data"},
    "config.not-regular": {
        "zh": "不是普通文件（{kind}），无法作为配置读取",
        "en": "not a regular file ({kind}); cannot be read as configuration",
    },
    "kind.directory": {"zh": "目录", "en": "a directory"},
    "kind.fifo": {"zh": "命名管道", "en": "a named pipe"},
    "kind.socket": {"zh": "套接字", "en": "a socket"},
    "kind.device": {"zh": "设备文件", "en": "a device"},
    "kind.special": {"zh": "特殊文件", "en": "a special file"},
    "error.too-deep": {
        "zh": "文档嵌套过深（超过 {limit} 层），不像一份正常的报告，为安全起见拒绝读取。",
        "en": "The document nests deeper than {limit} levels; refused as no real report does.",
    },
    "error.too-many-attributes": {
        "zh": "网页中有元素带有过多属性（{count} 个，上限 {limit} 个），不像一份正常的报告，为安全起见拒绝读取。",
        "en": "An element of the page carries too many attributes ({count}, limit {limit});"
        " refused as no real report does.",
    },
    "error.too-long": {
        "zh": "文本过长（{chars} 字，上限 {limit} 字），不像一份年度报告，已跳过。",
        "en": "The text is too long ({chars} characters, limit {limit}); not an annual report.",
    },
    "error.too-many-pages": {
        "zh": "文件页数过多（{pages} 页，上限 {limit} 页），不像一份年度报告，已跳过。",
        "en": "The document has too many pages ({pages}, limit {limit}); not an annual report.",
    },
    "error.too-many-lines": {
        "zh": "文档的行或段落过多（{lines} 个，上限 {limit} 个），不像一份年度报告，已跳过。",
        "en": "The document has too many lines or paragraphs ({lines}, limit {limit}); not an annual report.",
    },
    "error.not-regular": {
        "zh": "不是普通文件（{kind}），已跳过。",
        "en": "Not a regular file ({kind}); skipped.",
    },
}


LONG_COLUMN = 30  # a column this far into a line is worth naming; nearer the start the line will do


def place(line: int | None, column: int | None, lang: str = DEFAULT_LANG, *, exact: bool = False) -> str:
    """Where a person finds something: the line, plus the 字 offset only where the line is long
    (or ``exact``: to tell two places on one line apart)."""
    if not line:
        return ""
    if column and (exact or column > LONG_COLUMN):
        return t("ui.line-column", lang, line=line, column=column)
    return t("ui.line", lang, line=line)


def cn_date(value: object) -> str:
    """A date the way GB/T 9704 writes it: 2025年1月23日 (no zero padding)."""
    return f"{value.year}年{value.month}月{value.day}日"  # type: ignore[attr-defined]


MESSAGES.update(HELP)
MESSAGES.update(RULE_TYPE_TEXT)
MESSAGES.update(PREVIOUS_TEXT)


class _Keep(dict):
    """Format values that leave an unknown placeholder as written."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def plurals(template: str, values: dict) -> str:
    """Resolve ``{name|one|many}`` markers: ``one`` when ``values[name] == 1``, else ``many``."""

    def choose(match: re.Match) -> str:
        value = values.get(match.group(1))
        if value is None:
            return match.group(0)
        try:
            return match.group(2) if float(str(value)) == 1 else match.group(3)
        except ValueError:
            return match.group(3)

    return _PLURAL.sub(choose, template) if "|" in template else template


def template_names(template: str) -> list[str]:
    """The value names ``template`` fills in (plural markers included), in order;
    :class:`ValueError` when its braces are unbalanced."""
    import string

    plain = _PLURAL.sub(lambda match: "{" + match.group(1) + "}", template) if "|" in template else template
    names = []
    for _, field, _, _ in string.Formatter().parse(plain):
        if field is not None:
            names.append(re.split(r"[.\[!:]", field, maxsplit=1)[0])
    return names


_PLACEHOLDER = regex_cache.compile(r"\{[^{}]*\}")


def plain_template(template: str) -> str:
    """A message template as a reader sees it before any report fills it: placeholders as ……"""
    return _PLACEHOLDER.sub("……", template)


def fill(template: str, values: dict) -> str:
    """``template`` with plurals chosen and placeholders filled; unknown ones stay as written."""
    try:
        return plurals(template, values).format_map(_Keep(values))
    except (IndexError, ValueError, AttributeError):
        return template


class Key(str):
    """A message key given as an argument of another message: rendered in the reader's language."""


def t(key: str, lang: str = DEFAULT_LANG, **args: object) -> str:
    """Look up ``key`` in ``lang`` (falling back to Chinese) and fill in ``args``."""
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    template = entry.get(lang) or entry[DEFAULT_LANG]
    if any(hasattr(value, "in_lang") for value in args.values()):  # a reader's Phrase
        args = {name: _in_lang(value, lang) for name, value in args.items()}
    return fill(template, args)


def _in_lang(value: object, lang: str) -> object:
    """An argument with an ``in_lang`` method (:class:`checker.read.errors.Phrase`) rendered."""
    in_lang = getattr(value, "in_lang", None)
    return in_lang(lang) if callable(in_lang) else value
