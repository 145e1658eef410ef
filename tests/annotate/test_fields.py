"""Comments on text a field shows: the marks go around the field, not into its result."""

from __future__ import annotations

import pytest
from lxml import etree

from checker.annotate import annotate
from tests.annotate.helpers import TODAY, squeeze
from tests.annotate.test_fix import _with_defects
from tests.annotate.wordxml import comment_ranges, comment_texts, document_xml, q, rewrite_document

MARKS = ("commentRangeStart", "commentRangeEnd", "commentReference")


def _date_as_field(root: etree._Element) -> None:
    """The 成文日期 "2025年01月03日" put in as Word's 插入→日期和时间 (a DATE field)."""
    paragraph = [p for p in root.iter(q("p")) if p.find(q("r")) is not None][-1]
    run = paragraph.find(q("r"))
    assert run.find(q("t")).text == "2025年01月03日"
    for kind, code in (("begin", None), (None, ' DATE \\@ "yyyy年MM月dd日" '), ("separate", None)):
        field_run = etree.Element(q("r"))
        if kind:
            etree.SubElement(field_run, q("fldChar"), {q("fldCharType"): kind})
        else:
            etree.SubElement(field_run, q("instrText")).text = code
        run.addprevious(field_run)
    end = etree.Element(q("r"))
    etree.SubElement(end, q("fldChar"), {q("fldCharType"): "end"})
    run.addnext(end)


def _inside_a_field(node: etree._Element) -> bool:
    paragraph = next(node.iterancestors(q("p")))
    depth = 0
    for element in paragraph.iter():
        if element is node:
            return depth > 0
        if element.tag == q("fldChar"):
            kind = element.get(q("fldCharType"))
            depth += 1 if kind == "begin" else -1 if kind == "end" else 0
    raise AssertionError("node not in its paragraph")


@pytest.mark.parametrize("fix", [False, True])
def test_a_comment_on_a_date_field_keeps_its_marks_outside_the_field(fix):
    out = annotate(rewrite_document(_with_defects(), _date_as_field), "report.docx", today=TODAY, fix=fix)
    ids = sorted(i for i, (author, _) in comment_texts(out.data).items() if author == "fzcheck")
    (on_date,) = [ids[i] for i, f in enumerate(out.result.findings) if f.rule == "date-form"]
    root = document_xml(out.data)
    marks = [n for tag in MARKS for n in root.iter(q(tag)) if n.get(q("id")) == str(on_date)]
    assert len(marks) == 3
    assert not any(_inside_a_field(mark) for mark in marks)
    assert squeeze(comment_ranges(out.data)[on_date].text) == "2025年01月03日"
