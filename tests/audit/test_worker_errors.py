"""An exception in an audit worker's per-file work (reader, copy features) becomes that file's
``internal`` error row: the worker lives on, the other files are checked, no traceback."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

from checker.audit import worker
from checker.audit.worker import WorkerConfig
from tests.conftest import FZCHECK, ROOT, SEEDS

SEED_DOCX = ROOT / "tests" / "fixtures" / "formats" / "seed0.docx"


def _docx_with_lone_surrogate(target: Path) -> Path:
    """seed 0 as a docx with ``<w:sym w:char="D800"/>`` (a lone surrogate in the text)."""
    with zipfile.ZipFile(SEED_DOCX) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "word/document.xml":
                text = data.decode("utf-8")
                start = text.index("<w:body>") + len("<w:body>")
                sym = '<w:p><w:r><w:sym w:font="SimSun" w:char="D800"/></w:r></w:p>'
                data = (text[:start] + sym + text[start:]).encode("utf-8")
            out.writestr(entry, data)
    return target


def test_an_exception_in_the_features_is_the_files_internal_row(monkeypatch):
    from checker.audit import features

    worker.init(WorkerConfig(memory_mb=0))

    def broken(*args, **kwargs):
        raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")

    monkeypatch.setattr(features, "extract", broken)
    row = worker.check_path(str(SEEDS["000"]))
    assert row["status"] == "error" and row["error_code"] == "internal"
    assert row["sha256"]  # the store can still tell when the file changes
    message = json.loads(row["result_json"])["error"]["message"]
    assert message.startswith("内部错误：UnicodeEncodeError") and "Traceback" not in message


def test_audit_of_a_docx_with_a_lone_surrogate_prints_no_traceback(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _docx_with_lone_surrogate(folder / "sym.docx")
    (folder / SEEDS["001"].name).write_bytes(SEEDS["001"].read_bytes())
    out = tmp_path / "out"
    run = subprocess.run(
        [*FZCHECK, "--lang", "en", "audit", str(folder), "--out", str(out), "--jobs", "1", "--no-progress"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Traceback" not in run.stderr, run.stderr
    rows = {Path(r["path"]).name: r for r in json.loads((out / "results.json").read_text("utf-8"))["results"]}
    assert rows[SEEDS["001"].name]["status"] == "ok"
    sym = rows["sym.docx"]
    assert sym["status"] == "ok" or sym["error"]["code"] == "internal", sym
