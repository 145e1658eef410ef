"""A small process pool with a deadline per task and replacement of dead workers.

``concurrent.futures.ProcessPoolExecutor`` breaks for good when one worker dies, and it
cannot stop one runaway task. Here each worker has its own pipe and at most ``depth``
tasks in flight; the task at the head of a worker's queue has a deadline, and a worker
that overruns it (or dies) is killed and replaced while the others keep going.
"""

from __future__ import annotations

import multiprocessing as mp
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from checker.audit import worker as worker_module
from checker.audit.worker import WorkerConfig


@dataclass(frozen=True)
class Outcome:
    """What happened to one task: a row from the worker, or ``timeout``/``crash``."""

    task: str
    kind: str  # "done", "timeout" or "crash"
    row: dict[str, Any] | None = None
    detail: str = ""


def _serve(conn: Connection, config: WorkerConfig) -> None:
    """Worker main loop: initialise once, then answer one path at a time until ``None``."""
    try:
        worker_module.init(config)
    except Exception as exc:
        conn.send(("init-error", f"{type(exc).__name__}: {exc}"))
        return
    while True:
        try:
            path = conn.recv()
        except EOFError:
            return
        if path is None:
            return
        try:
            conn.send(worker_module.check_path(path))
        except MemoryError:
            conn.send(worker_module.row_for(worker_module.memory_result(path), None, 0.0))


@dataclass
class _Worker:
    process: Any
    conn: Connection
    inflight: deque[str] = field(default_factory=deque)
    head_since: float = 0.0


class WorkerPool:
    """Run paths through ``jobs`` worker processes; yields an :class:`Outcome` per path."""

    def __init__(self, jobs: int, config: WorkerConfig, timeout: float, depth: int = 2) -> None:
        self.jobs = max(1, jobs)
        self.config = config
        self.timeout = timeout
        self.depth = depth
        self.context = mp.get_context("forkserver")
        # modules every worker needs, imported once in the fork server (rjieba loads its
        # dictionary on import): workers start without paying for them again
        self.context.set_forkserver_preload(
            ["checker.audit.worker", "checker.api", "checker.audit.features", "rjieba"]
        )
        self.workers: list[_Worker] = []
        self.replaced = 0

    def _start(self) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_serve, args=(child, self.config), daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent)

    def _stop(self, worker: _Worker, kill: bool) -> None:
        if kill:
            worker.process.kill()
        else:
            try:
                worker.conn.send(None)
            except OSError:
                worker.process.kill()
        worker.process.join(5)
        if worker.process.is_alive():  # pragma: no cover - a worker ignoring its stop
            worker.process.kill()
            worker.process.join()
        worker.conn.close()

    def run(self, tasks: Iterable[str], on_idle: Callable[[], None] | None = None) -> Iterator[Outcome]:
        pending = iter(tasks)
        retry: deque[str] = deque()
        self.workers = [self._start() for _ in range(self.jobs)]
        exhausted = False
        try:
            while True:
                for worker in self.workers:
                    while len(worker.inflight) < self.depth:
                        path = retry.popleft() if retry else (None if exhausted else next(pending, None))
                        if path is None:
                            exhausted = True
                            break
                        if not worker.inflight:
                            worker.head_since = time.monotonic()
                        worker.conn.send(path)
                        worker.inflight.append(path)
                busy = [w for w in self.workers if w.inflight]
                if not busy:
                    return
                now = time.monotonic()
                next_deadline = min(w.head_since + self.timeout for w in busy)
                ready = wait([w.conn for w in busy], timeout=max(0.0, next_deadline - now))
                for worker in list(busy):
                    if worker.conn in ready:
                        yield from self._receive(worker, retry)
                now = time.monotonic()
                for worker in list(self.workers):
                    if worker.inflight and now - worker.head_since > self.timeout:
                        path = worker.inflight.popleft()
                        retry.extendleft(reversed(worker.inflight))
                        self._replace(worker, kill=True)
                        yield Outcome(path, "timeout")
                if on_idle is not None:
                    on_idle()
        finally:
            for worker in self.workers:
                self._stop(worker, kill=bool(worker.inflight))
            self.workers = []

    def _receive(self, worker: _Worker, retry: deque[str]) -> Iterator[Outcome]:
        try:
            row = worker.conn.recv()
        except (EOFError, OSError):
            worker.process.join(1)
            code = worker.process.exitcode
            path = worker.inflight.popleft()
            retry.extendleft(reversed(worker.inflight))
            self._replace(worker, kill=True)
            yield Outcome(path, "crash", detail=f"exit code {code}")
            return
        if isinstance(row, tuple):
            raise RuntimeError(f"工作进程初始化失败：{row[1]}")
        path = worker.inflight.popleft()
        worker.head_since = time.monotonic()
        yield Outcome(path, "done", row)

    def _replace(self, worker: _Worker, kill: bool) -> None:
        worker.inflight.clear()
        self._stop(worker, kill)
        self.workers[self.workers.index(worker)] = self._start()
        self.replaced += 1
