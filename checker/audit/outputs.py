"""Write the audit's files: results.json, results.csv, audit.xlsx and index.html.

All writers read the same :class:`~checker.audit.corpus.Corpus`; the workbook and the
dashboard have modules of their own.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from checker import __version__
from checker.audit.corpus import Corpus, element_status, load_corpus
from checker.audit.dashboard import write_dashboard
from checker.audit.store import Store
from checker.audit.workbook import write_workbook
from checker.packs.model import Pack


def write_outputs(store: Store, options: str, pack: Pack, out: Path, lang: str = "zh") -> list[str]:
    """Write every output file into ``out``; returns their paths."""
    corpus = load_corpus(store, options, pack)
    written = [
        write_json(corpus, out / "results.json"),
        write_csv(corpus, out / "results.csv"),
        write_workbook(corpus, out / "audit.xlsx"),
        write_dashboard(corpus, out / "index.html"),
    ]
    return [str(path) for path in written]


def write_json(corpus: Corpus, path: Path) -> Path:
    """Same contract as ``fzcheck check --format json``: {"tool": …, "results": […]}."""
    tool = {"name": "fzcheck", "version": __version__, "rulepack": corpus.pack.label}
    sql = "SELECT result_json FROM reports WHERE options=? ORDER BY path"
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"tool": ' + json.dumps(tool, ensure_ascii=False) + ',\n "results": [\n')
        for i, (raw,) in enumerate(corpus.store.db.execute(sql, (corpus.options,))):
            handle.write((",\n" if i else "") + raw)
        handle.write("\n]}\n")
    return path


def write_csv(corpus: Corpus, path: Path) -> Path:
    """One line per file, UTF-8 with BOM so spreadsheet programs detect the encoding."""
    elements = corpus.element_names()
    copied = {c.a_path for c in corpus.copies}
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "path",
                "agency",
                "year",
                "status",
                "error_code",
                "is_report",
                "score",
                "grade",
                "passed",
                "findings",
                "copy",
                *[element_id for element_id, _ in elements],
            ]
        )
        for report in corpus.reports():
            result = report.result
            statuses = element_status(report)
            writer.writerow(
                [
                    report.path,
                    report.agency or "",
                    report.year or "",
                    report.status,
                    (result.get("error") or {}).get("code", ""),
                    int(bool(result.get("is_report"))),
                    "" if report.score is None else report.score,
                    result.get("grade") or "",
                    int(bool(result.get("passed"))),
                    len(result.get("findings", [])),
                    int(report.path in copied),
                    *[statuses.get(element_id, "") for element_id, _ in elements],
                ]
            )
    return path
