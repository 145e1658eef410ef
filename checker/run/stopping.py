"""A command stopped by Ctrl+C or SIGTERM ends as one: its work put away, then a sentence.

Ctrl+C raises ``KeyboardInterrupt``; SIGTERM (``kill``, a service manager's stop) would end the
process on the spot, saying nothing (an audit lost the rows of its last commit batch). Under
:func:`stopping_on_sigterm` it raises :class:`Stopped`, a ``KeyboardInterrupt``, so both take the
same way out: an audit's store commits what it has and its pool stops its workers, a
half-written output file is removed (``audit``, ``check``, ``annotate``), and the command exits
``128 + signal`` (130, 143) as a shell reports a signal.

A command's helper processes (audit and service workers, the fork server that starts them, the
workbook writer) leave Ctrl+C, which a terminal sends to the whole process group, to the command:
:func:`ctrl_c_held` while they are started, :func:`ctrl_c_left_to_the_parent` in them.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType


class Stopped(KeyboardInterrupt):
    """The command was asked to stop by ``signum``."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def exit_code_of(stop: KeyboardInterrupt) -> int:
    """``128 + signal``: 130 for Ctrl+C, 143 for SIGTERM."""
    return 128 + (stop.signum if isinstance(stop, Stopped) else signal.SIGINT)


@contextlib.contextmanager
def stopping_on_sigterm() -> Iterator[None]:
    """SIGTERM raises :class:`Stopped` in the block (main thread only; elsewhere a no-op)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, _frame: FrameType | None) -> None:
        raise Stopped(signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def ctrl_c_held() -> Iterator[None]:
    """SIGINT blocked in this thread for the block, so a process started here (the fork server,
    and through it every process it forks) is born with it blocked: a Ctrl+C cannot find it still
    importing, before it says it ignores Ctrl+C, and print a KeyboardInterrupt traceback (the fork
    server imports the checker for a second or more on a loaded machine). The command loses no
    Ctrl+C: Python takes it in the main thread, from another thread or when the block ends."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - not POSIX: no fork server
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def ctrl_c_left_to_the_parent() -> None:
    """In a helper process, first thing: ignore Ctrl+C (the command stops its helpers), then
    unblock it (:func:`ctrl_c_held`); one that came in between is dropped, not delivered. The
    helper's own children then start as usual."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
