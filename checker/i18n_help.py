"""Help texts of every command and option (``help.*``) and value placeholders (``meta.*``).

Part of the message catalogue (checker.i18n merges these in); the command line names keys,
checker.cli.translate fills them in the chosen language.
"""

from __future__ import annotations

_EXIT_ZH = """\b
退出码：
  0  全部通过
  1  有报告未通过（得分低于及格线、有 --fail-on 级别及以上的未豁免问题，
     或不是法治政府建设年度报告）
  2  用法或配置错误，或有文件无法读取（其余文件照常检查并输出）"""
_EXIT_EN = """\b
Exit codes:
  0  every report passed
  1  a report failed (score below the pass mark, a non-waived finding at or above
     --fail-on, or not a rule-of-law report)
  2  usage or configuration error, or a file could not be read (the others are still checked)"""

HELP: dict[str, dict[str, str]] = {
    "help.main": {
        "zh": "fzcheck：法治政府建设年度报告合规检查工具。\n\n用“fzcheck 命令 -h”查看各命令的用法。",
        "en": "fzcheck: checks annual rule-of-law government reports.\n\n"
        "Run 'fzcheck COMMAND -h' for a command's help.",
    },
    "help.version": {"zh": "显示版本号并退出。", "en": "Show the version and exit."},
    "help.lang": {
        "zh": "输出语言：zh（中文，默认）或 en（英文）。",
        "en": "Output language: zh (Chinese, the default) or en (English).",
    },
    "help.pack": {
        "zh": "规则包：内置包名（national、veterans、province-example）或规则包 YAML 文件路径。",
        "en": "Rule pack: a bundled name (national, veterans, province-example) or a pack YAML file.",
    },
    "help.pack-config": {
        "zh": "规则包：内置包名或 YAML 文件路径（默认取配置文件的 pack，否则 national）。",
        "en": "Rule pack: a bundled name or a YAML file (default: the config's pack, else national).",
    },
    "help.today": {
        "zh": "把该日期（YYYY-MM-DD）当作“今天”来检查日期，便于复现结果。",
        "en": "Treat this date (YYYY-MM-DD) as today when checking dates, for reproducible results.",
    },
    "help.config": {
        "zh": "配置文件（默认从当前目录向上查找 .fzcheck.yaml）。",
        "en": "Config file (default: the nearest .fzcheck.yaml from the current folder up).",
    },
    "help.no-config": {"zh": "不读取任何 .fzcheck.yaml。", "en": "Read no .fzcheck.yaml."},
    "help.check": {
        "zh": "检查一份或多份报告（文件或目录；不给路径时检查配置中 include 的文件，否则检查 ./reports）。"
        "可读取 txt、docx、pdf、ofd、html、doc、wps、rtf、odt、mht 等格式。\n\n" + _EXIT_ZH,
        "en": "Check one or more reports (files or folders; without paths, the config's include, "
        "else ./reports). Reads txt, docx, pdf, ofd, html, doc, wps, rtf, odt, mht and more.\n\n" + _EXIT_EN,
    },
    "help.check.short": {"zh": "检查报告。", "en": "Check reports."},
    "help.format": {
        "zh": "输出格式，可多次指定：text、json、sarif、junit、github、markdown。"
        "指定多个格式时，除最后一个外都要用 --output 写入文件。",
        "en": "Output format, may be repeated: text, json, sarif, junit, github, markdown. "
        "With several formats, every one but the last needs an --output file.",
    },
    "help.output": {
        "zh": "把结果写入该文件（与 --format 按顺序对应；缺省写到屏幕）。",
        "en": "Write the result to this file (paired with --format in order; default: the screen).",
    },
    "help.fail-under": {
        "zh": "得分低于该分数即未通过（默认取配置或规则包的 fail_under，全国包为 60）。",
        "en": "A report scoring below this fails (default: the config's or pack's fail_under, 60).",
    },
    "help.fail-on": {
        "zh": "有该级别及以上的未豁免问题即未通过：error（错误）、warning（警告）或 info（提示）。",
        "en": "A non-waived finding at or above this level fails the report: error, warning or info.",
    },
    "help.baseline": {
        "zh": "基线文件：其中已记录的问题标为已豁免，只有新问题导致未通过。",
        "en": "Baseline file: findings recorded in it are waived; only new ones fail.",
    },
    "help.check.timeout": {
        "zh": "单个文件的处理时限（秒，0 为不限），超时的文件记为 timeout，其余文件照常检查。",
        "en": "Time limit per file (seconds, 0: none); a file over it is a timeout row, the others are still checked.",
    },
    "help.max-memory": {
        "zh": "单个文件的内存上限（MB，0 为不限），超出的文件记为 memory，其余文件照常检查。",
        "en": "Memory limit per file (MB, 0: none); a file over it is a memory row, the others are still checked.",
    },
    "help.no-baseline": {"zh": "忽略配置文件中的 baseline。", "en": "Ignore the config's baseline."},
    "help.no-waivers": {"zh": "忽略配置文件中的全部豁免。", "en": "Ignore every waiver in the config."},
    "help.skip-non-reports": {
        "zh": "不是法治政府建设年度报告的文本（如 requirements.txt、README.txt）不判为未通过，只提示已跳过；pre-commit 钩子使用。",
        "en": "A text that is not a rule-of-law report (requirements.txt, README.txt) does not fail; it is noted as skipped. Used by the pre-commit hook.",
    },
    "help.color": {
        "zh": "彩色输出（默认只在终端中启用）。",
        "en": "Coloured output (default: only on a terminal).",
    },
    "help.rules": {
        "zh": "查看、解释、验证和测试规则包。",
        "en": "List, explain, validate and test rule packs.",
    },
    "help.rules.list": {"zh": "列出规则包中的全部规则。", "en": "List every rule of a pack."},
    "help.rules.list.format": {
        "zh": "text：对齐的表格；markdown：README 中的规则表。",
        "en": "text: an aligned table; markdown: the README's rule table.",
    },
    "help.rules.explain": {
        "zh": "用平实的话解释一条规则：查什么、合格与不合格的例子、依据、怎么改。",
        "en": "Explain a rule in plain words: what it looks for, a passing and a failing example, "
        "its legal basis, how to fix.",
    },
    "help.rules.types": {
        "zh": "列出全部规则类型：各查什么、可设哪些参数。",
        "en": "List every rule type: what each looks for and which parameters it takes.",
    },
    "help.verbose-patterns": {
        "zh": "也显示规则使用的检索模式（正则表达式）等技术细节。",
        "en": "Also show the search patterns (regular expressions) and other technical details.",
    },
    "help.rules.validate": {
        "zh": "用 JSON Schema 验证规则包；有错时给出文件、行号和字段。",
        "en": "Validate rule packs against the JSON Schema; errors name the file, line and field.",
    },
    "help.rules.test": {
        "zh": "运行规则包中每条规则的示例：合格示例不得报出该规则，不合格示例必须报出。\n\n"
        "不给参数时测试全国包。任一示例不符即退出码 1。",
        "en": "Run every rule's examples: a passing example must not raise the rule, a failing one must.\n\n"
        "Without arguments the national pack is tested. Exit code 1 when an example disagrees.",
    },
    "help.rules.test.verbose": {"zh": "也列出通过的示例。", "en": "Also list the examples that pass."},
    "help.audit": {
        "zh": "批量审查：递归检查目录中的全部报告，发现雷同，生成汇总表格和看板。\n\n"
        "结果逐份写入 OUT/audit.sqlite；中断后重新运行会从中断处继续，内容未变的文件不再重复检查。"
        "单个文件无法读取、超时或超出内存都只记为一行异常，不影响其余文件。"
        "有报告未通过（同 check 的及格线、--fail-on、配置和豁免）时退出码为 1。",
        "en": "Bulk audit: check every report under the folders, find copies, write summary tables "
        "and a dashboard.\n\nResults go into OUT/audit.sqlite one by one; a rerun resumes where it "
        "stopped and skips unchanged files. A file that cannot be read, times out or runs out of "
        "memory is one row of its own and does not stop the others. Exit code 1 when a report "
        "fails (the same pass mark, --fail-on, config and waivers as check).",
    },
    "help.audit.out": {
        "zh": "输出目录：audit.sqlite、audit.xlsx、results.json、results.csv、index.html。",
        "en": "Output folder: audit.sqlite, audit.xlsx, results.json, results.csv, index.html.",
    },
    "help.audit.jobs": {
        "zh": "并行进程数（0 表示使用全部 CPU 核）。",
        "en": "Worker processes (0: one per CPU core).",
    },
    "help.annotate.timeout": {
        "zh": "处理时限（秒，0 为不限），超时即停止，不写出批注文件，退出码为 2。",
        "en": "Time limit (seconds, 0: none); over it the report is skipped, nothing is written, exit code 2.",
    },
    "help.audit.timeout": {
        "zh": "单个文件的处理时限（秒），超时即终止并记为超时。",
        "en": "Time limit per file (seconds); a file over it is stopped and recorded as timed out.",
    },
    "help.audit.store": {
        "zh": "共享的 PostgreSQL 库（需安装 fzcheck[postgres]）；默认写入 OUT/audit.sqlite。",
        "en": "A shared PostgreSQL store (needs fzcheck[postgres]); default: OUT/audit.sqlite.",
    },
    "help.audit.executor": {
        "zh": "执行方式：processes 为本机进程池；dask 为 Dask 集群（需安装 fzcheck[dask]）。",
        "en": "Where files are checked: processes, a pool on this machine; dask, a Dask cluster "
        "(needs fzcheck[dask]).",
    },
    "help.audit.scheduler": {
        "zh": "Dask 调度器地址；不指定时在本机启动 LocalCluster（进程数同 --jobs，默认 2）。",
        "en": "Dask scheduler address; without it a LocalCluster starts here (--jobs processes, default 2).",
    },
    "help.audit.progress": {
        "zh": "显示进度条（默认只在终端中显示）。",
        "en": "Show a progress bar (default: only on a terminal).",
    },
    "help.baseline-cmd": {
        "zh": "检查报告并把现有问题记入基线文件（按文件路径、规则和指纹记录）。\n\n"
        "之后运行 fzcheck check --baseline 文件（或在配置中写 baseline:），基线中的问题标为"
        "已豁免，只有新问题导致未通过。",
        "en": "Check reports and record their findings in a baseline file (by path, rule and "
        "fingerprint).\n\nThen fzcheck check --baseline FILE (or baseline: in the config) marks "
        "those findings waived; only new ones fail.",
    },
    "help.baseline.output": {
        "zh": "基线文件（默认取配置的 baseline，否则 .fzcheck-baseline.json）。",
        "en": "Baseline file (default: the config's baseline, else .fzcheck-baseline.json).",
    },
    "help.init": {
        "zh": "在当前目录写一份带注释的 .fzcheck.yaml 起步配置（已存在时不覆盖，除非加 --force）。",
        "en": "Write a commented starter .fzcheck.yaml here (an existing one is kept unless --force).",
    },
    "help.init.force": {"zh": "覆盖已有的配置文件。", "en": "Overwrite an existing config file."},
    "help.init.path": {"zh": "写到哪个文件。", "en": "The file to write."},
    "help.serve": {
        "zh": "启动自查网页和接口：把报告拖进去即可检查（默认只在本机可访问）。",
        "en": "Start the self-check page and API: drop a report on it to check it (by default only "
        "this computer can reach it).",
    },
    "help.serve.port": {"zh": "端口（0 为任选空闲端口）。", "en": "Port (0: any free port)."},
    "help.serve.workers": {
        "zh": "同时检查的工作进程数（0 为每个 CPU 核一个）。",
        "en": "Worker processes checking at once (0: one per CPU core).",
    },
    "help.serve.max-upload": {
        "zh": "单次上传的大小上限，超过即拒收（答 413）。",
        "en": "Largest upload accepted; a larger one is refused (413).",
    },
    "help.serve.queue": {
        "zh": "可排队等待的检查数，满了即请稍后再试（答 503）。",
        "en": "Checks that may wait in the queue; when full, clients are asked to retry (503).",
    },
    "help.serve.host": {
        "zh": "监听地址（默认只在本机可访问）。",
        "en": "Address to listen on (default: this computer only).",
    },
    "help.annotate": {
        "zh": "检查一份报告，把结果写回 Word 文档：每条问题是一条批注（作者 fzcheck），"
        "缺少的部分在应在的位置批注，标题上是总评；加 --fix 时规范性修改以修订方式写入，"
        "可在 Word 或 WPS 的“审阅”中逐条接受或拒绝。\n\n"
        "\b\n退出码：0 通过；1 未通过或不是年度报告；2 文件无法检查、输出已存在或用法错误。",
        "en": "Check one report and write the result back as a Word document: every finding is a "
        "comment (by fzcheck), a missing part is commented where it belongs, the title carries the "
        "verdict; with --fix, mechanical corrections are tracked changes to accept or reject in "
        "Word or WPS (Review).\n\n\b\nExit codes: 0 passed; 1 failed or not an annual report; "
        "2 the file cannot be checked, the output exists, or a usage error.",
    },
    "help.annotate.output": {
        "zh": "写入的 Word 文件（默认与原文件同目录的 <文件名>.checked.docx；不会覆盖原文件）。",
        "en": "The Word file to write (default: <name>.checked.docx next to the report; the report "
        "itself is never overwritten).",
    },
    "help.annotate.fix": {
        "zh": "把日期写法、空格、请示用语、本机关名称错字等机械性修改写成修订。",
        "en": "Write mechanical corrections (date form, spaces, requests, typos in the body's name) "
        "as tracked changes.",
    },
    "help.annotate.force": {
        "zh": "输出文件已存在时覆盖它。",
        "en": "Overwrite the output file if it exists.",
    },
    # value placeholders in usage and option lists
    "meta.paths": {"zh": "[文件或目录]...", "en": "[PATHS]..."},
    "meta.paths-required": {"zh": "文件或目录...", "en": "PATHS..."},
    "meta.packs": {"zh": "规则包...", "en": "PACKS..."},
    "meta.packs-optional": {"zh": "[规则包]...", "en": "[PACKS]..."},
    "meta.rule": {"zh": "规则", "en": "RULE"},
    "meta.file": {"zh": "文件", "en": "FILE"},
    "meta.dir": {"zh": "目录", "en": "DIR"},
    "meta.pack": {"zh": "规则包", "en": "PACK"},
    "meta.date": {"zh": "日期", "en": "DATE"},
    "meta.score": {"zh": "分数", "en": "SCORE"},
    "meta.number": {"zh": "数", "en": "N"},
    "meta.seconds": {"zh": "秒", "en": "SECONDS"},
    "meta.mb": {"zh": "MB", "en": "MB"},
    "meta.size": {"zh": "大小", "en": "SIZE"},
    "meta.host": {"zh": "地址", "en": "HOST"},
    "meta.options": {"zh": "[选项]", "en": "[OPTIONS]"},
    "meta.command": {"zh": "命令 [参数]...", "en": "COMMAND [ARGS]..."},
}
