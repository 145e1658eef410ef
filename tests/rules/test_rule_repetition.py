"""The same passage written twice; boilerplate formulas and titles do not count."""

from __future__ import annotations

from tests.rules.helpers import findings, seed


def test_repeated_sentence_in_seed_003():
    found = findings(seed("003"), "repetition")
    excerpts = [f.excerpt for f in found]
    assert any(e.startswith("利用办理业务或进行社区服务时") for e in excerpts)
    first = next(f for f in found if f.excerpt.startswith("利用办理业务"))
    assert first.line == 13 and "第13行" in first.message


def test_no_repetition_in_other_seeds():
    for key in ("000", "001", "002", "004"):
        assert findings(seed(key), "repetition") == [], key


def _repeats_by_index(text: str, k: int, step: int = 4):
    """The search spelled out with a dict of every window's first position (the reference)."""
    width = max(k - step + 1, 4)
    index = {text[i : i + width]: i for i in range(len(text) - width, -1, -1)}
    done = 0
    for q in range(0, len(text) - width + 1, step):
        if q < done:
            continue
        earlier = index[text[q : q + width]]
        if earlier + width > q:
            continue
        start, first = q, earlier
        while start > done and first > 0 and text[start - 1] == text[first - 1]:
            start, first = start - 1, first - 1
        end = q + width
        while end < len(text) and first + (end - start) < start and text[end] == text[first + end - start]:
            end += 1
        if end - start >= k and first + (end - start) <= start:
            yield first, start, end - start
            done = end


def test_repeated_runs_match_the_window_index_reference():
    import random
    import re

    from checker.check.ruletypes.repetition import _repeats
    from tests.conftest import SEEDS

    texts = [re.sub(r"[^\u4e00-\u9fff]", "", path.read_text(encoding="utf-8")) for path in SEEDS.values()]
    rng = random.Random(1)
    for _ in range(200):
        alphabet = "法治政府建设依法行政"[: rng.randint(2, 10)]
        texts.append("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400))))
    found = 0
    for text in texts:
        for k in (4, 8, 24):
            expected = list(_repeats_by_index(text, k))
            assert list(_repeats(text, k)) == expected
            found += len(expected)
    assert found > 100
