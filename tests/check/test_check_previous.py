"""``fzcheck check THIS --previous LAST``: the parts carried over from last year's report, with
their similarity and passages, in every format; the same finding and score as the audit."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from tests.check.previous_pairs import CLAUSE, REWRITTEN, write_pairs

RULE = "copy-previous-year"


@pytest.fixture(scope="module")
def pairs(tmp_path_factory) -> dict[str, Path]:
    return write_pairs(tmp_path_factory.mktemp("pairs"))


def run(*args: str):
    return CliRunner().invoke(main, ["check", "--today", "2025-03-01", *args])


def checked(this: Path, previous: Path, *more: str) -> dict:
    done = run("--format", "json", str(this), "--previous", str(previous), *more)
    assert done.exit_code in (0, 1), done.output
    return json.loads(done.stdout)["results"][0]


def copies(result: dict) -> list[dict]:
    return [f for f in result["findings"] if f["rule"] == RULE]


def hanzi(text: str) -> str:
    """The Chinese characters only: normalised text writes some punctuation half-width."""
    return "".join(re.findall(r"[\u4e00-\u9fff]", text))


def test_last_years_text_with_the_year_changed_is_carried_over_whole(pairs):
    alone = checked(pairs["whole"], pairs["whole"])  # the same file: no comparison
    result = checked(pairs["whole"], pairs["previous"])
    found = copies(result)
    rule_findings = [f for f in found if f["severity"] == "warning"]
    assert len(rule_findings) == 1
    assert rule_findings[0]["message"] == "全文部分与本单位2023年报告100%相同。"
    assert "previous.txt" in rule_findings[0]["suggestion"]
    assert result["score"] == pytest.approx(
        alone["score"] - 100 * 3 / sum(e["weight"] for e in result["elements"]), abs=0.1
    )
    # every passage quoted is on the line it names in this year's file
    lines = pairs["whole"].read_text("utf-8").split("\n")
    assert len(found) == 5
    for finding in found:  # quoted as written, from its line and column on
        assert lines[finding["line"] - 1][finding["column"] - 1 :].startswith(finding["excerpt"][:20])


def test_a_recycled_problems_part_is_found_and_quoted(pairs):
    result = checked(pairs["verbatim"], pairs["previous"])
    warning = [f for f in copies(result) if f["severity"] == "warning"]
    assert [f["message"] for f in warning] == ["存在的不足和原因部分与本单位2023年报告100%相同。"]
    quoted = {hanzi(f["excerpt"]) for f in copies(result)}
    assert hanzi(CLAUSE) in quoted
    lines = pairs["verbatim"].read_text("utf-8").split("\n")
    assert all(hanzi(f["excerpt"])[:20] in hanzi(lines[f["line"] - 1]) for f in copies(result))


def test_one_clause_rewritten_still_counts_but_the_new_clause_is_not_quoted(pairs):
    result = checked(pairs["rewritten"], pairs["previous"])
    warning = [f for f in copies(result) if f["severity"] == "warning"]
    assert len(warning) == 1 and warning[0]["message"].startswith("存在的不足和原因部分与本单位2023年报告")
    similarity = int(re.search(r"(\d+)%", warning[0]["message"]).group(1))
    assert 60 <= similarity < 100
    quoted = " ".join(hanzi(f["excerpt"]) for f in copies(result))
    assert hanzi(REWRITTEN)[:10] not in quoted and hanzi(CLAUSE) not in quoted


def test_a_genuinely_different_report_gives_no_finding_and_says_it_was_compared(pairs):
    done = run("--format", "json", str(pairs["different"]), "--previous", str(pairs["previous"]))
    result = json.loads(done.stdout)["results"][0]
    assert copies(result) == []
    assert "已与去年的报告" in done.stderr and "没有发现照搬的部分" in done.stderr
    plain = json.loads(run("--format", "json", str(pairs["different"])).stdout)["results"][0]
    assert result["score"] == plain["score"]


def test_the_finding_and_score_are_the_audits_for_the_same_pair(pairs, tmp_path, monkeypatch):
    folder = tmp_path / "pair"
    folder.mkdir()
    for name in ("previous", "verbatim"):
        (folder / f"{name}.txt").write_bytes(pairs[name].read_bytes())
    monkeypatch.chdir(tmp_path)
    audited = CliRunner().invoke(
        main, ["audit", "--today", "2025-03-01", "--out", "out", "-j", "1", "--no-progress", "pair"]
    )
    assert audited.exit_code in (0, 1), audited.output
    rows = {r["path"]: r for r in json.loads(Path("out/results.json").read_text("utf-8"))["results"]}
    audit = rows["pair/verbatim.txt"]
    check = checked(Path("pair/verbatim.txt"), Path("pair/previous.txt"))
    audit_copy = copies(audit)
    assert len(audit_copy) == 1
    # the same finding; check adds the passage's column and quotes it as written (the audit
    # quotes the normalised text, with half-width commas)
    (rule_finding,) = [f for f in copies(check) if f["severity"] == "warning"]
    assert rule_finding["column"] is not None and "，" in rule_finding["excerpt"]
    assert hanzi(rule_finding["excerpt"]) == hanzi(audit_copy[0]["excerpt"])
    same = {**rule_finding, "column": None, "excerpt": audit_copy[0]["excerpt"]}
    assert [same] == audit_copy
    assert (check["score"], check["grade"], check["passed"]) == (
        audit["score"],
        audit["grade"],
        audit["passed"],
    )
    assert check["elements"] == audit["elements"]


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("text", "第20行第73字 存在的不足和原因部分与本单位2023年报告100%相同。"),
        ("sarif", '"ruleId": "copy-previous-year"'),
        ("junit", "存在的不足和原因部分与本单位2023年报告100%相同。"),
        ("github", "line=20"),
        ("markdown", "存在的不足和原因部分与本单位2023年报告100%相同。"),
    ],
)
def test_every_format_shows_the_carried_over_part_and_its_passages(pairs, fmt, expected):
    done = run("--format", fmt, "--no-color", str(pairs["verbatim"]), "--previous", str(pairs["previous"]))
    assert expected in done.stdout
    assert "零突破" in done.stdout  # the quoted passage of the recycled clause
    plain = run("--format", fmt, "--no-color", str(pairs["verbatim"]))
    assert "零突破" not in plain.stdout and "2023年报告" not in plain.stdout


def test_english_messages(pairs):
    result = checked(pairs["verbatim"], pairs["previous"], "--lang", "en")
    messages = [f["message"] for f in copies(result)]
    assert "The Shortcomings and their causes part is 100% the same as this body's 2023 report." in messages
    assert any(
        m.endswith(
            "is the same as in this body's 2023 report"
            " (the Shortcomings and their causes part was carried over)."
        )
        for m in messages
    )


def test_a_previous_report_of_the_same_year_is_compared_with_a_warning(pairs):
    done = run("--format", "json", str(pairs["whole"]), "--previous", str(pairs["verbatim"]))
    assert "是2024年的报告，本报告是2024年的，不是上一年度" in done.stderr


def test_the_same_file_twice_is_not_compared(pairs):
    done = run("--format", "json", str(pairs["whole"]), "--previous", str(pairs["whole"]))
    assert copies(json.loads(done.stdout)["results"][0]) == []
    assert "是同一份报告，未比对" in done.stderr


def test_a_copy_of_this_years_file_is_the_same_report(pairs, tmp_path):
    twin = tmp_path / "twin.txt"
    twin.write_bytes(pairs["whole"].read_bytes())
    done = run("--format", "json", str(pairs["whole"]), "--previous", str(twin))
    assert copies(json.loads(done.stdout)["results"][0]) == []
    assert "是同一份报告，未比对" in done.stderr


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda folder: folder / "missing.docx", "找不到去年的报告"),
        (lambda folder: folder, "是文件夹，不是去年的报告文件"),
        (lambda folder: _write(folder / "broken.docx", b"PK\x03\x04 not really a zip"), "无法读取"),
        (
            lambda folder: _write(folder / "notes.txt", "会议通知\n请各科室于周五前报送材料。\n".encode()),
            "不像法治政府建设年度报告",
        ),
    ],
)
def test_an_unusable_previous_report_is_named_and_this_one_is_checked_anyway(pairs, tmp_path, make, said):
    previous = make(tmp_path)
    done = run("--format", "json", str(pairs["verbatim"]), "--previous", str(previous))
    assert "Traceback" not in done.output
    assert said in done.stderr and "本次未与去年比对" in done.stderr
    result = json.loads(done.stdout)["results"][0]
    assert result["status"] == "ok" and copies(result) == [] and result["score"] is not None


def test_previous_takes_one_report_only(pairs):
    done = run(str(pairs["whole"]), str(pairs["verbatim"]), "--previous", str(pairs["previous"]))
    assert done.exit_code == 2
    assert "--previous 只能配合一份报告使用" in done.output


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name", ["seed0.docx", "seed0.pdf", "seed0.html", "seed0.doc"])
def test_last_years_report_may_be_in_any_format(pairs, name):
    previous = Path(__file__).resolve().parents[1] / "fixtures" / "formats" / name
    done = run("--format", "json", str(pairs["whole"]), "--previous", str(previous))
    (warning,) = [f for f in copies(json.loads(done.stdout)["results"][0]) if f["severity"] == "warning"]
    assert re.fullmatch(r"全文部分与本单位2024年报告(99|100)%相同。", warning["message"])
    # seed 0 in Word is this report's own year: said, and compared anyway
    assert "是2024年的报告，本报告是2024年的，不是上一年度" in done.stderr


def test_the_notes_in_english(pairs):
    done = run("--lang", "en", str(pairs["different"]), "--previous", str(pairs["previous"]))
    assert "Compared with last year's report" in done.stderr and "nothing was carried over" in done.stderr
    same = run("--lang", "en", str(pairs["whole"]), "--previous", str(pairs["verbatim"]))
    assert "is the 2024 report and this one is for 2024, not the year before" in same.stderr


def test_last_years_report_is_read_within_the_files_budget(pairs):
    """A previous report that takes too long (here any: the budget is a millisecond) is named as
    unusable for that reason, as a checked file would be; the command goes on and ends."""
    done = run(
        "--format", "json", "--timeout", "0.001", str(pairs["verbatim"]), "--previous", str(pairs["previous"])
    )
    assert "Traceback" not in done.output
    assert "无法读取" in done.stderr and "0.001" in done.stderr and "本次未与去年比对" in done.stderr
    assert json.loads(done.stdout)["results"][0]["error"]["code"] == "timeout"
