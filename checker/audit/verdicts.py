"""The gates of ``fzcheck check`` applied to an audit's stored results.

After the audit has checked every file (and added copy findings), each stored result is judged
exactly as ``check`` judges it: the config's rule overrides (a disabled rule's findings drop
out, a changed severity applies), its waivers, then the score gate (``fail_under``) and the
severity gate (``fail_on``). The verdict and the waivers are written back into the stored
result, so the tables and the dashboard show what the exit code says. Scores are not
recomputed: an override's new *weight* needs ``fzcheck check``.
"""

from __future__ import annotations

import json

import msgspec
from msgspec.structs import replace

from checker.audit.store import Store, load_result
from checker.model import ErrorInfo, Finding, Meta, Result
from checker.run.config import Config
from checker.run.config_apply import SettingsResolver
from checker.run.gates import gate_for, judge
from checker.run.waivers import apply_waivers


class Verdicts(msgspec.Struct, frozen=True):
    """Which stored reports failed their gates, and why."""

    reports: int
    failed: dict[str, list[str]]


def result_from_dict(data: dict) -> Result:
    """The parts of a stored result the gates read, as a :class:`Result`."""
    error = data.get("error")
    findings = tuple(
        Finding(
            rule=f["rule"],
            element=f["element"],
            severity=f["severity"],
            message=f["message"],
            suggestion=f.get("suggestion", ""),
            line=f.get("line"),
            column=f.get("column"),
            excerpt=f.get("excerpt", ""),
            basis=f.get("basis", ""),
            location=f.get("location"),
            waived=f.get("waived"),
            fingerprint=f.get("fingerprint", ""),
        )
        for f in data.get("findings", [])
    )
    return Result(
        path=data["path"],
        status="error" if data.get("status") == "error" else "ok",
        error=ErrorInfo(error["code"], error["message"]) if error else None,
        is_report=bool(data.get("is_report")),
        meta=Meta(**data["meta"]) if data.get("meta") else Meta(None, None, None, None),
        score=data.get("score"),
        passed=bool(data.get("passed")),
        findings=findings,
    )


def _overridden(result: Result, rules: dict) -> Result:
    findings = []
    for finding in result.findings:
        rule = rules.get(finding.rule)
        if rule is not None and not rule.enabled:
            continue
        findings.append(replace(finding, severity=rule.severity) if rule is not None else finding)
    return replace(result, findings=tuple(findings))


PAGE = 500  # rows judged and rewritten at a time
PAGE_SQL = "SELECT path, result_json FROM reports WHERE options=? AND path>? ORDER BY path LIMIT ?"


def judge_stored(
    store: Store, options: str, config: Config, resolver: SettingsResolver, use_waivers: bool, lang: str
) -> Verdicts:
    """Judge every stored result of ``options``; write verdicts and waivers back."""
    failed: dict[str, list[str]] = {}
    count = 0
    last = ""
    while True:  # a page of rows at a time: memory does not grow with the corpus
        page = store.db.execute(PAGE_SQL, (options, last, PAGE)).fetchall()
        if not page:
            break
        updates = []
        for path, raw in page:
            data = load_result(raw)
            relative = resolver.relative(path)
            settings = resolver.for_relative(relative)
            result = _overridden(result_from_dict(data), {r.id: r for r in settings.pack.rules})
            if use_waivers:
                result = apply_waivers(result, relative, config.waivers)
            gate = gate_for(settings.pack.parameters, settings.fail_under, settings.fail_on)
            judged, reasons = judge(result, gate, lang)
            count += 1
            if reasons:
                failed[path] = reasons
            judged_by_key = {(f.rule, f.fingerprint): f for f in judged.findings}
            findings = []
            for stored in data.get("findings", []):
                finding = judged_by_key.get((stored["rule"], stored.get("fingerprint", "")))
                if finding is not None:
                    findings.append({**stored, "severity": finding.severity, "waived": finding.waived})
            passed = judged.passed if judged.status == "ok" and judged.is_report else False
            if findings == data.get("findings", []) and passed == data.get("passed"):
                continue  # nothing the verdict changes: the stored text stays as it is
            data["findings"], data["passed"] = findings, passed
            updates.append((json.dumps(data, ensure_ascii=False), options, path))
        store.db.executemany("UPDATE reports SET result_json=? WHERE options=? AND path=?", updates)
        last = page[-1][0]
    store.db.commit()
    return Verdicts(count, failed)
