"""``fzcheck annotate``: the report back as a Word document with comments (and fixes).

The report is judged as ``fzcheck check`` judges it: the same ``.fzcheck.yaml`` (found from
the current folder up, or ``--config``; none with ``--no-config``) gives its pack, rule
overrides, waivers, baseline and gates, so the comments and the exit code are check's.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from checker.cli.check import prepare_or_exit
from checker.cli.options import check_options, config_options
from checker.cli.usage import error_text
from checker.run.exitcodes import EXIT_USAGE, exit_code


@click.command(help="help.annotate")
@click.argument("report", type=click.Path(), metavar="meta.file")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    default=None,
    metavar="meta.file",
    help="help.annotate.output",
)
@click.option("--fix", is_flag=True, help="help.annotate.fix")
@click.option("--force", is_flag=True, help="help.annotate.force")
@config_options
def annotate(
    report: str,
    output: str | None,
    fix: bool,
    force: bool,
    config_file: str | None,
    no_config: bool,
    pack: str | None,
    lang: str,
    today: dt.date | None,
) -> None:
    """Annotate a report as a Word document (help: ``help.annotate``)."""
    from checker.annotate import AnnotateError, annotate_file
    from checker.i18n import t
    from checker.packs.yamlsrc import ConfigError
    from checker.run.baseline import BaselineError, load_baseline
    from checker.run.config_run import RunOptions, baseline_file, file_options, settle

    options = RunOptions(check_options(pack, lang, today), config_file, not no_config)
    config, resolver = prepare_or_exit(options)
    settings = resolver.for_file(report)
    reasons: list[str] = []
    try:
        source = baseline_file(config, options)
        baseline = load_baseline(source, lang) if source else None
    except BaselineError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_USAGE)

    def settled(result):
        result, why = settle(result, Path(report), settings, resolver, options, baseline)
        reasons.extend(why)
        return result

    try:
        target, annotated = annotate_file(
            report, output, force=force, fix=fix, options=file_options(options, settings), settle=settled
        )
    except AnnotateError as exc:
        if exc.code in ("exists", "same-file", "cannot-write"):
            click.echo(exc.message, err=True)
        else:
            where = t("ui.where", lang, where=exc.code)
            click.echo(
                f"✗ {report}：{t('ui.error', lang)}{where}{t('ui.colon', lang)}{exc.message}", err=True
            )
        sys.exit(EXIT_USAGE)
    except (ConfigError, FileNotFoundError) as exc:
        click.echo(t("cli.config-error", lang, error=error_text(exc, lang)), err=True)
        sys.exit(EXIT_USAGE)
    result = annotated.result
    message = t("annotate.written", lang, file=target, comments=annotated.comments, changes=annotated.changes)
    click.echo(message)
    if not result.is_report:
        click.echo(f"✗ {report}：{result.not_report_reason or t('ui.not-report', lang)}", err=True)
    elif reasons:
        joined = t("cli.reason-separator", lang).join(reasons)
        click.echo(t("cli.gate-failed", lang, path=report, reasons=joined), err=True)
    sys.exit(exit_code([result]))
