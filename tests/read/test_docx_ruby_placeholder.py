"""Word's ruby (拼音指南) and content controls still showing their placeholder, on the seed
documents: ruby reads as its base text only, as the page shows it; a placeholder is unfilled
template text, which the template-leftover rule quotes where it stands, and annotate's comment
covers exactly that quote."""

from __future__ import annotations

import pytest
from lxml import etree

from checker.annotate import annotate
from checker.api import analyse_bytes
from tests.annotate.helpers import TODAY, seed_docx
from tests.annotate.wordxml import comment_ranges, comment_texts, document_xml, q, rewrite_document
from tests.read.test_docx_markup import outcome

SEEDS = range(5)
PINYIN = "fǎ zhì"
WORD_PLACEHOLDER = "单击或点击此处输入文字。"


def _ruby_over_every_paragraphs_first_characters(root: etree._Element) -> None:
    """The first two characters of each longer w:t as ruby base text with pinyin above them
    (w:r/w:ruby: w:rt the annotation, w:rubyBase the text), the rest of the run as it was."""
    for text in list(root.find(q("body")).iter(q("t"))):
        value = text.text or ""
        if len(value) < 8:
            continue
        run = text.getparent()
        text.text = value[2:]
        ruby_run = etree.Element(q("r"))
        ruby = etree.SubElement(ruby_run, q("ruby"))
        properties = etree.SubElement(ruby, q("rubyPr"))
        etree.SubElement(properties, q("rubyAlign"), {q("val"): "distributeSpace"})
        etree.SubElement(properties, q("hps"), {q("val"): "16"})
        for holder, shown in ((q("rt"), PINYIN), (q("rubyBase"), value[:2])):
            inner = etree.SubElement(etree.SubElement(ruby, holder), q("r"))
            etree.SubElement(inner, q("t")).text = shown
        run.addprevious(ruby_run)


@pytest.mark.parametrize("seed", SEEDS)
def test_ruby_reads_as_its_base_text_only(seed):
    data = seed_docx(seed)
    variant = rewrite_document(data, _ruby_over_every_paragraphs_first_characters)
    assert len(list(document_xml(variant).iter(q("rt")))) > 10
    assert outcome(variant) == outcome(data)


def _placeholder_control(text: str) -> etree._Element:
    """A run-level content control showing its placeholder ``text`` in Word's grey style."""
    control = etree.Element(q("sdt"))
    properties = etree.SubElement(control, q("sdtPr"))
    etree.SubElement(properties, q("id"), {q("val"): "-1871449290"})
    placeholder = etree.SubElement(properties, q("placeholder"))
    etree.SubElement(placeholder, q("docPart"), {q("val"): "DefaultPlaceholder"})
    etree.SubElement(properties, q("showingPlcHdr"))
    run = etree.SubElement(etree.SubElement(control, q("sdtContent")), q("r"))
    etree.SubElement(etree.SubElement(run, q("rPr")), q("rStyle"), {q("val"): "PlaceholderText"})
    etree.SubElement(run, q("t")).text = text
    return control


def _paragraph_with(root: etree._Element, words: str) -> etree._Element:
    return next(p for p in root.find(q("body")).iter(q("p")) if words in "".join(p.itertext()))


def _placeholder_after_the_opening(root: etree._Element) -> None:
    """An unfilled control at the end of the opening paragraph ("现将有关情况报告如下").
    with the ruby variant over the rest, so both features are in one document."""
    _ruby_over_every_paragraphs_first_characters(root)
    _paragraph_with(root, "报告如下").append(_placeholder_control(WORD_PLACEHOLDER))


def _placeholder_paragraph_before_the_signature(root: etree._Element) -> None:
    """A block-level control holding a paragraph that shows a template's own note."""
    control = _placeholder_control("【请输入单位名称】")
    content = control.find(q("sdtContent"))
    paragraph = etree.SubElement(content, q("p"))
    paragraph.append(content.find(q("r")))
    body = root.find(q("body"))
    body.find(q("sectPr")).addprevious(control)


