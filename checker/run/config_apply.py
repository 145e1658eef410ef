"""Turn a :class:`Config` into what one file is checked with: a pack and its gates.

Rule overrides never touch the engine: they derive a new :class:`Pack` whose rules are
copies with ``enabled``/``severity``/``weight`` replaced. Derived packs are cached per
distinct set of overrides, so a thousand files under one override share one pack.
"""

from __future__ import annotations

from pathlib import Path

import msgspec
from msgspec.structs import replace

from checker.packs.model import Pack
from checker.packs.pack import load_pack
from checker.packs.yamlsrc import ConfigError
from checker.run.config import Config, RuleOverride, resolve
from checker.run.config_paths import glob_match, relative_posix


class FileSettings(msgspec.Struct, frozen=True):
    """How one file is judged."""

    pack: Pack
    fail_under: float | None
    fail_on: str | None


def derive_pack(pack: Pack, overrides: dict[str, RuleOverride], origin: str = "") -> Pack:
    """A copy of ``pack`` with the overridden rules replaced; other rules are shared."""
    if not overrides:
        return pack
    rules = []
    for rule in pack.rules:
        change = overrides.get(rule.id)
        if change is None:
            rules.append(rule)
            continue
        rules.append(
            replace(
                rule,
                enabled=rule.enabled if change.enabled is None else change.enabled,
                severity=change.severity or rule.severity,
                weight=rule.weight if change.weight is None else change.weight,
            )
        )
    sources = (*pack.sources, origin) if origin else pack.sources
    return replace(pack, rules=tuple(rules), sources=sources)


def base_pack(config: Config, cli_pack: str | None) -> Pack:
    """The pack named on the command line, else in the config, else ``national``."""
    if cli_pack:
        return load_pack(cli_pack)
    if config.pack:
        name = config.pack
        if name.endswith((".yaml", ".yml")) or "/" in name:
            name = str(resolve(config, name))
        if "\0" in name:  # no file can be named so: say where the config names it
            from checker.terminal import visible

            file, line = config.file or ".fzcheck.yaml", config.line_of("pack")
            raise ConfigError(file, line, "pack", "config.no-pack", name=visible(config.pack))
        return load_pack(name)
    return load_pack("national")


def check_rule_ids(config: Config, pack: Pack) -> None:
    """Every rule id the config names must exist in the pack (a typo is an error)."""
    known = {rule.id for rule in pack.rules}
    places: list[tuple[tuple[str | int, ...], str]] = [(("rules", r), r) for r in config.rules]
    for i, override in enumerate(config.overrides):
        places += [(("overrides", i, "rules", r), r) for r in override.rules]
    for i, waiver in enumerate(config.waivers):
        if waiver.rule:
            places.append((("waivers", i, "rule"), waiver.rule))
    for path, rule_id in places:
        if rule_id not in known:
            field = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in path)
            raise ConfigError(
                config.file or ".fzcheck.yaml",
                config.line_of(*path),
                field.replace(".[", "["),
                "config.pack-has-no-rule",
                pack=pack.label,
                rule=rule_id,
            )


class SettingsResolver:
    """Per-file settings from a config, command-line values taking precedence."""

    def __init__(
        self, config: Config, pack: Pack, fail_under: float | None = None, fail_on: str | None = None
    ) -> None:
        check_rule_ids(config, pack)
        self.config = config
        self.pack = pack
        self.cli_fail_under = fail_under
        self.cli_fail_on = fail_on
        self._packs: dict[tuple[int, ...], Pack] = {}

    def relative(self, path: str | Path) -> str:
        """The file's path relative to the config's folder, as globs see it."""
        return relative_posix(path, self.config.root)

    def for_file(self, path: str | Path) -> FileSettings:
        return self.for_relative(self.relative(path))

    def for_relative(self, relative: str) -> FileSettings:
        """:meth:`for_file` of the file whose :meth:`relative` path is ``relative``."""
        matching = tuple(i for i, o in enumerate(self.config.overrides) if glob_match(relative, o.paths))
        fail_under, fail_on = self.config.fail_under, self.config.fail_on
        for i in matching:
            override = self.config.overrides[i]
            fail_under = override.fail_under if override.fail_under is not None else fail_under
            fail_on = override.fail_on or fail_on
        if self.cli_fail_under is not None:
            fail_under = self.cli_fail_under
        if self.cli_fail_on is not None:
            fail_on = self.cli_fail_on
        return FileSettings(self._pack_for(matching), fail_under, fail_on)

    def _pack_for(self, matching: tuple[int, ...]) -> Pack:
        if matching not in self._packs:
            merged: dict[str, RuleOverride] = dict(self.config.rules)
            for i in matching:
                for rule_id, change in self.config.overrides[i].rules.items():
                    merged[rule_id] = _merge(merged.get(rule_id), change)
            self._packs[matching] = derive_pack(self.pack, merged, self.config.file or "")
        return self._packs[matching]


def _merge(earlier: RuleOverride | None, later: RuleOverride) -> RuleOverride:
    if earlier is None:
        return later
    return RuleOverride(
        earlier.enabled if later.enabled is None else later.enabled,
        later.severity or earlier.severity,
        earlier.weight if later.weight is None else later.weight,
    )
