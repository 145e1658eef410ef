"""Where the bundled rule packs (and their data files) live."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)  # where the package is does not change while it runs; checked once
def rules_dir() -> Path:
    """Bundled packs: ``checker/rules`` in a wheel, the repository's ``rules/`` in a checkout."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "rules", package.parent / "rules"):
        if (candidate / "schema.json").is_file():
            return candidate
    raise FileNotFoundError("bundled rule packs not found next to the checker package")


def bundled_packs() -> list[str]:
    return sorted(p.stem for p in rules_dir().glob("*.yaml"))
