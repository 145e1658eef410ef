"""The registry of rule types: name → module with ``check(rule, ctx)`` yielding Hits.

Each module's docstring is its user documentation (``fzcheck rules types``).
"""

from __future__ import annotations

import importlib
from types import ModuleType

RULE_TYPES: dict[str, str] = {
    "presence": "checker.check.ruletypes.presence",
    "title-parts": "checker.check.ruletypes.title_parts",
    "date-window": "checker.check.ruletypes.date_window",
    "date-form": "checker.check.ruletypes.date_form",
    "forbidden": "checker.check.ruletypes.forbidden",
    "required-pattern": "checker.check.ruletypes.required_pattern",
    "coverage": "checker.check.ruletypes.coverage",
    "density": "checker.check.ruletypes.density",
    "causes": "checker.check.ruletypes.causes",
    "stock-phrases": "checker.check.ruletypes.stock_phrases",
    "plan-concreteness": "checker.check.ruletypes.plan_concreteness",
    "plan-year": "checker.check.ruletypes.plan_year",
    "year-consistency": "checker.check.ruletypes.year_consistency",
    "agency-consistency": "checker.check.ruletypes.agency_consistency",
    "citations": "checker.check.ruletypes.citations",
    "plenary-timeline": "checker.check.ruletypes.plenary_timeline",
    "repetition": "checker.check.ruletypes.repetition",
    "proportion": "checker.check.ruletypes.proportion",
    "publish-date": "checker.check.ruletypes.publish_date",
    "copy": "checker.check.ruletypes.copy",
}


def rule_type(name: str) -> ModuleType:
    return importlib.import_module(RULE_TYPES[name])
