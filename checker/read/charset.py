"""Character-set sniffing for HTML bytes: BOM, then the declared charset, then content.

HTML parsers given raw bytes ignore or mishandle `<meta charset=gb2312>` (measured: an
empty document or mojibake), so pages are decoded here first. GB2312/GBK labels are decoded as
GB18030, their superset: pages labelled gb2312 routinely contain GBK-only characters.
"""

from __future__ import annotations

import codecs
import re

from checker.read.errors import InputError

_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_\-:.]+)""",
    re.IGNORECASE,
)
_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "gb_2312-80": "gb18030",
    "euc-cn": "gb18030",
    "big5": "big5hkscs",
    "x-x-big5": "big5hkscs",
    "utf8": "utf-8",
}
# Labels that Chinese sites put on pages that are really GBK or UTF-8: ignore them.
_UNTRUSTED = {"iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "windows-1252"}


def declared_charset(data: bytes) -> str | None:
    """The Python codec name the page declares in its first 16 KB, if any we trust."""
    match = _DECLARED.search(data[:16384])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii", "ignore").lower()
    label = _ALIASES.get(label, label)
    if label in _UNTRUSTED:
        return None
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _ascii_compatible(name: str | None) -> str | None:
    """A declared charset the page's bytes can be in: the declaration was read as ASCII, so a
    UTF-16 or UTF-32 label is wrong (browsers then use UTF-8 too)."""
    return None if name is not None and name.startswith(("utf-16", "utf-32")) else name


def decode_html(data: bytes) -> tuple[str, str]:
    """(text, encoding) of HTML bytes; tries BOM, declared charset, UTF-8, GB18030."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    if b"\x00" in data[:8192]:  # no ASCII-compatible page holds NUL: UTF-16 without a BOM
        from checker.read.text import guess_utf16

        guessed = guess_utf16(data)
        if guessed is not None:
            return guessed
    candidates = [_ascii_compatible(declared_charset(data)), "utf-8", "gb18030"]
    for name in dict.fromkeys(c for c in candidates if c):
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    # A few stray bytes (truncated download, mixed encodings): keep the best guess.
    name = candidates[0] or "gb18030"
    try:
        return data.decode(name, errors="replace"), name
    except LookupError as exc:
        raise InputError("decode", encoding=name) from exc
