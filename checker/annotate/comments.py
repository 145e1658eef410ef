"""Word comments: the w:comment elements of the comments part, the range markers in the body.

The markers are placed here because a comment may cover part of a run (runs are split
first, see :mod:`checker.annotate.textmap`) or no text at all (a point where a missing part
belongs). The comments are written as one piece of XML and parsed once at the end, in the
form Word and python-docx give them (an "annotation text" paragraph per line, the first
holding the annotationRef mark), in the document's own comment styles
(:meth:`WordPackage.comment_style_ids`).
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

from checker.annotate.package import WordPackage
from checker.annotate.wordml import W, element, w

AUTHOR = "fzcheck"
INITIALS = "fz"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PARAGRAPH = (
    "<w:p><w:pPr><w:pStyle w:val={style}/></w:pPr>{mark}"
    '<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
)
_MARK = "<w:r><w:rPr><w:rStyle w:val={style}/></w:rPr><w:annotationRef/></w:r>"


def xml_text(text: str, stand_in: str = "") -> str:
    """``text`` escaped for element content; characters XML cannot hold (a form feed from a
    text file…) replaced by ``stand_in``."""
    return escape(_NOT_XML.sub(stand_in, text))


class CommentWriter:
    """Adds comments by fzcheck to a package's comments part, ids after the ones it has."""

    def __init__(self, package: WordPackage, date: str) -> None:
        self.package = package
        self.date = date
        self._pieces: list[str] = []
        self._next_id: int | None = None
        self.text_style, self.reference_style = package.comment_style_ids()

    def add(self, text: str) -> int:
        """A new comment (lines become paragraphs); its id."""
        if self._next_id is None:
            found = self.package.comments().iterfind(f"{{{W}}}comment")
            ids = [int(value) for c in found if (value := c.get(w("id"), "")).lstrip("-").isdigit()]
            self._next_id = max(ids, default=-1) + 1
        comment_id = self._next_id
        self._next_id += 1
        style, mark = quoteattr(self.text_style), _MARK.format(style=quoteattr(self.reference_style))
        paragraphs = "".join(
            _PARAGRAPH.format(style=style, mark=mark if index == 0 else "", text=xml_text(line))
            for index, line in enumerate(text.split("\n"))
        )
        self._pieces.append(
            f'<w:comment w:id="{comment_id}" w:author={quoteattr(AUTHOR)} w:initials={quoteattr(INITIALS)}'
            f" w:date={quoteattr(self.date)}>{paragraphs}</w:comment>"
        )
        return comment_id

    def flush(self) -> None:
        """Put the comments added so far into the comments part."""
        if not self._pieces:
            return
        parsed = etree.fromstring(f'<w:comments xmlns:w="{W}">{"".join(self._pieces)}</w:comments>')
        self.package.comments().extend(list(parsed))
        self._pieces = []


def _reference_run(comment_id: int, style: str) -> etree._Element:
    run = element("r")
    properties = element("rPr")
    properties.append(element("rStyle", val=style))
    run.append(properties)
    run.append(element("commentReference", id=str(comment_id)))
    return run


def mark_range(first: etree._Element, last: etree._Element, comment_id: int, style: str) -> None:
    """Markers around the nodes ``first`` … ``last`` (runs or their w:del/w:ins wrappers);
    ``style`` is the id of the reference mark's character style."""
    first.addprevious(element("commentRangeStart", id=str(comment_id)))
    end = element("commentRangeEnd", id=str(comment_id))
    last.addnext(end)
    end.addnext(_reference_run(comment_id, style))


def mark_point(paragraph: etree._Element, comment_id: int, at_end: bool, style: str) -> None:
    """An empty range at the start or the end of a paragraph, with its reference mark."""
    nodes = [
        element("commentRangeStart", id=str(comment_id)),
        element("commentRangeEnd", id=str(comment_id)),
        _reference_run(comment_id, style),
    ]
    if at_end:
        for node in nodes:
            paragraph.append(node)
        return
    properties = paragraph.find(element("pPr").tag)
    position = 0 if properties is None else paragraph.index(properties) + 1
    for offset, node in enumerate(nodes):
        paragraph.insert(position + offset, node)


def mark_before(node: etree._Element, comment_id: int, style: str) -> None:
    """An empty range right before ``node`` (a run inside a paragraph)."""
    node.addprevious(element("commentRangeStart", id=str(comment_id)))
    node.addprevious(element("commentRangeEnd", id=str(comment_id)))
    node.addprevious(_reference_run(comment_id, style))
