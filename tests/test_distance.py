"""Bit-parallel edit distance: the row-by-row table it replaced, value for value."""

from __future__ import annotations

import random

from checker.packs.catalogue import law_index
from checker.text.distance import edit_distance
from tests.conftest import SEEDS


def _by_rows(a: str, b: str, limit: int) -> int:
    """The table row by row over ``a``, stopping at the first row wholly above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _levenshtein(a: str, b: str) -> int:
    return _by_rows(a, b, len(a) + len(b) + 1)


def test_random_strings_over_small_alphabets_give_what_the_table_gave():
    rng = random.Random(3)
    for alphabet in ("ab", "法治政府建设退役军人事务局a", "abcdefghijklmnopqrstuvwxyz"):
        for _ in range(20_000):
            a = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
            b = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
            limit = rng.randint(1, 4)
            assert edit_distance(a, b, limit) == _by_rows(a, b, limit), (a, b, limit)


def test_the_exact_distance_whenever_it_is_within_the_limit():
    rng = random.Random(4)
    for _ in range(5_000):
        a = "".join(rng.choice("依法行政法治") for _ in range(rng.randint(0, 70)))  # past 64 rows too
        b = "".join(rng.choice("依法行政法治") for _ in range(rng.randint(0, 70)))
        exact = _levenshtein(a, b)
        assert edit_distance(a, b, max(exact, 1)) == exact


def test_law_titles_and_seed_lines_compared_as_the_rules_compare_them():
    titles = [title.removeprefix("中华人民共和国") for title in law_index("data/laws.yaml")]
    for a in titles:
        for b in titles:
            assert edit_distance(a, b, 2) == _by_rows(a, b, 2), (a, b)
    names = ["株洲市退役军人事务局", "退役军事务局", "退役军人事物局", "司法局"]
    for text in (path.read_text(encoding="utf-8") for path in SEEDS.values()):
        for line in text.splitlines()[:40]:
            for name in names:
                for start in range(0, max(1, len(line) - len(name)), 7):
                    window = line[start : start + len(name) + 1]
                    assert edit_distance(window, name, 1) == _by_rows(window, name, 1)
    assert edit_distance("退役军事务局", "退役军人事务局", 1) == 1
    assert edit_distance("法治政府建设实施方案(2021-2025年)", "法治政府建设实施纲要(2021-2025)", 2) == 3
