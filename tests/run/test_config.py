"""The .fzcheck.yaml file: discovery upward, schema errors with file/line/field, fzcheck init."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.packs.pack import load_pack
from checker.packs.yamlsrc import ConfigError
from checker.run.config import discover, load_config
from checker.run.config_apply import SettingsResolver
from tests.conftest import SEEDS


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def write(path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_config_is_discovered_in_a_parent_folder(tmp_path, monkeypatch):
    config = write(tmp_path / ".fzcheck.yaml", "fail_under: 95\n")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)
    assert discover() == config.resolve()
    shutil.copy(SEEDS["001"], nested / "r.txt")
    result = invoke("check", "--format", "json", "r.txt")
    assert result.exit_code == 1  # 001 scores below 95
    assert json.loads(result.stdout)["results"][0]["passed"] is False


def test_nearest_config_wins_and_no_config_ignores_it(tmp_path, monkeypatch):
    write(tmp_path / ".fzcheck.yaml", "fail_under: 99.9\n")
    write(tmp_path / "sub" / ".fzcheck.yaml", "fail_under: 10\n")
    shutil.copy(SEEDS["001"], tmp_path / "sub" / "r.txt")
    monkeypatch.chdir(tmp_path / "sub")
    assert invoke("check", "r.txt").exit_code == 0
    monkeypatch.chdir(tmp_path)
    assert invoke("check", "sub/r.txt").exit_code == 1
    assert invoke("check", "--no-config", "sub/r.txt").exit_code == 0


def test_explicit_config_option(tmp_path, monkeypatch):
    config = write(tmp_path / "ci" / "strict.yaml", "fail_under: 99.9\n")
    monkeypatch.chdir(tmp_path)
    shutil.copy(SEEDS["001"], tmp_path / "r.txt")
    assert invoke("check", "--config", str(config), "r.txt").exit_code == 1


def test_unknown_key_is_an_error_with_file_line_and_field(tmp_path):
    path = write(tmp_path / ".fzcheck.yaml", "pack: national\nfail_under: 60\nfail-on: error\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert (info.value.file, info.value.line, info.value.field) == (str(path), 3, "fail-on")


def test_nested_schema_error_names_the_field_and_line(tmp_path):
    path = write(tmp_path / ".fzcheck.yaml", "rules:\n  date-form:\n    severity: fatal\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert info.value.line == 3 and info.value.field == "rules.date-form.severity"


def test_unknown_key_in_a_rule_override(tmp_path):
    path = write(tmp_path / ".fzcheck.yaml", "rules:\n  date-form:\n    level: info\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert info.value.line == 3 and info.value.field == "rules.date-form.level"


def test_waiver_without_reason_is_an_error(tmp_path):
    path = write(tmp_path / ".fzcheck.yaml", "waivers:\n  - rule: date-form\n    paths: ['*.txt']\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert info.value.line == 2 and "reason" in str(info.value)


def test_unknown_rule_id_is_an_error_with_line(tmp_path):
    path = write(tmp_path / ".fzcheck.yaml", "fail_under: 50\nrules:\n  date-fromm: {enabled: false}\n")
    with pytest.raises(ConfigError) as info:
        SettingsResolver(load_config(path), load_pack("national"))
    assert info.value.line == 3 and info.value.field == "rules.date-fromm"


def test_cli_reports_config_errors_with_exit_code_2(tmp_path, monkeypatch):
    write(tmp_path / ".fzcheck.yaml", "fail_under: 60\nbogus: 1\n")
    shutil.copy(SEEDS["000"], tmp_path / "r.txt")
    monkeypatch.chdir(tmp_path)
    result = invoke("check", "r.txt")
    assert result.exit_code == 2
    assert ".fzcheck.yaml:2" in result.stderr and "bogus" in result.stderr


def test_include_and_exclude(tmp_path, monkeypatch):
    write(tmp_path / ".fzcheck.yaml", "include: ['docs/**/*.txt']\nexclude: ['docs/drafts/**']\n")
    for name in ("docs/2024/a.txt", "docs/drafts/b.txt", "other/c.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SEEDS["000"], tmp_path / name)
    monkeypatch.chdir(tmp_path)
    paths = [r["path"] for r in json.loads(invoke("check", "--format", "json").stdout)["results"]]
    assert paths == ["docs/2024/a.txt"]
    # exclude applies to files named on the command line too (pre-commit passes names)
    result = invoke("check", "--format", "json", "docs/drafts/b.txt", "other/c.txt")
    assert [r["path"] for r in json.loads(result.stdout)["results"]] == ["other/c.txt"]


def test_init_writes_a_valid_commented_config_and_refuses_to_overwrite(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert invoke("init").exit_code == 0
    text = (tmp_path / ".fzcheck.yaml").read_text(encoding="utf-8")
    assert text.startswith("#") and "waivers" in text
    config = load_config(tmp_path / ".fzcheck.yaml")
    SettingsResolver(config, load_pack(config.pack or "national"))  # rule ids exist
    (tmp_path / ".fzcheck.yaml").write_text("fail_under: 1\n", encoding="utf-8")
    result = invoke("init")
    assert result.exit_code == 2 and "--force" in result.stderr
    assert (tmp_path / ".fzcheck.yaml").read_text(encoding="utf-8") == "fail_under: 1\n"
    assert invoke("init", "--force").exit_code == 0
    assert (tmp_path / ".fzcheck.yaml").read_text(encoding="utf-8") == text


def test_excluding_every_file_given_is_nothing_to_check_not_an_error(tmp_path, monkeypatch):
    """pre-commit passes only the changed files; when exclude takes them all, the run has nothing
    to do: exit 0 with a note and empty outputs (it was exit 2, "没有找到可检查的报告文件")."""
    write(tmp_path / ".fzcheck.yaml", "exclude: ['drafts/**', 'requirements.txt']\n")
    shutil.copy(SEEDS["000"], write(tmp_path / "drafts" / "b.txt", ""))
    write(tmp_path / "requirements.txt", "click>=8\n")
    monkeypatch.chdir(tmp_path)
    result = invoke("check", "--format", "junit", "drafts/b.txt", "requirements.txt")
    assert result.exit_code == 0, result.stderr
    assert "没有需要检查的报告：2 个文件都被配置文件的 exclude 排除。" in result.stderr
    assert '<testsuites name="fzcheck" tests="0" failures="0" errors="0" skipped="0" />' in result.stdout
    english = invoke("check", "--lang", "en", "drafts/b.txt")
    assert english.exit_code == 0
    assert "Nothing to check: the config's exclude leaves out every file (1)." in english.stderr
    # a path with no report in it is still a usage error
    write(tmp_path / "empty" / "notes.md", "x\n")
    assert invoke("check", "empty").exit_code == 2


def test_skip_non_reports_lets_a_text_that_is_no_report_pass_with_a_note(tmp_path, monkeypatch):
    write(tmp_path / "requirements.txt", "click>=8\nmsgspec>=0.18\n")
    write(tmp_path / "README.txt", "本仓库存放各部门的年度报告。\n")
    shutil.copy(SEEDS["000"], tmp_path / "good.txt")
    monkeypatch.chdir(tmp_path)
    names = ("requirements.txt", "README.txt", "good.txt")
    assert invoke("check", "--no-config", *names).exit_code == 1  # without the option: not a report fails
    result = invoke("check", "--no-config", "--skip-non-reports", *names)
    assert result.exit_code == 0, result.stderr
    assert (
        "已跳过 requirements.txt：不是法治政府建设年度报告，不计入结果（--skip-non-reports）。"
        in result.stderr
    )
    assert "已跳过 README.txt：" in result.stderr and "good.txt" not in result.stderr
    english = invoke("check", "--no-config", "--lang", "en", "--skip-non-reports", "README.txt")
    assert "Skipped README.txt: not a rule-of-law report, so it does not count" in english.stderr
    # a report that fails still fails, and an unreadable file is still exit 2
    failing = invoke("check", "--no-config", "--skip-non-reports", "--fail-under", "99", *names)
    assert failing.exit_code == 1 and "✗ good.txt：得分" in failing.stderr
    (tmp_path / "broken.docx").write_bytes(b"not a zip archive")
    assert invoke("check", "--no-config", "--skip-non-reports", "broken.docx", "README.txt").exit_code == 2
