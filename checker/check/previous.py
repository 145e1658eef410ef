"""``fzcheck check --previous``: one report compared with the same body's report of the year before.

The comparison is the audit's own, run on the pair: both reports' part-tagged shingles
(:func:`checker.audit.features.extract`), :func:`checker.audit.copies.find_matches` as one body's
two years, the shared passages of :mod:`checker.audit.passages`, and the findings and score of
:func:`checker.audit.apply.add_copy_findings`. So ``check --previous`` gives the
``copy-previous-year`` finding and score an audit of the two files gives, and the pack's
``params``, message, suggestion and weight apply unchanged.

Each further shared passage (the audit's finding quotes the first) becomes an ``info`` finding
of the same rule at its line, so every output format, the page and ``annotate`` show where the
carried-over text is; it costs no further points.

Imported only when ``--previous`` is given: it brings numpy and the audit's machinery.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import msgspec
import numpy as np

from checker.api import Analysis, analyse_file
from checker.audit.apply import EXCERPT_CHARS, CopyPair, add_copy_findings, copy_rules, copy_thresholds
from checker.audit.copies import PREVIOUS, Doc, find_matches
from checker.audit.features import Features, extract, load_texts
from checker.audit.passages import shared_passages
from checker.i18n import t
from checker.model import Document, Finding, Paragraph, Result
from checker.options import CheckOptions
from checker.packs.model import Pack

RULE = "copy-previous-year"  # the audit's rule for a body's own earlier report (RULE_IDS)
QUOTE_CHARS = 24
_BODY = "previous-check"  # both reports are one body's: the user says so by naming the file
_THIS, _EARLIER = "this", "previous"


class PreviousReport(msgspec.Struct, frozen=True):
    """What the comparison keeps of the previous year's report."""

    path: str  # as the user named it (the suggestion quotes it)
    real: str | None  # resolved, to tell the same file named twice (None: an upload)
    sha256: str | None
    agency: str | None
    year: int | None
    features: Features


class PreviousUnusable(Exception):
    """The file named as last year's report cannot be compared with (the message says why)."""


def load_previous(path: str | Path, options: CheckOptions) -> PreviousReport:
    """Read and locate the parts of the previous report; raises :class:`PreviousUnusable`."""
    lang, shown = options.lang, str(path)
    file = Path(path)
    if not file.exists():
        raise PreviousUnusable(t("previous.missing", lang, path=shown))
    if not file.is_file():
        raise PreviousUnusable(t("previous.not-file", lang, path=shown))
    return previous_from(analyse_file(file, options=options), shown, str(file.resolve()), lang)


def previous_or_why(path: str | Path, options: CheckOptions) -> PreviousReport | str:
    """:func:`load_previous`, or the message saying why the file cannot be used: what a budget
    child hands back (an exception would not cross the fork as itself)."""
    try:
        return load_previous(path, options)
    except PreviousUnusable as exc:
        return str(exc)


def over_budget(path: str, lang: str, code: str, details: dict[str, object]) -> str:
    """Why last year's report cannot be used when reading it ran out of time or memory."""
    from checker.api import error_result

    error = error_result(path, code, lang, **details).error
    return t("previous.unreadable", lang, path=path, error=error.message if error else code)


def previous_from(analysis: Analysis, shown: str, real: str | None, lang: str) -> PreviousReport:
    """The previous report from its analysis (``real``: its resolved path; None for a file sent
    to the page, told from this year's by its bytes alone); raises :class:`PreviousUnusable`
    when it is unreadable or no report."""
    result = analysis.result
    if result.status == "error":
        error = result.error.message if result.error else ""
        raise PreviousUnusable(t("previous.unreadable", lang, path=shown, error=error))
    if not result.is_report or analysis.document is None or analysis.loci is None:
        reason = result.not_report_reason or ""
        raise PreviousUnusable(t("previous.not-report", lang, path=shown, reason=reason))
    features = extract(analysis.document, analysis.loci)
    return PreviousReport(shown, real, result.sha256, result.meta.agency, result.meta.year, features)


