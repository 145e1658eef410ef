"""The command line: exit codes, JSON contract, the bundled pack in a real install."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from checker.cli import main
from tests.conftest import REPORTS, ROOT, SEEDS

SCHEMA = json.loads((ROOT / "checker" / "data" / "result.schema.json").read_text(encoding="utf-8"))


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_json_output_follows_schema_and_contract():
    result = run("check", "--format", "json", "--today", "2026-11-23", str(REPORTS))
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    assert data["tool"]["name"] == "fzcheck" and data["tool"]["rulepack"].startswith("national@")
    assert len(data["results"]) == 5
    first = data["results"][1]
    assert set(first) >= {
        "path",
        "status",
        "error",
        "is_report",
        "meta",
        "score",
        "grade",
        "passed",
        "elements",
        "findings",
    }
    assert set(first["findings"][0]) >= {
        "rule",
        "element",
        "severity",
        "message",
        "suggestion",
        "line",
        "column",
        "excerpt",
        "basis",
    }


def test_text_output_is_chinese_checklist():
    result = run("check", "--today", "2026-11-23", str(SEEDS["001"]))
    assert "要素检查" in result.output and "✗ 发文机关署名" in result.output
    assert "第20行" in result.output
    assert "\x1b[" not in result.output  # no colour when not a terminal


def test_english_output():
    result = run("check", "--lang", "en", "--today", "2026-11-23", str(SEEDS["001"]))
    assert "Elements" in result.output and "missing" in result.output


def test_exit_code_one_when_a_report_fails():
    result = run("check", "--fail-under", "99.5", str(SEEDS["001"]))
    assert result.exit_code == 1


def test_exit_code_zero_when_all_pass():
    result = run("check", "--fail-under", "10", "--today", "2026-11-23", str(SEEDS["000"]))
    assert result.exit_code == 0


def test_unreadable_input_exit_two_and_others_still_checked(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    result = run("check", "--format", "json", str(empty), str(SEEDS["000"]), str(binary))
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    codes = [(r["status"], (r["error"] or {}).get("code")) for r in data["results"]]
    assert codes == [("error", "empty"), ("ok", None), ("error", "binary")]
    jsonschema.validate(data, SCHEMA)


def test_missing_file_and_bad_pack_are_usage_errors(tmp_path):
    assert run("check", str(tmp_path / "nope.txt")).exit_code == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\nversion: 1\nbogus: 1\n", encoding="utf-8")
    result = run("check", "--pack", str(bad), str(SEEDS["000"]))
    assert result.exit_code == 2 and "bogus" in result.output


def test_not_a_report_is_flagged(tmp_path):
    negative = ROOT / "tests" / "fixtures" / "corpus" / "negatives" / "001.txt"
    result = run("check", "--format", "json", str(negative))
    [entry] = json.loads(result.stdout)["results"]
    assert entry["is_report"] is False and "政府信息公开" in entry["not_report_reason"]


def test_wheel_contains_bundled_pack_and_works_outside_checkout(tmp_path):
    """A non-editable install must find the national pack: build the wheel and use it."""
    out = tmp_path / "wheel"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
    )
    [wheel] = out.glob("fzcheck-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "checker/rules/national.yaml" in names and "checker/rules/schema.json" in names
        site = tmp_path / "site"
        archive.extractall(site)
    probe = (
        "import checker.packs.pack as p, pathlib; pack = p.load_pack();"
        "print(pack.label, pathlib.Path(p.rules_dir()).is_relative_to(pathlib.Path('.').resolve()))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=site,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
        check=True,
    )
    assert done.stdout.startswith("national@") and done.stdout.strip().endswith("True")
    assert Path(site / "checker" / "rules" / "national.yaml").is_file()


def test_directory_scan_skips_non_report_files(tmp_path):
    (tmp_path / "README.md").write_text("# 报告仓库说明\n", encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    (tmp_path / "r.txt").write_text(SEEDS["000"].read_text(encoding="utf-8"), encoding="utf-8")
    result = run("check", "--format", "json", "--today", "2026-11-23", str(tmp_path))
    paths = [Path(r["path"]).name for r in json.loads(result.stdout)["results"]]
    assert paths == ["r.txt"] and result.exit_code == 0
