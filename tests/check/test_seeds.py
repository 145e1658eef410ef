"""Element statuses on the five real seeds, each defensible from REQUIREMENTS.md."""

from __future__ import annotations

import pytest

from checker.api import check_file
from tests.conftest import SEEDS, TODAY


def statuses(key: str) -> dict[str, str]:
    result = check_file(SEEDS[key], today=TODAY)
    assert result.status == "ok" and result.is_report
    return {e.id: e.status for e in result.elements}


@pytest.mark.parametrize("key", ["001", "002", "003"])
def test_seeds_without_signature_and_date(key):
    found = statuses(key)
    assert found["signature"] == "missing"
    assert found["date"] == "missing"
    assert found["title"] == "present"


def test_seed_004_has_no_title_but_agency_and_date_from_signature():
    result = check_file(SEEDS["004"], today=TODAY)
    found = {e.id: e.status for e in result.elements}
    assert found["title"] == "missing"
    assert found["signature"] == "present" and found["date"] == "present"
    assert result.meta.agency == "韶关市武江区退役军人事务局"
    assert result.meta.date == "2024-01-08"
    assert result.meta.year == 2023


def test_seed_000_first_responsible_person_found_as_subsection():
    result = check_file(SEEDS["000"], today=TODAY)
    element = next(e for e in result.elements if e.id == "first-responsible-person")
    assert element.status != "missing"
    assert element.line == 11  # "(一) 认真履行“第一责任人”职责" inside the measures


@pytest.mark.parametrize("key", list(SEEDS))
def test_every_seed_has_the_four_statutory_parts(key):
    found = statuses(key)
    for element in ("measures", "problems", "first-responsible-person", "next-year-plan"):
        assert found[element] in ("present", "weak"), (key, element)


def test_meta_of_each_seed():
    expected = {
        "000": ("株洲市退役军人事务局", 2024, "2025-01-23"),
        "001": ("卢氏县退役军人事务局", 2024, None),
        "002": ("解放区退役军人事务局", 2023, None),
        "003": ("魏都区退役军人事务局", 2023, None),
        "004": ("韶关市武江区退役军人事务局", 2023, "2024-01-08"),
    }
    for key, (agency, year, date) in expected.items():
        meta = check_file(SEEDS[key], today=TODAY).meta
        assert (meta.agency, meta.year, meta.date) == (agency, year, date), key


def test_missing_signature_finding_points_at_end_of_text():
    result = check_file(SEEDS["001"], today=TODAY)
    finding = next(f for f in result.findings if f.rule == "signature-present")
    assert finding.line == 20 and finding.severity == "error"
    assert "署" in finding.suggestion and "卢氏县退役军人事务局" in finding.suggestion
