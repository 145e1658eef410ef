"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run; every rule of the pack in ``tool.driver.rules``; one result per finding with
``partialFingerprints`` so code scanning tracks findings across line shifts; waived and
baselined findings carry an external suppression with the reason; unreadable files are
``toolExecutionNotifications``; per-report score, grade and verdict sit in
``run.properties.reports`` keyed by path. A text that is not a report fails the gate (the
exit code counts it), so it is a file-level ``error`` result of the rule ``not-a-report``
(added to the rules when first needed); under ``--skip-non-reports`` it passes and has none.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from checker import __version__
from checker.digests import sha1_hex
from checker.formats import RenderContext
from checker.formats.writing import HOLE, FormatWriter, JsonItems, Spool, TextSink, dumps, framed, render_all
from checker.i18n import plain_template
from checker.i18n import t as msg
from checker.model import Finding, Result
from checker.packs.model import Pack, Rule
from checker.run.config_paths import relative_posix

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/fzcheck/fzcheck"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "fzcheck/v2"  # v2: occurrences counted per excerpt, not per rule


def artifact_uri(path: str) -> str:
    """The report's path relative to the working directory, as a URI reference."""
    return quote(relative_posix(path), safe="/:")


def _first_sentence(text: str) -> str:
    for stop in ("。", ". "):
        if stop in text:
            return text.split(stop, 1)[0] + stop.strip()
    return text


def _rule_descriptor(rule: Rule, pack: Pack, lang: str) -> dict[str, Any]:
    message, suggestion = rule.text(lang)
    try:
        element = pack.element(rule.element)
        element_name = element.name_en if lang == "en" else element.name
    except KeyError:
        element_name = rule.element
    full = rule.description or plain_template(message)  # a rule's text, not one report's
    return {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": _first_sentence(full)},
        "fullDescription": {"text": f"{full}（{element_name}；{rule.basis}）"},
        "help": {"text": plain_template(suggestion)},
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.enabled},
        "properties": {
            "element": rule.element,
            "weight": rule.weight,
            "basis": str(rule.basis),
            "severity": rule.severity,
            "tags": ["fzcheck", rule.element, rule.type],
        },
    }


def _unknown_descriptor(finding: Finding) -> dict[str, Any]:
    return {
        "id": finding.rule,
        "name": finding.rule,
        "shortDescription": {"text": finding.message},
        "help": {"text": finding.suggestion},
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
        "properties": {"element": finding.element, "basis": finding.basis, "severity": finding.severity},
    }


def _location(result: Result, finding: Finding) -> dict[str, Any]:
    physical: dict[str, Any] = {
        "artifactLocation": {"uri": artifact_uri(result.path), "uriBaseId": "%SRCROOT%"}
    }
    if finding.line:
        region: dict[str, Any] = {"startLine": finding.line}
        if finding.column:
            region["startColumn"] = finding.column
        if finding.excerpt:
            region["snippet"] = {"text": finding.excerpt}
        physical["region"] = region
    return {"physicalLocation": physical}


def _result(result: Result, finding: Finding, rule_index: int) -> dict[str, Any]:
    out: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(result, finding)],
        "properties": {
            "element": finding.element,
            "suggestion": finding.suggestion,
            "basis": finding.basis,
            "severity": finding.severity,
        },
    }
    if finding.fingerprint:
        out["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    if finding.location:
        out["properties"]["location"] = finding.location
    if finding.waived:
        out["suppressions"] = [{"kind": "external", "status": "accepted", "justification": finding.waived}]
    return out


NOT_A_REPORT = "not-a-report"


def _not_report_descriptor(lang: str) -> dict[str, Any]:
    return {
        "id": NOT_A_REPORT,
        "name": NOT_A_REPORT,
        "shortDescription": {"text": msg("gate.not-report", lang)},
        "help": {"text": msg("fmt.not-report-help", lang)},
        "defaultConfiguration": {"level": "error"},
        "properties": {"severity": "error", "tags": ["fzcheck", "gate"]},
    }


def _not_report_result(result: Result, rule_index: int, lang: str) -> dict[str, Any]:
    """The gate's verdict on a text that is not a report, on the file as a whole (at line 1:
    GitHub code scanning wants a ``region.startLine`` in every result)."""
    verdict = msg("gate.not-report", lang)
    reason = result.not_report_reason
    return {
        "ruleId": NOT_A_REPORT,
        "ruleIndex": rule_index,
        "level": "error",
        "message": {"text": f"{verdict}{msg('ui.colon', lang)}{reason}" if reason else verdict},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(result.path), "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": 1},
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: sha1_hex(NOT_A_REPORT.encode("utf-8"))[:16]},
    }


