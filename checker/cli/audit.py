"""``fzcheck audit``: check a whole corpus of reports into a resumable store and audit outputs."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from checker.cli.options import check_options, pack_lang_today


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="输出目录：audit.sqlite、audit.xlsx、results.json、results.csv、index.html。",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(0),
    default=0,
    show_default=True,
    help="并行进程数（0 表示使用全部 CPU 核）。",
)
@pack_lang_today
@click.option(
    "--timeout",
    type=click.FloatRange(0.1),
    default=30.0,
    show_default=True,
    help="单个文件的处理时限（秒），超时即终止并记为 timeout。",
)
@click.option(
    "--memory",
    "memory_mb",
    type=click.IntRange(0),
    default=1024,
    show_default=True,
    help="单个工作进程的内存上限（MB，0 为不限），超出记为 memory。",
)
@click.option("--progress/--no-progress", default=None, help="显示进度条（默认仅在终端中显示）。")
def audit(
    paths: tuple[str, ...],
    out_dir: str,
    jobs: int,
    pack: str | None,
    lang: str,
    today: dt.date | None,
    timeout: float,
    memory_mb: int,
    progress: bool | None,
) -> None:
    """批量审查：递归检查目录中的全部报告，发现雷同，生成汇总表格和看板。

    结果逐份写入 OUT/audit.sqlite；中断后重新运行会从中断处继续，内容未变的文件不再重复检查。
    单个文件无法读取、超时或超出内存都只记为一行异常，不影响其余文件。
    """
    from checker.audit.run import AuditOptions, run_audit
    from checker.packs.pack import load_pack
    from checker.packs.yamlsrc import ConfigError
    from checker.run.collect import collect_paths
    from checker.run.exitcodes import EXIT_USAGE

    try:
        rule_pack = load_pack(pack or "national")
    except (ConfigError, FileNotFoundError) as exc:
        click.echo(f"规则包错误：{exc}", err=True)
        sys.exit(EXIT_USAGE)
    if not collect_paths(paths):
        raise click.UsageError(f"在 {' '.join(paths)} 中没有找到可检查的报告文件。")
    checking = check_options(pack or rule_pack.id, lang, today)
    options = AuditOptions(checking, jobs=jobs, timeout=timeout, memory_mb=memory_mb, progress=progress)
    summary = run_audit(list(paths), Path(out_dir), options)
    statuses = "，".join(f"{name} {count}" for name, count in sorted(summary.statuses.items()))
    click.echo(
        f"共 {summary.files} 个文件：本次检查 {summary.checked}，未变跳过 {summary.skipped}；"
        f"状态：{statuses}；雷同 {summary.copies} 对。",
        err=True,
    )
    for path in summary.outputs:
        click.echo(path)
