"""The loaded-pack cache: a remembered pack equals a fresh load, and any edit is seen at once."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest

from checker.packs import cache, pack
from checker.packs.pack import load_pack
from checker.packs.yamlsrc import ConfigError

CHILD = "id: child\nversion: '1'\nextends: {parent}\nrules:\n  - id: title-present\n    message: 标题{mark}\n"


@pytest.fixture
def cache_home(tmp_path, monkeypatch) -> Path:
    monkeypatch.delenv("FZCHECK_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    pack._load_cached.cache_clear()
    yield tmp_path / "cache" / "fzcheck" / "packs"
    pack._load_cached.cache_clear()


def _fresh(name_or_path) -> pack.Pack:
    """Load again as a new process would: nothing remembered in memory."""
    pack._load_cached.cache_clear()
    return load_pack(name_or_path)


def test_a_remembered_pack_equals_a_fresh_load(cache_home, monkeypatch):
    first = _fresh("national")
    assert len(list(cache_home.glob("*.json"))) == 1
    loaded = []
    monkeypatch.setattr(pack, "_load_raw", lambda *a: loaded.append(a) or pytest.fail("YAML parsed again"))
    second = _fresh("national")
    assert second == first and not loaded
    assert second.rules and all(rule.source.rpartition(":")[2].isdigit() for rule in second.rules)


def test_an_edit_to_any_file_of_the_extends_chain_is_seen(cache_home, tmp_path):
    parent = tmp_path / "parent.yaml"
    parent.write_text(pack._resolve_path("national", None).read_text(encoding="utf-8"), encoding="utf-8")
    child = tmp_path / "child.yaml"
    child.write_text(CHILD.format(parent="parent.yaml", mark="一"), encoding="utf-8")
    assert _fresh(child).rules[0].message == "标题一"
    child.write_text(CHILD.format(parent="parent.yaml", mark="二"), encoding="utf-8")
    assert _fresh(child).rules[0].message == "标题二"
    assert _fresh(child).name.startswith("全国通用规则包")  # a child without a name takes its parent's
    original = parent.read_text(encoding="utf-8")
    text = original.replace("name: 全国通用规则包（法治政府建设年度报告）", "name: 改过的父包", 1)
    assert "改过的父包" in text
    parent.write_text(text, encoding="utf-8")
    assert _fresh(child).name == "改过的父包" and _fresh(parent).name == "改过的父包"


def test_a_broken_pack_is_never_remembered_and_keeps_its_line(cache_home, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text(CHILD.format(parent="national", mark="一") + "    severity: fatal\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ConfigError) as caught:
            _fresh(broken)
        assert caught.value.line == 7 and "severity" in caught.value.field
    assert not list(cache_home.glob("*.json"))


def test_no_cache_setting_writes_nothing(cache_home, monkeypatch):
    monkeypatch.setenv("FZCHECK_NO_CACHE", "1")
    _fresh("national")
    assert not cache_home.exists()


def test_data_that_json_cannot_keep_is_loaded_every_time(cache_home, tmp_path):
    source = tmp_path / "x.yaml"
    source.write_text("id: x\n", encoding="utf-8")
    os.utime(source, (1_600_000_000, 1_600_000_000))  # settled: only the data decides
    now = time.time_ns()
    sources = (str(source),)
    cache.remember(str(source), {}, {"id": "x", "version": "1"}, sources, now)
    assert len(list(cache_home.glob("*.json"))) == 1  # plain data is kept: the rest are refused
    for entry in cache_home.glob("*.json"):
        entry.unlink()
    data = {"id": "x", "version": dt.date(2025, 1, 1), "rules": []}
    cache.remember(str(source), {}, data, sources, now)
    cache.remember(str(source), {}, {"pairs": (1, 2)}, sources, now)
    for beyond in ({"n": float("inf")}, {1: "a key that is not text"}):
        cache.remember(str(source), {}, beyond, sources, now)  # msgspec could not read it back
    assert not list(cache_home.glob("*.json"))


def test_in_one_process_an_edited_pack_or_a_repointed_link_is_loaded_again(cache_home, tmp_path):
    import os

    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text(CHILD.format(parent="national", mark="一"), encoding="utf-8")
    second.write_text(CHILD.format(parent="national", mark="二"), encoding="utf-8")
    link = tmp_path / "current.yaml"
    link.symlink_to(first)

    def message(path) -> str:
        return next(r for r in load_pack(path).rules if r.id == "title-present").message

    assert message(link) == "标题一"
    assert load_pack(link) is load_pack(link)  # unchanged: the loaded pack is reused
    first.write_text(CHILD.format(parent="national", mark="三"), encoding="utf-8")
    os.utime(first, (1_700_000_000, 1_700_000_000))  # a new modification time, whatever the clock
    assert message(link) == "标题三"
    link.unlink()
    link.symlink_to(second)
    os.utime(second, (1_700_000_000, 1_700_000_000))  # the same time as the first: another file
    assert message(link) == "标题二"


def test_a_pack_edited_while_it_loads_is_not_remembered_with_the_old_rules(cache_home, tmp_path, monkeypatch):
    """An editor saving the pack while a run loads it: the digests taken after the load name the
    new file, so remembering the rules read before would serve them for every later run."""
    parent = tmp_path / "parent.yaml"
    parent.write_text(pack._resolve_path("national", None).read_text(encoding="utf-8"), encoding="utf-8")
    child = tmp_path / "child.yaml"
    child.write_text(CHILD.format(parent="parent.yaml", mark="一"), encoding="utf-8")
    loaded_once = pack._load_raw

    def saved_during_the_load(*args):
        loaded = loaded_once(*args)
        child.write_text(CHILD.format(parent="parent.yaml", mark="二"), encoding="utf-8")
        return loaded

    monkeypatch.setattr(pack, "_load_raw", saved_during_the_load)
    assert _fresh(child).rules[0].message == "标题一"  # what was read before the save
    monkeypatch.setattr(pack, "_load_raw", loaded_once)
    assert _fresh(child).rules[0].message == "标题二"


def test_a_pack_settled_on_disk_is_remembered(cache_home, tmp_path):
    child = tmp_path / "child.yaml"
    child.write_text(CHILD.format(parent="national", mark="一"), encoding="utf-8")
    long_ago = 1_600_000_000
    os.utime(child, (long_ago, long_ago))
    assert _fresh(child).rules[0].message == "标题一"
    assert len(list(cache_home.glob("*.json"))) == 1
