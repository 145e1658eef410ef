"""Annotating seed docx files: comments on the quoted text, body untouched, re-check stable."""

from __future__ import annotations

import pytest

from checker.annotate import annotate
from checker.api import analyse_bytes
from checker.read.docx_text import read_docx_bytes
from tests.annotate.helpers import TODAY, delete, edit_docx, quote_of, replace_text, seed_docx, squeeze
from tests.annotate.wordxml import comment_ranges, comment_texts, formatting, reference_ids

SEEDS = range(5)


def _annotated(data: bytes, name: str = "seed.docx", **options):
    return annotate(data, name, today=TODAY, **options)


@pytest.mark.parametrize("seed", SEEDS)
def test_one_comment_per_finding_and_a_summary(seed):
    out = _annotated(seed_docx(seed))
    texts = comment_texts(out.data)
    findings = out.result.findings
    assert len(texts) == len(findings) + 1 == out.comments
    assert {author for author, _ in texts.values()} == {"fzcheck"}
    bodies = [text for _, text in texts.values()]
    for finding, body in zip(findings, bodies, strict=False):
        assert finding.message in body and finding.rule in body
        assert finding.suggestion in body
    assert sorted(reference_ids(out.data)) == sorted(texts)  # every comment has its mark


@pytest.mark.parametrize("seed", SEEDS)
def test_each_comment_covers_the_text_it_quotes(seed):
    out = _annotated(seed_docx(seed))
    ranges = comment_ranges(out.data)
    ids = sorted(comment_texts(out.data))
    quoted = [(f, ids[i]) for i, f in enumerate(out.result.findings) if f.excerpt]
    assert quoted, "the seeds quote text"
    for finding, comment_id in quoted:
        covered = squeeze(ranges[comment_id].text)
        assert quote_of(finding.excerpt) in covered, (finding.rule, finding.excerpt, covered)


@pytest.mark.parametrize("seed", SEEDS)
def test_body_text_and_formatting_are_untouched(seed):
    data = seed_docx(seed)
    out = _annotated(data)
    assert read_docx_bytes(out.data).text == read_docx_bytes(data).text
    assert formatting(out.data) == formatting(data)


@pytest.mark.parametrize("seed", SEEDS)
def test_recheck_of_the_annotated_copy_gives_the_same_result(seed):
    data = seed_docx(seed)
    out = _annotated(data)
    again = analyse_bytes(out.data, "seed.docx", today=TODAY).result
    assert [(e.id, e.status) for e in again.elements] == [(e.id, e.status) for e in out.result.elements]
    assert again.score == out.result.score
    assert [f.fingerprint for f in again.findings] == [f.fingerprint for f in out.result.findings]


def test_summary_comment_sits_on_the_title_with_score_and_marks():
    out = _annotated(seed_docx(0))
    ids = sorted(comment_texts(out.data))
    _author, summary = comment_texts(out.data)[ids[-1]]
    result = out.result
    assert f"{result.score:g}" in summary and result.grade in summary
    for element in result.elements:
        mark = {"present": "✓", "weak": "△", "missing": "✗"}[element.status]
        assert f"{mark} {element.name}" in summary
    covered = comment_ranges(out.data)[ids[-1]].text
    assert squeeze(covered) == squeeze(result.meta.title)


def test_summary_in_english_with_lang_en():
    out = _annotated(seed_docx(0), lang="en")
    summary = comment_texts(out.data)[max(comment_texts(out.data))][1]
    assert "Score" in summary and "present" in summary
    assert "建议" not in "".join(text for _, text in comment_texts(out.data).values())


def _body_paragraph_count(data: bytes) -> int:
    return len(formatting(data))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_missing_signature_and_date_are_commented_at_the_end(seed):
    data = seed_docx(seed)
    out = _annotated(data)
    missing = {e.id for e in out.result.elements if e.status == "missing"}
    assert {"signature", "date"} <= missing
    ids = sorted(comment_texts(out.data))
    ranges = comment_ranges(out.data)
    last_with_text = max(i for i, (_, chars) in enumerate(formatting(out.data)) if chars)
    for i, finding in enumerate(out.result.findings):
        if finding.rule in ("signature-present", "date-present"):
            where = ranges[ids[i]]
            assert where.text == "" and where.paragraphs == [last_with_text]


