"""``fzcheck baseline``: record today's findings so that CI fails only on new ones."""

from __future__ import annotations

import datetime as dt
import sys

import click

from checker.cli.check import prepare_or_exit
from checker.cli.options import check_options, config_options
from checker.i18n import t as msg
from checker.run.exitcodes import EXIT_OK

DEFAULT_BASELINE = ".fzcheck-baseline.json"


@click.command("baseline")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--output",
    "-o",
    default=None,
    type=click.Path(dir_okay=False),
    help=f"基线文件（默认取配置的 baseline，否则 {DEFAULT_BASELINE}）。",
)
@config_options
def baseline(
    paths: tuple[str, ...],
    output: str | None,
    config_file: str | None,
    no_config: bool,
    pack: str | None,
    lang: str,
    today: dt.date | None,
) -> None:
    """检查报告并把现有问题记入基线文件（按 文件路径、规则 id、指纹 记录）。

    之后用 fzcheck check --baseline 文件（或在配置中写 baseline:），基线中的问题标为
    已豁免，只有新问题导致未通过。
    """
    from checker.run.baseline import write_baseline
    from checker.run.config import resolve
    from checker.run.config_run import RunOptions, run, select_files

    options = RunOptions(check_options(pack, lang, today), config_file, not no_config, use_baseline=False)
    config, resolver = prepare_or_exit(options)
    files = select_files(config, paths)
    if not files:
        raise click.UsageError(f"在 {' '.join(paths) or './reports'} 中没有找到可检查的报告文件。")
    outcome = run(files, config, resolver, options, apply_gates=False)
    target = output or (str(resolve(config, config.baseline)) if config.baseline else DEFAULT_BASELINE)
    count = write_baseline(outcome.results, target, resolver.pack.label)
    reports = sum(r.status == "ok" and r.is_report for r in outcome.results)
    click.echo(msg("baseline.written", lang, file=target, files=reports, findings=count))
    for result in outcome.results:
        if result.status == "error" and result.error is not None:
            click.echo(f"✗ {result.path}：{result.error.message}", err=True)
    sys.exit(EXIT_OK)
