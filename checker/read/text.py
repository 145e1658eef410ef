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

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Frequent characters of report language, simplified and traditional forms.
COMMON_HAN = frozenset(
    "一三上下不与专业两严並个中为主举义九习乡书了事二于交人代以件任众优会传位体余作來例供依促保信"
    "個做健傳優充党入內全兩公共关兵具典内军农决况准出分切划列创利到制前創劃力办加务动助動務化区區"
    "十升华协協单印县参參及发取受召可台号司各合同名后向告员和員問善單嚴四围国國圍在地场坚域執培基"
    "堅報場境增士处多大央头好如委子学學安完定实审宣室家容實審对导将將專對導小就局层屆届展層履工市"
    "布师带師帶常干平年并幹广序应府度廣建开式引強强形役彻待律後得徹心必态思性总息情想意態應成我扎"
    "执批把抓抚护报持指按挥据排接推措提揮撫據支改放政效教整文断新斷方於施日时明是時普更書最會月有"
    "服期本机权村条来极构查标校核根格案條業極構標機權次正步民水求江決治況法活涉深清準点為照營爲牢"
    "特獲率环现班現理環生用电發的益监監目相盾省真眾督矛知研确確示社神科积程稳積穩究立站第等策筹管"
    "節範籌类精系納級素紧組結統經維綱網緊線編縣總織繞續级纲纳线组织经结绕统续维编网置署羣群義習老"
    "考职联聯職育能自臺與舉良色节范获華营落處號衆行街要規視覺规视觉解計訓記訪設評試話認誰調請論講"
    "證識議護计认训议记讲论设访证评识试话请谁调象負貫責資質负责质贯资走践踐軍轉转辦農达过运近进述"
    "退通造進運過道達部鄉重量金鎮镇長长門開間關门问间队防际院隊際障集電面革項領頭題類顧项顾领题風"
    "风餘首體高點黨龍龙"
)
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\x1a"}


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _common_share(text: str) -> float:
    """Share of the sample's Han characters that are common report characters."""
    han = [ch for ch in text[:4000] if _is_han(ch)]
    if not han:
        return 0.0
    return sum(1 for ch in han if ch in COMMON_HAN) / len(han)


def _plausible_share(text: str) -> float:
    """Share of characters a Chinese text file plausibly holds (Han, ASCII, CJK punctuation)."""
    sample = text[:4000]
    if not sample:
        return 0.0
    good = sum(
        1
        for ch in sample
        if _is_han(ch)
        or " " <= ch <= "~"
        or ch in "\t\n\r"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or "\u2000" <= ch <= "\u206f"
    )
    return good / len(sample)


def _guess_utf16(data: bytes) -> tuple[str, str] | None:
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
        guessed = _guess_utf16(data)
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
    return _repair_mojibake(text, name)


_LATIN1_RUN = regex_cache.compile(r"[\u00c0-\u00ff][\u0080-\u00ff\u0152-\u2122]")


def _repair_mojibake(text: str, name: str) -> tuple[str, str]:
    """UTF-8 bytes once read as Latin-1/cp1252 and saved again ("æ³•æ²»æ"¿åºœ"): undo it.

    Only when the text has almost no Han characters and many of those telltale pairs, and
    the round trip gives text made of common report characters.
    """
    sample = text[:4000]
    # the regex first: clean text (nearly every file) has no such pair and is done in C
    if len(_LATIN1_RUN.findall(sample)) < 20:
        return text, name
    if sum(1 for ch in sample if _is_han(ch)) > len(sample) // 20:
        return text, name
    for legacy in ("latin-1", "cp1252"):
        try:
            repaired = text.encode(legacy).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if _common_share(repaired) > 0.5:
            return repaired, f"{name} (repaired from {legacy} mojibake)"
    return text, name


def _decode_chinese_legacy(data: bytes) -> tuple[str, str]:
    candidates: list[tuple[float, str, str]] = []
    for name in ("gb18030", "big5hkscs"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        candidates.append((_common_share(text), name, text))
    if not candidates:
        raise InputError("decode", encoding="utf-8/gb18030/big5")
    # GB18030 decodes almost anything: Big5 must be clearly more plausible to win.
    candidates.sort(key=lambda c: c[0] + (0.05 if c[1] == "gb18030" else 0.0), reverse=True)
    _, name, text = candidates[0]
    return text, "big5" if name == "big5hkscs" else name


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so line numbers match what editors show."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text_bytes(data: bytes) -> SourceText:
    """Read a .txt report."""
    text, encoding = decode_bytes(data)
    return SourceText(text=normalise_newlines(text), format="txt", encoding=encoding)
