"""The registry of rule types: name → module with ``PARAMS`` and ``check(rule, ctx)``.

Adding a rule type is one module (see ``base.py`` for what it declares) plus one line here.
Each module's docstring is its user documentation and its ``PARAMS`` the schema of its
parameters (``fzcheck rules types`` prints both; the pack loader validates with it).
Modules are imported on first use, so start-up pays only for the types a pack uses.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import Any

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
    "spacing": "checker.check.ruletypes.spacing",
    "other-documents": "checker.check.ruletypes.other_documents",
    "garbled": "checker.check.ruletypes.garbled",
    "leftovers": "checker.check.ruletypes.leftovers",
}


COMMON_VALUES = ("agency", "year")  # every finding's message may name them (the engine's defaults)


def rule_type(name: str) -> ModuleType:
    module = RULE_TYPES[name]
    return sys.modules.get(module) or importlib.import_module(module)  # called per rule and report


def params_schema_of(name: str) -> dict[str, Any]:
    """The JSON Schema a rule of type ``name`` must give its ``params``."""
    return rule_type(name).PARAMS


def params_schemas() -> dict[str, dict[str, Any]]:
    """Every registered type's parameter schema, in registry order."""
    return {name: params_schema_of(name) for name in RULE_TYPES}


def message_values(name: str) -> tuple[str, ...] | None:
    """The names a rule of type ``name`` may use in its message, suggestion and fix; None when
    the type does not declare its ``VALUES`` (then any name is let through)."""
    declared = getattr(rule_type(name), "VALUES", None)
    return None if declared is None else (*COMMON_VALUES, *declared)
