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

import atexit
import marshal
import re
import sys
from pathlib import Path
from typing import Any

from checker.digests import sha256_hex
from checker.user_cache import cache_root, remember_file

try:  # CPython 3.11+: the parts of re that turn a pattern into its program
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another interpreter: plain re.compile
    _sre = None

MAX_ENTRIES = 4096  # a user's own packs add patterns; the file stays small (~2 KB a pattern)

_live: dict[tuple[str, int], re.Pattern[str]] = {}  # this process's patterns, by (pattern, flags)
_programs: dict[tuple[str, int], tuple[Any, ...]] = {}  # remembered programs, loaded once
_state = {"loaded": False, "added": 0}


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
    if not _state["loaded"]:
        _load()
    program = _programs.get(key)
    if program is None:
        return None
    try:
        return _sre.compile(key[0], *program)
    except Exception:  # not a program this engine accepts: compile it afresh
        _programs.pop(key, None)
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
    if len(_programs) < MAX_ENTRIES:
        _programs[key] = program
        _state["added"] += 1
    return compiled


def cache_file() -> Path | None:
    """This interpreter's file of programs (None when caching is off)."""
    root = cache_root()
    if root is None or _sre is None:
        return None
    tag = sha256_hex(f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}".encode())[:16]
    return root / "regex" / f"{sys.implementation.cache_tag}-{tag}.marshal"


def _load() -> None:
    _state["loaded"] = True
    path = cache_file()
    if path is None:
        return
    try:
        programs = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return
    if isinstance(programs, dict):
        _programs.update(programs)


@atexit.register
def save() -> None:
    """Write the programs back when this run compiled new ones."""
    if not _state["added"]:
        return
    path = cache_file()
    if path is not None:
        remember_file(path, marshal.dumps(_programs))
        _state["added"] = 0
