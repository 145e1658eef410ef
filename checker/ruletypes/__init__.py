"""The registry of rule types: name → module with ``check(rule, ctx)`` yielding Hits.

Each module's docstring is its user documentation (``fzcheck rules types``).
"""

from __future__ import annotations

import importlib
from types import ModuleType

RULE_TYPES: dict[str, str] = {
    "presence": "checker.ruletypes.presence",
    "title-parts": "checker.ruletypes.title_parts",
    "date-window": "checker.ruletypes.date_window",
    "date-form": "checker.ruletypes.date_form",
    "forbidden": "checker.ruletypes.forbidden",
    "required-pattern": "checker.ruletypes.required_pattern",
    "coverage": "checker.ruletypes.coverage",
    "density": "checker.ruletypes.density",
    "causes": "checker.ruletypes.causes",
    "stock-phrases": "checker.ruletypes.stock_phrases",
    "plan-concreteness": "checker.ruletypes.plan_concreteness",
    "plan-year": "checker.ruletypes.plan_year",
    "year-consistency": "checker.ruletypes.year_consistency",
    "agency-consistency": "checker.ruletypes.agency_consistency",
    "citations": "checker.ruletypes.citations",
    "plenary-timeline": "checker.ruletypes.plenary_timeline",
    "repetition": "checker.ruletypes.repetition",
    "proportion": "checker.ruletypes.proportion",
    "publish-date": "checker.ruletypes.publish_date",
    "copy": "checker.ruletypes.copy",
}


def rule_type(name: str) -> ModuleType:
    return importlib.import_module(RULE_TYPES[name])
