"""The project config file ``.fzcheck.yaml``: find it, validate it, turn it into data.

The file is looked for in the working directory and then in each parent, like
``.editorconfig``; ``--config FILE`` names it explicitly. It is validated against
``checker/data/config.schema.json``; every error names file, line and field, and an
unknown key is an error. Paths and globs inside are relative to the file's folder.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import msgspec

from checker.model import repr_without
from checker.packs.yamlsrc import ConfigError, YamlDocument, load_yaml, validate

CONFIG_NAME = ".fzcheck.yaml"


class RuleOverride(msgspec.Struct, frozen=True):
    """Changes to one rule: None keeps the pack's value."""

    enabled: bool | None = None
    severity: str | None = None
    weight: float | None = None


class PathOverride(msgspec.Struct, frozen=True):
    """Settings for the files matching ``paths``; later overrides win."""

    paths: tuple[str, ...]
    rules: dict[str, RuleOverride] = msgspec.field(default_factory=dict)
    fail_under: float | None = None
    fail_on: str | None = None
    line: int | None = None


class Waiver(msgspec.Struct, frozen=True):
    """Accept a rule's findings (for ``paths``) or one finding (by ``fingerprint``)."""

    reason: str
    rule: str | None = None
    paths: tuple[str, ...] = ()
    fingerprint: str | None = None
    line: int | None = None


class Config(msgspec.Struct, frozen=True):
    """A loaded ``.fzcheck.yaml``; ``root`` is the folder its paths are relative to."""

    file: str | None
    root: Path
    pack: str | None = None
    rules: dict[str, RuleOverride] = msgspec.field(default_factory=dict)
    fail_under: float | None = None
    fail_on: str | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    overrides: tuple[PathOverride, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    baseline: str | None = None
    lines: dict[tuple[str | int, ...], int] = msgspec.field(default_factory=dict)

    def __repr__(self) -> str:
        return repr_without(self, "lines")  # positions of keys: noise

    def line_of(self, *path: str | int) -> int | None:
        """Line of a key in the file, for errors found after schema validation."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return None


def empty_config(root: Path | None = None) -> Config:
    """The config in force when there is no file: everything from the pack."""
    return Config(file=None, root=root or Path.cwd())


@lru_cache(maxsize=1)
def config_schema() -> dict[str, Any]:
    path = Path(__file__).resolve().parent.parent / "data" / "config.schema.json"
    return msgspec.json.decode(path.read_bytes())


def discover(start: Path | None = None) -> Path | None:
    """The nearest ``.fzcheck.yaml`` in ``start`` or a parent folder, if any."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / CONFIG_NAME
        if path.is_file():
            return path
    return None


def _rules(raw: dict[str, Any] | None) -> dict[str, RuleOverride]:
    return {
        rule_id: RuleOverride(
            spec.get("enabled"),
            spec.get("severity"),
            None if spec.get("weight") is None else float(spec["weight"]),
        )
        for rule_id, spec in (raw or {}).items()
    }


def _from_document(document: YamlDocument, path: Path) -> Config:
    data = document.data or {}
    overrides = tuple(
        PathOverride(
            tuple(item["paths"]),
            _rules(item.get("rules")),
            item.get("fail_under"),
            item.get("fail_on"),
            document.line_of(("overrides", i)),
        )
        for i, item in enumerate(data.get("overrides", []))
    )
    waivers = tuple(
        Waiver(
            item["reason"].strip(),
            item.get("rule"),
            tuple(item.get("paths", ())),
            item.get("fingerprint"),
            document.line_of(("waivers", i)),
        )
        for i, item in enumerate(data.get("waivers", []))
    )
    return Config(
        file=str(path),
        root=path.resolve().parent,
        pack=data.get("pack"),
        rules=_rules(data.get("rules")),
        fail_under=data.get("fail_under"),
        fail_on=data.get("fail_on"),
        include=tuple(data.get("include", ())),
        exclude=tuple(data.get("exclude", ())),
        overrides=overrides,
        waivers=waivers,
        baseline=data.get("baseline"),
        lines=dict(document.lines),
    )


def load_config(path: str | Path) -> Config:
    """Read and validate one config file; raises :class:`ConfigError` (file, line, field)."""
    path = Path(path)
    if not path.exists():  # a directory, FIFO or device is refused by load_yaml, unread
        raise ConfigError(str(path), None, "", "config.config-missing")
    document = load_yaml(path)
    if document.data is None:
        return Config(file=str(path), root=path.resolve().parent)
    if not isinstance(document.data, dict):
        raise ConfigError(str(path), 1, "", "config.config-not-mapping")
    validate(document, config_schema())
    for i, waiver in enumerate(document.data.get("waivers", [])):
        if not str(waiver["reason"]).strip():
            raise ConfigError(
                str(path),
                document.line_of(("waivers", i, "reason")),
                f"waivers[{i}].reason",
                "config.waiver-reason",
            )
    return _from_document(document, path)


def find_config(explicit: str | None = None, use_file: bool = True) -> Config:
    """The config for this run: ``explicit``, else the discovered file, else defaults."""
    if explicit:
        return load_config(explicit)
    found = discover() if use_file else None
    return load_config(found) if found else empty_config()


def resolve(config: Config, relative: str) -> Path:
    """A path written in the config, relative to its folder."""
    path = Path(relative)
    return path if path.is_absolute() else config.root / path
