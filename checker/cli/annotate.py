"""``fzcheck annotate``: the report back as a Word document with comments (and fixes).

The report is judged as ``fzcheck check`` judges it: the same ``.fzcheck.yaml`` (found from
the current folder up, or ``--config``; none with ``--no-config``) gives its pack, rule
overrides, waivers, baseline and gates, so the comments and the exit code are check's.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from checker.cli.check import load_previous_or_warn, prepare_or_exit
from checker.cli.options import budget_options, check_options, config_options
from checker.cli.usage import error_text
from checker.run.exitcodes import EXIT_USAGE, exit_code
from checker.terminal import visible

if TYPE_CHECKING:
    from checker.model import Result


def _echo(text: str, err: bool = False) -> None:
    """A line for the terminal, with control characters from names and reports escaped."""
    click.echo(visible(text), err=err)


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
@click.option(
    "--previous", type=click.Path(), default=None, metavar="meta.file", help="help.annotate.previous"
)
@config_options
@budget_options(0, "help.annotate.timeout")
def annotate(
    report: str,
    output: str | None,
    fix: bool,
    force: bool,
    previous: str | None,
    config_file: str | None,
    no_config: bool,
    pack: str | None,
    lang: str,
    today: dt.date | None,
    timeout: float,
    max_memory: int,
) -> None:
    """Annotate a report as a Word document (help: ``help.annotate``)."""
    from checker.annotate import AnnotateError
    from checker.annotate.api import annotate_path, annotation_target, write_annotated
    from checker.api import error_result
    from checker.i18n import t
    from checker.packs.yamlsrc import ConfigError
    from checker.run.baseline import BaselineError, load_baseline
    from checker.run.budget import Budget, run_within
    from checker.run.config_run import RunOptions, baseline_file, file_options, settle
    from checker.run.stopping import exit_code_of, stopping_on_sigterm

    options = RunOptions(check_options(pack, lang, today), config_file, not no_config)
    config, resolver = prepare_or_exit(options)
    settings = resolver.for_file(report)
    earlier = None
    if previous is not None:
        budget = Budget(timeout, max_memory)
        earlier = load_previous_or_warn(previous, file_options(options, settings), budget)
    try:
        source = baseline_file(config, options)
        baseline = load_baseline(source, lang) if source else None
    except BaselineError as exc:
        _echo(str(exc), err=True)
        sys.exit(EXIT_USAGE)

    def refused(code: str, message: str) -> NoReturn:
        if code in ("exists", "same-file", "cannot-write"):
            _echo(message, err=True)
        else:
            where = t("ui.where", lang, where=code)
            _echo(f"✗ {report}：{t('ui.error', lang)}{where}{t('ui.colon', lang)}{message}", err=True)
        sys.exit(EXIT_USAGE)

    def work() -> tuple[Any, ...]:
        """Check and annotate (in a child process for a risky file): what the parent prints."""
        reasons: list[str] = []

        def settled(result: Result) -> Result:
            result, why = settle(result, Path(report), settings, resolver, options, baseline)
            reasons.extend(why)
            return result

        try:
            chosen = file_options(options, settings)
            annotated = annotate_path(report, fix=fix, options=chosen, settle=settled, previous=earlier)
        except AnnotateError as exc:
            return ("refused", exc.code, exc.message)
        except (ConfigError, FileNotFoundError) as exc:
            return ("config", error_text(exc, lang))
        return ("done", annotated, reasons)

    def over_budget(code: str, details: dict[str, object]) -> tuple[Any, ...]:
        error = error_result(report, code, lang, **details).error
        return ("refused", code, error.message if error else code)

    try:
        target = annotation_target(report, output, force=force, lang=lang)
    except AnnotateError as exc:
        refused(exc.code, exc.message)
    try:
        with stopping_on_sigterm():
            outcome = run_within(Budget(timeout, max_memory), Path(report), work, over_budget)
            if outcome[0] == "refused":
                refused(outcome[1], outcome[2])
            if outcome[0] == "config":
                _echo(t("cli.config-error", lang, error=outcome[1]), err=True)
                sys.exit(EXIT_USAGE)
            _, annotated, reasons = outcome
            try:
                write_annotated(target, annotated, lang)  # whole or not at all
            except AnnotateError as exc:
                refused(exc.code, exc.message)
    except KeyboardInterrupt as stop:  # Ctrl+C or SIGTERM: nothing was written
        _echo(t("annotate.interrupted", lang), err=True)
        sys.exit(exit_code_of(stop))
    result = annotated.result
    counts = {"file": target, "comments": annotated.comments, "changes": annotated.changes}
    if fix:
        _echo(t("annotate.written", lang, **counts))
    else:
        _echo(t("annotate.written-comments", lang, **counts))
        fixable = sum(1 for finding in result.findings if finding.fix is not None and not finding.waived)
        if fixable:
            _echo(t("annotate.fixable", lang, count=fixable))
    if earlier is not None:
        from checker.check.previous import notes

        for note in notes(result, str(Path(report).resolve()), earlier, lang):
            _echo(note, err=True)
    if not result.is_report:
        _echo(f"✗ {report}：{result.not_report_reason or t('ui.not-report', lang)}", err=True)
    elif reasons:
        joined = t("cli.reason-separator", lang).join(reasons)
        _echo(t("cli.gate-failed", lang, path=report, reasons=joined), err=True)
    sys.exit(exit_code([result]))
