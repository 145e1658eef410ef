"""txt, pdf, html, doc and wps become a new docx: one paragraph per paragraph, same comments."""

from __future__ import annotations

import pytest

from checker.annotate import AnnotateError, annotate, annotate_file
from checker.api import analyse_bytes, check_file
from checker.read.docx_text import read_docx_bytes
from tests.annotate.helpers import FORMATS, TODAY, quote_of, squeeze
from tests.annotate.wordxml import comment_ranges, comment_texts
from tests.read_support import require_tool

INPUTS = [
    "seed0.txt",
    "seed1.gbk.txt",
    "seed4.big5.txt",
    "seed0.html",
    "seed3.html",
    "seed0.pdf",
    "seed2.pdf",
]
CONVERTED = ["seed0.doc", "seed4.wps"]


def _check(name: str):
    data = (FORMATS / name).read_bytes()
    return data, annotate(data, name, today=TODAY)


def _assert_annotated_copy(name: str) -> None:
    data, out = _check(name)
    analysis = analyse_bytes(data, name, today=TODAY)
    paragraphs = read_docx_bytes(out.data).text.split("\n")
    assert len(paragraphs) == len(analysis.document.paragraphs)  # one per parsed paragraph
    texts = comment_texts(out.data)
    assert len(texts) == len(out.result.findings) + 1
    ranges = comment_ranges(out.data)
    ids = sorted(texts)
    for i, finding in enumerate(out.result.findings):
        if finding.excerpt:
            assert quote_of(finding.excerpt) in squeeze(ranges[ids[i]].text), finding
    again = analyse_bytes(out.data, "copy.docx", today=TODAY).result
    # what only the web page stated (its 成文日期) is not in the copy, which is the text
    from_page = {e for e, locus in (analysis.loci or {}).items() if locus is not None and locus.how == "page"}
    expected = [(e.id, "missing" if e.id in from_page else e.status) for e in out.result.elements]
    assert [(e.id, e.status) for e in again.elements] == expected


@pytest.mark.parametrize("name", INPUTS)
def test_other_formats_become_an_annotated_docx(name):
    _assert_annotated_copy(name)


@pytest.mark.parametrize("name", CONVERTED)
def test_doc_and_wps_become_an_annotated_docx(name):
    require_tool("antiword" if name.endswith(".doc") else "soffice")
    _assert_annotated_copy(name)


BAD = sorted(p.name for p in (FORMATS / "bad").iterdir())


@pytest.mark.parametrize("name", BAD)
def test_bad_input_is_refused_as_check_refuses_it(name, tmp_path):
    path = FORMATS / "bad" / name
    expected = check_file(path, today=TODAY)
    assert expected.status == "error"
    output = tmp_path / "out.docx"
    with pytest.raises(AnnotateError) as caught:
        annotate_file(path, output, today=TODAY)
    assert (caught.value.code, caught.value.message) == (expected.error.code, expected.error.message)
    assert list(tmp_path.iterdir()) == []  # nothing written, no temporary file left


def test_missing_file_is_refused_with_checks_code(tmp_path):
    expected = check_file(tmp_path / "nope.docx")
    with pytest.raises(AnnotateError) as caught:
        annotate_file(tmp_path / "nope.docx")
    assert caught.value.code == expected.error.code == "not-found"


def test_a_document_that_is_no_report_gets_only_the_summary_saying_why(tmp_path):
    from click.testing import CliRunner

    from checker.cli import main

    path = FORMATS.parent / "lookalikes" / "notice.txt"
    out = annotate(path.read_bytes(), path.name, today=TODAY)
    assert not out.result.is_report
    (text,) = [body for _, body in comment_texts(out.data).values()]
    assert "不是法治政府建设年度报告" in text and out.result.not_report_reason in text
    result = CliRunner().invoke(main, ["annotate", str(path), "-o", str(tmp_path / "o.docx")])
    assert result.exit_code == 1 and (tmp_path / "o.docx").is_file()
