"""``fzcheck baseline``: record today's findings so that CI fails only on new ones."""

from __future__ import annotations

import datetime as dt
import sys

import click

from checker.cli.check import no_files_message, prepare_or_exit
from checker.cli.options import check_options, config_options
from checker.i18n import t as msg
from checker.run.exitcodes import EXIT_OK, EXIT_USAGE
from checker.terminal import visible

DEFAULT_BASELINE = ".fzcheck-baseline.json"


@click.command("baseline", help="help.baseline-cmd")
@click.argument("paths", nargs=-1, type=click.Path(), metavar="meta.paths")
@click.option(
    "--output",
    "-o",
    default=None,
    type=click.Path(dir_okay=False),
    metavar="meta.file",
    help="help.baseline.output",
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
    """Record the current findings in a baseline file (help: ``help.baseline-cmd``)."""
    from checker.outfiles import cannot_write
    from checker.run.baseline import BaselineRecord
    from checker.run.config import resolve
    from checker.run.config_run import RunOptions, check_files, select_files, start

    options = RunOptions(check_options(pack, lang, today), config_file, not no_config, use_baseline=False)
    config, resolver = prepare_or_exit(options)
    files = select_files(config, paths)
    if not files:
        raise click.UsageError(no_files_message(paths, lang))
    target = output or (str(resolve(config, config.baseline)) if config.baseline else DEFAULT_BASELINE)
    record = BaselineRecord(target, resolver.pack.label)
    unreadable: list[tuple[str, str]] = []

    def take(result) -> None:
        record.add(result)
        if result.status == "error" and result.error is not None:
            unreadable.append((result.path, result.error.message))

    outcome = start(config, resolver, options, apply_gates=False)
    check_files(outcome, files, resolver, options, apply_gates=False, on_result=take)
    try:
        count = record.write(target)
    except OSError as exc:
        click.echo(str(cannot_write(target, exc, lang)), err=True)
        sys.exit(EXIT_USAGE)
    click.echo(msg("baseline.written", lang, file=target, files=record.reports, findings=count))
    for path, message in unreadable:
        click.echo(visible(msg("cli.gate-failed", lang, path=path, reasons=message)), err=True)
    sys.exit(EXIT_USAGE if unreadable else EXIT_OK)  # as check: an input could not be read
