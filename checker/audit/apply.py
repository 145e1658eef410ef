"""Run copy detection over the store and feed its findings into each affected result.

The copy rules of the pack (type ``copy``) give the thresholds, messages and weights: a
report whose part matches another body's report breaks ``copy-across-bodies``; one that
recycles its own earlier report breaks ``copy-previous-year``. The finding lowers the
score by the rule's weight, exactly as if a single-file rule had failed.

A ``duplicate`` pair (one body's report for one year in two files) is stored and shown with
the copies but is no rule: nothing is wrong with either text, the collection holds it twice,
so neither report gets a finding or loses points, and a pack has nothing to configure.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec
import numpy as np

from checker.audit.copies import (
    ACROSS,
    DUPLICATE,
    DUPLICATE_MIN,
    PREVIOUS,
    Doc,
    DocStream,
    Match,
    find_matches,
)
from checker.audit.current import copy_inputs
from checker.audit.featurecache import FeatureCache
from checker.audit.features import WHOLE
from checker.audit.passages import shared_passages
from checker.audit.release import release_memory
from checker.audit.store import Store
from checker.audit.texts import TextCache
from checker.check.score import grade_for
from checker.i18n import t
from checker.packs.model import Pack, Rule

RULE_IDS = {ACROSS: "copy-across-bodies", PREVIOUS: "copy-previous-year"}  # the kinds that score
DEFAULT_MIN = {ACROSS: 0.5, PREVIOUS: 0.6}
EXCERPT_CHARS = 80


class CopyPair(msgspec.Struct, frozen=True):
    """One reported match with its evidence, as stored in the ``copies`` table."""

    kind: str
    part: str
    a_path: str
    b_path: str
    similarity: float
    passages: tuple[tuple[int, str], ...]


Passages = tuple[tuple[int, str], ...]  # (line in a, passage), longest first
PairKey = tuple[str, str, str, str]  # kind, part, a, b


class _Template(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def copy_rules(pack: Pack) -> dict[str, Rule]:
    """kind → enabled copy rule of the pack (a pack may disable either)."""
    by_id = {rule.id: rule for rule in pack.rules if rule.type == "copy" and rule.enabled}
    return {kind: by_id[rule_id] for kind, rule_id in RULE_IDS.items() if rule_id in by_id}


def doc_stream(store: Store, options: str, order: str = "path") -> DocStream:
    """The checked reports of ``options`` as copy detection reads them: streamed, in path order
    (or ``order``: "agency" puts each body's reports next to each other, on the store's index)."""

    def docs() -> Iterator[Doc]:
        for row in store.rows(
            options,
            "path, agency, year, hashes, masks, checked_at",
            "AND status='ok' AND is_report=1 AND hashes IS NOT NULL",
            order,
        ):
            hashes = np.frombuffer(row["hashes"] or b"", dtype=np.uint32)
            masks = np.frombuffer(row["masks"] or b"", dtype=np.uint8)
            yield Doc(row["path"], row["agency"], row["year"], hashes, masks, row["checked_at"])

    return docs


def current_copies(
    store: Store, options: str, pack: Pack, workdir: Path | None = None
) -> tuple[list[CopyPair], bool]:
    """The copy pairs of ``options`` and whether they were kept: the stored ones when they were
    detected from the same inputs (rows, pack, fzcheck version), else detected anew.

    Detection is one pass over every stored report, so a single new report is compared with all
    the old ones as before."""
    inputs = copy_inputs(store, options, pack)
    if store.copies_made_from(options) == inputs:
        return stored_pairs(store, options), True
    return detect_copies(store, options, pack, workdir, inputs), False


def stored_pairs(store: Store, options: str) -> list[CopyPair]:
    """The copy pairs stored for ``options``, in the order :func:`detect_copies` found them."""
    rows = store.db.execute(
        "SELECT kind, part, a_path, b_path, similarity, shared_json FROM copies WHERE options=?", (options,)
    ).fetchall()
    pairs = [
        CopyPair(kind, part, a, b, similarity, tuple((line, text) for line, text in json.loads(shared)))
        for kind, part, a, b, similarity, shared in rows
    ]
    pairs.sort(key=lambda p: (p.a_path, p.b_path, p.kind, p.part))  # find_matches' order
    return pairs


def copy_thresholds(pack: Pack) -> dict[str, float]:
    """Minimum similarity per kind of copy: the pack's copy rules' ``min_similarity``, else the
    defaults; a duplicate's is fixed (no rule)."""
    rules = copy_rules(pack)
    found = {
        kind: float(rules[kind].params.get("min_similarity", DEFAULT_MIN[kind]))
        if kind in rules
        else DEFAULT_MIN[kind]
        for kind in (ACROSS, PREVIOUS)
    }
    return found | {DUPLICATE: DUPLICATE_MIN}


