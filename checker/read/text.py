"""Plain-text reader: byte-order marks, UTF-8/UTF-16, then GB18030 and Big5, CR/CRLF.

Strict UTF-8 first, then GB18030 (right on every GBK/GB18030/UTF-8 sample measured; charset
guessers misread short GBK snippets).
GB18030 and Big5 byte ranges overlap, so when both decode we keep the one whose Han
characters are the common ones of report language; a wrong guess yields rare characters.
"""

from __future__ import annotations

import codecs

import checker.regex_cache as regex_cache
from checker.read.errors import InputError
from checker.read.source import SourceText
from checker.text.common_han import common_share, is_han

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\x1a"}


def _plausible_share(text: str) -> float:
    """Share of characters a Chinese text file plausibly holds (Han, ASCII, CJK punctuation)."""
    sample = text[:4000]
    if not sample:
        return 0.0
    good = sum(
        1
        for ch in sample
        if is_han(ch)
        or " " <= ch <= "~"
        or ch in "\t\n\r"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or "\u2000" <= ch <= "\u206f"
    )
    return good / len(sample)


def guess_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: the endianness whose decoding looks like Chinese text."""
    best: tuple[float, str, str] | None = None
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data[: len(data) - len(data) % 2].decode(name)
        except UnicodeDecodeError:
            continue
        score = _plausible_share(text)
        if score > 0.9 and (best is None or score > best[0]):
            best = (score, name, text)
    return (best[2], best[1]) if best else None


# C0 controls other than _ALLOWED_CONTROLS (tab, LF, CR, form feed, DOS end-of-file)
_CONTROLS = regex_cache.compile(r"[\x00-\x08\x0b\x0e-\x19\x1b-\x1f]")


def _too_many_controls(text: str) -> bool:
    sample = text[:8192]
    return len(_CONTROLS.findall(sample)) > max(8, len(sample) // 100)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode report bytes; returns (text, encoding). Raises InputError('binary'|'decode')."""
    # NUL characters after the text are padding some exporters append, not binary data
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name).rstrip("\x00"), name
            except UnicodeDecodeError as exc:
                raise InputError("decode", encoding=name) from exc
    if b"\x00" in data[:8192]:
        # UTF-8 and GB18030 never contain NUL bytes: this is UTF-16 or not text at all.
        guessed = guess_utf16(data)
        if guessed is not None:
            return guessed[0].rstrip("\x00"), guessed[1]
    data = data.rstrip(b"\x00")
    if not data or b"\x00" in data[:8192]:
        raise InputError("binary")
    try:
        text, name = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, name = _decode_chinese_legacy(data)
    if _too_many_controls(text):
        raise InputError("binary")
    return text, name


def _decode_chinese_legacy(data: bytes) -> tuple[str, str]:
    candidates: list[tuple[float, str, str]] = []
    for name in ("gb18030", "big5hkscs"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        candidates.append((common_share(text), name, text))
    if not candidates:
        damaged = _decode_damaged(data)
        if damaged is None:
            raise InputError("decode", encoding="utf-8/gb18030/big5")
        return damaged
    # GB18030 decodes almost anything: Big5 must be clearly more plausible to win.
    candidates.sort(key=lambda c: c[0] + (0.05 if c[1] == "gb18030" else 0.0), reverse=True)
    _, name, text = candidates[0]
    return text, "big5" if name == "big5hkscs" else name


# bytes lost or changed in a copy or a download: at most this share of the characters, each
# read as U+FFFD (which the garbled-text check then points at) instead of refusing the file
MAX_DAMAGED_SHARE = 0.001
MIN_DAMAGED_ALLOWED = 8


def _decode_damaged(data: bytes) -> tuple[str, str] | None:
    """Text with a few undecodable bytes in the first encoding that leaves only a few;
    UTF-8 first (GB18030 reads UTF-8 bytes as other Han characters, seldom as errors)."""
    for name in ("utf-8", "gb18030"):
        text = data.decode(name, errors="replace")
        if text.count("\ufffd") <= max(MIN_DAMAGED_ALLOWED, len(text) * MAX_DAMAGED_SHARE):
            return text, name
    return None


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so line numbers match what editors show."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text_bytes(data: bytes) -> SourceText:
    """Read a .txt report."""
    text, encoding = decode_bytes(data)
    return SourceText(text=normalise_newlines(text), format="txt", encoding=encoding)
