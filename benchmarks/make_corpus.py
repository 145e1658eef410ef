"""Build a synthetic corpus of N reports from the seed reports, with planted copies.

Clauses come from the five seeds in ``reports/`` (measures, problems and next-year plan
parts found by the checker's own locator) and the report openings in
``tests/fixtures/corpus/pages``. Each department writes in its own voice (half of each
pool), and most clauses are spliced from the head of one pool clause and the tail of
another, numbers re-drawn: like real reports, two of them share stock phrases but rarely a
passage. (The first version drew whole clauses from the seeds' 54 problem clauses, so at
10,000 reports every shingle of a problems part was in ~1,900 reports: no copy could be
told from boilerplate.) Each body files one report a year, 2015–2024. Planted on purpose
and listed in ``manifest.json``:

* ``across``: a report whose problems part is copied from another body's report;
* ``previous``: a body's later report that recycles its previous report's problems part
  (verbatim, or with one clause rewritten);
* ``groups``: reports sharing one problems part by descent (copies of copies included).

    python benchmarks/make_corpus.py 1000 /tmp/corpus
    python benchmarks/make_corpus.py 1000 /tmp/corpus --length 2.2   # reports of a seed's length
"""

from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CITIES = [
    "株洲市",
    "卢氏县",
    "韶关市",
    "许昌市",
    "焦作市",
    "南宁市",
    "绍兴市",
    "金华市",
    "东莞市",
    "张掖市",
    "临沂市",
    "怀化市",
    "汕尾市",
    "江门市",
    "梧州市",
    "青岛市",
    "重庆市",
    "天津市",
    "广州市",
    "杭州市",
]
# cities added only for corpora over 40,000 reports (4,000 bodies × 10 years), so every
# smaller corpus stays as it was
MORE_CITIES = [
    "保定市",
    "邯郸市",
    "大同市",
    "包头市",
    "鞍山市",
    "吉林市",
    "齐齐哈尔市",
    "徐州市",
    "温州市",
    "芜湖市",
    "泉州市",
    "赣州市",
    "烟台市",
    "洛阳市",
    "宜昌市",
    "岳阳市",
    "柳州市",
    "三亚市",
    "绵阳市",
    "遵义市",
    "曲靖市",
    "宝鸡市",
    "天水市",
    "西宁市",
    "银川市",
    "克拉玛依市",
    "拉萨市",
    "海口市",
    "常州市",
    "嘉兴市",
]
DISTRICTS = ["", "城关区", "东湖区", "西山区", "南湖区", "北塘区", "新华区", "平安县", "清河县", "永宁镇"]
DEPARTMENTS = [
    "退役军人事务局",
    "司法局",
    "教育局",
    "财政局",
    "卫生健康委员会",
    "市场监督管理局",
    "生态环境局",
    "交通运输局",
    "农业农村局",
    "人力资源和社会保障局",
    "应急管理局",
    "自然资源局",
    "住房和城乡建设局",
    "文化广电旅游局",
    "民政局",
    "水利局",
    "商务局",
    "医疗保障局",
    "林业局",
    "统计局",
]
NUMERALS = "一二三四五六七八九十"
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_CLAUSES = re.compile(r"[，。；！？,;：:]")


@dataclass
class Pools:
    measures: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    plans: list[str] = field(default_factory=list)