def same_file(result: Result, this_real: str | None, previous: PreviousReport) -> bool:
    """Whether the previous report is the checked one itself (the same path or the same bytes)."""
    if this_real is not None and this_real == previous.real:
        return True
    return result.sha256 is not None and result.sha256 == previous.sha256


def compare(
    analysis: Analysis, previous: PreviousReport, options: CheckOptions, this_real: str | None
) -> Result:
    """The result of ``analysis`` with the parts it carried over from ``previous`` as findings."""
    result = analysis.result
    if (
        result.status != "ok"
        or not result.is_report
        or analysis.document is None
        or analysis.loci is None
        or same_file(result, this_real, previous)
    ):
        return result
    pack = options.rule_pack()
    if PREVIOUS not in copy_rules(pack):
        return result  # the pack disabled copy-previous-year
    features = extract(analysis.document, analysis.loci)
    source = analysis.source
    places = _Places(analysis.document, source.text.split("\n") if source is not None else [])
    pairs = [places.refine(pair) for pair in carried_over(result, features, previous, pack)]
    if not pairs:
        return result
    payload: dict[str, Any] = msgspec.json.decode(msgspec.json.encode(result))  # lists, not tuples
    meta = {previous.path: (previous.agency, previous.year)}
    chosen = options.fail_under
    cutoff = float(chosen if chosen is not None else pack.parameters.get("fail_under", 60))
    kept = add_copy_findings(payload, pairs, pack, meta, options.lang, cutoff)
    for pair in kept:
        payload["findings"].extend(_passage_findings(pair, pack, previous, places, options.lang))
    for finding in payload["findings"]:
        if finding["rule"] == RULE and finding["column"] is None:
            places.place(finding)
            if source is not None and finding["line"]:
                finding["location"] = source.label(finding["line"])  # 第几段 of a Word file
    payload["findings"].sort(key=lambda f: (f["line"] or 0, f["column"] or 0, f["rule"]))
    return msgspec.convert(payload, Result)


def carried_over(result: Result, features: Features, previous: PreviousReport, pack: Pack) -> list[CopyPair]:
    """The parts of this report (whole text, measures, problems, plan) that reach the rule's
    threshold against ``previous``, with their shared passages (lines in this report)."""
    this_year, earlier_year = result.meta.year, previous.year
    if this_year is None or earlier_year is None or this_year <= earlier_year:
        this_year, earlier_year = 1, 0  # the user named it last year's: compare it as such
    docs = [_doc(_THIS, this_year, features), _doc(_EARLIER, earlier_year, previous.features)]
    matches = find_matches(docs, copy_thresholds(pack))
    texts = load_texts(features.texts)
    earlier_texts = load_texts(previous.features.texts)
    return [
        CopyPair(
            PREVIOUS,
            match.part,
            result.path,
            previous.path,
            match.similarity,
            tuple(shared_passages(texts, earlier_texts, match.part)),
        )
        for match in matches
        if match.kind == PREVIOUS and match.a == _THIS
    ]


