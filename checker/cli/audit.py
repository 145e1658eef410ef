"""``fzcheck audit``: check a whole corpus of reports into a resumable store and audit outputs,
judged by the same gates, config and waivers as ``fzcheck check``."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import sys
from pathlib import Path

import click

from checker.cli.check import no_files_message, prepare_or_exit
from checker.cli.options import budget_options, check_options, config_options, gate_options
from checker.cli.translate import current_lang
from checker.i18n import t as msg
from checker.run.exitcodes import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from checker.terminal import visible


@click.command(help="help.audit")
@click.argument("paths", nargs=-1, required=True, type=click.Path(), metavar="meta.paths-required")
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    metavar="meta.dir",
    help="help.audit.out",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(0),
    default=0,
    show_default=True,
    metavar="meta.number",
    help="help.audit.jobs",
)
@config_options
@gate_options
@click.option("--no-waivers", is_flag=True, help="help.no-waivers")
@budget_options(0.1, "help.audit.timeout")
@click.option("--progress/--no-progress", default=None, help="help.audit.progress")
@click.option("--store", "store_url", default=None, metavar="postgresql://…", help="help.audit.store")
@click.option(
    "--executor",
    type=click.Choice(["processes", "dask"]),
    default="processes",
    show_default=True,
    help="help.audit.executor",
)
@click.option("--scheduler", default=None, metavar="tcp://HOST:PORT", help="help.audit.scheduler")
def audit(
    paths: tuple[str, ...],
    out_dir: str,
    jobs: int,
    config_file: str | None,
    no_config: bool,
    pack: str | None,
    lang: str,
    today: dt.date | None,
    fail_under: float | None,
    fail_on: str | None,
    no_waivers: bool,
    timeout: float,
    max_memory: int,
    progress: bool | None,
    store_url: str | None,
    executor: str,
    scheduler: str | None,
) -> None:
    """Audit a corpus (help: ``help.audit``)."""
    if executor == "processes":
        from checker.audit.pool import start_forkserver_soon

        start_forkserver_soon()  # comes up while the config is read and the files are listed
    from checker.audit.dask_pool import dask_available
    from checker.audit.disk import refusal
    from checker.audit.lock import AuditLocked, audit_lock
    from checker.audit.outputs import write_outputs
    from checker.audit.pgstore import is_url, psycopg_available
    from checker.audit.pool import WorkersCannotStart
    from checker.audit.run import AuditOptions, options_key, run_audit
    from checker.audit.store import Store
    from checker.audit.verdicts import judge_stored
    from checker.outfiles import CannotWrite, cannot_write
    from checker.run.collect import collect_paths
    from checker.run.config_run import RunOptions
    from checker.run.stopping import exit_code_of, stopping_on_sigterm

    if scheduler and executor != "dask":
        raise click.UsageError(msg("audit.scheduler-needs-dask", lang))
    if store_url is not None and not is_url(store_url):
        raise click.UsageError(msg("audit.store-not-url", lang, url=store_url))
    if store_url is not None and not psycopg_available():
        click.echo(msg("audit.psycopg-missing", lang), err=True)
        sys.exit(EXIT_USAGE)
    if executor == "dask" and not dask_available():
        click.echo(msg("audit.dask-missing", lang), err=True)
        sys.exit(EXIT_USAGE)
    options = RunOptions(
        check_options(pack, lang, today, fail_under=fail_under),
        config_file,
        not no_config,
        fail_on,
        None,
        False,
        not no_waivers,
    )
    config, resolver = prepare_or_exit(options)
    files = collect_paths(paths)
    if not files:
        raise click.UsageError(no_files_message(paths, current_lang()))
    checking = check_options(pack or _config_pack(config) or "national", lang, today)
    audit_options = AuditOptions(
        checking,
        jobs=jobs,
        timeout=timeout,
        memory_mb=max_memory,
        progress=progress,
        outputs=False,
        executor=executor,
        scheduler=scheduler,
        store=store_url,
    )
    out = Path(out_dir)
    try:
        with contextlib.ExitStack() as held:
            held.enter_context(stopping_on_sigterm())
            try:  # the store and the outputs belong to this audit until it ends
                held.enter_context(audit_lock(out))
            except OSError as exc:  # the folder cannot be made or written: say so before any work
                click.echo(str(cannot_write(out_dir, exc, lang)), err=True)
                sys.exit(EXIT_USAGE)
            summary = run_audit(list(paths), out, audit_options, files)
            rule_pack = checking.rule_pack()
            key = options_key(rule_pack.label, checking)
            store = Store(store_url or out / "audit.sqlite")
            try:
                verdicts = judge_stored(store, key, config, resolver, not no_waivers, lang)
                outputs = write_outputs(store, key, rule_pack, out, lang)
            finally:
                store.close()
    except AuditLocked as exc:
        click.echo(msg("audit.locked", lang, holder=exc.holder or "?", out=out_dir), err=True)
        sys.exit(EXIT_USAGE)
    except WorkersCannotStart as exc:  # the machine, not a file: what is stored stays for the re-run
        click.echo(str(exc), err=True)
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt as stop:  # Ctrl+C or SIGTERM: what is stored stays for the re-run
        click.echo(msg("audit.interrupted", lang), err=True)
        sys.exit(exit_code_of(stop))
    except (CannotWrite, OSError, sqlite3.Error) as exc:  # the disk refused the store or an output mid-run
        refused = refusal(exc, out / "audit.sqlite", lang)
        if refused is None:
            raise
        click.echo(f"{refused}\n{msg('audit.resume-after-write', lang)}", err=True)
        sys.exit(EXIT_USAGE)
    if summary.pruned:
        click.echo(msg("audit.pruned", lang, count=summary.pruned), err=True)
    click.echo(summary_text(summary, verdicts, lang), err=True)
    separator = msg("cli.reason-separator", lang)
    for path, reasons in sorted(verdicts.failed.items()):
        reasons_text = separator.join(reasons)
        click.echo(visible(msg("cli.gate-failed", lang, path=path, reasons=reasons_text)), err=True)
    for path in outputs:
        click.echo(path)
    sys.exit(EXIT_FAILED if verdicts.failed else EXIT_OK)


def _config_pack(config) -> str | None:
    """The config's pack as the audit workers load it (a file path resolved against the config)."""
    from checker.run.config import resolve

    if not config.pack:
        return None
    if config.pack.endswith((".yaml", ".yml")) or "/" in config.pack:
        return str(resolve(config, config.pack))
    return config.pack


def summary_text(summary, verdicts, lang: str) -> str:
    """The audit's closing lines in words: files, passes and failures, problems, copies."""
    statuses = dict(summary.statuses)
    trouble = {name: statuses.get(name, 0) for name in ("error", "timeout", "memory", "crash")}
    problems = msg("rt.list-separator", lang).join(
        msg(f"audit.status.{name}", lang, count=count) for name, count in trouble.items() if count
    )
    lines = [
        msg(
            "audit.summary.files", lang, files=summary.files, checked=summary.checked, skipped=summary.skipped
        ),
        msg(
            "audit.summary.verdicts",
            lang,
            reports=verdicts.reports - sum(trouble.values()),
            failed=len(verdicts.failed) - sum(trouble.values()),
            copies=summary.copies,
        ),
    ]
    if summary.duplicates:
        lines.append(msg("audit.summary.duplicates", lang, duplicates=summary.duplicates))
    if problems:
        lines.append(msg("audit.summary.problems", lang, problems=problems))
    return "\n".join(lines)
