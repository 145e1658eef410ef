"""How well ``fzcheck audit`` finds copying, per kind of copy, on labelled real text.

Every labelled report is made of real text: the five seeds in ``reports/``, three
full reports among the agency variants (湖南省交通运输厅, 巴楚县, 退役军人事务部) and the 52
corpus openings. Each scenario is a set of labelled reports audited together with the same
background (``make_corpus.py``, default 600 reports) so that the boilerplate threshold
meets a realistic volume; a text is used once per scenario unless it is copied on purpose.

Classes of true copies: a body's report re-used for the next year (whole, or only its
measures, problems or plan part); another body's report with the name and department
words swapped, with paragraphs reordered, lightly reworded, punctuation and spacing
changed, saved as docx or pdf; one report pasted twice under two file names; partial
copies of 20%, 40% and 70% of the paragraphs; one text kept for seven years by each of six
bodies (a body's recycling and the copying across bodies, 42 reports of one text). Classes
of true non-copies: independent reports sharing the stock phrases, a body's genuinely new
report of the next year, the corpus openings (one report template, many bodies).

For each labelled pair the table says found or not, with which kind, part and share; a
pair reported among labelled reports that is no copy is a false pair; the passages given
for a found pair must be copied text, not stock phrases; the workbook's 雷同 sheet must
name the kind. Deterministic: writes ``benchmarks/results/copy-accuracy.json`` and prints
the table.

    python benchmarks/copy_accuracy.py                 # 600 background reports
    python benchmarks/copy_accuracy.py --background 2000
    python benchmarks/copy_accuracy.py --scenario kept-for-years   # one scenario
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from itertools import pairwise
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from checker.check.locate import locate_elements  # noqa: E402
from checker.packs.pack import load_pack  # noqa: E402
from checker.parse.structure import parse_document  # noqa: E402
from checker.read import read_path  # noqa: E402

SEEDS = sorted((ROOT / "reports").glob("*.txt"))
AGENCIES = ROOT / "tests" / "fixtures" / "variants" / "agencies"
PAGES = ROOT / "tests" / "fixtures" / "corpus" / "pages"
YEARS = ROOT / "tests" / "fixtures" / "variants" / "years"
TODAY = "2026-06-30"
PARTS = {"measures": "measures", "problems": "problems", "plan": "next-year-plan"}
ACROSS, PREVIOUS, DUPLICATE = "across", "previous-year", "duplicate"


@dataclass(frozen=True)
class Source:
    """A real report: its paragraphs, its body's full name and the names it goes by."""

    key: str
    paragraphs: list[str]
    parts: dict[str, list[int]]  # part → indices of its body paragraphs (headings excluded)
    names: tuple[str, ...]  # the body's names as the text writes them, longest first
    year: int


def _source(key: str, path: Path, names: tuple[str, ...], year: int) -> Source:
    document = parse_document(read_path(path))
    loci = locate_elements(document, load_pack("national"))
    parts = {}
    for short, element in PARTS.items():
        locus = loci.get(element)
        headings = {s.paragraph.index for s in locus.sections} if locus else set()
        parts[short] = [p.index for p in (locus.paragraphs if locus else []) if p.index not in headings]
    return Source(key, [p.text for p in document.paragraphs], parts, names, year)


def sources() -> dict[str, Source]:
    """The full real reports the scenarios are made of."""
    s = SEEDS
    return {
        "S0": _source("S0", s[0], ("株洲市退役军人事务局",), 2024),
        "S1": _source("S1", s[1], ("卢氏县退役军人事务局", "卢氏县"), 2024),
        "S2": _source("S2", s[2], ("解放区退役军人事务局", "解放区"), 2023),
        "S3": _source("S3", s[3], ("魏都区退役军人事务局", "魏都区"), 2023),
        "S4": _source("S4", s[4], ("韶关市武江区退役军人事务局", "武江区退役军人事务局", "武江区"), 2023),
        "HN": _source(
            "HN", AGENCIES / "C1_problems_heading_zhuyaowenti_chengyin.txt", ("湖南省交通运输厅",), 2025
        ),
        "BC": _source(
            "BC", AGENCIES / "A1_joint_same_name_flagged.txt", ("中共巴楚县委 巴楚县人民政府", "巴楚县"), 2025
        ),
        "MIN": _source("MIN", AGENCIES / "G2_problems_run_swallows_plan.txt", ("退役军人事务部",), 2025),
    }


