"""Bundled YAML data files remembered as JSON: the same values from the cache as from the YAML."""

from __future__ import annotations

from checker.packs import catalogue
from checker.packs.bundled import rules_dir
from checker.packs.data_cache import load_data


def test_cached_data_equals_a_fresh_parse_and_follows_edits(tmp_path, monkeypatch):
    monkeypatch.delenv("FZCHECK_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    source = tmp_path / "laws.yaml"
    source.write_bytes((rules_dir() / "data" / "laws.yaml").read_bytes())
    fresh = load_data(source)
    assert list((tmp_path / "cache" / "fzcheck" / "data").glob("*.json"))
    assert load_data(source) == fresh  # from the cache
    first = fresh["laws"][0]
    assert isinstance(first["in_force"], str)  # dates as ISO text, from either path
    source.write_text(source.read_text(encoding="utf-8").replace(first["title"], "某某条例", 1), "utf-8")
    assert load_data(source)["laws"][0]["title"] == "某某条例"  # an edit is a new key


def test_catalogue_dates_are_dates_with_and_without_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("FZCHECK_NO_CACHE", "1")
    catalogue._data.cache_clear()
    catalogue.laws.cache_clear()
    without = catalogue.laws()
    monkeypatch.delenv("FZCHECK_NO_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    for _ in range(2):  # write the cache, then read it
        catalogue._data.cache_clear()
        catalogue.laws.cache_clear()
        assert catalogue.laws() == without
    assert all(law.in_force.year > 1900 for law in without)
    catalogue._data.cache_clear()
    catalogue.laws.cache_clear()


def test_numbers_the_cache_reader_cannot_hold_are_parsed_every_time(tmp_path, monkeypatch):
    """The cache is read with msgspec; a value it would read differently is never written."""
    monkeypatch.delenv("FZCHECK_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    source = tmp_path / "numbers.yaml"
    source.write_text("big: 123456789012345678901234567890\nsmall: 7\nratio: 0.1\n", "utf-8")
    fresh = load_data(source)
    assert fresh == {"big": 123456789012345678901234567890, "small": 7, "ratio": 0.1}
    assert load_data(source) == fresh
    source.write_text("small: 7\nratio: 0.1\nwhen: 2024-01-08\n", "utf-8")
    plain = load_data(source)
    assert list((tmp_path / "cache" / "fzcheck" / "data").glob("*.json"))  # this one is kept
    assert load_data(source) == plain == {"small": 7, "ratio": 0.1, "when": "2024-01-08"}
