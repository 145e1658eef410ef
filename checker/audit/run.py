"""The audit pipeline: check every file into the store, detect copies, write the reports."""

from __future__ import annotations

import contextlib
import importlib
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import msgspec
from msgspec.structs import replace

from checker.audit.dask_pool import DaskPool
from checker.audit.pool import Outcome, WorkerPool, start_forkserver_soon
from checker.audit.progress import Progress
from checker.audit.store import Store
from checker.audit.worker import WorkerConfig, file_sha256, memory_result, row_for
from checker.model import ErrorInfo, Result
from checker.options import DEFAULT_OPTIONS, CheckOptions
from checker.read.names import name_of

DB_NAME = "audit.sqlite"
# imported by a background thread while the workers start and check (numpy alone is ~0.1 s):
# the parent is idle then, and would otherwise import them after the last report
LATER_PHASES = ("checker.audit.apply", "checker.audit.outputs")
COMMIT_EVERY_S = 0.5  # rows are committed in batches: a killed run re-checks at most this much


class AuditOptions(msgspec.Struct, frozen=True):
    """The check options (pack, lang, today) plus what only a bulk audit needs."""

    check: CheckOptions = DEFAULT_OPTIONS
    jobs: int = 0  # 0: every core
    timeout: float = 30.0
    memory_mb: int = 1024
    progress: bool | None = None  # None: a bar only on a terminal
    outputs: bool = True
    executor: str = "processes"  # or "dask"
    scheduler: str | None = None  # Dask scheduler address; None: a LocalCluster here
    store: str | None = None  # a postgresql:// URL; None: OUT/audit.sqlite

    @property
    def lang(self) -> str:
        return self.check.lang


class AuditSummary(msgspec.Struct):
    files: int = 0
    checked: int = 0
    skipped: int = 0
    statuses: dict[str, int] = msgspec.field(default_factory=dict)
    copies: int = 0  # pairs of copies (the kinds that score)
    duplicates: int = 0  # reports submitted twice for the same year
    pruned: int = 0  # stored files no longer among the inputs (deleted since the last run)
    seconds: dict[str, float] = msgspec.field(default_factory=dict)
    outputs: list[str] = msgspec.field(default_factory=list)
    kept: list[str] = msgspec.field(default_factory=list)  # phases already current: "copies", "outputs"


def options_key(pack_label: str, options: CheckOptions) -> str:
    """What makes a stored result reusable: rule pack and version, language, fixed 'today'."""
    today = options.today.isoformat() if options.today else ""
    return f"{pack_label}|{options.lang}|{today}"


def run_audit(
    paths: list[str], out: Path, options: AuditOptions, files: list[Path] | None = None
) -> AuditSummary:
    """Check ``paths`` into ``out/audit.sqlite`` (resuming), find copies, write the outputs.

    ``files``: what :func:`~checker.run.collect.collect_paths` gives for ``paths``, when the
    caller has listed them already (a walk of 10,000 files takes 0.17 s).

    One audit per output folder at a time (:class:`~checker.audit.lock.AuditLocked` for the
    second); the store keeps exactly this run's files, so one deleted since the last run
    leaves the store, the summary and every output."""
    from checker.audit.lock import audit_lock

    if options.executor != "dask":
        start_forkserver_soon()
    with audit_lock(out):
        return _run_audit(paths, out, options, files)


