"""What a rule pack is once loaded: elements and rules as frozen data (no loading here).

Rule types, the locator and the formatters need only these types; loading and validating
a pack (``checker.packs.pack``) sits above the rule-type registry, which it asks for each
type's parameter schema.
"""

from __future__ import annotations

from typing import Any

import msgspec

from checker.model import Basis


class Element(msgspec.Struct, frozen=True):
    id: str
    name: str
    name_en: str
    locator: str
    spec: dict[str, Any]


class Rule(msgspec.Struct, frozen=True):
    id: str
    element: str
    type: str
    severity: str
    weight: float
    message: str
    suggestion: str
    basis: Basis
    params: dict[str, Any] = msgspec.field(default_factory=dict)
    message_en: str | None = None
    suggestion_en: str | None = None
    description: str | None = None
    examples: dict[str, list[str]] = msgspec.field(default_factory=dict)
    enabled: bool = True
    source: str = ""
    fix: dict[str, Any] | None = None  # a mechanical fix (checker/check/fixes.py)

    def text(self, lang: str) -> tuple[str, str]:
        """(message, suggestion) templates in ``lang``, falling back to Chinese."""
        if lang == "en":
            return self.message_en or self.message, self.suggestion_en or self.suggestion
        return self.message, self.suggestion


class Pack(msgspec.Struct, frozen=True):
    id: str
    version: str
    name: str
    parameters: dict[str, Any]
    detection: dict[str, Any]
    elements: tuple[Element, ...]
    rules: tuple[Rule, ...]
    sources: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{self.id}@{self.version}"

    def element(self, element_id: str) -> Element:
        for element in self.elements:
            if element.id == element_id:
                return element
        raise KeyError(element_id)
