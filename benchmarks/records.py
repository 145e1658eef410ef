"""Where every benchmark keeps its figures: ``benchmarks/results/<kind>-<date>[-suffix].json``,
each record stamped with the date, the machine and its number of processors."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"


def stamped(**fields: Any) -> dict[str, Any]:
    """``fields`` after the date, machine and processor count of this run."""
    return {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": platform.platform(),
        "cpus": os.cpu_count(),
        **fields,
    }


def save_record(kind: str, record: dict[str, Any], suffix: str = "") -> Path:
    """Write ``record`` as today's ``kind`` result and say where."""
    target = RESULTS / f"{kind}-{dt.date.today().isoformat()}{suffix}.json"
    target.parent.mkdir(exist_ok=True)
    target.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"saved {target}")
    return target
