"""A private PostgreSQL server for the store tests: Debian's postgresql, a temp data dir, a socket.

initdb and pg_ctl refuse to run as root, so as root they run as the ``postgres`` user the
Debian package creates. The server listens on a Unix socket only (no TCP port is opened);
each test gets its own database.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

PORT = 55432  # names the socket file; no TCP listener


def server_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return found[-1].parent if found else None


def runuser() -> str | None:
    """``runuser``, also where a PATH without the system folders (``/usr/sbin``) does not look."""
    return shutil.which("runuser") or shutil.which("runuser", path="/usr/sbin:/sbin")


def require_postgres() -> Path:
    """The server's bin folder; skip with the reason outside CI when absent, fail in CI."""
    missing = []
    folder = server_bin()
    if folder is None:
        missing.append("PostgreSQL 服务器（apt-get install postgresql）")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        missing.append("psycopg（pip install 'fzcheck[postgres]'）")
    if os.geteuid() == 0 and runuser() is None:
        missing.append("runuser")
    if missing:
        if os.environ.get("CI"):
            pytest.fail("CI must provide " + ", ".join(missing))
        pytest.skip("需要" + "、".join(missing) + "才能测试 PostgreSQL 存储")
    assert folder is not None
    return folder


@contextlib.contextmanager
def postgres_server() -> Iterator[str]:
    """Start a server; yields a URL template with ``{db}`` for the database name."""
    folder = require_postgres()
    base = Path(tempfile.mkdtemp(prefix="fzcheck-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
        as_user = [runuser() or "runuser", "-u", "postgres", "--"]
    base.chmod(0o755)
    data = base / "data"
    run = lambda *args: subprocess.run(  # noqa: E731
        [*as_user, *args], check=True, capture_output=True, text=True, cwd=base
    )
    try:
        run(str(folder / "initdb"), "-D", str(data), "-A", "trust", "-U", "fz", "-E", "UTF8", "--no-sync")
        options = f"-p {PORT} -k {base} -c listen_addresses='' -c fsync=off"
        run(str(folder / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(base / "log"), "-w", "start")
        try:
            yield f"postgresql://fz@/{{db}}?host={base}&port={PORT}"
        finally:
            run(str(folder / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
    finally:
        shutil.rmtree(base, ignore_errors=True)


def create_database(template: str, name: str) -> str:
    import psycopg

    with psycopg.connect(template.format(db="postgres"), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return template.format(db=name)
