"""Rewrite the streams of a real PDF fixture, to make the text layers other exporters write.

LibreOffice writes each font's ToUnicode CMap and each page's content as Flate streams;
these helpers inflate a stream, change it and store it uncompressed (pdfium rebuilds the
cross-reference table of the edited file, as it does for many real files).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable

_STREAM = re.compile(rb"(\d+ 0 obj\s*<<)(.*?)(>>\s*stream\r?\n)(.*?)(\r?\nendstream)", re.S)
_BFCHAR = re.compile(rb"(<[0-9A-F]{2}> )<([0-9A-F]{4})>")


def rewrite_streams(data: bytes, change: Callable[[bytes], bytes | None]) -> bytes:
    """``data`` with each Flate stream replaced by ``change(inflated)`` when that is not None."""

    def replace(match: re.Match[bytes]) -> bytes:
        head, body = match.group(2), match.group(4)
        if b"/FlateDecode" not in head:
            return match.group(0)
        new = change(zlib.decompress(body))
        if new is None:
            return match.group(0)
        head = re.sub(rb"/Length \d+ 0 R|/Length \d+", b"", head).replace(b"/Filter/FlateDecode", b"")
        return match.group(1) + head + b"/Length %d" % len(new) + match.group(3) + new + match.group(5)

    return _STREAM.sub(replace, data)


def remap_to_unicode(data: bytes, remap: Callable[[int], int]) -> bytes:
    """``data`` with every ToUnicode entry's code point passed through ``remap``."""

    def change(stream: bytes) -> bytes | None:
        if b"begincmap" not in stream:
            return None
        return _BFCHAR.sub(lambda m: m.group(1) + b"<%04X>" % remap(int(m.group(2), 16)), stream)

    return rewrite_streams(data, change)


def fake_bold_pdf(data: bytes, offset: float = 0.35) -> bytes:
    """``data`` with every text object printed a second time ``offset`` points to the right,
    as drivers fake bold for a font without a bold face."""

    def change(stream: bytes) -> bytes | None:
        if b"BT" not in stream:
            return None
        shifted = b"q 1 0 0 1 %.2f 0 cm BT\n" % offset
        return re.sub(
            rb"BT\n(.*?)ET\n",
            lambda m: shifted + m.group(1) + b"ET\nQ\nBT\n" + m.group(1) + b"ET\n",
            stream,
            flags=re.S,
        )

    return rewrite_streams(data, change)
