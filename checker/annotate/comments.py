"""Word comments: the comments part through python-docx, the range markers in the body.

python-docx (≥ 1.2) writes the comments part (``Document.comments``) and gives each comment
its id; the markers are placed here because a comment may cover part of a run (runs are
split first, see :mod:`checker.annotate.textmap`) or no text at all (a point where a
missing part belongs).
"""

from __future__ import annotations

from lxml import etree

from checker.annotate.wordml import element

AUTHOR = "fzcheck"
INITIALS = "fz"


def new_comment(document, text: str) -> int:
    """Add a comment by fzcheck to the comments part; its id. Lines become paragraphs."""
    comment = document.comments.add_comment(text=text, author=AUTHOR, initials=INITIALS)
    return comment.comment_id


def _reference_run(comment_id: int) -> etree._Element:
    run = element("r")
    properties = element("rPr")
    properties.append(element("rStyle", val="CommentReference"))
    run.append(properties)
    run.append(element("commentReference", id=str(comment_id)))
    return run


def mark_range(first: etree._Element, last: etree._Element, comment_id: int) -> None:
    """Markers around the nodes ``first`` … ``last`` (runs or their w:del/w:ins wrappers)."""
    first.addprevious(element("commentRangeStart", id=str(comment_id)))
    end = element("commentRangeEnd", id=str(comment_id))
    last.addnext(end)
    end.addnext(_reference_run(comment_id))


def mark_point(paragraph: etree._Element, comment_id: int, at_end: bool) -> None:
    """An empty range at the start or the end of a paragraph, with its reference mark."""
    nodes = [
        element("commentRangeStart", id=str(comment_id)),
        element("commentRangeEnd", id=str(comment_id)),
        _reference_run(comment_id),
    ]
    if at_end:
        for node in nodes:
            paragraph.append(node)
        return
    properties = paragraph.find(element("pPr").tag)
    position = 0 if properties is None else paragraph.index(properties) + 1
    for offset, node in enumerate(nodes):
        paragraph.insert(position + offset, node)


def mark_before(node: etree._Element, comment_id: int) -> None:
    """An empty range right before ``node`` (a run inside a paragraph)."""
    node.addprevious(element("commentRangeStart", id=str(comment_id)))
    node.addprevious(element("commentRangeEnd", id=str(comment_id)))
    node.addprevious(_reference_run(comment_id))
