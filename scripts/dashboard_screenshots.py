"""Screenshots of audit dashboards at 1366×768 (the common office-laptop screen) for the README.

    python benchmarks/make_corpus.py 1000 /tmp/c1k
    fzcheck audit /tmp/c1k --out /tmp/a1k
    python scripts/dashboard_screenshots.py /tmp/a1k/index.html docs/dashboard-1k.png

Uses Playwright with the system Chromium (``--browser``); writes the first screen and, with
``--full``, the whole page.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def screenshot(page_file: Path, image: Path, browser_path: str, full: bool, click_row: bool) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as play:
        browser = play.chromium.launch(executable_path=browser_path)
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.goto(page_file.resolve().as_uri())
        page.wait_for_selector("#ranking tbody tr")
        if click_row:
            page.click("#ranking tbody tr:nth-child(3)")
        page.screenshot(path=str(image), full_page=full)
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("image", type=Path)
    parser.add_argument("--browser", default="/usr/bin/chromium")
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--click-row", action="store_true", help="open a report's details first")
    args = parser.parse_args()
    screenshot(args.page, args.image, args.browser, args.full, args.click_row)


if __name__ == "__main__":
    main()
