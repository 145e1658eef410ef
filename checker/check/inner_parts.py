"""A part found by its keywords inside a paragraph of another part: the sentences about it.

"局主要负责人认真履行推进法治建设第一责任人职责，……。" opening a measures paragraph that goes
on about 普法 (受众2万余人次, 党员大会2次) is one sentence about the leader, not a leader's
part of that length and with those facts. An element with ``continues`` (sentence openings
that keep its subject: the leader's title, 其, 带头, 亲自, 主持…) holds the keyword's sentence
and the sentences next to it that continue it; a following paragraph of the run only when
its first clause continues it (a new paragraph is a new item). Where the sentences stop short
of a paragraph the part is that span of it (:attr:`Locus.spans`). A part with a heading of
its own is never narrowed.
"""

from __future__ import annotations

import re

import checker.regex_cache as regex_cache
from checker.check.locus import Locus
from checker.model import Paragraph
from checker.packs.model import Element
from checker.packs.patterns import any_of
from checker.parse.headings import parse_heading

_SENTENCE = regex_cache.compile(r"[^。！？!?;；]+[。！？!?;；]?")
OPENING_CHARS = 24  # what a paragraph or an item opens with: this many characters
MIN_TOLD_SENTENCES = 2  # a lead-in tells of a part in this many sentences, else names it in passing
# an item's marker before its sentence: 二是 / 2. / (2) / ②
_MARKER = regex_cache.compile(
    r"\s*(?:[一二三四五六七八九十]是|\d{1,2}[.、．]|[(（][一二三四五六七八九十\d]{1,2}[)）]|[①-⑳])?\s*"
)


def narrowed(locus: Locus, element: Element) -> Locus:
    """``locus`` (found by keyword) cut to the sentences about ``element``; unchanged when the
    element has no ``continues`` or its sentences fill every paragraph of the run."""
    continues = any_of(element.spec.get("continues", ()))
    keywords = any_of(element.spec.get("keywords", ()))
    if continues is None or keywords is None or locus.how != "keyword":
        return locus
    about = _About(keywords, continues)
    paragraphs: list[Paragraph] = []
    spans: list[tuple[int, int]] = []
    for position, paragraph in enumerate(locus.paragraphs):
        span = about.block(paragraph.text, first=position == 0)
        if span is None:
            break
        paragraphs.append(paragraph)
        spans.append(span)
    if not paragraphs:
        return locus
    whole = all(span == (0, len(p.text)) for p, span in zip(paragraphs, spans, strict=True))
    if whole and len(paragraphs) == len(locus.paragraphs):
        return locus
    return Locus(locus.element, locus.how, tuple(paragraphs), locus.sections, () if whole else tuple(spans))


class _About:
    """Which sentences speak of an element: its ``keywords``, or ``continues`` its account."""

    def __init__(self, keywords: re.Pattern[str], continues: re.Pattern[str]) -> None:
        self.keywords, self.continues = keywords, continues

    def block(self, text: str, first: bool) -> tuple[int, int] | None:
        """(start, end) of the sentences about the element in a paragraph of the run (None:
        the run ends before it). In the ``first``, the keyword's sentence, those before it
        that open about the element and those after it that continue it; in a later one, from
        its start when it opens about the element. An item (二是…, （三）…) whose opening is
        about the element is its whole, up to the next item; a paragraph all about it is held
        whole, a run-in heading's title before the sentences and all ("（六）加强组织领导。厅长…")."""
        sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()]
        if not sentences:
            return None
        items = [_starts_item(text[slice(*span)]) for span in sentences]
        if first:
            hit = self.keywords.search(text)
            if hit is None:
                return None
            at = next((i for i, (_, end) in enumerate(sentences) if hit.start() < end), len(sentences) - 1)
        elif self._opens(text[slice(*sentences[0])]):
            at = 0
        else:
            return None
        low = high = at
        while low > 0 and not items[low] and self._opens(text[slice(*sentences[low - 1])]):
            low -= 1
        in_item = items[low]  # an item about the element: all its sentences are
        while high + 1 < len(sentences):
            sentence = text[slice(*sentences[high + 1])]
            if items[high + 1]:
                if not self._opens(sentence):
                    break
                in_item = True
            elif not (in_item or self.keywords.search(sentence) or self.continues.search(sentence)):
                break
            high += 1
        if high == len(sentences) - 1 and (low == 0 or (low == 1 and _title_end(text) <= sentences[0][1])):
            return 0, len(text)
        return sentences[low][0], sentences[high][1]

    def _opens(self, sentence: str) -> bool:
        """Whether a sentence opens about the element: it speaks of it in its own words, or
        its first :data:`OPENING_CHARS` characters (after an item's marker) speak of it or
        continue it ("二是扎实开展普法……第一责任人职责" is an item about 普法)."""
        marker = _MARKER.match(sentence)
        start = marker.end() if marker is not None else 0
        if start == 0 and self.keywords.search(sentence) is not None:
            return True
        end = min(start + OPENING_CHARS, len(sentence))
        return any(pattern.search(sentence, start, end) for pattern in (self.keywords, self.continues))


def told(locus: Locus, element: Element) -> Locus | None:
    """``locus`` when :data:`MIN_TOLD_SENTENCES` of its sentences or more speak of ``element``
    (its ``keywords`` or ``continues``), else None: a lead-in that names a part in passing
    ("…落实党政主要负责人第一责任人职责，将…同部署、共推进。现将…报告如下", "本报告包括工作开展
    情况、…第一责任人职责情况、存在的差距和不足…四个部分") says what the report covers, not
    how the duties were performed or what fell short."""
    about = [p for p in (any_of(element.spec.get(key, ())) for key in ("keywords", "continues")) if p]
    sentences = 0
    for paragraph in locus.paragraphs:
        start, end = locus.span_of(paragraph)
        for match in _SENTENCE.finditer(paragraph.text, start, end):
            sentences += any(pattern.search(match.group()) for pattern in about)
            if sentences >= MIN_TOLD_SENTENCES:
                return locus
    return None


def _starts_item(sentence: str) -> bool:
    marker = _MARKER.match(sentence)
    return marker is not None and bool(marker.group().strip())


def _title_end(text: str) -> int:
    """Where a run-in heading's title ends in a paragraph ("(六)加强组织领导。厅长…"), else
    past its end: a paragraph without one has no title to count."""
    heading = parse_heading(text)
    if heading is None or not heading.run_in:
        return len(text) + 1
    at = text.find(heading.title)
    return at + len(heading.title) if at >= 0 else len(text) + 1
