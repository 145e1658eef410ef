"""A re-run of ``fzcheck audit`` with nothing new keeps the copy pairs and the output files; any
change they depend on (a file checked or pruned, an output deleted or edited, another pack or
language, a run stopped half-way) has them redone, identical to a fresh audit into a new folder."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.audit import outputs as outputs_module
from checker.audit.marker import MARKER_NAME
from checker.audit.run import AuditOptions, AuditSummary, run_audit
from checker.cli import main
from checker.options import CheckOptions
from tests.audit.corpora import TODAY, corpus_folder, fresh_copy

OUTPUT_NAMES = ("results.json", "results.csv", "audit.xlsx", "index.html")
PACK = (
    'id: mine\nversion: "1"\nextends: national\n'
    'rules:\n  - id: copy-across-bodies\n    message: "{message}"\n'
)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """A generated corpus with planted copies (made once; each test audits a copy of it)."""
    return corpus_folder(tmp_path_factory.mktemp("corpus"), 40, seed=3)


@pytest.fixture
def corpus(pristine, tmp_path) -> Path:
    return fresh_copy(pristine, tmp_path / "corpus")


def _options(pack: Path | None = None, lang: str = "zh") -> AuditOptions:
    check = CheckOptions(pack=str(pack) if pack else None, lang=lang, today=date.fromisoformat(TODAY))
    return AuditOptions(check, jobs=2, progress=False)


def _audit(corpus: Path, out: Path, pack: Path | None = None, lang: str = "zh") -> AuditSummary:
    return run_audit([str(corpus)], out, _options(pack, lang))


def _pack(folder: Path, message: str) -> Path:
    """Pack ``mine@1``: the national pack with the copy rule's message replaced."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mine.yaml").write_text(PACK.format(message=message), encoding="utf-8")
    return folder / "mine.yaml"


def _contents(out: Path) -> dict[str, bytes]:
    """Each output's bytes; the workbook's parts but its creation time (the one byte range of
    the outputs that differs between two fresh runs)."""
    contents = {name: (out / name).read_bytes() for name in OUTPUT_NAMES if name != "audit.xlsx"}
    with zipfile.ZipFile(io.BytesIO((out / "audit.xlsx").read_bytes())) as book:
        for part in sorted(book.namelist()):
            if part != "docProps/core.xml":
                contents[f"audit.xlsx:{part}"] = book.read(part)
    return contents


def _identities(out: Path) -> dict[str, tuple[int, int]]:
    """(inode, mtime) of each output: a rewritten file (written aside, renamed over) gets a new inode."""
    return {name: ((out / name).stat().st_ino, (out / name).stat().st_mtime_ns) for name in OUTPUT_NAMES}


def _same_as_fresh(
    corpus: Path, out: Path, tmp_path: Path, pack: Path | None = None, lang: str = "zh"
) -> None:
    fresh = tmp_path / "fresh"
    _audit(corpus, fresh, pack, lang)
    assert _contents(out) == _contents(fresh)


def test_a_rerun_with_nothing_new_keeps_the_copies_and_the_outputs(corpus, tmp_path):
    out = tmp_path / "out"
    first = _audit(corpus, out)
    assert first.kept == [] and first.copies > 0
    before, written = {name: (out / name).read_bytes() for name in OUTPUT_NAMES}, _identities(out)
    again = _audit(corpus, out)
    assert again.checked == 0 and again.kept == ["copies", "outputs"]
    assert (again.copies, again.duplicates, again.statuses) == (
        first.copies,
        first.duplicates,
        first.statuses,
    )
    assert {name: (out / name).read_bytes() for name in OUTPUT_NAMES} == before
    assert _identities(out) == written  # not even rewritten with the same bytes


def _change_file(corpus: Path, out: Path) -> None:
    report = sorted(corpus.glob("0*.txt"))[5]
    report.write_text(report.read_text(encoding="utf-8") + "\n附件：无。\n", encoding="utf-8")


def _delete_file(corpus: Path, out: Path) -> None:
    sorted(corpus.glob("0*.txt"))[0].unlink()  # a report the planted copies involve


def _add_copy(corpus: Path, out: Path) -> None:
    """A new file copying an old one: the pair between new and old must be found."""
    source = sorted(corpus.glob("0*.txt"))[7]
    (corpus / "zz_new.txt").write_bytes(source.read_bytes().replace(b"2", b"3", 1))


