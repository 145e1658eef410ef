"""What the page keeps in the browser on a shared office computer: each tab's checked files
and results, for Reload and Back, and nothing once the tab is closed or the clerk clears it."""

from __future__ import annotations

from tests.serve.test_page import FORMATS

CHECKED = 60_000  # ms a check may take on a busy machine

# How many tabs' records the browser keeps, once this page's load has removed the stale ones.
KEPT_JS = """
async () => {
  await fzStore.purged;
  return await new Promise((done, failed) => {
    const request = indexedDB.open("fzcheck");
    request.onerror = () => failed(request.error);
    request.onsuccess = () => {
      const db = request.result, count = db.transaction("tabs").objectStore("tabs").count();
      count.onsuccess = () => { db.close(); done(count.result); };
    };
  });
}
"""


def checked(page) -> None:
    page.set_input_files("#file", str(FORMATS / "seed1.docx"))
    page.wait_for_selector("#result .fz-score", timeout=CHECKED)
    page.wait_for_function(KEPT_JS)  # saved: one record at least


def test_a_closed_tabs_record_is_gone_when_the_page_is_opened_again(browser_page, server):
    """A record of a closed tab stayed up to a day, with the report's bytes, until some later
    visit saved again: now the next visit removes it; a tab still open keeps its own."""
    first = browser_page
    checked(first)
    second = first.context.new_page()
    second.goto(server + "/")
    assert second.evaluate(KEPT_JS) == 1  # the first tab is open: its record stays
    checked(second)
    assert second.evaluate(KEPT_JS) == 2
    first.close()
    third = second.context.new_page()
    third.goto(server + "/")
    assert third.evaluate(KEPT_JS) == 1  # the second tab's only
    assert third.locator("#result .fz-score").count() == 0 and not third.is_visible("#batch")
    second.reload()
    second.wait_for_selector("#result .fz-score", timeout=CHECKED)  # Reload still shows it


def test_the_clear_button_empties_the_store_and_the_screen(browser_page):
    page = browser_page
    button = page.get_by_role("button", name="清除本页记录")
    assert button.is_visible()
    assert "检查结果只保存在这台电脑的这个浏览器里" in page.inner_text(".note.keep")
    checked(page)
    button.click()
    page.wait_for_function("() => document.querySelector('[role=status]').textContent.includes('已清除')")
    assert page.evaluate(KEPT_JS) == 0
    assert page.locator("#result .fz-score").count() == 0 and not page.is_visible("#actions")
    page.reload()
    assert page.evaluate(KEPT_JS) == 0 and page.locator("#result *").count() == 0


def test_the_english_page_says_where_results_are_kept(browser_page):
    page = browser_page
    page.click("#lang-toggle")
    page.wait_for_selector("html[lang=en]")
    assert "kept only in this browser on this computer" in page.inner_text(".note.keep")
    assert page.get_by_role("button", name="Clear this page's records").is_visible()
