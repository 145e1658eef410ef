"""A copy whose text layer names Kangxi radicals and hides zero-width characters is still a copy:
audit compares normalised text."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from checker.audit.run import AuditOptions, run_audit
from checker.options import CheckOptions
from tests.audit.test_audit_copies import _with_problems_of
from tests.conftest import SEEDS
from tests.text_variants import KANGXI, with_invisible, with_lookalikes


def test_a_copy_with_kangxi_radicals_and_zero_width_characters_is_found(tmp_path):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    for key in ("001", "002"):
        (corpus / SEEDS[key].name).write_text(SEEDS[key].read_text(encoding="utf-8"), encoding="utf-8")
    copied = with_invisible(with_lookalikes(_with_problems_of(SEEDS["003"], SEEDS["001"]), KANGXI), "\u200d")
    (corpus / "003_copies_001_pdf.txt").write_text(copied, encoding="utf-8")
    options = AuditOptions(CheckOptions(today=date.fromisoformat("2025-03-01")), jobs=1, progress=False)
    run_audit([str(corpus)], out, options)
    rows = sqlite3.connect(out / "audit.sqlite").execute(
        "SELECT kind, a_path, b_path, part, similarity FROM copies"
    )
    pairs = {(kind, Path(a).name, Path(b).name, part): similarity for kind, a, b, part, similarity in rows}
    assert pairs[("across", "003_copies_001_pdf.txt", SEEDS["001"].name, "problems")] >= 0.9