def test_missing_title_is_commented_on_the_first_paragraph():
    out = _annotated(seed_docx(4))
    ids = sorted(comment_texts(out.data))
    ranges = comment_ranges(out.data)
    (index,) = [i for i, f in enumerate(out.result.findings) if f.rule == "title-present"]
    assert ranges[ids[index]].paragraphs == [0]


def test_missing_problems_part_is_commented_where_it_would_stand():
    def drop_problems(paragraphs):
        start = next(i for i, p in enumerate(paragraphs) if "主要问题和不足" in p.text)
        end = next(i for i, p in enumerate(paragraphs) if i > start and "下一步" in p.text)
        for paragraph in paragraphs[start:end]:
            delete(paragraph)

    data = edit_docx(seed_docx(0), drop_problems)
    out = _annotated(data)
    statuses = {e.id: e.status for e in out.result.elements}
    assert statuses["problems"] == "missing" and statuses["next-year-plan"] != "missing"
    ids = sorted(comment_texts(out.data))
    (index,) = [i for i, f in enumerate(out.result.findings) if f.rule == "problems-present"]
    where = comment_ranges(out.data)[ids[index]]
    text_of = ["".join(c for c, _ in chars) for _, chars in formatting(out.data)]
    assert where.text == ""
    (at,) = where.paragraphs
    # at the end of the measures part, right before the plan's heading
    assert "没有发生因违法或不当决策" in text_of[at]
    assert "下一步工作安排" in text_of[at + 1]


def test_missing_signature_is_commented_before_the_date_where_check_puts_it():
    def drop_signature(paragraphs):
        signature = [p for p in paragraphs if p.text.strip() == "株洲市退役军人事务局"][-1]  # not the title's
        delete(signature)

    out = _annotated(edit_docx(seed_docx(0), drop_signature))
    (index,) = [i for i, f in enumerate(out.result.findings) if f.rule == "signature-present"]
    finding = out.result.findings[index]
    assert finding.column == 1  # the check places it at the start of the date's line
    ids = sorted(comment_texts(out.data))
    where = comment_ranges(out.data)[ids[index]]
    text_of = ["".join(c for c, _ in chars) for _, chars in formatting(out.data)]
    (at,) = where.paragraphs
    assert where.text == "" and text_of[at].strip() == "2025年1月23日"


def test_summary_verdict_says_errors_remain_as_check_does():
    from checker.formats.text import verdict

    out = _annotated(seed_docx(1))  # 001: passes on its score, no 落款 and no date
    summary = comment_texts(out.data)[max(comment_texts(out.data))][1]
    assert out.result.passed and verdict(out.result, "zh") == "通过（总分达标，但有 2 处错误需改正）"
    assert f"等级 {out.result.grade}，通过（总分达标，但有 2 处错误需改正）" in summary
    english = _annotated(seed_docx(1), lang="en")
    summary = comment_texts(english.data)[max(comment_texts(english.data))][1]
    assert "passed (the score reaches the pass mark, but 2 errors need fixing)" in summary
    clean = _annotated(seed_docx(0))
    summary = comment_texts(clean.data)[max(comment_texts(clean.data))][1]
    assert summary.splitlines()[1].endswith("，通过")


def test_a_duties_sentence_opening_a_measures_paragraph_is_commented_alone():
    """Seed 0 without its duties item and with one duties sentence opening item (四): the
    duties part's comments cover that sentence, not the rest of the measures paragraph."""
    sentence = "局主要负责人认真履行推进法治建设第一责任人职责，带头尊法学法守法用法。"

    def move_duties(paragraphs):
        delete(next(p for p in paragraphs if "认真履行“第一责任人”职责" in p.text))
        item = next(p for p in paragraphs if p.text.startswith("(四)严格履行法治政府行政职能。"))
        replace_text(item, "严格履行法治政府行政职能。", "严格履行法治政府行政职能。" + sentence)

    out = _annotated(edit_docx(seed_docx(0), move_duties))
    ranges = comment_ranges(out.data)
    ids = sorted(comment_texts(out.data))
    duties = [
        (f, ids[i]) for i, f in enumerate(out.result.findings) if f.element == "first-responsible-person"
    ]
    assert {f.rule for f, _ in duties} >= {
        "first-responsible-person-present",
        "first-responsible-person-duties",
    }
    for finding, comment_id in duties:
        assert squeeze(ranges[comment_id].text) == squeeze(sentence), finding.rule
