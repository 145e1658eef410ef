"""Plain-text reader: byte-order marks, UTF-8/UTF-16, then GB18030 and Big5, CR/CRLF."""

from __future__ import annotations

import codecs

from checker.read.errors import InputError
from checker.read.source import SourceText

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _han_ratio(text: str) -> float:
    sample = text[:4000]
    if not sample:
        return 0.0
    han = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    return han / len(sample)


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: every other byte of ASCII text is zero."""
    sample = data[:2000]
    if len(sample) < 4:
        return None
    even_zero = sample[0::2].count(0)
    odd_zero = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_zero > 0.3 * half and even_zero < 0.05 * half:
        return "utf-16-le"
    if even_zero > 0.3 * half and odd_zero < 0.05 * half:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode report bytes; returns (text, encoding). Raises InputError('binary'|'decode')."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise InputError("decode", encoding=name) from exc
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192]:
        raise InputError("binary")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates: list[tuple[float, str, str]] = []
    for name in ("gb18030", "big5"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        candidates.append((_han_ratio(text), name, text))
    if not candidates:
        raise InputError("decode", encoding="utf-8/gb18030/big5")
    # GB18030 decodes almost anything; prefer it unless Big5 yields clearly more Han text.
    candidates.sort(key=lambda c: (c[0], c[1] == "gb18030"), reverse=True)
    _, name, text = candidates[0]
    return text, name


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so line numbers match what editors show."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text_bytes(data: bytes) -> SourceText:
    """Read a .txt report."""
    text, encoding = decode_bytes(data)
    return SourceText(text=normalise_newlines(text), format="txt", encoding=encoding)
