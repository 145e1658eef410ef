"""Read an annotated .docx back the way a test needs it: comments, their ranges, revisions.

Written with lxml on the package's document.xml, independently of checker.annotate, so the
tests do not take the module's own word for where its markers went.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

import docx
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass
class CommentRange:
    """The text a comment covers (as the input showed it: fzcheck's deletions in, its insertions
    out, other authors' insertions in and their deletions out, hidden text out),
    the paragraph indices it touches and the revisions inside it."""

    text: str = ""
    paragraphs: list[int] = field(default_factory=list)
    deletions: int = 0
    insertions: int = 0
    revisions: set[str] = field(default_factory=set)  # w:id of each w:ins / w:del inside


def document_xml(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def comment_texts(data: bytes) -> dict[int, tuple[str, str]]:
    """Comment id → (author, text), from the comments part."""
    document = docx.Document(io.BytesIO(data))
    return {c.comment_id: (c.author, c.text) for c in document.comments}


def _inside(node: etree._Element, tag: str) -> etree._Element | None:
    for ancestor in node.iterancestors():
        if ancestor.tag == q(tag):
            return ancestor
    return None


def _by_fzcheck(node: etree._Element, tag: str) -> bool:
    """Whether ``node`` lies in a w:ins / w:del that fzcheck made (not another author's)."""
    return any(a.tag == q(tag) and a.get(q("author")) == "fzcheck" for a in node.iterancestors())


def _vanished(node: etree._Element) -> bool:
    """Whether a w:t is in a run hidden by its own w:vanish (the page does not show it)."""
    run = node.getparent()
    return run is not None and run.find(f"{q('rPr')}/{q('vanish')}") is not None


def comment_ranges(data: bytes) -> dict[int, CommentRange]:
    """Comment id → what lies between its commentRangeStart and commentRangeEnd."""
    root = document_xml(data)
    body = root.find(q("body"))
    paragraphs = {p: i for i, p in enumerate(body.iter(q("p")))}
    open_ranges: dict[int, CommentRange] = {}
    done: dict[int, CommentRange] = {}
    for node in body.iter():
        if node.tag == q("commentRangeStart"):
            comment_id = int(node.get(q("id")))
            open_ranges[comment_id] = CommentRange()
            paragraph = _inside(node, "p")
            if paragraph is not None:
                open_ranges[comment_id].paragraphs.append(paragraphs[paragraph])
        elif node.tag == q("commentRangeEnd"):
            comment_id = int(node.get(q("id")))
            found = open_ranges.pop(comment_id)
            paragraph = _inside(node, "p")
            if paragraph is not None and paragraphs[paragraph] not in found.paragraphs:
                found.paragraphs.append(paragraphs[paragraph])
            done[comment_id] = found
        elif node.tag in (q("del"), q("ins")):
            for found in open_ranges.values():
                found.revisions.add(node.get(q("id")))
                if node.tag == q("del"):
                    found.deletions += 1
                else:
                    found.insertions += 1
        elif node.tag in (q("t"), q("delText")):
            if node.tag == q("t") and (
                _by_fzcheck(node, "ins") or _vanished(node) or _inside(node, "rt") is not None
            ):
                continue  # not in the line: fzcheck's own insertion, hidden text, a ruby's pinyin
            if node.tag == q("delText") and not _by_fzcheck(node, "del"):
                continue  # another author's deletion: not in the text the input shows
            for found in open_ranges.values():
                found.text += node.text or ""
    assert not open_ranges, f"comment ranges never closed: {sorted(open_ranges)}"
    return done


def reference_ids(data: bytes) -> list[int]:
    root = document_xml(data)
    return [int(n.get(q("id"))) for n in root.iter(q("commentReference"))]


def rewrite_members(data: bytes, edits: dict[str, Callable[[bytes], bytes | None]]) -> bytes:
    """``data`` with each member named in ``edits`` replaced by ``edits[name](its bytes)``
    (None drops it), every other member as it was."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            payload: bytes | None = source.read(item.filename)
            if item.filename in edits:
                payload = edits[item.filename](payload)
            if payload is not None:
                target.writestr(item, payload)
    return out.getvalue()


def rewrite_document(data: bytes, edit: Callable[[etree._Element], None]) -> bytes:
    """``data`` with ``edit(root)`` applied to word/document.xml."""

    def edited(payload: bytes) -> bytes:
        root = etree.fromstring(payload)
        edit(root)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    return rewrite_members(data, {"word/document.xml": edited})


def _accept(root: etree._Element) -> None:
    for deleted in list(root.iter(q("del"))):
        deleted.getparent().remove(deleted)
    for inserted in list(root.iter(q("ins"))):
        parent = inserted.getparent()
        position = parent.index(inserted)
        for offset, child in enumerate(list(inserted)):
            parent.insert(position + offset, child)
        parent.remove(inserted)


def accept_all(data: bytes) -> bytes:
    """What Word's "accept all changes" leaves: w:del dropped, w:ins unwrapped."""
    return rewrite_document(data, _accept)


def formatting(data: bytes) -> list[tuple[bytes, list[tuple[str, bytes]]]]:
    """Per body paragraph: its properties and each visible character with its run's properties
    (the markers and reference runs annotate adds carry no text, so they do not show)."""
    root = document_xml(data)
    out = []
    for paragraph in root.find(q("body")).iter(q("p")):
        properties = paragraph.find(q("pPr"))
        chars = []
        for run in paragraph.iter(q("r")):
            if _inside(run, "del") is not None:
                continue
            run_properties = run.find(q("rPr"))
            key = b"" if run_properties is None else etree.tostring(run_properties)
            for child in run:
                if child.tag == q("t"):
                    chars.extend((char, key) for char in child.text or "")
        out.append((b"" if properties is None else etree.tostring(properties), chars))
    return out
