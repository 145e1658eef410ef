"""Audit-specific user text (Simplified Chinese first), kept in one place."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "memory": {
        "zh": "处理时内存超出预算（{mb} MB），已终止并跳过。",
        "en": "Exceeded the memory budget ({mb} MB); stopped and skipped.",
    },
    "crash": {
        "zh": "处理该文件时工作进程意外退出（{detail}），已跳过。",
        "en": "The worker process died on this file ({detail}); skipped.",
    },
    "whole": {"zh": "全文", "en": "whole text"},
    "unknown-agency": {"zh": "未识别机关", "en": "unidentified body"},
    "unknown-year": {"zh": "某", "en": "an unknown"},
}


def message(key: str, lang: str = "zh", **values: object) -> str:
    entry = MESSAGES[key]
    template = entry.get(lang) or entry["zh"]
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return template
