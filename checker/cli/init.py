"""``fzcheck init``: write a commented starter ``.fzcheck.yaml``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

import checker
from checker.cli.options import lang_option
from checker.i18n import t as msg
from checker.read import supported_suffixes
from checker.run.config import CONFIG_NAME
from checker.run.exitcodes import EXIT_OK, EXIT_USAGE

STARTER = """\
# fzcheck 项目配置。各字段的说明：{config_doc}
# 在 CI 中使用：{ci_doc}
# 字段有误时 fzcheck 会指出文件、行号和字段。
# 路径与通配符都相对于本文件所在目录；“**”可跨目录匹配。

# 规则包：内置包名（national 全国包、veterans 退役军人事务部门包、province-example 省级示例包）
# 或规则包 YAML 文件路径。
pack: national

# 低于该分数即未通过（默认取规则包的 fail_under，全国包为 60）。
fail_under: 60

# 有未豁免的该级别及以上问题即未通过：error、warning 或 info。不写则只看分数。
# fail_on: error

# 不给路径运行 fzcheck check 时检查哪些文件；exclude 总是生效。
# 支持的格式：{formats}。doc、wps 需要 LibreOffice 或 antiword，rtf、odt 需要 LibreOffice。
include:
{include}
exclude:
  - "reports/drafts/**"

# 调整单条规则：enabled（启用/停用）、severity（error/warning/info）、weight（权重）。
# 规则 id 见 fzcheck rules list。
rules:
  date-form: {{severity: info}}

# 对部分路径另行设置（后面的条目优先）。
# overrides:
#   - paths: ["reports/archive/**"]
#     fail_under: 50
#     rules:
#       date-window: {{enabled: false}}

# 豁免：问题照常显示并注明理由，但不再导致未通过；得分不变。理由必填。
# waivers:
#   - rule: signature-present
#     paths: ["reports/web/**"]
#     reason: 网页版转载不含落款
#   - fingerprint: 0123456789abcdef
#     reason: 已与起草单位确认

# 基线：fzcheck baseline -o .fzcheck-baseline.json 生成；其中的旧问题不再导致未通过。
# baseline: .fzcheck-baseline.json
"""


def doc_path(name: str) -> str:
    """Where a shipped document is: inside the installed package, else in the source checkout."""
    package = Path(checker.__file__).parent
    for candidate in (package / "docs" / name, package.parent / "docs" / name):
        if candidate.is_file():
            return str(candidate)
    return f"README.md（{name}）"


def starter_config() -> str:
    """The starter config: every supported format included, links to docs that exist here."""
    suffixes = supported_suffixes()
    include = "\n".join(f'  - "reports/**/*{suffix}"' for suffix in suffixes)
    formats = "、".join(s.lstrip(".") for s in suffixes)
    return STARTER.format(
        config_doc=doc_path("config.md"), ci_doc=doc_path("ci.md"), include=include, formats=formats
    )


@click.command("init", help="help.init")
@click.option("--force", is_flag=True, help="help.init.force")
@click.option(
    "--path",
    "target",
    default=CONFIG_NAME,
    show_default=True,
    type=click.Path(dir_okay=False),
    metavar="meta.file",
    help="help.init.path",
)
@lang_option
def init(force: bool, target: str, lang: str) -> None:
    """Write a starter config (help: ``help.init``)."""
    path = Path(target)
    if path.exists() and not force:
        click.echo(msg("init.exists", lang, file=target), err=True)
        sys.exit(EXIT_USAGE)
    path.write_text(starter_config(), encoding="utf-8")
    click.echo(msg("init.written", lang, file=target))
    sys.exit(EXIT_OK)
