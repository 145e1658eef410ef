"""Copy detection's passes on threads: results in order, memory bounded, failures surfaced,
and the document-frequency tallies independent of the order they are added in."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from checker.audit.dfsketch import DocumentFrequency
from checker.audit.threaded import ordered_map


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_results_come_in_the_order_of_their_items(threads):
    seen_threads = set()

    def square(x: int) -> int:
        seen_threads.add(threading.current_thread().name)
        return x * x

    assert list(ordered_map(square, range(200), threads)) == [x * x for x in range(200)]
    assert (threads == 1) == (seen_threads == {threading.current_thread().name})


def test_only_a_few_items_are_taken_ahead_of_the_results():
    taken = []

    def items():
        for x in range(100):
            taken.append(x)
            yield x

    results = ordered_map(lambda x: x, items(), threads=2, ahead=4)
    assert next(results) == 0
    assert len(taken) <= 4
    assert next(results) == 1 and len(taken) <= 5
    results.close()  # the consumer stops: the rest is never read
    assert len(taken) <= 5


def test_a_failure_is_raised_at_its_items_turn():
    def brittle(x: int) -> int:
        if x == 7:
            raise ValueError("seven")
        return x

    got = []
    with pytest.raises(ValueError, match="seven"):
        for value in ordered_map(brittle, range(20), threads=2):
            got.append(value)
    assert got == list(range(7))


def test_tallies_added_in_any_order_count_as_adding_in_order():
    rng = np.random.default_rng(8)
    universe = rng.integers(0, 2**32, 400, dtype=np.uint64)
    documents = [
        np.unique(rng.choice(universe, int(rng.integers(0, 120)))).astype(np.uint32) for _ in range(900)
    ]
    in_order = DocumentFrequency(width_bits=10)
    blocks = [documents[start : start + 64] for start in range(0, len(documents), 64)]
    for block in blocks:
        in_order.add(block)
    shuffled = DocumentFrequency(width_bits=10)
    tallies = [shuffled.tally(block) for block in blocks]
    for k in rng.permutation(len(tallies)).tolist():
        shuffled.add_tally(tallies[k])
    shuffled.add_tally(shuffled.tally([]))  # nothing to add
    assert np.array_equal(in_order.counts, shuffled.counts)
    assert in_order.counts.max() == 255  # saturated slots agree too
