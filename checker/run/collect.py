"""Expand command-line paths into the report files to check."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from checker.read import supported_suffixes


def collect_paths(paths: Iterable[str | Path], suffixes: tuple[str, ...] | None = None) -> list[Path]:
    """Files as given, and supported files found recursively under directories, sorted.

    Hidden files and folders (``.git``) are skipped inside directories; a file named
    explicitly is always kept, so an unsupported one is reported rather than ignored.
    """
    wanted = suffixes or supported_suffixes()
    out: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in wanted
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            found = [path]
        for item in found:
            if item not in seen:
                seen.add(item)
                out.append(item)
    return out
