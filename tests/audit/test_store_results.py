"""Stored results are read back as json would read them, by msgspec or, for what it refuses, json."""

from __future__ import annotations

import datetime as dt
import json

from checker.api import check_file
from checker.audit.store import load_result
from checker.formats.jsonout import result_to_dict
from checker.options import CheckOptions
from tests.conftest import ROOT


def test_stored_results_of_the_seeds_read_back_as_json_reads_them():
    options = CheckOptions(today=dt.date(2025, 3, 1))
    for seed in sorted((ROOT / "reports").glob("*.txt")):
        raw = json.dumps(result_to_dict(check_file(seed, options=options)), ensure_ascii=False)
        assert load_result(raw) == json.loads(raw)
        assert json.dumps(load_result(raw), ensure_ascii=False) == raw  # rewritten unchanged


def test_text_msgspec_refuses_still_reads():
    raw = json.dumps({"score": float("nan"), "big": 10**30, "path": "报告\ud800.txt"}, ensure_ascii=False)
    data = load_result(raw)
    assert data["big"] == 10**30 and data["score"] != data["score"] and data["path"] == "报告\ud800.txt"
