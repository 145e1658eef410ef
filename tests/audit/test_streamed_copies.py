"""Copy pairs quoted and written a pair at a time give what holding them all at once gave."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest

from checker.audit import texts as texts_module
from checker.audit.apply import with_passages
from checker.audit.copies import Match
from checker.audit.corpus import SCORING_KINDS, kind_names, load_corpus
from checker.audit.dashboard import COPY_DETAIL_LIMIT, _dump, _write_data
from checker.audit.features import load_texts
from checker.audit.passages import shared_passages
from checker.audit.store import Store
from checker.i18n import t
from checker.packs.pack import load_pack
from tests.audit.corpora import audited, corpus_folder


@pytest.fixture(scope="module")
def audit_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("streamed")
    return audited(corpus_folder(folder / "corpus", 40, seed=3), folder / "out")


def _options(store: Store) -> str:
    return store.db.execute("SELECT options FROM reports LIMIT 1").fetchone()[0]


def test_passages_quoted_with_few_texts_kept_are_those_of_all_texts_at_once(audit_dir, monkeypatch):
    """Two reports' texts kept (each pair needs two): every pair's passages as from every text."""
    store = Store(audit_dir / "audit.sqlite")
    try:
        options = _options(store)
        rows = store.db.execute(
            "SELECT kind, part, a_path, b_path, similarity FROM copies WHERE options=?"
            " ORDER BY a_path, b_path, kind, part",
            (options,),
        ).fetchall()
        assert len(rows) >= 2
        matches = [Match(kind, part, a, b, similarity) for kind, part, a, b, similarity in rows]
        every = {
            path: load_texts(blob)
            for path, blob in store.db.execute("SELECT path, texts FROM reports WHERE options=?", (options,))
        }
        monkeypatch.setattr(texts_module, "TEXTS_KEPT", 2)
        pairs = list(with_passages(store, options, matches))
    finally:
        store.close()
    assert [p.passages for p in pairs] == [
        tuple(shared_passages(every[m.a], every[m.b], m.part)) for m in matches
    ]


def test_the_dashboard_writes_the_copies_byte_for_byte_as_one_list(audit_dir, monkeypatch):
    """The page's copies, written a pair at a time, are the bytes of the whole list dumped at once."""
    monkeypatch.setattr("checker.audit.dashboard.COPY_DETAIL_LIMIT", 3)  # some pairs without passages
    store = Store(audit_dir / "audit.sqlite")
    try:
        corpus = load_corpus(store, _options(store), load_pack())
        handle = io.StringIO()
        _write_data(corpus, handle)
        pairs = list(corpus.copies())
        paths = [row[0] for row in corpus.rows()]
    finally:
        store.close()
    index = {path: i for i, path in enumerate(paths)}
    names, kinds = dict(corpus.element_names()), kind_names()
    whole = [
        [
            kinds.get(c.kind, c.kind),
            names.get(c.part, t("audit.whole", "zh")),
            index.get(c.a_path, -1),
            index.get(c.b_path, -1),
            c.similarity,
            [text for _, text in c.passages] if k < 3 else None,
        ]
        for k, c in enumerate(pairs)
    ]
    duplicates = sum(c.kind not in SCORING_KINDS for c in pairs)
    assert COPY_DETAIL_LIMIT != 3 and len(pairs) > 3
    assert handle.getvalue().endswith('], "copies": ' + _dump(whole) + ', "duplicates": ' + f"{duplicates}}}")
    json.loads(handle.getvalue())


def test_the_workbook_and_table_read_copies_as_stored(audit_dir):
    """``Corpus.copies()`` streams the stored pairs, most similar first."""
    store = Store(audit_dir / "audit.sqlite")
    try:
        corpus = load_corpus(store, _options(store), load_pack())
        streamed = [(c.kind, c.part, c.a_path, c.b_path, c.similarity) for c in corpus.copies()]
    finally:
        store.close()
    with sqlite3.connect(audit_dir / "audit.sqlite") as db:
        stored = db.execute("SELECT kind, part, a_path, b_path, similarity FROM copies").fetchall()
    assert sorted(streamed) == sorted(stored) and len(streamed) >= 2
    assert [row[4] for row in streamed] == sorted((row[4] for row in streamed), reverse=True)