def detect_copies(
    store: Store, options: str, pack: Pack, workdir: Path | None = None, inputs: str | None = None
) -> list[CopyPair]:
    """Find the matches over every report stored under ``options`` and record them.

    Scratch files of the detection (features, LSH buckets) go to ``workdir``. ``inputs``: the
    digest of what they were detected from, stored with them in one transaction (None: unknown,
    so a later :func:`current_copies` detects them again).
    """
    thresholds = copy_thresholds(pack)
    cache = FeatureCache(store, options)
    matches = find_matches(
        doc_stream(store, options),
        thresholds,
        workdir=workdir,
        by_body=doc_stream(store, options, "agency"),
        cache=cache,
    )
    pairs = list(with_passages(store, options, matches, _stored_passages(store, options, cache.unchanged)))
    with store.db:
        store.db.execute("DELETE FROM copies WHERE options=?", (options,))
        store.db.executemany(
            "INSERT INTO copies (options, kind, part, a_path, b_path, similarity, similarity_b, shared_json)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    options,
                    p.kind,
                    p.part,
                    p.a_path,
                    p.b_path,
                    p.similarity,
                    0.0,
                    json.dumps(p.passages, ensure_ascii=False),
                )
                for p in pairs
            ],
        )
        store.note_copies_made_from(options, inputs)
    release_memory()
    return pairs


def with_passages(
    store: Store, options: str, matches: list[Match], known: dict[PairKey, Passages] | None = None
) -> Iterator[CopyPair]:
    """Each match with its shared passages: those ``known`` for its (kind, part, a, b), else
    quoted from the texts, read from the store as they are needed: ``matches`` come by ``a``
    (find_matches' order), so each ``a`` is read once, and the last ``TEXTS_KEPT`` other reports
    are kept. (All the matched reports' texts at once took ~40 MB at 20,000 reports, and grew
    with the copies found.)"""
    texts = TextCache(store, options)
    known = known or {}
    for match in matches:
        passages = known.get((match.kind, match.part, match.a, match.b))
        if passages is None:
            passages = tuple(shared_passages(texts.get(match.a), texts.get(match.b), match.part))
        yield CopyPair(match.kind, match.part, match.a, match.b, match.similarity, passages)


def _stored_passages(store: Store, options: str, unchanged: set[str]) -> dict[PairKey, Passages]:
    """The stored pairs' passages where both reports are ``unchanged`` since they were quoted (the
    passages are a function of the two texts and the part alone)."""
    if not unchanged:
        return {}
    rows = store.db.execute(
        "SELECT kind, part, a_path, b_path, shared_json FROM copies WHERE options=?", (options,)
    )
    return {
        (kind, part, a, b): tuple((line, text) for line, text in json.loads(shared))
        for kind, part, a, b, shared in rows
        if a in unchanged and b in unchanged
    }


def apply_findings(
    store: Store, options: str, pack: Pack, pairs: list[CopyPair], lang: str, fail_under: float | None = None
) -> int:
    """Rewrite ``result_json`` of every row: base result plus its copy findings. Returns rows changed."""
    rules = copy_rules(pack)
    chosen: dict[tuple[str, str, str], CopyPair] = {}
    for pair in pairs:
        key = (pair.a_path, pair.b_path, pair.kind)
        best = chosen.get(key)
        if best is None or _prefer(pair, best):
            chosen[key] = pair
    per_path: dict[str, list[CopyPair]] = {}
    for pair in chosen.values():
        if pair.kind in rules:
            per_path.setdefault(pair.a_path, []).append(pair)
    cutoff = float(fail_under if fail_under is not None else pack.parameters.get("fail_under", 60))
    meta = _meta(store, options, {pair.b_path for found in per_path.values() for pair in found})
    # only rows with copy findings now or from an earlier pass change: memory grows with
    # the copies found, not with the corpus
    earlier = [row[0] for row in store.rows(options, "path", "AND result_json != base_json")]
    changed = 0
    with store.db:
        for path in sorted(set(earlier) | set(per_path)):
            row = store.db.execute(
                "SELECT base_json FROM reports WHERE options=? AND path=?", (options, path)
            ).fetchone()
            if row is None:
                continue
            found = per_path.get(path)
            if not found:
                _write(store, options, path, row[0], json.loads(row[0]))
                changed += 1
                continue
            result = json.loads(row[0])
            _add_findings(result, found, rules, pack, meta, lang, cutoff)
            _write(store, options, path, json.dumps(result, ensure_ascii=False), result)
            changed += 1
    return changed


