"""The self-check page in a real browser (Debian's Chromium driven by Playwright), on loopback."""

from __future__ import annotations

import json
import os
from pathlib import Path

from checker.api import check_file
from tests.conftest import ROOT

FORMATS = ROOT / "tests" / "fixtures" / "formats"
ARTEFACTS = Path(os.environ.get("FZCHECK_ARTEFACTS", ROOT / "build" / "test-artefacts")) / "serve"


def shoot(page, name: str) -> Path:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTEFACTS / name
    page.screenshot(path=str(shot))
    readme_copy = {"result.png": "serve.png", "highlight.png": "serve-text.png"}.get(name)
    if os.environ.get("FZCHECK_UPDATE_SCREENSHOT") and readme_copy:  # the README's pictures
        page.screenshot(path=str(ROOT / "docs" / readme_copy))
    return shot


def test_uploaded_docx_shows_score_missing_parts_and_highlights(browser_page, tmp_path):
    page = browser_page
    seed = FORMATS / "seed1.docx"
    page.set_input_files("#file", str(seed))
    page.wait_for_selector("#result .fz-score", timeout=60_000)
    expected = check_file(seed)
    assert page.inner_text("#result .fz-points") == f"{expected.score} 分"
    # seed 1 passes on its score with 2 errors left: said as check says it, in orange, not green
    score = page.locator("#result .fz-score")
    assert "通过（总分达标，但有 2 处错误需改正）" in score.inner_text()
    assert score.evaluate("e => getComputedStyle(e).color") == "rgb(143, 85, 0)"
    assert page.locator("#result .fz-el").count() == len(expected.elements)
    assert page.locator('#result .fz-el.missing[data-element="signature"]').count() == 1
    assert page.locator('#result .fz-el.missing[data-element="date"]').count() == 1
    gaps = page.locator("#result .fz-gap").all_inner_texts()
    assert any("此处缺：发文机关署名" in g for g in gaps) and any("此处缺：成文日期" in g for g in gaps)
    highlight = page.locator("#result mark.fz-hl").first
    assert "存在的不足" in highlight.inner_text()
    number = highlight.get_attribute("data-n")
    note = page.locator(f"#fz-note-{number}")
    assert "没有分析原因" in note.inner_text()
    # the message sits beside its passage: same row, to the right
    text_box, note_box = highlight.bounding_box(), note.bounding_box()
    assert note_box["x"] > text_box["x"] + text_box["width"] - 1 and abs(note_box["y"] - text_box["y"]) < 40
    highlight.scroll_into_view_if_needed()
    shoot(page, "highlight.png")
    page.evaluate("window.scrollTo(0, 0)")
    shoot(page, "result.png")
    with page.expect_download() as info:
        page.click("#download-html")
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    assert saved.name == "seed1.fzcheck.html"
    html = saved.read_text(encoding="utf-8")
    assert f"{expected.score} 分" in html and "此处缺：成文日期" in html and "https://" not in html
    with page.expect_download() as info:
        page.click("#download-json")
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8"))["results"][0]["score"] == expected.score
    with page.expect_download() as info:
        page.click("#download-docx")
    assert info.value.suggested_filename == "seed1.checked.docx"
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    assert saved.read_bytes()[:2] == b"PK" and saved.stat().st_size > 1000


def test_pasted_script_shows_as_text_in_the_page(browser_page):
    page = browser_page
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.fill("#text", "<script>alert('x')</script><img src=x onerror=alert(2)>法治政府建设工作报告")
    page.click("#check-text")
    page.wait_for_selector("#result .fz-line", timeout=60_000)
    assert "<script>alert('x')</script><img src=x onerror=alert(2)>" in page.inner_text("#result")
    assert page.locator("#result script, #result img").count() == 0 and dialogs == []


def test_english_page_by_the_toggle(browser_page):
    page = browser_page
    page.click("#lang-toggle")
    page.wait_for_selector("html[lang=en]")
    assert "Rule-of-law annual report self-check" in page.inner_text("h1")
    page.select_option("#pack", "veterans")
    page.set_input_files("#file", str(FORMATS / "seed2.docx"))
    page.wait_for_selector("#result .fz-score", timeout=60_000)
    assert "veterans@" in page.inner_text("#result .fz-pack")
    assert "Elements" in page.inner_text("#result") and "Suggestion" in page.inner_text("#result")
    shoot(page, "english.png")


def test_a_failed_check_leaves_no_earlier_result_or_downloads(browser_page, console, tmp_path):
    """After a good report, a file over the upload limit: the failure stands alone, with no
    '通过' of the previous file under it and nothing to download; the same file chosen again is
    checked again."""
    page = browser_page
    seed = FORMATS / "seed0.docx"
    page.set_input_files("#file", str(seed))
    page.wait_for_selector("#result .fz-score", timeout=60_000)
    assert page.is_visible("#actions")
    big = tmp_path / "big.txt"
    big.write_bytes("法治政府建设".encode() * (21 * 1024 * 1024 // 18 + 1))  # over the 20 MB limit
    console.expect("status of 413")  # the browser logs the refusal; the page says it plainly
    page.set_input_files("#file", str(big))
    page.wait_for_selector("#failure:not([hidden])", timeout=60_000)
    assert "图片" in page.inner_text("#failure")
    assert page.locator("#result .fz-score").count() == 0
    assert not page.is_visible("#actions")
    assert page.eval_on_selector("#file", "input => input.value") == ""
    page.set_input_files("#file", str(seed))
    page.wait_for_selector("#result .fz-score", timeout=60_000)
    assert page.is_visible("#actions") and not page.is_visible("#failure")
