"""Rule packs: load YAML, validate, resolve ``extends``.

A pack configures the engine's rule types; it never contains code. It is validated against
``rules/schema.json`` (the pack's outer shape) composed with each registered rule type's
``PARAMS`` (a rule's ``params`` must fit its type), and every ``format: regex`` string in
it must compile; errors name file, line and field. A pack may extend a bundled pack by
name (``extends: national``) or a file path, overriding rules by id, adding rules,
disabling rules and changing parameters.

Layering: this loader sits above the rule-type registry (``checker.check.ruletypes``); the
rule types themselves see only the data in :mod:`checker.packs.model`.
"""

from __future__ import annotations

import os
import re
import time
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

import msgspec

import checker.regex_cache as regex_cache
from checker.check.ruletypes import RULE_TYPES, params_schemas
from checker.model import Basis
from checker.packs import cache
from checker.packs.bundled import bundled_packs, rules_dir
from checker.packs.consistency import check_elements, check_file
from checker.packs.model import Element, Pack, Rule
from checker.packs.patterns import regex_fields
from checker.packs.regex_safety import unsafe_reason
from checker.packs.ruletext import check_rule_texts
from checker.packs.yamlsrc import ConfigError, YamlDocument, load_yaml, validate
from checker.terminal import visible

__all__ = ["ConfigError", "Element", "Pack", "Rule", "bundled_packs", "load_pack", "pack_schema", "rules_dir"]

SEVERITIES = ("error", "warning", "info")
_OPEN_QUOTES, _CLOSE_QUOTES = "“‘「『", "”’」』"  # a YAML value typed in Chinese quotes keeps them
_RULE_REQUIRED = ("element", "type", "severity", "weight", "message", "suggestion", "basis")


@lru_cache(maxsize=1)
def outer_schema() -> dict[str, Any]:
    """``rules/schema.json``: the pack's shape without any rule type's parameters."""
    return msgspec.json.decode((rules_dir() / "schema.json").read_bytes())


def pack_schema() -> dict[str, Any]:
    """The full pack schema: the outer shape plus, per registered type, its ``params``."""
    return _composed(tuple(RULE_TYPES.items()))


@lru_cache(maxsize=4)
def _composed(registry: tuple[tuple[str, str], ...]) -> dict[str, Any]:
    outer = outer_schema()  # shared, never changed: copied only along the path that differs
    rule = {**outer["$defs"]["rule"]}
    rule["allOf"] = [
        {
            "if": {"required": ["type"], "properties": {"type": {"const": name}}},
            "then": {"properties": {"params": params}},
        }
        for name, params in params_schemas().items()
    ]
    return {**outer, "$defs": {**outer["$defs"], "rule": rule}}


def _resolve_path(name: str, relative_to: Path | None) -> Path:
    if name.endswith((".yaml", ".yml")) or "/" in name or "\\" in name:
        path = Path(name)
        if not path.is_absolute() and relative_to is not None:
            path = relative_to / path
        return path
    return rules_dir() / f"{name}.yaml"


def _merge_by_id(base: list[dict], overrides: list[dict]) -> list[dict]:
    import copy  # here and in _load_raw: only a pack not in the cache is merged

    merged = [copy.deepcopy(item) for item in base]
    index = {item["id"]: i for i, item in enumerate(merged)}
    for item in overrides:
        if item["id"] in index:
            target = merged[index[item["id"]]]
            for key, value in item.items():
                if key == "params" and isinstance(value, dict):
                    target.setdefault("params", {}).update(copy.deepcopy(value))
                else:
                    target[key] = copy.deepcopy(value)
        else:
            index[item["id"]] = len(merged)
            merged.append(copy.deepcopy(item))
    return merged


def _load_raw(path: Path, seen: tuple[str, ...]) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The pack's data with its ``extends`` chain merged in, and the files it came from."""
    key = _key(path)
    if not path.exists():  # a directory, FIFO or device is refused by load_yaml, unread
        raise ConfigError(str(path), None, "", "config.pack-missing")
    document = load_yaml(path)
    if not isinstance(document.data, dict):
        raise ConfigError(str(path), 1, "", "config.pack-not-mapping")
    validate(document, pack_schema())
    check_file(document)
    data = document.data
    for i, rule in enumerate(data.get("rules", [])):
        rule["_source"] = f"{path}:{document.line_of(('rules', i))}"
    parent_name = data.get("extends")
    if not parent_name:
        types = _types_by_id(data)
        _check_patterns(document, types)
        check_rule_texts(document, types)
        check_elements(document, data.get("elements", []))
        return data, (str(path),)
    parent, parent_sources = _load_raw(_parent_path(document, path, parent_name, (*seen, key)), (*seen, key))
    _check_new_rules(document, parent)
    types = {**_types_by_id(parent), **_types_by_id(data)}
    _check_override_params(document, types)
    _check_patterns(document, types)
    check_rule_texts(document, types)
    import copy

    merged = copy.deepcopy(parent)
    merged["id"], merged["version"] = data["id"], data["version"]
    merged["name"] = data.get("name", merged.get("name", data["id"]))
    merged.setdefault("parameters", {}).update(data.get("parameters", {}))
    merged["detection"] = _merge_detection(merged.get("detection", {}), data.get("detection", {}))
    merged["elements"] = _merge_by_id(parent.get("elements", []), data.get("elements", []))
    merged["rules"] = _merge_by_id(parent.get("rules", []), data.get("rules", []))
    check_elements(document, merged["elements"])
    disabled = set(data.get("disable", []))
    known = {rule["id"] for rule in merged["rules"]}
    for rule_id in disabled - known:
        line = document.line_of(("disable",))
        raise ConfigError(str(path), line, "disable", "config.no-such-rule", rule=rule_id)
    for rule in merged["rules"]:
        if rule["id"] in disabled:
            rule["enabled"] = False
    return merged, (*parent_sources, str(path))