# ---- edits a copier makes ------------------------------------------------------------------

_YEAR = re.compile(r"(?<!\d)(20[0-3]\d)(?!\d)")
_NUMBER = re.compile(r"(?<![\d.])(\d{1,3})(?![\d.])")
SYNONYMS = (
    ("加强", "强化"),
    ("进一步", "持续"),
    ("开展", "组织"),
    ("推进", "推动"),
    ("全面", "切实"),
    ("严格", "认真"),
    ("不断", "持续"),
    ("提升", "提高"),
    ("工作", "任务"),
    ("完善", "健全"),
)


def shift_years(text: str, by: int) -> str:
    return _YEAR.sub(lambda m: str(int(m.group(1)) + by), text)


def change_figures(text: str, rng: random.Random, share: float = 0.3) -> str:
    """Redraw about ``share`` of the small numbers (counts, sessions): a new year's figures."""
    return _NUMBER.sub(lambda m: str(rng.randint(2, 99)) if rng.random() < share else m.group(1), text)


def swap_body(
    text: str, old: tuple[str, ...], new: tuple[str, ...], words: dict[str, str] | None = None
) -> str:
    """Every name of the old body replaced by the matching name of the new (last one repeats)."""
    for k, name in enumerate(old):
        text = text.replace(name, new[min(k, len(new) - 1)])
    for a, b in (words or {}).items():
        text = text.replace(a, b)
    return text


def reword(text: str, rng: random.Random) -> str:
    """One word of most sentences swapped for a near synonym: a light rewrite."""
    out = []
    for sentence in re.split(r"(?<=[。；])", text):
        options = [(a, b) for a, b in SYNONYMS if a in sentence]
        if options and rng.random() < 0.8:
            a, b = rng.choice(options)
            sentence = sentence.replace(a, b, 1)
        out.append(sentence)
    return "".join(out)


def repunctuate(text: str, rng: random.Random) -> str:
    """Half-width punctuation and stray spaces, as a retyped or re-exported copy has."""
    table = str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "“": '"', "”": '"'})
    chars = list(text.translate(table))
    return "".join(c + (" " if rng.random() < 0.05 else "") for c in chars)


# ---- labelled reports -------------------------------------------------------------------------


@dataclass
class Report:
    """A labelled report: file name, body, year, paragraphs and how it is written out."""

    name: str
    paragraphs: list[str]
    body: str
    year: int
    form: str = "txt"  # txt, docx or pdf
    copied: dict[str, set[str]] = field(default_factory=dict)  # source name → copied paragraphs


@dataclass(frozen=True)
class Truth:
    """A labelled copy: ``a`` copied ``part`` (or the whole) of ``b``; ``share``: of a's part."""

    cls: str
    a: str
    b: str
    kind: str
    part: str
    share: float


def original(src: Source, name: str) -> Report:
    return Report(name, list(src.paragraphs), src.names[0], src.year)


def rebody(
    src: Source, name: str, names: tuple[str, ...], year: int, words: dict[str, str] | None = None
) -> Report:
    """``src`` as ``names[0]``'s report for ``year``: names, department words and years changed."""
    by = year - src.year
    paragraphs = [shift_years(swap_body(p, src.names, names, words), by) for p in src.paragraphs]
    return Report(name, paragraphs, names[0], year)


def graft(target: Report, src: Source, part: str, src_report: Report) -> Report:
    """``target`` with its ``part`` replaced by ``src_report``'s (paragraphs as written there)."""
    own = _part_indices(target, part)
    copied = [src_report.paragraphs[i] for i in src.parts[part]]
    paragraphs = target.paragraphs[: own[0]] + copied + target.paragraphs[own[-1] + 1 :]
    out = Report(target.name, paragraphs, target.body, target.year, target.form)
    out.copied[src_report.name] = set(copied)
    return out


_PART_OF: dict[str, dict[str, list[int]]] = {}


def _part_indices(report: Report, part: str) -> list[int]:
    found = _PART_OF[report.name][part]
    assert found, f"{report.name}: no {part} part"
    return found


def _with_parts(report: Report, src: Source) -> Report:
    _PART_OF[report.name] = src.parts
    return report


