"""What a rule says: its templates name only values its type fills in, and it speaks Chinese.

A message, suggestion or fix writes a value as ``{name}`` (``{name|one|many}`` for a plural).
A name the rule's type does not provide would reach the reader as written ("{count}"), and
an unbalanced brace would leave the template unfilled or stop the fix, so both are refused
when the pack loads; so is a ``message`` or ``suggestion`` without a Chinese character (the
English text belongs in ``message_en``/``suggestion_en``). Errors name file, line and field.
"""

from __future__ import annotations

from typing import Any

import checker.regex_cache as regex_cache
from checker.check.ruletypes import RULE_TYPES, message_values
from checker.i18n import template_names
from checker.packs.yamlsrc import JsonPath, YamlDocument, refuse_at

TEXT_FIELDS = ("message", "message_en", "suggestion", "suggestion_en")
CHINESE_FIELDS = ("message", "suggestion")
_HAN = regex_cache.compile(r"[\u3400-\u9fff]")


def check_rule_texts(document: YamlDocument, types: dict[str, str]) -> None:
    """Every rule of ``document``: its templates against its type (own or inherited) in ``types``."""
    for i, rule in enumerate(document.data.get("rules", [])):
        if not isinstance(rule, dict):
            continue
        for field in CHINESE_FIELDS:
            text = rule.get(field)
            if isinstance(text, str) and not _HAN.search(text):
                refuse_at(document, ("rules", i, field), "config.not-chinese")
        type_name = types.get(rule.get("id", ""))
        known = message_values(type_name) if type_name in RULE_TYPES else None  # None: not checked
        for field in TEXT_FIELDS:
            if isinstance(rule.get(field), str):
                _check_template(document, ("rules", i, field), rule[field], type_name, known)
        fix = rule.get("fix")
        if isinstance(fix, dict):
            _check_fix(document, ("rules", i, "fix"), fix, type_name, known)


def _check_fix(
    document: YamlDocument,
    path: JsonPath,
    fix: dict[str, Any],
    type_name: str | None,
    known: tuple[str, ...] | None,
) -> None:
    replace = fix.get("replace")
    if isinstance(replace, str):
        if not replace.strip():
            refuse_at(document, (*path, "replace"), "config.blank-replacement")
        _check_template(document, (*path, "replace"), replace, type_name, known)
    when = fix.get("when")
    if isinstance(when, dict) and known is not None:
        for name in when:
            if name not in known:
                _unknown(document, (*path, "when", name), str(name), type_name, known)


def _check_template(
    document: YamlDocument,
    path: JsonPath,
    template: str,
    type_name: str | None,
    known: tuple[str, ...] | None,
) -> None:
    try:
        names = template_names(template)
    except ValueError:
        refuse_at(document, path, "config.template-braces")
    if known is None:  # an unknown type is refused where the rule is built, with the types listed
        return
    for name in names:
        if name not in known:
            _unknown(document, path, name, type_name, known)


def _unknown(
    document: YamlDocument, path: JsonPath, name: str, type_name: str | None, known: tuple[str, ...]
) -> None:
    listed = "、".join("{" + value + "}" for value in known)
    refuse_at(document, path, "config.template-unknown-value", name=name, type=type_name, known=listed)
