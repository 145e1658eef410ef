"""The audit dashboard and workbook in the reader's language: Chinese by default, English with
``--lang en``.

Only the report data (body names, excerpts, messages from the pack) may stay as written; every
label, heading, button and chart title comes from the catalogue's ``dash.*`` keys."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.i18n import MESSAGES
from tests.browser import launch, require_chromium
from tests.conftest import ROOT

HAN = re.compile(r"[\u3400-\u9fff\uff08\uff09\uff1a\uff0c\u3002]")  # Han and full-width punctuation
PLACEHOLDER = re.compile(r"\{(\w+)[}|]")

# every label the page shows that is not report data
LABELS = """() => {
  const texts = [document.title, document.documentElement.lang];
  const pick = (sel) => document.querySelectorAll(sel).forEach(n => texts.push(n.textContent));
  pick("h1, h2, th, button, option, .card span, #filter-count, #pager span, .hint");
  pick("#histogram svg text, #heatmap svg text.axis, #histogram svg title");
  document.querySelectorAll("[aria-label], [placeholder]").forEach(n => {
    texts.push(n.getAttribute("aria-label") || ""); texts.push(n.getAttribute("placeholder") || "");
  });
  return texts;
}"""


def _audit(tmp_path_factory, *lang: str) -> Path:
    out = tmp_path_factory.mktemp("audit")
    args = [*lang, "audit", str(ROOT / "reports"), "--out", str(out), "--no-progress"]
    run = CliRunner().invoke(main, args)
    assert run.exit_code in (0, 1), run.output
    return out / "index.html"


@pytest.fixture(scope="module")
def english(tmp_path_factory) -> Path:
    return _audit(tmp_path_factory, "--lang", "en")


@pytest.fixture(scope="module")
def chinese(tmp_path_factory) -> Path:
    return _audit(tmp_path_factory)


def _data(page: Path) -> dict:
    text = page.read_text(encoding="utf-8")
    return json.loads(text.split('id="audit-data">', 1)[1].split("</script>", 1)[0].replace("<\\/", "</"))


def _labels(page: Path, click_first_row: bool = True) -> list[str]:
    require_chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = launch(p)
        tab = browser.new_page(viewport={"width": 1366, "height": 900})
        errors: list[str] = []
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        tab.goto(page.as_uri())
        tab.wait_for_selector("#ranking tbody tr")
        before = tab.evaluate(LABELS)
        if click_first_row:
            tab.locator("#ranking tbody tr").first.click()
            before += [tab.inner_text("#detail h2").split(":", 1)[0]]
            before += [t.split(":", 1)[0] for t in tab.locator("#detail .sugg").all_inner_texts()]
        browser.close()
    assert not errors
    return before


def test_every_dashboard_message_has_both_languages_with_the_same_placeholders():
    keys = [key for key in MESSAGES if key.startswith(("dash.", "audit.status-name.", "audit.kind."))]
    assert len(keys) > 50
    for key in keys:
        zh, en = MESSAGES[key]["zh"], MESSAGES[key]["en"]
        assert not HAN.search(en), key
        assert set(PLACEHOLDER.findall(zh)) <= set(PLACEHOLDER.findall(en)), key


def test_english_audit_writes_an_english_dashboard(english):
    text = english.read_text(encoding="utf-8")
    assert '<html lang="en">' in text
    assert not HAN.search(text.split('id="audit-data">', 1)[0])  # the template's static labels
    data = _data(english)
    assert not [v for v in data["t"].values() if HAN.search(v)]
    assert not [v for v in data["statusNames"].values() if HAN.search(v)]
    assert data["elements"] and not [name for name in data["elements"] if HAN.search(name)]
    labels = _labels(english)
    assert "Score distribution" in labels and "Rank" in labels and "Next ›" in labels
    assert [label for label in labels if HAN.search(label)] == []


def test_lang_after_the_audit_command_works_the_same(tmp_path_factory):
    out = tmp_path_factory.mktemp("audit")
    args = ["audit", "--lang", "en", str(ROOT / "reports"), "--out", str(out), "--no-progress"]
    run = CliRunner().invoke(main, args)
    assert run.exit_code in (0, 1), run.output
    text = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in text and "<h2>Ranking" in text


def test_chinese_is_still_the_default_dashboard(chinese):
    text = chinese.read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in text and "<h1>法治政府建设年度报告审查看板</h1>" in text
    assert '<th data-key="nf" class="num">问题数</th>' in text
    assert _data(chinese)["statusNames"]["ok"] == "已检查"
    labels = _labels(chinese)
    assert "得分分布" in labels and "下一页 ›" in labels and "报告详情" in labels
    assert any(label.startswith("符合条件 ") for label in labels)


def test_english_audit_writes_an_english_workbook(english, chinese):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(english.parent / "audit.xlsx")
    assert book.sheetnames == ["Summary", "Element coverage", "Findings", "Copies", "Errors"]
    for sheet in book.worksheets:
        headers = [cell.value for cell in sheet[1] if cell.value is not None]
        assert headers and not [h for h in headers if HAN.search(str(h))], sheet.title
    summary = list(book["Summary"].iter_rows(min_row=2, values_only=True))
    assert {row[6] for row in summary} <= {"passed", "failed"} and {row[8] for row in summary} == {"checked"}
    severities = {row[5] for row in book["Findings"].iter_rows(min_row=2, values_only=True)}
    assert severities and severities <= {"error", "warning", "info"}
    chinese_book = openpyxl.load_workbook(chinese.parent / "audit.xlsx")
    assert chinese_book.sheetnames == ["汇总", "要素覆盖", "问题清单", "雷同", "错误"]
    assert [c.value for c in chinese_book["汇总"][1]][:3] == ["排名", "文件", "机关"]
