"""Regenerate the README's generated blocks from the code: the rule table, the seed table and
the example output. ``--check`` exits 1 when the README is out of date (a test runs it)."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from click.testing import CliRunner

from checker.api import check_file
from checker.cli import main as cli
from checker.packs.pack import load_pack
from checker.packs.ruledoc import rules_markdown

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
TODAY = "2026-11-23"  # fixed so the README shows reproducible output
MARKS = {"present": "✓", "weak": "△", "missing": "✗"}


def seed_table() -> str:
    pack = load_pack()
    names = [e.name for e in pack.elements]
    lines = ["| seed | score | " + " | ".join(names) + " |", "|---|---|" + "---|" * len(names)]
    for path in sorted((ROOT / "reports").glob("*.txt")):
        result = check_file(path, today=dt.date.fromisoformat(TODAY))
        cells = []
        for element in result.elements:
            rules = sorted(
                {f.rule for f in result.findings if f.element == element.id and f.severity != "info"}
            )
            note = f" {', '.join(rules)}" if element.status == "weak" and rules else ""
            cells.append(MARKS[element.status] + note)
        label = f"{path.name[:3]} {result.meta.agency} {result.meta.year}"
        lines.append(f"| {label} | {result.score} {result.grade} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def example_output() -> str:
    run = CliRunner().invoke(cli, ["check", "--today", TODAY, "reports/003_b4af584f926d2a40.txt"])
    text = run.stdout
    return "```text\n" + text[: text.rindex("\n共")].rstrip() + "\n```\n"


BLOCKS = {
    "rules-table": lambda: rules_markdown(load_pack()),
    "seed-table": seed_table,
    "example-003": example_output,
}


def render(readme: str) -> str:
    for name, build in BLOCKS.items():
        pattern = re.compile(rf"(<!-- BEGIN {name} -->\n).*?(<!-- END {name} -->)", re.S)
        if not pattern.search(readme):
            raise SystemExit(f"README has no block {name}")
        readme = pattern.sub(lambda m: m.group(1) + build() + m.group(2), readme)  # noqa: B023
    return readme


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the README is out of date")
    args = parser.parse_args()
    import os

    os.chdir(ROOT)
    current = README.read_text(encoding="utf-8")
    fresh = render(current)
    if args.check:
        if fresh != current:
            print("README.md is out of date: run python scripts/update_readme.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
