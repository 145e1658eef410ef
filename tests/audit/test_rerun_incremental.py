"""A re-run after a few files changed works out copy detection's second pass only for them, and
finds exactly what a fresh audit into a new folder finds."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from checker.audit import apply as apply_module
from checker.audit import copies as copies_module
from checker.audit.featurecache import FeatureCache
from tests.audit.corpora import COPIES_QUERY, audited, corpus_folder, fresh_copy
from tests.audit.test_rerun import _contents

REPORTS = 40


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    return corpus_folder(tmp_path_factory.mktemp("corpus"), REPORTS, seed=3)


@pytest.fixture
def corpus(pristine, tmp_path) -> Path:
    return fresh_copy(pristine, tmp_path / "corpus")


@pytest.fixture
def quoted(monkeypatch) -> list[tuple[str, str]]:
    """(a, b) of each pair whose passages were quoted from the texts."""
    calls: list[tuple[str, str]] = []
    quote = apply_module.with_passages

    def noted(store, options, matches, known=None):
        for pair in quote(store, options, matches, known):
            key = (pair.kind, pair.part, pair.a_path, pair.b_path)
            if key not in (known or {}):
                calls.append((pair.a_path, pair.b_path))
            yield pair

    monkeypatch.setattr(apply_module, "with_passages", noted)
    return calls


@pytest.fixture
def detections(monkeypatch) -> list[tuple[int, int]]:
    """(reports taken from the cache, reports worked out) of each copy detection."""
    seen: list[tuple[int, int]] = []
    finish = FeatureCache.finish

    def noted(self: FeatureCache) -> None:
        seen.append((self.reused, self.worked))
        finish(self)

    monkeypatch.setattr(FeatureCache, "finish", noted)
    return seen


# each change gives (reports the re-run works out, reports it takes from the cache less than
# the first run had)


def _change(corpus: Path) -> tuple[int, int]:
    report = sorted(corpus.glob("0*.txt"))[5]
    extra = "\n本年度另行组织了面向乡镇司法所工作人员的行政复议应诉专题轮训共计三期。\n"
    report.write_text(report.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return 1, 1


def _add(corpus: Path) -> tuple[int, int]:
    """A new file copying an old one: the pair between new and old must be found."""
    source = sorted(corpus.glob("0*.txt"))[7]
    (corpus / "zz_new.txt").write_bytes(source.read_bytes().replace(b"2", b"3", 1))
    return 1, 0


def _delete(corpus: Path) -> tuple[int, int]:
    sorted(corpus.glob("0*.txt"))[0].unlink()  # a report the planted copies involve
    return 0, 1


def _stored_copies(out: Path) -> list[tuple]:
    with sqlite3.connect(out / "audit.sqlite") as db:
        return db.execute(COPIES_QUERY).fetchall()


def _versions(out: Path) -> set[tuple[str, float]]:
    with sqlite3.connect(out / "audit.sqlite") as db:
        return set(db.execute("SELECT path, checked_at FROM reports").fetchall())


@pytest.mark.parametrize("change", [_change, _add, _delete])
def test_a_rerun_works_out_only_the_changed_reports_and_finds_what_a_fresh_audit_finds(
    corpus, tmp_path, detections, quoted, change
):
    """Only the changed report is worked out, only its pairs quoted; the rest is as stored."""
    out = audited(corpus, tmp_path / "out")
    (first_reused, reports) = detections[-1]
    assert first_reused == 0 and reports > REPORTS // 2
    assert len(quoted) == len(_stored_copies(out)) > 0  # a first run quotes every pair
    before = _versions(out)
    worked, fewer = change(corpus)
    del quoted[:]
    audited(corpus, out)
    assert detections[-1] == (reports - fewer, worked)
    touched = {path for path, _ in _versions(out) - before}
    assert len(touched) == worked
    assert sorted(quoted) == sorted((a, b) for _, _, a, b, *_ in _stored_copies(out) if {a, b} & touched)
    fresh = audited(corpus, tmp_path / "fresh")
    assert _stored_copies(out) == _stored_copies(fresh) and _stored_copies(out)
    assert _contents(out) == _contents(fresh)


def test_when_the_boilerplate_cut_moves_every_report_is_worked_out_again(
    corpus, tmp_path, detections, monkeypatch
):
    out = audited(corpus, tmp_path / "out")
    reports = detections[-1][1]
    _change(corpus)
    monkeypatch.setattr(copies_module, "max_df_for", lambda bodies: 9)  # another cut (10 at 40 bodies)
    audited(corpus, out)
    assert detections[-1] == (0, reports)
    fresh = audited(corpus, tmp_path / "fresh")
    assert _stored_copies(out) == _stored_copies(fresh)
    assert _contents(out) == _contents(fresh)
