"""Word comments: the comments part through python-docx, the range markers in the body.

python-docx (≥ 1.2) writes the comments part (``Document.comments``) and gives each comment
its id; the markers are placed here because a comment may cover part of a run (runs are
split first, see :mod:`checker.annotate.textmap`) or no text at all (a point where a
missing part belongs).
"""

from __future__ import annotations

from lxml import etree

from checker.annotate.wordml import element, text_node, w

AUTHOR = "fzcheck"
INITIALS = "fz"


class CommentWriter:
    """Adds comments by fzcheck. The first goes through python-docx, which creates the
    comments part (or finds the input's) and picks a free id; the rest are built like it
    with lxml, which is several times faster than python-docx's per-paragraph templates."""

    def __init__(self, document) -> None:
        self.document = document
        self._comments: etree._Element | None = None
        self._date = ""
        self._next_id = 0

    def add(self, text: str) -> int:
        """A new comment (lines become paragraphs); its id."""
        if self._comments is None:
            comment = self.document.comments.add_comment(text=text, author=AUTHOR, initials=INITIALS)
            element_of = comment.paragraphs[0]._p.getparent()
            self._comments = element_of.getparent()
            self._date = element_of.get(w("date"), "")
            self._next_id = comment.comment_id + 1
            return comment.comment_id
        comment_id = self._next_id
        self._next_id += 1
        node = element("comment", id=str(comment_id), author=AUTHOR, initials=INITIALS)
        if self._date:
            node.set(w("date"), self._date)
        for index, line in enumerate(text.split("\n")):
            paragraph = element("p")
            properties = element("pPr")
            properties.append(element("pStyle", val="CommentText"))
            paragraph.append(properties)
            if index == 0:
                mark = element("r")
                mark_properties = element("rPr")
                mark_properties.append(element("rStyle", val="CommentReference"))
                mark.append(mark_properties)
                mark.append(element("annotationRef"))
                paragraph.append(mark)
            run = element("r")
            run.append(text_node(line))
            paragraph.append(run)
            node.append(paragraph)
        self._comments.append(node)
        return comment_id


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
