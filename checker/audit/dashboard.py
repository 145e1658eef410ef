"""``index.html``: a self-contained dashboard (inline CSS/JS, SVG charts, no network at all)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from checker.audit.outputs import KIND_NAMES, STATUS_NAMES, Corpus

STATUS_CODES = {"present": 0, "weak": 1, "missing": 2}


def dashboard_data(corpus: Corpus) -> dict:
    """Compact arrays for the page's script (field names documented in assets/dashboard.js)."""
    elements = corpus.element_names()
    index = {report.path: i for i, report in enumerate(corpus.reports)}
    reports = []
    for report in corpus.reports:
        result = report.result
        statuses = {e["id"]: e["status"] for e in result.get("elements", [])}
        reports.append(
            {
                "p": report.path,
                "a": report.agency or "",
                "y": report.year,
                "s": report.status,
                "sc": report.score,
                "g": result.get("grade") or "",
                "ok": bool(result.get("passed")),
                "r": bool(result.get("is_report")),
                "nr": result.get("not_report_reason") or "",
                "e": [STATUS_CODES.get(statuses.get(e), -1) for e, _ in elements],
                "f": [
                    [f["severity"], f["rule"], f["message"], f["excerpt"], f["line"], f["suggestion"]]
                    for f in result.get("findings", [])
                ],
                "err": (result.get("error") or {}).get("message", ""),
            }
        )
    names = dict(elements)
    copies = [
        [
            KIND_NAMES.get(c.kind, c.kind),
            names.get(c.part, "全文"),
            index.get(c.a_path, -1),
            index.get(c.b_path, -1),
            c.similarity,
            [text for _, text in c.passages],
        ]
        for c in corpus.copies
    ]
    return {
        "pack": corpus.pack.label,
        "elements": [name for _, name in elements],
        "statusNames": STATUS_NAMES,
        "reports": reports,
        "copies": copies,
    }


def write_dashboard(corpus: Corpus, path: Path) -> Path:
    assets = resources.files("checker.audit") / "assets"
    template = (assets / "dashboard.html").read_text(encoding="utf-8")
    payload = json.dumps(dashboard_data(corpus), ensure_ascii=False).replace("</", "<\\/")
    page = (
        template.replace("/*CSS*/", (assets / "dashboard.css").read_text(encoding="utf-8"))
        .replace("/*JS*/", (assets / "dashboard.js").read_text(encoding="utf-8"))
        .replace("{{DATA}}", payload)
    )
    path.write_text(page, encoding="utf-8")
    return path
