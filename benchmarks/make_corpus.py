"""Build a synthetic corpus of N reports from the seed reports, with planted copies.

Clauses come from the five seeds in ``reports/`` (measures, problems and next-year plan
parts found by the checker's own locator) and the report openings in
``tests/fixtures/corpus/pages``. Each generated report gets an agency and a year, and
paragraphs made of clauses drawn at random from the part's pool, numbers re-drawn: like
real reports, two of them share many stock phrases but no passage, and a section may be
dropped. Planted on purpose and listed in ``manifest.json``:

* ``across``: a report whose problems part is copied from another body's report;
* ``previous``: a body's later report that recycles its earlier report's problems part.

    python benchmarks/make_corpus.py 1000 /tmp/corpus
"""

from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import dataclass, field
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


def _paragraph(pool: list[str], rng: random.Random) -> str:
    """A paragraph of 4–9 random clauses from ``pool`` with their numbers re-drawn."""
    clauses = [
        _DIGITS.sub(lambda m: str(rng.randint(2, 999)), c) for c in rng.sample(pool, rng.randint(4, 9))
    ]
    return "，".join(clauses) + "。"


def _section(title_index: int, title: str, paragraphs: list[str]) -> list[str]:
    return [f"{NUMERALS[title_index]}、{title}", *paragraphs]


def make_report(
    agency: str, year: int, pools: Pools, rng: random.Random, problems: list[str] | None = None
) -> tuple[str, list[str]]:
    """(text, problems paragraphs) of one report; ``problems`` given means copied verbatim."""
    measures = [_paragraph(pools.measures, rng) for _ in range(rng.randint(4, 8))]
    own_problems = problems or [_paragraph(pools.problems, rng) for _ in range(rng.randint(2, 3))]
    plans = [_paragraph(pools.plans, rng) for _ in range(rng.randint(2, 3))]
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


def build(n: int, out: Path, seed: int = 7, copy_rate: float = 0.03, recycle_rate: float = 0.2) -> dict:
    """Write ``n`` reports into ``out`` and a manifest of the planted copies; returns the manifest."""
    rng = random.Random(seed)
    pools = load_pools()
    out.mkdir(parents=True, exist_ok=True)
    agencies = sorted({f"{c}{d}{p}" for c in CITIES for d in DISTRICTS for p in DEPARTMENTS})
    rng.shuffle(agencies)
    bodies = agencies[: max(2, n // 2)]
    manifest: dict = {"across": [], "previous": []}
    history: dict[str, tuple[str, list[str]]] = {}
    made: list[tuple[str, str, list[str]]] = []
    for i in range(n):
        agency = bodies[i % len(bodies)]
        year = 2022 + (i // len(bodies)) % 3
        name = f"{i:06d}.txt"
        copied = None
        if agency in history and rng.random() < recycle_rate:
            earlier_name, earlier_problems = history[agency]
            copied = earlier_problems
            manifest["previous"].append([name, earlier_name])
        elif made and rng.random() < copy_rate:
            source_name, source_agency, source_problems = made[rng.randrange(len(made))]
            if source_agency != agency:
                copied = source_problems
                manifest["across"].append([name, source_name])
        text, problems = make_report(agency, year, pools, rng, copied)
        (out / name).write_text(text, encoding="utf-8")
        history[agency] = (name, problems)
        made.append((name, agency, problems))
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    manifest = build(args.n, args.out, args.seed)
    print(
        f"{args.n} reports in {args.out}; planted: {len(manifest['across'])} across bodies, "
        f"{len(manifest['previous'])} recycled from the previous year"
    )


if __name__ == "__main__":
    main()
