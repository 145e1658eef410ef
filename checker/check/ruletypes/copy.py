"""copy — a part of the report repeats another report (evaluated by ``fzcheck audit``).

Copying can only be seen across reports, so a single-file check yields nothing.
``fzcheck audit`` compares every report with the others (word shingles, rare ones only)
and adds a finding when the share of a part — the whole text, the measures, the problems
or the next-year plan — also found in another report reaches ``min_similarity``:
``copy-across-bodies`` for another body's report, ``copy-previous-year`` for the same
body's earlier report. Message values: ``part``, ``other_agency``, ``other_year``,
``other_path``, ``similarity`` (e.g. "87%").
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.check.ruletypes.base import Context, Hit, described, params_schema
from checker.packs.model import Rule

PARAMS = params_schema(
    {
        "min_similarity": described(
            {"type": "number", "minimum": 0, "maximum": 1},
            "雷同比例达到此值即报出（0–1）",
            "share of shared text from which a copy is reported (0–1)",
        ),
    },
)

VALUES = ("part", "other_agency", "other_year", "other_path", "similarity")  # what its messages may name


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    """Nothing to compare against in one file."""
    return iter(())
