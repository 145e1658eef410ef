"""A bounded pool of check processes for the web service, awaited from the event loop.

The processes are audit's workers (``checker.audit.pool``): same start-up, same memory limit,
and a check that overruns its time is killed and its worker replaced. At most ``jobs`` checks
run at once and at most ``queue`` more wait; beyond that :class:`PoolFull` (the app answers 503).
A check whose awaiting task is cancelled (its client went away) is called off: dropped while it
waits, or killed in its worker, which is replaced before the next check takes the slot.

As in the audit, a check's clock starts once its worker is ready (a worker just started or
replaced may still be importing and loading the pack); a worker not ready within ``startup``
seconds, or dying first, is replaced, and after ``FAILED_STARTS`` of these the check is answered
``unavailable`` saying why (as is one whose worker cannot load the pack), instead of waiting for
ever: the machine's fault, which the app tells the clerk is none of the file's.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import wait
from typing import Any

import msgspec

from checker.audit.pool import (
    FAILED_STARTS,
    PRELOAD,
    READY,
    STARTUP_LIMIT_S,
    Job,
    WorkerProcess,
    start_failure,
    start_worker,
    stop_worker,
    worker_context,
)
from checker.audit.worker import WorkerConfig
from checker.i18n import t
from checker.serve.ticket import Ticket
from checker.serve.work import Upload, check_upload, error_answer, memory_answer

LOG = logging.getLogger("fzcheck.serve")

SERVE_JOB = Job(check_upload, memory_answer, error_answer)


class PoolFull(Exception):
    """Every worker is busy and the waiting line is full."""


class Reply(msgspec.Struct, frozen=True):
    """A worker's answer, or why there is none (``timeout``, ``crash``, ``cancelled``, or
    ``unavailable``: no worker could start, ``detail`` says why)."""

    kind: str  # "done", "timeout", "crash", "cancelled", "unavailable"; "unready" inside the pool
    answer: dict[str, Any] | None = None
    detail: str = ""


class CheckPool:
    """``jobs`` worker processes; :meth:`check` runs one upload on an idle one."""

    def __init__(
        self, jobs: int, config: WorkerConfig, timeout: float, queue: int, startup: float | None = None
    ) -> None:
        self.jobs = max(1, jobs)
        self.config = config
        self.timeout = timeout
        self.startup = STARTUP_LIMIT_S if startup is None else startup
        self.limit = self.jobs + max(0, queue)
        self.context = worker_context([*PRELOAD, "checker.serve.work"])
        self.idle: list[WorkerProcess] = []
        self.lock = threading.Lock()
        self.admitted = 0
        self.replaced = 0
        self.cancelled = 0  # checks called off because their client went away
        self.threads = ThreadPoolExecutor(self.jobs, thread_name_prefix="fzcheck-pool")
        self.slots: asyncio.Semaphore | None = None
        self.closed = False

    def start(self) -> None:
        """Start the processes (at application start-up, inside the running loop)."""
        self.idle = [start_worker(self.context, self.config, SERVE_JOB) for _ in range(self.jobs)]
        self.slots = asyncio.Semaphore(self.jobs)

    def close(self) -> None:
        """Stop every process; a check still running is killed."""
        with self.lock:
            self.closed = True
            workers, self.idle = self.idle, []
        for worker in workers:
            stop_worker(worker, kill=not worker.ready)  # one not ready may be stuck in start-up
        self.threads.shutdown(wait=True, cancel_futures=True)

    def full(self) -> bool:
        """Whether a new check would be refused now (asked before its body is read)."""
        return self.admitted >= self.limit

    async def check(self, upload: Upload) -> Reply:
        """Run one check off the event loop; raises :class:`PoolFull` when over the limit.
        Cancelling the awaiting task calls the check off (see the module's docstring)."""
        if self.slots is None:
            raise RuntimeError("pool not started")
        if self.full():
            raise PoolFull
        self.admitted += 1
        ticket = Ticket()
        state = "waiting"
        running: asyncio.Future[Reply] | None = None
        try:
            async with self.slots:
                state = "running"
                loop = asyncio.get_running_loop()
                running = loop.run_in_executor(self.threads, self._run, upload, ticket)
                try:
                    return await asyncio.shield(running)
                except asyncio.CancelledError:
                    ticket.cancel()
                    with contextlib.suppress(BaseException):  # the worker replaced, the slot free
                        await running
                    raise
        except asyncio.CancelledError:
            self.cancelled += 1
            LOG.warning(
                "check of %d bytes cancelled while %s: its client went away%s",
                len(upload.data),
                state,
                "; its worker was stopped and replaced" if state == "running" else "",
            )
            raise
        finally:
            self.admitted -= 1
            if running is None or running.done():
                ticket.close()
            else:  # cancelled twice: the thread closes nothing, so close when it is done
                running.add_done_callback(lambda _: ticket.close())

    def _run(self, upload: Upload, ticket: Ticket) -> Reply:
        """In a pool thread: send the upload to an idle worker once it is ready and wait for it,
        with a deadline.

        A worker found dead, or dying under the check, may not have died of this upload: the
        OOM killer or an operator may have killed it while it sat idle or worked. As in the
        audit's pool, the upload is then tried once more on a fresh worker, and only a second
        death is its answer (``crash``). A worker that does not get ready is replaced, up to
        ``FAILED_STARTS`` times. A check called off is not tried again."""
        if ticket.cancelled:
            return Reply("cancelled")
        with self.lock:
            worker = self.idle.pop()
        deaths = failed_starts = 0
        while True:
            reply = self._until_ready(worker, ticket, upload.lang) or self._ask(worker, upload, ticket)
            if reply.kind == "done":
                break
            worker = self._replace(worker)  # overran, died, stuck in start-up, or called off
            if reply.kind == "crash":
                deaths += 1
                if deaths < 2:
                    continue
            elif reply.kind == "unready":
                failed_starts += 1
                if failed_starts < FAILED_STARTS:
                    continue
                reply = Reply("unavailable", detail=self._start_failure(failed_starts, reply, upload.lang))
            break
        with self.lock:
            closed = self.closed
            if not closed:
                self.idle.append(worker)
        if closed:
            stop_worker(worker, kill=True)
        return reply

    def _replace(self, worker: WorkerProcess) -> WorkerProcess:
        stop_worker(worker, kill=True)
        self.replaced += 1
        return start_worker(self.context, self.config, SERVE_JOB)

    def _start_failure(self, starts: int, reply: Reply, lang: str) -> str:
        code = int(reply.detail) if reply.detail else None
        return start_failure(starts, self.startup, code, lang)

    def _until_ready(self, worker: WorkerProcess, ticket: Ticket, lang: str) -> Reply | None:
        """None once ``worker`` is ready (at once when it was before); else ``cancelled``,
        ``unready`` (not ready in time: no detail; died: its exit code) or ``unavailable`` (its
        start-up failed, as it would for any worker: the pack or an import)."""
        if worker.ready:
            return None
        left = max(0.0, worker.born + self.startup - time.monotonic())
        try:
            ready = wait([worker.conn, ticket.reader], left)
            if worker.conn not in ready:
                return Reply("cancelled" if ready else "unready")
            message = worker.conn.recv()
        except (EOFError, OSError):
            worker.process.join(1)
            return Reply("unready", detail=str(worker.process.exitcode))
        if message != READY:  # ("init-error", why): the pack or an import failed
            return Reply("unavailable", detail=t("audit.worker-start.error", lang, error=message[1]))
        worker.ready = True
        return None

    def _ask(self, worker: WorkerProcess, upload: Upload, ticket: Ticket) -> Reply:
        """One attempt at ``upload`` on ``worker``: its answer, ``timeout``, ``crash`` or
        ``cancelled`` (whichever comes first)."""
        try:
            worker.conn.send(upload)
            ready = wait([worker.conn, ticket.reader], self.timeout)
            if worker.conn in ready:
                reply = Reply("done", worker.conn.recv())
            else:
                reply = Reply("cancelled" if ready else "timeout")
        except (EOFError, OSError) as exc:
            worker.process.join(1)
            return Reply("crash", detail=f"exit code {worker.process.exitcode}: {type(exc).__name__}")
        return reply