def partial(
    target: Report, tsrc: Source, src_report: Report, src: Source, share: float, rng: random.Random
) -> Report:
    """``target`` with ``share`` of its body paragraphs replaced by ``src_report``'s."""
    body_t = sorted({i for ids in tsrc.parts.values() for i in ids})
    body_s = sorted({i for ids in src.parts.values() for i in ids})
    count = round(share * len(body_t))
    slots = sorted(rng.sample(body_t, count))
    picks = sorted(rng.sample(body_s, min(count, len(body_s))))
    paragraphs = list(target.paragraphs)
    copied = set()
    for slot, pick in zip(slots, picks, strict=False):
        paragraphs[slot] = src_report.paragraphs[pick]
        copied.add(src_report.paragraphs[pick])
    out = Report(target.name, paragraphs, target.body, target.year)
    out.copied[src_report.name] = copied
    return out


def _chars(paragraphs: list[str]) -> int:
    return sum(len(re.sub(r"\s", "", p)) for p in paragraphs)


def scenarios(rng: random.Random) -> dict[str, tuple[list[Report], list[Truth], set[frozenset[str]]]]:
    """name → (reports, labelled copies, pairs related by descent but not labelled)."""
    src = sources()
    S0, S1, S2, S3, S4, HN, BC, MIN = (src[k] for k in ("S0", "S1", "S2", "S3", "S4", "HN", "BC", "MIN"))
    out = {}

    # -- a body's report of the next year that re-uses last year's (whole or one part)
    s0, s1, s3, hn, bc = (original(x, f"{x.key}.txt") for x in (S0, S1, S3, HN, BC))
    whole = rebody(S0, "yoy_whole.docx", S0.names, 2025)
    whole.paragraphs = [change_figures(p, rng) for p in whole.paragraphs]
    whole.form, whole.copied = "docx", {"S0.txt": set(whole.paragraphs)}
    s1_next = rebody(S1, "S1_next.txt", S1.names, 2025)
    plan = graft(_with_parts(rebody(S2, "yoy_plan.txt", S1.names, 2025), S2), S1, "plan", s1_next)
    s3_next = rebody(S3, "S3_next.txt", S3.names, 2024)
    problems = graft(_with_parts(rebody(S4, "yoy_problems.txt", S3.names, 2024), S4), S3, "problems", s3_next)
    hn_next = rebody(HN, "HN_next.txt", HN.names, 2026)
    measures = graft(
        _with_parts(rebody(MIN, "yoy_measures.txt", HN.names, 2026, {"退役军人": "交通运输"}), MIN),
        HN,
        "measures",
        hn_next,
    )
    bc_next = rebody(BC, "yoy_reworded.txt", BC.names, 2026)
    bc_next.paragraphs = [reword(change_figures(p, rng), rng) for p in bc_next.paragraphs]
    bc_next.copied = {"BC.txt": set(bc_next.paragraphs)}
    out["next-year"] = (
        [s0, s1, s3, hn, bc, whole, plan, problems, measures, bc_next],
        [
            Truth(
                "next year: whole report, figures changed (docx)",
                "yoy_whole.docx",
                "S0.txt",
                PREVIOUS,
                "whole",
                1.0,
            ),
            Truth("next year: plan part only", "yoy_plan.txt", "S1.txt", PREVIOUS, "next-year-plan", 1.0),
            Truth("next year: problems part only", "yoy_problems.txt", "S3.txt", PREVIOUS, "problems", 1.0),
            Truth("next year: measures part only", "yoy_measures.txt", "HN.txt", PREVIOUS, "measures", 1.0),
            Truth("next year: whole, lightly reworded", "yoy_reworded.txt", "BC.txt", PREVIOUS, "whole", 1.0),
        ],
        set(),
    )

    # -- another body's report with the name swapped, edited in the ways copiers edit
    s0, s1, s2, s3, hn, bc, mn = (original(x, f"{x.key}.txt") for x in (S0, S1, S2, S3, HN, BC, MIN))
    swap = rebody(S1, "across_swap.txt", S3.names, 2024)
    reorder = rebody(S0, "across_reorder.txt", S4.names, 2024)
    measures = S0.parts["measures"]
    moved = [reorder.paragraphs[i] for i in measures]
    rng.shuffle(moved)
    for i, text in zip(measures, moved, strict=True):
        reorder.paragraphs[i] = text
    reworded = rebody(S2, "across_reworded.txt", ("株洲市天元区退役军人事务局", "天元区"), 2023)
    reworded.paragraphs = [reword(p, rng) for p in reworded.paragraphs]
    punct = rebody(HN, "across_punct.txt", ("株洲市自然资源和规划局",), 2025, {"交通运输": "自然资源"})
    punct.paragraphs = [repunctuate(p, rng) for p in punct.paragraphs]
    pdf = rebody(BC, "across_pdf.pdf", ("中共疏附县委 疏附县人民政府", "疏附县"), 2025)
    pdf.form = "pdf"
    twice = original(MIN, "MIN_again.txt")
    part = graft(_with_parts(rebody(S4, "across_problems.txt", S4.names, 2023), S4), S3, "problems", s3)
    reports = [s0, s1, s2, s3, hn, bc, mn, swap, reorder, reworded, punct, pdf, twice, part]
    for r in reports[7:12]:
        r.copied = {"?": set()}
    out["across"] = (
        reports,
        [
            Truth("other body: name swapped", "across_swap.txt", "S1.txt", ACROSS, "whole", 1.0),
            Truth("other body: paragraphs reordered", "across_reorder.txt", "S0.txt", ACROSS, "whole", 1.0),
            Truth("other body: lightly reworded", "across_reworded.txt", "S2.txt", ACROSS, "whole", 1.0),
            Truth(
                "other body: punctuation, spaces, dept words",
                "across_punct.txt",
                "HN.txt",
                ACROSS,
                "whole",
                1.0,
            ),
            Truth("other body: saved as pdf", "across_pdf.pdf", "BC.txt", ACROSS, "whole", 1.0),
            Truth("other body: problems part only", "across_problems.txt", "S3.txt", ACROSS, "problems", 1.0),
            Truth("same report pasted twice", "MIN_again.txt", "MIN.txt", DUPLICATE, "whole", 1.0),
        ],
        set(),
    )

    # -- partial copies: a share of the body paragraphs taken from another body's report
    s0, s1, hn, s4 = (original(x, f"{x.key}.txt") for x in (S0, S1, HN, S4))
    p20 = partial(rebody(S2, "partial20.txt", S2.names, 2024), S2, s0, S0, 0.2, rng)
    p40 = partial(rebody(S3, "partial40.txt", S3.names, 2024), S3, s1, S1, 0.4, rng)
    p70 = partial(rebody(MIN, "partial70.txt", MIN.names, 2025), MIN, hn, HN, 0.7, rng)
    truths = []
    for report, source, share in ((p20, "S0.txt", 0.2), (p40, "S1.txt", 0.4), (p70, "HN.txt", 0.7)):
        truths.append(
            Truth(
                f"partial copy {round(share * 100)}% of paragraphs", report.name, source, ACROSS, "any", share
            )
        )
    out["partial"] = ([s0, s1, hn, s4, p20, p40, p70], truths, set())

    # -- a body that recycles its report year after year (seed 000 rewritten for 2019–2025 by
    # tests/fixtures/variants/years/make_years.py: only year-bound phrases change)
    years = sorted(YEARS.glob("zhuzhou-*.txt"))
    recycled = [
        Report(p.name, p.read_text(encoding="utf-8").split("\n"), S0.names[0], int(p.stem[-4:]))
        for p in years
    ]
    recycled.append(original(S0, "S0.txt"))
    recycled.sort(key=lambda r: r.year)
    others = [original(x, f"{x.key}.txt") for x in (S1, S2, S3, S4)]
    truths = [
        Truth("next year: recycled every year (7 years)", later.name, earlier.name, PREVIOUS, "whole", 1.0)
        for earlier, later in pairwise(recycled)
    ]
    related = {frozenset((a.name, b.name)) for a in recycled for b in recycled if a.name != b.name}
    out["recycled-years"] = ([*recycled, *others], truths, related - {frozenset((t.a, t.b)) for t in truths})

    # -- one report copied by several bodies, names and department words swapped
    hn, s0, s1, s2 = (original(x, f"{x.key}.txt") for x in (HN, S0, S1, S2))
    copiers = [
        rebody(HN, f"template_{k}.txt", (name,), 2025, {"交通运输": word})
        for k, (name, word) in enumerate(
            (
                ("株洲市卫生健康委员会", "卫生健康"),
                ("株洲市自然资源和规划局", "自然资源"),
                ("株洲市教育局", "教育"),
                ("株洲市水利局", "水利"),
                ("株洲市财政局", "财政"),
            )
        )
    ]
    truths = [
        Truth("other body: one report copied by 5 bodies", c.name, "HN.txt", ACROSS, "whole", 1.0)
        for c in copiers
    ]
    related = {frozenset((a.name, b.name)) for a in copiers for b in copiers if a.name != b.name}
    out["copied-by-many"] = ([hn, s0, s1, s2, *copiers], truths, related)

    # -- one text kept for seven years (2019–2025) by each of six bodies (湖南省交通运输厅 and five
    # bodies that took its report over): 42 reports of one text, over the boilerplate cut when
    # document frequency counted reports, though only six bodies use it
    s0, s1, s2 = (original(x, f"{x.key}.txt") for x in (S0, S1, S2))
    holders = (
        (HN.names, "交通运输"),
        (("湘潭市卫生健康委员会",), "卫生健康"),
        (("湘潭市自然资源和规划局",), "自然资源"),
        (("湘潭市教育局",), "教育"),
        (("湘潭市水利局",), "水利"),
        (("湘潭市财政局",), "财政"),
    )
    kept: dict[tuple[int, int], Report] = {}
    for year in range(2019, 2026):
        text = [change_figures(p, rng) for p in rebody(HN, "", HN.names, year).paragraphs]
        for k, (names, word) in enumerate(holders):
            paragraphs = [swap_body(p, HN.names, names, {"交通运输": word}) for p in text]
            kept[k, year] = Report(f"kept_{k}_{year}.txt", paragraphs, names[0], year)
    truths = [
        Truth(
            "kept for years: each of 6 bodies, next year",
            kept[k, y].name,
            kept[k, y - 1].name,
            PREVIOUS,
            "whole",
            1.0,
        )
        for k in range(len(holders))
        for y in range(2020, 2026)
    ]
    truths += [
        Truth(
            "kept for years: another body's, same year",
            kept[k, y].name,
            kept[0, y].name,
            ACROSS,
            "whole",
            1.0,
        )
        for k in range(1, len(holders))
        for y in range(2019, 2026)
    ]
    related = {frozenset((a.name, b.name)) for a in kept.values() for b in kept.values() if a.name != b.name}
    related -= {frozenset((t.a, t.b)) for t in truths}
    out["kept-for-years"] = ([s0, s1, s2, *kept.values()], truths, related)

    # -- true non-copies: independent reports, a body's new report next year, one template
    s0, s3, hn, mn = (original(x, f"{x.key}.txt") for x in (S0, S3, HN, MIN))
    new_s0 = rebody(S1, "new_S0_next.txt", S0.names, 2025)
    new_s3 = rebody(S2, "new_S3_next.txt", S3.names, 2024)
    new_hn = rebody(BC, "new_HN_next.txt", HN.names, 2026)
    new_mn = rebody(S4, "new_MIN_next.txt", MIN.names, 2026)
    pages = [
        Report(f"page_{p.stem}.txt", p.read_text(encoding="utf-8").split("\n"), "", 0)
        for p in sorted(PAGES.glob("*.txt"))
    ]
    for page in pages:
        page.paragraphs = _page_text(page.paragraphs)
    related = {frozenset(("page_039.txt", "page_040.txt"))}  # one report, two copies on the web
    out["non-copies"] = ([s0, s3, hn, mn, new_s0, new_s3, new_hn, new_mn, *pages], [], related)
    return out