def _delete_output(corpus: Path, out: Path) -> None:
    (out / "index.html").unlink()


def _edit_output(corpus: Path, out: Path) -> None:
    data = bytearray((out / "results.csv").read_bytes())
    data[-3] ^= 1  # same size, one bit changed
    (out / "results.csv").write_bytes(bytes(data))


def _delete_marker(corpus: Path, out: Path) -> None:
    (out / MARKER_NAME).unlink()


@pytest.mark.parametrize(
    ("change", "kept"),
    [
        (_change_file, []),
        (_delete_file, []),
        (_add_copy, []),
        (_delete_output, ["copies"]),
        (_edit_output, ["copies"]),
        (_delete_marker, ["copies"]),
    ],
)
def test_a_rerun_after_a_change_redoes_what_depends_on_it(corpus, tmp_path, change, kept):
    out = tmp_path / "out"
    _audit(corpus, out)
    change(corpus, out)
    again = _audit(corpus, out)
    assert again.kept == kept
    _same_as_fresh(corpus, out, tmp_path)


def test_a_new_copy_of_an_old_report_is_found_on_the_rerun(corpus, tmp_path):
    out = tmp_path / "out"
    first = _audit(corpus, out)
    _add_copy(corpus, out)
    again = _audit(corpus, out)
    assert again.checked == 1 and again.kept == []
    assert again.copies + again.duplicates > first.copies + first.duplicates  # a twin of the old one


def test_another_pack_with_the_same_id_and_version_redoes_copies_and_outputs(corpus, tmp_path):
    out = tmp_path / "out"
    _audit(corpus, out, _pack(tmp_path / "a", "{part}部分与{other_agency}报告雷同。"))
    changed = _pack(tmp_path / "b", "{part}部分与{other_agency}{other_year}年报告重复（{similarity}）。")
    again = _audit(corpus, out, changed)
    assert again.checked == 0 and again.kept == []  # same rows (mine@1), other copy rule
    _same_as_fresh(corpus, out, tmp_path, changed)


def test_another_language_redoes_the_outputs(corpus, tmp_path):
    out = tmp_path / "out"
    _audit(corpus, out)
    again = _audit(corpus, out, lang="en")
    assert again.kept == []
    _same_as_fresh(corpus, out, tmp_path, lang="en")
    back = _audit(corpus, out)  # the zh rows are still stored, but the files are en now
    assert back.kept == ["copies"]
    _same_as_fresh(corpus, out, tmp_path / "zh")


def test_a_run_stopped_while_writing_the_outputs_leaves_nothing_the_next_one_trusts(
    corpus, tmp_path, monkeypatch
):
    out = tmp_path / "out"
    _audit(corpus, out)
    _change_file(corpus, out)
    with monkeypatch.context() as patched:  # killed after results.json, before the dashboard
        patched.setattr(outputs_module, "write_dashboard", _killed)
        with pytest.raises(KeyboardInterrupt):
            _audit(corpus, out)
    assert not (out / MARKER_NAME).exists()
    again = _audit(corpus, out)
    assert again.checked == 0 and again.kept == ["copies"]
    _same_as_fresh(corpus, out, tmp_path)


def _killed(*args: object) -> None:
    raise KeyboardInterrupt


def test_the_command_keeps_current_outputs_and_redoes_a_deleted_one(corpus, tmp_path):
    """``fzcheck audit`` judges the results (config, waivers) between copies and outputs."""
    out = tmp_path / "out"
    command = ["audit", str(corpus), "--out", str(out), "--jobs", "2", "--no-config", "--no-progress"]
    command += ["--today", TODAY]
    first = CliRunner().invoke(main, command)
    assert first.exit_code in (0, 1), first.output
    written, before = _identities(out), _contents(out)
    second = CliRunner().invoke(main, command)
    assert second.exit_code == first.exit_code
    assert second.output.splitlines()[-4:] == first.output.splitlines()[-4:]  # the outputs' paths
    assert _identities(out) == written
    (out / "audit.xlsx").unlink()
    third = CliRunner().invoke(main, command)
    assert third.exit_code == first.exit_code
    assert _contents(out) == before