def _notification(result: Result) -> dict[str, Any]:
    assert result.error is not None
    return {
        "level": "error",
        "message": {"text": result.error.message},
        "descriptor": {"id": result.error.code},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(result.path), "uriBaseId": "%SRCROOT%"}
                }
            }
        ],
    }


def _report_properties(result: Result) -> dict[str, Any]:
    return {
        "status": result.status,
        "is_report": result.is_report,
        "not_report_reason": result.not_report_reason,
        "score": result.score,
        "grade": result.grade,
        "passed": result.passed,
        "sha256": result.sha256,
    }


def _log(
    ctx: RenderContext,
    descriptors: list[dict[str, Any]],
    notifications: list[dict[str, Any]],
    results: Any,
    reports: Any,
) -> dict[str, Any]:
    """The SARIF log around its results and per-report properties (given, or holes to stream)."""
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "fzcheck",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": descriptors,
                        "properties": {"rulepack": ctx.pack.label},
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not notifications,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {"rulepack": ctx.pack.label, "reports": reports},
            }
        ],
    }


class Writer(FormatWriter):
    """The log's head names every rule used and every unreadable file, so the results are
    spooled as they come and the log is written at :meth:`close`."""

    def __init__(self, out: TextSink, ctx: RenderContext) -> None:
        super().__init__(out, ctx)
        self.descriptors = [_rule_descriptor(rule, ctx.pack, ctx.lang) for rule in ctx.pack.rules]
        self.index = {d["id"]: i for i, d in enumerate(self.descriptors)}
        self.notifications: list[dict[str, Any]] = []  # one per unreadable file, not its result
        self.reports: dict[str, str] = {}  # artifact URI → its properties' JSON (the last one wins)
        self.spool = Spool()
        (_, indent), *_ = framed(_log(ctx, [], [], HOLE, HOLE), 2)
        self.results = JsonItems(self.spool, indent)

    def add(self, result: Result) -> None:
        for finding in result.findings:
            if finding.rule not in self.index:
                self.index[finding.rule] = len(self.descriptors)
                self.descriptors.append(_unknown_descriptor(finding))
            self.results.add(_result(result, finding, self.index[finding.rule]))
        if result.status == "error":
            self.notifications.append(_notification(result))
        elif not result.is_report and not result.passed:
            if NOT_A_REPORT not in self.index:
                self.index[NOT_A_REPORT] = len(self.descriptors)
                self.descriptors.append(_not_report_descriptor(self.ctx.lang))
            self.results.add(_not_report_result(result, self.index[NOT_A_REPORT], self.ctx.lang))
        self.reports[artifact_uri(result.path)] = dumps(_report_properties(result))

    def close(self) -> None:
        log = _log(self.ctx, self.descriptors, self.notifications, HOLE, HOLE)
        (head, _), (middle, reports_indent), (tail, _) = framed(log, 2)
        self.out.write(head)
        self.results.close()
        self.spool.copy_to(self.out)
        self.out.write(middle)
        reports = JsonItems(self.out, reports_indent, "{}")
        for uri, properties in self.reports.items():
            reports.add_dumped(properties, key=uri)
        reports.close()
        self.out.write(tail + "\n")


def render(results: Iterable[Result], ctx: RenderContext) -> str:
    return render_all(Writer, results, ctx)
