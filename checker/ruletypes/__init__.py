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
}


def rule_type(name: str) -> ModuleType:
    return importlib.import_module(RULE_TYPES[name])
