"""A zip archive again, with some members replaced or added and the others copied as they are.

A Word package is a zip; annotate changes a few of its parts (the document, the comments,
their relationship and content type) and leaves the rest (styles, fonts, numbering,
images…) alone. Those members are copied as their compressed bytes with their headers'
fields, neither inflated nor deflated again, so the copy costs little more than the bytes.
An archive this writer does not reproduce exactly (ZIP64 fields, encrypted members, a
local header that does not match the central directory) is rewritten through ``zipfile``
instead: same member contents, compressed again.
"""

from __future__ import annotations

import struct
import time
import zipfile
import zlib
from collections.abc import Mapping, Sequence
from io import BytesIO

import msgspec

_LOCAL = struct.Struct("<4s2B4HL2L2H")  # as zipfile.structFileHeader
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")  # as zipfile.structCentralDir
_END = struct.Struct("<4s4H2LH")  # as zipfile.structEndArchive
_LOCAL_SIGNATURE = b"PK\x03\x04"
_CENTRAL_SIGNATURE = b"PK\x01\x02"
_END_SIGNATURE = b"PK\x05\x06"
_ENCRYPTED = 0x01
_DESCRIPTOR = 0x08  # sizes and CRC after the data: written into the local header instead
_UTF8 = 0x800
_ZIP64_EXTRA = 0x0001
_LIMIT = 0xFFFFFFFF
_MAX_ENTRIES = 0xFFFF
_VERSION = 20  # 2.0: deflate
_UNIX = 3
_MEMBER_MODE = 0o600 << 16  # what zipfile.writestr gives a member named by a string


class _Unusual(Exception):
    """The archive needs the general path (``zipfile``)."""


class _Entry(msgspec.Struct, frozen=True):
    name: bytes
    flags: int
    method: int
    dos_time: int
    dos_date: int
    crc: int
    compressed: bytes
    size: int
    local_extra: bytes = b""
    central_extra: bytes = b""
    comment: bytes = b""
    create_version: int = _VERSION
    create_system: int = _UNIX
    extract_version: int = _VERSION
    reserved: int = 0
    internal_attr: int = 0
    external_attr: int = _MEMBER_MODE


def _name_bytes(name: str, flags: int) -> tuple[bytes, int]:
    try:
        return name.encode("ascii"), flags & ~_UTF8
    except UnicodeEncodeError:
        return name.encode("utf-8"), flags | _UTF8


def _dos(date_time: tuple[int, int, int, int, int, int]) -> tuple[int, int]:
    year, month, day, hour, minute, second = date_time
    return hour << 11 | minute << 5 | second // 2, (year - 1980) << 9 | month << 5 | day


def _has_zip64(extra: bytes) -> bool:
    position = 0
    while position + 4 <= len(extra):
        kind, length = struct.unpack_from("<2H", extra, position)
        if kind == _ZIP64_EXTRA:
            return True
        position += 4 + length
    return False


def _copied(data: bytes, info: zipfile.ZipInfo) -> _Entry:
    """The member as it is in ``data``: compressed bytes and header fields."""
    if info.flag_bits & _ENCRYPTED or _has_zip64(info.extra):
        raise _Unusual(info.filename)
    offset = info.header_offset
    header = data[offset : offset + _LOCAL.size]
    if len(header) < _LOCAL.size:
        raise _Unusual(info.filename)
    fields = _LOCAL.unpack(header)
    if fields[0] != _LOCAL_SIGNATURE:
        raise _Unusual(info.filename)
    name_length, extra_length = fields[10], fields[11]
    extra_start = offset + _LOCAL.size + name_length
    start = extra_start + extra_length
    compressed = data[start : start + info.compress_size]
    local_extra = data[extra_start:start]
    if len(compressed) != info.compress_size or _has_zip64(local_extra):
        raise _Unusual(info.filename)
    dos_time, dos_date = _dos(info.date_time)
    encoding = "utf-8" if info.flag_bits & _UTF8 else "cp437"
    return _Entry(
        name=info.orig_filename.encode(encoding),
        flags=info.flag_bits & ~_DESCRIPTOR,
        method=info.compress_type,
        dos_time=dos_time,
        dos_date=dos_date,
        crc=info.CRC,
        compressed=compressed,
        size=info.file_size,
        local_extra=local_extra,
        central_extra=info.extra,
        comment=info.comment,
        create_version=info.create_version,
        create_system=info.create_system,
        extract_version=info.extract_version,
        reserved=info.reserved,
        internal_attr=info.internal_attr,
        external_attr=info.external_attr,
    )


