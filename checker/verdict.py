"""The verdict a person reads: 通过, 未通过, or a pass that still has errors to fix.

The pass policy (README "Pass policy", :mod:`checker.run.gates`) decides ``passed``: an
error-level finding in a report whose score reaches the pass mark does not fail it (unless
``--fail-on error``). Every output that shows the verdict says so all the same, from here:
the terminal, the self-check page and the Word summary comment all read
通过（总分达标，但有 1 处错误需改正）, and show it as a warning, not as a plain pass.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal

from checker.i18n import t
from checker.model import Finding

State = Literal["pass", "warn", "fail"]


def open_errors(findings: Iterable[Finding | Mapping[str, Any]]) -> int:
    """Error-level findings not waived: a Result's findings, or their JSON form."""
    count = 0
    for finding in findings:
        if isinstance(finding, Mapping):
            severity, waived = finding.get("severity"), finding.get("waived")
        else:
            severity, waived = finding.severity, finding.waived
        count += severity == "error" and not waived
    return count


def verdict_state(passed: bool, errors: int) -> State:
    """pass, fail, or warn: passed with errors still to fix."""
    if not passed:
        return "fail"
    return "warn" if errors else "pass"


def verdict_text(passed: bool, errors: int, lang: str) -> str:
    """通过 / 未通过, and for a pass with errors, how many still need fixing."""
    if not passed:
        return t("ui.failed", lang)
    return t("ui.passed-with-errors", lang, count=errors) if errors else t("ui.passed", lang)
