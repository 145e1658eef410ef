"""A small process pool with a deadline per task and replacement of dead workers.

``concurrent.futures.ProcessPoolExecutor`` breaks for good when one worker dies, and it
cannot stop one runaway task. Here each worker has its own pipe and at most ``depth``
tasks in flight; the task at the head of a worker's queue has a deadline, and a worker
that overruns it (or dies) is killed and replaced while the others keep going.

A file's clock starts only when its worker has said it is ready (imports done, pack loaded):
a worker started or replaced under load may take far longer than its ~85 ms of CPU to get
there, and that is no file's time. A worker not ready within ``startup`` seconds, or dying
before it is, is replaced and its tasks go to the next one; ``FAILED_STARTS`` such starts in a
row (no worker ready between) mean the machine cannot run workers at all, and the run stops with
:class:`WorkersCannotStart` (what is stored stays) instead of waiting for ever or storing a
wrong error row for files no worker ever opened.

A worker that dies under a task may not have died of it: an operator's ``kill -9``, or the
kernel's OOM killer choosing it for another program's memory. So that task is tried once
more on the fresh worker, and only a second death is its outcome (``crash``): a stored error
row is reused by every re-run of an unchanged file, so a wrong one would stay for good.

The worker process itself (:class:`WorkerProcess`, :func:`start_worker`, :func:`stop_worker`)
and what it does with a task (:class:`Job`) are shared with the web service
(``checker.serve.pool``), so both run checks under the same time and memory budget.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing import forkserver, resource_tracker
from multiprocessing.connection import Connection, wait
from typing import Any

import msgspec

from checker.audit import worker as worker_module
from checker.audit.worker import WorkerConfig
from checker.i18n import t
from checker.run.stopping import ctrl_c_held, ctrl_c_left_to_the_parent

STARTUP_LIMIT_S = 60.0  # a worker not ready by then (~85 ms of CPU when idle) is stuck
FAILED_STARTS = 3  # failed starts in a row, no worker ready between: the run cannot go on
READY = ("ready", "")  # what a worker sends once it can take tasks; ("init-error", why) if it cannot


class WorkersCannotStart(RuntimeError):
    """Worker processes keep failing to start: the environment's fault, not any file's."""


class Outcome(msgspec.Struct, frozen=True):
    """What happened to one task: a row from the worker, or ``timeout``/``crash``."""

    task: str
    kind: str  # "done", "timeout" or "crash"
    row: dict[str, Any] | None = None
    detail: str = ""
    sha256: str | None = None  # when the worker hashed the file itself (Dask)


def _memory_row(path: str) -> dict[str, Any]:
    return worker_module.row_for(worker_module.memory_result(path), None, 0.0)


class Job(msgspec.Struct, frozen=True):
    """What a worker does with each task: ``handle`` answers it; ``on_memory`` answers when
    handling ran out of memory, ``on_error`` when it raised (a bug: the task's error answer, not
    a dead worker and a traceback on the terminal). Module-level functions, so they pickle by name."""

    handle: Callable[[Any], Any]
    on_memory: Callable[[Any], Any]
    on_error: Callable[[Any, BaseException], Any]
    # run first in a new worker, before it gets ready: how the tests hold a start-up (no user sets it)
    before_start: Callable[[], Any] | None = None


AUDIT_JOB = Job(worker_module.check_path, _memory_row, worker_module.internal_row)
PRELOAD = ["checker.audit.worker", "checker.api", "checker.audit.features", "rjieba"]


def _serve(conn: Connection, config: WorkerConfig, job: Job = AUDIT_JOB) -> None:
    """Worker main loop: initialise once, then answer one task at a time until ``None``.

    Ctrl+C in a terminal reaches the whole process group; it is the parent's to handle (it
    stops its workers), so a worker ignores it instead of dying with a traceback. When the
    audit dies (``kill -9``) the pipe breaks: the worker then exits quietly at its next
    receive or send, and at the latest when the fork server goes (``_die_with_parent``)."""
    ctrl_c_left_to_the_parent()
    _die_with_parent()
    try:
        try:
            if job.before_start is not None:
                job.before_start()
            worker_module.init(config)
        except Exception as exc:
            conn.send(("init-error", f"{type(exc).__name__}: {exc}"))
            return
        conn.send(READY)  # the parent starts a task's clock from here, not from the fork
        while True:
            task = conn.recv()
            if task is None:
                return
            try:
                answer = job.handle(task)
            except MemoryError:
                answer = job.on_memory(task)
            except Exception as exc:
                answer = job.on_error(task, exc)
            conn.send(answer)
    except (EOFError, OSError):  # the audit is gone: no traceback
        return


def _die_with_parent() -> None:
    """Linux: have the kernel kill this worker when its parent (the fork server) exits."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the broken pipe still ends the worker
        pass


