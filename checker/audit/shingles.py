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
from itertools import filterfalse

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
    r"""The UTF-8 of the tokens that begin with a word character (``\w``: punctuation and spaces
    do not), known by heart: a report has a few hundred distinct tokens and a corpus repeats
    them, so one dictionary look-up per token replaces a regular-expression match and an
    encoding. A token that is no word maps to ``b""`` (false), so ``filter(None, ...)`` drops it."""

    # Distinct tokens remembered per process before starting afresh. Each costs ~160 bytes (the
    # token, its UTF-8, the entry): 100,000 hold ~16 MB (500,000 held ~76 MB). A corpus's common
    # words are a few tens of thousands; learning them again after a reset takes ~25 ms.
    LIMIT = 100_000

    def __init__(self) -> None:
        self.encoded: dict[str, bytes] = {}

    def encode(self, tokens: list[str]) -> list[bytes]:
        r"""``[t.encode("utf-8") for t in tokens if re.match(r"\w", t)]``."""
        try:
            return list(filter(None, map(self.encoded.__getitem__, tokens)))
        except KeyError:
            self._learn(tokens)
            return list(filter(None, map(self.encoded.__getitem__, tokens)))

    def _learn(self, tokens: list[str]) -> None:
        if len(self.encoded) > self.LIMIT:
            self.encoded.clear()
        for token in set(tokens).difference(self.encoded):
            self.encoded[token] = token.encode("utf-8") if _CONTENT.match(token) else b""


_WORDS = _WordTokens()


def shingle_hashes(text: str, sample: int = SAMPLE) -> set[int]:
    """Sampled hashes of the 4-token shingles of one paragraph (punctuation dropped).

    A shingle's hash is crc32 of its tokens' UTF-8 joined by ``\x1f``; the windows are
    built, joined, hashed and sampled by C-level ``map``/``zip``/``filterfalse`` over tokens
    encoded once per process (``sample.__rmod__`` is ``value % sample``: falsy when kept).
    """
    tokens = _WORDS.encode(tokenizer()(text))
    if len(tokens) < SHINGLE_TOKENS:  # a short paragraph is one shingle
        if sum(map(len, map(bytes.decode, tokens))) < 6:
            return set()
        windows: Iterable[bytes] = [b"\x1f".join(tokens)]
    else:
        windows = map(b"\x1f".join, zip(*(tokens[i:] for i in range(SHINGLE_TOKENS)), strict=False))
    return set(filterfalse(sample.__rmod__, map(zlib.crc32, windows)))


_SENTENCE_END = regex_cache.compile(r"(?<=[。；！？!?;])|\n")


def sentences(text: str, min_chars: int = 12) -> list[str]:
    """Sentences of a paragraph long enough to be evidence of copying."""
    return [s.strip() for s in _SENTENCE_END.split(text) if len(s.strip()) >= min_chars]
