"""Plain-language descriptions of the rule types (``ruletype.*``), for ``fzcheck rules types``
and ``rules explain``; part of the message catalogue. Written for agency staff, not programmers."""

from __future__ import annotations

RULE_TYPE_TEXT: dict[str, dict[str, str]] = {
    "ruletype.presence": {
        "zh": "报告里有没有这一部分，内容是否充实：找不到算缺失，字数太少或只在别处顺带一提算薄弱。",
        "en": "Whether the report has this part and whether it has substance: not found is missing; "
        "too short, or only mentioned in passing elsewhere, is weak.",
    },
    "ruletype.title-parts": {
        "zh": "标题是否写全：发文机关、年度、“法治政府建设”事由和文种“报告”。",
        "en": "Whether the title names the issuing body, the year, the subject (rule-of-law "
        "government building) and the document type (report).",
    },
    "ruletype.date-window": {
        "zh": "成文日期是否落在报告期内：报告上一年度的工作，应在次年第一季度成文，不能早于年度结束，也不能逾期。",
        "en": "Whether the date falls in the reporting window: a report on year Y is written in the "
        "first quarter of Y+1, not before the year ends and not after the deadline.",
    },
    "ruletype.date-form": {
        "zh": "成文日期的写法是否规范：用阿拉伯数字写全年、月、日，不加“0”，如“2025年1月23日”。",
        "en": "Whether the date is written in the standard form: Arabic numerals, full year, no zero "
        "padding, e.g. 2025年1月23日.",
    },
    "ruletype.forbidden": {
        "zh": "报告中不应出现的写法，例如在报告里提请示事项、用套话代替实际内容。",
        "en": "Wording that must not appear in a report, such as a request for approval or empty "
        "stock phrases.",
    },
    "ruletype.required-pattern": {
        "zh": "报告中应当写到的内容，例如本部门应当提到的法律法规。",
        "en": "Something the report must mention, such as the laws a department is expected to cite.",
    },
    "ruletype.coverage": {
        "zh": "这一部分是否写到了应有的几个方面，写到的不够数时列出缺了哪些。",
        "en": "Whether this part covers enough of the topics it should, and which ones are missing.",
    },
    "ruletype.density": {
        "zh": "这一部分有没有可核实的具体内容：次数、人次、件数、金额、比例、文件名称等，按每千字计算。",
        "en": "Whether this part holds facts that can be verified (counts, amounts, percentages, "
        "document titles), measured per 1,000 characters.",
    },
    "ruletype.causes": {
        "zh": "写不足时是否分析了原因，而不只是罗列问题。",
        "en": "Whether the shortcomings part explains why, not only what.",
    },
    "ruletype.stock-phrases": {
        "zh": "这一部分是否大多是放在哪个单位都适用的套话（如“学习不够深入”“意识有待提高”）。",
        "en": 'Whether this part is mostly boilerplate that would fit any body ("study not deep '
        'enough", "awareness needs raising").',
    },
    "ruletype.plan-concreteness": {
        "zh": "下一年度的安排能否在明年检查：各条是否写明任务、时限、数量或责任单位，而不只是口号。",
        "en": "Whether next year's plan can be checked next year: items name a task, a deadline, a "
        "quantity or an owner, not only slogans.",
    },
    "ruletype.plan-year": {
        "zh": "下一年度安排写的年份是否正好是报告年度的下一年。",
        "en": "Whether the plan is for the year after the reported one.",
    },
    "ruletype.year-consistency": {
        "zh": "标题、开头和各部分小标题写的年度是否一致。",
        "en": "Whether the title, the opening and the part headings name the same year.",
    },
    "ruletype.agency-consistency": {
        "zh": "标题、开头和落款中的机关名称是否一致、有没有写错字。",
        "en": "Whether the body's name agrees in the title, the opening and the signature, and is "
        "spelt right.",
    },
    "ruletype.citations": {
        "zh": "引用的法律法规名称是否写对，成文时是否已施行、有没有已被废止。",
        "en": "Whether cited laws and regulations are named right, in force at the report's date "
        "and not repealed.",
    },
    "ruletype.plenary-timeline": {
        "zh": "引用的党的大会、全会（以及习近平法治思想等有确定提出日期的表述）是否在报告成文之前已经召开或提出。",
        "en": "Whether the Party congresses and sessions cited (and ideas with a known date, such as "
        "习近平法治思想) had been held or named before the report was written.",
    },
    "ruletype.repetition": {
        "zh": "同一段文字是否在报告中写了两遍。",
        "en": "Whether the same passage is written twice in the report.",
    },
    "ruletype.proportion": {
        "zh": "两部分的篇幅是否相称，例如不足部分不能只有成效部分的零头。",
        "en": "Whether two parts are in proportion, e.g. shortcomings not a sliver of the results.",
    },
    "ruletype.publish-date": {
        "zh": "网上公开的日期是否在规定期限之前（全国为次年4月1日前）。",
        "en": "Whether the report was published by the deadline (nationally, before 1 April of the "
        "next year).",
    },
    "ruletype.other-documents": {
        "zh": "文件里除报告外是否还有其他文件（如放在报告前后的述法报告）：只检查报告，并提示略去了哪份文件、从第几行开始。",
        "en": "Whether the file holds another document besides the report (such as a 述法报告 before or "
        "after it): only the report is checked, and the document left out is named with its first line.",
    },
    "ruletype.copy": {
        "zh": "某一部分是否与其他单位或本单位往年的报告雷同（只在批量审查 fzcheck audit 中检查）。",
        "en": "Whether a part repeats another body's report or this body's earlier one (checked "
        "only in a bulk audit, fzcheck audit).",
    },
    "ruletype.garbled": {
        "zh": "有没有成段的乱码：从 PDF 复制出的无意义符号、按错误编码打开又保存的文字、被替换成“?”的中文。"
        "乱码段落无法检查，会指出位置；能还原的给出还原后的文字。",
        "en": "Whether passages are garbled: symbols copied out of a PDF, text opened with the wrong "
        'encoding and saved again, Chinese replaced by "?". Such passages cannot be checked; their place '
        "is shown, with the restored text where it can be restored.",
    },
    "ruletype.leftovers": {
        "zh": "有没有没填的模板文字：“××局”“20XX年”“X月X日”“XX个”“【单位名称】”“（此处填写……）”、Word 的"
        "“单击或点击此处输入文字。”。逐处指出，并说明这里应填写什么。",
        "en": "Whether template text was left unfilled: ××局, 20XX年, X月X日, XX个, 【单位名称】, "
        '（此处填写……）, Word\'s "Click or tap here to enter text.". Each is shown, with what belongs there.',
    },
}
