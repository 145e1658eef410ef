"""The workbook: its sheets and styles, written as one .xlsx package when it is closed."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from checker.audit.xlsx.sheet import Sheet
from checker.audit.xlsx.styles import Highlight, Style, styles_xml
from checker.audit.xlsx.text import (
    MAIN_NAMESPACE,
    RELATIONSHIPS,
    XML_HEAD,
    argb,
    cell_range,
    check_sheet_name,
    escape_attribute,
    escape_text,
    quoted_sheet,
)
from checker.outfiles import replacing


class Workbook:
    """An .xlsx file at ``path``, written when the book is closed (``with`` closes it)."""

    def __init__(self, path: Path | str, created: dt.datetime | None = None, compresslevel: int = 1) -> None:
        self.path = Path(path)
        self.created = created
        self.compresslevel = compresslevel
        self.sheets: list[Sheet] = []
        self._styles: list[Style] = [Style()]
        self._highlights: list[Highlight] = []
        self._closed = False

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, kind: object, value: object, traceback: object) -> None:
        if kind is None:
            self.close()
        else:
            self._discard()

    def style(self, **options: Any) -> int:
        """A cell style (:class:`Style` fields as keywords); returns its number for ``Sheet.row``."""
        style = Style(**options)
        if style not in self._styles:
            self._styles.append(style)
        return self._styles.index(style)

    def highlight(self, fill: str, color: str) -> int:
        """A conditional format's look; returns its number for ``Sheet.cell_equals``."""
        highlight = Highlight(fill, color)
        argb(fill), argb(color)
        if highlight not in self._highlights:
            self._highlights.append(highlight)
        return self._highlights.index(highlight)

    def sheet(
        self, name: str, widths: Sequence[float] = (), freeze_rows: int = 0, after: Sheet | None = None
    ) -> Sheet:
        """A new sheet, after the others (or right after ``after``); ``widths`` of the first
        columns in characters."""
        check_sheet_name(name, (s.name for s in self.sheets))
        sheet = Sheet(name, widths, freeze_rows)
        at = len(self.sheets) if after is None else self.sheets.index(after) + 1
        self.sheets.insert(at, sheet)
        return sheet

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if not self.sheets:
            self.sheet("Sheet1")
        try:
            self._write()
        finally:
            self._discard()

    def _discard(self) -> None:
        self._closed = True
        for sheet in self.sheets:
            sheet._discard()

    def _write(self) -> None:
        created = (self.created or dt.datetime.now(dt.timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
        with (
            replacing(self.path, binary=True) as stream,
            zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive,
        ):

            def part(name: str) -> zipfile.ZipInfo:
                """A member with a fixed time, so the same rows make the same file."""
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info._compresslevel = self.compresslevel  # type: ignore[attr-defined]
                return info

            archive.writestr(part("[Content_Types].xml"), self._content_types())
            archive.writestr(part("_rels/.rels"), _ROOT_RELS)
            archive.writestr(part("docProps/app.xml"), self._app())
            archive.writestr(part("docProps/core.xml"), _CORE.format(created=created))
            archive.writestr(part("xl/workbook.xml"), self._workbook())
            archive.writestr(part("xl/_rels/workbook.xml.rels"), self._workbook_rels())
            archive.writestr(part("xl/styles.xml"), styles_xml(self._styles, self._highlights))
            for i, sheet in enumerate(self.sheets, start=1):
                head, rows, tail = sheet._part(selected=i == 1)
                info = part(f"xl/worksheets/sheet{i}.xml")
                info.file_size = len(head) + os.fstat(rows.fileno()).st_size + len(tail)  # zip64 if need be
                with archive.open(info, "w") as target:
                    target.write(head)
                    shutil.copyfileobj(rows, target, 1 << 20)
                    target.write(tail)

    def _content_types(self) -> str:
        sheets = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(1, len(self.sheets) + 1)
        )
        return _CONTENT_TYPES.replace("{sheets}", sheets)

    def _app(self) -> str:
        names = "".join(f"<vt:lpstr>{escape_text(sheet.name)}</vt:lpstr>" for sheet in self.sheets)
        return _APP.format(count=len(self.sheets), names=names)

    def _workbook(self) -> str:
        sheets = "".join(
            f'<sheet name="{escape_attribute(sheet.name)}" sheetId="{i}" r:id="rId{i}"/>'
            for i, sheet in enumerate(self.sheets, start=1)
        )
        names = "".join(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
            f"{escape_text(quoted_sheet(sheet.name))}!{cell_range(*sheet.filter, absolute=True)}"
            "</definedName>"
            for i, sheet in enumerate(self.sheets)
            if sheet.filter
        )
        return (
            f'{XML_HEAD}<workbook xmlns="{MAIN_NAMESPACE}" xmlns:r="{RELATIONSHIPS}">'
            '<fileVersion appName="xl" lastEdited="4" lowestEdited="4" rupBuild="4505"/>'
            '<workbookPr defaultThemeVersion="124226"/><bookViews><workbookView xWindow="240" yWindow="15" '
            f'windowWidth="16095" windowHeight="9660"/></bookViews><sheets>{sheets}</sheets>'
            + (f"<definedNames>{names}</definedNames>" if names else "")
            + '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'
        )

    def _workbook_rels(self) -> str:
        count = len(self.sheets)
        rels = [
            f'<Relationship Id="rId{i}" Type="{RELATIONSHIPS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, count + 1)
        ]
        rels.append(f'<Relationship Id="rId{count + 1}" Type="{RELATIONSHIPS}/styles" Target="styles.xml"/>')
        return (
            f'{XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f"{''.join(rels)}</Relationships>"
        )


_CONTENT_TYPES = (
    XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/docProps/app.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    "{sheets}</Types>"
)
_ROOT_RELS = (
    XML_HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
    'core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{RELATIONSHIPS}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)
_APP = (
    XML_HEAD
    + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
    '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr>'
    "</vt:variant><vt:variant><vt:i4>{count}</vt:i4></vt:variant></vt:vector></HeadingPairs>"
    '<TitlesOfParts><vt:vector size="{count}" baseType="lpstr">{names}</vt:vector></TitlesOfParts>'
    "<Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>12.0000</AppVersion></Properties>"
)
_CORE = (
    XML_HEAD + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:creator></dc:creator><cp:lastModifiedBy></cp:lastModifiedBy>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">'
    '{created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{created}</dcterms:modified>'
    "</cp:coreProperties>"
)
