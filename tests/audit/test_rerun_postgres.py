"""The re-run that keeps current copy pairs and outputs works on a PostgreSQL store too."""

from __future__ import annotations

import pytest

from checker.audit.run import run_audit
from tests.audit.corpora import audit_options, corpus_folder, results_of
from tests.postgres import create_database, postgres_server


@pytest.fixture(scope="module")
def server():
    with postgres_server() as template:
        yield template


def test_a_postgres_store_keeps_current_copies_and_redoes_them_after_a_change(server, tmp_path):
    corpus = corpus_folder(tmp_path / "corpus", 30, seed=3)
    url = create_database(server, "rerun")
    out = tmp_path / "out"
    first = run_audit([str(corpus)], out, audit_options(store=url))
    again = run_audit([str(corpus)], out, audit_options(store=url))
    assert first.kept == [] and again.kept == ["copies", "outputs"]
    assert (again.copies, again.duplicates) == (first.copies, first.duplicates)
    report = sorted(corpus.glob("0*.txt"))[3]
    report.write_text(report.read_text(encoding="utf-8") + "\n附件：无。\n", encoding="utf-8")
    changed = run_audit([str(corpus)], out, audit_options(store=url))
    assert changed.checked == 1 and changed.kept == []
    fresh = run_audit([str(corpus)], tmp_path / "fresh", audit_options())  # SQLite, from scratch
    assert (changed.copies, changed.duplicates) == (fresh.copies, fresh.duplicates)
    assert results_of(out) == results_of(tmp_path / "fresh")
