"""Output formats: name → ``module:function`` taking (results, RenderContext) → str; the same
module's ``Writer`` writes that output result by result (:func:`checker.formats.writing.open_writer`)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable

import msgspec

from checker.model import Result
from checker.options import CheckOptions
from checker.packs.model import Pack

FORMATTERS: dict[str, str] = {
    "text": "checker.formats.text:render",
    "json": "checker.formats.jsonout:render",
    "sarif": "checker.formats.sarif:render",
    "junit": "checker.formats.junit:render",
    "github": "checker.formats.github:render",
    "markdown": "checker.formats.markdown:render",
}


class RenderContext(msgspec.Struct, frozen=True):
    """What a formatter needs: the run's options (pack, language) and whether to colour."""

    options: CheckOptions
    color: bool = False

    @property
    def pack(self) -> Pack:
        return self.options.rule_pack()

    @property
    def lang(self) -> str:
        return self.options.lang


def formatter(name: str) -> Callable[[Iterable[Result], RenderContext], str]:
    """The function rendering a whole run's results in format ``name`` as one string."""
    module_name, func = FORMATTERS[name].split(":")
    return getattr(importlib.import_module(module_name), func)
