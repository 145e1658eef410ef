"""Run a rule pack over a parsed document: locate elements, apply rules, score."""

from __future__ import annotations

import msgspec

from checker.check.fixes import make_fix
from checker.check.garbled import garbled_text
from checker.check.locate import Locus, locate_elements
from checker.check.ruletypes import rule_type
from checker.check.ruletypes.base import Context, Hit
from checker.check.score import grade_for, total_score
from checker.check.wholeness import partial_page, several_reports
from checker.digests import sha1_hex
from checker.i18n import fill
from checker.model import Document, ElementResult, Finding, Meta, Result, Status
from checker.options import CheckOptions
from checker.packs.model import Pack, Rule
from checker.parse.doctype import not_report_reason
from checker.read.source import SourceText
from checker.text.garble import find_garbled

_STATUS_ORDER = {"present": 0, "weak": 1, "missing": 2}
EXCERPT_CHARS = 80


class Evaluation(msgspec.Struct, frozen=True):
    """What checking found: the result, and where each element is (None: missing), so that
    later stages (audit copy features) need not locate the elements again."""

    result: Result
    loci: dict[str, Locus | None]


def _clip(text: str) -> str:
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "…"


def _excerpt(hit: Hit) -> str:
    """The concerned text in normalised form (stable across formats: used for fingerprints)."""
    if hit.paragraph is None or hit.length <= 0:
        return ""
    return _clip(hit.paragraph.text[hit.offset : hit.offset + hit.length])


def _original_excerpt(hit: Hit, lines: list[str], first_line: int, first_column: int, excerpt: str) -> str:
    """The concerned text as the user wrote it (full-width punctuation, traditional script…),
    taken from the original lines through the column map; wrapped lines are joined.
    (``first_line``, ``first_column``) is where the hit starts and ``excerpt`` its
    :func:`_excerpt`: the caller has both already."""
    if hit.paragraph is None or hit.length <= 0:
        return ""
    last_line, last_column = hit.paragraph.position(hit.offset + hit.length - 1)
    if not (1 <= first_line <= last_line <= len(lines)):
        return excerpt
    if first_line == last_line:
        text = lines[first_line - 1][first_column - 1 : last_column]
    else:
        pieces = [lines[first_line - 1][first_column - 1 :]]
        pieces += [lines[n - 1] for n in range(first_line + 1, last_line)]
        pieces.append(lines[last_line - 1][:last_column])
        text = "".join(piece.strip() for piece in pieces)
    return _clip(text.strip()) or excerpt


def _anchor(rule: Rule, excerpt: str) -> str:
    """What a finding's fingerprint is about: its normalised excerpt, else its element."""
    return excerpt or rule.element


def _fingerprint(rule: Rule, excerpt: str, occurrence: int) -> str:
    """A finding's identity across runs (baselines, waivers by fingerprint, SARIF
    ``partialFingerprints``): the rule, its element, the normalised excerpt, and
    ``occurrence``, the number of earlier hits of the same rule with the same excerpt. Neither
    the line nor the hit's place among the rule's other hits counts, so inserting lines or
    fixing (or adding) a different hit of the rule leaves the others' fingerprints as they were;
    among identical excerpts, fixing one leaves fingerprints the baseline already has."""
    raw = f"{rule.id}\x1f{rule.element}\x1f{_anchor(rule, excerpt)}\x1f{occurrence}"
    return sha1_hex(raw.encode("utf-8"))[:16]


def _finding(
    rule: Rule,
    hit: Hit,
    source: SourceText,
    lang: str,
    seen: dict[str, int],
    defaults: dict,
    lines: list[str],
) -> Finding:
    """One Finding from a hit. The hit's position and normalised excerpt are worked out once
    here and handed to the helpers that need them (a report has a few findings per rule).
    ``seen`` counts the rule's earlier hits per anchor (see :func:`_fingerprint`)."""
    message, suggestion = rule.text(lang)
    values = {**defaults, **hit.values}
    excerpt = _excerpt(hit)
    anchor = _anchor(rule, excerpt)
    occurrence = seen.get(anchor, 0)
    seen[anchor] = occurrence + 1
    line = column = None
    original = ""
    if hit.paragraph is not None:
        if hit.length == 0 and hit.offset == 0:  # a point before the paragraph: its line's start
            line, column = hit.paragraph.line, 1
        elif hit.length == 0 and hit.offset >= len(hit.paragraph.text):  # a point after the text
            line, column = hit.paragraph.end()
        else:
            line, column = hit.paragraph.position(hit.offset)
        original = _original_excerpt(hit, lines, line, column, excerpt)
    return Finding(
        rule=rule.id,
        element=rule.element,
        severity=rule.severity,  # type: ignore[arg-type]
        message=fill(message, values),
        suggestion=fill(suggestion, values),
        line=line,
        column=column,
        excerpt=original,
        basis=str(rule.basis),
        location=source.label(line) if line else None,
        fingerprint=_fingerprint(rule, excerpt, occurrence),
        fix=make_fix(rule.fix, hit.paragraph, hit.offset, hit.length, values, lines),
    )


