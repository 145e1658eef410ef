"""Use fzcheck from Python: check files or text, read scores and findings.

Run from the repository root: ``python examples/api_usage.py``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import checker
from checker.packs.pack import load_pack

REPORT = Path("reports/000_ff357cf36fec75c2.txt")


def main() -> None:
    # One file with the national pack; unreadable files give status="error", never raise.
    result = checker.check_file(REPORT, today=dt.date(2026, 1, 1))
    print(result.path, result.score, result.grade, "passed" if result.passed else "failed")
    for element in result.elements:
        print(f"  {element.name}: {element.status}")

    # A text, with another pack (by name, by path, or a loaded Pack) and English messages.
    text = REPORT.read_text(encoding="utf-8").replace("2025年1月23日", "2025年3月15日")
    late = checker.check_text(text, pack=load_pack("province-example"), lang="en", today=dt.date(2026, 1, 1))
    for finding in late.findings:
        print(f"  [{finding.severity}] line {finding.line}: {finding.message} ({finding.rule})")

    # Several files at once, in order.
    for other in checker.check_files(sorted(Path("reports").glob("*.txt")), pack="veterans"):
        print(other.path, other.score, len(other.findings))


if __name__ == "__main__":
    main()