class WorkerProcess(msgspec.Struct):
    """One worker: its process, its end of the pipe, and the tasks sent to it. ``ready`` once
    its :data:`READY` was read; ``born``: when it was started (its start-up limit counts from it)."""

    process: Any
    conn: Connection
    inflight: deque[Any] = msgspec.field(default_factory=deque)
    head_since: float = 0.0
    ready: bool = False
    born: float = 0.0


def worker_context(preload: list[str]) -> Any:
    """A forkserver context that imports ``preload`` once, so workers start without paying
    for those imports again (rjieba loads its dictionary on import)."""
    context = mp.get_context("forkserver")
    context.set_forkserver_preload(preload)
    return context


def start_forkserver_soon() -> None:
    """Bring the fork server up on a thread: it imports ``PRELOAD`` (the checker, the segmenter
    and its dictionary: a quarter of a second) while the audit reads its config and lists its
    files, so the first workers then start at once. A later start simply finds it running."""
    worker_context(PRELOAD)
    threading.Thread(target=_ensure_forkserver, name="fzcheck-forkserver", daemon=True).start()


def _ensure_forkserver() -> None:
    with contextlib.suppress(Exception):  # any failure shows again where the workers start
        fork_server_running()


def fork_server_running() -> None:
    """Start the fork server unless it runs, with Ctrl+C held (:func:`ctrl_c_held`): it and the
    workers it forks are born with SIGINT blocked. The resource tracker is started first, outside:
    once up, it unblocks SIGINT in the thread that started it (multiprocessing's own hold of
    Ctrl+C for it), and the fork server started next was born with Ctrl+C live after all."""
    resource_tracker.ensure_running()
    with ctrl_c_held():
        forkserver.ensure_running()


def start_worker(context: Any, config: WorkerConfig, job: Job = AUDIT_JOB) -> WorkerProcess:
    parent, child = context.Pipe()
    process = context.Process(target=_serve, args=(child, config, job), daemon=True)
    fork_server_running()
    process.start()
    child.close()
    return WorkerProcess(process, parent, born=time.monotonic())


def start_failure(starts: int, seconds: float, code: int | None, lang: str) -> str:
    """Why ``starts`` workers in a row did not get ready: not within ``seconds``, or (``code``
    not None) they exited while starting."""
    if code is None:
        return t("audit.worker-start.slow", lang, count=starts, seconds=f"{seconds:g}")
    return t("audit.worker-start.died", lang, count=starts, code=code)


def cannot_start(detail: str, lang: str) -> WorkersCannotStart:
    return WorkersCannotStart(t("audit.workers-cannot-start", lang, detail=detail))


def stop_worker(worker: WorkerProcess, kill: bool) -> None:
    """Ask the worker to finish (or kill it) and wait for it; never leaves it running."""
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