def _merge_detection(inherited: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    """A pack's ``detection`` adds to what it inherits: its look-alikes (``not_report``) and
    patterns (``subject``, ``title``) come after the inherited ones, a mapping
    (``subject_share``, ``report_parts``) is merged key by key, a number replaces."""
    merged = dict(inherited)
    for section, value in own.items():
        before = merged.get(section)
        if isinstance(value, list) and isinstance(before, list):
            merged[section] = before + [item for item in value if item not in before]
        elif isinstance(value, dict) and isinstance(before, dict):
            merged[section] = {**before, **value}
        else:
            merged[section] = value
    return merged


def _key(path: Path) -> str:
    return str(path.resolve()) if path.exists() else str(path)


def _parent_path(document: YamlDocument, path: Path, name: str, chain: tuple[str, ...]) -> Path:
    """The file ``extends: name`` names; a missing one or a cycle is refused at that line."""
    parent = _resolve_path(name, path.parent)
    line = document.line_of(("extends",))
    if not parent.exists():
        raise ConfigError(str(path), line, "extends", "config.no-pack", name=visible(name))
    if _key(parent) in chain:
        names = " → ".join(Path(file).name for file in (*chain, _key(parent)))
        raise ConfigError(str(path), line, "extends", "config.extends-cycle", chain=names)
    return parent


def _check_new_rules(document: YamlDocument, parent: dict[str, Any]) -> None:
    """A rule the parent lacks must be complete; one lacking fields whose id is close to an
    inherited one is a misspelt override, and is named so (not "a new rule lacks element")."""
    import difflib

    inherited = [rule["id"] for rule in parent.get("rules", [])]
    for i, rule in enumerate(document.data.get("rules", [])):
        missing = [key for key in _RULE_REQUIRED if key not in rule]
        if rule["id"] in inherited or not missing:
            continue
        close = difflib.get_close_matches(rule["id"], inherited, n=1, cutoff=0.75)
        if close:
            line = document.line_of(("rules", i, "id"))
            raise ConfigError(
                document.file,
                line,
                f"rules[{i}].id",
                "config.no-such-inherited-rule",
                rule=rule["id"],
                close=close[0],
                name=missing[0],
            )


def _basis(raw: dict[str, Any]) -> Basis:
    return Basis(raw["source"], raw.get("article"), raw.get("note"))


def _types_by_id(data: dict[str, Any]) -> dict[str, str]:
    return {rule["id"]: rule["type"] for rule in data.get("rules", []) if "type" in rule}


def _check_override_params(document: YamlDocument, types: dict[str, str]) -> None:
    """An extending pack's override is held to its inherited type's parameter schema, as
    strictly as a full rule (``patterns: [123, null]`` is refused, never a regex "None");
    only ``required`` is dropped, since the other parameters are inherited."""
    checks = []
    for rule in document.data.get("rules", []):
        type_name = types.get(rule["id"])
        if "type" in rule or "params" not in rule or type_name not in RULE_TYPES:
            continue  # a full rule is validated by the pack schema itself
        params = {k: v for k, v in params_schemas()[type_name].items() if k != "required"}
        checks.append(
            {
                "if": {"required": ["id"], "properties": {"id": {"const": rule["id"]}}},
                "then": {"properties": {"params": params}},
            }
        )
    if checks:
        schema = {
            "$defs": outer_schema().get("$defs", {}),
            "type": "object",
            "properties": {"rules": {"type": "array", "items": {"allOf": checks}}},
        }
        validate(document, schema)


def _check_patterns(document: YamlDocument, types: dict[str, str]) -> None:
    """Every regular expression in the pack compiles; a bad one names its file, line, field.

    The schemas say which strings are patterns (``format: regex``): the outer schema for
    elements and detection, the rule's type (its own, or the inherited one for an
    override) for ``params``.
    """
    data = document.data
    found = list(regex_fields(outer_schema(), {k: data[k] for k in ("elements", "detection") if k in data}))
    for i, rule in enumerate(data.get("rules", [])):
        type_name = types.get(rule["id"])
        if type_name in RULE_TYPES and isinstance(rule.get("params"), dict):
            params_schema = params_schemas()[type_name]
            found += regex_fields(params_schema, rule["params"], ("rules", i, "params"))
        if isinstance(rule.get("fix"), dict):
            schema = outer_schema()
            found += regex_fields(schema["$defs"]["fix"], rule["fix"], ("rules", i, "fix"), schema)
    for path, pattern in found:
        field = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in path).replace(".[", "[")
        try:
            regex_cache.compile(pattern)
        except re.error as exc:
            line = document.line_of(path)
            at = (exc.pos or 0) + 1
            raise ConfigError(document.file, line, field, "config.bad-regex", detail=str(exc), at=at) from exc
        if len(pattern) > 1 and pattern[0] in _OPEN_QUOTES and pattern[-1] in _CLOSE_QUOTES:
            shown = pattern if len(pattern) <= 30 else pattern[:29] + "…"
            line = document.line_of(path)
            raise ConfigError(document.file, line, field, "config.quoted-regex", value=shown)
        if unsafe_reason(pattern):
            reason = partial(unsafe_reason, pattern)
            line = document.line_of(path)
            raise ConfigError(document.file, line, field, "config.unsafe-regex", reason=reason)


