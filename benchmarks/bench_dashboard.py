"""An audit's ``index.html`` as the auditor meets it: opened in headless Chromium, how long until
the ranking shows its first page, how much memory the page takes, and how long a search, a sort,
a filter, paging and the copies' "more" button each keep the page busy.

    fzcheck audit /tmp/c100k --out /tmp/out100k
    python benchmarks/bench_dashboard.py /tmp/out100k/index.html

Uses Playwright with the system Chromium. Memory is the JS heap the page uses (CDP
``Performance.getMetrics``) and the resident memory of the browser's processes at its peak.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from records import save_record, stamped

PAGE = os.sysconf("SC_PAGE_SIZE")


def _tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and every process under it (the browser's renderers)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as handle:
                    parents[int(entry)] = int(handle.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError):
                continue
    tree, grew = {root}, True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in tree and pid not in tree:
                tree.add(pid)
                grew = True
    total = 0
    for pid in tree:
        try:
            with open(f"/proc/{pid}/statm", "rb") as handle:
                total += int(handle.read().split()[1]) * PAGE
        except OSError:
            continue
    return total


def _tree_rss_of_self() -> int:
    with open("/proc/self/statm", "rb") as handle:
        return int(handle.read().split()[1]) * PAGE


def _busy(page, action) -> float:  # type: ignore[no-untyped-def]
    """Seconds from ``action`` until the page's main thread is free again (a frame is drawn)."""
    started = time.perf_counter()
    action()
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))")
    return round(time.perf_counter() - started, 3)


def measure(page_file: Path, browser_path: str) -> dict:
    from playwright.sync_api import sync_playwright

    figures: dict = {"page": str(page_file), "bytes": page_file.stat().st_size}
    with sync_playwright() as play:
        browser = play.chromium.launch(executable_path=browser_path)
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        session = page.context.new_cdp_session(page)
        session.send("Performance.enable")
        started = time.perf_counter()
        page.goto(page_file.resolve().as_uri(), timeout=300_000)
        figures["load_s"] = round(time.perf_counter() - started, 2)
        page.wait_for_selector("#ranking tbody tr", timeout=300_000)
        figures["usable_s"] = round(time.perf_counter() - started, 2)
        figures["rows_in_dom"] = page.locator("#ranking tbody tr").count()
        metrics = {m["name"]: m["value"] for m in session.send("Performance.getMetrics")["metrics"]}
        figures["js_heap_mb"] = round(metrics.get("JSHeapUsedSize", 0) / 2**20, 1)
        figures["dom_nodes"] = int(metrics.get("Nodes", 0))
        figures["filter_count"] = page.locator("#filter-count").inner_text()

        def search() -> None:
            page.fill("#filter-text", "司法局")

        figures["search_s"] = _busy(page, search)
        figures["search_count"] = page.locator("#filter-count").inner_text()
        figures["clear_search_s"] = _busy(page, lambda: page.fill("#filter-text", ""))
        figures["sort_score_s"] = _busy(page, lambda: page.click("#ranking th[data-key='sc']"))
        figures["sort_body_s"] = _busy(page, lambda: page.click("#ranking th[data-key='a']"))
        figures["first_row_after_sort"] = page.locator("#ranking tbody tr").first.inner_text()[:80]
        figures["filter_verdict_s"] = _busy(page, lambda: page.select_option("#filter-verdict", "fail"))
        figures["filter_verdict_count"] = page.locator("#filter-count").inner_text()
        page.select_option("#filter-verdict", "")
        figures["last_page_s"] = _busy(page, lambda: page.click("#pager button:nth-last-of-type(1)"))
        figures["first_page_s"] = _busy(page, lambda: page.click("#pager button:nth-of-type(1)"))
        figures["detail_s"] = _busy(page, lambda: page.click("#ranking tbody tr:nth-child(1)"))
        more = page.locator("#copies > button")
        if more.count() and more.is_visible():
            figures["copies_more_s"] = _busy(page, lambda: more.click())
        metrics = {m["name"]: m["value"] for m in session.send("Performance.getMetrics")["metrics"]}
        figures["js_heap_after_mb"] = round(metrics.get("JSHeapUsedSize", 0) / 2**20, 1)
        own = _tree_rss(os.getpid()) - _tree_rss_of_self()
        figures["browser_rss_mb"] = round(own / 2**20, 1)  # Playwright's driver and the browser
        browser.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("--browser", default="/usr/bin/chromium")
    parser.add_argument("--label", default="", help="suffix of the record's file name")
    args = parser.parse_args()
    figures = measure(args.page, args.browser)
    print(json.dumps(figures, ensure_ascii=False, indent=1))
    save_record("dashboard", stamped(run=figures), f"-{args.label}" if args.label else "")


if __name__ == "__main__":
    main()
