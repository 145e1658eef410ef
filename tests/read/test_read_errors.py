"""Every unreadable input ends in an InputError with a stable code (issue 4)."""

from __future__ import annotations

import sys

import pytest

from checker.i18n import MESSAGES
from checker.read import InputError, office_convert, read_bytes, read_path
from checker.read.tool_run import run_tool
from tests.read_support import BAD, fixture


def _code(path, **options) -> str:
    with pytest.raises(InputError) as caught:
        read_path(path, **options)
    return caught.value.code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("empty.txt", "empty"),
        ("blank.docx", "empty"),
        ("binary.txt", "binary"),
        ("truncated.docx", "corrupt"),
        ("notazip.docx", "corrupt"),
        ("bomb.docx", "zip-bomb"),
        ("encrypted.docx", "encrypted"),
        ("encrypted.pdf", "encrypted"),
        ("truncated.pdf", "corrupt"),
        ("scanned.pdf", "needs-ocr"),
        ("unknown.xyz", "unsupported"),
    ],
)
def test_bad_input_gives_its_code(name, code):
    assert _code(BAD / name) == code


@pytest.mark.parametrize("code", ["corrupt", "zip-bomb", "encrypted", "needs-ocr", "timeout",
                                  "needs-libreoffice", "too-large", "unsupported"])  # fmt: skip
def test_every_code_has_a_message(code):
    assert {"zh", "en"} <= set(MESSAGES[f"error.{code}"])


def test_bomb_is_refused_before_inflating(monkeypatch):
    import zipfile

    def no_reading(*args, **kwargs):
        raise AssertionError("the bomb was opened")

    monkeypatch.setattr(zipfile.ZipFile, "read", no_reading)
    monkeypatch.setattr(zipfile.ZipFile, "open", no_reading)
    assert _code(BAD / "bomb.docx") == "zip-bomb"
    assert (BAD / "bomb.docx").stat().st_size < 100_000


def test_too_many_zip_entries_is_a_bomb(monkeypatch):
    from checker.read import container

    monkeypatch.setattr(container, "MAX_ZIP_ENTRIES", 5)
    assert _code(fixture("seed0.docx")) == "zip-bomb"


def test_over_size_file_is_refused():
    assert _code(fixture("seed0.docx"), max_bytes=1000) == "too-large"
    with pytest.raises(InputError) as caught:
        read_bytes(b"x" * 2000, ".txt", max_bytes=1000)
    assert caught.value.code == "too-large"


def test_missing_file_is_not_found(tmp_path):
    assert _code(tmp_path / "absent.docx") == "not-found"


def test_doc_without_antiword_or_libreoffice_needs_libreoffice(monkeypatch):
    monkeypatch.setattr(office_convert, "antiword_path", lambda: None)
    monkeypatch.setattr(office_convert, "soffice_path", lambda: None)
    assert _code(fixture("seed0.doc")) == "needs-libreoffice"
    assert _code(fixture("seed4.wps")) == "needs-libreoffice"


def test_renamed_files_are_read_by_content(tmp_path):
    docx_as_doc = tmp_path / "report.doc"
    docx_as_doc.write_bytes(fixture("seed2.docx").read_bytes())
    assert read_path(docx_as_doc).format == "docx"
    html_as_doc = tmp_path / "page.doc"
    html_as_doc.write_bytes(fixture("seed2.html").read_bytes())
    assert read_path(html_as_doc).format == "html"


def test_encrypted_ooxml_under_doc_name(tmp_path):
    renamed = tmp_path / "secret.doc"
    renamed.write_bytes((BAD / "encrypted.docx").read_bytes())
    assert _code(renamed) == "encrypted"


def test_tool_timeout_is_reported_and_the_process_killed():
    command = [sys.executable, "-c", "import sys; sys.stdin = None; [0 for _ in iter(int, 1)]"]
    with pytest.raises(InputError) as caught:
        run_tool(command, timeout=0.3)
    assert caught.value.code == "timeout"
    assert caught.value.details == {"seconds": "0.3"}
