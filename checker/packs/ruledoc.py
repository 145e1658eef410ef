"""Rule documentation generated from the pack and the rule types, so docs cannot drift."""

from __future__ import annotations

import inspect
from typing import Any

from checker.check.ruletypes import RULE_TYPES, message_values, params_schema_of, rule_type
from checker.i18n import MESSAGES, plain_template, t
from checker.packs.model import Pack, Rule
from checker.text.width import wrap


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


def _kind(schema: dict[str, Any], lang: str = "zh") -> str:
    """A parameter's kind in words: 整数 ≥ 1, 正则表达式列表, 取值 a / b …"""
    if schema.get("format") == "regex":
        return t("param.regex", lang)
    if "enum" in schema:
        return t("param.enum", lang, values=" / ".join(str(v) for v in schema["enum"]))
    kind = schema.get("type", "")
    if kind == "array":
        items = schema.get("items", {})
        if items.get("format") == "regex":
            return t("param.regex-list", lang)
        return t("param.list-of", lang, kind=_kind(items, lang)) if items else t("param.list", lang)
    words = t(f"param.type.{kind}", lang) if f"param.type.{kind}" in MESSAGES else str(kind)
    bounds = [f"≥ {schema['minimum']:g}"] if "minimum" in schema else []
    bounds += [f"≤ {schema['maximum']:g}"] if "maximum" in schema else []
    return " ".join([words, *bounds]) if bounds else words


def parameters_doc(params_schema: dict[str, Any], lang: str = "zh") -> list[str]:
    """One line per parameter of a rule type, from its declared ``PARAMS`` schema, described in
    ``lang`` (the schema's ``description`` or ``description_en``)."""
    required = set(params_schema.get("required", []))
    lines = []
    for name, schema in params_schema.get("properties", {}).items():
        need = t("param.required", lang) if name in required else ""
        key = "description" if lang == "zh" else "description_en"
        description = schema.get(key, "")
        line = t("param.line", lang, name=name, need=need, kind=_kind(schema, lang))
        lines.append(line + (t("ui.colon", lang) + description if description else ""))
    return lines or [t("param.none", lang)]


EXAMPLE_CHARS = 240


def type_summary(type_name: str, lang: str) -> str:
    """What a rule type looks for, in plain words (catalogue), else its docstring's first line."""
    key = f"ruletype.{type_name}"
    if key in MESSAGES:
        return t(key, lang)
    first = inspect.cleandoc(rule_type(type_name).__doc__ or "").split("\n\n")[0]
    return " ".join(first.split()).split(" — ", 1)[-1]


def _quote(passage: str, lang: str) -> list[str]:
    text = passage.strip()
    if len(text) > EXAMPLE_CHARS:
        text = text[:EXAMPLE_CHARS] + t("explain.clipped", lang, chars=len(passage.strip()))
    lines: list[str] = []
    for line in text.splitlines():
        lines.extend(wrap(line, 76, "    │ ", "    │ "))
    return lines


def _technical(value: object, indent: str) -> list[str]:
    """Parameters as indented ``key: value`` lines (patterns included): only behind --verbose."""
    if isinstance(value, dict):
        out = []
        for key, item in value.items():
            if isinstance(item, (dict, list)):
                out += [f"{indent}{key}:", *_technical(item, indent + "  ")]
            else:
                out.append(f"{indent}{key}: {item}")
        return out
    if isinstance(value, list):
        out = []
        for item in value:
            if isinstance(item, (dict, list)):
                inner = _technical(item, indent + "  ")
                out += [indent + "- " + inner[0].lstrip(), *inner[1:]] if inner else [indent + "-"]
            else:
                out.append(f"{indent}- {item}")
        return out
    return [f"{indent}{value}"]


def explain(rule: Rule, pack: Pack, lang: str, verbose: bool = False) -> str:
    """A rule explained for a non-programmer: what it looks for, a passing and a failing example
    (from the rule's YAML), the legal basis and how to fix; patterns only when ``verbose``."""
    colon = t("ui.colon", lang)
    element = pack.element(rule.element)
    message, suggestion = rule.text(lang)
    what = rule.description if rule.description and lang == "zh" else type_summary(rule.type, lang)
    basis = str(rule.basis) + (t("ui.where", lang, where=rule.basis.note) if rule.basis.note else "")
    state = t("explain.enabled" if rule.enabled else "explain.disabled", lang)
    lines = [
        t("explain.head", lang, rule=rule.id, pack=pack.label),
        *wrap(f"{t('explain.what', lang)}{colon}{' '.join(what.split())}", 78, "  ", "    "),
        f"  {t('explain.element', lang)}{colon}{element.name_en if lang == 'en' else element.name}",
        "  "
        + t(
            "explain.level",
            lang,
            severity=t(f"severity.{rule.severity}", lang),
            weight=f"{rule.weight:g}",
            state=state,
        ),
        *wrap(f"{t('explain.says', lang)}{colon}{plain_template(message)}", 78, "  ", "    "),
    ]
    for kind in ("pass", "fail"):
        passages = rule.examples.get(kind, [])
        lines.append(f"  {t(f'explain.{kind}', lang)}{colon}")
        lines += _quote(passages[0], lang) if passages else [f"    {t('explain.no-example', lang)}"]
    lines += wrap(f"{t('explain.basis', lang)}{colon}{basis}", 78, "  ", "    ")
    lines += wrap(f"{t('explain.fix', lang)}{colon}{plain_template(suggestion)}", 78, "  ", "    ")
    lines.append(
        f"  {t('explain.type', lang)}{colon}{rule.type}{t('ui.gap', lang)}{type_summary(rule.type, lang)}"
    )
    if not verbose:
        lines.append(f"  {t('explain.more', lang)}")
        return "\n".join(lines)
    lines += _values_line(rule.type, lang)
    if rule.params:
        lines += [f"  {t('explain.params', lang)}{colon}", *_technical(rule.params, "    ")]
    doc = inspect.cleandoc(rule_type(rule.type).__doc__ or "")
    lines += [f"  {t('explain.type-doc', lang)}{colon}", *("    " + line for line in doc.splitlines())]
    return "\n".join(line.rstrip() for line in lines)


def explain_types(pack: Pack, lang: str, verbose: bool = False) -> str:
    """Every rule type: what it looks for in plain words and which of the pack's rules use it."""
    colon = t("ui.colon", lang)
    separator = t("rt.list-separator", lang)
    blocks = []
    for name in RULE_TYPES:
        users = [rule.id for rule in pack.rules if rule.type == name]
        lines = [f"■ {name}", *wrap(type_summary(name, lang), 78, "  ", "  ")]
        used = separator.join(users) if users else t("types.unused", lang)
        lines += wrap(f"{t('types.used-by', lang)}{colon}{used}", 78, "  ", "    ")
        params = parameters_doc(params_schema_of(name), lang)
        lines += [f"  {t('types.params', lang)}{colon}", *("    " + line for line in params)]
        lines += _values_line(name, lang)
        if verbose:
            doc = inspect.cleandoc(rule_type(name).__doc__ or "")
            lines += ["    " + line for line in doc.splitlines()]
        blocks.append("\n".join(line.rstrip() for line in lines))
    return "\n\n".join(blocks)


def _values_line(type_name: str, lang: str) -> list[str]:
    """The ``{names}`` a rule of this type may write in its message, suggestion and fix."""
    names = message_values(type_name)
    if names is None:
        return []
    listed = t("rt.list-separator", lang).join("{" + name + "}" for name in names)
    return wrap(f"{t('types.values', lang)}{t('ui.colon', lang)}{listed}", 78, "  ", "    ")
