"""Where an element of a report is: :class:`Locus`, what locating finds and every rule reads."""

from __future__ import annotations

from functools import cached_property

import msgspec

from checker.model import Paragraph, Section
from checker.text.sentences import han_count


class Locus(msgspec.Struct, frozen=True, dict=True):
    """Where an element is. ``how``: heading, keyword, title, signature or date.

    ``spans``: when the part is only some sentences of its paragraphs (a 第一责任人 sentence
    opening a measures paragraph, :mod:`checker.check.inner_parts`), the (start, end) of the
    part in each paragraph, in the order of ``paragraphs``; empty when it holds them whole."""

    element: str
    how: str
    paragraphs: tuple[Paragraph, ...]
    sections: tuple[Section, ...] = ()
    spans: tuple[tuple[int, int], ...] = ()

    @property
    def anchor(self) -> Paragraph:
        return self.paragraphs[0]

    @cached_property
    def _extent(self) -> dict[int, tuple[int, int]]:
        """Paragraph index → the part's (start, end) in it, for the paragraphs held in part."""
        return {p.index: span for p, span in zip(self.paragraphs, self.spans, strict=False)}  # no spans: none

    def span_of(self, paragraph: Paragraph) -> tuple[int, int]:
        """(start, end) of the part in one of its paragraphs: all of it unless held in part."""
        return self._extent.get(paragraph.index, (0, len(paragraph.text)))

    def holds_whole(self, paragraph: Paragraph) -> bool:
        return paragraph.index not in self._extent or self.span_of(paragraph) == (0, len(paragraph.text))

    @property
    def anchor_span(self) -> tuple[int, int]:
        """(offset, length) of the part in its anchor paragraph: what a finding on the whole
        part quotes (the leader's sentence, not the measures paragraph it opens)."""
        start, end = self.span_of(self.anchor)
        return start, end - start

    @property
    def line(self) -> int:
        """The line where the part starts in the original."""
        start = self.span_of(self.anchor)[0]
        return self.anchor.position(start)[0] if start else self.anchor.line

    @cached_property
    def text(self) -> str:
        if not self.spans:
            return "".join(p.text for p in self.paragraphs)
        return "".join(p.text[slice(*self.span_of(p))] for p in self.paragraphs)

    @cached_property
    def _heading_ids(self) -> set[int]:
        """Paragraph indices of the located sections' bare headings (not run-in ones)."""
        return {s.paragraph.index for s in self.sections if not s.heading.run_in}

    @cached_property
    def _cuts(self) -> dict[int, int]:
        """Paragraph index → where the body starts in a run-in heading's paragraph."""
        cut: dict[int, int] = {}
        for section in self.sections:
            if section.heading.run_in:
                text, title = section.paragraph.text, section.heading.title
                at = text.find(title)
                cut[section.paragraph.index] = at + len(title) if at >= 0 else 0
        return cut

    @cached_property
    def body_paragraphs(self) -> tuple[Paragraph, ...]:
        """Paragraphs without the bare headings of the located sections."""
        heading_ids = self._heading_ids
        return tuple(p for p in self.paragraphs if p.index not in heading_ids)

    @cached_property
    def body_pieces(self) -> tuple[tuple[Paragraph, int, int], ...]:
        """Each body paragraph with where its content starts (after a run-in heading's title)
        and ends (the part's end in a paragraph held in part): what :attr:`body_text` is made
        of, for a rule that must point back into a paragraph."""
        cut = self._cuts
        pieces = []
        for paragraph in self.body_paragraphs:
            start, end = self.span_of(paragraph)
            pieces.append((paragraph, min(max(start, cut.get(paragraph.index, 0)), end), end))
        return tuple(pieces)

    @cached_property
    def body_text(self) -> str:
        """Content without the headings of the located sections (a run-in heading loses its
        title too: "存在的不足、原因…" in a heading is no analysis of causes)."""
        return "".join(p.text[start:end] for p, start, end in self.body_pieces)

    @cached_property
    def body_han_count(self) -> int:
        """Han characters in :attr:`body_text`: counted once, since the presence rule and the
        proportion rules on both sides of a comparison all ask for it."""
        return han_count(self.body_text)

    @cached_property
    def text_han_count(self) -> int:
        """Han characters in :attr:`text`. The text is the body plus the headings left out of
        it, so only the headings are counted here: the body's count is known already."""
        heading_ids, cut = self._heading_ids, self._cuts
        headings = "".join(
            p.text if p.index in heading_ids else p.text[: cut.get(p.index, 0)]
            for p in self.paragraphs
            if self.holds_whole(p)  # a part held in part is a keyword's sentences: no heading
        )
        return self.body_han_count + han_count(headings)
