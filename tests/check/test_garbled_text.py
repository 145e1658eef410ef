"""Garbled reports as a clerk hands them in — saved as .txt, pasted into a .docx or a web page,
or pasted into the check itself: a whole garbled text is the error ``garbled-text`` saying where
and what to do, a double encoding that lost nothing is undone and checked as the seed, and one
garbled paragraph is checked around with a ``garbled-passage`` finding at its place."""

from __future__ import annotations

import pytest

from checker.api import analyse_bytes, check_text
from tests.bundles import docx_bytes
from tests.conftest import SEEDS, TODAY, seed_text
from tests.text_variants import (
    LOSSY,
    misread,
    private_use,
    windows_1252,
)

# words the message gives for each way a text was garbled (tests.text_variants.LOSSY)
WORDS = {
    "private-use": "从 PDF 复制",
    "replacement": "“�”",
    "latin": "西文字母",
    "utf-8 read as gbk": "错误的编码",
    "utf-8 read as cp1252": "西文字母",
    "gbk read as big5": "错误的编码",
    "question marks": "“?”",
}


def as_html(text: str) -> bytes:
    body = "".join(f"<p>{line}</p>" for line in text.split("\n") if line.strip())
    head = '<html><head><meta charset="utf-8"><title>报告</title></head>'
    return f'{head}<body><div id="zoom">{body}</div></body></html>'.encode()


FORMATS = {"txt": lambda text: text.encode("utf-8"), "docx": docx_bytes, "html": as_html}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("how", sorted(WORDS))
def test_a_report_garbled_beyond_repair_is_a_garbled_text_error(how, fmt):
    garble, words = LOSSY[how], WORDS[how]
    data = FORMATS[fmt](garble(seed_text("001")))
    result = analyse_bytes(data, f"report.{fmt}", today=TODAY).result
    assert result.status == "error" and result.error is not None
    assert result.error.code == "garbled-text"
    message = result.error.message
    assert "乱码" in message and words in message and ("原件" in message)
    assert ("第1段起" if fmt == "docx" else "第1行起") in message or "第3行起" in message


@pytest.mark.parametrize("how", sorted(WORDS))
def test_pasted_garbled_text_is_a_garbled_text_error_in_either_language(how):
    garbled = LOSSY[how](seed_text("003"))
    chinese = check_text(garbled, today=TODAY)
    english = check_text(garbled, today=TODAY, lang="en")
    assert chinese.error is not None and english.error is not None
    assert (chinese.error.code, english.error.code) == ("garbled-text", "garbled-text")
    assert "garbled" in english.error.message and "乱码" not in english.error.message


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("written", ["utf-8", "gb18030"])
def test_a_report_opened_as_windows_1252_is_restored_and_scores_as_the_seed(written, fmt):
    text = seed_text("000").replace("\xa0", " ")
    seed = analyse_bytes(FORMATS[fmt](text), f"report.{fmt}", today=TODAY)
    restored = analyse_bytes(FORMATS[fmt](windows_1252(text, written)), f"report.{fmt}", today=TODAY)
    assert restored.source is not None and "mojibake" in (restored.source.encoding or "")
    assert restored.source.text == seed.source.text
    assert restored.result.score == seed.result.score
    assert restored.result.findings == seed.result.findings


def _paragraph_of_the_body(lines: list[str]) -> int:
    """The longest line that holds under a tenth of the report (a paragraph, not the body)."""
    total = sum(len(line) for line in lines)
    return max((i for i in range(len(lines)) if len(lines[i]) < total / 10), key=lambda i: len(lines[i]))


def _one_paragraph_garbled(key: str, garble) -> tuple[str, int]:
    lines = seed_text(key).split("\n")
    target = _paragraph_of_the_body(lines)
    lines[target] = garble(lines[target])
    return "\n".join(lines), target + 1


@pytest.mark.parametrize("key", sorted(SEEDS))
@pytest.mark.parametrize("how", sorted(WORDS))
def test_one_garbled_paragraph_is_checked_around_and_pointed_at(key, how):
    text, line = _one_paragraph_garbled(key, LOSSY[how])
    result = analyse_bytes(text.encode("utf-8"), "report.txt", today=TODAY).result
    assert result.status == "ok" and result.is_report
    garbled = [f for f in result.findings if f.rule == "garbled-passage"]
    assert [(f.line, f.severity) for f in garbled] == [(line, "warning")]
    assert "乱码" in garbled[0].message and "原件" in garbled[0].suggestion
    seed = analyse_bytes(seed_text(key).encode("utf-8"), "report.txt", today=TODAY).result
    assert result.score is not None and seed.score is not None
    assert len(result.elements) == len(seed.elements)


def test_a_garbled_paragraph_in_a_docx_is_named_by_its_paragraph():
    text, _ = _one_paragraph_garbled("002", private_use)
    result = analyse_bytes(docx_bytes(text), "report.docx", today=TODAY).result
    (finding,) = [f for f in result.findings if f.rule == "garbled-passage"]
    assert finding.location is not None and finding.location.endswith("段")
    assert "PDF" in finding.message


def test_a_paragraph_read_as_gbk_without_loss_is_given_back_in_the_suggestion():
    lines = seed_text("004").split("\n")
    target = _paragraph_of_the_body(lines)
    original = "关于2023年法治政府建设情况的报告"  # an even run of three-byte characters
    lines[target] = misread(lines[target], "utf-8", "gbk")  # loses its full stop's last byte
    lines.insert(target + 1, original.encode("utf-8").decode("gbk"))
    result = check_text("\n".join(lines), today=TODAY)
    garbled = [f for f in result.findings if f.rule == "garbled-passage"]
    assert [f.line for f in garbled] == [target + 1, target + 2]
    assert "已无法从这里还原" in garbled[0].suggestion
    assert f"应为“{original}”" in garbled[1].suggestion


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_the_seeds_have_no_garbled_passage(key):
    result = analyse_bytes(SEEDS[key].read_bytes(), SEEDS[key].name, today=TODAY).result
    assert result.is_report and [f for f in result.findings if f.rule == "garbled-passage"] == []