def _deflate(payload: bytes) -> bytes:
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return compressor.compress(payload) + compressor.flush()


def _written(name: str, payload: bytes, like: zipfile.ZipInfo | None) -> _Entry:
    """A member with new contents, deflated; a replaced one keeps its date and attributes."""
    name_bytes, flags = _name_bytes(name, 0)
    date_time = like.date_time if like is not None else time.localtime()[:6]
    dos_time, dos_date = _dos(date_time)
    return _Entry(
        name=name_bytes,
        flags=flags,
        method=zipfile.ZIP_DEFLATED,
        dos_time=dos_time,
        dos_date=dos_date,
        crc=zlib.crc32(payload),
        compressed=_deflate(payload),
        size=len(payload),
        create_system=like.create_system if like is not None else _UNIX,
        internal_attr=like.internal_attr if like is not None else 0,
        external_attr=like.external_attr if like is not None else _MEMBER_MODE,
    )


def _assemble(entries: Sequence[_Entry], comment: bytes) -> bytes:
    if len(entries) > _MAX_ENTRIES:
        raise _Unusual("entries")
    chunks: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    for entry in entries:
        local = _LOCAL.pack(
            _LOCAL_SIGNATURE,
            entry.extract_version,
            entry.reserved,
            entry.flags,
            entry.method,
            entry.dos_time,
            entry.dos_date,
            entry.crc,
            len(entry.compressed),
            entry.size,
            len(entry.name),
            len(entry.local_extra),
        )
        chunks += [local, entry.name, entry.local_extra, entry.compressed]
        directory += [
            _CENTRAL.pack(
                _CENTRAL_SIGNATURE,
                entry.create_version,
                entry.create_system,
                entry.extract_version,
                entry.reserved,
                entry.flags,
                entry.method,
                entry.dos_time,
                entry.dos_date,
                entry.crc,
                len(entry.compressed),
                entry.size,
                len(entry.name),
                len(entry.central_extra),
                len(entry.comment),
                0,
                entry.internal_attr,
                entry.external_attr,
                offset,
            ),
            entry.name,
            entry.central_extra,
            entry.comment,
        ]
        offset += len(local) + len(entry.name) + len(entry.local_extra) + len(entry.compressed)
        if offset > _LIMIT or entry.size > _LIMIT:
            raise _Unusual("size")
    central = b"".join(directory)
    end = _END.pack(_END_SIGNATURE, 0, 0, len(entries), len(entries), len(central), offset, len(comment))
    return b"".join(chunks) + central + end + comment


def build(members: Sequence[tuple[str, bytes]]) -> bytes:
    """A new archive holding ``members`` (name, contents), deflated, in that order."""
    return _assemble([_written(name, payload, None) for name, payload in members], b"")


def rewrite(
    data: bytes,
    replace: Mapping[str, bytes],
    add: Sequence[tuple[str, bytes]] = (),
    archive: zipfile.ZipFile | None = None,
) -> bytes:
    """``data`` (a zip; ``archive``: it already opened) with the members named in ``replace``
    given new contents, ``add`` appended, and every other member copied byte for byte."""
    if archive is None:
        with zipfile.ZipFile(BytesIO(data)) as opened:
            return rewrite(data, replace, add, opened)
    infos = archive.infolist()
    try:
        entries: list[_Entry] = []
        for info in infos:
            if info.filename in replace:
                entries.append(_written(info.filename, replace[info.filename], info))
            else:
                entries.append(_copied(data, info))
        entries += [_written(name, payload, None) for name, payload in add]
        return _assemble(entries, archive.comment)
    except _Unusual:
        return _through_zipfile(archive, infos, replace, add)


def _through_zipfile(
    archive: zipfile.ZipFile,
    infos: Sequence[zipfile.ZipInfo],
    replace: Mapping[str, bytes],
    add: Sequence[tuple[str, bytes]],
) -> bytes:
    """The general path: every member read and written again by ``zipfile``."""
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in infos:
            member = zipfile.ZipInfo(info.filename, info.date_time)
            member.external_attr = info.external_attr
            member.compress_type = zipfile.ZIP_DEFLATED
            payload = replace[info.filename] if info.filename in replace else archive.read(info)
            target.writestr(member, payload)
        for name, payload in add:
            target.writestr(name, payload)
    return out.getvalue()
