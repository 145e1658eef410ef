"""Paths as config files and CI tools see them: relative, forward slashes, glob matching.

Globs follow the gitignore-like convention users expect: ``*`` and ``?`` stay inside one
folder, ``**`` crosses folders (``reports/**/*.txt``), and a pattern without a slash
matches the file name in any folder (``*.docx``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import checker.regex_cache as regex_cache


def relative_posix(path: str | Path, base: str | Path | None = None) -> str:
    """``path`` relative to ``base`` (default: the working directory), with ``/``.

    Paths outside ``base`` stay absolute, so they are never confused with inside ones. (On POSIX
    by string operations on the normalised paths: an audit asks this twice per file.)
    """
    absolute = os.path.abspath(path)
    root = os.path.abspath(base if base is not None else os.getcwd())
    if os.sep != "/" or absolute.startswith("//") or root.startswith("//"):
        # Windows (case-insensitive, backslashes) and POSIX's implementation-defined // root
        try:
            return Path(absolute).relative_to(root).as_posix()
        except ValueError:
            return Path(absolute).as_posix()
    if absolute == root:
        return "."
    inside = root if root.endswith("/") else root + "/"
    return absolute[len(inside) :] if absolute.startswith(inside) else absolute


@lru_cache(maxsize=256)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    pattern = pattern.strip().removeprefix("./")
    if "/" not in pattern.rstrip("/"):
        pattern = "**/" + pattern
    if pattern.endswith("/"):
        pattern += "**"
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out += "(?:.*/)?"
            i += 3
        elif pattern.startswith("**", i):
            out += ".*"
            i += 2
        elif pattern[i] == "*":
            out += "[^/]*"
            i += 1
        elif pattern[i] == "?":
            out += "[^/]"
            i += 1
        else:
            out += re.escape(pattern[i])
            i += 1
    return regex_cache.compile(out + r"\Z")


def glob_match(relative: str, patterns: Iterable[str]) -> bool:
    """Whether the ``/``-separated relative path matches any of ``patterns``."""
    return any(_glob_regex(p).match(relative) for p in patterns)


def expand_globs(base: Path, patterns: Iterable[str]) -> list[Path]:
    """Files under ``base`` matching ``patterns``, sorted, hidden folders skipped."""
    found: list[Path] = []
    for path in sorted(base.rglob("*")):
        relative = path.relative_to(base)
        if any(part.startswith(".") for part in relative.parts[:-1]):
            continue
        if path.is_file() and glob_match(relative.as_posix(), patterns):
            found.append(path)
    return found
