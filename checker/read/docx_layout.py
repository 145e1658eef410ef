"""Layout hints of a Word paragraph: alignment, Title/Heading style, outline level.

Read from the paragraph's own w:pPr and, failing that, from its paragraph style and the
styles that style is based on (a template's "标题 1" is a Heading 1 by its outline level).
Also what the styles say about visibility: hidden text (w:vanish) and the "toc N" styles of
a table of contents' entries.
"""

from __future__ import annotations

import re

import checker.regex_cache as regex_cache
from checker.read.source import Align, LineLayout
from checker.read.xml_numbers import decimal

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
_ALIGN: dict[str, Align] = {
    "center": "centre",
    "right": "right",
    "end": "right",
    "both": "left",
    "left": "left",
    "start": "left",
}
_HEADING_NAME = regex_cache.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_TITLE_NAME = regex_cache.compile(r"^(?:title|标题)$", re.IGNORECASE)
# Word's built-in "toc 1" … "toc 9" ("TOC 1" in some writers, "目录 1" in Chinese WPS/Word)
_TOC_NAME = regex_cache.compile(r"^(?:toc|目录)\s*\d$", re.IGNORECASE)
_FALSE = frozenset({"0", "false", "off"})


class StyleTable:
    """Paragraph styles by id: name, based-on, alignment and outline level."""

    def __init__(self, styles_element) -> None:
        self._styles: dict[str, tuple[str, str | None, Align | None, int | None]] = {}
        if styles_element is None:
            return
        for style in styles_element.iterfind(f"{_W}style"):
            if style.get(f"{_W}type") != "paragraph":
                continue
            style_id = style.get(f"{_W}styleId") or ""
            name = style.find(f"{_W}name")
            based = style.find(f"{_W}basedOn")
            ppr = style.find(f"{_W}pPr")
            self._styles[style_id] = (
                name.get(f"{_W}val", "") if name is not None else "",
                based.get(f"{_W}val") if based is not None else None,
                _jc(ppr),
                _outline(ppr),
            )

    def toc_entry_styles(self) -> frozenset[str]:
        """Ids of the paragraph styles of a table of contents' entries ("toc 1" …)."""
        return frozenset(style_id for style_id, own in self._styles.items() if is_toc_entry_style(own[0]))

    def resolve(self, style_id: str | None) -> tuple[str, Align | None, int | None]:
        """(name, alignment, outline level) of a style, inherited along basedOn."""
        name, align, level = "", None, None
        seen: set[str] = set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            own_name, based, own_align, own_level = self._styles[style_id]
            name = name or own_name
            align = align or own_align
            level = level if level is not None else own_level
            style_id = based
        return name, align, level


def is_toc_entry_style(name: str) -> bool:
    """Whether a paragraph style name is one of a table of contents' entry styles."""
    return bool(_TOC_NAME.match(name.strip()))


def vanish(rpr) -> bool | None:
    """What a w:rPr says about hidden text: True, False (explicitly shown) or None (silent).

    Only w:vanish counts: w:webHidden hides text in Web view only (printed and paged views
    show it), and w:specVanish only hides a paragraph mark that joins two paragraphs.
    """
    if rpr is None:
        return None
    flag = rpr.find(f"{_W}vanish")
    if flag is None:
        return None
    return flag.get(f"{_W}val", "true").lower() not in _FALSE


class HiddenStyles:
    """Which paragraph and character styles hide their text (w:vanish), along basedOn."""

    def __init__(self, styles_element) -> None:
        self._own: dict[str, tuple[bool | None, str | None]] = {}
        self.default_paragraph: str | None = None
        self.document_default: bool = False
        # most documents hide nothing by style: one scan of styles.xml spares the rest
        self.active = styles_element is not None and styles_element.find(f".//{_W}vanish") is not None
        if not self.active:
            return
        default_rpr = styles_element.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
        self.document_default = bool(vanish(default_rpr))
        for style in styles_element.iterfind(f"{_W}style"):
            style_id = style.get(f"{_W}styleId") or ""
            based = style.find(f"{_W}basedOn")
            self._own[style_id] = (
                vanish(style.find(f"{_W}rPr")),
                based.get(f"{_W}val") if based is not None else None,
            )
            if style.get(f"{_W}type") == "paragraph" and style.get(f"{_W}default") in ("1", "true"):
                self.default_paragraph = style_id

    def resolve(self, style_id: str | None) -> bool | None:
        """The w:vanish a style sets or inherits; None when no style in its chain says."""
        seen: set[str] = set()
        while style_id and style_id in self._own and style_id not in seen:
            seen.add(style_id)
            own, based = self._own[style_id]
            if own is not None:
                return own
            style_id = based
        return None

    def paragraph(self, style_id: str | None) -> bool:
        """Whether runs of a paragraph in this style (None: the default style) are hidden
        when neither the run nor its character style says otherwise."""
        if not self.active:
            return False
        found = self.resolve(style_id or self.default_paragraph)
        return self.document_default if found is None else found


def _jc(ppr) -> Align | None:
    if ppr is None:
        return None
    jc = ppr.find(f"{_W}jc")
    return _ALIGN.get(jc.get(f"{_W}val", "")) if jc is not None else None


def _outline(ppr) -> int | None:
    if ppr is None:
        return None
    level = ppr.find(f"{_W}outlineLvl")
    if level is None:
        return None
    value = decimal(level.get(f"{_W}val"), 9)  # absent, malformed or out of range: body text
    return value + 1 if 0 <= value < 9 else None  # 9 is body text


def paragraph_layout(paragraph, styles: StyleTable) -> LineLayout:
    """The hints one w:p gives: its alignment, and heading/title by style or outline level."""
    ppr = paragraph.find(f"{_W}pPr")
    style = ppr.find(f"{_W}pStyle") if ppr is not None else None
    name, style_align, style_level = styles.resolve(style.get(f"{_W}val") if style is not None else None)
    align = _jc(ppr) or style_align
    level = _outline(ppr) or style_level
    heading = _HEADING_NAME.match(name.strip())
    if heading:
        return LineLayout(align=align, style="heading", level=level or int(heading.group(1)))
    if _TITLE_NAME.match(name.strip()):
        return LineLayout(align=align or "centre", style="title")
    if level is not None:
        return LineLayout(align=align, style="heading", level=level)
    return LineLayout(align=align)
