"""``?format=html``: one self-contained HTML page for a checked report — score, checklist,
and the report's own text with every finding highlighted in place and its message beside it.

Everything from the report or the request is escaped; the page needs no script and no file
from elsewhere (its style is inlined). The JSON contract rides along in a data block, so the
self-check page can offer the JSON download without checking twice.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape
from importlib import resources
from typing import Any

from checker.i18n import t
from checker.serve.highlight import Place, line_starts, pieces, place
from checker.verdict import open_errors, verdict_state, verdict_text

MARKS = {"present": "✓", "weak": "△", "missing": "✗"}


def result_css() -> str:
    return (resources.files("checker.serve") / "assets" / "result.css").read_text(encoding="utf-8")


def json_block(document: dict[str, Any]) -> str:
    """The JSON contract inside ``<script type="application/json">``: nothing in it can close
    the element or start markup (``<``, ``>``, ``&`` are written as JSON escapes)."""
    text = json.dumps(document, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _score(result: dict[str, Any], lang: str) -> str:
    """Score, grade and the verdict the terminal gives; a pass with errors left is a warning."""
    errors = open_errors(result["findings"])
    verdict = verdict_text(bool(result["passed"]), errors, lang)
    state = verdict_state(bool(result["passed"]), errors)
    unit = " 分" if lang == "zh" else ""
    return (
        f'<div class="fz-score {state}"><span class="fz-points">{result["score"]}{unit}</span>'
        f' · <span class="fz-grade">{escape(str(result["grade"]))}</span> · {escape(verdict)}</div>'
    )


def _meta(result: dict[str, Any], lang: str) -> str:
    meta, unknown = result.get("meta") or {}, t("ui.unknown", lang)
    colon = t("ui.colon", lang)
    parts = [
        f"{t('ui.agency', lang)}{colon}{meta.get('agency') or unknown}",
        f"{t('ui.year', lang)}{colon}{meta.get('year') or unknown}",
        f"{t('ui.date', lang)}{colon}{meta.get('date') or unknown}",
    ]
    note = f'<p class="fz-ocr">{escape(t("ui.ocr", lang))}</p>' if result.get("format") == "pdf-ocr" else ""
    return '<p class="fz-meta">' + escape(t("ui.gap", lang).join(parts)) + "</p>" + note


def _checklist(result: dict[str, Any], lang: str) -> str:
    rows = []
    for element in result["elements"]:
        status = element["status"]
        where = t("ui.where", lang, where=t("ui.line", lang, line=element["line"])) if element["line"] else ""
        label = f"{element['name']}{t('ui.colon', lang)}{t('status.' + status, lang)}{where}"
        rows.append(
            f'<li class="fz-el {escape(status)}" data-element="{escape(element["id"])}">'
            f'<span class="fz-mark">{MARKS.get(status, "?")}</span>{escape(label)}</li>'
        )
    heading = escape(t("ui.elements", lang))
    return f'<section class="fz-checklist"><h2>{heading}</h2><ul>{"".join(rows)}</ul></section>'


def _note(number: int, finding: dict[str, Any], lang: str, placed: bool = False) -> str:
    """A finding's message, suggestion and basis; when ``placed`` in the text, its number is a
    link back to the passage (the note itself takes focus when a link leads to it)."""
    severity = finding["severity"]
    waived = f' <span class="fz-waived">{escape(t("fmt.waived", lang, reason=finding["waived"]))}</span>'
    back = escape(t("serve.to-text", lang, n=number))
    num = (
        f'<a class="fz-num" href="#fz-at-{number}" aria-label="{back}" title="{back}">{number}</a>'
        if placed
        else f'<span class="fz-num">{number}</span>'
    )
    return (
        f'<div class="fz-note {escape(severity)}" id="fz-note-{number}" tabindex="-1" '
        f'data-rule="{escape(finding["rule"])}">{num}'
        f'<span class="fz-sev">{escape(t("severity." + severity, lang))}</span> '
        f"{escape(finding['message'])}{waived if finding.get('waived') else ''}"
        f'<div class="fz-sugg">{escape(t("ui.suggestion", lang))}{escape(t("ui.colon", lang))}'
        f"{escape(finding['suggestion'])}</div>"
        f'<div class="fz-basis">{escape(t("ui.basis", lang))}{escape(t("ui.colon", lang))}'
        f"{escape(finding['basis'])}（{escape(finding['rule'])}）</div></div>"
    )


def _marker_labels(result: dict[str, Any], lang: str) -> dict[int, str]:
    """What each finding's marker says: "missing here: …" for a missing element, else its name."""
    elements = {e["id"]: e for e in result["elements"]}
    labels = {}
    for number, finding in enumerate(result["findings"], 1):
        element = elements.get(finding["element"])
        name = element["name"] if element else finding["element"]
        missing = element is not None and element["status"] == "missing"
        labels[number] = t("serve.missing-here", lang, name=name) if missing else name
    return labels


