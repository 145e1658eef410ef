"""WordprocessingML names and element builders shared by the annotate modules."""

from __future__ import annotations

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def w(tag: str) -> str:
    """Clark name of a w: element or attribute: ``w("t")`` → ``{…/main}t``."""
    return f"{{{W}}}{tag}"


_NSMAP = {"w": W}


def element(tag: str, **attrs: str) -> etree._Element:
    """A new w: element with w: attributes."""
    return etree.Element(f"{{{W}}}{tag}", {f"{{{W}}}{name}": value for name, value in attrs.items()}, _NSMAP)


def text_node(text: str, tag: str = "t") -> etree._Element:
    """A w:t (or w:delText) that keeps leading and trailing spaces."""
    node = etree.Element(f"{{{W}}}{tag}", {XML_SPACE: "preserve"}, _NSMAP)
    node.text = text
    return node
