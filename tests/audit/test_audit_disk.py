"""An audit whose disk refuses a write (full, read-only) stops with the file and the reason in
words, exit code 2 and no traceback; the results stored so far are kept, and a re-run finishes
the audit with nothing lost or checked twice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.audit import store as store_module
from checker.cli import main
from tests.conftest import SEEDS

KEYS = ("000", "001", "002", "003")


def folder_of_copies(tmp_path: Path, copies: int) -> Path:
    """``copies`` copies of four seeds under their own names: ~16 KB a stored row each."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(copies):
        for key in KEYS:
            (folder / f"{i:02d}_{SEEDS[key].name}").write_bytes(SEEDS[key].read_bytes())
    return folder


def audit_args(folder: Path, out: Path, lang: str = "zh") -> list[str]:
    return [
        "audit",
        str(folder),
        "--out",
        str(out),
        "--jobs",
        "1",
        "--no-config",
        "--no-progress",
        "--today",
        "2025-03-01",
        "--lang",
        lang,
    ]


def results(out: Path) -> list[dict]:
    return json.loads((out / "results.json").read_text(encoding="utf-8"))["results"]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("zh", ["磁盘空间已满", "重新运行同一命令"]),
        ("en", ["the disk is full", "run the same command again"]),
    ],
)
def test_a_store_that_fills_the_disk_is_named_and_the_audit_resumes(tmp_path, monkeypatch, lang, words):
    folder, out = folder_of_copies(tmp_path, 6), tmp_path / "out"
    real_init = store_module.Store.__init__

    def small_disk(self, path):
        real_init(self, path)  # SQLite itself reports the full disk: 12 pages (48 KB) left
        pages = self.db.execute("PRAGMA page_count").fetchone()[0]
        self.db.execute(f"PRAGMA max_page_count = {pages + 12}")

    monkeypatch.setattr(store_module.Store, "__init__", small_disk)
    run = CliRunner().invoke(main, audit_args(folder, out, lang))
    assert run.exit_code == 2, run.output
    assert isinstance(run.exception, SystemExit) and "Traceback" not in run.output
    assert str(out / "audit.sqlite") in run.output
    assert all(word in run.output for word in words), run.output
    assert not (out / "results.json").exists()

    monkeypatch.setattr(store_module.Store, "__init__", real_init)  # space freed
    again = CliRunner().invoke(main, audit_args(folder, out))
    assert again.exit_code == 0, again.output
    resumed = results(out)
    assert len({r["path"] for r in resumed}) == len(resumed) == 6 * len(KEYS)
    whole = tmp_path / "whole"
    CliRunner().invoke(main, audit_args(folder, whole))
    assert resumed == results(whole)


def test_an_output_the_disk_refuses_is_named_and_the_others_stay(tmp_path):
    folder, out = folder_of_copies(tmp_path, 1), tmp_path / "out"
    out.mkdir()
    (out / "results.csv").symlink_to("/dev/full")  # every write there: "No space left on device"
    run = CliRunner().invoke(main, audit_args(folder, out))
    assert run.exit_code == 2, run.output
    assert isinstance(run.exception, SystemExit) and "Traceback" not in run.output
    assert f"无法写入“{out / 'results.csv'}”：磁盘空间已满" in run.output
    assert len(results(out)) == len(KEYS)  # written before the refusal, and whole
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]  # no part file left
