"""The 0–100 score: each rule's weight, less the share its findings lost.

score = 100 × Σ weight × (1 − loss) / Σ weight over the enabled rules. A missing element
loses the weight of every rule about it. Grades come from the pack's ``grades`` cut-offs
(national: 优秀 ≥ 90, 良好 ≥ 75, 合格 ≥ 60, 不合格 below); ``passed`` is score ≥ fail_under.
"""

from __future__ import annotations

from typing import Any

DEFAULT_GRADES = (
    {"min": 90, "id": "excellent", "name": "优秀", "name_en": "excellent"},
    {"min": 75, "id": "good", "name": "良好", "name_en": "good"},
    {"min": 60, "id": "pass", "name": "合格", "name_en": "pass"},
    {"min": 0, "id": "fail", "name": "不合格", "name_en": "fail"},
)


def total_score(weighted_losses: list[tuple[float, float]]) -> float:
    """Score from (weight, loss) pairs, one decimal."""
    total = sum(weight for weight, _ in weighted_losses)
    if total <= 0:
        return 100.0
    earned = sum(weight * (1.0 - min(max(loss, 0.0), 1.0)) for weight, loss in weighted_losses)
    return round(100.0 * earned / total, 1)


def grade_for(score: float, grades: list[dict[str, Any]] | None, lang: str = "zh") -> str:
    """The grade name for ``score`` in ``lang``."""
    for grade in sorted(grades or DEFAULT_GRADES, key=lambda g: -g["min"]):
        if score >= grade["min"]:
            return grade.get("name_en", grade["name"]) if lang == "en" else grade["name"]
    return ""
