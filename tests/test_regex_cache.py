"""The compiled-regex cache: same patterns, same results, whatever state the cache file is in."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys

from checker import regex_cache
from tests.conftest import ROOT

CHECK = [sys.executable, "-m", "checker", "check", "--format", "json", "--today", "2026-11-01", "reports/"]


def _check(cache_home, *, no_cache: bool = False) -> bytes:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    env.pop("FZCHECK_NO_CACHE", None)
    if no_cache:
        env["FZCHECK_NO_CACHE"] = "1"
    completed = subprocess.run(CHECK, cwd=ROOT, capture_output=True, env=env, timeout=120)
    assert completed.returncode == 0, completed.stderr.decode("utf-8", "replace")
    return completed.stdout


def _cache_files(cache_home) -> list:
    """The compiled programs' file (beside it: checker.regex_firstchars' info blocks)."""
    found = (cache_home / "fzcheck" / "regex").glob("*.marshal")
    return sorted(path for path in found if "-first" not in path.stem)


def test_a_run_from_the_cache_gives_the_output_of_a_run_without_it(tmp_path):
    uncached = _check(tmp_path / "none", no_cache=True)
    assert _cache_files(tmp_path / "none") == []  # FZCHECK_NO_CACHE writes nothing
    first = _check(tmp_path / "home")  # compiles and writes the programs
    files = _cache_files(tmp_path / "home")
    assert len(files) == 1
    programs = marshal.loads(files[0].read_bytes())
    assert len(programs) > 50  # the module and pack patterns of one check
    assert len(list((tmp_path / "home" / "fzcheck" / "regex").glob("*-first*.marshal"))) == 1
    second = _check(tmp_path / "home")  # reads them back
    assert uncached == first == second


def test_every_remembered_program_is_the_one_re_compiles(tmp_path):
    _check(tmp_path)
    programs = marshal.loads(_cache_files(tmp_path)[0].read_bytes())
    for (pattern, flags), program in programs.items():
        rebuilt = regex_cache._sre.compile(pattern, *program)
        assert rebuilt == re.compile(pattern, flags), pattern  # Pattern equality compares the code


def test_a_damaged_cache_file_costs_time_not_results(tmp_path):
    expected = _check(tmp_path / "none", no_cache=True)
    _check(tmp_path)
    target = _cache_files(tmp_path)[0]
    target.write_bytes(b"\x00not marshal at all")
    assert _check(tmp_path) == expected
    programs = marshal.loads(target.read_bytes())  # rewritten whole
    # programs the engine refuses (their code cut short): each pattern is compiled afresh
    wrecked = {key: (program[0], program[1][:3], *program[2:]) for key, program in programs.items()}
    target.write_bytes(marshal.dumps(wrecked))
    assert _check(tmp_path) == expected


def test_compile_in_process_matches_re_and_reuses_the_pattern():
    pattern = r"(?P<year>20\d{2})年[\u4e00-\u9fff]{2,}"
    compiled = regex_cache.compile(pattern)
    assert compiled == re.compile(pattern)
    assert compiled is regex_cache.compile(pattern)
    assert compiled.search("在2024年法治政府").group("year") == "2024"
    assert regex_cache.compile(r"abc", re.IGNORECASE).search("xABCx")
    try:
        regex_cache.compile(r"(unclosed")
    except re.error:
        pass
    else:  # pragma: no cover
        raise AssertionError("a bad pattern must raise re.error as re.compile does")
