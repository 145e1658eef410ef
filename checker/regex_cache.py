"""Compiled regular expressions remembered between runs.

Python's ``re`` compiles a character class such as ``[\\u4e00-\\u9fff]`` by visiting every code
point of its ranges in Python code: 1–7 ms for each of the checker's Han-range patterns, about
80 ms of a single ``fzcheck check``. The compiled program (a list of integers) depends only on
the pattern, the flags and the interpreter, so it is kept in the user's cache
(``~/.cache/fzcheck/regex/<interpreter>.marshal``, off with ``FZCHECK_NO_CACHE=1``) and handed
straight to the regex engine (``_sre.compile``) next time. The engine validates a program
before it accepts it; anything unexpected falls back to ``re.compile``, so a damaged cache
costs time, never a wrong match.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from checker.digests import sha256_hex
from checker.user_cache import MarshalFile, cache_root

try:  # CPython 3.11+: the parts of re that turn a pattern into its program
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another interpreter: plain re.compile
    _sre = None

MAX_ENTRIES = 4096  # a user's own packs add patterns; the file stays small (~2 KB a pattern)

_live: dict[tuple[str, int], re.Pattern[str]] = {}  # this process's patterns, by (pattern, flags)
_PROGRAMS = MarshalFile(lambda: cache_file())  # remembered programs by (pattern, flags), loaded once


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the cache of compiled programs when it holds it."""
    key = (pattern, int(flags))
    compiled = _live.get(key)
    if compiled is not None:
        return compiled
    if _sre is None or not isinstance(pattern, str):
        compiled = re.compile(pattern, flags)
    else:
        compiled = _from_cache(key) or _compile_and_remember(key)
    if len(_live) >= MAX_ENTRIES:  # bounded as re's own cache is (patterns made from config)
        _live.clear()
    _live[key] = compiled
    return compiled


def _from_cache(key: tuple[str, int]) -> re.Pattern[str] | None:
    programs = _PROGRAMS.entries()
    program = programs.get(key)
    if program is None:
        return None
    try:
        return _sre.compile(key[0], *program)
    except Exception:  # not a program this engine accepts: compile it afresh
        programs.pop(key, None)
        return None


def _compile_and_remember(key: tuple[str, int]) -> re.Pattern[str]:
    """Compile as ``re._compiler.compile`` does, keeping the program for the next run."""
    pattern, flags = key
    try:
        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        program = (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        compiled = _sre.compile(pattern, *program)
    except re.error:
        raise
    except Exception:  # the internals moved in this interpreter: the public way
        return re.compile(pattern, flags)
    programs = _PROGRAMS.entries()
    if len(programs) < MAX_ENTRIES:
        programs[key] = program
        _PROGRAMS.added()
    return compiled


def cache_file() -> Path | None:
    """This interpreter's file of programs (None when caching is off)."""
    root = cache_root()
    if root is None or _sre is None:
        return None
    tag = sha256_hex(f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}".encode())[:16]
    return root / "regex" / f"{sys.implementation.cache_tag}-{tag}.marshal"


def remembered(pattern: str, flags: int) -> tuple[Any, ...] | None:
    """The program ``pattern`` compiled to with ``flags``, if this cache holds it."""
    return _PROGRAMS.entries().get((pattern, flags))
