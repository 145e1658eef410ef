"""Segmenting section after section keeps only the last few texts' words, not thousands."""

from __future__ import annotations

import random
import tracemalloc

from checker.text.tokens import WORDS_KEPT, has_word, words
from tests.conftest import ROOT


def _section_texts(count: int) -> list[str]:
    """``count`` different section-sized texts made of the seeds' paragraphs, each with 述法."""
    lines = [
        line
        for seed in sorted((ROOT / "reports").glob("*.txt"))
        for line in seed.read_text(encoding="utf-8").splitlines()
        if len(line) > 40
    ]
    rng = random.Random(3)
    return ["".join(rng.sample(lines, 8)) + "年终述法。" for _ in range(count)]


def test_memory_held_by_segmented_texts_stays_flat():
    texts = _section_texts(200)
    words.cache_clear()
    tracemalloc.start()
    try:
        before = tracemalloc.take_snapshot()
        for text in texts:
            assert has_word(text, frozenset({"述法"})) == "述法"
        after = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    held = sum(
        stat.size_diff
        for stat in after.compare_to(before, "filename")
        if stat.traceback[0].filename.endswith("tokens.py")
    )
    info = words.cache_info()
    assert info.misses == 200 and info.currsize <= WORDS_KEPT  # every text was segmented
    # one text's words take ~55 KB: 16 kept hold ~0.9 MB, the 200 a cache of thousands kept ~11 MB
    assert held < 1_500_000, held
