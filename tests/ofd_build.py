"""Hand-built OFD packages (GB/T 33190-2016) for the reader tests.

The seeds are laid out as a print office's OFD would hold them: A4 pages in millimetres, a
running header drawn by a template page, a "— N —" page number, lines wrapped at 28
characters, each line cut into text objects written out of reading order, with DeltaX as a
plain list, as "g N v" or left out, some objects placed through a CTM, a tilted watermark
object, a watermark annotation and, when asked, a signature. An independent producer
(easyofd) makes the committed fixtures tests/fixtures/formats/seed{0,2}.ofd.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

NS = "http://www.ofdspec.org/2016"
SIZE = 5.6  # mm, about 16 pt
LEFT, TOP, PITCH, PER_LINE, PER_PAGE = 28.0, 40.0, 10.0, 28, 22
HEADER = "公开发布稿"
DECL = '<?xml version="1.0" encoding="UTF-8"?>'


def _advance(char: str) -> float:
    return SIZE if ord(char) >= 0x2E80 else SIZE / 2


def _delta_x(text: str, style: int) -> str | None:
    steps = [_advance(char) for char in text[:-1]]
    if style == 0 or not steps:
        return " ".join(f"{step:g}" for step in steps) or None
    if style == 1 and len(set(steps)) == 1:
        return f"g {len(steps)} {steps[0]:g}"
    if style == 2 and all(ord(char) >= 0x2E80 for char in text):
        return None  # full-width characters advance by the size: no DeltaX needed
    return " ".join(f"{step:g}" for step in steps)


def _halved(delta: str) -> str:
    tokens = delta.split()
    if tokens[0] == "g":
        return f"g {tokens[1]} {float(tokens[2]) / 2:g}"
    return " ".join(f"{float(token) / 2:g}" for token in tokens)


def text_object(ident: int, x: float, y: float, text: str, *, style: int = 0, ctm: bool = False) -> str:
    """A TextObject drawing ``text`` from baseline origin (x, y) on the page (mm)."""
    delta = _delta_x(text, style)
    delta_attr = f' DeltaX="{delta}"' if delta else ""
    if ctm:  # the object's space is half size, scaled up by the CTM; the boundary moves it
        delta_attr = f' DeltaX="{_halved(delta)}"' if delta else ""
        return (
            f'<ofd:TextObject ID="{ident}" Boundary="{x:g} {y - SIZE:g} 170 {SIZE * 1.5:g}" Font="3"'
            f' Size="{SIZE / 2:g}" CTM="2 0 0 2 0 0"><ofd:TextCode X="0" Y="{SIZE / 2:g}"{delta_attr}>'
            f"{escape(text)}</ofd:TextCode></ofd:TextObject>"
        )
    return (
        f'<ofd:TextObject ID="{ident}" Boundary="{x:g} {y - SIZE:g} 170 {SIZE * 1.5:g}" Font="3"'
        f' Size="{SIZE:g}"><ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="{SIZE:g}"{delta_attr}>'
        f"{escape(text)}</ofd:TextCode></ofd:TextObject>"
    )


def _wrap(paragraph: str, indent: int) -> list[tuple[float, str]]:
    """The paragraph's lines, filled to the text width as a typesetter fills them."""
    lines: list[tuple[float, str]] = []
    line, room = "", (PER_LINE - indent) * SIZE
    for char in paragraph:
        if _advance(char) > room + 1e-6:
            lines.append((0 if lines else indent, line))
            line, room = "", PER_LINE * SIZE
        line += char
        room -= _advance(char)
    lines.append((0 if lines else indent, line))
    return lines


def seed_pages(text: str) -> list[list[tuple[float, str]]]:
    """The seed's paragraphs wrapped into lines (indent in characters, text), paginated."""
    lines: list[tuple[float, str]] = []
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    for index, paragraph in enumerate(paragraphs):
        lines.extend(_wrap(paragraph, 0 if index < 2 else 2))
    return [lines[start : start + PER_PAGE] for start in range(0, len(lines), PER_PAGE)]


