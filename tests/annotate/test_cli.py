"""``fzcheck annotate REPORT [-o OUT.docx] [--fix] [--force] [--pack] [--lang] [--today]``."""

from __future__ import annotations

import re
import shutil

from click.testing import CliRunner

from checker.cli import main
from tests.annotate.helpers import FORMATS
from tests.annotate.wordxml import comment_texts, document_xml, q


def _run(*args: str):
    return CliRunner().invoke(main, ["annotate", *args, "--today", "2026-11-23"])


def test_default_output_sits_beside_the_input_and_the_input_is_untouched(tmp_path):
    report = tmp_path / "报告.docx"
    shutil.copy(FORMATS / "seed0.docx", report)
    before = report.read_bytes()
    result = _run(str(report))
    assert result.exit_code == 0, result.output
    out = tmp_path / "报告.checked.docx"
    assert out.is_file() and report.read_bytes() == before
    assert f"已写入 {out}" in result.output and "批注 13 条" in result.output
    assert len(comment_texts(out.read_bytes())) == 13
    # without --fix it says how many fixes --fix would write, never "修订 0 处"
    assert "修订 0 处" not in result.output
    assert re.search(r"另有 \d+ 处可以自动改正.*加 --fix 重新生成", result.output)
    fixed = _run(str(report), "--fix", "--force")
    assert re.search(r"批注 13 条，修订 [1-9]\d* 处", fixed.output) and "另有" not in fixed.output


def test_existing_output_is_kept_unless_force(tmp_path):
    report = tmp_path / "r.txt"
    shutil.copy(FORMATS / "seed0.txt", report)
    out = tmp_path / "r.checked.docx"
    out.write_bytes(b"keep me")
    refused = _run(str(report))
    assert refused.exit_code == 2 and "--force" in refused.output
    assert out.read_bytes() == b"keep me"
    forced = _run(str(report), "--force")
    assert forced.exit_code == 0 and comment_texts(out.read_bytes())


def test_output_may_not_be_the_input(tmp_path):
    report = tmp_path / "r.docx"
    shutil.copy(FORMATS / "seed0.docx", report)
    before = report.read_bytes()
    result = _run(str(report), "-o", str(report), "--force")
    assert result.exit_code == 2 and "不能是被检查的文件本身" in result.output
    assert report.read_bytes() == before


def test_bad_input_gets_checks_code_and_message_and_no_file(tmp_path):
    bad = FORMATS / "bad" / "encrypted.docx"
    out = tmp_path / "out.docx"
    annotated = _run(str(bad), "-o", str(out))
    checked = CliRunner().invoke(main, ["check", str(bad)])
    assert annotated.exit_code == checked.exit_code == 2
    assert "无法检查（encrypted）：文件已加密" in annotated.output
    assert "无法检查（encrypted）：文件已加密" in checked.output
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_fix_reports_tracked_changes_and_english_messages(tmp_path):
    out = tmp_path / "o.docx"
    result = _run(str(FORMATS / "seed0.docx"), "-o", str(out), "--fix", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "comments" in result.output and "tracked changes" in result.output
    assert list(document_xml(out.read_bytes()).iter(q("del")))
    texts = [text for _, text in comment_texts(out.read_bytes()).values()]
    assert any(text.startswith("[info]") for text in texts)


def test_failing_report_exits_1_like_check(tmp_path):
    out = tmp_path / "o.docx"
    result = _run(str(FORMATS / "seed3.docx"), "-o", str(out), "--pack", "national")
    checked = CliRunner().invoke(
        main, ["check", "--no-config", str(FORMATS / "seed3.docx"), "--today", "2026-11-23"]
    )
    assert result.exit_code == checked.exit_code
    assert out.is_file()


def test_unknown_pack_is_a_usage_error_worded_as_check_words_it(tmp_path):
    result = _run(str(FORMATS / "seed0.docx"), "-o", str(tmp_path / "o.docx"), "--pack", "nosuchpack")
    checked = CliRunner().invoke(main, ["check", str(FORMATS / "seed0.docx"), "--pack", "nosuchpack"])
    assert result.exit_code == checked.exit_code == 2
    assert "没有名为“nosuchpack”的规则包" in result.output and result.output == checked.output
    assert not (tmp_path / "o.docx").exists()