def _independent_of_element(rule: Rule) -> bool:
    """Rules about the whole text still run when their element is missing."""
    if rule.params.get("scope") in ("document", "opening"):
        return True
    return getattr(rule_type(rule.type), "DOCUMENT_LEVEL", False)


def _apply_rules(
    ctx: Context, source: SourceText
) -> tuple[dict[str, Status], list[Finding], dict[str, list[tuple[float, float]]]]:
    """Run every enabled rule: element statuses, findings, and (weight, loss) per element."""
    pack, loci, lang = ctx.pack, ctx.loci, ctx.lang
    defaults = {"agency": ctx.agency_hint(), "year": ctx.year_hint()}  # COMMON_VALUES: any template
    lines = source.text.split("\n")
    statuses: dict[str, Status] = {e: ("present" if loc else "missing") for e, loc in loci.items()}
    findings: list[Finding] = []
    losses: dict[str, list[tuple[float, float]]] = {e.id: [] for e in pack.elements}
    for rule in pack.rules:
        if not rule.enabled:
            continue
        missing_element = loci.get(rule.element) is None
        if missing_element and rule.type != "presence" and not _independent_of_element(rule):
            losses[rule.element].append((rule.weight, 1.0))
            continue
        worst = 0.0
        seen: dict[str, int] = {}
        for hit in rule_type(rule.type).check(rule, ctx):
            worst = max(worst, hit.loss)
            if hit.status and _STATUS_ORDER[hit.status] > _STATUS_ORDER[statuses[rule.element]]:
                statuses[rule.element] = hit.status
            findings.append(_finding(rule, hit, source, lang, seen, defaults, lines))
        losses[rule.element].append((rule.weight, worst))
    return statuses, findings, losses


def evaluate(
    document: Document, source: SourceText, path: str, options: CheckOptions, pack: Pack | None = None
) -> Evaluation:
    """Check one parsed document with ``options.pack`` (``pack``: the caller has it loaded); the
    Result carries statuses, findings and the score, the Evaluation also the element locations."""
    pack, lang = pack or options.rule_pack(), options.lang
    garbles = source.garbled if source.garbled is not None else find_garbled(source.text)
    unreadable = garbled_text(source, garbles, lang)
    if unreadable is not None:
        return Evaluation(Result(path=path, status="error", error=unreadable, format=source.format), {})
    loci = locate_elements(document, pack)
    found = {element for element, locus in loci.items() if locus is not None}
    several = several_reports(document, source, pack, lang)
    if several is not None:
        return Evaluation(Result(path=path, status="error", error=several, format=source.format), loci)
    reason = not_report_reason(document, pack, lang, found) if options.detect else None
    partial = partial_page(document, source, lang) if reason is None else None
    if partial is not None:
        return Evaluation(Result(path=path, status="error", error=partial, format=source.format), loci)
    if reason is not None:
        return Evaluation(
            Result(
                path=path,
                status="ok",
                is_report=False,
                not_report_reason=reason,
                format=source.format,
                meta=document.meta,
            ),
            loci,
        )
    ctx = Context(document, loci, pack, options.effective_today(), lang, source.format, garbles)
    statuses, findings, losses = _apply_rules(ctx, source)
    score = total_score([pair for pairs in losses.values() for pair in pairs])
    fail_under = options.fail_under
    if fail_under is None:
        fail_under = float(pack.parameters.get("fail_under", 60))
    # in document order; at one place (a missing signature and date, both at the end) in the
    # pack's order, which is the order they are written in (署名, then 成文日期)
    rank = {rule.id: i for i, rule in enumerate(pack.rules)}
    findings.sort(key=lambda f: (f.line or 0, f.column or 0, rank.get(f.rule, len(rank)), f.rule))
    result = Result(
        path=path,
        status="ok",
        is_report=True,
        format=source.format,
        meta=document.meta,
        score=score,
        grade=grade_for(score, pack.parameters.get("grades"), lang),
        passed=score >= fail_under,
        elements=tuple(
            _element_result(e, loci.get(e.id), statuses[e.id], losses[e.id], lang) for e in pack.elements
        ),
        findings=tuple(findings),
    )
    return Evaluation(result, loci)


def _element_result(
    element, locus: Locus | None, status: Status, pairs: list[tuple[float, float]], lang: str
) -> ElementResult:
    weight = sum(w for w, _ in pairs)
    earned = sum(w * (1 - loss) for w, loss in pairs)
    name = element.name_en if lang == "en" else element.name
    line = locus.line if locus else None
    return ElementResult(element.id, name, status, line, round(earned, 2), weight)


def empty_meta() -> Meta:
    return Meta(None, None, None, None)
