"""A command stopped by Ctrl+C or SIGTERM ends as one: its work put away, then a sentence.

Ctrl+C raises ``KeyboardInterrupt``; SIGTERM (``kill``, a service manager's stop) would end the
process on the spot, saying nothing (an audit lost the rows of its last commit batch). Under
:func:`stopping_on_sigterm` it raises :class:`Stopped`, a ``KeyboardInterrupt``, so both take the
same way out: an audit's store commits what it has and its pool stops its workers, a
half-written output file is removed (``audit``, ``check``, ``annotate``), and the command exits
``128 + signal`` (130, 143) as a shell reports a signal.
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
