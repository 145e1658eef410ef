"""``index.html``: a self-contained dashboard (inline CSS/JS, SVG charts, no network at all)."""

from __future__ import annotations

import html
import json
from importlib import resources
from pathlib import Path
from typing import IO

import checker.regex_cache as regex_cache
from checker.audit.corpus import SCORING_KINDS, Corpus, Report, kind_names, status_names
from checker.i18n import DEFAULT_LANG, MESSAGES, t
from checker.outfiles import replacing

STATUS_CODES = {"present": 0, "weak": 1, "missing": 2}


_LABEL = regex_cache.compile(r"\{\{(dash\.[\w.-]+)\}\}")  # a static label of dashboard.html
DETAIL_LIMIT = 5000  # reports whose findings the page embeds: the lowest-scoring ones
# copy pairs whose passages the page embeds: the most similar ones. Every pair is listed, but the
# passages of 13,462 pairs at 50,000 reports were 19.6 of the page's 45 MB, read 20 at a time;
# the rest are in the workbook's 雷同 sheet
COPY_DETAIL_LIMIT = 2000


def _report_entry(report: Report, elements: list[tuple[str, str]], detailed: bool) -> dict:
    """One report as the page's script reads it (field names documented in assets/dashboard.js).

    Beyond :data:`DETAIL_LIMIT` reports only the lowest-scoring keep their findings (``f``);
    the others carry the count (``nf``) and point to the workbook, so the page stays usable.
    """
    result = report.result
    statuses = {e["id"]: e["status"] for e in result.get("elements", [])}
    findings = result.get("findings", [])
    return {
        "p": report.path,
        "a": report.agency or "",
        "y": report.year,
        "s": report.status,
        "sc": report.score,
        "g": result.get("grade") or "",
        "ok": bool(result.get("passed")),
        "r": bool(result.get("is_report")),
        "nr": result.get("not_report_reason") or "",
        "e": [STATUS_CODES.get(statuses.get(e) or "", -1) for e, _ in elements],
        "nf": len(findings),
        "f": [
            [f["severity"], f["rule"], f["message"], f["excerpt"], f["line"], f["suggestion"]]
            for f in findings
        ]
        if detailed
        else None,
        "err": (result.get("error") or {}).get("message", ""),
    }


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")


def page_words(lang: str = DEFAULT_LANG) -> dict[str, str]:
    """The ``dash.*`` catalogue templates in ``lang``, keyed without the prefix: the page's ``t``."""
    return {
        key[len("dash.") :]: entry.get(lang) or entry[DEFAULT_LANG]
        for key, entry in MESSAGES.items()
        if key.startswith("dash.")
    }


def _write_data(corpus: Corpus, handle: IO[str], lang: str = DEFAULT_LANG) -> None:
    """The page's data object, written report by report so memory stays flat in N."""
    elements = corpus.element_names(lang)
    handle.write('{"pack": ' + _dump(corpus.pack.label) + ', "t": ' + _dump(page_words(lang)))
    handle.write(', "elements": ' + _dump([name for _, name in elements]))
    handle.write(', "statusNames": ' + _dump(status_names(lang)) + ', "reports": [')
    index: dict[str, int] = {}
    detailed = _detailed_paths(corpus)
    for i, report in enumerate(corpus.reports()):
        index[report.path] = i
        entry = _report_entry(report, elements, detailed is None or report.path in detailed)
        handle.write(("," if i else "") + _dump(entry))
    names, kinds, whole = dict(elements), kind_names(lang), t("audit.whole", lang)
    handle.write('], "copies": [')  # the list as _dump writes it, a pair at a time
    duplicates = 0
    for k, c in enumerate(corpus.copies()):  # most similar first
        pair = [
            kinds.get(c.kind, c.kind),
            names.get(c.part, whole),
            index.get(c.a_path, -1),
            index.get(c.b_path, -1),
            c.similarity,
            [text for _, text in c.passages] if k < COPY_DETAIL_LIMIT else None,
        ]
        handle.write((", " if k else "") + _dump(pair))
        duplicates += c.kind not in SCORING_KINDS  # filed twice: no copy
    handle.write('], "duplicates": ' + str(duplicates) + "}")


def _detailed_paths(corpus: Corpus) -> set[str] | None:
    """None when every report fits; else the paths of the lowest-scoring DETAIL_LIMIT reports."""
    db, options = corpus.store.db, corpus.options
    total = db.execute("SELECT count(*) FROM reports WHERE options=?", (options,)).fetchone()[0]
    if total <= DETAIL_LIMIT:
        return None
    rows = db.execute(
        "SELECT path FROM reports WHERE options=? ORDER BY score IS NULL, score, path LIMIT ?",
        (options, DETAIL_LIMIT),
    )
    return {path for (path,) in rows}


def write_dashboard(corpus: Corpus, path: Path, lang: str = DEFAULT_LANG) -> Path:
    """``index.html`` with every label in ``lang`` (the report data stays as written)."""
    assets = resources.files("checker.audit") / "assets"
    template = (assets / "dashboard.html").read_text(encoding="utf-8")
    template = _LABEL.sub(lambda m: html.escape(t(m.group(1), lang)), template)
    page = template.replace("/*CSS*/", (assets / "dashboard.css").read_text(encoding="utf-8")).replace(
        "/*JS*/", (assets / "dashboard.js").read_text(encoding="utf-8")
    )
    before, after = page.split("{{DATA}}", 1)
    with replacing(path) as handle:
        handle.write(before)
        _write_data(corpus, handle, lang)
        handle.write(after)
    return path
