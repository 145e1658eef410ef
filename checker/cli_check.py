"""``fzcheck check``: check reports and print them in one or more formats."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from checker.cli import EXIT_USAGE, exit_code


def parse_today(value: str | None) -> dt.date | None:
    """``--today`` as a date (for reproducible date checks)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"日期格式应为 YYYY-MM-DD：{value}") from exc


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "formats", multiple=True, default=("text",), show_default=True,
              help="输出格式，可多次指定：text、json（其余格式见 fzcheck check --help）。")
@click.option("--output", "-o", "outputs", multiple=True, type=click.Path(),
              help="写入文件（与 --format 按顺序对应；缺省写到标准输出）。")
@click.option("--pack", default="national", show_default=True, help="规则包名称或 YAML 文件路径。")
@click.option("--fail-under", type=click.FloatRange(0, 100), default=None,
              help="低于该分数即未通过（默认取规则包的 fail_under，全国包为 60）。")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
@click.option("--today", default=None, help="以该日期（YYYY-MM-DD）为“今天”检查日期，便于复现。")
@click.option("--color/--no-color", default=None, help="彩色输出（默认仅在终端中启用）。")
def check(paths: tuple[str, ...], formats: tuple[str, ...], outputs: tuple[str, ...], pack: str,
          fail_under: float | None, lang: str, today: str | None, color: bool | None) -> None:
    """检查一份或多份报告（文件或目录；不给路径时检查 ./reports）。

    退出码：0 全部通过；1 有报告未通过；2 用法错误或有文件无法读取（其余文件照常检查）。
    """
    from checker.api import check_file
    from checker.collect import collect_paths
    from checker.formats import FORMATTERS, RenderContext, formatter
    from checker.pack import load_pack
    from checker.yamlsrc import ConfigError

    for name in formats:
        if name not in FORMATTERS:
            raise click.UsageError(f"未知输出格式“{name}”，可用：{', '.join(sorted(FORMATTERS))}")
    if len(outputs) > len(formats):
        raise click.UsageError("--output 的个数不能多于 --format")
    try:
        rule_pack = load_pack(pack)
    except (ConfigError, FileNotFoundError) as exc:
        click.echo(f"规则包错误：{exc}", err=True)
        sys.exit(EXIT_USAGE)
    targets = list(paths) or (["reports"] if Path("reports").is_dir() else [])
    if not targets:
        raise click.UsageError("请给出要检查的文件或目录。")
    files = collect_paths(targets)
    if not files:
        raise click.UsageError(f"在 {' '.join(targets)} 中没有找到可检查的报告文件。")
    when = parse_today(today)
    results = [check_file(f, pack=rule_pack, fail_under=fail_under, lang=lang, today=when)
               for f in files]
    use_color = sys.stdout.isatty() if color is None else color
    for i, name in enumerate(formats):
        ctx = RenderContext(rule_pack, lang, use_color and i >= len(outputs), fail_under)
        rendered = formatter(name)(results, ctx)
        if i < len(outputs):
            Path(outputs[i]).write_text(rendered, encoding="utf-8")
        else:
            click.echo(rendered, nl=False, color=ctx.color)
    sys.exit(exit_code(results))


