"""Cell formats and conditional-format highlights, and the ``xl/styles.xml`` that lists them."""

from __future__ import annotations

import msgspec

from checker.audit.xlsx.text import XML_HEAD, argb, escape_attribute


class Style(msgspec.Struct, frozen=True):
    """A cell format (``cellXfs`` entry)."""

    bold: bool = False
    color: str | None = None  # font colour, #RRGGBB
    fill: str | None = None  # solid background, #RRGGBB
    border: bool = False  # thin on all four sides
    wrap: bool = False
    valign: str | None = None  # "top", "center", "bottom"
    num_format: str | None = None  # e.g. "0%"


class Highlight(msgspec.Struct, frozen=True):
    """A differential format (``dxfs`` entry) for conditional formats: font and fill colour."""

    fill: str
    color: str


_BUILTIN_FORMATS = {"General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10}


def _font_xml(style: Style) -> str:
    bold = "<b/>" if style.bold else ""
    color = f'<color rgb="{argb(style.color)}"/>' if style.color else ""
    return f'<font>{bold}<sz val="11"/>{color}<name val="Calibri"/><family val="2"/></font>'


def _fill_xml(color: str) -> str:
    return f'<fill><patternFill patternType="solid"><fgColor rgb="{argb(color)}"/><bgColor indexed="64"/></patternFill></fill>'  # noqa: E501


_THIN = '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>'  # noqa: E501


def styles_xml(styles: list[Style], highlights: list[Highlight]) -> str:
    fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>']
    fills = [
        '<fill><patternFill patternType="none"/></fill>',
        '<fill><patternFill patternType="gray125"/></fill>',
    ]
    borders = ["<border><left/><right/><top/><bottom/><diagonal/></border>"]
    formats: dict[str, int] = {}
    xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']
    for style in styles[1:]:
        font = _font_xml(style)
        if font not in fonts:
            fonts.append(font)
        font_id = fonts.index(font) if style.bold or style.color else 0
        fill_id = 0
        if style.fill:
            fill = _fill_xml(style.fill)
            if fill not in fills:
                fills.append(fill)
            fill_id = fills.index(fill)
        border_id = 0
        if style.border:
            if _THIN not in borders:
                borders.append(_THIN)
            border_id = borders.index(_THIN)
        number = 0
        if style.num_format:
            if style.num_format in _BUILTIN_FORMATS:
                number = _BUILTIN_FORMATS[style.num_format]
            else:
                number = formats.setdefault(style.num_format, 164 + len(formats))
        applied = "".join(
            f' apply{name}="1"'
            for name, on in (
                ("NumberFormat", number),
                ("Font", font_id),
                ("Fill", fill_id),
                ("Border", border_id),
                ("Alignment", style.wrap or style.valign),
            )
            if on
        )
        alignment = ""
        if style.wrap or style.valign:
            vertical = f' vertical="{style.valign}"' if style.valign else ""
            wrap = ' wrapText="1"' if style.wrap else ""
            alignment = f"<alignment{vertical}{wrap}/>"
        ids = f'numFmtId="{number}" fontId="{font_id}" fillId="{fill_id}" borderId="{border_id}"'
        head = f'<xf {ids} xfId="0"{applied}'
        xfs.append(f"{head}>{alignment}</xf>" if alignment else f"{head}/>")
    numbers = "".join(
        f'<numFmt numFmtId="{i}" formatCode="{escape_attribute(code)}"/>' for code, i in formats.items()
    )
    dxfs = "".join(
        f'<dxf><font><color rgb="{argb(h.color)}"/></font>'
        f'<fill><patternFill><bgColor rgb="{argb(h.fill)}"/></patternFill></fill></dxf>'
        for h in highlights
    )
    return (
        XML_HEAD
        + '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + (f'<numFmts count="{len(formats)}">{numbers}</numFmts>' if formats else "")
        + f'<fonts count="{len(fonts)}">{"".join(fonts)}</fonts>'
        + f'<fills count="{len(fills)}">{"".join(fills)}</fills>'
        + f'<borders count="{len(borders)}">{"".join(borders)}</borders>'
        + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        + f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
        + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        + f'<dxfs count="{len(highlights)}">{dxfs}</dxfs>'
        + '<tableStyles count="0" defaultTableStyle="TableStyleMedium9" '
        'defaultPivotStyle="PivotStyleLight16"/></styleSheet>'
    )
