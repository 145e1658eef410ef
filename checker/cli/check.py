"""``fzcheck check``: check reports, apply config, waivers and baseline, print, gate."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import replace
from pathlib import Path

import click

from checker.cli.options import check_options, config_options
from checker.run.exitcodes import EXIT_USAGE

SEVERITY_CHOICE = click.Choice(["error", "warning", "info"])


def prepare_or_exit(options):
    """Load config and pack, or print the error (file:line: field: problem) and exit 2."""
    from checker.packs.yamlsrc import ConfigError
    from checker.run.config_run import prepare

    try:
        return prepare(options)
    except (ConfigError, FileNotFoundError) as exc:
        click.echo(f"配置错误：{exc}", err=True)
        sys.exit(EXIT_USAGE)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "formats",
    multiple=True,
    default=("text",),
    show_default=True,
    help="输出格式，可多次指定：text、json、sarif、junit、github、markdown。",
)
@click.option(
    "--output",
    "-o",
    "outputs",
    multiple=True,
    type=click.Path(),
    help="写入文件（与 --format 按顺序对应；缺省写到标准输出）。",
)
@config_options
@click.option(
    "--fail-under",
    type=click.FloatRange(0, 100),
    default=None,
    help="低于该分数即未通过（默认取配置或规则包的 fail_under，全国包为 60）。",
)
@click.option(
    "--fail-on",
    type=SEVERITY_CHOICE,
    default=None,
    help="有未豁免的该级别及以上问题即未通过（error、warning 或 info）。",
)
@click.option(
    "--baseline",
    "baseline",
    type=click.Path(dir_okay=False),
    default=None,
    help="基线文件：其中已记录的问题标为已豁免，只有新问题导致未通过。",
)
@click.option("--no-baseline", is_flag=True, help="忽略配置文件中的 baseline。")
@click.option("--no-waivers", is_flag=True, help="忽略配置文件中的全部豁免。")
@click.option("--color/--no-color", default=None, help="彩色输出（默认仅在终端中启用）。")
def check(
    paths: tuple[str, ...],
    formats: tuple[str, ...],
    outputs: tuple[str, ...],
    config_file: str | None,
    no_config: bool,
    pack: str | None,
    lang: str,
    today: dt.date | None,
    fail_under: float | None,
    fail_on: str | None,
    baseline: str | None,
    no_baseline: bool,
    no_waivers: bool,
    color: bool | None,
) -> None:
    """检查一份或多份报告（文件或目录；不给路径时用配置的 include，否则检查 ./reports）。

    \b
    退出码：
      0  全部通过
      1  有报告未通过（得分低于 --fail-under，或有 --fail-on 级别及以上的未豁免问题，
         或不是法治政府建设年度报告）
      2  用法或配置错误，或有文件无法读取（其余文件照常检查并输出）
    """
    from checker.formats import FORMATTERS
    from checker.run.baseline import BaselineError
    from checker.run.config_run import RunOptions, run, select_files
    from checker.run.exitcodes import exit_code

    for name in formats:
        if name not in FORMATTERS:
            raise click.UsageError(f"未知输出格式“{name}”，可用：{', '.join(sorted(FORMATTERS))}")
    if len(outputs) > len(formats):
        raise click.UsageError("--output 的个数不能多于 --format")
    options = RunOptions(
        check_options(pack, lang, today, fail_under=fail_under),
        config_file,
        not no_config,
        fail_on,
        baseline,
        not no_baseline,
        not no_waivers,
    )
    config, resolver = prepare_or_exit(options)
    files = select_files(config, paths)
    if not files:
        where = " ".join(paths) or "./reports"
        raise click.UsageError(f"在 {where} 中没有找到可检查的报告文件。")
    try:
        outcome = run(files, config, resolver, options)
    except BaselineError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_USAGE)
    use_color = sys.stdout.isatty() if color is None else color
    _print(outcome.results, formats, outputs, replace(options.check, pack=resolver.pack), use_color)
    for path, reasons in outcome.reasons.items():
        click.echo(f"✗ {path}：{'；'.join(reasons)}", err=True)
    sys.exit(exit_code(outcome.results))


def _print(results, formats: tuple[str, ...], outputs: tuple[str, ...], options, color: bool) -> None:
    """Render ``results`` in each format: into the matching ``--output`` file, else stdout."""
    from checker.formats import RenderContext, formatter

    for i, name in enumerate(formats):
        ctx = RenderContext(options, color and i >= len(outputs))
        rendered = formatter(name)(results, ctx)
        if i < len(outputs):
            Path(outputs[i]).write_text(rendered, encoding="utf-8")
        else:
            click.echo(rendered, nl=False, color=ctx.color)
