"""Word shingles for copy detection: jieba tokens, 4-token windows, sampled crc32 hashes.

Tokens come from ``rjieba`` (jieba-rs, same dictionary, ~20× faster) with ``jieba`` as the
fallback. Only hashes ≡ 0 (mod ``SAMPLE``) are kept — Broder's mod-p sampling — so each
report keeps about a quarter of its shingles while shared content is still estimated
without bias. Shingles never cross a paragraph.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable
from functools import lru_cache

import checker.regex_cache as regex_cache

SHINGLE_TOKENS = 4
SAMPLE = 4
_CONTENT = regex_cache.compile(r"\w")


@lru_cache(maxsize=1)
def tokenizer() -> Callable[[str], list[str]]:
    """The fastest available precise-mode segmenter (HMM off, so both give the same tokens)."""
    try:
        import rjieba

        return lambda text: rjieba.cut(text, False)
    except ImportError:  # pragma: no cover - depends on the platform's wheels
        import jieba

        return lambda text: jieba.lcut(text, HMM=False)


class _WordTokens:
    r"""Which tokens begin with a word character (``\w``: punctuation and spaces do not), known
    by heart: a report has a few hundred distinct tokens and a corpus repeats them, so two set
    look-ups per token replace a regular-expression match per token (half the cost)."""

    LIMIT = 500_000  # distinct tokens remembered per process before starting afresh

    def __init__(self) -> None:
        self.words: set[str] = set()
        self.others: set[str] = set()

    def keep(self, tokens: list[str]) -> list[str]:
        r"""``[t for t in tokens if re.match(r"\w", t)]``."""
        words = list(filter(self.words.__contains__, tokens))
        if len(words) + sum(map(self.others.__contains__, tokens)) == len(tokens):
            return words
        if len(self.words) + len(self.others) > self.LIMIT:
            self.words.clear()
            self.others.clear()
        for token in set(tokens).difference(self.words, self.others):
            (self.words if _CONTENT.match(token) else self.others).add(token)
        return list(filter(self.words.__contains__, tokens))


_WORDS = _WordTokens()


def shingle_hashes(text: str, sample: int = SAMPLE) -> set[int]:
    """Sampled hashes of the 4-token shingles of one paragraph (punctuation dropped).

    A shingle's hash is crc32 of its tokens' UTF-8 joined by ``\x1f``; the windows are
    built, joined and hashed by C-level ``map``/``zip`` over tokens encoded once.
    """
    words = _WORDS.keep(tokenizer()(text))
    if len(words) < SHINGLE_TOKENS:  # a short paragraph is one shingle
        windows: Iterable[bytes] = ["\x1f".join(words).encode("utf-8")] if sum(map(len, words)) >= 6 else []
    else:
        tokens = list(map(str.encode, words))
        windows = map(b"\x1f".join, zip(*(tokens[i:] for i in range(SHINGLE_TOKENS)), strict=False))
    return {value for value in map(zlib.crc32, windows) if value % sample == 0}


_SENTENCE_END = regex_cache.compile(r"(?<=[。；！？!?;])|\n")


def sentences(text: str, min_chars: int = 12) -> list[str]:
    """Sentences of a paragraph long enough to be evidence of copying."""
    return [s.strip() for s in _SENTENCE_END.split(text) if len(s.strip()) >= min_chars]
