"""Baselines: record today's findings so a gate fails only on new ones.

``fzcheck baseline`` writes every finding as (path, rule, fingerprint), with each report's
score. Fingerprints hash the rule, element, excerpt and the count of earlier hits with the same
rule and excerpt (checker.check.engine._fingerprint), not the line, so a finding survives lines
being inserted above it and other findings being fixed or added. ``fzcheck check --baseline
FILE`` marks recorded findings as waived ("in baseline"); paths are stored relative to the
baseline file's folder so the file works from any working directory (a report moved or
renamed is a new file: record the baseline again).

Version 2 (fzcheck 0.1.0 after the fingerprint change): version 1 counted a hit's place among
all hits of its rule, so its fingerprints do not match; a version-1 file is refused with a
message saying to record the baseline again.
"""

from __future__ import annotations

from pathlib import Path

import msgspec
from msgspec.structs import replace

from checker import __version__
from checker.i18n import t as msg
from checker.model import Result
from checker.run.config_paths import relative_posix

FORMAT_VERSION = 2


class BaselineError(Exception):
    """The baseline file cannot be read or is not a baseline."""


class Baseline(msgspec.Struct, frozen=True):
    """Recorded findings and scores; ``root`` is the folder paths are relative to."""

    file: str
    root: Path
    findings: frozenset[tuple[str, str, str]]
    scores: dict[str, float]

    def relative(self, path: str | Path) -> str:
        return relative_posix(path, self.root)

    def has(self, path: str | Path, rule: str, fingerprint: str) -> bool:
        return (self.relative(path), rule, fingerprint) in self.findings

    def score(self, path: str | Path) -> float | None:
        return self.scores.get(self.relative(path))


class BaselineRecord:
    """A baseline built result by result: only each report's score and findings are kept, so a
    run over thousands of files can hand its results on (paths relative to ``file``'s folder)."""

    def __init__(self, file: str | Path, pack_label: str) -> None:
        self.root = Path(file).resolve().parent
        self.pack_label = pack_label
        self.entries: list[dict] = []
        self.scores: dict[str, float] = {}
        self.reports = 0

    def add(self, result: Result) -> None:
        if result.status != "ok" or not result.is_report:
            return
        self.reports += 1
        path = relative_posix(result.path, self.root)
        if result.score is not None:
            self.scores[path] = result.score
        self.entries += [
            {"path": path, "rule": f.rule, "fingerprint": f.fingerprint, "line": f.line, "message": f.message}
            for f in result.findings
        ]

    def data(self) -> dict:
        """The JSON document of the baseline file."""
        self.entries.sort(key=lambda e: (e["path"], e["rule"], e["fingerprint"]))
        return {
            "version": FORMAT_VERSION,
            "tool": f"fzcheck {__version__}",
            "rulepack": self.pack_label,
            "scores": dict(sorted(self.scores.items())),
            "findings": self.entries,
        }

    def write(self, file: str | Path) -> int:
        """Write the baseline file (renamed into place when complete); returns the findings recorded."""
        import json

        from checker.outfiles import write_atomically

        data = self.data()
        write_atomically(file, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
        return len(data["findings"])


MAX_BASELINE_BYTES = 64 * 1024 * 1024


def load_baseline(file: str | Path, lang: str = "zh") -> Baseline:
    """Read a baseline; a FIFO, device, directory or oversized file is refused unread."""
    from checker.read.regular import read_regular

    path = Path(file)
    import json  # only when a baseline is read or written

    if "\0" in str(file):  # no file can be named so (a config's ``baseline: "\0"``)
        from checker.terminal import visible

        raise BaselineError(
            msg("baseline.bad", lang, file=visible(str(file)), error=msg("baseline.nul", lang))
        )
    try:
        data = json.loads(read_regular(path, MAX_BASELINE_BYTES).decode("utf-8"))
        findings = frozenset((e["path"], e["rule"], e["fingerprint"]) for e in data["findings"])
        scores = {str(k): float(v) for k, v in data.get("scores", {}).items()}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BaselineError(msg("baseline.bad", lang, file=str(path), error=exc)) from exc
    if data.get("version") == 1:
        raise BaselineError(msg("baseline.old", lang, file=str(path)))
    if data.get("version") != FORMAT_VERSION:
        raise BaselineError(msg("baseline.bad", lang, file=str(path), error="version"))
    return Baseline(str(path), path.resolve().parent, findings, scores)


def apply_baseline(result: Result, baseline: Baseline, lang: str = "zh") -> Result:
    """``result`` with recorded findings marked waived; new findings are left alone."""
    if not result.findings:
        return result
    reason = msg("baseline.reason", lang, file=Path(baseline.file).name)
    findings = tuple(
        replace(f, waived=reason) if not f.waived and baseline.has(result.path, f.rule, f.fingerprint) else f
        for f in result.findings
    )
    return replace(result, findings=findings)