def _meta(store: Store, options: str, paths: set[str]) -> dict[str, tuple[str | None, int | None]]:
    """(agency, year) of the reports named in copy findings."""
    out = {}
    for path in sorted(paths):
        row = store.db.execute(
            "SELECT agency, year FROM reports WHERE options=? AND path=?", (options, path)
        ).fetchone()
        if row is not None:
            out[path] = (row[0], row[1])
    return out


def _prefer(pair: CopyPair, best: CopyPair) -> bool:
    """The whole text first (the strongest statement), then the most similar part."""
    if (pair.part == WHOLE) != (best.part == WHOLE):
        return pair.part == WHOLE
    return pair.similarity > best.similarity


def _write(store: Store, options: str, path: str, payload: str, result: dict[str, Any]) -> None:
    store.db.execute(
        "UPDATE reports SET result_json=?, score=?, grade=? WHERE options=? AND path=?",
        (payload, result.get("score"), result.get("grade"), options, path),
    )


def _add_findings(
    result: dict[str, Any],
    pairs: list[CopyPair],
    rules: dict[str, Rule],
    pack: Pack,
    meta: dict[str, tuple[str | None, int | None]],
    lang: str,
    cutoff: float,
) -> None:
    elements = {e["id"]: e for e in result.get("elements", [])}
    names = {e.id: (e.name_en if lang == "en" else e.name) for e in pack.elements}
    broken: set[str] = set()
    for pair in sorted(pairs, key=lambda p: (p.kind, p.b_path)):
        rule = rules[pair.kind]
        agency, year = meta.get(pair.b_path, (None, None))
        values = {
            "part": names.get(pair.part) or t("audit.whole", lang),
            "other_agency": agency or t("audit.unknown-agency", lang),
            "other_year": year if year is not None else t("audit.unknown-year", lang),
            "other_path": pair.b_path,
            "similarity": f"{round(pair.similarity * 100)}%",
        }
        template, suggestion = rule.text(lang)
        line, passage = pair.passages[0] if pair.passages else (None, "")
        excerpt = passage if len(passage) <= EXCERPT_CHARS else passage[: EXCERPT_CHARS - 1] + "…"
        fingerprint = hashlib.sha1(f"{rule.id}\x1f{pair.b_path}\x1f{pair.part}".encode()).hexdigest()[:16]
        result["findings"].append(
            {
                "rule": rule.id,
                "element": rule.element,
                "severity": rule.severity,
                "message": template.format_map(_Template(values)),
                "suggestion": suggestion.format_map(_Template(values)),
                "line": line,
                "column": None,
                "excerpt": excerpt,
                "basis": str(rule.basis),
                "location": None,
                "fingerprint": fingerprint,
                "waived": None,
            }
        )
        broken.add(rule.id)
    for rule_id in sorted(broken):
        rule = next(r for r in rules.values() if r.id == rule_id)
        element = elements.get(rule.element)
        if element is None or element["status"] == "missing":
            continue  # the engine already counted this rule as lost
        element["score"] = round(max(0.0, element["score"] - rule.weight), 2)
        if element["status"] == "present":
            element["status"] = "weak"
    total = sum(e["weight"] for e in elements.values())
    if total > 0 and result.get("score") is not None:
        score = round(100.0 * sum(e["score"] for e in elements.values()) / total, 1)
        result["score"] = score
        result["grade"] = grade_for(score, pack.parameters.get("grades"), lang)
        result["passed"] = score >= cutoff
    result["findings"].sort(key=lambda f: (f["line"] or 0, f["column"] or 0, f["rule"]))


def add_copy_findings(
    result: dict[str, Any],
    pairs: list[CopyPair],
    pack: Pack,
    meta: dict[str, tuple[str | None, int | None]],
    lang: str,
    cutoff: float,
) -> list[CopyPair]:
    """Add to one report's ``result`` (the JSON contract) the findings of ``pairs`` (all with it
    as ``a``) and lower its score, exactly as :func:`apply_findings` does for an audited row
    (``fzcheck check --previous``). Returns the pairs that became findings."""
    rules = copy_rules(pack)
    chosen: dict[tuple[str, str], CopyPair] = {}
    for pair in pairs:
        best = chosen.get((pair.b_path, pair.kind))
        if best is None or _prefer(pair, best):
            chosen[(pair.b_path, pair.kind)] = pair
    kept = [pair for pair in chosen.values() if pair.kind in rules]
    if kept:
        _add_findings(result, kept, rules, pack, meta, lang, cutoff)
    return kept
