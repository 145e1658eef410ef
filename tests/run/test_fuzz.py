"""A bounded, fixed-seed run of the fuzz harness (benchmarks/fuzz.py): every mutated input
gets exactly one result row, no traceback, within the time budget."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from tests.conftest import ROOT


def _fuzz():
    spec = importlib.util.spec_from_file_location("fuzz", ROOT / "benchmarks" / "fuzz.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["fuzz"] = module
    spec.loader.exec_module(module)
    return module


fuzz = _fuzz()


@pytest.mark.parametrize("seed", [1, 2])
def test_fuzz_cases_each_get_one_clean_row(seed):
    summary = fuzz.fuzz(seed, 25, timeout=20)
    assert sum(summary["outcomes"].values()) == 25
    assert summary["failures"] == [], summary
    assert summary["peak_rss_mb"] < 1024


@pytest.mark.parametrize("mutation", sorted(fuzz.MUTATIONS))
def test_every_mutation_is_handled(tmp_path, mutation):
    import random

    rng = random.Random(mutation)
    suffix = {"docx-xml": ".docx", "docx-parts": ".docx", "deep-html": ".html"}.get(mutation)
    sources = fuzz.seeds()
    for i in range(6):
        chosen = suffix or fuzz.SUFFIXES[i % len(fuzz.SUFFIXES)]
        case = fuzz.Case(mutation, chosen, fuzz.MUTATIONS[mutation](rng, rng.choice(sources[chosen])))
        outcome, _seconds = fuzz.run_case(case, tmp_path, timeout=20, memory_mb=1024)
        assert outcome not in fuzz.BAD_CODES and not outcome.startswith("raised"), (case.name, outcome)


def test_check_prints_one_row_per_fuzzed_file(tmp_path):
    folder = tmp_path / "cases"
    folder.mkdir()
    names = []
    for i, case in enumerate(fuzz.cases(3, 24)):
        path = folder / f"{i:02d}{case.suffix}"
        path.write_bytes(case.data)
        names.append(path.name)
    run = CliRunner().invoke(main, ["check", "--no-config", "--format", "json", str(folder)])
    rows = json.loads(run.stdout)["results"]
    assert sorted(Path(r["path"]).name for r in rows) == sorted(names)
    assert all(r["status"] in ("ok", "error") for r in rows)
    assert not any(r["error"] and r["error"]["code"] in fuzz.BAD_CODES for r in rows)
    assert "Traceback" not in run.output
