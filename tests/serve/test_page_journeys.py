"""The self-check page on the clerk's longer journeys: Reload and Back after a check, the three
drafts dropped at once, a folder dropped, a report saved again in Word after its check, the file
chooser cancelled, a narrow phone or a zoomed window. Real server, real Chromium."""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from pathlib import Path

from tests.serve.test_page import FORMATS
from tests.serve.test_page_access import OVERFLOW_JS

CHECKED = 60_000  # ms a check may take on a busy machine


def drop(page, paths: list[Path]) -> None:
    """Drop files or folders from the desktop on the drop zone, as the operating system does
    (Chromium's own drag input: a folder arrives as a folder, not as a file)."""
    box = page.locator("#drop").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    session = page.context.new_cdp_session(page)
    data = {"items": [], "files": [str(p) for p in paths], "dragOperationsMask": 1}
    for kind in ("dragEnter", "dragOver", "drop"):
        session.send("Input.dispatchDragEvent", {"type": kind, "x": x, "y": y, "data": data})


def listed(page, count: int) -> list[str]:
    """The rows of the file list once ``count`` reports are all checked."""
    page.wait_for_function(
        "n => document.querySelectorAll('#batch .fz-item').length === n"
        " && !document.querySelector('#batch .fz-item:disabled')",
        arg=count,
        timeout=CHECKED * count,
    )
    return page.locator("#batch .fz-item").all_inner_texts()


def checks_sent(page) -> list[str]:
    sent: list[str] = []
    page.on("request", lambda r: sent.append(r.url) if "/api/check" in r.url else None)
    return sent


def test_reload_and_back_show_the_result_again_without_checking_again(browser_page, tmp_path):
    """After a check the clerk reloads the page, opens the API page and comes back: the result,
    its verdict and the annotated Word download are there each time, though the file is gone
    from the disk meanwhile, and nothing is sent to be checked again."""
    page = browser_page
    report = tmp_path / "2024年 某县司法局 法治政府建设报告.docx"
    shutil.copy(FORMATS / "seed1.docx", report)
    page.set_input_files("#file", str(report))
    page.wait_for_selector("#result .fz-score", timeout=CHECKED)
    report.unlink()
    sent = checks_sent(page)
    page.reload()
    page.wait_for_selector("#result .fz-score", timeout=CHECKED)
    assert page.inner_text("#result h1") == report.name
    assert "77.6 分" in page.inner_text('[role="status"]')
    page.click(".top a[href='/docs']")
    page.wait_for_url("**/docs")
    page.go_back()
    page.wait_for_selector("#result .fz-score", timeout=CHECKED)
    assert page.inner_text("#result h1") == report.name and page.is_visible("#actions")
    with page.expect_download() as info:
        page.click("#download-docx")
    assert info.value.suggested_filename == "2024年 某县司法局 法治政府建设报告.checked.docx"
    saved = tmp_path / "saved.docx"
    info.value.save_as(saved)
    assert saved.read_bytes()[:2] == b"PK"
    assert sent == []


def test_the_english_page_checks_the_kept_report_again_in_english(browser_page):
    page = browser_page
    page.set_input_files("#file", str(FORMATS / "seed1.docx"))
    page.wait_for_selector("#result .fz-score", timeout=CHECKED)
    page.click("#lang-toggle")
    page.wait_for_selector("html[lang=en]")
    page.wait_for_selector("#result .fz-score", timeout=CHECKED)
    assert page.inner_text("#result h1") == "seed1.docx"
    assert "Suggestion" in page.inner_text("#result") and "Checked: seed1.docx" in page.inner_text("#status")


def test_three_drafts_dropped_at_once_are_each_checked_and_listed(browser_page, tmp_path):
    """The office's three drafts dropped together: each is checked, listed with its verdict, and
    its own result (and annotated Word) is one click away; the page says when all are done."""
    page = browser_page
    drafts = [FORMATS / "seed1.docx", FORMATS / "seed2.docx", FORMATS / "seed4.docx"]
    drop(page, drafts)
    rows = listed(page, 3)
    assert [row.split(" — ")[0] for row in rows] == ["seed1.docx", "seed2.docx", "seed4.docx"]
    assert all(" 分 · " in row for row in rows), rows
    assert "3 个文件都已检查" in page.inner_text('[role="status"]')
    assert page.inner_text("#result h1") == "seed1.docx"
    page.locator("#batch .fz-item").nth(1).click()
    assert page.inner_text("#result h1") == "seed2.docx"
    assert page.locator("#batch .fz-item").nth(1).get_attribute("aria-current") == "true"
    with page.expect_download() as info:
        page.click("#download-docx")
    assert info.value.suggested_filename == "seed2.checked.docx"
    page.set_input_files("#file", [str(FORMATS / "seed0.docx"), str(FORMATS / "seed1.docx")])
    assert [row.split(" — ")[0] for row in listed(page, 2)] == ["seed0.docx", "seed1.docx"]


