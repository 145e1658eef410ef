"""Rules as tests: every rule's ``examples.pass`` / ``examples.fail`` must behave.

Each passage is parsed and checked with the rule alone (report detection off, since
examples are fragments): a ``pass`` example must give no finding of that rule and a
``fail`` example at least one. ``fzcheck rules test`` prints the outcome per rule.
"""

from __future__ import annotations

import datetime as dt

import msgspec
from msgspec.structs import replace

from checker.check.engine import evaluate
from checker.model import Finding
from checker.options import CheckOptions
from checker.packs.model import Pack, Rule
from checker.parse.structure import parse_document
from checker.read.source import SourceText
from checker.read.text import normalise_newlines


class ExampleOutcome(msgspec.Struct, frozen=True):
    """One example passage run against its rule."""

    rule: str
    kind: str  # "pass" or "fail"
    index: int
    ok: bool
    findings: tuple[Finding, ...]
    passage: str
    error: str | None = None


def run_rule(pack: Pack, rule: Rule, passage: str, today: dt.date | None = None) -> tuple[Finding, ...]:
    """The findings ``rule`` alone (enabled) yields on ``passage``."""
    alone = replace(pack, rules=(replace(rule, enabled=True),))
    source = SourceText(normalise_newlines(passage))
    document = parse_document(source, pack.detection.get("title", []))
    options = CheckOptions(pack=alone, today=today, detect=False)
    result = evaluate(document, source, "<example>", options, alone).result
    return tuple(f for f in result.findings if f.rule == rule.id)


def check_rule_examples(pack: Pack, rule: Rule, today: dt.date | None = None) -> list[ExampleOutcome]:
    """Outcomes for every example of one rule, pass examples first."""
    outcomes = []
    for kind in ("pass", "fail"):
        for index, passage in enumerate(rule.examples.get(kind, [])):
            try:
                findings = run_rule(pack, rule, passage, today)
            except Exception as exc:  # a crashing rule is a failed example, not a crash
                outcomes.append(
                    ExampleOutcome(rule.id, kind, index, False, (), passage, f"{type(exc).__name__}: {exc}")
                )
                continue
            ok = not findings if kind == "pass" else bool(findings)
            outcomes.append(ExampleOutcome(rule.id, kind, index, ok, findings, passage))
    return outcomes


def check_pack_examples(pack: Pack, today: dt.date | None = None) -> list[ExampleOutcome]:
    """Outcomes for every example of every rule in ``pack``, in pack order."""
    return [outcome for rule in pack.rules for outcome in check_rule_examples(pack, rule, today)]
