"""``--format junit``: JUnit XML for GitLab, Jenkins and other test-report viewers.

One ``<testsuite>`` per report and one ``<testcase>`` per element of the pack. Failures follow
the pass policy (checker.run.gates), so ``failures="0"`` exactly when every report passed: in a
report that failed, an element's testcase fails when it has findings that are not waived (a
report failing with none of those gets one failing ``verdict`` testcase); in a report that
passed, findings are listed in ``<system-out>`` and fail nothing. Waived findings are listed in
``<system-out>`` with the reason. An unreadable file is a suite with one ``<error>``; a text
that is not a report is a suite with one ``is-report`` testcase that fails (the gate fails it,
``gate.not-report``), or is skipped when the run let non-reports through
(``--skip-non-reports``, which marks such a result passed).

XML 1.0 cannot hold most C0 control characters (its ``Char`` production), and a report's text
can carry them: a form feed from a PDF's page break, a vertical tab from a Word soft break, a
stray BEL. ElementTree writes them as they are, which leaves a file no parser accepts, so each
suite is cleaned after serialising (:func:`xml_safe`): a vertical tab or form feed becomes a
space, any other forbidden character U+FFFD.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from checker.formats import RenderContext
from checker.formats.writing import FormatWriter, Spool, TextSink, render_all
from checker.i18n import t as msg
from checker.model import Finding, Result

# characters outside XML 1.0's Char production: C0 controls but tab, LF and CR; lone
# surrogates; U+FFFE and U+FFFF
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _stand_in(match: re.Match[str]) -> str:
    return " " if match.group() in "\x0b\x0c" else "\ufffd"


def xml_safe(text: str) -> str:
    """``text`` (serialised XML) with every character XML 1.0 forbids replaced: a vertical
    tab or form feed by a space, any other by U+FFFD. ElementTree escapes ``&<>"`` and writes
    tab, LF and CR in attributes as references, so what is left here is content and safe to
    replace in place."""
    return _NOT_XML.sub(_stand_in, text)


def _finding_text(finding: Finding, lang: str) -> str:
    where = f"{finding.line}:{finding.column}" if finding.line else "-"
    lines = [f"[{finding.severity}] {where} {finding.message} ({finding.rule})"]
    if finding.excerpt:
        lines.append(f"  “{finding.excerpt}”")
    colon = msg("ui.colon", lang)
    lines.append(f"  {msg('fmt.suggestion', lang)}{colon}{finding.suggestion}")
    lines.append(f"  {msg('ui.basis', lang)}{colon}{finding.basis}")
    if finding.waived:
        lines.append("  " + msg("fmt.waived", lang, reason=finding.waived))
    return "\n".join(lines)


def _testcase(
    suite: ET.Element,
    result: Result,
    element_id: str,
    name: str,
    findings: list[Finding],
    lang: str,
    line: int | None,
) -> tuple[int, int]:
    """One element's testcase; its active findings fail it only when the report failed."""
    case = ET.SubElement(suite, "testcase", name=name, classname=result.path, file=result.path)
    if line:
        case.set("line", str(line))
    active = [f for f in findings if not f.waived]
    waived = [f for f in findings if f.waived]
    if result.passed:
        waived, active = active + waived, []
    if active:
        worst = min(active, key=lambda f: ("error", "warning", "info").index(f.severity))
        failure = ET.SubElement(case, "failure", message=active[0].message, type=worst.severity)
        failure.text = "\n\n".join(_finding_text(f, lang) for f in active)
    if waived:
        out = ET.SubElement(case, "system-out")
        out.text = "\n\n".join(_finding_text(f, lang) for f in waived)
    return 1, int(bool(active))


def _suite(result: Result, ctx: RenderContext) -> ET.Element:
    suite = ET.Element("testsuite", name=result.path)
    props = ET.SubElement(suite, "properties")
    for key, value in (
        ("score", result.score),
        ("grade", result.grade),
        ("passed", result.passed),
        ("rulepack", ctx.pack.label),
    ):
        if value is not None:
            ET.SubElement(
                props,
                "property",
                name=key,
                value=str(value).lower() if isinstance(value, bool) else str(value),
            )
    tests = failures = errors = skipped = 0
    if result.status == "error":
        assert result.error is not None
        case = ET.SubElement(suite, "testcase", name="read", classname=result.path, file=result.path)
        error = ET.SubElement(case, "error", message=result.error.message, type=result.error.code)
        error.text = result.error.message
        tests, errors = 1, 1
    elif not result.is_report:
        case = ET.SubElement(suite, "testcase", name="is-report", classname=result.path, file=result.path)
        if result.passed:
            ET.SubElement(case, "skipped", message=result.not_report_reason or "")
            tests, skipped = 1, 1
        else:
            verdict = msg("gate.not-report", ctx.lang)
            reason = result.not_report_reason or ""
            failure = ET.SubElement(case, "failure", message=verdict, type="gate")
            failure.text = f"{verdict}{msg('ui.colon', ctx.lang)}{reason}" if reason else verdict
            tests, failures = 1, 1
    else:
        elements = {e.id: e for e in result.elements}
        order = [e.id for e in result.elements]
        order += sorted({f.element for f in result.findings} - set(order))
        for element_id in order:
            element = elements.get(element_id)
            name = f"{element.name} ({element_id})" if element else element_id
            findings = [f for f in result.findings if f.element == element_id]
            count, failed = _testcase(
                suite, result, element_id, name, findings, ctx.lang, element.line if element else None
            )
            tests, failures = tests + count, failures + failed
        if not result.passed and not failures:
            case = ET.SubElement(suite, "testcase", name="verdict", classname=result.path, file=result.path)
            ET.SubElement(case, "failure", message=msg("ui.failed", ctx.lang), type="gate")
            tests, failures = tests + 1, 1
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", str(skipped))
    return suite


TOTALS = ("tests", "failures", "errors", "skipped")


class Writer(FormatWriter):
    """``<testsuites>`` carries the run's totals, so the suites are spooled as they come and
    written after it at :meth:`close`; each is indented as ``ET.indent`` indents the whole tree."""

    def __init__(self, out: TextSink, ctx: RenderContext) -> None:
        super().__init__(out, ctx)
        self.totals = dict.fromkeys(TOTALS, 0)
        self.spool = Spool()

    def add(self, result: Result) -> None:
        suite = _suite(result, self.ctx)
        for key in TOTALS:
            self.totals[key] += int(suite.get(key, "0"))
        ET.indent(suite, level=1)
        self.spool.write("\n  " + xml_safe(ET.tostring(suite, encoding="unicode")))

    def close(self) -> None:
        root = ET.Element("testsuites", name="fzcheck")
        for key in TOTALS:
            root.set(key, str(self.totals[key]))
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        if self.spool.empty:
            self.out.write(ET.tostring(root, encoding="unicode") + "\n")
            return
        self.out.write(ET.tostring(root, encoding="unicode").removesuffix(" />") + ">")
        self.spool.copy_to(self.out)
        self.out.write("\n</testsuites>\n")


def render(results: Iterable[Result], ctx: RenderContext) -> str:
    return render_all(Writer, results, ctx)
