"""Rule documentation generated from the pack and the rule types, so docs cannot drift."""

from __future__ import annotations

import inspect

from checker.check.ruletypes import rule_type
from checker.packs.pack import Pack, Rule


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