def _page_text(lines: list[str]) -> list[str]:
    """A corpus opening without its #-header block."""
    if "---" in lines:
        lines = lines[lines.index("---") + 1 :]
    return lines


# ---- writing and auditing ---------------------------------------------------------------------


def write(report: Report, folder: Path) -> None:
    path = folder / report.name
    text = "\n".join(report.paragraphs) + "\n"
    if report.form == "txt":
        path.write_text(text, encoding="utf-8")
        return
    import docx

    document = docx.Document()
    for paragraph in report.paragraphs:
        document.add_paragraph(paragraph)
    target = path.with_suffix(".docx")
    document.core_properties.created = datetime(2025, 1, 1)
    document.save(str(target))
    if report.form == "pdf":
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(
                [
                    "soffice",
                    f"-env:UserInstallation=file://{tmp}/u",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(folder),
                    str(target),
                ],
                check=True,
                capture_output=True,
                timeout=180,
            )
        target.unlink()


def audit(folder: Path, out: Path) -> None:
    fzcheck = shutil.which("fzcheck") or "fzcheck"
    subprocess.run(
        [
            fzcheck,
            "audit",
            str(folder),
            "--out",
            str(out),
            "--no-config",
            "--today",
            TODAY,
            "--no-progress",
            "-j",
            "2",
        ],
        check=False,
        capture_output=True,
        timeout=3600,
    )


