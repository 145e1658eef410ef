"""Is the text readable? A text whose lines are mostly garbled (see :mod:`checker.text.garble`)
is no report that can be scored: it gets the error ``garbled-text``, saying where the garbled
text starts, what it looks like and what to do. Fewer garbled lines are reported by the
``garbled`` rule type, paragraph by paragraph, and the rest of the report is checked."""

from __future__ import annotations

import checker.regex_cache as regex_cache
from checker.i18n import t
from checker.model import ErrorInfo
from checker.read.source import SourceText
from checker.text.garble import Garble, Kind, mostly_garbled

SAMPLE_CHARS = 12
_PRIVATE_USE = regex_cache.compile("[\ue000-\uf8ff]")


def main_kind(garbles: tuple[Garble, ...]) -> Kind:
    """The kind of garbling that spoils most characters."""
    spoilt: dict[Kind, int] = {}
    for garble in garbles:
        spoilt[garble.kind] = spoilt.get(garble.kind, 0) + garble.chars
    return max(spoilt, key=spoilt.__getitem__)


def garbled_text(source: SourceText, garbles: tuple[Garble, ...], lang: str) -> ErrorInfo | None:
    """``garbled-text`` when garbled lines make up most of ``source``, else None."""
    if not mostly_garbled(source.text, garbles):
        return None
    first = garbles[0]
    line = source.text.split("\n")[first.line - 1]
    # private-use characters show as nothing at all: a box stands for each
    sample = _PRIVATE_USE.sub("□", "".join(line.split())[:SAMPLE_CHARS])
    place = source.label(first.line) or t("ui.line", lang, line=first.line)
    cause = t(f"garble.cause.{main_kind(garbles)}", lang)
    message = t("error.garbled-text.text", lang, place=place, sample=sample, cause=cause)
    return ErrorInfo("garbled-text", message)
