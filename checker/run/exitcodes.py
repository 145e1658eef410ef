"""Process exit codes, shared by every sub-command (documented in README)."""

from __future__ import annotations

from collections.abc import Iterable

from checker.model import Result

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def exit_code(results: Iterable[Result]) -> int:
    """2 if any input was unreadable, else 1 if any report failed, else 0."""
    results = list(results)
    if any(r.status == "error" for r in results):
        return EXIT_USAGE
    if any(not r.passed for r in results):
        return EXIT_FAILED
    return EXIT_OK
