"""Bundled packs that build on national: the province pack changes outcomes on a real seed."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.api import check_text
from checker.packs.pack import bundled_packs, load_pack
from tests.conftest import seed_text

TODAY = dt.date(2026, 11, 23)


def date_status(text: str, pack: str) -> str:
    result = check_text(text, pack=pack, today=TODAY)
    return next(e.status for e in result.elements if e.id == "date")


def test_province_pack_inherits_national_and_tightens_the_window():
    province = load_pack("province-example")
    national = load_pack("national")
    assert province.parameters["reporting_window"] == {"from": "01-01", "to": "03-01"}
    assert {r.id for r in national.rules} <= {r.id for r in province.rules}
    problems = next(r for r in province.rules if r.id == "problems-present")
    assert (
        problems.params["min_chars"]
        > next(r for r in national.rules if r.id == "problems-present").params["min_chars"]
    )


def test_seed_000_passes_both_packs_with_its_january_date():
    text = seed_text("000")
    assert "2025年1月23日" in text
    for pack in ("national", "province-example"):
        result = check_text(text, pack=pack, today=TODAY)
        assert result.passed
        assert date_status(text, pack) == "present"


def test_march_15_date_is_late_only_under_the_province_pack():
    late = seed_text("000").replace("2025年1月23日", "2025年3月15日")
    assert date_status(late, "national") == "present"
    assert date_status(late, "province-example") == "weak"
    finding = next(
        f for f in check_text(late, pack="province-example", today=TODAY).findings if f.rule == "date-window"
    )
    assert "3月1日" in finding.suggestion or "03-01" in finding.message + finding.suggestion


def test_veterans_pack_flags_a_report_citing_few_core_laws():
    rule_id = "veterans-core-laws"
    cites_two = check_text(seed_text("000"), pack="veterans", today=TODAY)
    assert rule_id not in {f.rule for f in cites_two.findings}
    cites_one = check_text(seed_text("003"), pack="veterans", today=TODAY)
    finding = next(f for f in cites_one.findings if f.rule == rule_id)
    assert "军人抚恤优待条例" in finding.message
    assert rule_id not in {f.rule for f in check_text(seed_text("003"), today=TODAY).findings}


@pytest.mark.parametrize("name", bundled_packs())
def test_every_bundled_pack_loads(name):
    assert load_pack(name).rules
