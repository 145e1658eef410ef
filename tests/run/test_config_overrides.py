"""Rule overrides derive a new pack; per-path overrides change rules and thresholds."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from checker.cli import main
from checker.packs.pack import load_pack
from checker.run.config import RuleOverride, load_config
from checker.run.config_apply import SettingsResolver, derive_pack
from checker.run.config_paths import glob_match
from tests.conftest import SEEDS


def results(*args: str) -> dict:
    output = CliRunner().invoke(main, ["check", "--format", "json", "--today", "2026-11-23", *args]).stdout
    return {r["path"]: r for r in json.loads(output)["results"]}


def test_derive_pack_replaces_only_named_fields(national):
    derived = derive_pack(
        national,
        {"date-present": RuleOverride(severity="info", weight=1.0), "date-form": RuleOverride(enabled=False)},
    )
    rule = next(r for r in derived.rules if r.id == "date-present")
    original = next(r for r in national.rules if r.id == "date-present")
    assert (rule.severity, rule.weight, rule.message) == ("info", 1.0, original.message)
    assert not next(r for r in derived.rules if r.id == "date-form").enabled
    assert original.severity == "error"  # the loaded pack is untouched
    assert load_pack("national").rules == national.rules


def test_glob_matching():
    assert glob_match("reports/2024/a.txt", ["reports/**/*.txt"])
    assert glob_match("reports/a.txt", ["reports/**/*.txt"])
    assert glob_match("x/y/a.docx", ["*.docx"])
    assert not glob_match("reports/2024/a.txt", ["reports/*.txt"])
    assert glob_match("reports/web/a.html", ["reports/web/"])


def test_rule_override_changes_severity_in_output(tmp_path, monkeypatch):
    (tmp_path / ".fzcheck.yaml").write_text(
        "rules:\n  date-present: {severity: info}\n  signature-present: {enabled: false}\n", encoding="utf-8"
    )
    shutil.copy(SEEDS["001"], tmp_path / "r.txt")
    monkeypatch.chdir(tmp_path)
    findings = results("r.txt")["r.txt"]["findings"]
    assert {f["rule"]: f["severity"] for f in findings}["date-present"] == "info"
    assert "signature-present" not in {f["rule"] for f in findings}


def test_per_path_overrides(tmp_path, monkeypatch):
    (tmp_path / ".fzcheck.yaml").write_text(
        "fail_under: 99.9\n"
        "overrides:\n"
        "  - paths: ['legacy/**']\n"
        "    fail_under: 50\n"
        "    rules:\n"
        "      date-present: {enabled: false}\n",
        encoding="utf-8",
    )
    for folder in ("legacy", "current"):
        (tmp_path / folder).mkdir()
        shutil.copy(SEEDS["001"], tmp_path / folder / "r.txt")
    monkeypatch.chdir(tmp_path)
    out = results("legacy/r.txt", "current/r.txt")
    assert out["legacy/r.txt"]["passed"] and not out["current/r.txt"]["passed"]
    assert "date-present" not in {f["rule"] for f in out["legacy/r.txt"]["findings"]}
    assert "date-present" in {f["rule"] for f in out["current/r.txt"]["findings"]}


def test_later_overrides_win_and_command_line_wins_over_all(tmp_path):
    path = tmp_path / ".fzcheck.yaml"
    path.write_text(
        "fail_under: 70\nfail_on: info\n"
        "overrides:\n"
        "  - {paths: ['a/**'], fail_under: 50, rules: {date-form: {severity: warning}}}\n"
        "  - {paths: ['a/b/**'], fail_under: 40, rules: {date-form: {weight: 3}}}\n",
        encoding="utf-8",
    )
    resolver = SettingsResolver(load_config(path), load_pack("national"))
    deep = resolver.for_file(tmp_path / "a" / "b" / "r.txt")
    assert (deep.fail_under, deep.fail_on) == (40, "info")
    rule = next(r for r in deep.pack.rules if r.id == "date-form")
    assert (rule.severity, rule.weight) == ("warning", 3)
    assert resolver.for_file(tmp_path / "z.txt").fail_under == 70
    cli = SettingsResolver(load_config(path), load_pack("national"), fail_under=10, fail_on="error")
    assert (cli.for_file(tmp_path / "a" / "b" / "r.txt").fail_under, cli.cli_fail_on) == (10, "error")
    assert (
        resolver.for_file(tmp_path / "a" / "x.txt").pack is resolver.for_file(tmp_path / "a" / "y.txt").pack
    )  # derived packs are shared


def test_config_pack_path_is_relative_to_the_config(tmp_path, monkeypatch):
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "mine.yaml").write_text(
        "id: mine\nversion: '1'\nextends: national\nparameters: {fail_under: 99.9}\n", encoding="utf-8"
    )
    (tmp_path / ".fzcheck.yaml").write_text("pack: packs/mine.yaml\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    shutil.copy(SEEDS["001"], tmp_path / "sub" / "r.txt")
    monkeypatch.chdir(tmp_path / "sub")
    result = CliRunner().invoke(main, ["check", "--format", "sarif", "r.txt"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["runs"][0]["properties"]["rulepack"] == "mine@1"


def test_relative_paths_by_string_equal_pathlibs_relative_to():
    """The string form the audit uses twice per file gives what ``Path.relative_to`` gives:
    inside the base relative, outside (or beside it under a longer name) absolute."""
    import os
    from pathlib import Path

    from checker.run.config_paths import relative_posix

    def by_pathlib(path, base=None):
        absolute = Path(os.path.abspath(path))
        root = Path(os.path.abspath(base if base is not None else Path.cwd()))
        try:
            return absolute.relative_to(root).as_posix()
        except ValueError:
            return absolute.as_posix()

    cases = [
        ("a/b.txt", None),
        ("/tmp/x/y.txt", "/tmp"),
        ("/tmp", "/tmp"),
        ("/tmp/", "/tmp"),
        ("/tmpx/a", "/tmp"),
    ]
    cases += [("/a/b", "/"), ("/", "/"), ("//a/b", "/"), ("///a/b", "/"), ("/a/b", "//a"), ("//a/b", "//a")]
    cases += [("../c", "."), ("x/../y", None), ("/tmp/a//b/./c", "/tmp/a"), ("/tmp/a", "/tmp/a/b")]
    cases += [("名/报告.txt", None), ("/data/报告 2024/a.docx", "/data")]
    for path, base in cases:
        assert relative_posix(path, base) == by_pathlib(path, base), (path, base)
