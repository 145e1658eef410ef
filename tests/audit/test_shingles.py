"""Copy-detection shingles: the hash of a shingle is a stable, documented function of its tokens."""

from __future__ import annotations

import re
import zlib

from checker.audit.shingles import SHINGLE_TOKENS, shingle_hashes, tokenizer
from tests.conftest import SEEDS


def _by_definition(text: str, sample: int) -> set[int]:
    """crc32 of every window of 4 word tokens joined by \\x1f, kept when ≡ 0 mod ``sample``."""
    tokens = [t for t in tokenizer()(text) if re.match(r"\w", t)]
    if len(tokens) < SHINGLE_TOKENS:
        windows = ["\x1f".join(tokens)] if sum(map(len, tokens)) >= 6 else []
    else:
        windows = ["\x1f".join(tokens[i : i + SHINGLE_TOKENS]) for i in range(len(tokens) - 3)]
    return {h for h in (zlib.crc32(w.encode("utf-8")) for w in windows) if h % sample == 0}


def test_shingle_hashes_follow_their_definition_on_every_seed_line():
    lines = [line for path in SEEDS.values() for line in path.read_text(encoding="utf-8").splitlines()]
    lines += [
        "",
        "一",
        "依法 行政",
        "法治政府建设",
        "a_b c",
        "_下划线开头的词语和更多的词语",
        "，。、！",
        "（一）依法行政。",
    ]
    # separators, controls, punctuation at either end, digits, Latin, emoji, full-width forms
    lines += [
        "依法\x1f行政\x1f推进法治政府建设工作",
        "\x1f",
        "。依法行政，推进法治政府建设。",
        "2024年GDP增长5%",
    ]
    lines += [
        "  前后空格  推进 依法 治理  ",
        "\t制表\x00控制\x7f字符的法治建设",
        "😀法治政府建设😀示范创建",
        "ＡＢＣ全角字母",
    ]
    for sample in (1, 4):
        for line in lines:
            assert shingle_hashes(line, sample) == _by_definition(line, sample), line
    assert sum(len(shingle_hashes(line)) for line in lines) > 500


def test_word_tokens_are_those_a_word_character_begins_even_after_the_memory_is_cleared():
    from checker.audit.shingles import _WordTokens

    lines = [line for path in SEEDS.values() for line in path.read_text(encoding="utf-8").splitlines()]
    lines += ["-19号，C++与.NET、_内部_ 和 ＃标签", "\t \u3000全角空格  ", ""]
    remembered = _WordTokens()
    remembered.LIMIT = 40  # forces the memory to be cleared many times on the way
    for line in lines * 2:
        tokens = tokenizer()(line)
        words = [t for t in tokens if re.match(r"\w", t)]
        assert remembered.encode(tokens) == [t.encode("utf-8") for t in words], line
    widest = max(len(set(tokenizer()(line))) for line in lines)
    assert len(remembered.encoded) <= 40 + widest


def test_shingle_hashes_follow_their_definition_on_generated_reports_and_random_text(tmp_path):
    import random

    from tests.audit.corpora import make_corpus

    make_corpus().build(20, tmp_path, seed=3)
    rng = random.Random(5)
    alphabet = "法治政府建设依法行政推进工作年度，。、；：（）ABC abc123_-\t\u3000①Ⅱ😀\x1f"
    texts = [path.read_text(encoding="utf-8") for path in sorted(tmp_path.glob("*.txt"))]
    lines = [line for text in texts for line in text.splitlines()]
    lines += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30))) for _ in range(3000)]
    for sample in (1, 4):
        for line in lines:
            assert shingle_hashes(line, sample) == _by_definition(line, sample), line


def test_the_token_memory_of_a_worker_is_bounded():
    """However many distinct tokens a long audit brings, a worker keeps at most ``LIMIT``."""
    import tracemalloc

    from checker.audit.shingles import _WordTokens

    han = [chr(code) for code in range(0x4E00, 0x4E00 + 3000)]
    distinct = 330_000  # two Han characters each, all different: a long audit's names and numbers
    remembered = _WordTokens()
    tracemalloc.start()
    try:
        start, _ = tracemalloc.get_traced_memory()
        for first in range(0, distinct, 1000):  # a report's worth of new tokens at a time
            batch = [han[i % 3000] + han[i // 3000] for i in range(first, first + 1000)]
            assert remembered.encode(batch) == [token.encode("utf-8") for token in batch]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # ~160 bytes a token remembered (the token, its UTF-8, the entry): 500,000 kept would be ~76 MB
    assert peak - start < 24 * 2**20, peak - start
    assert len(remembered.encoded) <= _WordTokens.LIMIT + 1000
    assert distinct > 3 * _WordTokens.LIMIT  # the memory was cleared more than once
