"""Container checks done before any parser sees the bytes: magic numbers and zip bombs.

Office files arrive renamed, encrypted or hostile; deciding what they really are from
their first bytes and the zip central directory costs microseconds and keeps python-docx
from inflating a bomb or choking on an OLE file.
"""

from __future__ import annotations

import zipfile
from io import BytesIO

from checker.read.errors import InputError

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")

MAX_ZIP_ENTRIES = 5000
MAX_ZIP_TOTAL = 256 * 1024 * 1024  # declared uncompressed bytes over all entries
MAX_ENTRY_RATIO = 100  # uncompressed / compressed, checked only for big entries
RATIO_CHECK_ABOVE = 10 * 1024 * 1024


def sniff(data: bytes) -> str:
    """What the bytes really are: 'zip', 'ole', 'pdf', 'rtf', 'html' or 'unknown'."""
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
    lowered = stripped[:512].lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in lowered:
        return "html"
    return "unknown"


def is_encrypted_ooxml(data: bytes) -> bool:
    """An encrypted docx/xlsx is an OLE file holding an 'EncryptedPackage' stream.

    The stream name sits in the OLE directory, which is small and near the start of
    such files; scanning the first MB for its UTF-16 name avoids an OLE parser.
    """
    return data.startswith(OLE_MAGIC) and _ENCRYPTED_PACKAGE in data[: 1024 * 1024]


def open_zip(data: bytes) -> zipfile.ZipFile:
    """Open a zip after checking its central directory; InputError for corrupt or bombs.

    ``zipfile`` never inflates more than an entry's declared size, so bounding the
    declared sizes here bounds the memory any later reader can use.
    """
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise InputError("corrupt", error=f"zip: {exc}") from exc
    if len(entries) > MAX_ZIP_ENTRIES:
        raise InputError("zip-bomb", entries=len(entries), limit=MAX_ZIP_ENTRIES)
    total = 0
    for entry in entries:
        total += entry.file_size
        if total > MAX_ZIP_TOTAL:
            raise InputError("zip-bomb", size=total, limit=MAX_ZIP_TOTAL)
        if entry.file_size > RATIO_CHECK_ABOVE and (
            entry.file_size > MAX_ENTRY_RATIO * max(entry.compress_size, 1)
        ):
            raise InputError("zip-bomb", entry=entry.filename, size=entry.file_size)
    return archive
