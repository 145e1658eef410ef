"""``fzcheck serve``: starts on loopback, prints its address, answers, stops on Ctrl+C."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time

import httpx
from click.testing import CliRunner

from checker.cli import main
from tests.conftest import SEEDS


def test_serve_prints_its_loopback_address_answers_and_stops():
    command = [
        sys.executable,
        "-m",
        "checker",
        "serve",
        "--port",
        "0",
        "--workers",
        "1",
        "--max-upload",
        "1MB",
    ]
    # a session of its own, so Ctrl+C can be sent as a terminal sends it: to the whole group
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        line = process.stdout.readline()  # the address comes first
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, line
        base = match.group(0).rstrip("/")
        deadline = time.monotonic() + 60
        while True:  # the worker pool starts with the app
            try:
                answer = httpx.post(
                    f"{base}/api/check", data={"text": SEEDS["000"].read_text("utf-8")}, timeout=30
                )
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline
                time.sleep(0.2)
        assert answer.status_code == 200 and answer.json()["results"][0]["status"] == "ok"
        too_big = httpx.post(
            f"{base}/api/check", files={"file": ("a.txt", b"x" * (2 * 1024 * 1024))}, timeout=30
        )
        assert too_big.status_code == 413 and "1MB" in too_big.json()["error"]["message"]
    finally:
        os.killpg(process.pid, signal.SIGINT)  # the server and its worker processes
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    assert process.returncode == 0
    assert "Traceback" not in process.stderr.read()


def test_serve_refuses_a_bad_size_and_a_bad_pack():
    runner = CliRunner()
    bad_size = runner.invoke(main, ["serve", "--max-upload", "lots"])
    assert bad_size.exit_code == 2 and "lots" in bad_size.output
    bad_pack = runner.invoke(main, ["serve", "--pack", "no-such-pack.yaml", "--port", "0"])
    assert bad_pack.exit_code == 2 and "national、veterans、province-example" in bad_pack.output
