"""Expand command-line paths into the report files to check."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from checker.read import supported_suffixes


def collect_paths(paths: Iterable[str | Path], suffixes: tuple[str, ...] | None = None) -> list[Path]:
    """Files as given, and supported files found recursively under directories, sorted.

    Hidden files and folders (``.git``) are skipped inside directories; a file named
    explicitly is always kept, so an unsupported one is reported rather than ignored. Paths
    that are not regular files are kept too (a FIFO or device named ``*.txt`` inside a folder,
    a directory named ``x.txt`` given explicitly): the reader gives each an error row.
    """
    wanted = suffixes or supported_suffixes()
    out: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir() and path.suffix.lower() not in wanted:
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in wanted
                and not p.is_dir()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            found = [path]
        for item in found:
            if item not in seen:
                seen.add(item)
                out.append(item)
    return out