def load_pools() -> Pools:
    """Body paragraphs of the seeds by part, plus the openings of the real report pages."""
    from checker.check.locate import locate_elements
    from checker.packs.pack import load_pack
    from checker.parse.headings import parse_heading
    from checker.parse.structure import parse_document
    from checker.read import read_path

    pack = load_pack("national")
    pools = Pools()
    for path in sorted((ROOT / "reports").glob("*.txt")):
        document = parse_document(read_path(path))
        loci = locate_elements(document, pack)
        for element, pool in (
            ("measures", pools.measures),
            ("problems", pools.problems),
            ("next-year-plan", pools.plans),
        ):
            locus = loci.get(element)
            for paragraph in locus.paragraphs if locus else ():
                text = paragraph.text.strip()
                if len(text) >= 30 and parse_heading(text) is None:
                    pool.append(text)
    for path in sorted((ROOT / "tests" / "fixtures" / "corpus" / "pages").glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("---", 1)[-1]
        for line in body.splitlines():
            if len(line.strip()) >= 40:
                pools.measures.append(line.strip())
    return Pools(_clauses(pools.measures), _clauses(pools.problems), _clauses(pools.plans))


def _clauses(paragraphs: list[str]) -> list[str]:
    out = []
    for paragraph in paragraphs:
        out.extend(c.strip() for c in _CLAUSES.split(paragraph) if len(c.strip()) >= 6)
    return sorted(set(out))


class Voice:
    """How one department writes: its own share of each clause pool, and clauses of its own
    made by joining the head of one pool clause to the tail of another (so parts of two
    bodies share stock phrases, as real reports do, but rarely a whole passage)."""

    def __init__(self, pools: Pools, rng: random.Random) -> None:
        self.measures = _voice_pool(pools.measures, rng)
        self.problems = _voice_pool(pools.problems, rng)
        self.plans = _voice_pool(pools.plans, rng)
        # tails come from every pool: the ~60 problem clauses alone give only ~3,600
        # head-tail pairs, each in dozens of reports at 30,000 reports
        self.tails = self.measures + self.problems + self.plans


def _voice_pool(pool: list[str], rng: random.Random, share: float = 0.5) -> list[str]:
    """Half of a large pool; a small one (the seeds' ~60 problem clauses) whole, or every
    report of a department would share its plans."""
    if len(pool) < 500:
        return list(pool)
    return sorted(rng.sample(pool, int(len(pool) * share)))


@cache
def _split(clause: str) -> tuple[str, str]:
    """A clause cut at the word boundary nearest its middle (so spliced clauses read as words)."""
    from checker.audit.shingles import tokenizer

    ends, total = [], 0
    for token in tokenizer()(clause)[:-1]:
        total += len(token)
        ends.append(total)
    middle = min(ends, key=lambda end: abs(end - len(clause) / 2)) if ends else len(clause) // 2
    return clause[:middle], clause[middle:]


def _clause(pool: list[str], tails: list[str], rng: random.Random, stock: float = 0.3) -> str:
    """A stock clause as it stands (boilerplate) or a new one: the head of a clause of
    ``pool`` and the tail of one of ``tails``."""
    first = rng.choice(pool)
    if rng.random() < stock:
        return first
    return _split(first)[0] + _split(rng.choice(tails))[1]


def _paragraph(pool: list[str], tails: list[str], rng: random.Random) -> str:
    """A paragraph of 4–9 clauses drawn from ``pool``, numbers re-drawn."""
    clauses = [
        _DIGITS.sub(lambda m: str(rng.randint(2, 999)), _clause(pool, tails, rng))
        for _ in range(rng.randint(4, 9))
    ]
    return "，".join(clauses) + "。"


def _edited(paragraphs: list[str], voice: Voice, rng: random.Random) -> list[str]:
    """A recycled part lightly edited: one clause of one paragraph rewritten."""
    out = list(paragraphs)
    k = rng.randrange(len(out))
    clauses = out[k].rstrip("。").split("，")
    clauses[rng.randrange(len(clauses))] = _clause(voice.problems, voice.tails, rng)
    out[k] = "，".join(clauses) + "。"
    return out


def _section(title_index: int, title: str, paragraphs: list[str]) -> list[str]:
    return [f"{NUMERALS[title_index]}、{title}", *paragraphs]


def _times(count: int, length: float) -> int:
    """``count`` paragraphs scaled by ``length`` (1.0 draws exactly what it always drew)."""
    return max(1, round(count * length))


def make_report(
    agency: str,
    year: int,
    voice: Voice,
    rng: random.Random,
    problems: list[str] | None = None,
    length: float = 1.0,
) -> tuple[str, list[str]]:
    """(text, problems paragraphs) of one report; ``problems`` given means copied. ``length``
    scales the paragraphs of each part: 1.0 gives reports of ~1,500 characters, half a seed;
    2.2 about a seed's ~3,100."""
    measures = [
        _paragraph(voice.measures, voice.tails, rng) for _ in range(_times(rng.randint(4, 8), length))
    ]
    own_problems = problems or [
        _paragraph(voice.problems, voice.tails, rng) for _ in range(_times(rng.randint(2, 3), length))
    ]
    plans = [_paragraph(voice.plans, voice.tails, rng) for _ in range(_times(rng.randint(2, 3), length))]
    parts = [
        ("主要举措和成效", measures),
        ("存在的不足和原因", own_problems),
        (f"{year + 1}年工作安排", plans),
    ]
    if rng.random() < 0.1:
        parts.pop(2)  # dropped section
    lines = [
        agency,
        f"{year}年法治政府建设情况年度报告",
        "",
        f"{year}年，{agency}坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，"
        f"认真落实法治政府建设各项任务。现将有关情况报告如下。",
        "",
    ]
    for i, (title, paragraphs) in enumerate(parts):
        lines.extend(_section(i, title, paragraphs))
        lines.append("")
    lines.extend([agency, f"{year + 1}年{rng.randint(1, 3)}月{rng.randint(1, 28)}日"])
    return "\n".join(lines) + "\n", own_problems


FIRST_YEAR, YEARS = 2015, 10


def build(
    n: int, out: Path, seed: int = 7, copy_rate: float = 0.03, recycle_rate: float = 0.2, length: float = 1.0
) -> dict:
    """Write ``n`` reports into ``out`` and a manifest of the planted copies; returns the manifest.
    ``length``: see :func:`make_report` (the default keeps every earlier corpus as it was).

    Bodies file one report a year (2015–2024), never two for the same year: report ``i`` is
    body ``i mod B``'s report for year ``2015 + i div B``, with ``B = min(4000, n/2)`` bodies
    (up to 10,000 over 40,000 reports: 30 more cities).
    Planted: ``across`` (a report's problems part copied from an earlier report of another
    body, often of the same department) and ``previous`` (a body's report recycling, verbatim
    or with one clause rewritten, its previous year's problems part). ``groups`` lists the
    reports sharing one problems part by descent: every two of them are a true copy pair.
    """
    rng = random.Random(seed)
    pools = load_pools()
    out.mkdir(parents=True, exist_ok=True)
    voices = {department: Voice(pools, rng) for department in DEPARTMENTS}
    cities = CITIES if n <= len(CITIES) * len(DISTRICTS) * len(DEPARTMENTS) * YEARS else CITIES + MORE_CITIES
    agencies = sorted((f"{c}{d}{p}", p) for c in cities for d in DISTRICTS for p in DEPARTMENTS)
    rng.shuffle(agencies)
    bodies = agencies[: max(2, min(len(agencies), n // 2))]
    if n > len(bodies) * YEARS:
        raise ValueError(f"at most {len(bodies) * YEARS} reports: one per body and year")
    manifest: dict = {"across": [], "previous": [], "groups": []}
    history: dict[str, tuple[str, list[str]]] = {}
    made: list[tuple[str, str, list[str]]] = []
    origin: dict[str, str] = {}
    by_department: dict[str, list[int]] = {}
    for i in range(n):
        agency, department = bodies[i % len(bodies)]
        year = FIRST_YEAR + i // len(bodies)
        voice = voices[department]
        name = f"{i:06d}.txt"
        copied, source = None, None
        if agency in history and rng.random() < recycle_rate:
            source, earlier_problems = history[agency]
            copied = earlier_problems if rng.random() < 0.5 else _edited(earlier_problems, voice, rng)
            manifest["previous"].append([name, source])
        elif made and rng.random() < copy_rate:
            same = by_department.get(department)
            pick = rng.choice(same) if same and rng.random() < 0.5 else rng.randrange(len(made))
            source, source_agency, source_problems = made[pick]
            if source_agency != agency:
                copied = source_problems
                manifest["across"].append([name, source])
            else:
                source = None
        text, problems = make_report(agency, year, voice, rng, copied, length)
        (out / name).write_text(text, encoding="utf-8")
        origin[name] = origin[source] if source else name
        history[agency] = (name, problems)
        by_department.setdefault(department, []).append(len(made))
        made.append((name, agency, problems))
    groups: dict[str, list[str]] = {}
    for name, root in origin.items():
        groups.setdefault(root, []).append(name)
    manifest["groups"] = sorted(g for g in groups.values() if len(g) > 1)
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def true_pairs(manifest: dict) -> set[tuple[str, str]]:
    """Every unordered pair (a < b) of reports sharing a planted problems part by descent."""
    pairs = set()
    for group in manifest["groups"]:
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                pairs.add((min(a, b), max(a, b)))
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--length", type=float, default=1.0, help="paragraphs per part × this (2.2: seed-sized)"
    )
    args = parser.parse_args()
    manifest = build(args.n, args.out, args.seed, length=args.length)
    print(
        f"{args.n} reports in {args.out}; planted: {len(manifest['across'])} across bodies, "
        f"{len(manifest['previous'])} recycled from the previous year; "
        f"{len(true_pairs(manifest))} copy pairs by descent"
    )


if __name__ == "__main__":
    main()
