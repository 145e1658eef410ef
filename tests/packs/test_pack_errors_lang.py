"""Pack and config errors read in the user's language: Chinese by default, English with --lang en,
with no jsonschema or Python English in the Chinese text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.packs.pack import load_pack
from checker.packs.yamlsrc import ConfigError

_ENGLISH_WORDS = re.compile(
    r"\b(is not|is a required|of type|Additional properties|should be|expected|missing|unterminated|found)\b"
)

_HEAD = 'id: test\nversion: "1"\nname: 测试\nextends: national\n'
_PLAN_RULE = "rules:\n  - id: next-year-plan-year\n"
_REQUEST_PATTERNS = "rules:\n  - id: no-request-wording\n    params:\n      patterns: "

BAD_PACKS = {
    "wrong-type": _HEAD + _PLAN_RULE + "    weight: heavy\n",
    "bad-enum": _HEAD + _PLAN_RULE + "    severity: fatal\n",
    "unknown-field": _HEAD + _PLAN_RULE + "    wieght: 2\n",
    "unknown-rule": _HEAD + "disable: [no-such-rule]\n",
    "bad-regex": _HEAD + _REQUEST_PATTERNS + "['(']\n",
    "unsafe-regex": _HEAD + _REQUEST_PATTERNS + "['(a+)+$']\n",
    "yaml-syntax": _HEAD + "rules: [\n",
}


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", sorted(BAD_PACKS))
def test_pack_error_is_chinese_by_default_and_english_on_request(tmp_path: Path, name: str) -> None:
    path = _write(tmp_path, name, BAD_PACKS[name])
    with pytest.raises(ConfigError) as info:
        load_pack(str(path))
    error = info.value
    chinese, english = error.describe("zh"), error.describe("en")
    assert str(path) in chinese and str(path) in english
    assert re.search(r"[\u4e00-\u9fff]", error.problem_in("zh")), chinese
    assert not _ENGLISH_WORDS.search(error.problem_in("zh")), chinese
    assert not re.search(r"[\u4e00-\u9fff]", error.problem_in("en")), english


def test_check_with_a_bad_pack_speaks_the_chosen_language(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad", BAD_PACKS["wrong-type"])
    report = Path(__file__).resolve().parents[2] / "reports"
    runner = CliRunner()
    zh = runner.invoke(main, ["check", "--pack", str(path), str(report)])
    en = runner.invoke(main, ["--lang", "en", "check", "--pack", str(path), str(report)])
    assert zh.exit_code == 2 and en.exit_code == 2
    assert "应为" in zh.output and "heavy" in zh.output
    first_line = en.output.split("\n")[0]
    assert "must be" in first_line and not re.search(r"[\u4e00-\u9fff]", first_line.split(":")[-1])
