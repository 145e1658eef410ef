"""Write tests/fixtures/layout/: seeds laid out as an official document (GB/T 9704 style).

The format fixtures in tests/fixtures/formats put every seed line in a plain left-aligned
paragraph. Real reports are laid out: the title block centred in a larger font (the body's
name on one line, "2024年…报告" on the next), body paragraphs justified with a two-character
first-line indent, part headings in a heading style, the 落款 and 成文日期 right-aligned at
the end. This script builds such a .docx for seeds 0 and 4 with python-docx, using the
parsed .txt to know which line is which, and converts it to PDF with LibreOffice
(``soffice`` on PATH). Run from the repository root: python scripts/make_layout_fixtures.py
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from docx import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from checker.parse.structure import parse_document
from checker.read.source import SourceText

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "layout"
SEEDS = {0: "000_ff357cf36fec75c2.txt", 4: "004_e0bbcac91444e860.txt"}
BODY_PT, TITLE_PT = 16, 22  # 三号仿宋 body, 二号小标宋 title


def _font(run, size: int, name: str) -> None:
    run.font.size = Pt(size)
    run.font.name = name
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def build(seed: Path) -> bytes:
    """The seed as a laid-out Word document; roles come from parsing the plain text."""
    document = parse_document(SourceText(seed.read_text(encoding="utf-8")))
    title = {p.index for p in document.title}
    closing = {p.index for p in (document.signature, document.date.paragraph if document.date else None) if p}
    headings = {s.paragraph.index for s in document.all_sections() if s.depth == 0 and not s.heading.run_in}
    word = WordDocument()
    for paragraph in document.paragraphs:
        out = word.add_paragraph()
        if paragraph.index in headings:
            out.style = word.styles["Heading 1"]
        run = out.add_run(paragraph.text)
        if paragraph.index in title:
            out.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(run, TITLE_PT, "Noto Serif CJK SC")
        elif paragraph.index in closing:
            out.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _font(run, BODY_PT, "Noto Serif CJK SC")
        else:
            out.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            if paragraph.index not in headings:
                out.paragraph_format.first_line_indent = Pt(2 * BODY_PT)
            _font(run, BODY_PT, "Noto Serif CJK SC")
    with tempfile.NamedTemporaryFile(suffix=".docx") as handle:
        word.save(handle.name)
        return Path(handle.name).read_bytes()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        for number, name in SEEDS.items():
            target = OUT / f"seed{number}.laid-out.docx"
            target.write_bytes(build(ROOT / "reports" / name))
            subprocess.run(
                ["soffice", "--headless", "--convert-to", "pdf", "--outdir", work, str(target)],
                check=True,
                capture_output=True,
                timeout=180,
            )
            (OUT / f"seed{number}.laid-out.pdf").write_bytes(
                (Path(work) / target.with_suffix(".pdf").name).read_bytes()
            )


if __name__ == "__main__":
    main()
