"""The audit's report-row model: the stored reports and copy pairs every output reads.

``results.json``/``results.csv`` (outputs.py), the workbook and the dashboard all read a
:class:`Corpus`; none of them imports another.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import msgspec

from checker.audit.store import Store, load_result
from checker.i18n import DEFAULT_LANG, t
from checker.packs.model import Pack

_STATUSES = ("ok", "error", "timeout", "memory", "crash")
_KINDS = ("across", "previous-year", "duplicate")
SCORING_KINDS = ("across", "previous-year")  # a duplicate submission is no copy in either text


def status_names(lang: str = DEFAULT_LANG) -> dict[str, str]:
    """Each stored status ("ok", "error", …) as a reader of ``lang`` names it."""
    return {status: t(f"audit.status-name.{status}", lang) for status in _STATUSES}


def kind_names(lang: str = DEFAULT_LANG) -> dict[str, str]:
    """Each copy-pair kind ("across", "previous-year", "duplicate") as a reader of ``lang`` names it."""
    return {kind: t(f"audit.kind.{kind}", lang) for kind in _KINDS}


class Report(msgspec.Struct, frozen=True):
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


class Copy(msgspec.Struct, frozen=True):
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


class Corpus(msgspec.Struct, frozen=True):
    """What the output writers read: reports and copy pairs streamed from the store one at a
    time, so neither the parent's memory nor the workbook helper's grows with the corpus (the
    pairs with their passages took 10.6 MB each at 20,000 reports, and grow with the copies)."""

    pack: Pack
    store: Store
    options: str

    def copies(self) -> Iterator[Copy]:
        """The copy pairs, most similar first."""
        for kind, part, a, b, similarity, shared in self.store.db.execute(
            "SELECT kind, part, a_path, b_path, similarity, shared_json FROM copies WHERE options=?"
            " ORDER BY similarity DESC, a_path, b_path, part",
            (self.options,),
        ):
            yield Copy(kind, part, a, b, similarity, [tuple(p) for p in json.loads(shared)])

    def reports(self, order: str = "path", only: str = "all") -> Iterator[Report]:
        """Stored reports in ``order`` (path, ranked, body) restricted by ``only``."""
        for path, status, agency, year, raw in self._select("result_json", order, only):
            yield Report(path, status, agency, year, load_result(raw), raw)

    def rows(
        self, order: str = "path", only: str = "all"
    ) -> Iterator[tuple[str, str, str | None, int | None]]:
        """(path, status, agency, year) of the reports :meth:`reports` yields, without reading or
        decoding their results (a tenth of the time)."""
        for path, status, agency, year, _ in self._select("NULL", order, only):
            yield path, status, agency, year

    def _select(self, result: str, order: str, only: str) -> Iterator[Any]:
        sql = (
            f"SELECT path, status, agency, year, {result} FROM reports WHERE options=? "
            f"{_FILTERS[only]} ORDER BY {_ORDERS[order]}"
        )
        return iter(self.store.db.execute(sql, (self.options,)))

    def ranked(self) -> Iterator[Report]:
        """Checked reports by score, best first; then the rest by path."""
        return self.reports("ranked")

    def meta(self, path: str) -> tuple[str | None, int | None]:
        """(agency, year) of one stored report."""
        row = self.store.db.execute(
            "SELECT agency, year FROM reports WHERE options=? AND path=?", (self.options, path)
        ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def element_names(self, lang: str = DEFAULT_LANG) -> list[tuple[str, str]]:
        """(id, name) of the pack's elements, named in ``lang``."""
        return [(e.id, e.name_en if lang == "en" and e.name_en else e.name) for e in self.pack.elements]


def load_corpus(store: Store, options: str, pack: Pack) -> Corpus:
    return Corpus(pack, store, options)


def element_status(report: Report) -> dict[str, str]:
    return {e["id"]: e["status"] for e in report.result.get("elements", [])}
