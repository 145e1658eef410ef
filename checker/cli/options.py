"""Click options shared by the sub-commands, each defined once: ``--pack``, ``--lang``,
``--today``, ``--config`` (with ``--no-config``).

Use them as decorators (``@pack_option``) or all four at once (``@config_options``); turn the
values into the one options object with :func:`check_options`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from checker.options import LANGS, CheckOptions

if TYPE_CHECKING:
    from checker.packs.model import Pack

F = TypeVar("F", bound=Callable[..., Any])


def parse_today(value: str | None) -> dt.date | None:
    """``--today`` as a date (for reproducible date checks)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"日期格式应为 YYYY-MM-DD：{value}") from exc


def _today_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    return parse_today(value)


pack_option = click.option(
    "--pack",
    default=None,
    help="规则包名称或 YAML 文件路径（默认 national；check 与 baseline 先取配置文件的 pack）。",
)
lang_option = click.option("--lang", type=click.Choice(LANGS), default="zh", show_default=True)
today_option = click.option(
    "--today",
    default=None,
    callback=_today_callback,
    help="以该日期（YYYY-MM-DD）为“今天”检查日期，便于复现。",
)
config_option = click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    help="配置文件（默认从当前目录向上查找 .fzcheck.yaml）。",
)
no_config_option = click.option("--no-config", is_flag=True, help="不读取任何 .fzcheck.yaml。")


def config_options(func: F) -> F:
    """``--config``, ``--no-config``, ``--pack``, ``--lang``, ``--today`` (check, baseline)."""
    for option in reversed([config_option, no_config_option, pack_option, lang_option, today_option]):
        func = option(func)
    return func


def pack_lang_today(func: F) -> F:
    """``--pack``, ``--lang``, ``--today`` (commands that read no config file)."""
    for option in reversed([pack_option, lang_option, today_option]):
        func = option(func)
    return func


def check_options(
    pack: Pack | str | None = None, lang: str = "zh", today: dt.date | None = None, **more: Any
) -> CheckOptions:
    """The options object from the shared options' values (``more``: other fields)."""
    return CheckOptions(pack=pack, lang=lang, today=today, **more)
