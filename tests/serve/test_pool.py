"""The service's worker pool: audit's workers, its time budget, its bound on waiting checks."""

from __future__ import annotations

import asyncio

import pytest

from checker.audit.worker import WorkerConfig
from checker.options import CheckOptions
from checker.serve.pool import CheckPool, PoolFull
from checker.serve.work import Upload
from tests.conftest import SEEDS


def upload(text: str) -> Upload:
    return Upload(text.encode("utf-8"), ".txt", "r.txt", "national", "zh")


def test_overrunning_check_is_stopped_and_the_pool_goes_on():
    long_text = SEEDS["002"].read_text(encoding="utf-8") * 2000  # about 13 s of checking
    short_text = SEEDS["000"].read_text(encoding="utf-8")

    async def run():
        pool = CheckPool(1, WorkerConfig(CheckOptions(pack="national")), timeout=3.0, queue=4)
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
