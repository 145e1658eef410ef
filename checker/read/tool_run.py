"""Running an external reader tool (antiword, LibreOffice, Tesseract) under a timeout."""

from __future__ import annotations

import os
import signal
import subprocess

from checker.read.errors import InputError


def run_tool(
    command: list[str], timeout: float, *, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run a tool in its own process group so a timeout kills its children too; a timeout
    is InputError 'timeout'."""
    process = subprocess.Popen(
        command,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        env=env,
    )
    try:
        stdout, stderr = process.communicate(stdin, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise InputError("timeout", seconds=f"{timeout:g}") from exc
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
