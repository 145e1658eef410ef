"""Gates: decide whether a checked report passes, and the process exit code.

Two gates: the score (``fail_under``) and the severity (``fail_on``: any finding at or
above that level that is not waived fails). Waived and baselined findings never trip
the severity gate. The score gate uses the text's score, waived or not; with a baseline,
a report whose score has not dropped below its recorded score passes the score gate.

Exit codes (checker.run.exitcodes): 0 all passed; 1 a gate failed; 2 usage error or unreadable input.
"""

from __future__ import annotations

import msgspec
from msgspec.structs import replace

from checker.i18n import t as msg
from checker.model import Result

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
DEFAULT_FAIL_UNDER = 60.0


class Gate(msgspec.Struct, frozen=True):
    """The thresholds one report is held to."""

    fail_under: float
    fail_on: str | None = None
    baseline_score: float | None = None


def gate_for(
    pack_parameters: dict, fail_under: float | None, fail_on: str | None, baseline_score: float | None = None
) -> Gate:
    """A gate from explicit values, falling back to the pack's ``fail_under``."""
    if fail_under is None:
        fail_under = float(pack_parameters.get("fail_under", DEFAULT_FAIL_UNDER))
    return Gate(fail_under, fail_on, baseline_score)


def failures(result: Result, gate: Gate, lang: str = "zh") -> list[str]:
    """Why ``result`` fails ``gate``, in words; empty when it passes."""
    if result.status == "error":
        return [msg("gate.error", lang)]
    if not result.is_report:
        return [msg("gate.not-report", lang)]
    reasons = []
    score = result.score or 0.0
    accepted = gate.baseline_score is not None and score >= gate.baseline_score
    if score < gate.fail_under and not accepted:
        reasons.append(msg("gate.score", lang, score=score, fail_under=gate.fail_under))
    if gate.fail_on is not None:
        floor = SEVERITY_RANK[gate.fail_on]
        count = sum(1 for f in result.findings if not f.waived and SEVERITY_RANK[f.severity] >= floor)
        if count:
            level = msg(f"severity.{gate.fail_on}", lang)
            reasons.append(msg("gate.severity", lang, count=count, level=level))
    return reasons


def judge(result: Result, gate: Gate, lang: str = "zh") -> tuple[Result, list[str]]:
    """``result`` with ``passed`` set by the gates, and the reasons it failed."""
    reasons = failures(result, gate, lang)
    if result.status != "ok" or not result.is_report:
        return result, reasons
    return replace(result, passed=not reasons), reasons
