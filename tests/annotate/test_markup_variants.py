"""Word markup the reader reads past (hidden text, wrapped table rows, tracked paragraph
deletions): annotate's comments still cover the text each finding quotes, and the copy
checks as the input did."""

from __future__ import annotations

import io

import docx
import pytest
from lxml import etree

from checker.annotate import annotate
from checker.api import analyse_bytes
from tests.annotate.helpers import TODAY, quote_of, seed_docx, squeeze
from tests.annotate.wordxml import comment_ranges, comment_texts, q, rewrite_document
from tests.read.test_docx_markup import (
    _cells_in_controls,
    _numbered_heading_deleted,
    _paragraph_moved,
    _rows_in_repeating_section,
    strict,
)
from tests.read.test_docx_ruby_placeholder import _ruby_over_every_paragraphs_first_characters

OLD_DRAFT = "（旧稿：存在问题已全部整改完毕，下一年度工作计划另行报告）"


def _hidden_old_draft_in_every_paragraph(root: etree._Element) -> None:
    """A hidden run (w:vanish) at the end of every paragraph: an old draft's words kept out of
    print, as offices hide text instead of deleting it."""
    for paragraph in root.find(q("body")).iter(q("p")):
        if not "".join(paragraph.itertext()).strip():
            continue
        run = etree.SubElement(paragraph, q("r"))
        etree.SubElement(etree.SubElement(run, q("rPr")), q("vanish"))
        etree.SubElement(run, q("t")).text = OLD_DRAFT


def _hidden_inside_the_text(root: etree._Element) -> None:
    """The hidden run in the middle of each paragraph's text (its only run split in two)."""
    for text in list(root.find(q("body")).iter(q("t"))):
        value = text.text or ""
        if len(value) < 8:
            continue
        run = text.getparent()
        text.text = value[:4]
        hidden = etree.Element(q("r"))
        etree.SubElement(etree.SubElement(hidden, q("rPr")), q("vanish"))
        etree.SubElement(hidden, q("t")).text = OLD_DRAFT
        rest = etree.Element(q("r"))
        etree.SubElement(rest, q("t")).text = value[4:]
        run.addnext(hidden)
        hidden.addnext(rest)


VARIANTS = [
    _hidden_old_draft_in_every_paragraph,
    _hidden_inside_the_text,
    _rows_in_repeating_section,
    _cells_in_controls,
    _numbered_heading_deleted,
    _paragraph_moved,
    _ruby_over_every_paragraphs_first_characters,
]


@pytest.mark.parametrize("fix", [False, True])
@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("seed", range(5))
def test_each_comment_covers_its_quote_and_the_copy_checks_the_same(seed, variant, fix):
    data = rewrite_document(seed_docx(seed), variant)
    out = annotate(data, "report.docx", today=TODAY, fix=fix)
    texts = comment_texts(out.data)
    ranges = comment_ranges(out.data)
    ids = sorted(i for i, (author, _) in texts.items() if author == "fzcheck")
    assert len(ids) == len(out.result.findings) + 1  # one per finding and the summary
    quoted = [(f, ranges[ids[i]]) for i, f in enumerate(out.result.findings) if f.excerpt]
    assert quoted
    for finding, covered in quoted:
        assert quote_of(finding.excerpt) in squeeze(covered.text), finding
        assert OLD_DRAFT not in covered.text
    if not fix:
        again = analyse_bytes(out.data, "copy.docx", today=TODAY).result
        assert [(e.id, e.status) for e in again.elements] == [(e.id, e.status) for e in out.result.elements]


@pytest.mark.parametrize("seed", range(5))
def test_a_strict_open_xml_document_is_annotated_as_a_document_word_opens(seed):
    data = strict(seed_docx(seed))
    out = annotate(data, "report.docx", today=TODAY, fix=True)
    assert out.result == analyse_bytes(data, "report.docx", today=TODAY).result
    ranges = comment_ranges(out.data)
    ids = sorted(i for i, (author, _) in comment_texts(out.data).items() if author == "fzcheck")
    assert len(ids) == len(out.result.findings) + 1
    for index, finding in enumerate(out.result.findings):
        if finding.excerpt:
            assert quote_of(finding.excerpt) in squeeze(ranges[ids[index]].text), finding
    assert docx.Document(io.BytesIO(out.data)).paragraphs  # python-docx finds the main document
