"""Process exit codes, shared by every sub-command (documented in README)."""

from __future__ import annotations

from collections.abc import Iterable

from checker.model import Result

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def exit_code_of(result: Result) -> int:
    """2 for an unreadable input, 1 for a report that failed, else 0."""
    if result.status == "error":
        return EXIT_USAGE
    return EXIT_OK if result.passed else EXIT_FAILED


def exit_code(results: Iterable[Result]) -> int:
    """2 if any input was unreadable, else 1 if any report failed, else 0: the worst of
    :func:`exit_code_of`."""
    return max(map(exit_code_of, results), default=EXIT_OK)
