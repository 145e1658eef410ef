"""Waivers: accepted findings that stay visible but no longer fail a gate.

A waiver in ``.fzcheck.yaml`` names a rule (optionally only for some ``paths``) or one
finding by ``fingerprint``, always with a ``reason``. A waived finding keeps its place in
every output format, marked with the reason; the score is unchanged (it describes the
text), only the gates ignore the finding.
"""

from __future__ import annotations

from collections.abc import Sequence

from msgspec.structs import replace

from checker.model import Finding, Result
from checker.run.config import Waiver
from checker.run.config_paths import glob_match


def waiver_for(finding: Finding, relative_path: str, waivers: Sequence[Waiver]) -> Waiver | None:
    """The first waiver covering ``finding`` in the file at ``relative_path``."""
    for waiver in waivers:
        if waiver.rule and waiver.rule != finding.rule:
            continue
        if waiver.fingerprint and waiver.fingerprint != finding.fingerprint:
            continue
        if waiver.paths and not glob_match(relative_path, waiver.paths):
            continue
        return waiver
    return None


def apply_waivers(result: Result, relative_path: str, waivers: Sequence[Waiver]) -> Result:
    """``result`` with covered findings marked ``waived=reason`` (already waived ones kept)."""
    if not waivers or not result.findings:
        return result
    findings = []
    for finding in result.findings:
        waiver = None if finding.waived else waiver_for(finding, relative_path, waivers)
        findings.append(replace(finding, waived=waiver.reason) if waiver else finding)
    return replace(result, findings=tuple(findings))
