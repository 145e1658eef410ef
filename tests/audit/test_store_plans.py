"""Reading one audit's rows in path order walks an index: no sort of every row per page.

Without ``reports_options_path`` SQLite answered the verdicts' page query (``options=? AND
path>? ORDER BY path LIMIT 500``) by sorting all the audit's rows for every page, whole
results included: quadratic in the corpus (1.1-1.9 s at 10,000 reports, 0.13 s with it).
"""

from __future__ import annotations

import json

from checker.audit.store import Store
from checker.audit.verdicts import PAGE, PAGE_SQL

OPTIONS = "national@1|zh|2025-03-01"


def _plan(store: Store, sql: str, params: tuple) -> str:
    return " / ".join(row[-1] for row in store.db.execute("EXPLAIN QUERY PLAN " + sql, params))


def _filled(tmp_path) -> Store:
    store = Store(tmp_path / "audit.sqlite")
    for i in range(300):
        row = {
            "path": f"报告/{i:05d}.txt",
            "sha256": f"{i:064x}",
            "status": "ok",
            "is_report": 1,
            "score": float(i % 100),
            "agency": f"机关{i % 7}",
            "year": 2023,
            "result_json": json.dumps({"path": f"报告/{i:05d}.txt", "findings": []}),
        }
        store.put(row, OPTIONS, "national", "1", 1, commit=False)
        store.put(row, "other|zh|", "national", "1", 1, commit=False)
    store.db.commit()
    return store


def test_the_verdicts_pages_and_path_ordered_streams_use_the_options_path_index(tmp_path):
    store = _filled(tmp_path)
    try:
        for sql, params in (
            (PAGE_SQL, (OPTIONS, "报告/00100.txt", PAGE)),
            ("SELECT result_json FROM reports WHERE options=? ORDER BY path", (OPTIONS,)),
            ("SELECT path, status, year, result_json FROM reports WHERE options=? ORDER BY path", (OPTIONS,)),
        ):
            plan = _plan(store, sql, params)
            assert "reports_options_path" in plan and "TEMP B-TREE" not in plan, (sql, plan)
        page = store.db.execute(PAGE_SQL, (OPTIONS, "报告/00100.txt", 3)).fetchall()
        assert [path for path, _ in page] == ["报告/00101.txt", "报告/00102.txt", "报告/00103.txt"]
    finally:
        store.close()
