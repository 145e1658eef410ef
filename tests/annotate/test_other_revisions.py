"""A document already under review: other authors' tracked insertions and formatting changes.

A report comes back from a colleague with "track changes" on: text they inserted (w:ins),
runs whose formatting they changed (w:rPrChange, which carries a revision id of its own).
fzcheck's comments and fixes must sit beside those revisions without taking them over.
"""

from __future__ import annotations

import collections

from lxml import etree

from checker.annotate import annotate
from tests.annotate.helpers import TODAY, squeeze
from tests.annotate.test_fix import _with_defects
from tests.annotate.wordxml import comment_ranges, comment_texts, document_xml, q, rewrite_document

REVIEWER = {q("author"): "张三", q("date"): "2025-01-02T03:04:05Z"}
REVISION_TAGS = ("ins", "del", "rPrChange", "pPrChange", "sectPrChange", "moveFrom", "moveTo")


def _bold_by_reviewer(root: etree._Element) -> None:
    """Every text run made bold by the reviewer, as a tracked formatting change."""
    for number, run in enumerate(root.iter(q("r")), start=500):
        if run.find(q("t")) is None:
            continue
        properties = run.find(q("rPr"))
        if properties is None:
            properties = etree.Element(q("rPr"))
            run.insert(0, properties)
        properties.append(etree.Element(q("b")))
        change = etree.SubElement(properties, q("rPrChange"), {q("id"): str(number), **REVIEWER})
        etree.SubElement(change, q("rPr"))


def _title_year_inserted_by_reviewer(root: etree._Element) -> None:
    """The title "2024 年法治政府建设情况年度报告" with "24 年法治政府建设" typed by the reviewer."""
    title = list(root.iter(q("p")))[1]
    run = title.find(q("r"))
    text = run.find(q("t")).text
    assert text.startswith("2024 年法治政府建设")
    pieces = [text[:2], text[2:11], text[11:]]
    run.find(q("t")).text = pieces[0]
    inserted = etree.Element(q("ins"), {q("id"): "700", **REVIEWER})
    middle = etree.SubElement(etree.SubElement(inserted, q("r")), q("t"))
    middle.text = pieces[1]
    rest = etree.Element(q("r"))
    etree.SubElement(rest, q("t")).text = pieces[2]
    run.addnext(inserted)
    inserted.addnext(rest)


def _revision_ids(data: bytes) -> collections.Counter:
    root = document_xml(data)
    return collections.Counter(
        node.get(q("id")) for tag in REVISION_TAGS for node in root.iter(q(tag)) if node.get(q("id"))
    )


def test_fixes_in_runs_with_a_tracked_formatting_change_keep_revision_ids_unique():
    out = annotate(rewrite_document(_with_defects(), _bold_by_reviewer), "report.docx", today=TODAY, fix=True)
    assert out.changes
    repeated = {value: count for value, count in _revision_ids(out.data).items() if count > 1}
    assert repeated == {}


def test_text_fzcheck_inserts_claims_no_formatting_change_of_the_reviewer():
    out = annotate(rewrite_document(_with_defects(), _bold_by_reviewer), "report.docx", today=TODAY, fix=True)
    inserted = [i for i in document_xml(out.data).iter(q("ins")) if i.get(q("author")) == "fzcheck"]
    assert inserted
    for wrapper in inserted:
        assert not list(wrapper.iter(q("rPrChange")))


def test_a_comment_on_text_in_a_reviewers_insertion_covers_only_its_quote():
    data = rewrite_document(_with_defects(), _title_year_inserted_by_reviewer)
    for fix in (False, True):
        out = annotate(data, "report.docx", today=TODAY, fix=fix)
        ids = sorted(i for i, (author, _) in comment_texts(out.data).items() if author == "fzcheck")
        ranges = comment_ranges(out.data)
        (on_title,) = [
            ranges[ids[i]]
            for i, f in enumerate(out.result.findings)
            if f.rule == "number-spacing" and f.line == 2
        ]
        assert squeeze(on_title.text) == "2024年"
