"""An annotated copy annotated again: fzcheck's earlier comments make way for the new ones.

People run ``fzcheck annotate`` on the copy they have been editing. The check reads it
afresh, so every finding would be commented a second time beside the first run's comment.
fzcheck's earlier comments are taken out first (the comment, its range markers, its
reference mark, and its entries in the parts Word 2013+ keeps beside the comments), except
those telling of a fzcheck tracked change still waiting to be accepted or rejected: the
check reads that change as made, finds nothing there any more, and the comment is what says
why it was made. Other people's comments stay; a reply to a removed comment becomes a comment of its own.
"""

from __future__ import annotations

from lxml import etree

from checker.annotate.package import WordPackage
from checker.annotate.texts import tells_a_fix
from checker.annotate.wordml import w

RT_COMMENTS_EXTENDED = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
RT_COMMENTS_IDS = "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds"
RT_COMMENTS_EXTENSIBLE = "http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible"
_MARKERS = (w("commentRangeStart"), w("commentRangeEnd"))


def _local_attribute(node: etree._Element, name: str) -> str | None:
    """An attribute by its local name, whatever its namespace (w14:paraId, w15:paraId …)."""
    return next((value for key, value in node.attrib.items() if etree.QName(key).localname == name), None)


def _on_revisions(body: etree._Element, ids: set[str], author: str) -> set[str]:
    """The ids among ``ids`` whose range holds a tracked change by ``author``."""
    open_ids: set[str] = set()
    explaining: set[str] = set()
    for node in body.iter(w("commentRangeStart"), w("commentRangeEnd"), w("ins"), w("del")):
        comment_id = node.get(w("id"), "")
        if node.tag == w("commentRangeStart") and comment_id in ids:
            open_ids.add(comment_id)
        elif node.tag == w("commentRangeEnd"):
            open_ids.discard(comment_id)
        elif node.get(w("author")) == author:
            explaining |= open_ids
    return explaining


def _lines(comment: etree._Element) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(w("t"))) for p in comment.iter(w("p"))]


def _remove_marks(body: etree._Element, ids: set[str]) -> None:
    for marker in [m for m in body.iter(*_MARKERS) if m.get(w("id")) in ids]:
        marker.getparent().remove(marker)
    for reference in [r for r in body.iter(w("commentReference")) if r.get(w("id")) in ids]:
        run = reference.getparent()
        run.remove(reference)
        if all(child.tag == w("rPr") for child in run) and run.getparent() is not None:
            run.getparent().remove(run)


def _remove_entries(package: WordPackage, paragraph_ids: set[str]) -> None:
    """Entries of removed comments in commentsExtended / commentsIds / commentsExtensible."""
    durable_ids: set[str] = set()
    extended = package.related_part(RT_COMMENTS_EXTENDED)
    identities = package.related_part(RT_COMMENTS_IDS)
    for root in (extended, identities):
        if root is None:
            continue
        for entry in list(root):
            if _local_attribute(entry, "paraId") in paragraph_ids:
                durable_ids.add(_local_attribute(entry, "durableId") or "")
                root.remove(entry)
            parent = next((key for key in entry.attrib if etree.QName(key).localname == "paraIdParent"), None)
            if parent is not None and entry.attrib[parent] in paragraph_ids:
                del entry.attrib[parent]  # a reply to a removed comment: a comment of its own
    extensible = package.related_part(RT_COMMENTS_EXTENSIBLE) if durable_ids else None
    if extensible is not None:
        for entry in list(extensible):
            if _local_attribute(entry, "durableId") in durable_ids:
                extensible.remove(entry)


def remove_earlier_comments(package: WordPackage, author: str) -> int:
    """Take out ``author``'s comments (but those on its pending tracked changes); how many."""
    comments = package.existing_comments()
    if comments is None:
        return 0
    theirs = {c.get(w("id"), ""): c for c in comments.iterfind(w("comment")) if c.get(w("author")) == author}
    if not theirs:
        return 0
    body = package.body
    telling = {i for i, comment in theirs.items() if tells_a_fix(_lines(comment))}
    removed = set(theirs) - _on_revisions(body, telling, author)
    paragraph_ids: set[str] = set()
    for comment_id in removed:
        comment = theirs[comment_id]
        paragraph_ids |= {
            value for p in comment.iter(w("p")) if (value := _local_attribute(p, "paraId")) is not None
        }
        comments.remove(comment)
    _remove_marks(body, removed)
    if paragraph_ids:
        _remove_entries(package, paragraph_ids)
    return len(removed)
