"""JSON Schema validation errors as message-catalogue keys, so a pack or config error reads in the
user's language instead of jsonschema's English."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from checker.i18n import Key, t

_TYPE_KEYS = {
    "string": "type.string",
    "integer": "type.integer",
    "number": "type.number",
    "boolean": "type.boolean",
    "array": "type.array",
    "object": "type.object",
    "null": "type.null",
}


def _shown(value: Any) -> Callable[[str], str]:
    """A value as a user wrote it, short, quoted the way the reader's language quotes; a value
    YAML made into something else (a date, binary data, a mapping, a list) said in words, never
    a Python repr such as ``datetime.date(2024, 1, 1)``."""

    def render(lang: str) -> str:
        import datetime as dt

        if isinstance(value, str):
            text = f"'{value}'" if lang == "en" else f"“{value}”"
        elif isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, (int, float)):
            text = str(value)
        elif isinstance(value, (dt.date, dt.datetime)):
            text = t("type.date", lang, value=value.isoformat())
        elif value is None:
            text = t("type.null", lang)
        elif isinstance(value, (bytes, bytearray)):
            text = t("type.binary", lang)
        elif isinstance(value, dict):
            text = t("type.object", lang)
        elif isinstance(value, (list, tuple)):
            text = t("type.array", lang)
        else:
            text = t("type.other", lang)
        return text if len(text) <= 60 else text[:57] + "…"

    return render


def schema_problem(error: Any) -> tuple[str, dict[str, object]]:
    """The catalogue key and arguments for one ``jsonschema.ValidationError``."""
    kind, limit = error.validator, error.validator_value
    if kind == "type":
        names = [limit] if isinstance(limit, str) else list(limit)
        keys = [Key(_TYPE_KEYS.get(name, "type.other")) for name in names]
        return "config.schema.type", {"expected": keys[0], "value": _shown(error.instance)}
    if kind in ("enum", "const"):
        choices = limit if kind == "enum" else [limit]

        def shown(lang: str) -> str:
            return ("、" if lang == "zh" else ", ").join(map(str, choices))

        return "config.schema.enum", {"choices": shown, "value": _shown(error.instance)}
    if kind == "required":
        missing = next((name for name in limit if name not in (error.instance or {})), limit[0])
        return "config.schema.required", {"name": missing}
    if kind in ("minimum", "exclusiveMinimum"):
        return "config.schema.minimum", {"limit": limit, "value": _shown(error.instance)}
    if kind in ("maximum", "exclusiveMaximum"):
        return "config.schema.maximum", {"limit": limit, "value": _shown(error.instance)}
    if kind == "minLength":
        return "config.schema.too-short", {"limit": limit}
    if kind in ("minItems", "minProperties"):
        return "config.schema.too-few", {"limit": limit}
    if kind in ("maxItems", "maxLength", "maxProperties"):
        return "config.schema.too-many", {"limit": limit}
    if kind == "pattern":
        return "config.schema.pattern", {"value": _shown(error.instance)}
    if kind == "uniqueItems":
        return "config.schema.unique", {}
    if kind == "additionalProperties":
        return "config.schema.extra", {}
    return "config.schema.other", {"detail": error.message}
