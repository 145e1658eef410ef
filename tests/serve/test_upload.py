"""Pieces of request handling that need no server: names, sizes, the JSON body."""

from __future__ import annotations

import pytest

from checker.serve.problems import Problem, human_size
from checker.serve.settings import ServeSettings, parse_size
from checker.serve.upload import parse_json, safe_label, suffix_of


def test_a_client_file_name_is_reduced_to_a_label():
    assert safe_label("../../etc/passwd") == "passwd"
    assert safe_label("C:\\Users\\张三\\报告.DOCX") == "报告.DOCX"
    assert safe_label("a\x00b\x1f.txt") == "ab.txt"
    assert safe_label("") == safe_label(None) == "upload"
    assert len(safe_label("长" * 500 + ".docx")) == 120 and safe_label("长" * 500 + ".docx").endswith(".docx")
    assert (
        suffix_of("报告.DOCX") == ".docx" and suffix_of("no-suffix") == "" and suffix_of("a.tar.gz") == ".gz"
    )


def test_sizes_read_and_written_the_way_users_write_them():
    assert parse_size("20MB") == 20 * 1024 * 1024 == parse_size("20m")
    assert parse_size("512KB") == 512 * 1024 and parse_size("1.5G") == 1536 * 1024 * 1024
    assert parse_size("1000") == 1000
    for bad in ("", "MB", "-1MB", "0", "20 parsecs"):
        with pytest.raises(ValueError):
            parse_size(bad)
    assert human_size(20 * 1024 * 1024) == "20MB" and human_size(1536) == "1536B"


def test_json_body_must_be_an_object_with_text():
    assert parse_json('{"text": "法治", "lang": "en"}'.encode()).lang == "en"
    for body, code in ((b"[]", "bad-json"), (b'"x"', "bad-json"), (b"{", "bad-json"), (b"{}", "no-input")):
        with pytest.raises(Problem) as info:
            parse_json(body)
        assert info.value.status == 400 and info.value.code == code
    with pytest.raises(Problem):
        parse_json(b'{"text": "x", "pack": 3}')


def test_settings_from_the_environment_for_an_office_server():
    settings = ServeSettings.from_env(
        {"FZCHECK_MAX_UPLOAD": "5MB", "FZCHECK_WORKERS": "3", "FZCHECK_LANG": "en"}
    )
    assert settings.max_upload == 5 * 1024 * 1024 and settings.jobs == 3 and settings.lang == "en"
    assert ServeSettings.from_env({}) == ServeSettings()


def test_the_app_object_for_an_office_server_is_importable():
    from starlette.applications import Starlette

    import checker.serve

    app = checker.serve.app  # built from the environment on first use, pool not started yet
    assert isinstance(app, Starlette) and checker.serve.app is app
    paths = {route.path for route in app.routes}
    assert {"/", "/api/check", "/api/annotate", "/api/packs", "/openapi.json", "/docs"} <= paths
