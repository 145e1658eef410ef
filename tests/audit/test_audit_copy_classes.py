"""Kinds of copying a small audit (a county's few dozen reports) must still find, on real text."""

from __future__ import annotations

import csv
import re
import sqlite3
from datetime import date
from itertools import pairwise
from pathlib import Path

import openpyxl
import pytest

from checker.audit.run import AuditOptions, run_audit
from checker.options import CheckOptions
from tests.browser import launch, require_chromium
from tests.conftest import ROOT, SEEDS

YEARS = ROOT / "tests" / "fixtures" / "variants" / "years"


def _copies(corpus: Path, out: Path) -> set[tuple[str, str, str, str]]:
    """(kind, part, a file, b file) of every pair the audit of ``corpus`` stores."""
    run_audit(
        [str(corpus)],
        out,
        AuditOptions(CheckOptions(today=date.fromisoformat("2026-03-01")), jobs=2, progress=False),
    )
    with sqlite3.connect(out / "audit.sqlite") as db:
        rows = db.execute("SELECT kind, part, a_path, b_path FROM copies").fetchall()
    return {(kind, part, Path(a).name, Path(b).name) for kind, part, a, b in rows}


def test_a_report_recycled_year_after_year_is_found_each_year(tmp_path):
    """株洲市退役军人事务局's report re-used from 2019 to 2024 (only year-bound phrases changed):
    six reports of one text used to put it over the boilerplate cut of a small audit (a shingle
    in more than 3 reports), so no year was reported."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for year in range(2019, 2024):
        (corpus / f"zhuzhou-{year}.txt").write_bytes((YEARS / f"zhuzhou-{year}.txt").read_bytes())
    for key in ("000", "001", "002", "003", "004"):
        (corpus / SEEDS[key].name).write_bytes(SEEDS[key].read_bytes())
    found = _copies(corpus, tmp_path / "out")
    chain = [f"zhuzhou-{year}.txt" for year in range(2019, 2024)] + [SEEDS["000"].name]
    for earlier, later in pairwise(chain):
        assert ("previous-year", "whole", later, earlier) in found, (later, earlier)
    others = {SEEDS[key].name for key in ("001", "002", "003", "004")}
    assert not [pair for pair in found if others & set(pair[2:])]  # independent reports stay apart


def test_one_report_copied_by_several_bodies_is_found_for_each(tmp_path):
    """卢氏县's report taken over by four other bodies (names swapped): the copied text was in more
    reports than the boilerplate cut of a small audit and was dropped as stock phrases."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    source = SEEDS["001"]
    text = source.read_text(encoding="utf-8")
    copiers = ("渑池县", "灵宝市", "义马市", "陕州区")
    for name in copiers:
        (corpus / f"copy_{name}.txt").write_text(text.replace("卢氏县", name), encoding="utf-8")
    for key in ("000", "001", "002"):
        (corpus / SEEDS[key].name).write_bytes(SEEDS[key].read_bytes())
    found = _copies(corpus, tmp_path / "out")
    for name in copiers:
        assert ("across", "whole", f"copy_{name}.txt", source.name) in found, name
    assert not [pair for pair in found if {SEEDS["000"].name, SEEDS["002"].name} & set(pair[2:])]


def test_two_bodies_keeping_one_text_for_seven_years_are_found(tmp_path):
    """株洲市退役军人事务局's report (2019–2025) and 湘潭市's copy of it, each kept for seven
    years: fourteen reports of one text, over the boilerplate cut of a small audit when document
    frequency counted reports, so neither the copying nor the recycling was reported. Used by
    two bodies, the text is no boilerplate."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    zhuzhou = {year: YEARS / f"zhuzhou-{year}.txt" for year in (2019, 2020, 2021, 2022, 2023, 2025)}
    zhuzhou[2024] = SEEDS["000"]
    for year, path in sorted(zhuzhou.items()):
        text = path.read_text(encoding="utf-8")
        (corpus / f"zhuzhou-{year}.txt").write_text(text, encoding="utf-8")
        (corpus / f"xiangtan-{year}.txt").write_text(text.replace("株洲市", "湘潭市"), encoding="utf-8")
    for key in ("001", "002", "003", "004"):
        (corpus / SEEDS[key].name).write_bytes(SEEDS[key].read_bytes())
    found = _copies(corpus, tmp_path / "out")
    years = sorted(zhuzhou)
    for body in ("zhuzhou", "xiangtan"):
        for earlier, later in pairwise(years):
            assert ("previous-year", "whole", f"{body}-{later}.txt", f"{body}-{earlier}.txt") in found
    for year in years:
        assert ("across", "whole", f"xiangtan-{year}.txt", f"zhuzhou-{year}.txt") in found, year
    others = {SEEDS[key].name for key in ("001", "002", "003", "004")}
    assert not [pair for pair in found if others & set(pair[2:])]


def _final_version(text: str) -> str:
    """A report's final version: every fifth figure corrected, as between a draft and the final."""
    figures = iter(range(10**6))
    return re.sub(r"\d+", lambda m: str(int(m.group()) + 1) if next(figures) % 5 == 0 else m.group(), text)


