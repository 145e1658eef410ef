"""``fzcheck annotate`` runs within the same per-file time and memory budget as ``check``."""

from __future__ import annotations

import shutil
import subprocess
import time

from tests.conftest import FZCHECK, SEEDS

# passes ``fzcheck rules validate`` (no nested repeat) but backtracks polynomially on a report
SLOW_PACK = """\
id: poly
version: "1"
name: poly
extends: national
rules:
  - id: poly-rule
    element: measures
    type: required-pattern
    severity: info
    weight: 1
    description: 多项式回溯。
    params: {scope: document, patterns: ["[^Q]*[^Q]*[^Q]*[^Q]*[^Q]*[^Q]*Q"]}
    message: 没有。
    suggestion: 写。
    basis: {source: 测试}
"""


def test_a_slow_pack_regex_is_a_timeout_with_exit_2_and_no_file(tmp_path):
    pack = tmp_path / "poly.yaml"
    pack.write_text(SLOW_PACK, encoding="utf-8")
    report = tmp_path / "r.txt"
    shutil.copy(SEEDS["000"], report)
    started = time.monotonic()
    run = subprocess.run(
        [*FZCHECK, "annotate", "--no-config", "--timeout", "1", "--pack", str(pack), str(report)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert time.monotonic() - started < 60
    assert run.returncode == 2, run.stderr
    assert "无法检查（timeout）：处理超时（超过 1 秒），已跳过。" in run.stderr
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "r.checked.docx").exists()


def test_within_budget_annotate_writes_the_same_copy(tmp_path):
    report = tmp_path / "r.txt"
    shutil.copy(SEEDS["001"], report)
    run = subprocess.run(
        [*FZCHECK, "--lang", "en", "annotate", "--no-config", "--today", "2026-11-23", str(report)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert run.returncode in (0, 1), run.stderr
    assert "Wrote" in run.stdout and (tmp_path / "r.checked.docx").is_file()
