"""``fzcheck annotate``: the report back as a Word document with comments (and fixes)."""

from __future__ import annotations

import datetime as dt
import sys

import click

from checker.cli.options import check_options, pack_lang_today
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
    """Annotate a report as a Word document (help: ``help.annotate``)."""
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
        click.echo(t("cli.config-error", lang, error=error_text(exc, lang)), err=True)
        sys.exit(EXIT_USAGE)
    result = annotated.result
    message = t("annotate.written", lang, file=target, comments=annotated.comments, changes=annotated.changes)
    click.echo(message)
    if not result.is_report:
        click.echo(f"✗ {report}：{result.not_report_reason or t('ui.not-report', lang)}", err=True)
    sys.exit(exit_code([result]))
