"""A wall-time and memory budget for each file ``fzcheck check`` reads.

Mechanism, chosen so one ordinary check pays (almost) nothing:

* **In process** for ordinary files (small text, HTML and docx whose zip declares little):
  a ``SIGALRM`` interval timer raises :class:`BudgetExceeded` when the wall time runs out.
  Python code and the ``re`` engine (it polls for signals while backtracking) stop at once;
  memory is bounded by the readers' own caps (input size, zip declared sizes, nesting depth),
  so no second process is needed. Cost: two ``setitimer`` calls per file.
* **In a forked child** for risky files: large inputs, zips declaring many megabytes, PDFs and
  converted Word/WPS files, whose parsers are C code that a signal cannot interrupt. The child
  limits its address space (``RLIMIT_AS``) and sends its :class:`Result` back through a pipe;
  the parent kills it at the deadline. ``fork`` copies the loaded pack and modules for free,
  so there is no pool start-up and no re-import.

A file over budget becomes an error row, ``timeout`` or ``memory``; the run goes on.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar, cast

import msgspec

DEFAULT_TIMEOUT = 30.0  # seconds per file, as ``fzcheck audit --timeout``
DEFAULT_MEMORY_MB = 1024  # address space of the process checking a risky file (--max-memory)
IN_PROCESS_BYTES = 2 * 1024 * 1024  # larger files are checked in a child process
IN_PROCESS_ZIP_DECLARED = 32 * 1024 * 1024  # zips declaring more uncompressed bytes: child
CHILD_SUFFIXES = (".pdf", ".doc", ".wps")  # C parsers or converters: always a child


class BudgetExceeded(BaseException):
    """Raised by the in-process timer; a BaseException so no reader's ``except Exception``
    swallows it."""


class Budget(msgspec.Struct, frozen=True):
    """Per-file limits: ``timeout`` seconds (0: none), ``memory_mb`` MB (0: none);
    ``in_process_bytes`` is the size above which a file is checked in a child process."""

    timeout: float = DEFAULT_TIMEOUT
    memory_mb: int = DEFAULT_MEMORY_MB
    in_process_bytes: int = IN_PROCESS_BYTES


DEFAULT_BUDGET = Budget()

T = TypeVar("T")


def risky(path: Path, budget: Budget) -> bool:
    """Whether ``path`` needs the isolation of a child process (see the module docstring)."""
    if not hasattr(os, "fork"):
        return False
    if path.suffix.lower() in CHILD_SUFFIXES:
        return True
    try:
        info = path.stat()
    except OSError:
        return False  # the reader reports it
    if not stat.S_ISREG(info.st_mode):
        return False  # a FIFO or device is refused unread by the reader: never open it here
    size = info.st_size
    if size > budget.in_process_bytes:
        return True
    return _zip_declares_much(path)


def _zip_declares_much(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            if handle.read(4) != b"PK\x03\x04":
                return False
    except OSError:
        return False  # the reader reports it
    import zipfile  # only for what looks like a zip

    try:
        with zipfile.ZipFile(path) as archive:
            return sum(entry.file_size for entry in archive.infolist()) > IN_PROCESS_ZIP_DECLARED
    except (OSError, zipfile.BadZipFile, ValueError, EOFError, NotImplementedError):
        return False  # the reader classifies it


def run_within(
    budget: Budget, path: Path, work: Callable[[], T], failure: Callable[[str, dict[str, object]], T]
) -> T:
    """``work()`` for ``path`` within ``budget``: a check's Result, or any answer that pickles
    (``fzcheck annotate``'s document); ``failure(code, details)`` answers an overrun
    (``timeout``, ``memory``, ``crash``)."""
    if (budget.timeout > 0 or budget.memory_mb > 0) and risky(path, budget):
        _warm(path)
        return _in_child(budget, work, failure)
    try:
        with _alarm(budget.timeout):
            return work()
    except BudgetExceeded:
        return failure("timeout", {"seconds": _seconds(budget.timeout)})
    except MemoryError:
        return failure("memory", {"mb": budget.memory_mb})


def _warm(path: Path) -> None:
    """Import the file's reader in this process before forking, so each child does not."""
    from checker.read import InputError, _reader_for

    with contextlib.suppress(InputError, ImportError):
        _reader_for(path.suffix)


def _seconds(timeout: float) -> str:
    return f"{timeout:g}"


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """Raise :class:`BudgetExceeded` after ``seconds`` (main thread only; else no timer)."""
    import threading

    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise BudgetExceeded()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _limit_memory(memory_mb: int) -> None:
    import resource

    if memory_mb > 0:
        limit = memory_mb * 1024 * 1024
        with contextlib.suppress(ValueError, OSError):  # a platform may refuse the limit
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _child(write_fd: int, budget: Budget, work: Callable[[], object]) -> None:
    """In the forked child: limit memory, do the work, send ("ok", result) or the failure."""
    import pickle

    try:
        _limit_memory(budget.memory_mb)
        try:
            payload: tuple[str, object] = ("ok", work())
        except MemoryError:
            payload = ("memory", None)
        data = pickle.dumps(payload)
    except MemoryError:
        data = pickle.dumps(("memory", None))
    except BaseException as exc:  # reported as an error row by the parent
        data = pickle.dumps(("crash", f"{type(exc).__name__}: {exc}"))
    with os.fdopen(write_fd, "wb") as out:
        out.write(data)


def _in_child(budget: Budget, work: Callable[[], T], failure: Callable[[str, dict[str, object]], T]) -> T:
    import pickle  # the child path only: the CLI imports this module at start-up

    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: never returns into the caller's code
        status = 0
        try:
            os.close(read_fd)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler (stopping)
            _child(write_fd, budget, work)
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(write_fd)
    try:
        data, timed_out = _collect(read_fd, pid, budget.timeout)
    except BaseException:  # Ctrl-C in the parent: take the child down too
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise
    _, status = os.waitpid(pid, 0)
    if timed_out:
        return failure("timeout", {"seconds": _seconds(budget.timeout)})
    try:
        kind, value = pickle.loads(data) if data else ("crash", None)
    except Exception:
        kind, value = "crash", None
    if kind == "ok":
        return cast(T, value)  # what work() returned, through the pipe
    if kind == "memory" or (kind == "crash" and value is None and budget.memory_mb > 0):
        # no answer at all: the child died, most often a C library failing to allocate
        return failure("memory", {"mb": budget.memory_mb})
    return failure("crash", {"detail": str(value or f"exit status {status}")})


def _collect(read_fd: int, pid: int, timeout: float) -> tuple[bytes, bool]:
    """Everything the child writes until it closes the pipe; kill it at the deadline."""
    import select

    deadline = time.monotonic() + timeout if timeout > 0 else None
    chunks: list[bytes] = []
    try:
        while True:
            wait = None if deadline is None else deadline - time.monotonic()
            if wait is not None and wait <= 0:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
                return b"", True
            ready, _, _ = select.select([read_fd], [], [], wait)
            if not ready:
                continue
            chunk = os.read(read_fd, 1 << 20)
            if not chunk:
                return b"".join(chunks), False
            chunks.append(chunk)
    finally:
        os.close(read_fd)