def _run_audit(paths: list[str], out: Path, options: AuditOptions, files: list[Path] | None) -> AuditSummary:
    from checker.run.collect import collect_paths

    pack = options.check.rule_pack()
    key = options_key(pack.label, options.check)
    files = collect_paths(paths) if files is None else files
    out.mkdir(parents=True, exist_ok=True)
    store = Store(options.store or out / DB_NAME)
    summary = AuditSummary(files=len(files))
    timer = time.perf_counter()
    try:
        known = store.known_hashes(key)
        stored_as = {file: name_of(file) for file in files}  # the name each file's row has
        names = set(stored_as.values())
        summary.pruned = store.forget(key, [path for path in known if path not in names])
        for path in store.timed_out_under(key, options.timeout):  # given more time now: check again
            known.pop(path, None)
        for path in store.out_of_memory_under(key, options.memory_mb):  # given more memory: again
            known.pop(path, None)
        run_id = store.start_run(key, len(files))
        progress = Progress(len(files), bar=options.progress, lang=options.lang)

        def tasks() -> Iterator[str]:
            for file in files:
                name = str(file)
                stored = stored_as[file]
                if stored in known:  # only a stored file can be skipped: hash it to see if it changed
                    sha = file_sha256(file)
                    if sha is not None and known[stored] == sha:
                        summary.skipped += 1
                        progress.advance("ok", skipped=True)
                        continue
                yield name  # the worker hashes the bytes it reads

        _import_in_background(LATER_PHASES)
        jobs = options.jobs or os.cpu_count() or 1
        config = WorkerConfig(replace(options.check, pack=options.check.pack_name()), options.memory_mb)
        outcomes: Iterator[Outcome]
        if options.executor == "dask":  # the Dask workers hash the files and skip unchanged ones
            dask_pool = DaskPool(config, options.timeout, options.scheduler, options.jobs or 2)
            outcomes = dask_pool.run((str(file), known.get(stored_as[file])) for file in files)
        else:
            outcomes = WorkerPool(jobs, config, options.timeout).run(tasks())
        committed = time.monotonic()
        try:
            for outcome in outcomes:
                if outcome.kind == "skipped":
                    summary.skipped += 1
                    progress.advance("ok", skipped=True)
                    continue
                row = _row(outcome, options)
                if row.get("sha256") is None:  # killed task: no worker hash
                    row["sha256"] = outcome.sha256 or file_sha256(Path(outcome.task))
                row["memory_mb"] = options.memory_mb  # the budget a memory row ran out of
                store.put(row, key, pack.id, pack.version, run_id, commit=False)
                summary.checked += 1
                progress.advance(row["status"])
                if time.monotonic() - committed > COMMIT_EVERY_S:
                    store.db.commit()
                    committed = time.monotonic()
        finally:
            store.db.commit()
            progress.close()
        store.finish_run(run_id, summary.checked, summary.skipped)
        summary.seconds["check"] = time.perf_counter() - timer
        summary.statuses = dict(
            store.db.execute(
                "SELECT status, count(*) FROM reports WHERE options=? GROUP BY status", (key,)
            ).fetchall()
        )
        timer = time.perf_counter()
        from checker.audit.apply import DUPLICATE, apply_findings, current_copies

        pairs, kept = current_copies(store, key, pack, workdir=out)
        if kept:
            summary.kept.append("copies")
        apply_findings(store, key, pack, pairs, options.lang)
        summary.duplicates = sum(pair.kind == DUPLICATE for pair in pairs)
        summary.copies = len(pairs) - summary.duplicates
        summary.seconds["copies"] = time.perf_counter() - timer
        if options.outputs:
            timer = time.perf_counter()
            from checker.audit.outputs import refresh_outputs

            summary.outputs, kept = refresh_outputs(store, key, pack, out, options.lang)
            if kept:
                summary.kept.append("outputs")
            summary.seconds["outputs"] = time.perf_counter() - timer
    finally:
        store.close()
    return summary


def _import_in_background(modules: tuple[str, ...]) -> None:
    """Import ``modules`` on a daemon thread; a failure is left for the import that needs them."""

    def load() -> None:
        for name in modules:
            with contextlib.suppress(Exception):
                importlib.import_module(name)

    threading.Thread(target=load, name="fzcheck-preload", daemon=True).start()


def _row(outcome: Outcome, options: AuditOptions) -> dict:
    """The store row for any outcome: the worker's, or an error row for a killed task."""
    from checker.api import error_result
    from checker.i18n import t

    if outcome.kind == "done" and outcome.row is not None:
        return outcome.row
    if outcome.kind == "timeout":
        result = error_result(outcome.task, "timeout", options.lang, seconds=options.timeout)
        return row_for(result, None, options.timeout, status="timeout")
    if "exit code -9" in outcome.detail or "MemoryError" in outcome.detail:
        result = memory_result(outcome.task, options.lang, options.memory_mb)
        return row_for(result, None, 0.0, status="memory")
    info = ErrorInfo("crash", t("error.crash", options.lang, detail=outcome.detail))
    return row_for(Result(path=outcome.task, status="error", error=info), None, 0.0, status="crash")
