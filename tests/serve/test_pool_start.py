"""The service's time budget starts when a worker is ready, not when it is forked: a check sent
to a worker still importing and loading its pack (just started, or replaced after a timeout) is
not timed out by that start-up. A worker that never gets ready is replaced a bounded number of
times, then the check is answered ``unavailable`` with why (HTTP 503 from the app, saying the file
is not at fault), as is one whose worker cannot start at all; the pool goes on.

Start-up is held with ``Job.before_start`` (run by a new worker before its imports and pack;
nothing a user can set), as in ``tests/audit/test_worker_start.py``."""

from __future__ import annotations

import asyncio
import time
from functools import partial

from checker.audit.pool import Job
from checker.audit.worker import WorkerConfig
from checker.options import CheckOptions
from checker.serve import pool as pool_module
from checker.serve.pool import CheckPool
from checker.serve.work import Upload, check_upload, error_answer, memory_answer
from tests.conftest import SEEDS

TIMEOUT = 2.0  # a seed takes ~0.07 s to check: far inside, even on a loaded machine
CONFIG = WorkerConfig(CheckOptions(pack="national"))


def upload(key: str, lang: str = "zh") -> Upload:
    return Upload(SEEDS[key].read_bytes(), ".txt", "r.txt", "national", lang)


def held(seconds: float) -> Job:
    return Job(check_upload, memory_answer, error_answer, partial(time.sleep, seconds))


def _status(reply: pool_module.Reply) -> str:
    assert reply.answer is not None, reply
    return reply.answer["document"]["results"][0]["status"]


def test_a_check_sent_to_a_starting_worker_gets_its_whole_budget(monkeypatch):
    monkeypatch.setattr(pool_module, "SERVE_JOB", held(3 * TIMEOUT))

    async def run():
        pool = CheckPool(1, CONFIG, timeout=TIMEOUT, queue=1)
        pool.start()  # the check comes at once, while the worker still starts
        try:
            return await pool.check(upload("001")), pool.replaced
        finally:
            pool.close()

    reply, replaced = asyncio.run(run())
    assert reply.kind == "done" and _status(reply) == "ok" and replaced == 0


def test_a_worker_that_never_gets_ready_is_replaced_boundedly_and_the_check_answered(monkeypatch):
    monkeypatch.setattr(pool_module, "SERVE_JOB", held(3600))

    async def run(lang: str):
        pool = CheckPool(1, CONFIG, timeout=TIMEOUT, queue=1, startup=1.0)
        pool.start()
        try:
            return await pool.check(upload("001", lang)), pool.replaced
        finally:
            pool.close()

    reply, replaced = asyncio.run(run("zh"))
    assert reply.kind == "unavailable" and replaced == 3
    assert reply.detail == "连续 3 个工作进程在 1 秒内未能就绪"
    reply, _ = asyncio.run(run("en"))
    assert reply.detail == "3 workers in a row were not ready within 1 s"


def test_after_a_stuck_start_up_the_pool_goes_on(monkeypatch, tmp_path):
    from tests.audit.test_worker_start import first_start_hangs

    counter = tmp_path / "starts"
    job = Job(check_upload, memory_answer, error_answer, partial(first_start_hangs, str(counter)))
    monkeypatch.setattr(pool_module, "SERVE_JOB", job)

    async def run():
        pool = CheckPool(1, CONFIG, timeout=TIMEOUT, queue=1, startup=1.0)
        pool.start()
        try:
            return await pool.check(upload("001")), await pool.check(upload("000")), pool.replaced
        finally:
            pool.close()

    first, second, replaced = asyncio.run(run())
    assert counter.read_text() == "2" and replaced == 1
    assert _status(first) == _status(second) == "ok"


def test_the_app_answers_503_unavailable_when_no_worker_can_start(monkeypatch):
    import httpx

    from checker.serve.settings import ServeSettings
    from tests.serve.live import live_server

    monkeypatch.setattr(pool_module, "SERVE_JOB", held(3600))
    monkeypatch.setattr(pool_module, "STARTUP_LIMIT_S", 1.0)
    with live_server(ServeSettings(workers=1, timeout=TIMEOUT)) as base:
        files = {"file": ("r.txt", SEEDS["001"].read_bytes(), "text/plain")}
        zh = httpx.post(f"{base}/api/check", files=files, timeout=60)
        en = httpx.post(f"{base}/api/check?lang=en", files=files, timeout=60)
    assert zh.status_code == en.status_code == 503
    assert zh.json()["error"]["code"] == "unavailable"
    assert "与您的文件无关" in zh.json()["error"]["message"]
    assert "1 秒内未能就绪" in zh.json()["error"]["message"]
    assert "not in your file" in en.json()["error"]["message"]


def test_a_worker_that_cannot_load_is_unavailable_not_a_crash_of_the_file(monkeypatch):
    failing = Job(check_upload, memory_answer, error_answer, partial(int, "not a number"))
    monkeypatch.setattr(pool_module, "SERVE_JOB", failing)

    async def run():
        pool = CheckPool(1, CONFIG, timeout=TIMEOUT, queue=1)
        pool.start()
        try:
            return await pool.check(upload("001"))
        finally:
            pool.close()

    reply = asyncio.run(run())
    assert reply.kind == "unavailable"
    assert reply.detail.startswith("初始化出错：ValueError")
