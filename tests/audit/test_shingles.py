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
    lines += ["", "一", "依法 行政", "法治政府建设", "a_b c"]
    for sample in (1, 4):
        for line in lines:
            assert shingle_hashes(line, sample) == _by_definition(line, sample), line
    assert sum(len(shingle_hashes(line)) for line in lines) > 500
