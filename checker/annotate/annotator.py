"""Put the findings into a Word document: a comment on each quoted text, fixes as revisions.

Fixes are written first, so a finding's comment covers its tracked change; offsets stay
those of the input's text throughout (see :mod:`checker.annotate.textmap`).
"""

from __future__ import annotations

import msgspec
from lxml import etree

from checker.annotate.comments import AUTHOR, CommentWriter, mark_before, mark_point, mark_range
from checker.annotate.earlier import remove_earlier_comments
from checker.annotate.fields import outside_field
from checker.annotate.linemap import LineMap
from checker.annotate.package import WordPackage
from checker.annotate.places import Point, Span, finding_point, quoted_span, title_span
from checker.annotate.revisions import Revisions
from checker.annotate.textmap import Owned, covering_runs, walk
from checker.annotate.texts import finding_text, summary_text
from checker.annotate.wordml import w
from checker.model import Document, Finding, Result
from checker.packs.pack import Pack


class _Target(msgspec.Struct):
    """A resolved place in the Word document."""

    start: tuple[etree._Element, int]
    end: tuple[etree._Element, int] | None  # None: a point (``at_end`` says which side)
    at_end: bool = False


def _resolve_span(span: Span, line_map: LineMap) -> _Target | None:
    start = line_map.locate(span.line, span.column)
    end = line_map.locate_end(span.end_line, span.end_column)
    if start is None or end is None:
        return None
    if start[0] is end[0] and end[1] <= start[1]:
        return _Target(start, None, at_end=False)
    return _Target(start, end)


def _resolve_point(point: Point, line_map: LineMap) -> _Target | None:
    edge = line_map.line_edge(point.line, point.at_end)
    return None if edge is None else _Target(edge, None, point.at_end)


def _search(quote: str, body: etree._Element, owned: Owned) -> _Target | None:
    """Fallback when a line could not be mapped: the first paragraph containing the quote."""
    quote = quote.rstrip("…").strip()
    if not quote:
        return None
    for paragraph in body.iter(w("p")):
        index = walk(paragraph, owned).text.find(quote)
        if index >= 0:
            return _Target((paragraph, index), (paragraph, index + len(quote)))
    return None


class _Annotator:
    def __init__(
        self, package: WordPackage, line_map: LineMap, lines: list[str], lang: str, fix: bool
    ) -> None:
        self.line_map = line_map
        self.lines = lines
        self.lang = lang
        self.fix = fix
        self.body = package.body
        self.revisions = Revisions.for_body(self.body, AUTHOR, line_map.unread_runs)
        self.comments = 0
        self.writer = CommentWriter(package, self.revisions.date)

    def comment(self, target: _Target, text: str) -> None:
        comment_id = self.writer.add(text)
        self.comments += 1
        (paragraph, start), end = target.start, target.end
        if end is None:
            self._point(paragraph, start, comment_id, target.at_end)
            return
        end_paragraph, end_offset = end
        if paragraph is end_paragraph:
            runs = covering_runs(paragraph, start, end_offset, self.revisions.owned)
            first, last = (runs[0], runs[-1]) if runs else (None, None)
        else:
            first_runs = covering_runs(
                paragraph, start, len(walk(paragraph, self.revisions.owned).text), self.revisions.owned
            )
            last_runs = covering_runs(end_paragraph, 0, end_offset, self.revisions.owned)
            first = first_runs[0] if first_runs else None
            last = last_runs[-1] if last_runs else None
        if first is None or last is None:
            self._point(paragraph, start, comment_id, False)
            return
        last_node = outside_field(_outer(last, self.revisions.owned), at_end=True)
        while last_node.getnext() is not None and last_node.getnext() in self.revisions.owned.inserted:
            last_node = last_node.getnext()
        first_node = outside_field(_outer(first, self.revisions.owned), at_end=False)
        mark_range(first_node, last_node, comment_id, self.writer.reference_style)

    def _point(self, paragraph: etree._Element, offset: int, comment_id: int, at_end: bool) -> None:
        owned = self.revisions.owned
        length = len(walk(paragraph, owned).text)
        if at_end or not length or offset <= 0 or offset >= length:
            at_end = at_end or (length > 0 and offset > 0)
            mark_point(paragraph, comment_id, at_end, self.writer.reference_style)
            return
        runs = covering_runs(paragraph, offset, offset + 1, owned)
        mark_before(
            outside_field(_outer(runs[0], owned), at_end=False), comment_id, self.writer.reference_style
        )

    def apply_fix(self, finding: Finding) -> bool:
        """Track ``finding.fix`` if the text at its place is the text it expects."""
        fix = finding.fix
        if fix is None:
            return False
        located = self.line_map.locate(finding.line or 0, finding.column or 0)
        if located is None:
            return False
        paragraph, start = located
        text = walk(paragraph, self.revisions.owned).text
        if text[start : start + len(fix.old)] != fix.old:
            return False
        self.revisions.replace(paragraph, start, fix.old, fix.new)
        return True


def _outer(run: etree._Element, owned: Owned) -> etree._Element:
    """The run, or the w:del / w:ins annotate wrapped it in; another author's revision around
    it is left alone, so a comment covers the run only, not the rest of that revision."""
    parent = run.getparent()
    if parent is not None and (parent in owned.deleted or parent in owned.inserted):
        return parent
    return run


def annotate_into(
    package: WordPackage,
    line_map: LineMap,
    parsed: Document,
    result: Result,
    pack: Pack,
    lines: list[str],
    lang: str,
    fix: bool,
) -> tuple[int, int]:
    """Add the comments (and with ``fix`` the tracked changes) to ``package``; (comments, changes).
    fzcheck's comments from an earlier run on the same copy are taken out first."""
    remove_earlier_comments(package, AUTHOR)
    annotator = _Annotator(package, line_map, lines, lang, fix)
    summary_target = None
    span = title_span(parsed, lines)
    if span is not None:
        summary_target = _resolve_span(span, line_map)
    findings = result.findings if result.is_report else ()
    placed: list[tuple[Finding, _Target | None]] = []
    for finding in findings:
        target = None
        quoted = quoted_span(finding, lines)
        if quoted is not None:
            target = _resolve_span(quoted, line_map) or _search(
                finding.excerpt, annotator.body, annotator.revisions.owned
            )
        else:  # a point, such as where a missing part belongs (the check placed it)
            point = finding_point(finding)
            target = _resolve_point(point, line_map) if point is not None else None
        placed.append((finding, target))
    fallback = summary_target or _first_paragraph_target(annotator)
    for finding, target in placed:
        target = target or fallback
        embedded = finding.line is not None and line_map.embedded(finding.line)
        # no fix in a chunk: its text is in no run of the paragraph standing in for it
        fixed = annotator.fix and target is not None and not embedded and annotator.apply_fix(finding)
        if target is not None:
            annotator.comment(target, finding_text(finding, lang, bool(fixed), embedded))
    if fallback is not None:
        annotator.comment(fallback, summary_text(result, pack.label, lang))
    annotator.writer.flush()
    return annotator.comments, annotator.revisions.count


def _first_paragraph_target(annotator: _Annotator) -> _Target | None:
    for places in annotator.line_map.places.values():
        place = places[0]
        return _Target((place.paragraph, place.base), None, False)
    return None
