"""examples/province-pack.yaml, a provincial pack written in YAML only, runs on the seeds: its
new element, rules, tighter window, look-alike, fix and disabled rule all take effect, and
what it adds to ``detection`` extends the national look-alikes instead of replacing them."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.api import check_text
from checker.packs.pack import load_pack
from checker.packs.ruletest import check_pack_examples
from tests.conftest import ROOT, SEEDS, seed_text

TODAY = dt.date(2026, 11, 1)
PACK = ROOT / "examples" / "province-pack.yaml"
LOOKALIKES = sorted((ROOT / "tests" / "fixtures" / "lookalikes").glob("*.txt"))


@pytest.fixture(scope="module")
def province():
    return load_pack(PACK)


def test_every_example_of_the_pack_behaves(province):
    outcomes = check_pack_examples(province, TODAY)
    assert outcomes and [o for o in outcomes if not o.ok] == []


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_the_new_element_is_judged_in_every_seed_by_its_chinese_name(province, seed):
    result = check_text(seed_text(seed), pack=province, today=TODAY)
    element = next(e for e in result.elements if e.id == "inspection-rectification")
    assert element.name == "督察反馈问题整改情况"
    if seed == "003":  # "三、…存在的不足、原因和问题整改情况": found, thin
        assert element.status == "weak"
    else:
        assert element.status == "missing"
        finding = next(f for f in result.findings if f.rule == "inspection-rectification-present")
        assert finding.message.startswith("“上年度法治督察反馈问题整改情况”缺失，应写在")
    assert "next-year-plan-proportion" not in {f.rule for f in result.findings}


def test_a_march_date_is_late_under_the_province_window(province):
    late = seed_text("000").replace("2025年1月23日", "2025年3月10日")
    finding = next(
        f for f in check_text(late, pack=province, today=TODAY).findings if f.rule == "date-window"
    )
    assert finding.severity == "error" and "3月1日前" in finding.suggestion
    assert "date-window" not in {f.rule for f in check_text(late, today=TODAY).findings}


def test_the_wording_fix_replaces_fazhi(province):
    text = seed_text("000").replace("推进法治政府建设", "推进法制政府建设", 1)
    finding = next(
        f for f in check_text(text, pack=province, today=TODAY).findings if f.rule == "fazhi-not-fazhi"
    )
    assert finding.fix is not None and (finding.fix.old, finding.fix.new) == ("法制", "法治")


def test_its_own_look_alike_is_not_a_report(province):
    briefing = seed_text("000").replace("2024 年法治政府建设情况年度报告", "2024 年法治政府建设工作汇报")
    assert check_text(briefing, today=TODAY).is_report
    assert not check_text(briefing, pack=province, today=TODAY).is_report


@pytest.mark.parametrize("path", LOOKALIKES, ids=lambda p: p.stem)
def test_the_national_look_alikes_are_still_recognised(province, path):
    text = path.read_text(encoding="utf-8")
    assert not check_text(text, today=TODAY).is_report
    assert not check_text(text, pack=province, today=TODAY).is_report
