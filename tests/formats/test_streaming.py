"""Every format written result by result: the bytes are those of the whole document, the screen
fills as the run goes, and a run keeps no result it has handed on.

The whole-document references are independent of the writers: ``json.dumps`` of the parsed
JSON and SARIF, ``ET.indent`` + ``ET.tostring`` of the parsed JUnit, and each format's counts
against the results themselves.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from msgspec.structs import replace

from checker.api import check_file
from checker.formats import FORMATTERS, RenderContext, formatter
from checker.formats import writing as writing_module
from checker.formats.jsonout import document
from checker.formats.writing import Tally
from checker.options import DEFAULT_OPTIONS
from tests.conftest import CORPUS, ROOT, SEEDS, TODAY

FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="module")
def mixed_results():
    """The seeds, real report openings, files that are not reports, and unreadable files."""
    options = replace(DEFAULT_OPTIONS, today=TODAY)
    paths = [*SEEDS.values(), *sorted(p for p in CORPUS.rglob("*") if p.is_file())[:12]]
    paths += sorted(p for p in (FIXTURES / "formats").rglob("*") if p.is_file())[:12]
    results = [check_file(path, options=options) for path in paths]
    assert {r.status for r in results} == {"ok", "error"}
    assert any(not r.is_report for r in results if r.status == "ok")
    return results


def _ctx(lang: str = "zh") -> RenderContext:
    options = replace(DEFAULT_OPTIONS, today=TODAY, lang=lang)
    return RenderContext(replace(options, pack=options.rule_pack()))


@pytest.mark.parametrize("name", ["json", "sarif"])
@pytest.mark.parametrize("count", [0, 1, None])
def test_json_formats_are_exactly_what_json_dumps_writes(mixed_results, name, count):
    results = mixed_results[:count]
    text = formatter(name)(results, _ctx())
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
    if name == "json":
        assert json.loads(text) == json.loads(json.dumps(document(results, _ctx())))
    else:
        run = json.loads(text)["runs"][0]
        findings = sum(len(r.findings) for r in results)
        failed_non_reports = sum(r.status == "ok" and not r.is_report and not r.passed for r in results)
        assert len(run["results"]) == findings + failed_non_reports  # each a not-a-report result
        errors = [r for r in results if r.status == "error"]
        assert len(run["invocations"][0]["toolExecutionNotifications"]) == len(errors)
        assert run["invocations"][0]["executionSuccessful"] is (not errors)
        assert len(run["properties"]["reports"]) == len({r.path for r in results})


@pytest.mark.parametrize("count", [0, 1, None])
def test_junit_is_exactly_what_elementtree_indents(mixed_results, count):
    results = mixed_results[:count]
    text = formatter("junit")(results, _ctx())
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    assert text.startswith(head)
    root = ET.fromstring(text[len(head) :])
    ET.indent(root)
    assert text == head + ET.tostring(root, encoding="unicode") + "\n"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [r.path for r in results]
    for key in ("tests", "failures", "errors", "skipped"):
        assert int(root.get(key)) == sum(int(s.get(key)) for s in suites)
    assert int(root.get("errors")) == sum(r.status == "error" for r in results)


def test_text_and_markdown_summaries_count_every_result(mixed_results):
    tally = Tally.of(mixed_results)
    assert tally.total == len(mixed_results)
    assert tally.errors == sum(r.status == "error" for r in mixed_results) > 0
    assert tally.not_reports == sum(r.status == "ok" and not r.is_report for r in mixed_results) > 0
    assert tally.passed + tally.failed == sum(r.status == "ok" and r.is_report for r in mixed_results)
    summary = f"共 {tally.total} 份：通过 {tally.passed}，未通过 {tally.failed}"
    text = formatter("text")(mixed_results, _ctx())
    assert text.endswith("\n") and summary in text.splitlines()[-1]
    paths = [r.path for r in mixed_results]
    assert [line[3:] for line in text.splitlines() if line.startswith("━━ ")] == paths
    markdown = formatter("markdown")(mixed_results, _ctx()).splitlines()
    assert summary in markdown[2]
    rows = [line for line in markdown if line.startswith("| ") and line.split(" | ")[0][2:] in set(paths)]
    assert len(rows) == len(mixed_results)
    first_section = next(i for i, line in enumerate(markdown) if line.startswith("### "))
    assert markdown.index(rows[-1]) < first_section  # the table, then each report's findings


def test_github_writes_a_notice_per_report_and_a_command_per_finding(mixed_results):
    lines = formatter("github")(mixed_results, _ctx("en")).splitlines()
    assert len(lines) == len(mixed_results) + sum(len(r.findings) for r in mixed_results)
    assert formatter("github")([], _ctx()) == ""


@pytest.mark.parametrize("name", sorted(FORMATTERS))
def test_a_body_past_the_spools_memory_goes_to_disk_unchanged(mixed_results, monkeypatch, name):
    in_memory = formatter(name)(mixed_results, _ctx())
    monkeypatch.setattr(writing_module, "SPOOL_MEMORY", 64)
    assert formatter(name)(mixed_results, _ctx()) == in_memory


def test_the_screen_shows_each_report_before_the_next_is_checked(monkeypatch, capsys):
    """The run hands each result on at once: while the third file is checked, the first two
    are on the screen already."""
    import checker.run.config_run as config_run
    from checker.cli import main

    shown: list[str] = []
    real_check = config_run._check

    def check_and_look(file, options):
        shown.append(capsys.readouterr().out)
        return real_check(file, options)

    monkeypatch.setattr(config_run, "_check", check_and_look)
    seeds = [str(p) for p in SEEDS.values()]
    with pytest.raises(SystemExit):
        main(["check", "--no-config", "--today", "2026-11-23", *seeds])
    so_far = "".join(shown[:3])
    assert f"━━ {seeds[0]}" in so_far and f"━━ {seeds[1]}" in so_far
    assert f"━━ {seeds[2]}" not in so_far


def test_a_run_handing_results_on_keeps_none(tmp_path):
    from checker.run.config_run import RunOptions, check_files, prepare, start
    from checker.run.exitcodes import EXIT_USAGE

    options = RunOptions(replace(DEFAULT_OPTIONS, today=TODAY), use_config=False)
    config, resolver = prepare(options)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    handed: list[str] = []
    files = [SEEDS["000"], broken]
    outcome = start(config, resolver, options)
    check_files(outcome, files, resolver, options, on_result=lambda r: handed.append(r.path))
    assert handed == [str(SEEDS["000"]), str(broken)]
    assert outcome.results == []
    assert outcome.code == EXIT_USAGE  # the unreadable file, as exit_code() over the results says
