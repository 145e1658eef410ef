"""``fzcheck check``: check reports, apply config, waivers and baseline, write each result as it
comes (:mod:`checker.cli.check_outputs`), gate."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click
from msgspec.structs import replace

from checker.cli.options import budget_options, check_options, config_options, gate_options
from checker.cli.translate import current_lang
from checker.cli.usage import error_text
from checker.i18n import t as msg
from checker.run.budget import Budget
from checker.run.exitcodes import EXIT_USAGE
from checker.terminal import visible

if TYPE_CHECKING:
    from checker.check.previous import PreviousReport
    from checker.model import Result
    from checker.options import CheckOptions


def no_files_message(paths: tuple[str, ...], lang: str) -> str:
    """Why nothing was checked, saying what to do: a path that does not exist, or no reports in it."""
    missing = [path for path in paths if not Path(path).exists()]
    if missing:
        return msg("cli.no-such-path", lang, path="、".join(missing))
    if not paths and not Path("reports").is_dir():
        return msg("cli.no-paths", lang)  # nothing named, and no ./reports to fall back on
    return msg("cli.no-reports", lang, where=" ".join(paths) or "./reports")


def prepare_or_exit(options):
    """Load config and pack, or print the error (file:line: field: problem) and exit 2."""
    from checker.cli.usage import load_pack_or_exit
    from checker.packs.yamlsrc import ConfigError
    from checker.run.config_run import prepare

    if isinstance(options.check.pack, str):
        load_pack_or_exit(options.check.pack)  # a pack named on the command line: say plainly what is wrong
    try:
        return prepare(options)
    except ConfigError as exc:
        click.echo(msg("cli.config-error", current_lang(), error=error_text(exc, current_lang())), err=True)
        sys.exit(EXIT_USAGE)
    except FileNotFoundError as exc:
        click.echo(msg("cli.config-missing", current_lang(), file=exc.filename or exc), err=True)
        sys.exit(EXIT_USAGE)


def load_previous_or_warn(path: str, options: CheckOptions, budget: Budget) -> PreviousReport | None:
    """Last year's report for ``--previous``, read within the same time and memory ``budget`` as
    any checked file (a hostile one must not hang the command), or None after saying why it
    cannot be used (the report is checked anyway)."""
    from functools import partial

    from checker.check.previous import over_budget, previous_or_why
    from checker.run.budget import run_within

    found = run_within(
        budget, Path(path), partial(previous_or_why, path, options), partial(over_budget, path, options.lang)
    )
    if isinstance(found, str):
        click.echo(visible(found), err=True)
        return None
    return found


@click.command(help="help.check", short_help="help.check.short")
@click.argument("paths", nargs=-1, type=click.Path(), metavar="meta.paths")
@click.option(
    "--format",
    "formats",
    multiple=True,
    default=("text",),
    show_default=True,
    metavar="text|json|sarif|junit|github|markdown",
    help="help.format",
)
@click.option(
    "--output", "-o", "outputs", multiple=True, type=click.Path(), metavar="meta.file", help="help.output"
)
@config_options
@gate_options
@click.option(
    "--baseline",
    "baseline",
    type=click.Path(dir_okay=False),
    default=None,
    metavar="meta.file",
    help="help.baseline",
)
@click.option("--no-baseline", is_flag=True, help="help.no-baseline")
@click.option("--no-waivers", is_flag=True, help="help.no-waivers")
@click.option("--skip-non-reports", is_flag=True, help="help.skip-non-reports")
@click.option(
    "--previous",
    type=click.Path(),
    default=None,
    metavar="meta.file",
    help="help.previous",
)
@click.option("--color/--no-color", default=None, help="help.color")
@budget_options(0, "help.check.timeout")
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
    skip_non_reports: bool,
    previous: str | None,
    color: bool | None,
    timeout: float,
    max_memory: int,
) -> None:
    """Check reports: select files, run, render each format, gate (help: ``help.check``)."""
    from checker.cli.check_outputs import Outputs
    from checker.formats import FORMATTERS
    from checker.outfiles import CannotWrite
    from checker.run.baseline import BaselineError
    from checker.run.config_run import RunOptions, check_files, selection, start
    from checker.run.stopping import exit_code_of, stopping_on_sigterm

    for name in formats:
        if name not in FORMATTERS:
            raise click.UsageError(
                msg("cli.unknown-format", lang, name=name, known="、".join(sorted(FORMATTERS)))
            )
    if len(outputs) > len(formats):
        raise click.UsageError(msg("cli.too-many-outputs", lang))
    if len(formats) - len(outputs) > 1:
        raise click.UsageError(
            msg("cli.formats-need-outputs", lang, count=len(formats), outputs=len(outputs))
        )
    options = RunOptions(
        check_options(pack, lang, today, fail_under=fail_under),
        config_file,
        not no_config,
        fail_on,
        baseline,
        not no_baseline,
        not no_waivers,
        Budget(timeout, max_memory),
        skip_non_reports,
    )
    config, resolver = prepare_or_exit(options)
    files, excluded = selection(config, paths)
    if not files and not excluded:
        raise click.UsageError(no_files_message(paths, lang))
    if not files:  # every file given is excluded (pre-commit passing only those): nothing to do
        click.echo(msg("cli.all-excluded", lang, count=excluded), err=True)
    if previous is not None:
        if len(files) > 1:
            raise click.UsageError(msg("previous.one-report", lang, count=len(files)))
        earlier = load_previous_or_warn(previous, replace(options.check, pack=resolver.pack), options.budget)
        options = replace(options, previous=earlier)
    try:
        outcome = start(config, resolver, options)
    except BaselineError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_USAGE)
    use_color = sys.stdout.isatty() if color is None else color
    render_options = replace(options.check, pack=resolver.pack)
    checked: list[Result] = []
    try:
        with stopping_on_sigterm():
            written = Outputs.open(formats, outputs, render_options, use_color)

            def on_result(result: Result) -> None:
                written.add(result)
                checked.append(result)

            try:
                check_files(outcome, files, resolver, options, on_result=on_result)
            except BaseException:
                written.discard()
                raise
            written.close()
    except CannotWrite as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt as stop:  # Ctrl+C or SIGTERM: the output files were removed unfinished
        click.echo(msg("check.interrupted", lang), err=True)
        sys.exit(exit_code_of(stop))
    if options.previous is not None:
        from checker.check.previous import notes

        for result, file in zip(checked, files, strict=False):
            for note in notes(result, str(file.resolve()), options.previous, lang):
                click.echo(visible(note), err=True)
    for path in outcome.skipped:
        click.echo(msg("cli.skipped-non-report", lang, path=path), err=True)
    for path, reasons in outcome.reasons.items():
        joined = msg("cli.reason-separator", lang).join(reasons)
        click.echo(visible(msg("cli.gate-failed", lang, path=path, reasons=joined)), err=True)
    sys.exit(outcome.code)
