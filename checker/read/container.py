"""Container checks done before any parser sees the bytes: magic numbers and zip bombs.

Office files arrive renamed, encrypted or hostile; deciding what they really are from
their first bytes and the zip central directory costs microseconds and keeps python-docx
from inflating a bomb or choking on an OLE file.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

from checker.read.errors import InputError, phrase

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")

ZIP_ENCRYPTED = 0x1  # general purpose flag bit 0: the entry is encrypted
MAX_ZIP_ENTRIES = 5000
MAX_ZIP_TOTAL = 256 * 1024 * 1024  # declared uncompressed bytes over all entries
MAX_ENTRY_RATIO = 100  # uncompressed / compressed, checked only for big entries
RATIO_CHECK_ABOVE = 10 * 1024 * 1024
# MHT: mail-style header lines, one of them "Content-Type: multipart/related" (maybe folded)
_MIME_HEADERS = re.compile(rb"(?:[!-9;-~]+:[^\n]*\n(?:[ \t][^\n]*\n)*){1,40}", re.ASCII)
_MULTIPART = re.compile(rb"^content-type:\s*multipart/related\b", re.IGNORECASE | re.MULTILINE)
# Word 2003 XML: after the declaration, processing instructions (<?mso-application …?>),
# comments and a doctype, the root element is w:wordDocument, whatever its prefix
_WORDML_ROOT = re.compile(
    rb"(?:<\?[^<>]{0,500}\?>\s*|<!--(?:(?!-->).){0,500}-->\s*|<!DOCTYPE[^\[>]{0,500}(?:\[[^\]]{0,2000}\])?\s*>\s*){0,10}"
    rb"<(?:[A-Za-z_][\w.-]{0,30}:)?wordDocument[\s>/]",
    re.DOTALL,
)


# what :func:`checker.read.word.read_doc_named` reads by content: every kind :func:`sniff` tells
# but a PDF (and "unknown")
WORD_KINDS = ("zip", "ole", "rtf", "mht", "wordml", "html")


def sniff(data: bytes) -> str:
    """What the bytes really are: 'zip', 'ole', 'pdf', 'rtf', 'mht', 'wordml' (Word 2003
    XML), 'html' (also other XML) or 'unknown'."""
    head = data[:1024]
    if head.startswith(ZIP_MAGIC) or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if b"%PDF-" in head:
        return "pdf"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{\\rtf"):
        return "rtf"
    if is_mht(stripped):
        return "mht"
    if _WORDML_ROOT.match(data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")):
        return "wordml"
    lowered = stripped[:512].lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in lowered:
        return "html"
    return "unknown"


def is_mht(head: bytes) -> bool:
    """A MIME web archive: the file opens with header lines, and its header block (up to
    the first blank line) declares ``multipart/related``."""
    block = _MIME_HEADERS.match(head[:4096].replace(b"\r\n", b"\n"))
    return block is not None and bool(_MULTIPART.search(block.group()))


def is_encrypted_ooxml(data: bytes) -> bool:
    """An encrypted docx/xlsx is an OLE file holding an 'EncryptedPackage' stream.

    The stream name sits in the OLE directory, which is small and near the start of
    such files; scanning the first MB for its UTF-16 name avoids an OLE parser.
    """
    return data.startswith(OLE_MAGIC) and _ENCRYPTED_PACKAGE in data[: 1024 * 1024]


def is_ofd(data: bytes) -> bool:
    """An OFD package (GB/T 33190): a zip whose root holds ``OFD.xml``. Only the central
    directory is read; a damaged zip is no OFD here (its own reader says what is wrong)."""
    if not data.startswith(ZIP_MAGIC):
        return False
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            return any(name.lstrip("/").lower() == "ofd.xml" for name in archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, NotImplementedError):
        return False


def open_zip(data: bytes) -> zipfile.ZipFile:
    """Open a zip after checking its central directory; InputError for corrupt or bombs.

    ``zipfile`` never inflates more than an entry's declared size, so bounding the
    declared sizes here bounds the memory any later reader can use.
    """
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        from checker.read.library_errors import describe

        raise InputError("corrupt", error=describe(exc)) from exc
    if len(entries) > MAX_ZIP_ENTRIES:
        raise InputError("zip-bomb", entries=len(entries), limit=MAX_ZIP_ENTRIES)
    if any(entry.flag_bits & ZIP_ENCRYPTED for entry in entries):
        raise InputError("encrypted")  # a password-protected zip ("压缩包加密"), not damage
    total = 0
    names: set[str] = set()
    for entry in entries:
        name = entry.filename.lower()  # Office part names are equal whatever their case
        if name in names:  # readers disagree on which copy counts: one may hide the other
            raise InputError("corrupt", error=phrase("corrupt.zip-duplicate", name=entry.filename[:100]))
        names.add(name)
        total += entry.file_size
        if total > MAX_ZIP_TOTAL:
            raise InputError("zip-bomb", size=total, limit=MAX_ZIP_TOTAL)
        if entry.file_size > RATIO_CHECK_ABOVE and (
            entry.file_size > MAX_ENTRY_RATIO * max(entry.compress_size, 1)
        ):
            raise InputError("zip-bomb", entry=entry.filename, size=entry.file_size)
    return archive
