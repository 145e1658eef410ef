"""Rule documentation generated from the pack and the rule types, so docs cannot drift."""

from __future__ import annotations

import inspect
from typing import Any

from checker.check.ruletypes import rule_type
from checker.packs.model import Pack, Rule


def what_it_checks(rule: Rule) -> str:
    """The rule's own description, else the first line of its type's docstring."""
    if rule.description:
        return " ".join(rule.description.split())
    first = inspect.cleandoc(rule_type(rule.type).__doc__ or "").split("\n\n")[0]
    summary = " ".join(first.split())
    return summary.split(" — ", 1)[-1]


def rules_markdown(pack: Pack) -> str:
    """A Markdown table of every enabled rule: id, element, check, severity, weight, basis."""
    lines = [
        "| rule | element | what it checks | severity | weight | basis |",
        "|---|---|---|---|---|---|",
    ]
    for rule in pack.rules:
        if not rule.enabled:
            continue
        element = pack.element(rule.element)
        check = what_it_checks(rule).replace("|", "\\|")
        lines.append(
            f"| `{rule.id}` | {element.name} (`{element.id}`) | `{rule.type}`: {check} "
            f"| {rule.severity} | {rule.weight:g} | {rule.basis} |"
        )
    return "\n".join(lines) + "\n"


_JSON_TYPES = {"integer": "整数", "number": "数", "boolean": "是/否", "string": "文本", "object": "映射"}


def _kind(schema: dict[str, Any]) -> str:
    """A parameter's kind in words: 整数 ≥ 1, 正则表达式列表, 取值 a / b …"""
    if schema.get("format") == "regex":
        return "正则表达式"
    if "enum" in schema:
        return "取值 " + " / ".join(str(v) for v in schema["enum"])
    kind = schema.get("type", "")
    if kind == "array":
        items = schema.get("items", {})
        if items.get("format") == "regex":
            return "正则表达式列表"
        return f"列表，{_kind(items)}" if items else "列表"
    words = _JSON_TYPES.get(kind, str(kind))
    bounds = [f"≥ {schema['minimum']:g}"] if "minimum" in schema else []
    bounds += [f"≤ {schema['maximum']:g}"] if "maximum" in schema else []
    return " ".join([words, *bounds]) if bounds else words


def parameters_doc(params_schema: dict[str, Any]) -> list[str]:
    """One line per parameter of a rule type, from its declared ``PARAMS`` schema."""
    required = set(params_schema.get("required", []))
    lines = []
    for name, schema in params_schema.get("properties", {}).items():
        need = "必填，" if name in required else ""
        description = schema.get("description", "")
        lines.append(f"{name}（{need}{_kind(schema)}）" + (f"：{description}" if description else ""))
    return lines or ["（无参数）"]
