"""The one options object: what a check was asked to do, from the command line to the rule types.

``fzcheck check``, ``audit`` and ``serve``, the Python API, the engine, the formatters and the
audit workers all carry a :class:`CheckOptions`; rule types see its ``lang`` and ``today`` as
typed fields of their :class:`~checker.check.ruletypes.base.Context`. Plain values only where
it crosses a process boundary (``pack`` may stay a name so the object pickles cheaply).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec
from msgspec.structs import replace

from checker.read import DEFAULT_MAX_BYTES

if TYPE_CHECKING:  # the pack module (YAML, JSON Schema) loads only when a pack is needed
    from checker.packs.model import Pack

LANGS = ("zh", "en")


class CheckOptions(msgspec.Struct, frozen=True):
    """How to check and judge one report.

    ``pack``: a loaded pack, or a bundled pack's name or a YAML path (None: ``national``, or
    in a ``check`` run the config's pack); ``lang``: language of
    messages; ``today``: the date that date rules count from (None: the real today);
    ``fail_under``: pass mark (None: the pack's ``fail_under``); ``max_bytes``: larger input
    files are refused; ``detect``: False skips the is-this-a-report test (rule examples are
    fragments).
    """

    pack: Pack | str | None = None
    lang: str = "zh"
    today: dt.date | None = None
    fail_under: float | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    detect: bool = True

    def rule_pack(self) -> Pack:
        """The pack, loaded (bundled packs and files are cached by the loader)."""
        if self.pack is None or isinstance(self.pack, str):
            from checker.packs.pack import load_pack  # lazy: keeps ``fzcheck --help`` fast

            return load_pack(self.pack or "national")
        return self.pack

    def pack_name(self) -> str:
        """The pack as a plain name or path, for worker processes and stored keys."""
        if self.pack is None or isinstance(self.pack, str):
            return self.pack or "national"
        return self.pack.sources[-1] if self.pack.sources else self.pack.id

    def effective_today(self) -> dt.date:
        return self.today or dt.date.today()

    def with_changes(self, **changes: Any) -> CheckOptions:
        """A copy with some fields changed (a ``Path`` pack becomes its string)."""
        if isinstance(changes.get("pack"), Path):
            changes["pack"] = str(changes["pack"])
        unknown = set(changes) - set(CheckOptions.__struct_fields__)
        if unknown:
            raise TypeError(f"unknown check option(s): {', '.join(sorted(unknown))}")
        return replace(self, **changes)


DEFAULT_OPTIONS = CheckOptions()


def options_from(options: CheckOptions | None = None, **changes: Any) -> CheckOptions:
    """``options`` (or the defaults) with keyword overrides, as the API functions accept them."""
    base = options or DEFAULT_OPTIONS
    return base.with_changes(**changes) if changes else base