def page_content(lines: list[tuple[float, str]], number: int, *, first_id: int = 100) -> str:
    """A page's Content.xml: its lines, each cut in two objects written right part first."""
    objects: list[str] = []
    ident = first_id
    for row, (indent, line) in enumerate(lines):
        y = TOP + row * PITCH
        x = LEFT + indent * SIZE
        cut = max(1, len(line) // 3)
        head, tail = line[:cut], line[cut:]
        tail_x = x + sum(_advance(char) for char in head)
        style = row % 3
        if tail:
            objects.append(text_object(ident, tail_x, y, tail, style=style, ctm=row % 5 == 4))
            ident += 1
        objects.append(text_object(ident, x, y, head, style=style))
        ident += 1
    footer = f"— {number} —"
    objects.append(text_object(ident, 105 - len(footer) * SIZE / 4, 285, footer))
    objects.append(  # a tilted watermark: not running text
        f'<ofd:TextObject ID="{ident + 1}" Boundary="60 150 100 100" Font="3" Size="12"'
        f' CTM="0.7071 0.7071 -0.7071 0.7071 0 0"><ofd:TextCode X="0" Y="12">样本仅供参考</ofd:TextCode>'
        "</ofd:TextObject>"
    )
    return (
        DECL + f'<ofd:Page xmlns:ofd="{NS}">'
        '<ofd:Template TemplateID="2" ZOrder="Background"/>'
        '<ofd:Content><ofd:Layer ID="9"><ofd:PageBlock ID="10">'
        + "".join(objects)
        + "</ofd:PageBlock></ofd:Layer></ofd:Content></ofd:Page>"
    )


def build(
    pages: list[str],
    *,
    header: str | None = HEADER,
    watermark: str | None = "内部资料请勿外传",
    signed: bool = False,
    encrypted: bool = False,
    namespace: str = NS,
) -> bytes:
    """An OFD package of the given Content.xml pages."""
    signatures = "<ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures>" if signed else ""
    encryption = "<ofd:Encryptions>Encryptions.xml</ofd:Encryptions>" if encrypted else ""
    parts: dict[str, str | bytes] = {
        "OFD.xml": (
            DECL + f'<ofd:OFD xmlns:ofd="{namespace}" Version="1.0" DocType="OFD">'
            "<ofd:DocBody><ofd:DocInfo><ofd:DocID>a1</ofd:DocID><ofd:Title>报告</ofd:Title>"
            "<ofd:Creator>fzcheck tests</ofd:Creator></ofd:DocInfo>"
            f"<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>{signatures}{encryption}</ofd:DocBody></ofd:OFD>"
        ),
        "Doc_0/Document.xml": (
            DECL + f'<ofd:Document xmlns:ofd="{namespace}"><ofd:CommonData>'
            "<ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>"
            "</ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>"
            '<ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData><ofd:Pages>'
            + "".join(
                f'<ofd:Page ID="{20 + index}" BaseLoc="Pages/Page_{index}/Content.xml"/>'
                for index in range(len(pages))
            )
            + "</ofd:Pages><ofd:Annotations>Annots/Annotations.xml</ofd:Annotations></ofd:Document>"
        ),
        "Doc_0/PublicRes.xml": (
            DECL + f'<ofd:Res xmlns:ofd="{namespace}" BaseLoc="Res"><ofd:Fonts>'
            '<ofd:Font ID="3" FontName="仿宋_GB2312" FamilyName="仿宋"/><ofd:Font ID="4" FontName="SimHei"/>'
            "</ofd:Fonts></ofd:Res>"
        ),
        "Doc_0/Tpls/Tpl_0/Content.xml": (
            DECL
            + f'<ofd:Page xmlns:ofd="{namespace}"><ofd:Content><ofd:Layer ID="5">'
            + (text_object(6, 90, 22, header) if header else "")
            + "</ofd:Layer></ofd:Content></ofd:Page>"
        ),
        "Doc_0/Annots/Annotations.xml": (
            DECL + f'<ofd:Annotations xmlns:ofd="{namespace}">'
            '<ofd:Page PageID="20"><ofd:FileLoc>Page_0/Annotation.xml</ofd:FileLoc></ofd:Page>'
            "</ofd:Annotations>"
        ),
        "Doc_0/Annots/Page_0/Annotation.xml": (
            DECL + f'<ofd:PageAnnot xmlns:ofd="{namespace}">'
            '<ofd:Annot ID="7" Type="Watermark"><ofd:Appearance Boundary="20 100 170 20">'
            + (text_object(8, 0, 10, watermark) if watermark else "")
            + "</ofd:Appearance></ofd:Annot></ofd:PageAnnot>"
        ),
    }
    for index, page in enumerate(pages):
        parts[f"Doc_0/Pages/Page_{index}/Content.xml"] = page.replace(
            f'xmlns:ofd="{NS}"', f'xmlns:ofd="{namespace}"'
        )
    if signed:
        parts["Doc_0/Signs/Signatures.xml"] = (
            DECL + f'<ofd:Signatures xmlns:ofd="{namespace}">'
            "<ofd:MaxSignId>1</ofd:MaxSignId>"
            '<ofd:Signature ID="1" Type="Seal" BaseLoc="Sign_0/Signature.xml"/>'
            "</ofd:Signatures>"
        )
        parts["Doc_0/Signs/Sign_0/Signature.xml"] = (
            DECL + f'<ofd:Signature xmlns:ofd="{namespace}"><ofd:SignedInfo>'
            '<ofd:Provider ProviderName="测试签章"/>'
            "<ofd:SignatureMethod>1.2.156.10197.1.501</ofd:SignatureMethod>"
            '<ofd:StampAnnot ID="1" PageRef="20" Boundary="140 240 40 40"/></ofd:SignedInfo>'
            "<ofd:SignedValue>/Doc_0/Signs/Sign_0/SignedValue.dat</ofd:SignedValue></ofd:Signature>"
        )
        parts["Doc_0/Signs/Sign_0/SignedValue.dat"] = bytes(range(256)) * 4
    if encrypted:
        parts["Encryptions.xml"] = f'<?xml version="1.0"?><ofd:Encryptions xmlns:ofd="{namespace}"/>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


def seed_ofd(text: str, **options: object) -> bytes:
    """The seed text as a paginated OFD package (see the module docstring)."""
    pages = seed_pages(text)
    return build([page_content(lines, number) for number, lines in enumerate(pages, 1)], **options)  # type: ignore[arg-type]