def _rule(raw: dict[str, Any], where: str, element_ids: set[str]) -> Rule:
    """One merged rule as data; ``where`` is its file:line for errors."""
    file, _, line_text = where.rpartition(":")
    line = int(line_text) if line_text.isdigit() else None
    for key in _RULE_REQUIRED:
        if key not in raw:
            raise ConfigError(file, line, f"rules[{raw['id']}]", "config.rule-missing-field", name=key)
    if raw["element"] not in element_ids:
        where = f"rules[{raw['id']}].element"
        known = ", ".join(sorted(element_ids))
        raise ConfigError(file, line, where, "config.unknown-element", name=raw["element"], known=known)
    if raw["type"] not in RULE_TYPES:
        known = ", ".join(sorted(RULE_TYPES))
        where = f"rules[{raw['id']}].type"
        raise ConfigError(file, line, where, "config.unknown-type", name=raw["type"], known=known)
    return Rule(
        id=raw["id"],
        element=raw["element"],
        type=raw["type"],
        severity=raw["severity"],
        weight=float(raw["weight"]),
        message=raw["message"],
        suggestion=raw["suggestion"],
        basis=_basis(raw["basis"]),
        params=dict(raw.get("params", {})),
        message_en=raw.get("message_en"),
        suggestion_en=raw.get("suggestion_en"),
        description=raw.get("description"),
        examples=dict(raw.get("examples", {})),
        enabled=raw.get("enabled", True),
        source=where,
        fix=dict(raw["fix"]) if raw.get("fix") else None,
    )


def _build(data: dict[str, Any], sources: tuple[str, ...]) -> Pack:
    elements = tuple(
        Element(
            e["id"],
            e["name"],
            e.get("name_en", e["name"]),
            e["locator"],
            {k: v for k, v in e.items() if k not in ("id", "name", "name_en", "locator")},
        )
        for e in data.get("elements", [])
    )
    element_ids = {e.id for e in elements}
    rules = [_rule(raw, raw.get("_source", sources[-1]), element_ids) for raw in data.get("rules", [])]
    return Pack(
        id=data["id"],
        version=str(data["version"]),
        name=data.get("name", data["id"]),
        parameters=dict(data.get("parameters", {})),
        detection=dict(data.get("detection", {})),
        elements=elements,
        rules=tuple(rules),
        sources=sources,
    )


def load_pack(name_or_path: str | Path = "national") -> Pack:
    """Load a bundled pack by name or a pack file by path, validated and with extends resolved.

    A loaded pack is reused while its file keeps its modification time (one ``stat`` per call:
    a long-running service or a loop over ``check_text`` sees an edited pack at the next call)."""
    path = _resolve_path(str(name_or_path), None)
    try:
        info = os.stat(path)
    except (OSError, ValueError):  # missing, or a name no file can have (NUL): the loader says so
        return _load_cached(str(path), 0.0)
    real = _real_path(os.path.abspath(path), (info.st_ino, info.st_mtime_ns))
    return _load_cached(real, info.st_mtime)


@lru_cache(maxsize=64)
def _real_path(absolute: str, _reached: tuple[int, int]) -> str:
    """The file a pack path names, symbolic links followed (its folder anchors ``extends``);
    looked up again when the file it reaches (inode, modification time) is another."""
    return str(Path(absolute).resolve())


@lru_cache(maxsize=16)
def _load_cached(path: str, _mtime: float) -> Pack:
    schema = pack_schema()
    remembered = cache.lookup(path, schema)
    if remembered is not None:
        return _build(*remembered)
    began = time.time_ns()
    data, sources = _load_raw(Path(path), ())
    cache.remember(path, schema, data, sources, began)
    return _build(data, sources)
