"""Items taken a fixed number at a time (``itertools.batched`` from Python 3.12 on, as lists)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items in order, the last one shorter; read lazily from ``items``."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