class WorkerPool:
    """Run paths through ``jobs`` worker processes; yields an :class:`Outcome` per path."""

    def __init__(
        self,
        jobs: int,
        config: WorkerConfig,
        timeout: float,
        depth: int = 2,
        startup: float | None = None,
    ) -> None:
        self.jobs = max(1, jobs)
        self.config = config
        self.timeout = timeout
        self.depth = depth
        self.startup = STARTUP_LIMIT_S if startup is None else startup
        self.failed_starts = 0  # in a row, since a worker last got ready
        self.context = worker_context(PRELOAD)
        self.workers: list[WorkerProcess] = []
        self.replaced = 0
        self.died_once: set[str] = set()  # tasks whose worker died under them once already

    def _start(self) -> WorkerProcess:
        return start_worker(self.context, self.config)

    def _stop(self, worker: WorkerProcess, kill: bool) -> None:
        stop_worker(worker, kill)

    def run(
        self, tasks: Iterable[str], on_idle: Callable[[], None] | None = None, keep: bool = False
    ) -> Iterator[Outcome]:
        """Outcomes in completion order. ``keep``: leave idle workers running for the next call
        (a Dask task reuses them; :meth:`close` stops them)."""
        pending = iter(tasks)
        retry: deque[str] = deque()
        if not self.workers:
            self.workers = [self._start() for _ in range(self.jobs)]
        exhausted = False
        finished = False
        try:
            while True:
                for worker in list(self.workers):
                    while len(worker.inflight) < self.depth:
                        path = retry.popleft() if retry else (None if exhausted else next(pending, None))
                        if path is None:
                            exhausted = True
                            break
                        if not worker.inflight:
                            worker.head_since = time.monotonic()
                        if not self._send(worker, path, retry):
                            break
                busy = [w for w in self.workers if w.inflight]
                if not busy:
                    if retry or not exhausted:  # a send found its worker dead: hand the task on
                        continue
                    finished = True
                    return
                now = time.monotonic()
                next_deadline = min(self._deadline(w) for w in busy)
                ready = wait([w.conn for w in busy], timeout=max(0.0, next_deadline - now))
                for worker in list(busy):
                    if worker.conn in ready:
                        yield from self._receive(worker, retry)
                now = time.monotonic()
                for worker in list(self.workers):
                    if not worker.inflight or now <= self._deadline(worker):
                        continue
                    if not worker.ready:  # stuck in start-up: no task of its own was begun
                        self._failed_start(worker, retry, None)
                        continue
                    path = worker.inflight.popleft()
                    retry.extendleft(reversed(worker.inflight))
                    self._replace(worker, kill=True)
                    yield Outcome(path, "timeout")
                if on_idle is not None:
                    on_idle()
        finally:
            if not (keep and finished):
                self.close()

    def close(self) -> None:
        """Stop every worker (killing those with work in flight, or not ready: it may be stuck)."""
        for worker in self.workers:
            self._stop(worker, kill=bool(worker.inflight) or not worker.ready)
        self.workers = []

    def _send(self, worker: WorkerProcess, path: str, retry: deque[str]) -> bool:
        """Hand ``path`` to ``worker``; False when it is dead (then ``path`` waits for the next).
        One dead with tasks in flight is seen at their receive; one dead idle is replaced here,
        no task blamed (and it counts as a failed start if it never got ready)."""
        try:
            worker.conn.send(path)
        except OSError:
            retry.appendleft(path)
            if not worker.inflight:
                worker.process.join(1)
                if worker.ready:
                    self._replace(worker, kill=True)
                else:
                    self._failed_start(worker, retry, worker.process.exitcode)
            return False
        worker.inflight.append(path)
        return True

    def _deadline(self, worker: WorkerProcess) -> float:
        """When the worker's head task runs out of time; before it is ready, its start-up does."""
        if worker.ready:
            return worker.head_since + self.timeout
        return worker.born + self.startup

    def _failed_start(self, worker: WorkerProcess, retry: deque[str], code: int | None) -> None:
        """The worker hung (``code`` None) or died before it got ready: its tasks go to the next
        one, no file blamed; the run stops after ``FAILED_STARTS`` of these in a row."""
        retry.extendleft(reversed(worker.inflight))
        self.failed_starts += 1
        if self.failed_starts >= FAILED_STARTS:
            lang = self.config.check.lang
            raise cannot_start(start_failure(self.failed_starts, self.startup, code, lang), lang)
        self._replace(worker, kill=True)

    def _receive(self, worker: WorkerProcess, retry: deque[str]) -> Iterator[Outcome]:
        try:
            row = worker.conn.recv()
        except (EOFError, OSError):
            worker.process.join(1)
            code = worker.process.exitcode
            if not worker.ready:
                self._failed_start(worker, retry, code)
                return
            path = worker.inflight.popleft()
            retry.extendleft(reversed(worker.inflight))
            self._replace(worker, kill=True)
            if path not in self.died_once:  # killed from outside (kill -9, the OOM killer)? once more
                self.died_once.add(path)
                retry.appendleft(path)
                return
            yield Outcome(path, "crash", detail=f"exit code {code}")
            return
        if isinstance(row, tuple):
            if row != READY:  # the pack or an import failed: every worker would fail the same way
                lang = self.config.check.lang
                raise cannot_start(t("audit.worker-start.error", lang, error=row[1]), lang)
            worker.ready = True
            worker.head_since = time.monotonic()  # the head task's clock starts now
            self.failed_starts = 0
            return
        path = worker.inflight.popleft()
        worker.head_since = time.monotonic()
        yield Outcome(path, "done", row)

    def _replace(self, worker: WorkerProcess, kill: bool) -> None:
        worker.inflight.clear()
        self._stop(worker, kill)
        self.workers[self.workers.index(worker)] = self._start()
        self.replaced += 1
