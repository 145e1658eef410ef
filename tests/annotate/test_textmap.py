"""Runs split where a comment or a change begins or ends; formatting and text stay."""

from __future__ import annotations

import io

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from checker.annotate.comments import mark_range
from checker.annotate.revisions import Revisions
from checker.annotate.textmap import Owned, covering_runs, walk
from tests.annotate.wordxml import accept_all, comment_ranges, formatting


def _paragraph():
    """A paragraph as Word writes one: formatted runs, a hyperlink, a field, a tab."""
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("2024 ").bold = True
    paragraph.add_run("年，我局\t").italic = True
    link = parse_xml(
        f"<w:hyperlink {nsdecls('w', 'r')} r:id='rId9'><w:r><w:rPr><w:u w:val='single'/></w:rPr>"
        "<w:t>退役军事务局</w:t></w:r></w:hyperlink>"
    )
    paragraph._p.append(link)
    paragraph.add_run("门户网站。")
    return document, paragraph._p


def _save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_range_inside_and_across_runs_is_covered_by_whole_runs():
    document, paragraph = _paragraph()
    before = formatting(_save(document))
    owned = Owned()
    text = walk(paragraph, owned).text
    assert text == "2024 年，我局\t退役军事务局门户网站。"
    start, end = text.index("4 年"), text.index("事务") + 2  # bold → italic → hyperlink
    runs = covering_runs(paragraph, start, end, owned)
    covered = text[start:end].replace("\t", "")  # a w:tab holds no w:t text
    assert "".join(t.text for r in runs for t in r.iter(docx.oxml.ns.qn("w:t"))) == covered
    mark_range(runs[0], runs[-1], 0, "CommentReference")
    data = _save(document)
    assert comment_ranges(data)[0].text == covered
    assert formatting(data) == before  # same characters, each with its run's properties
    assert walk(paragraph, owned).text == text


def test_tracked_fix_inside_a_hyperlink_and_accepting_it():
    document, paragraph = _paragraph()
    revisions = Revisions.for_body(document.element.body, "fzcheck")
    text = walk(paragraph, revisions.owned).text
    start = text.index("退役军事务局")
    revisions.replace(paragraph, start, "退役军事务局", "退役军人事务局")
    revisions.replace(paragraph, text.index("4 年"), "4 年", "4年")
    assert walk(paragraph, revisions.owned).text == text  # offsets stay those of the input
    accepted = docx.Document(io.BytesIO(accept_all(_save(document))))
    assert accepted.paragraphs[-1].text.replace("\t", "") == "2024年，我局退役军人事务局门户网站。"
