"""Annotating an annotated copy again: fzcheck's earlier comments give way, nothing doubles."""

from __future__ import annotations

import collections
import io
import zipfile

from lxml import etree

from checker.annotate import annotate
from tests.annotate.helpers import TODAY
from tests.annotate.test_fix import _with_defects
from tests.annotate.wordxml import comment_ranges, comment_texts, document_xml, q

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
RT_EXTENDED = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
CT_EXTENDED = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"
REVIEWER = "李审核"


def _fzcheck_texts(data: bytes) -> collections.Counter:
    return collections.Counter(text for author, text in comment_texts(data).values() if author == "fzcheck")


def _markers_balanced(data: bytes) -> None:
    root = document_xml(data)
    for comment_id in comment_texts(data):
        for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
            found = [n for n in root.iter(q(tag)) if n.get(q("id")) == str(comment_id)]
            assert len(found) == 1, (tag, comment_id)


def test_annotating_the_copy_again_gives_the_same_comments_once():
    first = annotate(_with_defects(), "report.docx", today=TODAY)
    again = annotate(first.data, "report.checked.docx", today=TODAY)
    assert _fzcheck_texts(again.data) == _fzcheck_texts(first.data)
    _markers_balanced(again.data)


def test_comments_on_pending_fixes_stay_and_nothing_is_fixed_twice():
    first = annotate(_with_defects(), "report.docx", today=TODAY, fix=True)
    again = annotate(first.data, "report.checked.docx", today=TODAY, fix=True)
    assert again.changes == 0  # the check reads the tracked changes as made
    assert sum(_fzcheck_texts(again.data).values()) == sum(_fzcheck_texts(first.data).values())
    ranges = comment_ranges(again.data)
    telling = [i for i, (_, text) in comment_texts(again.data).items() if "已作修订" in text]
    assert len(telling) == first.changes
    assert all(ranges[i].revisions for i in telling)
    _markers_balanced(again.data)


def _saved_by_word_with_a_reply(data: bytes) -> tuple[bytes, str]:
    """``data`` as Word 2013+ saves it after a reviewer answered fzcheck's first comment: each
    comment paragraph with a w14:paraId, a commentsExtended part, the reply linked to its
    parent by w15:paraIdParent. Also returns the parent comment's paragraph id."""
    source = zipfile.ZipFile(io.BytesIO(data))
    comments = etree.fromstring(source.read("word/comments.xml"))
    document = etree.fromstring(source.read("word/document.xml"))
    extended = etree.Element(f"{{{W15}}}commentsEx", nsmap={"w15": W15})
    last_ids = {}
    for number, comment in enumerate(comments.iterfind(q("comment")), start=1):
        for index, paragraph in enumerate(comment.iterfind(q("p"))):
            paragraph.set(f"{{{W14}}}paraId", f"1000{number:02d}{index:02d}")
        last_ids[comment.get(q("id"))] = paragraph.get(f"{{{W14}}}paraId")
        etree.SubElement(
            extended, f"{{{W15}}}commentEx", {f"{{{W15}}}paraId": last_ids[comment.get(q("id"))]}
        )
    parent_id = min(last_ids, key=int)
    reply_id = str(max(int(i) for i in last_ids) + 1)
    reply = etree.SubElement(comments, q("comment"), {q("id"): reply_id, q("author"): REVIEWER})
    paragraph = etree.SubElement(reply, q("p"), {f"{{{W14}}}paraId": "7FFF0001"})
    etree.SubElement(etree.SubElement(paragraph, q("r")), q("t")).text = "同意，已核实。"
    etree.SubElement(
        extended,
        f"{{{W15}}}commentEx",
        {f"{{{W15}}}paraId": "7FFF0001", f"{{{W15}}}paraIdParent": last_ids[parent_id]},
    )
    start = next(n for n in document.iter(q("commentRangeStart")) if n.get(q("id")) == parent_id)
    end = next(n for n in document.iter(q("commentRangeEnd")) if n.get(q("id")) == parent_id)
    start.addnext(etree.Element(q("commentRangeStart"), {q("id"): reply_id}))
    end.addnext(etree.Element(q("commentRangeEnd"), {q("id"): reply_id}))
    reference = etree.Element(q("r"))
    etree.SubElement(reference, q("commentReference"), {q("id"): reply_id})
    end.getnext().addnext(reference)
    parts = {
        "word/comments.xml": etree.tostring(comments, xml_declaration=True, encoding="UTF-8"),
        "word/document.xml": etree.tostring(document, xml_declaration=True, encoding="UTF-8"),
        "word/commentsExtended.xml": etree.tostring(extended, xml_declaration=True, encoding="UTF-8"),
    }
    relation = (
        f'<Relationship Id="rId900" Type="{RT_EXTENDED}" Target="commentsExtended.xml"/></Relationships>'
    )
    override = f'<Override PartName="/word/commentsExtended.xml" ContentType="{CT_EXTENDED}"/></Types>'
    rels = source.read("word/_rels/document.xml.rels").decode().replace("</Relationships>", relation)
    types = source.read("[Content_Types].xml").decode().replace("</Types>", override)
    parts["word/_rels/document.xml.rels"] = rels.encode()
    parts["[Content_Types].xml"] = types.encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, parts.get(item.filename) or source.read(item.filename))
        target.writestr("word/commentsExtended.xml", parts["word/commentsExtended.xml"])
    return out.getvalue(), last_ids[parent_id]


def test_a_reviewers_reply_to_an_earlier_comment_stays_as_a_comment_of_its_own():
    first = annotate(_with_defects(), "report.docx", today=TODAY)
    edited, parent_paragraph = _saved_by_word_with_a_reply(first.data)
    again = annotate(edited, "report.checked.docx", today=TODAY)
    assert [text for author, text in comment_texts(again.data).values() if author == REVIEWER] == [
        "同意，已核实。"
    ]
    assert _fzcheck_texts(again.data) == _fzcheck_texts(first.data)
    _markers_balanced(again.data)
    with zipfile.ZipFile(io.BytesIO(again.data)) as archive:
        extended = etree.fromstring(archive.read("word/commentsExtended.xml"))
    entries = {e.get(f"{{{W15}}}paraId"): e.get(f"{{{W15}}}paraIdParent") for e in extended}
    assert entries == {"7FFF0001": None}  # the removed comments' entries gone, the reply unlinked
    assert parent_paragraph not in entries