def _line_html(
    number: int,
    line: str,
    start: int,
    places: list[Place],
    worst: dict[int, str],
    names: dict[int, str],
    lang: str,
) -> str:
    """One line of the report with its highlights, reference numbers and missing-part markers."""
    out = []
    for piece in pieces(number, line, start, places):
        for n in piece.markers:
            label = names.get(n, "")
            out.append(
                f'<a class="fz-gap {worst[n]}" data-n="{n}" id="fz-at-{n}" href="#fz-note-{n}">'
                f"⌃{n} {escape(label)}</a>"
            )
        text = escape(piece.text)
        if piece.numbers:
            severity = max((worst[n] for n in piece.numbers), key=_rank)
            refs = "".join(
                f'<sup class="fz-ref"><a id="fz-at-{n}" href="#fz-note-{n}" '
                f'aria-label="{escape(t("serve.to-note", lang, n=n))}">{n}</a></sup>'
                for n in piece.starts
            )
            numbers = " ".join(str(n) for n in piece.numbers)
            out.append(f'<mark class="fz-hl {severity}" data-n="{numbers}">{refs}{text}</mark>')
        else:
            out.append(text)
    return "".join(out)


def _rank(severity: str) -> int:
    return {"error": 3, "warning": 2, "info": 1}.get(severity, 0)


def _text(result: dict[str, Any], text: str | None, lang: str) -> str:
    findings = result["findings"]
    heading = f"<h2>{escape(t('serve.text', lang))}</h2>"
    if not text:
        notes = "".join(_note(i, f, lang) for i, f in enumerate(findings, 1))
        body = notes or f"<p>{escape(t('serve.no-text', lang))}</p>"
        return f'<section class="fz-text">{heading}{body}</section>'
    lines = text.split("\n")
    starts = line_starts(lines)
    places: list[Place] = []
    general: list[int] = []
    for number, finding in enumerate(findings, 1):
        spot = place(finding, number, lines, starts)
        if spot is None:
            general.append(number)
        else:
            places.append(spot)
    worst = {i: f["severity"] for i, f in enumerate(findings, 1)}
    names = _marker_labels(result, lang)
    notes_by_line: dict[int, list[int]] = {}
    for spot in places:
        notes_by_line.setdefault(spot.line, []).append(spot.number)
    rows = []
    if general:
        notes = "".join(_note(n, findings[n - 1], lang) for n in general)
        rows.append(f'<div class="fz-general"><h3>{escape(t("serve.general", lang))}</h3>{notes}</div>')
    for index, line in enumerate(lines):
        numbers = notes_by_line.get(index, [])
        if not line.strip() and not numbers:
            continue
        content = _line_html(index, line, starts[index], places, worst, names, lang)
        notes = "".join(_note(n, findings[n - 1], lang, placed=True) for n in numbers)
        rows.append(
            f'<div class="fz-row"><span class="fz-no">{index + 1}</span>'
            f'<div class="fz-line">{content}</div><div class="fz-notes">{notes}</div></div>'
        )
    return f'<section class="fz-text">{heading}{"".join(rows)}</section>'


def _previous_notes(notes: Sequence[str]) -> str:
    """What the comparison with last year's report said (not of the year before, the same
    file, nothing carried over, or why it could not be compared)."""
    if not notes:
        return ""
    items = "".join(f"<li>{escape(note)}</li>" for note in notes)
    return f'<ul class="fz-previous">{items}</ul>'


def render_result(document: dict[str, Any], text: str | None, lang: str, notes: Sequence[str] = ()) -> str:
    """The whole HTML page for the one result in ``document`` (the JSON contract); ``notes``:
    what the comparison with last year's report said."""
    result = document["results"][0]
    name = result["path"]
    title = t("serve.result-title", lang, name=name)
    tool = document["tool"]
    pack_line = t("serve.pack-line", lang, pack=tool["rulepack"], version=tool["version"])
    parts = [f'<header class="fz-head"><h1>{escape(name)}</h1><p class="fz-pack">{escape(pack_line)}</p>']
    if result["status"] == "error":
        message = f"{t('ui.error', lang)}{t('ui.colon', lang)}{result['error']['message']}"
        parts.append(f'<p class="fz-problem fail">{escape(message)}</p></header>')
    elif not result["is_report"]:
        message = f"{t('ui.not-report', lang)}{t('ui.colon', lang)}{result['not_report_reason']}"
        parts.append(f'<p class="fz-problem fail">{escape(message)}</p></header>')
        parts.append(_text(result, text, lang))
    else:
        parts.append(_meta(result, lang) + _score(result, lang) + _previous_notes(notes) + "</header>")
        parts.append(_checklist(result, lang))
        parts.append(_text(result, text, lang))
    html_lang = "zh-CN" if lang == "zh" else "en"
    return (
        f'<!doctype html>\n<html lang="{html_lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{result_css()}</style></head>"
        f'<body><main class="fz-result">{"".join(parts)}</main>'
        f'<script type="application/json" id="fz-json">{json_block(document)}</script>'
        "</body></html>\n"
    )
