"""Render an annotated .docx to PDF with its comments in the margin (LibreOffice over UNO).

Usage (Debian's python3, which has LibreOffice's ``uno`` module):
``/usr/bin/python3 scripts/render_annotated.py IN.docx OUT.pdf``. The command-line filter
option ``ExportNotesInMargin`` is ignored by LibreOffice 7.4's headless ``--convert-to``,
so the document is loaded and stored through UNO with that option in the filter data.
Used to make the screenshot in docs/ (then ``pdftoppm -png -r 80 -f 1 -l 1``).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def _prop(name: str, value: object) -> PropertyValue:
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def render(source: Path, target: Path) -> None:
    profile = Path(tempfile.mkdtemp(prefix="fzcheck-lo-"))
    pipe = f"fzcheck{profile.name}"
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", f"-env:UserInstallation=file://{profile}",
         f"--accept=pipe,name={pipe};urp;"],  # fmt: skip
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", uno.getComponentContext()
        )
        for _ in range(100):
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.2)
        else:
            raise SystemExit("LibreOffice did not start")
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(str(source.resolve())), "_blank", 0,
                                                (_prop("Hidden", True),))  # fmt: skip
        filter_data = uno.Any("[]com.sun.star.beans.PropertyValue", (_prop("ExportNotesInMargin", True),))
        document.storeToURL(uno.systemPathToFileUrl(str(target.resolve())),
                            (_prop("FilterName", "writer_pdf_Export"), _prop("FilterData", filter_data)))  # fmt: skip
        document.close(True)
        desktop.terminate()
    finally:
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    render(Path(sys.argv[1]), Path(sys.argv[2]))
