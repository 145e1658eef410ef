"""Write the audit's files: results.json, results.csv, audit.xlsx and index.html."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.audit.store import Store
from checker.packs.model import Pack

STATUS_NAMES = {
    "ok": "已检查",
    "error": "无法读取",
    "timeout": "超时",
    "memory": "内存超限",
    "crash": "进程崩溃",
}
KIND_NAMES = {"across": "不同单位雷同", "previous-year": "与本单位往年雷同"}


@dataclass(frozen=True)
class Report:
    """One stored row, its result dict decoded."""

    path: str
    status: str
    agency: str | None
    year: int | None
    result: dict[str, Any]
    raw_json: str

    @property
    def score(self) -> float | None:
        return self.result.get("score")


@dataclass(frozen=True)
class Copy:
    kind: str
    part: str
    a_path: str
    b_path: str
    similarity: float
    passages: list[tuple[int, str]]


_ORDERS = {
    "path": "path",
    "ranked": "score IS NULL, score DESC, path",
    "body": "coalesce(agency, ''), coalesce(year, 0), path",
}
_FILTERS = {
    "all": "",
    "scored": "AND score IS NOT NULL",
    "reports": "AND is_report = 1",
    "failed": "AND status != 'ok'",
}


@dataclass(frozen=True)
class Corpus:
    """What the output writers read: reports streamed from the store one at a time, so the
    parent's memory does not grow with the number of reports; copy pairs (few) in memory."""

    pack: Pack
    store: Store
    options: str
    copies: list[Copy]

    def reports(self, order: str = "path", only: str = "all") -> Iterator[Report]:
        """Stored reports in ``order`` (path, ranked, body) restricted by ``only``."""
        sql = (
            "SELECT path, status, agency, year, result_json FROM reports WHERE options=? "
            f"{_FILTERS[only]} ORDER BY {_ORDERS[order]}"
        )
        for path, status, agency, year, raw in self.store.db.execute(sql, (self.options,)):
            yield Report(path, status, agency, year, json.loads(raw), raw)

    def ranked(self) -> Iterator[Report]:
        """Checked reports by score, best first; then the rest by path."""
        return self.reports("ranked")

    def meta(self, path: str) -> tuple[str | None, int | None]:
        """(agency, year) of one stored report."""
        row = self.store.db.execute(
            "SELECT agency, year FROM reports WHERE options=? AND path=?", (self.options, path)
        ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def element_names(self) -> list[tuple[str, str]]:
        return [(e.id, e.name) for e in self.pack.elements]


def load_corpus(store: Store, options: str, pack: Pack) -> Corpus:
    copies = [
        Copy(kind, part, a, b, similarity, [tuple(p) for p in json.loads(shared)])
        for kind, part, a, b, similarity, shared in store.db.execute(
            "SELECT kind, part, a_path, b_path, similarity, shared_json FROM copies WHERE options=?"
            " ORDER BY similarity DESC, a_path, b_path, part",
            (options,),
        )
    ]
    return Corpus(pack, store, options, copies)


def write_outputs(store: Store, options: str, pack: Pack, out: Path, lang: str = "zh") -> list[str]:
    """Write every output file into ``out``; returns their paths."""
    from checker.audit.dashboard import write_dashboard
    from checker.audit.workbook import write_workbook

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
    from checker import __version__

    tool = {"name": "fzcheck", "version": __version__, "rulepack": corpus.pack.label}
    sql = "SELECT result_json FROM reports WHERE options=? ORDER BY path"
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"tool": ' + json.dumps(tool, ensure_ascii=False) + ',\n "results": [\n')
        for i, (raw,) in enumerate(corpus.store.db.execute(sql, (corpus.options,))):
            handle.write((",\n" if i else "") + raw)
        handle.write("\n]}\n")
    return path


def element_status(report: Report) -> dict[str, str]:
    return {e["id"]: e["status"] for e in report.result.get("elements", [])}


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