def test_a_dropped_folder_checks_the_reports_in_it(browser_page, tmp_path):
    """A folder of drafts: its reports are checked (a picture beside them is not a report); a
    folder with no report says so, instead of "cannot reach the service"."""
    page = browser_page
    folder = tmp_path / "草稿"
    folder.mkdir()
    shutil.copy(FORMATS / "seed1.docx", folder / "一稿.docx")
    shutil.copy(FORMATS / "seed2.docx", folder / "二稿.docx")
    (folder / "照片.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    drop(page, [folder])
    assert [row.split(" — ")[0] for row in listed(page, 2)] == ["一稿.docx", "二稿.docx"]
    empty = tmp_path / "空文件夹"
    empty.mkdir()
    drop(page, [empty])
    page.wait_for_selector("#failure:not([hidden])", timeout=CHECKED)
    assert "文件夹“空文件夹”里没有可检查的报告文件" in page.inner_text("#failure")
    assert "连不上" not in page.inner_text("#failure") and page.locator("#result .fz-score").count() == 0


def test_a_report_saved_again_in_word_after_its_check_still_gives_its_annotated_copy(browser_page, tmp_path):
    """The clerk checks, edits the report in Word and saves it, then asks for the annotated
    copy of the result on screen: it comes, annotated as checked (Chromium refused to send the
    changed file, and the page said the service could not be reached)."""
    page = browser_page
    report = tmp_path / "报告.docx"
    shutil.copy(FORMATS / "seed1.docx", report)
    page.set_input_files("#file", str(report))
    page.wait_for_selector("#result .fz-score", timeout=CHECKED)
    report.write_bytes((FORMATS / "seed0.docx").read_bytes())
    later = report.stat().st_mtime + 60
    os.utime(report, (later, later))
    with page.expect_download(timeout=CHECKED) as info:
        page.click("#download-docx")
    saved = tmp_path / "saved.docx"
    info.value.save_as(saved)
    with zipfile.ZipFile(io.BytesIO(saved.read_bytes())) as package:
        assert "没有分析原因" in package.read("word/comments.xml").decode("utf-8")
    assert not page.is_visible("#failure")
    page.set_input_files("#file", str(report))  # chosen again, the saved version is checked
    page.wait_for_function(  # seed 0's score now, not seed 1's
        "() => (document.querySelector('#result .fz-points') || {}).textContent > '' &&"
        " document.querySelector('#result .fz-points').textContent !== '77.6 分'",
        timeout=CHECKED,
    )


def test_a_cancelled_file_chooser_keeps_the_result(browser_page):
    page = browser_page
    opened: list[object] = []
    page.on("filechooser", lambda chooser: opened.append(chooser))
    page.set_input_files("#file", str(FORMATS / "seed1.docx"))
    page.wait_for_selector("#result .fz-score", timeout=CHECKED)
    said = page.inner_text('[role="status"]')
    with page.expect_file_chooser() as chooser:
        page.click("#drop")
    chooser.value.set_files([])
    assert opened == [chooser.value]
    assert page.inner_text("#result h1") == "seed1.docx" and page.inner_text('[role="status"]') == said
    assert page.is_visible("#actions") and not page.is_visible("#failure")


def test_while_a_check_runs_the_page_says_which_file(browser_page):
    page = browser_page
    held = []
    page.route("**/api/check*", lambda route: held.append(route))
    page.set_input_files("#file", str(FORMATS / "seed1.docx"))
    page.wait_for_function("() => document.querySelector('[role=status]').textContent.includes('seed1.docx')")
    assert "正在检查" in page.inner_text('[role="status"]')
    held[0].continue_()
    page.wait_for_selector("#result .fz-score", timeout=CHECKED)


def test_a_phone_and_a_zoomed_window_need_no_sideways_scrolling(browser_page):
    """375 px (a phone) and a 1366 px screen at 200 % zoom (683 CSS px): nothing sticks out
    sideways, and the title keeps whole lines (at 375 px it stood four characters to a line)."""
    page = browser_page
    page.set_input_files("#file", str(FORMATS / "seed2.docx"))
    page.wait_for_selector("#result .fz-score", timeout=CHECKED)
    for width in (375, 683):
        page.set_viewport_size({"width": width, "height": 700})
        layout = page.evaluate(OVERFLOW_JS)
        assert layout["out"] == [] and layout["scroll"] == layout["width"], (width, layout)
        title = page.locator(".top h1").bounding_box()
        assert title["height"] < 70, (width, title)  # two lines of 20 px type at most