def _leftovers(data: bytes):
    result = analyse_bytes(data, "report.docx", today=TODAY).result
    return result, [f for f in result.findings if f.rule == "template-leftover"]


@pytest.mark.parametrize("seed", SEEDS)
def test_an_unfilled_control_is_reported_at_its_place_and_annotated_on_its_quote(seed):
    data = rewrite_document(seed_docx(seed), _placeholder_after_the_opening)
    _result, (finding,) = _leftovers(data)
    assert finding.excerpt == WORD_PLACEHOLDER and finding.severity == "error"
    text = analyse_bytes(data, "report.docx", today=TODAY).source.text.split("\n")
    assert text[finding.line - 1][finding.column - 1 :].startswith(WORD_PLACEHOLDER)
    assert PINYIN not in "".join(text)
    out = annotate(data, "report.docx", today=TODAY)
    ranges = comment_ranges(out.data)
    ids = sorted(i for i, (author, _) in comment_texts(out.data).items() if author == "fzcheck")
    index = out.result.findings.index(finding)
    assert ranges[ids[index]].text == WORD_PLACEHOLDER


@pytest.mark.parametrize("seed", [0, 3])
def test_an_unfilled_block_control_is_reported(seed):
    data = rewrite_document(seed_docx(seed), _placeholder_paragraph_before_the_signature)
    _result, (finding,) = _leftovers(data)
    assert finding.excerpt == "【请输入单位名称】" and "提示" in finding.suggestion


CUSTOM = "本单位年度主要工作情况"  # a template's own placeholder wording: no pattern knows it


def _custom_placeholder_at_the_end_of(words: str, showing: bool):
    def edit(root: etree._Element) -> None:
        control = _placeholder_control(CUSTOM)
        if not showing:  # the same control filled in with these words: ordinary text
            properties = control.find(q("sdtPr"))
            properties.remove(properties.find(q("showingPlcHdr")))
        _paragraph_with(root, words).append(control)

    return edit


@pytest.mark.parametrize("seed", SEEDS)
def test_a_control_showing_its_placeholder_is_reported_whatever_its_wording(seed):
    data = rewrite_document(seed_docx(seed), _custom_placeholder_at_the_end_of("报告如下", showing=True))
    _result, (finding,) = _leftovers(data)
    assert finding.excerpt == CUSTOM and "内容控件" in finding.suggestion
    out = annotate(data, "report.docx", today=TODAY)
    ranges = comment_ranges(out.data)
    ids = sorted(i for i, (author, _) in comment_texts(out.data).items() if author == "fzcheck")
    assert ranges[ids[out.result.findings.index(finding)]].text == CUSTOM


@pytest.mark.parametrize("seed", [1, 4])
def test_a_filled_control_with_the_same_words_is_report_text(seed):
    data = rewrite_document(seed_docx(seed), _custom_placeholder_at_the_end_of("报告如下", showing=False))
    _result, leftovers = _leftovers(data)
    assert leftovers == []


def test_a_placeholder_in_a_table_cell_and_after_a_soft_break_is_placed_on_its_line():
    """Seed 4's first table cell gets a line break and an unfilled control after its text."""

    def edit(root: etree._Element) -> None:
        cell_paragraph = next(root.find(q("body")).iter(q("tc"))).find(q("p"))
        etree.SubElement(etree.SubElement(cell_paragraph, q("r")), q("br"))
        cell_paragraph.append(_placeholder_control(CUSTOM))

    data = rewrite_document(seed_docx(4), edit)
    analysis = analyse_bytes(data, "report.docx", today=TODAY)
    (finding,) = [f for f in analysis.result.findings if f.rule == "template-leftover"]
    assert finding.excerpt == CUSTOM and finding.column == 1
    assert analysis.source.text.split("\n")[finding.line - 1] == CUSTOM
