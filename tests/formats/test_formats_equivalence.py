"""The same report gives the same verdict whatever format it arrives in (issue 4)."""

from __future__ import annotations

import pytest

from checker.api import check_file, check_files
from checker.read import read_path
from tests.conftest import SEEDS, TODAY, seed_text
from tests.read_support import BAD, FORMATS, require_tool

TOOL_FORMATS = {".doc": ("antiword", "soffice"), ".wps": ("soffice",)}
KNOWN_DIFFERENCES: dict[str, str] = {}


def _cases():
    for key in sorted(SEEDS):
        for path in sorted(FORMATS.glob(f"seed{int(key)}.*")):
            marks = []
            if path.name in KNOWN_DIFFERENCES:
                marks.append(pytest.mark.xfail(reason=KNOWN_DIFFERENCES[path.name], strict=True))
            yield pytest.param(key, path, id=path.name, marks=marks)


def _baseline(key: str, path, tmp_path):
    """The .txt seed; for a page whose title the reader added, the seed with that title."""
    source = read_path(path)
    text = seed_text(key)
    title = source.meta.get("title")
    if title and source.text.split("\n")[0] == title and title not in "".join(text.split()):
        text = f"{title}\n{text}"
    baseline = tmp_path / f"{key}.txt"
    baseline.write_text(text, encoding="utf-8")
    return check_file(baseline, today=TODAY)


@pytest.mark.parametrize(("key", "path"), list(_cases()))
def test_format_gives_the_same_element_statuses_and_score(key, path, tmp_path):
    if path.suffix in TOOL_FORMATS:
        require_tool(*TOOL_FORMATS[path.suffix])
    expected = _baseline(key, path, tmp_path)
    result = check_file(path, today=TODAY)
    assert result.status == "ok", result.error
    statuses = {e.id: e.status for e in expected.elements}
    # a web copy whose page states the date its text lacks: the date is weak, not missing, and
    # the score gains back part of the date's weight (tests/rules/test_page_date.py)
    page_date = bool(read_path(path).meta.get("成文日期")) and statuses.get("date") == "missing"
    if page_date:
        statuses["date"] = "weak"
    assert {e.id: e.status for e in result.elements} == statuses
    if page_date:
        date_weight = next(e.weight for e in expected.elements if e.id == "date")
        assert expected.score < result.score <= expected.score + date_weight
        return
    assert abs(result.score - expected.score) <= 3


def test_batch_with_bad_inputs_gives_one_result_per_path():
    bad = {
        BAD / "empty.txt": "empty",
        BAD / "binary.txt": "binary",
        BAD / "truncated.docx": "corrupt",
        BAD / "bomb.docx": "zip-bomb",
        BAD / "encrypted.docx": "encrypted",
        BAD / "encrypted.pdf": "encrypted",
        BAD / "scanned.pdf": "needs-ocr",
        BAD / "unknown.xyz": "unsupported",
        BAD / "absent.docx": "not-found",
    }
    good = [FORMATS / "seed0.docx", FORMATS / "seed1.html", FORMATS / "seed0.pdf"]
    paths = [good[0], *list(bad)[:5], good[1], *list(bad)[5:], good[2]]
    results = check_files(paths, today=TODAY)
    assert [r.path for r in results] == [str(p) for p in paths]
    for path, result in zip(paths, results, strict=True):
        if path in bad:
            assert result.status == "error", path
            assert result.error.code == bad[path], path
        else:
            assert result.status == "ok", (path, result.error)


def test_over_size_file_is_an_error_result():
    result = check_file(FORMATS / "seed0.docx", max_bytes=1000)
    assert result.status == "error" and result.error.code == "too-large"
