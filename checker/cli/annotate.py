"""``fzcheck annotate``: the report back as a Word document with comments (and fixes)."""

from __future__ import annotations

import datetime as dt
import sys

import click

from checker.cli.options import check_options, pack_lang_today
from checker.run.exitcodes import EXIT_USAGE, exit_code


@click.command()
@click.argument("report", type=click.Path())
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    default=None,
    help="写入的 Word 文件（默认与原文件同目录的 <文件名>.checked.docx；不会覆盖原文件）。",
)
@click.option("--fix", is_flag=True, help="把日期写法、空格、请示用语、本机关名称错字等机械性修改写成修订。")
@click.option("--force", is_flag=True, help="输出文件已存在时覆盖它。")
@pack_lang_today
def annotate(
    report: str,
    output: str | None,
    fix: bool,
    force: bool,
    pack: str | None,
    lang: str,
    today: dt.date | None,
) -> None:
    """检查一份报告，把结果写回 Word 文档：每条问题是一条批注（作者 fzcheck），
    缺少的部分在应在的位置批注，标题上是总评；加 --fix 时规范性修改以修订方式写入，
    可在 Word 或 WPS 的“审阅”中逐条接受或拒绝。

    \b
    退出码：0 通过；1 未通过或不是年度报告；2 文件无法检查、输出已存在或用法错误。
    """
    from checker.annotate import AnnotateError, annotate_file
    from checker.i18n import t
    from checker.packs.yamlsrc import ConfigError

    try:
        target, annotated = annotate_file(
            report, output, force=force, fix=fix, options=check_options(pack, lang, today)
        )
    except AnnotateError as exc:
        if exc.code in ("exists", "same-file"):
            click.echo(exc.message, err=True)
        else:
            where = t("ui.where", lang, where=exc.code)
            click.echo(
                f"✗ {report}：{t('ui.error', lang)}{where}{t('ui.colon', lang)}{exc.message}", err=True
            )
        sys.exit(EXIT_USAGE)
    except (ConfigError, FileNotFoundError) as exc:
        click.echo(f"配置错误：{exc}", err=True)
        sys.exit(EXIT_USAGE)
    result = annotated.result
    message = t("annotate.written", lang, file=target, comments=annotated.comments, changes=annotated.changes)
    click.echo(message)
    if not result.is_report:
        click.echo(f"✗ {report}：{result.not_report_reason or t('ui.not-report', lang)}", err=True)
    sys.exit(exit_code([result]))
