"""What a rule type receives and returns, and how it declares its parameters.

A rule type is one module: a docstring (its user documentation), ``PARAMS`` (the JSON
Schema of a rule's ``params``, built with :func:`params_schema`; pattern parameters use
``REGEX_LIST`` and are compiled when the pack loads), ``VALUES`` (the names its hits' values
carry, which a rule's message, suggestion and fix may use besides ``agency`` and ``year``),
optional ``DOCUMENT_LEVEL``, and ``check(rule, ctx)`` yielding :class:`Hit`. The registry
(``ruletypes/__init__.py``) names it; the pack loader composes every type's ``PARAMS`` into the pack schema.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import Any

import msgspec

from checker.check.locate import Locus
from checker.model import Document, Paragraph, Status
from checker.packs.model import Pack, Rule
from checker.text.garble import Garble


class Context(msgspec.Struct, frozen=True, dict=True):
    """Everything a rule may look at for one report."""

    document: Document
    loci: dict[str, Locus | None]
    pack: Pack
    today: dt.date  # the date date rules count from (CheckOptions.today, else the real today)
    lang: str = "zh"  # language of the messages a rule builds itself
    source_format: str = "txt"  # the reader that made the text (pdf spaces come from layout)
    garbled: tuple[Garble, ...] = ()  # the garbled lines of the text (checker.text.garble)

    def locus(self, element_id: str) -> Locus | None:
        return self.loci.get(element_id)

    def page_stated(self, element_id: str) -> tuple[str, str] | None:
        """(key, value) of the page's information table when only the page states the
        element (a web copy's 成文日期; its locus is "page"), else None."""
        locus = self.loci.get(element_id)
        if locus is None or locus.how != "page":
            return None
        key = next(e.spec["page_meta"] for e in self.pack.elements if e.id == element_id)
        return key, self.document.source_meta[key]

    @cached_property
    def _parts(self) -> dict[int, str]:
        """Paragraph index → the element whose part it is. A specific part (plan, duties,
        problems) wins over the catch-all measures that also spans it."""
        owner: dict[int, str] = {}
        catch_all = [e.id for e in self.pack.elements if e.spec.get("claim_unassigned")]
        ordered = catch_all + [e for e in self.loci if e not in catch_all]
        for element_id in ordered:
            locus = self.loci.get(element_id)
            if locus is not None and locus.how in ("heading", "keyword", "block"):
                # a sentence or two of a paragraph does not make it the element's
                owner.update((p.index, element_id) for p in locus.paragraphs if locus.holds_whole(p))
        return owner

    def part_of(self, paragraph: Paragraph) -> str | None:
        """The element whose part ``paragraph`` belongs to, if any (a rule knows what it reads)."""
        return self._parts.get(paragraph.index)

    def agency_hint(self) -> str:
        return self.document.meta.agency or "××局"

    def year_hint(self) -> str:
        return str(self.document.meta.year) if self.document.meta.year else "20××"


class Hit(msgspec.Struct, frozen=True):
    """One problem a rule found. ``status`` is what it makes of the element (None: no change).

    ``loss`` is the share of the rule's weight lost (0–1); ``paragraph``/``offset``/``length``
    point at the text concerned; ``values`` fill the rule's message templates.
    """

    loss: float = 1.0
    status: Status | None = "weak"
    paragraph: Paragraph | None = None
    offset: int = 0
    length: int = 0
    values: dict[str, Any] = msgspec.field(default_factory=dict)


# ``scope``: where a rule looks (see :func:`scope_pieces`).
SCOPE: dict[str, Any] = {
    "enum": ["element", "document", "opening"],
    "description": "查找范围：element（本要素）、document（全文）、opening（开头段）",
    "description_en": "where to look: element (this element), document (whole text), opening (1st paragraph)",
}


def params_schema(properties: dict[str, Any], required: tuple[str, ...] = ()) -> dict[str, Any]:
    """The schema of a rule type's ``params``: these properties only, ``required`` ones needed."""
    schema: dict[str, Any] = {"type": "object", "additionalProperties": False}
    if required:
        schema["required"] = list(required)
    schema["properties"] = properties
    return schema


def described(schema: dict[str, Any], description: str, english: str) -> dict[str, Any]:
    """``schema`` with its description for ``fzcheck rules types``, in Chinese and English."""
    return {**schema, "description": description, "description_en": english}


def scope_pieces(rule: Rule, ctx: Context) -> tuple[tuple[Paragraph, int, int], ...]:
    """The (paragraph, start, end) a rule with a ``scope`` parameter looks at: the whole
    document's or opening's paragraphs, or the element's part (only its sentences of a
    paragraph it holds in part)."""
    scope = rule.params.get("scope")
    if scope == "document":
        return tuple((p, 0, len(p.text)) for p in ctx.document.paragraphs)
    if scope == "opening":
        return tuple((p, 0, len(p.text)) for p in ctx.document.preamble[:1])
    locus = ctx.locus(rule.element)
    return tuple((p, *locus.span_of(p)) for p in locus.paragraphs) if locus else ()
