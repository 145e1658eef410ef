"""What JSON Schema cannot say about one pack file, checked when it loads.

Ids are unique within the file (a second ``- id: x`` would silently replace the first); the
month-days of ``parameters`` are days every year has and the reporting window runs forward
(``02-30`` would stop every check, a reversed window would make every date late); an element
found by section has headings or keywords to be found by. Errors name file, line and field.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from checker.packs.yamlsrc import YamlDocument, refuse_at

_COMMON_YEAR = 2025  # a day must exist in every year: 02-29 does not


def check_file(document: YamlDocument) -> None:
    """The checks one file's own data allows, before it is merged with what it extends."""
    for section in ("elements", "rules"):
        _unique_ids(document, section)
    parameters = document.data.get("parameters")
    if isinstance(parameters, dict):
        _parameters(document, parameters)


def check_elements(document: YamlDocument, merged: list[dict[str, Any]]) -> None:
    """The file's elements, as merged with the ones they override, can be found in a report."""
    by_id = {element.get("id"): element for element in merged}
    for i, own in enumerate(document.data.get("elements", [])):
        element = by_id.get(own.get("id"), own)
        if element.get("locator") != "section" or element.get("claim_unassigned"):
            continue
        if not element.get("headings") and not element.get("keywords"):
            name = element.get("name") or element.get("id")
            refuse_at(document, ("elements", i), "config.element-unfindable", name=name)


def _unique_ids(document: YamlDocument, section: str) -> None:
    first: dict[str, int] = {}
    for i, item in enumerate(document.data.get(section, [])):
        item_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(item_id, str):
            continue
        if item_id in first:
            line = document.line_of((section, first[item_id])) or 0
            refuse_at(document, (section, i, "id"), "config.duplicate-id", id=item_id, first=line)
        first[item_id] = i


def _parameters(document: YamlDocument, parameters: dict[str, Any]) -> None:
    days: dict[tuple[str, ...], dt.date] = {}
    window = parameters.get("reporting_window")
    for path in (("reporting_window", "from"), ("reporting_window", "to"), ("publish_by",)):
        value: Any = parameters
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if isinstance(value, str):
            try:
                days[path] = dt.date.fromisoformat(f"{_COMMON_YEAR}-{value}")
            except ValueError:
                refuse_at(document, ("parameters", *path), "config.no-such-date", value=value)
    start, end = days.get(("reporting_window", "from")), days.get(("reporting_window", "to"))
    if start is not None and end is not None and start > end and isinstance(window, dict):
        path = ("parameters", "reporting_window")
        refuse_at(document, path, "config.window-reversed", start=window["from"], end=window["to"])
