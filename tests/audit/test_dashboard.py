"""The audit's XLSX workbook read back with openpyxl, and its HTML dashboard in headless Chromium."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from checker.audit.run import AuditOptions, run_audit
from checker.options import CheckOptions
from tests.audit.test_audit_copies import _with_problems_of
from tests.browser import launch, require_chromium
from tests.conftest import ROOT, SEEDS


@pytest.fixture(scope="module")
def audit_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("reports")
    for path in SEEDS.values():
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "005_copies_001.txt").write_text(
        _with_problems_of(SEEDS["003"], SEEDS["001"]).replace("魏都区", "建安区"), encoding="utf-8"
    )
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 broken")
    out = tmp_path_factory.mktemp("audit")
    run_audit(
        [str(folder)],
        out,
        AuditOptions(CheckOptions(today=date.fromisoformat("2025-03-01")), jobs=2, progress=False),
    )
    return out


def test_workbook_has_the_five_sheets_ranked_and_formatted(audit_dir):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(audit_dir / "audit.xlsx")
    assert book.sheetnames == ["汇总", "要素覆盖", "问题清单", "雷同", "错误"]
    summary = book["汇总"]
    scores = [row[4] for row in summary.iter_rows(min_row=2, values_only=True)]
    assert len(scores) == 6 and scores == sorted(scores, reverse=True)
    assert [row[0] for row in summary.iter_rows(min_row=2, values_only=True)] == list(range(1, 7))
    assert len(summary.conditional_formatting) >= 1
    coverage = book["要素覆盖"]
    marks = {cell for row in coverage.iter_rows(min_row=2, min_col=4, values_only=True) for cell in row}
    assert marks <= {"✓", "△", "✗", ""} and "✓" in marks
    assert len(coverage.conditional_formatting) >= 1
    assert book["雷同"].max_row >= 2
    errors = list(book["错误"].iter_rows(min_row=2, values_only=True))
    assert len(errors) == 1 and errors[0][0].endswith("broken.docx")
    findings = book["问题清单"]
    assert findings.max_row > 1


def test_dashboard_renders_offline_in_headless_chromium(audit_dir, tmp_path):
    require_chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    requests: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("request", lambda request: requests.append(request.url))
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto((audit_dir / "index.html").as_uri())
        page.wait_for_selector("#ranking tbody tr")
        assert not errors
        assert page.locator("#histogram svg rect.bar").count() == 10
        assert page.locator("#heatmap svg rect.cell").count() >= 7
        assert page.locator("#ranking tbody tr").count() == 7  # every file, errors included
        assert page.locator("#copies .pair").count() >= 1
        page.fill("#filter-text", "卢氏县")
        assert page.locator("#ranking tbody tr").count() == 1
        page.fill("#filter-text", "")
        page.locator("#ranking tbody tr").first.click()
        assert page.locator("#detail .finding").count() >= 1
        assert page.locator("#detail mark").count() >= 1
        # FZCHECK_UPDATE_SCREENSHOT=1 refreshes the README's picture; otherwise keep the tree clean
        shot = (
            ROOT / "docs" / "dashboard.png"
            if os.environ.get("FZCHECK_UPDATE_SCREENSHOT")
            else tmp_path / "d.png"
        )
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        browser.close()
    outside = [
        url
        for url in requests
        if not url.startswith(("file://", "data:", "about:"))
        and not url.startswith(("http://localhost", "http://127.0.0.1"))
    ]
    assert outside == []


def test_large_audits_embed_findings_of_the_lowest_scores_only(audit_dir, tmp_path, monkeypatch):
    """Past DETAIL_LIMIT reports the page keeps counts for all and findings for the worst."""
    import json

    from checker.audit import dashboard
    from checker.audit.corpus import load_corpus
    from checker.audit.store import Store
    from checker.packs.pack import load_pack

    store = Store(audit_dir / "audit.sqlite")
    options = store.db.execute("SELECT options FROM reports LIMIT 1").fetchone()[0]
    monkeypatch.setattr(dashboard, "DETAIL_LIMIT", 2)
    page = dashboard.write_dashboard(load_corpus(store, options, load_pack()), tmp_path / "index.html")
    store.close()
    text = page.read_text(encoding="utf-8")
    payload = text.split('id="audit-data">', 1)[1].split("</script>", 1)[0].replace("<\\/", "</")
    reports = json.loads(payload)["reports"]
    detailed = [r for r in reports if r["f"] is not None]
    assert len(detailed) == 2 and all(r["nf"] == len(r["f"]) for r in detailed)
    lowest = sorted(r["sc"] for r in reports if r["sc"] is not None)[:2]
    assert sorted(r["sc"] for r in detailed) == lowest
    assert all(r["nf"] >= 0 for r in reports)


def test_large_audits_embed_passages_of_the_most_similar_copies_only(audit_dir, tmp_path, monkeypatch):
    """Every pair is listed, passages only for COPY_DETAIL_LIMIT of them (the most similar): at
    50,000 reports the passages of 13,462 pairs were 19.6 MB of a 45 MB page."""
    import json

    from checker.audit import dashboard
    from checker.audit.corpus import load_corpus
    from checker.audit.store import Store
    from checker.packs.pack import load_pack

    store = Store(audit_dir / "audit.sqlite")
    options = store.db.execute("SELECT options FROM reports LIMIT 1").fetchone()[0]
    corpus = load_corpus(store, options, load_pack())
    monkeypatch.setattr(dashboard, "COPY_DETAIL_LIMIT", 1)
    page = dashboard.write_dashboard(corpus, tmp_path / "index.html")
    stored = list(corpus.copies())
    store.close()
    text = page.read_text(encoding="utf-8")
    payload = text.split('id="audit-data">', 1)[1].split("</script>", 1)[0].replace("<\\/", "</")
    copies = json.loads(payload)["copies"]
    assert len(copies) == len(stored) >= 2
    assert copies[0][5] and all(c[5] is None for c in copies[1:])
    assert copies[0][4] == max(c[4] for c in copies)
    require_chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = launch(p)
        view = browser.new_page()
        errors: list[str] = []
        view.on("pageerror", lambda e: errors.append(str(e)))
        view.goto(page.as_uri())
        pairs = view.locator("#copies .pair")
        assert pairs.count() == len(copies) and not errors
        assert "audit.xlsx" in pairs.nth(1).inner_text() and "audit.xlsx" not in pairs.nth(0).inner_text()
        browser.close()


def _page_with_reports(audit_dir: Path, target: Path, count: int) -> Path:
    """The audit's own page with its data replaced by ``count`` reports (copies of the real ones),
    to exercise paging and sorting at sizes a test cannot afford to audit."""
    import json

    text = (audit_dir / "index.html").read_text(encoding="utf-8")
    head, rest = text.split('id="audit-data">', 1)
    payload, tail = rest.split("</script>", 1)
    data = json.loads(payload.replace("<\\/", "</"))
    real = data["reports"]
    data["reports"] = [
        {
            **real[i % len(real)],
            "p": f"big/{i:06d}.txt",
            "sc": (None if real[i % len(real)]["sc"] is None else round(40 + (i * 37) % 600 / 10, 1)),
        }
        for i in range(count)
    ]
    data["copies"] = []
    body = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    target.write_text(head + 'id="audit-data">' + body + "</script>" + tail, encoding="utf-8")
    return target


def test_dashboard_pages_and_sorts_a_large_audit(audit_dir, tmp_path):
    """10,000 reports: one page of rows in the DOM, a pager, every column sortable, blanks last."""
    require_chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    page_file = _page_with_reports(audit_dir, tmp_path / "big.html", 10_000)
    with sync_api.sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(page_file.as_uri())
        page.wait_for_selector("#ranking tbody tr")
        assert not errors
        assert page.locator("#ranking tbody tr").count() == 50
        assert page.evaluate("document.querySelectorAll('tr').length") <= 51
        assert "/ 200 页" in page.inner_text("#pager")
        page.get_by_role("button", name="下一页 ›").click()
        assert page.locator("#ranking tbody tr td").first.inner_text() == "51"
        scores = lambda: [  # noqa: E731
            float(t) for t in page.locator("#ranking tbody tr td:nth-child(4)").all_inner_texts() if t != "—"
        ]
        page.click("#ranking th[data-key=sc]")  # highest first
        first = scores()
        assert first == sorted(first, reverse=True) and first[0] == 99.9
        page.click("#ranking th[data-key=sc]")  # lowest first, unscored still last
        assert scores() == sorted(scores()) and scores()[0] == 40.0
        page.click("#ranking th[data-key=a]")
        agencies = page.locator("#ranking tbody tr td:nth-child(2)").all_inner_texts()
        assert agencies == sorted(agencies)
        page.select_option("#pager select", "200")
        assert page.locator("#ranking tbody tr").count() == 200
        browser.close()


def test_dashboard_heat_map_has_full_labels_and_axis_titles(audit_dir, national):
    require_chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.goto((audit_dir / "index.html").as_uri())
        page.wait_for_selector("#heatmap svg")
        texts = "Array.from(document.querySelectorAll('{} svg text')).map(t => t.textContent)"
        labels = page.evaluate(texts.format("#heatmap"))
        assert all(element.name in labels for element in national.elements)  # never cut short
        assert any(label.startswith("要素") for label in labels) and "年度" in labels
        histogram = page.evaluate(texts.format("#histogram"))
        assert "得分（分）" in histogram and "报告数（份）" in histogram
        # the detail panel sits beside the ranking, not below it, at 1366 wide
        table = page.locator("#ranking-panel").bounding_box()
        detail = page.locator("#detail").bounding_box()
        assert table and detail and detail["x"] > table["x"] + table["width"] - 1
        browser.close()