def _squeeze(text: str) -> str:
    """Words only: the stored passages are normalised text (half-width punctuation)."""
    return re.sub(r"\W+", "", text)


def evaluate(
    name: str, reports: list[Report], truths: list[Truth], related: set[frozenset[str]], out: Path
) -> dict:
    """Per labelled copy: found, kind, part, share, passages; the false pairs among the rest."""
    labelled = {r.name for r in reports}
    by_name = {r.name: r for r in reports}
    found: dict[frozenset[str], list[tuple[str, str, str, str, float, list]]] = {}
    background: set[frozenset[str]] = set()
    with sqlite3.connect(out / "audit.sqlite") as db:
        for kind, part, a, b, sim, shared in db.execute(
            "SELECT kind, part, a_path, b_path, similarity, shared_json FROM copies"
        ):
            a, b = Path(a).name, Path(b).name
            inside = (a in labelled) + (b in labelled)
            if inside == 2:
                found.setdefault(frozenset((a, b)), []).append((kind, part, a, b, sim, json.loads(shared)))
            elif inside == 1:
                background.add(frozenset((a, b)))
    book_kinds = _workbook_kinds(out / "audit.xlsx")
    rows = []
    truth_pairs = {frozenset((t.a, t.b)) for t in truths}
    for truth in truths:
        hits = found.get(frozenset((truth.a, truth.b)), [])
        directed = [h for h in hits if h[2] == truth.a]
        best = max(directed or hits, key=lambda h: (h[1] == truth.part, h[4]), default=None)
        row = {"scenario": name, "class": truth.cls, "a": truth.a, "b": truth.b, "expected": truth.kind}
        row["found"] = best is not None
        if best is not None:
            row.update(
                kind=best[0], part=best[1], share=best[4], parts=sorted({h[1] for h in directed or hits})
            )
            row["kind_right"] = best[0] == truth.kind
            row["book_kind"] = book_kinds.get((best[2], best[3], best[1]))
            family = _family(truth.a, truths, related)
            rest = [r for r in reports if r.name not in family]
            row["passages_copied"] = _passages_copied(best[5], by_name[best[2]], by_name[best[3]], rest)
        rows.append(row)
    false_pairs = sorted(sorted(pair) for pair in found if pair not in truth_pairs and pair not in related)
    return {
        "rows": rows,
        "false_pairs": [
            {"pair": p, "found": [(h[0], h[1], h[2], h[4]) for h in found[frozenset(p)]]} for p in false_pairs
        ],
        "labelled_pairs": len(labelled) * (len(labelled) - 1) // 2,
        "background_pairs": len(background),
    }


