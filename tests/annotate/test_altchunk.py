"""Annotating a docx whose body is a part Word shows in place (w:altChunk): no comment can
be anchored inside the part, so findings on its text go on the paragraph before it."""

from __future__ import annotations

import io

import docx

from checker.annotate import annotate
from checker.read.docx_text import read_docx_bytes
from tests.annotate.helpers import TODAY
from tests.annotate.wordxml import comment_ranges, comment_texts, reference_ids
from tests.read.altchunk_docx import altchunk_docx, html_chunk, seed0_altchunk, seed0_lines


def test_every_finding_in_a_chunk_has_a_comment_quoting_its_text():
    data = seed0_altchunk()
    out = annotate(data, "seed0-altchunk.docx", today=TODAY, fix=True)
    texts = comment_texts(out.data)
    findings = out.result.findings
    assert findings
    assert len(texts) == len(findings) + 1 == out.comments
    assert sorted(reference_ids(out.data)) == sorted(texts)
    bodies = [text for _, text in texts.values()]
    for finding, body in zip(findings, bodies, strict=False):
        assert finding.message in body
        if finding.excerpt and finding.line > 2:  # in the chunk: the comment quotes the text
            assert finding.excerpt in body
    assert out.changes == 1  # the title's "2024 年" only: no tracked change in text no run holds
    ranges = comment_ranges(out.data)
    assert all(r.paragraphs in ([], [0], [1], [0, 1]) for r in ranges.values())
    docx.Document(io.BytesIO(out.data))  # the package still opens
    chunk = read_docx_bytes(data).text.split("\n")[2:]
    assert read_docx_bytes(out.data).text.split("\n")[2:] == chunk  # the part is untouched


def test_a_chunk_before_any_paragraph_gets_a_paragraph_to_carry_its_comments():
    data = altchunk_docx(html_chunk(seed0_lines()), keep=0)
    out = annotate(data, "chunk-only.docx", today=TODAY)
    assert len(comment_texts(out.data)) == len(out.result.findings) + 1 == out.comments
    docx.Document(io.BytesIO(out.data))
    assert read_docx_bytes(out.data).text == read_docx_bytes(data).text
