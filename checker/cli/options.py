"""Click options shared by the sub-commands, each defined once: ``--pack``, ``--lang``,
``--today``, ``--config`` (with ``--no-config``), and the gates ``--fail-under`` / ``--fail-on``.

Use them as decorators (``@pack_option``) or all four at once (``@config_options``); turn the
values into the one options object with :func:`check_options`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from checker.cli.translate import current_lang
from checker.i18n import t as msg
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
        raise click.BadParameter(msg("cli.bad-date", current_lang(), value=value)) from exc


def _today_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    return parse_today(value)


pack_option = click.option("--pack", default=None, metavar="meta.pack", help="help.pack-config")


def _lang_callback(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """A sub-command's own ``--lang``, else the one given before it (``fzcheck --lang en audit``)
    or ``FZCHECK_LANG``, which the top-level group has already read from the raw arguments."""
    if ctx.get_parameter_source(param.name or "lang") is click.core.ParameterSource.DEFAULT:
        return current_lang()
    return value


lang_option = click.option(
    "--lang",
    type=click.Choice(LANGS),
    default="zh",
    show_default=True,
    callback=_lang_callback,
    help="help.lang",
)
today_option = click.option(
    "--today", default=None, callback=_today_callback, metavar="meta.date", help="help.today"
)
config_option = click.option(
    "--config", "config_file", type=click.Path(dir_okay=False), metavar="meta.file", help="help.config"
)
no_config_option = click.option("--no-config", is_flag=True, help="help.no-config")


def config_options(func: F) -> F:
    """``--config``, ``--no-config``, ``--pack``, ``--lang``, ``--today`` (check, baseline, audit,
    annotate)."""
    for option in reversed([config_option, no_config_option, pack_option, lang_option, today_option]):
        func = option(func)
    return func


def pack_lang_today(func: F) -> F:
    """``--pack``, ``--lang``, ``--today`` (commands that read no config file)."""
    for option in reversed([pack_option, lang_option, today_option]):
        func = option(func)
    return func


SEVERITY_CHOICE = click.Choice(["error", "warning", "info"])
MAX_TIMEOUT = 1_000_000.0  # seconds (11 days); beyond it the system timer overflows: use 0 for none


class FiniteRange(click.FloatRange):
    """A number in a range, never ``nan`` or ``inf`` (Python's float() takes them; a NaN pass
    mark would pass every report, an infinite timeout overflows the timer)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        import math

        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(msg("cli.not-finite", current_lang(), value=value), param, ctx)
        return number


fail_under_option = click.option(
    "--fail-under", type=FiniteRange(0, 100), default=None, metavar="meta.score", help="help.fail-under"
)
fail_on_option = click.option("--fail-on", type=SEVERITY_CHOICE, default=None, help="help.fail-on")


def gate_options(func: F) -> F:
    """``--fail-under`` and ``--fail-on``: the same gates for check and audit."""
    return fail_under_option(fail_on_option(func))


def budget_options(min_timeout: float, timeout_help: str) -> Callable[[F], F]:
    """``--timeout`` and ``--max-memory`` (also spelt ``--memory``): the per-file budget of check,
    audit and annotate's callers. ``min_timeout``: 0 lets ``check`` turn the limit off; audit's
    workers always have one."""
    from checker.run.budget import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT

    timeout = click.option(
        "--timeout",
        type=FiniteRange(min_timeout, MAX_TIMEOUT),
        default=DEFAULT_TIMEOUT,
        show_default=True,
        metavar="meta.seconds",
        help=timeout_help,
    )
    memory = click.option(
        "--max-memory",
        "--memory",
        "max_memory",
        type=click.IntRange(0),
        default=DEFAULT_MEMORY_MB,
        show_default=True,
        metavar="meta.mb",
        help="help.max-memory",
    )

    def apply(func: F) -> F:
        return timeout(memory(func))

    return apply


def check_options(
    pack: Pack | str | None = None, lang: str = "zh", today: dt.date | None = None, **more: Any
) -> CheckOptions:
    """The options object from the shared options' values (``more``: other fields)."""
    return CheckOptions(pack=pack, lang=lang, today=today, **more)
