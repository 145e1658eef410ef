"""Messages of the comparison with last year's report (``fzcheck check/annotate --previous``, the
page's second file); part of the message catalogue."""

from __future__ import annotations

PREVIOUS_TEXT: dict[str, dict[str, str]] = {
    "help.previous": {
        "zh": "本单位上一年度的报告（任一支持的格式）：查出本报告照搬去年报告的部分（全文、主要举措和成效、"
        "存在的不足、下一年度安排），列出相同的段落及其所在行。只能配合一份报告使用。",
        "en": "This body's report of the year before (any supported format): find the parts of this "
        "report carried over from it (the whole text, measures, problems, next-year plan) and list the "
        "shared passages with their lines. Only with one report.",
    },
    "help.annotate.previous": {
        "zh": "本单位上一年度的报告（任一支持的格式）：照搬去年报告的每段文字各加一条批注，写明与去年相同。",
        "en": "This body's report of the year before (any supported format): each passage carried over"
        " from it gets a comment saying so.",
    },
    "serve.previous": {"zh": "去年的报告（可选）", "en": "Last year's report (optional)"},
    "serve.previous-hint": {
        "zh": "选了去年的报告，就会查出今年照搬去年的段落。",
        "en": "With last year's report chosen, the passages carried over from it are shown.",
    },
    "serve.previous-chosen": {
        "zh": "将与去年的报告 {name} 比对",
        "en": "Compared with last year's report {name}",
    },
    "serve.previous-clear": {"zh": "不比对", "en": "Do not compare"},
    "serve.previous-unnamed": {"zh": "去年的报告", "en": "last year's report"},
    "serve.why.previous-not-file": {
        "zh": "previous 字段应是文件（去年的报告），不是文字",
        "en": "the previous field must be a file (last year's report), not text",
    },
    "previous.one-report": {
        "zh": "--previous 只能配合一份报告使用（这次选了 {count} 个文件）：请只给出今年的那一份报告。",
        "en": "--previous works with one report only ({count} files were given): name this year's report alone.",
    },
    "previous.missing": {
        "zh": "找不到去年的报告 {path}，本次未与去年比对；请检查文件名和所在文件夹。",
        "en": "Last year's report {path} was not found, so no comparison was made; check the name and folder.",
    },
    "previous.not-file": {
        "zh": "{path} 是文件夹，不是去年的报告文件，本次未与去年比对；请给出一份报告文件。",
        "en": "{path} is a folder, not last year's report, so no comparison was made; name one report file.",
    },
    "previous.unreadable": {
        "zh": "去年的报告 {path} 无法读取（{error}），本次未与去年比对。",
        "en": "Last year's report {path} cannot be read ({error}), so no comparison was made.",
    },
    "previous.not-report": {
        "zh": "{path} 不像法治政府建设年度报告（{reason}），本次未与去年比对；请确认选的是去年的年度报告。",
        "en": "{path} does not look like a rule-of-law annual report ({reason}), so no comparison was made;"
        " make sure it is last year's report.",
    },
    "previous.same-file": {
        "zh": "去年的报告 {path} 与本次检查的是同一份报告，未比对；请选上一年度的报告。",
        "en": "Last year's report {path} is the report being checked, so no comparison was made;"
        " choose the report of the year before.",
    },
    "previous.not-year-before": {
        "zh": "注意：作为去年报告给出的 {path} 是{year}年的报告，本报告是{this_year}年的，不是上一年度；"
        "比对照常进行，请确认选对了文件。",
        "en": "Note: {path}, given as last year's report, is the {year} report and this one is for"
        " {this_year}, not the year before; compared anyway, make sure it is the right file.",
    },
    "previous.year-unknown": {
        "zh": "注意：未能从报告中读出年度，无法确认 {path} 是上一年度的报告；比对照常进行。",
        "en": "Note: the year could not be read from the reports, so {path} may not be the year"
        " before's; compared anyway.",
    },
    "previous.nothing-copied": {
        "zh": "已与去年的报告 {path} 比对：没有发现照搬的部分。",
        "en": "Compared with last year's report {path}: nothing was carried over.",
    },
    "previous.passage": {
        "zh": "“{quote}”与本单位{year}年报告相同（{part}部分照搬了去年的报告）。",
        "en": "“{quote}” is the same as in this body's {year} report (the {part} part was carried over).",
    },
    "previous.passage-suggestion": {
        "zh": "按本年度的实际情况改写这段。",
        "en": "Rewrite this passage for this year.",
    },
}
