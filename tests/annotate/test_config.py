"""``fzcheck annotate`` reads ``.fzcheck.yaml`` as ``check`` does: found, ``--config``, ``--no-config``."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from checker.cli import main
from tests.annotate.helpers import FORMATS
from tests.annotate.wordxml import comment_texts

TODAY = ("--today", "2026-11-23")
CONFIG = """\
rules:
  number-spacing: {enabled: false}
waivers:
  - rule: problems-causes
    reason: 原因已在附件中说明
fail_on: warning
"""


def _project(tmp_path, config: str = CONFIG):
    shutil.copy(FORMATS / "seed0.docx", tmp_path / "r.docx")
    (tmp_path / ".fzcheck.yaml").write_text(config, encoding="utf-8")
    return tmp_path / "r.docx"


def _annotate(*args: str):
    return CliRunner().invoke(main, ["annotate", *args, *TODAY])


def _texts(path) -> list[str]:
    return [text for _, text in comment_texts(path.read_bytes()).values()]


def test_the_discovered_config_sets_rules_waivers_and_gates_as_for_check(tmp_path, monkeypatch):
    report = _project(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = _annotate("r.docx", "-o", "out.docx")
    checked = CliRunner().invoke(main, ["check", "r.docx", *TODAY])
    assert result.exit_code == checked.exit_code == 1  # fail_on: warning, two warnings not waived
    gate = "✗ r.docx：有 2 条未豁免的“警告”及以上级别问题"
    assert gate in result.output and gate in checked.output
    texts = _texts(tmp_path / "out.docx")
    assert not any("number-spacing" in text for text in texts)  # disabled by the config
    (waived,) = [text for text in texts if "problems-causes" in text]
    assert "已豁免：原因已在附件中说明" in waived
    assert report.is_file()


def test_no_config_ignores_it_and_config_names_one(tmp_path, monkeypatch):
    _project(tmp_path)
    monkeypatch.chdir(tmp_path)
    plain = _annotate("r.docx", "-o", "plain.docx", "--no-config")
    assert plain.exit_code == 0
    assert any("number-spacing" in text for text in _texts(tmp_path / "plain.docx"))
    elsewhere = tmp_path / "sub"
    elsewhere.mkdir()
    named = tmp_path / "named.yaml"
    named.write_text("rules:\n  number-spacing: {severity: error}\n", encoding="utf-8")
    monkeypatch.chdir(elsewhere)
    chosen = _annotate("../r.docx", "-o", "named.docx", "--config", str(named))
    assert chosen.exit_code == 0, chosen.output
    texts = _texts(elsewhere / "named.docx")
    assert any(text.startswith("【错误】") and "number-spacing" in text for text in texts)


def test_a_bad_config_is_reported_like_check_and_nothing_is_written(tmp_path, monkeypatch):
    _project(tmp_path, "rules:\n  no-such-rule: {enabled: false}\n")
    monkeypatch.chdir(tmp_path)
    result = _annotate("r.docx", "-o", "out.docx")
    checked = CliRunner().invoke(main, ["check", "r.docx", *TODAY])
    assert result.exit_code == checked.exit_code == 2
    assert "no-such-rule" in result.output and result.output == checked.output
    assert not (tmp_path / "out.docx").exists()
