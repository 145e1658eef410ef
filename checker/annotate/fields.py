"""Fields: a comment's marks go around a field, never inside its result.

Word regenerates a field's result (a table of contents, a page number, a cross-reference,
a HYPERLINK field) when the field is updated, and whatever was inside the result goes with
it: a comment mark placed there would lose its comment on the first update. A quote that
starts or ends inside a field's result is therefore widened to the whole field: from the
run with its "begin" w:fldChar to the run with its "end", or the whole w:fldSimple.
"""

from __future__ import annotations

from lxml import etree

from checker.annotate.wordml import w

_FIELD_CHAR = w("fldChar")
_SIMPLE_FIELD = w("fldSimple")
_PARAGRAPH = w("p")


def _complex_field(node: etree._Element) -> tuple[etree._Element, etree._Element] | None:
    """The begin and end runs of the outermost complex field of ``node``'s paragraph that
    holds ``node``; None when it is in none (or the field goes on in another paragraph)."""
    paragraph = next(node.iterancestors(_PARAGRAPH), None)
    if paragraph is None:
        return None
    open_fields: list[etree._Element] = []
    holder: etree._Element | None = None
    for element in paragraph.iter():
        if element is node:
            if not open_fields:
                return None
            holder = open_fields[0]
        elif element.tag == _FIELD_CHAR:
            kind = element.get(w("fldCharType"))
            run = element.getparent()
            if kind == "begin":
                open_fields.append(run)
            elif kind == "end" and open_fields:
                begin = open_fields.pop()
                if holder is not None and begin is holder:
                    return begin, run
    return None


def _level_with(node: etree._Element, other: etree._Element) -> etree._Element:
    """``other``'s ancestor that is a sibling of ``node`` (or ``other`` itself): a mark put
    beside it stays at ``node``'s level."""
    parent = node.getparent()
    for candidate in (other, *other.iterancestors()):
        if candidate.getparent() is parent:
            return candidate
    return other


def outside_field(node: etree._Element, at_end: bool) -> etree._Element:
    """``node``, or the field around it: its first node (``at_end`` False) or its last."""
    simple = [a for a in node.iterancestors(_SIMPLE_FIELD)]
    if simple:
        node = simple[-1]
    found = _complex_field(node)
    if found is None:
        return node
    return _level_with(node, found[1] if at_end else found[0])
