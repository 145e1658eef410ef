"""``audit.xlsx``: the project's own streaming writer against the xlsxwriter one it replaced.

For each N (default 2000) a corpus is generated with ``make_corpus.py`` and audited once with
``outputs=False`` (or ``--audit DIR`` reuses the folder of an earlier audit: its ``audit.sqlite``
holds the results). Then, alternated, ``--runs`` times each:

* old: ``write_workbook`` as it was (xlsxwriter, ``constant_memory``), kept below as
  ``old_write_workbook``, the module as of the commit before ``checker/audit/xlsx/``; needs
  ``pip install xlsxwriter`` (no longer a dependency), skipped without it;
* new: ``checker.audit.workbook.write_workbook``;
* reading: the new one with every row dropped instead of written (``Sheet.rows`` drains its
  iterable): what reading and decoding the store costs it, the floor under its writer;
* old reading: the old one with every row made but none written (``write_string`` and the like
  never called): what its three decoding passes cost.

"writing ratio" is (old − old reading) / (new − reading): the writers' own work.

Times are CPU seconds of this process (``time.process_time``), garbage collector off while a
write is timed; the machine is shared, so the best and the median of the runs are reported and
the ratio is of medians. Then ``write_outputs`` (JSON, CSV, dashboard and the workbook) is
timed wall-clock with the workbook written inline and by the helper process (``PARALLEL_FROM``),
and so is starting a forkserver helper that does nothing, to decide whether the helper is worth
its start-up. Writes ``benchmarks/results/workbook-<date>-<sizes>.json``.

    python benchmarks/bench_workbook.py                 # N = 2000
    python benchmarks/bench_workbook.py --n 2000 10000
    python benchmarks/bench_workbook.py --audit /tmp/audit-out --runs 7
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import gc
import multiprocessing as mp
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from make_corpus import build  # noqa: E402
from records import save_record, stamped  # noqa: E402

from checker.audit import outputs, xlsx  # noqa: E402
from checker.audit.corpus import Corpus, element_status, kind_names, load_corpus, status_names  # noqa: E402
from checker.audit.run import DB_NAME, AuditOptions, options_key, run_audit  # noqa: E402
from checker.audit.store import Store  # noqa: E402
from checker.audit.workbook import MARKS, SEVERITIES, write_workbook  # noqa: E402
from checker.i18n import t  # noqa: E402
from checker.options import CheckOptions  # noqa: E402
from checker.packs.pack import load_pack  # noqa: E402

TODAY = dt.date(2025, 3, 1)

# ---------------------------------------------------------------- the old writer (baseline)

OLD_OPTIONS = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}


def old_write_workbook(corpus: Corpus, path: Path, lang: str = "zh") -> Path:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), OLD_OPTIONS)
    fmt = {
        "head": book.add_format(
            {
                "bold": True,
                "bg_color": "#1F4E79",
                "font_color": "#FFFFFF",
                "border": 1,
                "text_wrap": True,
                "valign": "vcenter",
            }
        ),
        "good": book.add_format({"bg_color": "#C6EFCE", "font_color": "#006100"}),
        "weak": book.add_format({"bg_color": "#FFEB9C", "font_color": "#9C5700"}),
        "bad": book.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006"}),
        "pct": book.add_format({"num_format": "0%"}),
        "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
    }
    _old_summary(book, corpus, fmt, lang)
    _old_coverage(book, corpus, fmt, lang)
    _old_findings(book, corpus, fmt, lang)
    _old_copies(book, corpus, fmt, lang)
    _old_errors(book, corpus, fmt, lang)
    book.close()
    return path


def _words(lang: str, *keys: str) -> list[str]:
    return [t(f"book.{key}", lang) for key in keys]


def _old_cells(sheet, row: int, values: list) -> None:
    for column, value in enumerate(values):
        kind = value.__class__
        if kind is str:
            if value:
                sheet.write_string(row, column, value)
        elif kind is int or kind is float:
            sheet.write_number(row, column, value)
        elif value is not None:
            sheet.write(row, column, value)


def _old_header(sheet, names: list[str], fmt, widths: list[int]) -> None:
    for column, (name, width) in enumerate(zip(names, widths, strict=True)):
        sheet.write(0, column, name, fmt["head"])
        sheet.set_column(column, column, width)
    sheet.freeze_panes(1, 0)


def _old_summary(book, corpus: Corpus, fmt, lang: str) -> None:
    sheet = book.add_worksheet(t("book.sheet.summary", lang))
    statuses, passed, failed = status_names(lang), t("ui.passed", lang), t("ui.failed", lang)
    _old_header(
        sheet,
        _words(lang, "col.rank", "col.file", "col.body", "col.year", "col.score", "col.grade", "col.passed")
        + _words(lang, "col.findings", "col.status"),
        fmt,
        [6, 48, 28, 8, 8, 8, 10, 8, 10],
    )
    last = 0
    for i, report in enumerate(corpus.reports("ranked", "scored"), start=1):
        last = i
        result = report.result
        _old_cells(
            sheet,
            i,
            [
                i,
                report.path,
                report.agency or "",
                report.year or "",
                report.score,
                result.get("grade") or "",
                passed if result.get("passed") else failed,
                len(result.get("findings", [])),
                statuses.get(report.status, report.status),
            ],
        )
    if last:
        sheet.conditional_format(
            1,
            4,
            last,
            4,
            {"type": "3_color_scale", "min_color": "#F8696B", "mid_color": "#FFEB84", "max_color": "#63BE7B"},
        )
        sheet.conditional_format(
            1, 6, last, 6, {"type": "cell", "criteria": "==", "value": f'"{failed}"', "format": fmt["bad"]}
        )
        sheet.autofilter(0, 0, last, 8)


def _old_coverage(book, corpus: Corpus, fmt, lang: str) -> None:
    sheet = book.add_worksheet(t("book.sheet.coverage", lang))
    elements = corpus.element_names(lang)
    _old_header(
        sheet,
        [*_words(lang, "col.body", "col.year", "col.file"), *[name for _, name in elements]],
        fmt,
        [28, 8, 40, *[10] * len(elements)],
    )
    rows = 0
    for i, report in enumerate(corpus.reports("body", "reports"), start=1):
        rows = i
        statuses = element_status(report)
        _old_cells(
            sheet,
            i,
            [
                report.agency or "",
                report.year or "",
                report.path,
                *[MARKS.get(statuses.get(e, ""), "") for e, _ in elements],
            ],
        )
    if rows:
        for mark, name in (("✓", "good"), ("△", "weak"), ("✗", "bad")):
            sheet.conditional_format(
                1,
                3,
                rows,
                2 + len(elements),
                {"type": "cell", "criteria": "==", "value": f'"{mark}"', "format": fmt[name]},
            )


def _old_findings(book, corpus: Corpus, fmt, lang: str) -> None:
    sheet = book.add_worksheet(t("book.sheet.findings", lang))
    severities = {severity: t(f"severity.{severity}", lang) for severity in SEVERITIES}
    _old_header(
        sheet,
        _words(lang, "col.file", "col.body", "col.year", "col.rule", "col.element", "col.severity")
        + _words(lang, "col.line", "col.problem", "col.suggestion", "col.excerpt", "col.basis"),
        fmt,
        [40, 24, 8, 22, 16, 8, 6, 50, 50, 40, 30],
    )
    row = 1
    for report in corpus.reports():
        for finding in report.result.get("findings", []):
            _old_cells(
                sheet,
                row,
                [
                    report.path,
                    report.agency or "",
                    report.year or "",
                    finding["rule"],
                    finding["element"],
                    severities.get(finding["severity"], finding["severity"]),
                    finding["line"] or "",
                    finding["message"],
                    finding["suggestion"],
                    finding["excerpt"],
                    finding["basis"],
                ],
            )
            row += 1
    if row > 1:
        error = {"type": "cell", "criteria": "==", "value": f'"{severities["error"]}"', "format": fmt["bad"]}
        sheet.conditional_format(1, 5, row - 1, 5, error)
        sheet.autofilter(0, 0, row - 1, 10)


def _old_copies(book, corpus: Corpus, fmt, lang: str) -> None:
    sheet = book.add_worksheet(t("book.sheet.copies", lang))
    _old_header(
        sheet,
        _words(lang, "col.kind", "col.part", "col.report", "col.body", "col.year", "col.other")
        + _words(lang, "col.other-body", "col.other-year", "col.share", "col.passages"),
        fmt,
        [16, 16, 40, 24, 8, 40, 24, 8, 10, 80],
    )
    names, kinds, whole = dict(corpus.element_names(lang)), kind_names(lang), t("audit.whole", lang)
    for i, copy in enumerate(corpus.copies, start=1):
        (a_agency, a_year), (b_agency, b_year) = corpus.meta(copy.a_path), corpus.meta(copy.b_path)
        _old_cells(
            sheet,
            i,
            [
                kinds.get(copy.kind, copy.kind),
                names.get(copy.part, whole),
                copy.a_path,
                a_agency or "",
                a_year or "",
                copy.b_path,
                b_agency or "",
                b_year or "",
            ],
        )
        sheet.write_number(i, 8, copy.similarity, fmt["pct"])
        sheet.write(i, 9, "\n".join(text for _, text in copy.passages), fmt["wrap"])
    if corpus.copies:
        sheet.conditional_format(1, 8, len(corpus.copies), 8, {"type": "data_bar", "bar_color": "#F8696B"})


def _old_errors(book, corpus: Corpus, fmt, lang: str) -> None:
    sheet = book.add_worksheet(t("book.sheet.errors", lang))
    statuses = status_names(lang)
    _old_header(
        sheet, _words(lang, "col.file", "col.status", "col.code", "col.detail"), fmt, [48, 10, 14, 70]
    )
    for i, report in enumerate(corpus.reports(only="failed"), start=1):
        error = report.result.get("error") or {}
        _old_cells(
            sheet,
            i,
            [
                report.path,
                statuses.get(report.status, report.status),
                error.get("code", ""),
                error.get("message", ""),
            ],
        )


# ---------------------------------------------------------------- timing


def reading_only(corpus: Corpus, path: Path) -> Path:
    """The new ``write_workbook`` with every row drained instead of written."""
    real = xlsx.Sheet.rows

    def drain(self, rows, style=0) -> None:
        collections.deque(rows, maxlen=0)

    xlsx.Sheet.rows = drain  # type: ignore[method-assign]
    try:
        return write_workbook(corpus, path)
    finally:
        xlsx.Sheet.rows = real  # type: ignore[method-assign]


def old_reading_only(corpus: Corpus, path: Path) -> Path:
    """The old ``write_workbook`` with every row made but no cell written."""
    global _old_cells
    real = _old_cells
    _old_cells = lambda sheet, row, values: None  # noqa: E731
    try:
        return old_write_workbook(corpus, path)
    finally:
        _old_cells = real


def cpu(write: Callable[[Corpus, Path], Path], corpus: Corpus, path: Path) -> float:
    gc.collect()
    gc.disable()
    try:
        started = time.process_time()
        write(corpus, path)
        return time.process_time() - started
    finally:
        gc.enable()


def _noop() -> None:
    pass


def helper_start() -> float:
    """Wall seconds to start and join a forkserver process that does nothing (the server warm)."""
    started = time.perf_counter()
    process = mp.get_context("forkserver").Process(target=_noop, daemon=True)
    process.start()
    process.join()
    return time.perf_counter() - started


def outputs_wall(store: Store, key: str, pack, out: Path, helper: bool) -> float:
    outputs.PARALLEL_FROM = 1 if helper else 10**12
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    outputs.write_outputs(store, key, pack, out)
    return time.perf_counter() - started


def audited(n: int, tmp: Path) -> Path:
    corpus = tmp / "corpus"
    build(n, corpus)
    (corpus / "manifest.json").unlink()
    out = tmp / "audit"
    options = AuditOptions(CheckOptions(today=TODAY), jobs=0, progress=False, outputs=False)
    run_audit([str(corpus)], out, options)
    return out


def _spread(values: list[float]) -> dict:
    return {"best": min(values), "median": statistics.median(values), "runs": values}


def measure(folder: Path, runs: int, tmp: Path) -> dict:
    pack = load_pack("national")
    key = options_key(pack.label, CheckOptions(today=TODAY))
    store = Store(folder / DB_NAME)
    try:
        corpus = load_corpus(store, key, pack)
        try:
            import xlsxwriter  # noqa: F401

            writers = {"old": old_write_workbook, "old_reading": old_reading_only}
        except ImportError:
            print("xlsxwriter not installed: no baseline (pip install xlsxwriter)")
            writers = {}
        writers |= {"new": write_workbook, "reading": reading_only}
        seconds: dict[str, list[float]] = {name: [] for name in writers}
        for _ in range(runs):
            for name, write in writers.items():
                seconds[name].append(cpu(write, corpus, tmp / f"{name}.xlsx"))
        sizes = {name: (tmp / f"{name}.xlsx").stat().st_size for name in ("old", "new") if name in writers}
        helper_start()  # the forkserver started once, as the audit's worker pool leaves it
        start = [helper_start() for _ in range(runs)]
        wall: dict[str, list[float]] = {"inline": [], "helper": []}
        for i in range(runs):
            for mode in ("inline", "helper"):
                wall[mode].append(outputs_wall(store, key, pack, tmp / f"out-{mode}-{i}", mode == "helper"))
        record = {
            "reports": store.count(key),
            "findings_rows": sum(len(r.result.get("findings", [])) for r in corpus.reports()),
            "cpu_s": {
                name: {"best": min(v), "median": statistics.median(v), "runs": v}
                for name, v in seconds.items()
            },
            "bytes": sizes,
            "helper_start_s": _spread(start),
            "write_outputs_wall_s": {mode: _spread(v) for mode, v in wall.items()},
        }
        if "old" in seconds:
            old, new = statistics.median(seconds["old"]), statistics.median(seconds["new"])
            reading = statistics.median(seconds["reading"])
            old_reading = statistics.median(seconds["old_reading"])
            record["ratio_old_new"] = old / new
            record["ratio_writing_only"] = (old - old_reading) / max(new - reading, 1e-9)
        return record
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[2000])
    parser.add_argument(
        "--audit", type=Path, help="an audit folder (its audit.sqlite) instead of a new corpus"
    )
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        targets = [(None, args.audit)] if args.audit else [(n, None) for n in args.n]
        for n, folder in targets:
            here = tmp / (str(n) if n else "given")
            here.mkdir()
            rows.append({"n": n, **measure(folder or audited(n or 0, here), args.runs, here)})
    print(
        f"{'reports':>8} {'old s':>7} {'new s':>7} {'ratio':>6} {'old reading s':>14} {'reading s':>10} "
        f"{'writing ratio':>14}"
    )
    for row in rows:
        cpu_s = row["cpu_s"]
        old = cpu_s.get("old", {}).get("median", float("nan"))
        old_reading = cpu_s.get("old_reading", {}).get("median", float("nan"))
        print(
            f"{row['reports']:>8} {old:>7.3f} {cpu_s['new']['median']:>7.3f} "
            f"{row.get('ratio_old_new', float('nan')):>6.1f} {old_reading:>14.3f} "
            f"{cpu_s['reading']['median']:>10.3f} {row.get('ratio_writing_only', float('nan')):>14.1f}"
        )
        wall = row["write_outputs_wall_s"]
        print(
            f"         write_outputs wall: inline {wall['inline']['median']:.3f} s, "
            f"helper {wall['helper']['median']:.3f} s; helper start {row['helper_start_s']['median']:.3f} s"
        )
    sizes = "-".join(str(row["reports"]) for row in rows)
    save_record("workbook", stamped(runs=rows, repetitions=args.runs), suffix=f"-{sizes}")


if __name__ == "__main__":
    main()
