"""``fzcheck annotate THIS --previous LAST``: a comment on each passage carried over from last
year's report, covering that passage in the Word document."""

from __future__ import annotations

from click.testing import CliRunner

from checker.annotate import annotate
from checker.check.previous import load_previous
from checker.cli import main
from checker.options import CheckOptions
from tests.annotate.helpers import TODAY, quote_of, seed_docx, squeeze
from tests.annotate.wordxml import comment_ranges, comment_texts
from tests.check.previous_pairs import ZHUZHOU, year_earlier

RULE = "copy-previous-year"


def _last_year(tmp_path):
    path = tmp_path / "2023年报告.txt"  # another format than this year's .docx
    path.write_text(year_earlier(ZHUZHOU.read_text("utf-8")), "utf-8")
    return path


def test_each_carried_over_passage_gets_a_comment_on_it(tmp_path):
    previous = load_previous(_last_year(tmp_path), CheckOptions(today=TODAY))
    plain = annotate(seed_docx(0), "seed0.docx", today=TODAY)
    out = annotate(seed_docx(0), "seed0.docx", today=TODAY, previous=previous)
    copied = [f for f in out.result.findings if f.rule == RULE]
    assert len(copied) == 5 and copied[0].severity in ("warning", "info")
    assert out.comments == plain.comments + len(copied)
    texts = comment_texts(out.data)
    ranges = comment_ranges(out.data)
    ids = sorted(texts)
    for index, finding in enumerate(out.result.findings):
        if finding.rule != RULE:
            continue
        comment = ids[index]
        assert finding.message in texts[comment][1]
        assert quote_of(finding.excerpt) in squeeze(ranges[comment].text), finding.excerpt
    assert any("全文部分与本单位2023年报告100%相同" in body for _, body in texts.values())


def test_the_command_line_writes_them_and_names_an_unusable_previous_file(tmp_path):
    report = tmp_path / "2024年报告.docx"
    report.write_bytes(seed_docx(0))
    previous = _last_year(tmp_path)
    runner = CliRunner()
    done = runner.invoke(
        main, ["annotate", "--today", "2026-11-23", str(report), "--previous", str(previous)]
    )
    assert done.exit_code in (0, 1), done.output
    written = tmp_path / "2024年报告.checked.docx"
    bodies = [body for _, body in comment_texts(written.read_bytes()).values()]
    assert sum(RULE in body for body in bodies) == 5
    missing = runner.invoke(
        main, ["annotate", "--force", str(report), "--previous", str(tmp_path / "2023.docx")]
    )
    assert "找不到去年的报告" in missing.stderr and "本次未与去年比对" in missing.stderr
    assert not any(RULE in body for _, body in comment_texts(written.read_bytes()).values())