def _family(name: str, truths: list[Truth], related: set[frozenset[str]]) -> set[str]:
    """The reports sharing copied text with ``name`` by descent (copies of copies too)."""
    links = [frozenset((t.a, t.b)) for t in truths] + list(related)
    family, grown = {name}, True
    while grown:
        grown = False
        for link in links:
            if link & family and not link <= family:
                family |= link
                grown = True
    return family


def _passages_copied(passages: list, a: Report, b: Report, reports: list[Report]) -> float:
    """Share of the stored passages that are copied text: in both reports and in at most one
    labelled report outside their family (a stock phrase is in many)."""
    if not passages:
        return 0.0
    a_text, b_text = _squeeze("".join(a.paragraphs)), _squeeze("".join(b.paragraphs))
    others = [_squeeze("".join(r.paragraphs)) for r in reports if r.name not in (a.name, b.name)]
    good = 0
    for _, passage in passages:
        text = _squeeze(passage)
        stock = sum(text in other for other in others) >= 2
        good += text in a_text and text in b_text and not stock
    return good / len(passages)


def _workbook_kinds(path: Path) -> dict[tuple[str, str, str], str]:
    """(a file, b file, part) → the kind the workbook's 雷同 sheet names."""
    import openpyxl

    from checker.i18n import t

    parts = {element.name: element.id for element in load_pack("national").elements}
    whole = t("audit.whole", "zh")
    book = openpyxl.load_workbook(path, read_only=True)
    sheet = book[t("book.sheet.copies", "zh")]
    out = {}
    for row in list(sheet.iter_rows(values_only=True))[1:]:
        kind, part, a, _, _, b = row[:6]
        key = parts.get(str(part), "whole" if part == whole else str(part))
        out[(Path(str(a)).name, Path(str(b)).name, key)] = str(kind)
    return out


