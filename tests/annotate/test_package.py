"""The annotated package: parts annotate does not change are the input's bytes, as they were."""

from __future__ import annotations

import io
import struct
import zipfile

import docx
import pytest

from checker.annotate import annotate
from tests.annotate.helpers import TODAY, seed_docx
from tests.annotate.wordxml import comment_ranges, comment_texts, reference_ids

# the styles part gains Word's two comment styles when it lacks them (test_comment_styles.py)
CHANGED = {"word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml", "word/styles.xml"}


def _raw(data: bytes, info: zipfile.ZipInfo) -> bytes:
    """A member's bytes as stored (compressed), read from its local header on."""
    name_length, extra_length = struct.unpack_from("<2H", data, info.header_offset + 26)
    start = info.header_offset + 30 + name_length + extra_length
    return data[start : start + info.compress_size]


def _members(data: bytes) -> dict[str, zipfile.ZipInfo]:
    return {info.filename: info for info in zipfile.ZipFile(io.BytesIO(data)).infolist()}


@pytest.mark.parametrize("seed", range(5))
def test_untouched_members_are_copied_byte_for_byte(seed):
    data = seed_docx(seed)
    out = annotate(data, "seed.docx", today=TODAY, fix=True).data
    before, after = _members(data), _members(out)
    assert list(after) == [*before, "word/comments.xml"]  # same order, the comments part added
    assert zipfile.ZipFile(io.BytesIO(out)).testzip() is None
    for name, info in before.items():
        if name in CHANGED:
            continue
        copied = after[name]
        assert _raw(out, copied) == _raw(data, info), name
        assert (copied.CRC, copied.compress_type, copied.date_time, copied.external_attr) == (
            info.CRC,
            info.compress_type,
            info.date_time,
            info.external_attr,
        )


def _reviewed(data: bytes) -> bytes:
    """``data`` with a reviewer's comments on every other of its first paragraphs (python-docx)."""
    document = docx.Document(io.BytesIO(data))
    for paragraph in [p for p in document.paragraphs if p.runs][1:8:2]:
        document.add_comment(paragraph.runs, text="请核实此处表述。", author="李审核", initials="李")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_document_with_comments_keeps_them_and_gets_ids_after_them():
    once = _reviewed(seed_docx(0))
    first = comment_texts(once)
    twice = annotate(once, "seed.docx", today=TODAY)
    texts = comment_texts(twice.data)
    assert [name for name in _members(twice.data) if "comments" in name] == ["word/comments.xml"]
    assert {i: texts[i] for i in first} == first  # the reviewer's earlier comments, unchanged
    added = sorted(set(texts) - set(first))
    assert len(added) == twice.comments and min(added) > max(first)
    assert sorted(reference_ids(twice.data)) == sorted(texts)
    assert set(comment_ranges(twice.data)) == set(texts)


def _rezipped(data: bytes, **how) -> bytes:
    """The same members written again by zipfile (``force_zip64``, or a stream it cannot seek)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    stream = _Unseekable(buffer) if how.get("stream") else buffer
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            with target.open(info.filename, "w", force_zip64=how.get("zip64", False)) as member:
                member.write(source.read(info))
    return buffer.getvalue()


class _Unseekable(io.RawIOBase):
    """A write-only stream: zipfile then puts sizes in data descriptors after each member."""

    def __init__(self, target: io.BytesIO) -> None:
        self.target = target

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        return self.target.write(data)

    def flush(self) -> None:
        pass


@pytest.mark.parametrize("how", [{"zip64": True}, {"stream": True}], ids=["zip64", "data-descriptors"])
def test_packages_zipfile_wrote_differently_are_annotated_alike(how):
    plain = annotate(seed_docx(0), "seed.docx", today=TODAY, fix=True)
    data = _rezipped(seed_docx(0), **how)
    out = annotate(data, "seed.docx", today=TODAY, fix=True)
    archive = zipfile.ZipFile(io.BytesIO(out.data))
    assert archive.testzip() is None
    source = zipfile.ZipFile(io.BytesIO(data))
    for name in source.namelist():
        if name not in CHANGED:
            assert archive.read(name) == source.read(name), name
    assert [text for _, text in comment_texts(out.data).values()] == [
        text for _, text in comment_texts(plain.data).values()
    ]
