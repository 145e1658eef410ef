"""The benchmark corpus generator: its default reports are half a seed, ``length`` scales them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.audit.corpora import make_corpus
from tests.conftest import ROOT


def _mean_chars(folder: Path) -> float:
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return sum(map(len, texts)) / len(texts)


def test_length_makes_reports_the_seeds_size_and_the_default_stays_half(tmp_path):
    module = make_corpus()
    seeds = _mean_chars(ROOT / "reports")
    module.build(200, tmp_path / "default", seed=5)
    module.build(200, tmp_path / "again", seed=5, length=1.0)
    module.build(200, tmp_path / "seed-sized", seed=5, length=2.2)
    default, sized = _mean_chars(tmp_path / "default"), _mean_chars(tmp_path / "seed-sized")
    assert 0.4 * seeds < default < 0.6 * seeds
    assert 0.85 * seeds < sized < 1.15 * seeds
    for report in sorted((tmp_path / "default").glob("*.txt")):  # 1.0 is the default, draw for draw
        assert report.read_bytes() == (tmp_path / "again" / report.name).read_bytes()
    manifest = json.loads((tmp_path / "seed-sized" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["groups"] and manifest["previous"]  # copies are still planted in long reports
