"""A body's report that carries over last year's measures word for word is found by the audit."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from checker.audit.run import AuditOptions, run_audit
from checker.options import CheckOptions
from tests.audit.test_audit_copies import _with_problems_of
from tests.conftest import SEEDS


def test_measures_carried_over_from_last_year_are_a_previous_year_copy(tmp_path):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    this_year = SEEDS["001"]  # 卢氏县退役军人事务局, 2024
    (corpus / this_year.name).write_text(this_year.read_text(encoding="utf-8"), encoding="utf-8")
    # its 2023 report: the same measures, other problems (from another seed), the years a year back
    earlier = _with_problems_of(this_year, SEEDS["002"]).replace("2024", "2023").replace("2025", "2024")
    (corpus / "lushi_2023.txt").write_text(earlier, encoding="utf-8")
    options = AuditOptions(CheckOptions(today=date(2025, 3, 1)), jobs=1, progress=False, outputs=False)
    run_audit([str(corpus)], out, options)
    db = sqlite3.connect(out / "audit.sqlite")
    parts = {
        part: similarity
        for kind, a, part, similarity in db.execute("SELECT kind, a_path, part, similarity FROM copies")
        if kind == "previous-year" and Path(a).name == this_year.name
    }
    assert parts.get("measures", 0) >= 0.9, parts
    assert "problems" not in parts  # those were rewritten
