"""Run the audit's per-file checks on a Dask cluster (``dask.distributed``).

Files are sent in batches of (path, stored sha256); on the worker each file is hashed and,
when changed, checked by a one-process :class:`~checker.audit.pool.WorkerPool` kept alive
in that Dask worker: the same per-file time and memory budget as on one machine (a file
that overruns is killed in its child process, not the Dask worker). Outcomes stream back
to the client batch by batch, in completion order, and the client writes them to the
store as they come. A Dask worker lost mid-run has its batches re-run on another worker
by the scheduler; rows are keyed by path, so a batch run twice is stored once.

Without a scheduler address a ``LocalCluster`` of processes is started on this machine.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing as mp
import signal
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from msgspec.structs import replace

from checker.audit.batches import batches
from checker.audit.pool import Outcome, WorkerPool
from checker.audit.worker import WorkerConfig, file_sha256

BATCH = 16
_POOL: dict[str, tuple[WorkerConfig, float, WorkerPool]] = {}  # this Dask worker's pool


class DaskMissing(RuntimeError):
    """``--executor dask`` without the optional dependency installed."""


def dask_available() -> bool:
    try:
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


def check_batch(items: list[tuple[str, str | None]], config: WorkerConfig, timeout: float) -> list[Outcome]:
    """On a Dask worker: skip files whose hash is unchanged, check the rest within budget."""
    outcomes, todo, hashes = [], [], {}
    for path, known in items:
        sha = file_sha256(Path(path))
        if sha is not None and sha == known:
            outcomes.append(Outcome(path, "skipped", sha256=sha))
        else:
            todo.append(path)
            hashes[path] = sha
    if todo:
        # a Dask worker under a nanny is a daemonic process, which multiprocessing forbids
        # to start children; our children are daemonic themselves and die with their pipe
        mp.current_process().daemon = False
        kept = _POOL.get("pool")
        if kept is None or kept[:2] != (config, timeout):
            if kept is not None:
                kept[2].close()
            kept = _POOL["pool"] = (config, timeout, WorkerPool(1, config, timeout))
        pool = kept[2]
        outcomes.extend(replace(o, sha256=hashes.get(o.task)) for o in pool.run(todo, keep=True))
    return outcomes


@contextlib.contextmanager
def _ctrl_c_left_to_the_audit() -> Iterator[None]:
    """SIGINT ignored while the LocalCluster starts its processes, which keep that disposition
    (and restart their workers with it). Ctrl+C in a terminal reaches the whole process group;
    it is the audit's to handle by closing the cluster, as the process pool's workers leave it
    to the audit. Else each Dask process printed its KeyboardInterrupt traceback, and a cluster
    left with no workers could keep the audit waiting for them for good."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class DaskPool:
    """Batches of files on a Dask cluster; yields an :class:`Outcome` per file."""

    def __init__(
        self, config: WorkerConfig, timeout: float, scheduler: str | None = None, workers: int = 2
    ) -> None:
        if not dask_available():
            raise DaskMissing()
        self.config = config
        self.timeout = timeout
        self.scheduler = scheduler
        self.workers = max(1, workers)
        self.cluster: Any = None
        self.client: Any = None

    def _connect(self) -> Any:
        import dask
        from distributed import Client, LocalCluster

        if self.scheduler:
            return Client(self.scheduler)
        # Dask's own logs, below critical, stay off the terminal, in this process and its workers:
        # each file's fate is the audit's row, and when the cluster closes with batches running
        # (Ctrl+C), a worker can outlive the scheduler by a heartbeat and log "Failed to
        # communicate with scheduler during heartbeat" with a traceback (dask/distributed#7105).
        with dask.config.set({"distributed.worker.daemon": False}), _ctrl_c_left_to_the_audit():
            self.cluster = LocalCluster(
                n_workers=self.workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.CRITICAL,
            )
        return Client(self.cluster)

    def run(self, items: Iterable[tuple[str, str | None]]) -> Iterator[Outcome]:
        from distributed import as_completed

        self.client = self._connect()
        try:
            threads = max(1, sum(self.client.nthreads().values()))
            waiting = batches(items, BATCH)
            running = as_completed()
            paths: dict[Any, list[str]] = {}

            def submit() -> bool:
                batch = next(waiting, None)
                if batch is None:
                    return False
                future = self.client.submit(check_batch, batch, self.config, self.timeout, pure=False)
                paths[future] = [path for path, _ in batch]
                running.add(future)
                return True

            for _ in range(3 * threads):  # a few batches queued per thread keep workers busy
                if not submit():
                    break
            for future in running:
                batch_paths = paths.pop(future)
                try:
                    outcomes = future.result()
                except Exception as exc:  # KilledWorker: the batch took down workers repeatedly
                    outcomes = [Outcome(p, "crash", detail=type(exc).__name__) for p in batch_paths]
                future.release()
                yield from outcomes
                submit()
        finally:
            self.close()

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None
