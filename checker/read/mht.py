"""MHT / MHTML ("单个文件网页"): a MIME web archive whose HTML part holds the report.

Word ("另存为单个文件网页") and IE/Edge ("Web 档案") write one; government document
systems often rename it .doc. The standard library's email parser splits the parts and
undoes the transfer encoding (quoted-printable, base64); the part's declared charset
decodes the HTML, and the HTML reader (:mod:`checker.read.html_text`) does the rest.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import re
from email.message import Message
from itertools import islice

import msgspec

from checker.read.charset import declared_charset, decode_html
from checker.read.container import sniff
from checker.read.errors import InputError, phrase
from checker.read.html_text import read_html_bytes
from checker.read.source import SourceText

_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
MAX_PARTS = 5000  # a web archive of a report holds a page and its images: tens of parts
# multipart bodies (each nests the ones after it, or sits beside them): Word and IE write one;
# the email parser recurses once per level and is slow per part, so both are counted first
MAX_MULTIPARTS = 50
_MULTIPART_HEADER = re.compile(rb"content-type:[ \t]*(?:\r?\n[ \t]+)?multipart/", re.IGNORECASE)
_DELIMITER_LINE = b"\n--"  # every part opens with one (a few more open HTML comment ends)


def _parts(message: Message) -> list[Message]:
    """The archive's leaf parts in order; InputError when there are implausibly many."""
    parts: list[Message] = []
    for part in message.walk():
        if not part.is_multipart():
            parts.append(part)
            if len(parts) > MAX_PARTS:
                raise InputError("corrupt", error=phrase("corrupt.mht-parts", limit=MAX_PARTS))
    return parts


def _root_part(message: Message) -> Message:
    """The page of the archive: the part named by the ``start`` parameter, else the first
    HTML part (RFC 2557: the root is the first part unless ``start`` says otherwise)."""
    parts = _parts(message)
    start = message.get_param("start")
    if isinstance(start, str):
        for part in parts:
            if (part.get("Content-ID") or "").strip() == start.strip():
                return part
    for part in parts:
        if part.get_content_type() in ("text/html", "application/xhtml+xml"):
            return part
    raise InputError("corrupt", error=phrase("corrupt.mht-no-page"))


def _html_text(part: Message) -> tuple[str, str]:
    """(text, encoding) of the page part: the MIME charset first, then the page's own."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        raise InputError("empty")
    label = part.get_content_charset()
    codec = declared_charset(f'<meta charset="{label}">'.encode("ascii", "ignore")) if label else None
    if codec is not None and not payload.startswith(_BOMS):
        try:
            return payload.decode(codec), codec
        except UnicodeDecodeError:
            pass  # mislabelled: let the page's own declaration and the content decide
    return decode_html(payload)


def _refuse_implausible_structure(data: bytes) -> None:
    """InputError before parsing when the archive nests or holds far more parts than any real
    one: the email parser would recurse past Python's limit or take seconds per 100,000 parts."""
    if data.count(_DELIMITER_LINE) > 2 * MAX_PARTS:
        raise InputError("corrupt", error=phrase("corrupt.mht-parts", limit=MAX_PARTS))
    multiparts = sum(1 for _ in islice(_MULTIPART_HEADER.finditer(data), MAX_MULTIPARTS + 1))
    if multiparts > MAX_MULTIPARTS:
        raise InputError("too-deep", limit=MAX_MULTIPARTS)


def page_html(data: bytes) -> tuple[bytes, str]:
    """(the page's HTML as UTF-8 with a BOM, the encoding it was in) of a web archive."""
    _refuse_implausible_structure(data)
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    if not message.is_multipart():
        raise InputError("corrupt", error=phrase("corrupt.mht-not-multipart"))
    text, encoding = _html_text(_root_part(message))
    # A UTF-8 BOM makes the HTML reader trust this decoding over the page's <meta charset>.
    return codecs.BOM_UTF8 + text.encode("utf-8", "replace"), encoding


def read_mht_bytes(data: bytes) -> SourceText:
    """Read an MHT web archive holding a report (from Word, IE or a document system)."""
    html, encoding = page_html(data)
    source = read_html_bytes(html)
    return msgspec.structs.replace(source, format="mht", encoding=encoding)


def read_mht_named(data: bytes) -> SourceText:
    """A file named .mht/.mhtml: a web archive, or a plain web page saved under that name."""
    kind = sniff(data)
    if kind == "mht":
        return read_mht_bytes(data)
    if kind == "html":
        return read_html_bytes(data)
    raise InputError("corrupt", error=phrase("corrupt.not-mht"))
