"""The service's worker pool: audit's workers, its time budget, its bound on waiting checks."""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

import pytest

from checker.audit.pool import Job
from checker.audit.worker import WorkerConfig
from checker.options import CheckOptions
from checker.serve import pool as pool_module
from checker.serve.pool import CheckPool, PoolFull
from checker.serve.work import Upload, check_upload, error_answer, memory_answer
from tests.conftest import SEEDS
from tests.serve import endless as endless_module
from tests.serve.endless import ENDLESS_JOB


def upload(text: str) -> Upload:
    return Upload(text.encode("utf-8"), ".txt", "r.txt", "national", "zh")


def test_overrunning_check_is_stopped_and_the_pool_goes_on():
    # about 3 s of checking on this machine today (13 s when the test was written): the budget is
    # a third of that, so the check overruns it however fast the machine runs that day
    long_text = SEEDS["002"].read_text(encoding="utf-8") * 2000
    short_text = SEEDS["000"].read_text(encoding="utf-8")

    async def run():
        pool = CheckPool(1, WorkerConfig(CheckOptions(pack="national")), timeout=1.0, queue=4)
        pool.start()
        try:
            slow = await pool.check(upload(long_text))
            after = await pool.check(upload(short_text))
        finally:
            pool.close()
        return slow, after, pool.replaced

    slow, after, replaced = asyncio.run(run())
    assert slow.kind == "timeout" and replaced == 1
    assert after.kind == "done" and after.answer["document"]["results"][0]["status"] == "ok"


def test_more_checks_than_workers_and_queue_are_refused_at_once():
    text = SEEDS["001"].read_text(encoding="utf-8")

    async def run():
        pool = CheckPool(1, WorkerConfig(CheckOptions(pack="national")), timeout=30, queue=1)
        pool.start()
        try:
            return await asyncio.gather(*(pool.check(upload(text)) for _ in range(3)), return_exceptions=True)
        finally:
            pool.close()

    first, second, third = asyncio.run(run())
    assert first.kind == second.kind == "done" and isinstance(third, PoolFull)


def test_pool_must_be_started_before_use():
    pool = CheckPool(1, WorkerConfig(CheckOptions(pack="national")), timeout=1, queue=0)
    with pytest.raises(RuntimeError):
        asyncio.run(pool.check(upload("x")))


def test_a_worker_killed_while_idle_does_not_fail_the_next_check():
    """The OOM killer or an operator may kill an idle worker: the next upload, which had nothing
    to do with it, is checked on a fresh one (it got 'the worker died on this file')."""
    text = SEEDS["001"].read_text(encoding="utf-8")

    async def run():
        pool = CheckPool(1, WorkerConfig(CheckOptions(pack="national")), timeout=30, queue=1)
        pool.start()
        try:
            idle = pool.idle[0].process
            idle.kill()
            idle.join()
            return await pool.check(upload(text)), pool.replaced
        finally:
            pool.close()

    reply, replaced = asyncio.run(run())
    assert reply.kind == "done" and reply.answer["document"]["results"][0]["status"] == "ok"
    assert replaced == 1


KILL_MARK = "KILL-WORKER-AT-ATTEMPTS:"


def killed_from_outside(upload: Upload):
    """The service's check, but the worker is SIGKILLed at the attempts the upload names
    (``KILL-WORKER-AT-ATTEMPTS:1,2 /path/of/a/counter``); module level, so it pickles by name."""
    text = upload.data.decode("utf-8")
    if KILL_MARK in text:
        attempts, counter = text.split(KILL_MARK, 1)[1].split()[:2]
        tries = int(Path(counter).read_text()) + 1 if Path(counter).exists() else 1
        Path(counter).write_text(str(tries))
        if str(tries) in attempts.split(","):
            os.kill(os.getpid(), signal.SIGKILL)
    return check_upload(upload)


@pytest.mark.parametrize(("attempts", "kind", "tries"), [("1", "done", "2"), ("1,2", "crash", "2")])
def test_a_worker_killed_under_a_check_gets_one_more_try(tmp_path, monkeypatch, attempts, kind, tries):
    monkeypatch.setattr(pool_module, "SERVE_JOB", Job(killed_from_outside, memory_answer, error_answer))
    counter = tmp_path / "attempts"
    text = SEEDS["001"].read_text(encoding="utf-8") + f"\n{KILL_MARK}{attempts} {counter}\n"

    async def run():
        pool = CheckPool(1, WorkerConfig(CheckOptions(pack="national")), timeout=30, queue=1)
        pool.start()
        try:
            return await pool.check(upload(text)), await pool.check(upload(SEEDS["000"].read_text("utf-8")))
        finally:
            pool.close()

    reply, after = asyncio.run(run())
    assert counter.read_text() == tries and reply.kind == kind
    assert after.kind == "done"  # the pool goes on either way


def test_a_cancelled_check_is_called_off_waiting_or_running_and_the_pool_goes_on(monkeypatch):
    """Cancelling the awaiting task (the app does when the client goes away): the check waiting
    for the worker is dropped, the running one killed and its worker replaced, and the next
    check runs at once (the running one would never have ended)."""
    monkeypatch.setattr(pool_module, "SERVE_JOB", ENDLESS_JOB)
    endless = SEEDS["001"].read_text(encoding="utf-8") + endless_module.MARK
    short = SEEDS["000"].read_text(encoding="utf-8")

    async def run():
        # the time limit would end the endless check after 90 s: the next one comes well before
        pool = CheckPool(1, WorkerConfig(CheckOptions(pack="national")), timeout=90, queue=2)
        pool.start()
        try:
            running = asyncio.ensure_future(pool.check(upload(endless)))
            waiting = asyncio.ensure_future(pool.check(upload(short)))
            while pool.idle or pool.admitted < 2:  # the worker took the endless check
                await asyncio.sleep(0.01)
            for task in (waiting, running):
                task.cancel()
            outcomes = await asyncio.gather(running, waiting, return_exceptions=True)
            after = await asyncio.wait_for(pool.check(upload(short)), 30)
        finally:
            pool.close()
        return outcomes, after, pool

    outcomes, after, pool = asyncio.run(run())
    assert all(isinstance(outcome, asyncio.CancelledError) for outcome in outcomes)
    assert pool.cancelled == 2 and pool.replaced == 1 and pool.admitted == 0
    assert after.kind == "done" and after.answer["document"]["results"][0]["status"] == "ok"
