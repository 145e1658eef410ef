"""Copy detection over real seed reports with planted copies, end to end through fzcheck audit."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from checker.audit.copies import body_key, max_df_for
from checker.audit.run import AuditOptions, run_audit
from checker.check.locate import locate_elements
from checker.options import CheckOptions
from checker.packs.pack import load_pack
from checker.parse.structure import parse_document
from checker.read import read_path
from tests.conftest import SEEDS


def _parts(path: Path) -> tuple[list[str], list[int]]:
    """Normalised paragraphs of a seed and the indices of its problems part (headings excluded)."""
    document = parse_document(read_path(path))
    locus = locate_elements(document, load_pack("national"))["problems"]
    heading_ids = {s.paragraph.index for s in locus.sections}
    body = [p.index for p in locus.paragraphs if p.index not in heading_ids]
    return [p.text for p in document.paragraphs], body


def _with_problems_of(target: Path, source: Path) -> str:
    """``target``'s report with its problems part replaced by ``source``'s."""
    paragraphs, own = _parts(target)
    other_paragraphs, other = _parts(source)
    kept = paragraphs[: own[0]] + [other_paragraphs[i] for i in other] + paragraphs[own[-1] + 1 :]
    return "\n".join(kept) + "\n"


@pytest.fixture(scope="module")
def audited(tmp_path_factory) -> tuple[Path, dict]:
    corpus = tmp_path_factory.mktemp("corpus")
    out = tmp_path_factory.mktemp("out")
    for key in ("000", "001", "002"):
        (corpus / SEEDS[key].name).write_text(SEEDS[key].read_text(encoding="utf-8"), encoding="utf-8")
    # 魏都区 copies 卢氏县's problems part (two different bodies)
    (corpus / "003_copies_001.txt").write_text(
        _with_problems_of(SEEDS["003"], SEEDS["001"]), encoding="utf-8"
    )
    # 株洲市's 2023 report (built from another seed) had the problems its 2024 report repeats
    earlier = _with_problems_of(SEEDS["004"], SEEDS["000"])
    earlier = earlier.replace("韶关市武江区", "株洲市").replace("武江区", "株洲市")
    (corpus / "zhuzhou_2023.txt").write_text(earlier, encoding="utf-8")
    run_audit(
        [str(corpus)],
        out,
        AuditOptions(CheckOptions(today=date.fromisoformat("2025-03-01")), jobs=2, progress=False),
    )
    db = sqlite3.connect(out / "audit.sqlite")
    pairs = {
        (kind, Path(a).name, Path(b).name, part): similarity
        for kind, a, b, part, similarity in db.execute(
            "SELECT kind, a_path, b_path, part, similarity FROM copies"
        )
    }
    results = {Path(r["path"]).name: r for r in json.loads((out / "results.json").read_text())["results"]}
    return out, {"pairs": pairs, "results": results}


def test_planted_copies_are_found_and_nothing_else(audited):
    pairs = audited[1]["pairs"]
    found = {(kind, a, b) for kind, a, b, _ in pairs}
    assert ("across", "003_copies_001.txt", SEEDS["001"].name) in found
    assert ("previous-year", SEEDS["000"].name, "zhuzhou_2023.txt") in found
    allowed = {
        ("across", "003_copies_001.txt", SEEDS["001"].name),
        ("across", SEEDS["001"].name, "003_copies_001.txt"),
        ("previous-year", SEEDS["000"].name, "zhuzhou_2023.txt"),
    }
    assert found <= allowed, found - allowed
    assert all(part in ("problems", "whole") or kind == "across" for kind, _, _, part in pairs)


def test_copied_problems_part_is_nearly_all_shared(audited):
    pairs = audited[1]["pairs"]
    assert pairs[("across", "003_copies_001.txt", SEEDS["001"].name, "problems")] >= 0.9
    assert pairs[("previous-year", SEEDS["000"].name, "zhuzhou_2023.txt", "problems")] >= 0.9


def test_unrelated_seed_reports_are_never_paired(audited):
    names = {a for _, a, _, _ in audited[1]["pairs"]} | {b for _, _, b, _ in audited[1]["pairs"]}
    assert SEEDS["002"].name not in names


def test_copy_findings_are_fed_into_the_stored_results(audited):
    results = audited[1]["results"]
    copier = [f for f in results["003_copies_001.txt"]["findings"] if f["rule"] == "copy-across-bodies"]
    assert copier and "卢氏县退役军人事务局2024年报告" in copier[0]["message"]
    assert copier[0]["message"].startswith("存在的不足和原因部分与")
    assert copier[0]["excerpt"]
    recycled = [f for f in results[SEEDS["000"].name]["findings"] if f["rule"] == "copy-previous-year"]
    assert recycled and "本单位2023年报告" in recycled[0]["message"]
    untouched = results[SEEDS["002"].name]["findings"]
    assert not [f for f in untouched if f["rule"].startswith("copy-")]


def test_copy_finding_lowers_the_score_by_the_rule_weight(audited):
    from checker.api import check_file

    _, data = audited
    stored = data["results"][SEEDS["000"].name]
    single = check_file(SEEDS["000"], today=__import__("datetime").date(2025, 3, 1))
    assert stored["score"] < single.score


def test_shared_passages_are_stored_longest_first(audited):
    out, _ = audited
    db = sqlite3.connect(out / "audit.sqlite")
    shared = json.loads(db.execute("SELECT shared_json FROM copies WHERE kind='previous-year'").fetchone()[0])
    lengths = [len(text) for _, text in shared]
    assert lengths and lengths == sorted(lengths, reverse=True)


def test_body_key_ignores_party_group_wrapper_and_spaces():
    assert body_key("中共青岛市交通运输局党组") == body_key("青岛市 交通运输局")
    assert body_key(None) is None


def test_boilerplate_threshold_grows_with_the_corpus_but_is_capped():
    assert max_df_for(5) == 10
    assert max_df_for(400) == 20
    assert max_df_for(100_000) == 50


def _stored_docs(out: Path) -> list:
    from checker.audit import apply
    from checker.audit.store import Store

    store = Store(out / "audit.sqlite")
    options = store.db.execute("SELECT options FROM reports LIMIT 1").fetchone()[0]
    docs = list(apply.doc_stream(store, options)())
    store.close()
    return docs


def _brute_force(docs: list, thresholds: dict[str, float]) -> list:
    """Every pair compared shingle by shingle, exact document frequencies: the reference."""
    import numpy as np

    from checker.audit import copies
    from checker.audit.features import PART_BITS, WHOLE

    limit = copies.max_df_for(len(docs))
    values, counts = np.unique(np.concatenate([d.hashes for d in docs]), return_counts=True)
    rare = [np.isin(d.hashes, values[counts <= limit]) for d in docs]
    parts = {WHOLE: None, **PART_BITS}
    found = []
    for i, a in enumerate(docs):
        for j, b in enumerate(docs):
            key_a, key_b = copies.body_key(a.agency), copies.body_key(b.agency)
            if i == j:
                continue
            if key_a is not None and key_a == key_b:
                if a.year is None or b.year is None or a.year <= b.year:
                    continue
                kind, names = copies.PREVIOUS, copies.PREVIOUS_PARTS
            else:
                kind, names = copies.ACROSS, copies.ACROSS_PARTS
            other = set(b.hashes[rare[j]].tolist())
            if len(other & set(a.hashes[rare[i]].tolist())) < 6:
                continue
            for name in names:
                bit = parts[name]
                inside = rare[i] if bit is None else rare[i] & ((a.masks & bit) != 0)
                own = a.hashes[inside].tolist()
                if len(own) >= copies.MIN_PART_HASHES:
                    similarity = round(len(other & set(own)) / len(own), 4)
                    if similarity >= thresholds[kind]:
                        found.append(copies.Match(kind, name, a.path, b.path, similarity))
    return sorted(found, key=lambda m: (m.a, m.b, m.kind, m.part))


def test_lsh_candidates_find_every_pair_an_exhaustive_comparison_finds(audited):
    """Banding only chooses which pairs to confirm: the result equals comparing every pair."""
    from checker.audit import copies

    docs = _stored_docs(audited[0])
    thresholds = {"across": 0.5, "previous-year": 0.5}
    found = copies.find_matches(docs, thresholds)
    assert found and found == _brute_force(docs, thresholds)


def test_many_small_partitions_find_the_same_pairs(audited, monkeypatch):
    """The on-disk index split into many partitions (bounded memory) changes no result."""
    from checker.audit import copies, lsh

    docs = _stored_docs(audited[0])
    thresholds = {"across": 0.5, "previous-year": 0.5}
    whole = copies.find_matches(docs, thresholds)
    monkeypatch.setattr(lsh, "ENTRIES_PER_PARTITION", 64)
    assert lsh.partitions_for(len(docs) * copies.SIGNED_PARTS * 32) > 4
    assert whole and copies.find_matches(docs, thresholds) == whole
