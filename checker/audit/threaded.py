"""A function mapped over items on a few threads, results in order, a bounded number ahead.

For numpy work, which lets go of the interpreter lock inside its loops and sorts: copy
detection runs after the workers are done, with a core otherwise idle.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_threads() -> int:
    """One thread per core, at most two: numpy lets go of the lock only inside its loops and
    sorts, and two is what was measured (on two cores: the copy passes 2.58 → 2.27 s at 10,000
    reports)."""
    return max(1, min(2, os.cpu_count() or 1))


def ordered_map(
    function: Callable[[T], R], items: Iterable[T], threads: int | None = None, ahead: int = 4
) -> Iterator[R]:
    """``map(function, items)`` computed on ``threads`` threads; at most ``ahead`` items are
    taken from ``items`` before their results are yielded, so memory stays bounded. An
    exception in ``function`` is raised here, at its item's turn."""
    threads = threads or default_threads()
    if threads == 1:
        yield from map(function, items)
        return
    with ThreadPoolExecutor(threads, thread_name_prefix="fzcheck-copies") as pool:
        pending: deque[Future[R]] = deque()
        try:
            for item in items:
                pending.append(pool.submit(function, item))
                if len(pending) >= max(ahead, threads):
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:  # stopped early or failed: drop what has not started
                future.cancel()