class _Places:
    """Where a shared passage is in this year's report, and how it is written there. The audit
    names the line its paragraph starts on and quotes the normalised text; a clerk (and the
    page's highlight, annotate's comment) needs the passage's own line and column, and the
    text as written (full-width punctuation)."""

    def __init__(self, document: Document, lines: list[str]) -> None:
        self.paragraphs: dict[int, list[Paragraph]] = {}
        for paragraph in document.body_paragraphs():
            self.paragraphs.setdefault(paragraph.line, []).append(paragraph)
        self.lines = lines
        self.found: dict[tuple[int, str], tuple[int, str]] = {}  # (line, excerpt) → column, original

    def refine(self, pair: CopyPair) -> CopyPair:
        """``pair`` with each passage on the line it is written on."""
        return msgspec.structs.replace(pair, passages=tuple(self._place(*item) for item in pair.passages))

    def _place(self, line: int, passage: str) -> tuple[int, str]:
        for paragraph in self.paragraphs.get(line, ()):
            offset = paragraph.text.find(passage)
            if offset >= 0:
                first, column = paragraph.position(offset)
                last, end = paragraph.position(offset + len(passage) - 1)
                self.found[(first, excerpt_of(passage))] = (column, self._original(first, column, last, end))
                return first, passage
        return line, passage  # a run of characters across spaces (names swapped): its paragraph

    def _original(self, first: int, column: int, last: int, end: int) -> str:
        """The text from (first, column) to (last, end) as written, wrapped lines joined."""
        if not 1 <= first <= last <= len(self.lines):
            return ""
        if first == last:
            return self.lines[first - 1][column - 1 : end].strip()
        middle = self.lines[first : last - 1]
        pieces = [self.lines[first - 1][column - 1 :], *middle, self.lines[last - 1][:end]]
        return "".join(piece.strip() for piece in pieces)

    def written(self, line: int, passage: str) -> str:
        """The passage as written in the report (the normalised text when it was not placed)."""
        return self.found.get((line, excerpt_of(passage)), (None, ""))[1] or passage

    def place(self, finding: dict[str, Any]) -> None:
        """Give a copy finding the column of its passage and quote it as written."""
        column, original = self.found.get((finding["line"], finding["excerpt"]), (None, ""))
        if column is not None:
            finding["column"] = column
            finding["excerpt"] = excerpt_of(original) if original else finding["excerpt"]


def _quote(passage: str) -> str:
    """The start of a passage, to name it in a message (formats without the excerpt show that)."""
    return passage if len(passage) <= QUOTE_CHARS else passage[: QUOTE_CHARS - 1] + "…"


def excerpt_of(passage: str) -> str:
    """The passage as a finding quotes it (as the audit shortens it)."""
    return passage if len(passage) <= EXCERPT_CHARS else passage[: EXCERPT_CHARS - 1] + "…"


def _doc(path: str, year: int, features: Features) -> Doc:
    hashes = np.frombuffer(features.hashes, dtype=np.uint32)
    masks = np.frombuffer(features.masks, dtype=np.uint8)
    return Doc(path, _BODY, year, hashes, masks)


def _passage_findings(
    pair: CopyPair, pack: Pack, previous: PreviousReport, places: _Places, lang: str
) -> list[dict[str, Any]]:
    """An ``info`` finding at each shared passage after the first (the rule's finding quotes it)."""
    rule = copy_rules(pack)[pair.kind]
    names = {e.id: (e.name_en if lang == "en" else e.name) for e in pack.elements}
    part = names.get(pair.part) or t("audit.whole", lang)
    year = previous.year if previous.year is not None else t("audit.unknown-year", lang)
    out = []
    for line, passage in pair.passages[1:]:
        excerpt = excerpt_of(passage)
        fingerprint = hashlib.sha1(f"{rule.id}\x1fpassage\x1f{passage}".encode()).hexdigest()[:16]
        finding = Finding(
            rule=rule.id,
            element=rule.element,
            severity="info",
            message=t(
                "previous.passage", lang, quote=_quote(places.written(line, passage)), part=part, year=year
            ),
            suggestion=t("previous.passage-suggestion", lang),
            line=line,
            column=None,
            excerpt=excerpt,
            basis=str(rule.basis),
            fingerprint=fingerprint,
        )
        out.append(msgspec.to_builtins(finding))
    return out


def notes(result: Result, this_real: str | None, previous: PreviousReport, lang: str) -> list[str]:
    """What the user should know about the comparison: the same file twice, a previous report
    that is not of the year before, and, when nothing was carried over, that it was compared."""
    if same_file(result, this_real, previous):
        return [t("previous.same-file", lang, path=previous.path)]
    if result.status != "ok" or not result.is_report:
        return []
    out = []
    this_year, earlier_year = result.meta.year, previous.year
    if this_year is None or earlier_year is None:
        out.append(t("previous.year-unknown", lang, path=previous.path))
    elif earlier_year != this_year - 1:
        values = {"path": previous.path, "year": earlier_year, "this_year": this_year}
        out.append(t("previous.not-year-before", lang, **values))
    if not any(f.rule == RULE and f.severity != "info" for f in result.findings):
        out.append(t("previous.nothing-copied", lang, path=previous.path))
    return out
