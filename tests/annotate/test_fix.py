"""``fix=True``: the rules' mechanical fixes as tracked changes, and only theirs."""

from __future__ import annotations

import pytest

from checker.annotate import annotate
from checker.api import analyse_bytes
from checker.read.docx_text import read_docx_bytes
from tests.annotate.helpers import TODAY, edit_docx, replace_text, seed_docx
from tests.annotate.wordxml import accept_all, comment_ranges, comment_texts, document_xml, q

FIXABLE = {"date-form", "number-spacing", "no-request-wording", "agency-consistency"}


def _with_defects(date: str = "2025年01月03日") -> bytes:
    """Seed 0 with what reviewers fix by hand: a padded date, a request, the body's own name
    misspelt (its 2024 年 spacing is real)."""

    def edit(paragraphs):
        replace_text(paragraphs[-1], "2025年1月23日", date)
        closing = paragraphs[-3]
        closing.runs[-1].text += "妥否，请批示。"
        replace_text(paragraphs[9], "株洲市退役军人事务局”微信", "株洲市退役军事务局”微信")

    return edit_docx(seed_docx(0), edit)


def _fixed(data: bytes):
    return annotate(data, "report.docx", today=TODAY, fix=True)


def test_the_defects_are_found_and_each_has_a_fix():
    result = analyse_bytes(_with_defects(), "report.docx", today=TODAY).result
    rules = {f.rule for f in result.findings if f.fix is not None}
    assert rules == FIXABLE
    assert all(f.fix is None for f in result.findings if f.rule not in FIXABLE)


def test_a_tracked_change_for_each_fixable_finding_and_none_for_others():
    out = _fixed(_with_defects())
    ids = sorted(comment_texts(out.data))
    ranges = comment_ranges(out.data)
    by_finding = [(finding, ranges[ids[i]]) for i, finding in enumerate(out.result.findings)]
    of_fixes: set[str] = set()
    for finding, where in by_finding:
        if finding.fix is not None:
            assert where.revisions, finding
            assert finding.fix.old in where.text  # the comment covers the text it changes
            of_fixes |= where.revisions
    for finding, where in by_finding:
        if finding.fix is None:  # a wider comment may hold a fixed place, never a change of its own
            assert where.revisions <= of_fixes, finding
    all_revisions = {
        node.get(q("id")) for tag in ("ins", "del") for node in document_xml(out.data).iter(q(tag))
    }
    assert all_revisions == of_fixes
    assert out.changes == sum(1 for f in out.result.findings if f.fix is not None)


def test_revisions_carry_author_and_date():
    root = document_xml(_fixed(_with_defects()).data)
    revisions = [*root.iter(q("ins")), *root.iter(q("del"))]
    assert revisions
    for node in revisions:
        assert node.get(q("author")) == "fzcheck"
        assert node.get(q("date")).endswith("Z")
    ids = [node.get(q("id")) for node in revisions]
    assert len(ids) == len(set(ids))


def test_padded_date_is_fixed_by_deleting_the_zeros():
    root = document_xml(_fixed(_with_defects()).data)
    deleted = ["".join(t.text for t in d.iter(q("delText"))) for d in root.iter(q("del"))]
    assert deleted.count("0") == 2  # 01 → 1, 03 → 3: only the padding goes
    assert "妥否，请批示。" in "".join(deleted)


@pytest.mark.parametrize(
    ("date", "standard"), [("2025年01月03日", "2025年1月3日"), ("二〇二五年一月二十三日", "2025年1月23日")]
)
def test_after_accepting_all_changes_the_fixed_findings_are_gone(date, standard):
    data = _with_defects(date)
    out = _fixed(data)
    accepted = accept_all(out.data)
    before = out.result
    after = analyse_bytes(accepted, "report.docx", today=TODAY).result
    fixed = [f for f in before.findings if f.fix is not None]
    assert fixed
    assert not [f for f in after.findings if f.fix is not None]
    kept = [(f.rule, f.message) for f in before.findings if f.fix is None]
    assert [(f.rule, f.message) for f in after.findings] == kept
    assert [(e.id, e.status) for e in after.elements] == [(e.id, e.status) for e in before.elements]
    text = read_docx_bytes(accepted).text
    assert standard in text and "请批示" not in text and "2024 年" not in text
    assert "株洲市退役军事务局" not in text


def test_reader_reads_pending_changes_as_accepted():
    out = _fixed(_with_defects())
    assert read_docx_bytes(out.data).text == read_docx_bytes(accept_all(out.data)).text


def test_without_fix_no_revision_is_written():
    out = annotate(_with_defects(), "report.docx", today=TODAY)
    root = document_xml(out.data)
    assert not list(root.iter(q("ins"))) and not list(root.iter(q("del")))
    assert out.changes == 0
