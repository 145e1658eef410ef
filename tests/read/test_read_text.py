"""Plain-text decoding: every encoding reports arrive in, tested on real seed text."""

from __future__ import annotations

import codecs

import opencc
import pytest

from checker.read import InputError, read_bytes
from checker.read.text import decode_bytes, read_text_bytes
from tests.conftest import seed_text


@pytest.mark.parametrize(
    ("encode", "expected"),
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
        (lambda t: t.encode("utf-16"), "utf-16"),
        (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16"),
        (lambda t: t.encode("utf-16-le"), "utf-16-le"),
        (lambda t: t.encode("utf-16-be"), "utf-16-be"),
        (lambda t: t.encode("gbk"), "gb18030"),
        (lambda t: t.encode("gb18030"), "gb18030"),
    ],
)
@pytest.mark.parametrize("key", ["000", "002", "004"])
def test_seed_round_trips(encode, expected, key):
    text = seed_text(key)
    decoded, encoding = decode_bytes(encode(text))
    assert (decoded, encoding) == (text, expected)


@pytest.mark.parametrize("key", ["000", "001", "003"])
def test_big5_traditional_seed_is_not_mistaken_for_gbk(key):
    traditional = opencc.OpenCC("s2tw.json").convert(seed_text(key))
    decoded, encoding = decode_bytes(traditional.encode("big5", errors="replace"))
    assert encoding == "big5"
    assert decoded == traditional.encode("big5", errors="replace").decode("big5")


def test_short_gbk_snippet_decodes():
    assert decode_bytes("法治政府建设报告".encode("gbk")) == ("法治政府建设报告", "gb18030")


@pytest.mark.parametrize(("newline"), ["\r\n", "\r"])
def test_newlines_are_normalised(newline):
    text = seed_text("001")
    source = read_text_bytes(text.replace("\n", newline).encode("gb18030"))
    assert source.text == text


def test_control_bytes_are_binary():
    with pytest.raises(InputError) as caught:
        decode_bytes(bytes(range(1, 32)) * 40)
    assert caught.value.code == "binary"


def test_latin1_mojibake_is_repaired(tmp_path):
    """UTF-8 text once opened as Latin-1 and saved again reads as the original report."""
    from checker.api import check_file
    from tests.conftest import SEEDS, TODAY

    original = SEEDS["003"].read_text(encoding="utf-8")
    garbled = original.encode("utf-8").decode("latin-1").encode("utf-8")
    path = tmp_path / "garbled.txt"
    path.write_bytes(garbled)
    source = read_bytes(garbled, ".txt")
    assert source.text == original and "mojibake" in source.encoding
    assert check_file(path, today=TODAY).score == check_file(SEEDS["003"], today=TODAY).score


def test_ordinary_latin_text_is_left_alone():
    text = "Café déjà vu — naïve façade. " * 40
    assert read_text_bytes(text.encode("utf-8")).text == text


def test_only_c0_controls_other_than_whitespace_count_as_binary():
    """Tab, newlines, form feed and the DOS end-of-file mark are text; other C0 controls are not."""
    body = "法治政府建设年度报告。" * 20
    for code in range(0x20):
        char = chr(code)
        data = (body + char * 40 + body).encode("utf-8")  # inside: NULs at the end are padding
        if char in "\t\n\r\f\x1a":
            assert read_text_bytes(data).text.startswith(body)
        else:
            with pytest.raises(InputError) as caught:
                read_text_bytes(data)
            assert caught.value.code == "binary", hex(code)
