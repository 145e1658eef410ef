"""Write the audit's files: results.json, results.csv, audit.xlsx and index.html.

All writers read the same :class:`~checker.audit.corpus.Corpus`; the workbook and the
dashboard have modules of their own.
"""

from __future__ import annotations

import csv
import json
import multiprocessing as mp
from multiprocessing.process import BaseProcess
from pathlib import Path

from checker import __version__
from checker.audit.corpus import SCORING_KINDS, Corpus, element_status, load_corpus
from checker.audit.current import output_inputs
from checker.audit.dashboard import write_dashboard
from checker.audit.disk import naming
from checker.audit.marker import MARKER_NAME, forget_outputs, outputs_current, record_outputs
from checker.audit.pool import fork_server_running
from checker.audit.store import Store
from checker.audit.workbook import write_workbook
from checker.outfiles import replacing
from checker.packs.model import Pack
from checker.run.stopping import ctrl_c_left_to_the_parent

# reports from which the workbook gets a process of its own: below it, starting the helper (about
# 0.1 s with the forkserver running, more without) costs more than writing the workbook beside the
# JSON, CSV and dashboard saves (benchmarks/bench_workbook.py: slower at 500 and 1,000 reports,
# faster at 2,000 and 10,000)
PARALLEL_FROM = 2000
OUTPUT_NAMES = ("results.json", "results.csv", "audit.xlsx", "index.html")


def write_outputs(store: Store, options: str, pack: Pack, out: Path, lang: str = "zh") -> list[str]:
    """Every output file in ``out``, written unless current (:func:`refresh_outputs`); their paths."""
    return refresh_outputs(store, options, pack, out, lang)[0]


def refresh_outputs(
    store: Store, options: str, pack: Pack, out: Path, lang: str = "zh"
) -> tuple[list[str], bool]:
    """The paths of the output files in ``out`` and whether they were kept as they were.

    They are kept when written from exactly the store's present rows and copy pairs, the same
    pack, language and fzcheck version, and untouched since (:mod:`checker.audit.marker`);
    otherwise all are written again, and the marker only once they are complete."""
    paths = [str(out / name) for name in OUTPUT_NAMES]
    inputs = output_inputs(store, options, pack, out, lang)
    if outputs_current(out, inputs, OUTPUT_NAMES):
        return paths, True
    forget_outputs(out)
    _write_all(store, options, pack, out, lang)
    with naming(out / MARKER_NAME, lang):
        record_outputs(out, inputs, OUTPUT_NAMES)
    return paths, False


def _write_all(store: Store, options: str, pack: Pack, out: Path, lang: str) -> None:
    """Write every output file into ``out``.

    The workbook takes about half of the time (every report's result decoded, every cell made in
    Python), so on a large corpus it is written by a second process reading the same store,
    while this one writes the JSON, CSV and dashboard.

    A file the disk refuses (full, read-only) raises :class:`~checker.outfiles.CannotWrite`
    naming it; the files already written and the store stay as they were.
    """
    corpus = load_corpus(store, options, pack)
    workbook = out / "audit.xlsx"
    helper = None
    if store.count(options) >= PARALLEL_FROM:
        helper = _start_workbook(store, options, pack, workbook, lang)
    else:
        with naming(workbook, lang):
            write_workbook(corpus, workbook, lang)
    try:
        with naming(out / "results.json", lang):
            write_json(corpus, out / "results.json")
        with naming(out / "results.csv", lang):
            write_csv(corpus, out / "results.csv")
        with naming(out / "index.html", lang):
            write_dashboard(corpus, out / "index.html", lang)
    except BaseException:
        if helper is not None:  # it ends on its own (a full disk stops it too) and removes its part file
            helper.join()
        raise
    if helper is not None:
        helper.join()
        if helper.exitcode != 0:  # the helper failed or was killed: write it here after all
            with naming(workbook, lang):
                write_workbook(corpus, workbook, lang)


def _start_workbook(store: Store, options: str, pack: Pack, path: Path, lang: str) -> BaseProcess:
    process = mp.get_context("forkserver").Process(
        target=_workbook_process, args=(store.path, options, pack, path, lang), daemon=True
    )
    fork_server_running()  # not yet running when the audit ran on Dask
    process.start()
    return process


def _workbook_process(db: Path, options: str, pack: Pack, path: Path, lang: str) -> None:
    """The workbook from a store of its own (SQLite WAL: readers do not block each other).
    Ctrl+C is the audit's: it waits for this process, which finishes on its own."""
    ctrl_c_left_to_the_parent()
    store = Store(db)
    try:
        write_workbook(load_corpus(store, options, pack), path, lang)
    except OSError:  # a full disk, say: the parent writes it again and words the refusal
        raise SystemExit(1) from None
    finally:
        store.close()


def write_json(corpus: Corpus, path: Path) -> Path:
    """Same contract as ``fzcheck check --format json``: {"tool": …, "results": […]}."""
    tool = {"name": "fzcheck", "version": __version__, "rulepack": corpus.pack.label}
    sql = "SELECT result_json FROM reports WHERE options=? ORDER BY path"
    with replacing(path) as handle:
        handle.write('{"tool": ' + json.dumps(tool, ensure_ascii=False) + ',\n "results": [\n')
        for i, (raw,) in enumerate(corpus.store.db.execute(sql, (corpus.options,))):
            handle.write((",\n" if i else "") + raw)
        handle.write("\n]}\n")
    return path


def write_csv(corpus: Corpus, path: Path) -> Path:
    """One line per file, UTF-8 with BOM so spreadsheet programs detect the encoding."""
    elements = corpus.element_names()
    copied: set[str] = set()
    twins: dict[str, list[str]] = {}  # a report submitted twice → its other file(s)
    for c in corpus.copies():
        if c.kind in SCORING_KINDS:
            copied.add(c.a_path)
        else:
            twins.setdefault(c.a_path, []).append(c.b_path)
            twins.setdefault(c.b_path, []).append(c.a_path)
    with replacing(path, encoding="utf-8-sig", newline="") as handle:
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
                "duplicate",
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
                    " | ".join(sorted(twins.get(report.path, []))),
                ]
            )
    return path