def run(background: int, seed: int, keep: Path | None = None, only: list[str] | None = None) -> dict:
    from make_corpus import build

    rng = random.Random(seed)
    results = {}
    with tempfile.TemporaryDirectory(prefix="copy-accuracy-") as tmp:
        base = keep or Path(tmp)
        for name, (reports, truths, related) in scenarios(rng).items():
            if only and name not in only:
                continue
            folder, out = base / name / "corpus", base / name / "out"
            shutil.rmtree(base / name, ignore_errors=True)
            folder.mkdir(parents=True)
            if background:
                build(background, folder / "background", seed=seed)
                (folder / "background" / "manifest.json").unlink()
            for report in reports:
                write(report, folder)
            audit(folder, out)
            results[name] = evaluate(name, reports, truths, related, out)
    return results


def table(results: dict) -> str:
    """Per class: labelled copies found with the right kind, mean share, passages that are
    copied text, the workbook's kind; then recall per kind and the false pairs."""
    classes: dict[str, list[dict]] = {}
    for result in results.values():
        for row in result["rows"]:
            classes.setdefault(row["class"], []).append(row)
    lines = [f"{'class':46} {'found':>6} {'kind':14} {'parts':32} {'share':>6} {'passages':>8}  book-kind"]
    for cls, rows in classes.items():
        hits = [r for r in rows if r["found"] and r.get("kind_right")]
        kinds = sorted({r.get("kind", "-") for r in rows if r["found"]}) or ["-"]
        parts = sorted({p for r in rows for p in r.get("parts", [])}) or ["-"]
        share = sum(r.get("share", 0) for r in hits) / max(1, len(hits))
        passages = sum(r.get("passages_copied", 0) for r in hits) / max(1, len(hits))
        book = sorted({str(r.get("book_kind")) for r in hits}) or ["-"]
        lines.append(
            f"{cls:46} {len(hits):>2}/{len(rows):<3} {','.join(kinds):14} {','.join(parts):32} "
            f"{share:6.2f} {passages:8.0%}  {','.join(book)}"
        )
    lines.append("")
    recall: dict[str, list[int]] = {}
    for rows in classes.values():
        for row in rows:
            recall.setdefault(row["expected"], []).append(int(row["found"] and row.get("kind_right", False)))
    for kind, values in sorted(recall.items()):
        lines.append(f"recall {kind:14} {sum(values)}/{len(values)} = {sum(values) / len(values):.2f}")
    every = [row for rows in classes.values() for row in rows]
    found = sum(int(row["found"]) for row in every)
    false = sum(len(r["false_pairs"]) for r in results.values())
    lines.append(f"precision (pairs among labelled reports) {found}/{found + false}")
    for name, result in results.items():
        lines.append(
            f"{name}: false pairs {len(result['false_pairs'])} of {result['labelled_pairs']} labelled pairs; "
            f"pairs with a background report {result['background_pairs']}"
        )
        for false_pair in result["false_pairs"]:
            lines.append(f"  false: {false_pair['pair']} {false_pair['found']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None, emit: Callable[[str], None] = print) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--background", type=int, default=600, help="background reports per scenario")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, default=None, help="keep the corpora and outputs here")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "copy-accuracy.json")
    parser.add_argument("--scenario", action="append", help="run only this scenario (repeatable)")
    args = parser.parse_args(argv)
    results = run(args.background, args.seed, args.keep, args.scenario)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    emit(table(results))


if __name__ == "__main__":
    main()
