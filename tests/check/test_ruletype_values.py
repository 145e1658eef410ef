"""Each rule type's ``VALUES`` (what a pack's message may name, checked when the pack loads)
covers every value its findings really carry on the seeds, so a valid template never shows a
bare "{name}" and the loader never refuses a name the type does fill."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

import pytest

from checker.api import check_text
from checker.check.ruletypes import COMMON_VALUES, RULE_TYPES, rule_type
from tests.conftest import SEEDS, seed_text

PAGES = Path(__file__).parents[1] / "fixtures" / "corpus" / "pages"


@pytest.fixture
def carried(monkeypatch):
    """Rule type → the value names its hits carried."""
    seen: dict[str, set[str]] = defaultdict(set)
    for name in RULE_TYPES:
        module = rule_type(name)

        def check(rule, ctx, original=module.check, name=name):
            for hit in original(rule, ctx):
                seen[name].update(hit.values)
                yield hit

        monkeypatch.setattr(module, "check", check)
    return seen


def test_declared_values_cover_what_findings_carry(carried):
    texts = [seed_text(seed) for seed in SEEDS]
    texts += [page.read_text(encoding="utf-8") for page in sorted(PAGES.glob("*.txt"))]
    for text in texts:
        for pack in ("national", "veterans"):
            check_text(text, pack=pack, today=dt.date(2026, 11, 1))
    assert len(carried) >= 10  # most types reported something on these texts
    for name, names in carried.items():
        declared = set(COMMON_VALUES) | set(rule_type(name).VALUES)
        assert names <= declared, (name, names - declared)