def _filed_twice(tmp_path: Path) -> tuple[Path, Path, list]:
    """Seeds 000–002 with 卢氏县's 2024 report (seed 001) filed a second time as its final
    version, audited: (corpus, out, the copy pairs)."""
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    (corpus / "卢氏县_终稿.txt").write_text(
        _final_version(SEEDS["001"].read_text(encoding="utf-8")), encoding="utf-8"
    )
    for key in ("000", "001", "002"):
        (corpus / SEEDS[key].name).write_bytes(SEEDS[key].read_bytes())
    return corpus, out, _copies(corpus, out)


def test_a_report_submitted_twice_is_a_duplicate_pair_that_costs_nothing(tmp_path):
    """卢氏县's 2024 report filed twice (the draft and the final version, a few figures apart):
    same-body same-year pairs were skipped, so the office never learnt the collection holds it
    twice. It is one ``duplicate`` pair, named in the workbook and results.csv, and neither report
    gets a finding or loses a point for it."""
    draft = SEEDS["001"]
    corpus, out, found = _filed_twice(tmp_path)
    twice = {draft.name, "卢氏县_终稿.txt"}
    assert [pair for pair in found if set(pair[2:]) == twice] == [
        ("duplicate", "whole", *sorted(twice, key=lambda name: str(corpus / name)))
    ]
    with sqlite3.connect(out / "audit.sqlite") as db:
        rows = db.execute("SELECT path, base_json = result_json FROM reports").fetchall()
    assert all(unchanged for _, unchanged in rows)  # no copy finding, no point lost
    book = openpyxl.load_workbook(out / "audit.xlsx", read_only=True)
    kinds = [row[0] for row in list(book["雷同"].iter_rows(values_only=True))[1:]]
    assert kinds == ["同一单位同年度重复提交"]
    with (out / "results.csv").open(encoding="utf-8-sig") as handle:
        csv_rows = {Path(row["path"]).name: row for row in csv.DictReader(handle)}
    assert Path(csv_rows[draft.name]["duplicate"]).name == "卢氏县_终稿.txt"
    assert Path(csv_rows["卢氏县_终稿.txt"]["duplicate"]).name == draft.name
    assert csv_rows[draft.name]["copy"] == "0"


def test_two_different_reports_of_one_body_for_one_year_are_no_duplicate(tmp_path):
    """解放区's report put under 卢氏县's name for 2024 beside 卢氏县's own 2024 report: two
    reports of one body and year with different texts are two reports, not one filed twice."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    other = SEEDS["002"].read_text(encoding="utf-8").replace("解放区", "卢氏县").replace("2023", "2024")
    (corpus / "卢氏县_另一份.txt").write_text(other, encoding="utf-8")
    for key in ("000", "001"):
        (corpus / SEEDS[key].name).write_bytes(SEEDS[key].read_bytes())
    found = _copies(corpus, tmp_path / "out")
    assert not [pair for pair in found if "卢氏县_另一份.txt" in pair[2:]]
    assert not [pair for pair in found if pair[0] == "duplicate"]


def test_the_dashboard_counts_a_report_filed_twice_apart_from_copies(tmp_path):
    """The dashboard's 雷同对 card counted the duplicate pair as a copy; it has a card of its own."""
    require_chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    _corpus, out, found = _filed_twice(tmp_path)
    assert [pair[0] for pair in found] == ["duplicate"]
    with sync_api.sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page()
        page.goto((out / "index.html").as_uri())
        page.wait_for_selector("#cards .card")
        cards = {
            card.locator("span").inner_text(): card.locator("b").inner_text()
            for card in page.locator("#cards .card").all()
        }
        browser.close()
    assert cards["雷同对"] == "0" and cards["重复提交"] == "1"
