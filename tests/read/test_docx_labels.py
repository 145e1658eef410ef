"""A Word paragraph's place ("第12段") counts the paragraphs a reader sees (docx, Word 2003 XML).

Clerks type blank lines between parts (an empty paragraph each). They were counted, so a
finding in seed 1 with a blank line before every paragraph said 第24段 for what a reader counts
as the 12th paragraph. Blank paragraphs now share the label of the paragraph before them.
"""

from __future__ import annotations

import copy
import io

import docx

from checker.api import analyse_bytes
from checker.read import read_bytes, read_path
from checker.read.docx_text import read_docx_bytes
from tests.annotate.helpers import FORMATS, TODAY, seed_docx


def _with_blank_lines(data: bytes, blanks: int = 1) -> bytes:
    """The document with ``blanks`` empty paragraphs before each of its body paragraphs."""
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    empty = docx.oxml.OxmlElement("w:p")
    for paragraph in list(body.iterchildren(docx.oxml.ns.qn("w:p"))):
        for _ in range(blanks):
            paragraph.addprevious(copy.deepcopy(empty))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _labelled_lines(data: bytes) -> list[tuple[str, str]]:
    source = read_docx_bytes(data)
    return [
        (line, label) for line, label in zip(source.text.split("\n"), source.line_labels, strict=True) if line
    ]


def test_blank_paragraphs_do_not_shift_the_count():
    plain = seed_docx(1)
    spaced = _with_blank_lines(plain, blanks=2)
    assert len(docx.Document(io.BytesIO(spaced)).paragraphs) > 2 * len(
        docx.Document(io.BytesIO(plain)).paragraphs
    )
    assert _labelled_lines(spaced) == _labelled_lines(plain)


def test_findings_name_the_same_paragraphs():
    plain = analyse_bytes(seed_docx(1), "seed1.docx", today=TODAY).result
    spaced = analyse_bytes(_with_blank_lines(seed_docx(1)), "seed1.docx", today=TODAY).result
    assert [f.location for f in spaced.findings] == [f.location for f in plain.findings]
    assert any(f.location == "第12段" for f in spaced.findings)


def test_word_2003_xml_counts_the_same_way():
    path = FORMATS / "seed3-word2003xml.doc"
    data = path.read_bytes()
    assert data.count(b"</w:p>") > 10
    spaced = data.replace(b"</w:p>", b"</w:p><w:p></w:p><w:p><w:r><w:t> </w:t></w:r></w:p>")
    plain_source, spaced_source = read_path(path), read_bytes(spaced, path.suffix)

    def labelled(source):
        lines = source.text.split("\n")
        return [(line, label) for line, label in zip(lines, source.line_labels, strict=True) if line.strip()]

    assert labelled(spaced_source) == labelled(plain_source)
