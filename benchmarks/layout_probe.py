"""Probe structure detection on layouts the seeds do not show.

Each seed report (reports/) is rewritten by systematic transformations of its part headings:
other numbering (第一部分, 1., 一是, 其一), no numbering, bold unnumbered headings in a .docx,
a colon after the heading, the heading run into its first paragraph, other phrasings of each
part's heading, the problems and the plan merged under one heading, parts reordered. For each
transformation the probe counts the (seed, element) pairs whose detection status is worse than
on the untransformed seed, and the mean change of the score.

Run from the repository root: python benchmarks/layout_probe.py [--detail]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.api import analyse_bytes, check_text  # noqa: E402
from checker.model import Result  # noqa: E402

TODAY = dt.date(2026, 11, 1)
RANK = {"present": 2, "weak": 1, "missing": 0}
# a top-level part heading of the seeds: 一、 at the start of a line (after a Word bookmark)
_TOP = re.compile(
    r"^(?P<lead>\s*(?:\[bookmark:[^\]]*\])?\s*)(?P<num>[一二三四五六七八九十]{1,3})、\s*(?P<title>.*)$"
)
_DIGITS = "一二三四五六七八九十"
# a line that starts with an item's number: a heading runs into prose, not into its first item
_NUMBERED = re.compile(r"^\s*(?:[(（]|\d{1,2}[.、．]|[一二三四五六七八九十]是)")


@dataclass
class Part:
    """A top-level part of a seed: its heading line index, number, title and element."""

    line: int
    number: int
    title: str
    element: str


def element_of(title: str) -> str:
    """Which element a seed's part heading is about (the seeds' own wordings)."""
    if re.search(r"第一责任人|负责人", title):
        return "first-responsible-person"
    if re.search(r"不足|问题", title):
        return "problems"
    if re.search(r"安排|下一", title):
        return "next-year-plan"
    return "measures"


def parts_of(lines: list[str]) -> list[Part]:
    parts = []
    for i, line in enumerate(lines):
        match = _TOP.match(line)
        if match:
            title = match.group("title").strip()
            parts.append(Part(i, _DIGITS.index(match.group("num")[-1]) + 1, title, element_of(title)))
    return parts


def renumber(marker: Callable[[int], str]) -> Callable[[list[str]], list[str]]:
    def apply(lines: list[str]) -> list[str]:
        out = list(lines)
        _HEADS.clear()
        for part in parts_of(lines):
            out[part.line] = marker(part.number) + part.title
            _HEADS.add(part.line)
        return out

    return apply


def retitle(element: str, title: str) -> Callable[[list[str]], list[str]]:
    """The part of ``element`` under another heading (its number kept)."""

    def apply(lines: list[str]) -> list[str]:
        out = list(lines)
        for part in parts_of(lines):
            if part.element == element:
                out[part.line] = f"{_DIGITS[part.number - 1]}、{title}"
                break
        return out

    return apply


def suffixed(suffix: str) -> Callable[[list[str]], list[str]]:
    """A mark after each part heading (the headings as the seed numbers them, or as a previous
    step of a chain left them: :data:`_HEADS`)."""

    def apply(lines: list[str]) -> list[str]:
        heads = {p.line for p in parts_of(lines)} or _HEADS
        return [line + suffix if i in heads else line for i, line in enumerate(lines)]

    return apply


_HEADS: set[int] = set()  # the heading lines the last renumbering wrote


def run_in(end: str) -> Callable[[list[str]], list[str]]:
    """Each part heading on the same line as its first paragraph: "一、主要举措。2024年，我局……"."""

    def apply(lines: list[str]) -> list[str]:
        out = list(lines)
        for part in reversed(parts_of(lines)):
            nxt = part.line + 1
            while nxt < len(out) and not out[nxt].strip():
                nxt += 1
            if nxt < len(out) and not _TOP.match(out[nxt]) and not _NUMBERED.match(out[nxt]):
                out[part.line] = f"{_DIGITS[part.number - 1]}、{part.title}{end}{out[nxt].strip()}"
                del out[part.line + 1 : nxt + 1]
        return out

    return apply


def merged(
    title: str, first: str = "problems", second: str = "next-year-plan", adjacent: bool = False
) -> Callable[[list[str]], list[str]]:
    """The parts ``first`` and ``second`` under one heading, ``title`` (the second's heading
    dropped); ``adjacent``: only when the second is numbered right after the first."""

    def apply(lines: list[str]) -> list[str]:
        parts = parts_of(lines)
        head = next((p for p in parts if p.element == first), None)
        tail = next((p for p in parts if p.element == second), None)
        if head is None or tail is None or (adjacent and tail.number != head.number + 1):
            return lines
        out = list(lines)
        out[head.line] = f"{_DIGITS[head.number - 1]}、{title}"
        del out[tail.line]
        return out

    return apply


def reordered(lines: list[str]) -> list[str]:
    """The problems part moved to the front, right after the preface."""
    parts = parts_of(lines)
    problems = next((p for p in parts if p.element == "problems"), None)
    if problems is None:
        return lines
    following = next((p.line for p in parts if p.line > problems.line), None)
    end = following if following is not None else _closing_start(lines)
    block = lines[problems.line : end]
    rest = lines[: problems.line] + lines[end:]
    first = parts[0].line
    return rest[:first] + block + rest[first:]


def _closing_start(lines: list[str]) -> int:
    """Where the signature and date begin: the trailing short lines."""
    end = len(lines)
    while end > 0 and (not lines[end - 1].strip() or len(lines[end - 1].strip()) <= 30):
        end -= 1
    return end


def no_preface(lines: list[str]) -> list[str]:
    parts = parts_of(lines)
    if not parts:
        return lines
    title_end = next((i for i, line in enumerate(lines) if line.strip().endswith("报告")), -1)
    return lines[: title_end + 1] + lines[parts[0].line :]


CN = _DIGITS
TEXT_TRANSFORMS: dict[str, Callable[[list[str]], list[str]]] = {
    "第一部分": renumber(lambda n: f"第{CN[n - 1]}部分 "),
    "1.": renumber(lambda n: f"{n}."),
    "1、": renumber(lambda n: f"{n}、"),
    "一.": renumber(lambda n: f"{CN[n - 1]}."),
    "一是": renumber(lambda n: f"{CN[n - 1]}是"),
    "其一": renumber(lambda n: f"其{CN[n - 1]}，"),
    "unnumbered": renumber(lambda n: ""),
    "colon": suffixed("："),
    "run-in 。": run_in("。"),
    "run-in ：": run_in("："),
    "no preface": no_preface,
    "reordered": reordered,
    "merged 存在问题及下一步打算": merged("存在问题及下一步打算"),
    "merged 问题不足和改进方向": merged("存在的问题不足和今后工作打算"),
    "问题→存在的不足": retitle("problems", "存在的不足"),
    "问题→短板弱项": retitle("problems", "短板弱项"),
    "问题→差距和不足": retitle("problems", "差距和不足"),
    "问题→工作中存在的问题": retitle("problems", "工作中存在的问题"),
    "计划→下一步打算": retitle("next-year-plan", "下一步打算"),
    "计划→下步工作计划": retitle("next-year-plan", "下步工作计划"),
    "计划→{next}年工作思路": retitle("next-year-plan", "{next}年工作思路"),
    "计划→今后工作打算": retitle("next-year-plan", "今后工作打算"),
    "计划→{next}年工作重点": retitle("next-year-plan", "{next}年工作重点"),
    "计划→{next}年度法治政府建设工作计划": retitle("next-year-plan", "{next}年度法治政府建设工作计划"),
    "计划→关于下一步工作": retitle("next-year-plan", "关于下一步工作"),
    "计划→工作打算": retitle("next-year-plan", "工作打算"),
    "问题→问题和建议": retitle("problems", "存在的问题和建议"),
    "问题→不足之处": retitle("problems", "不足之处"),
    "问题→主要困难和问题": retitle("problems", "当前面临的主要困难和问题"),
    "负责人→主要负责人履职情况": retitle("first-responsible-person", "主要负责人履职情况"),
    "负责人→党政主要负责人履行…职责情况": retitle(
        "first-responsible-person", "党政主要负责人履行推进法治建设第一责任人职责情况"
    ),
    "负责人→局长履行法治建设职责情况": retitle("first-responsible-person", "局长履行法治建设职责情况"),
    "举措→主要工作及成效": retitle("measures", "主要工作及成效"),
    "举措→{year}年工作开展情况": retitle("measures", "{year}年法治政府建设工作开展情况"),
    "举措→工作亮点": retitle("measures", "工作亮点和成效"),
    "举措→取得的主要成绩": retitle("measures", "取得的主要成绩"),
}


def lead_in(lines: list[str]) -> list[str]:
    """The preface's last words on a line of their own: "现将有关情况报告如下：" above the parts."""
    parts = parts_of(lines)
    return (
        [*lines[: parts[0].line], "现将有关情况报告如下：", "", *lines[parts[0].line :]] if parts else lines
    )


def chain(*steps: Callable[[list[str]], list[str]]) -> Callable[[list[str]], list[str]]:
    def apply(lines: list[str]) -> list[str]:
        for step in steps:
            lines = step(lines)
        return lines

    return apply


_ITEM = re.compile(r"^(\s*)[(（]([一二三四五六七八九十]{1,3})[)）]\s*")


def items(marker: Callable[[str], str]) -> Callable[[list[str]], list[str]]:
    """The items (一)(二) inside the parts renumbered."""
    return lambda lines: [_ITEM.sub(lambda m: m.group(1) + marker(m.group(2)), line) for line in lines]


def agency(lines: list[str]) -> list[str]:
    """The report of a township: the body's name and its self-reference changed."""
    text = "\n".join(lines)
    for old in ("株洲市退役军人事务局", "卢氏县退役军人事务局"):
        text = text.replace(old, "XX县XX镇人民政府")
    text = re.sub(r"我局|本局", "我镇", text)
    text = re.sub(r"局党组书记、局长|局党组书记|(?<![副])局长", "镇党委书记", text)
    return text.split("\n")


MORE_TRANSFORMS: dict[str, Callable[[list[str]], list[str]]] = {
    "unnumbered + colon": chain(renumber(lambda n: ""), suffixed("：")),
    "unnumbered + 。": chain(renumber(lambda n: ""), suffixed("。")),
    "unnumbered run-in 。": chain(run_in("。"), renumber(lambda n: "")),
    "heading ends 。": suffixed("。"),
    "【】 headings": chain(renumber(lambda n: "【"), suffixed("】")),
    "第一部分 + 一、 items": chain(renumber(lambda n: f"第{CN[n - 1]}部分 "), items(lambda c: f"{c}、")),
    "items 1.": items(lambda c: f"{CN.index(c[-1]) + 1}."),
    "1. + items 1)": chain(renumber(lambda n: f"{n}."), items(lambda c: f"{CN.index(c[-1]) + 1})")),
    "full-width １．": renumber(lambda n: chr(0xFF10 + n) + "．"),
    "township": agency,
    "unnumbered + reordered": chain(reordered, renumber(lambda n: "")),
    "run-in + merged": chain(merged("存在问题及下一步打算"), run_in("。")),
    "parts (一), items 1.": chain(
        items(lambda c: f"{CN.index(c[-1]) + 1}."), renumber(lambda n: f"({CN[n - 1]})")
    ),
    "parts （一）, items （1）": chain(
        items(lambda c: f"（{CN.index(c[-1]) + 1}）"), renumber(lambda n: f"（{CN[n - 1]}）")
    ),
    "parts 1、, items 1)": chain(items(lambda c: f"{CN.index(c[-1]) + 1})"), renumber(lambda n: f"{n}、")),
    "merged 举措、成效和不足": merged("主要举措、成效和不足", "measures", "problems", adjacent=True),
    "merged 举措+第一责任人": retitle("measures", "主要举措、成效和党政主要负责人履职情况"),
    "lead-in line 报告如下：": chain(lead_in, renumber(lambda n: "")),
    "no preface + unnumbered": chain(no_preface, renumber(lambda n: "")),
    "no preface + 法治政府建设 heading": chain(
        no_preface, retitle("measures", "{year}年度法治政府建设主要举措和成效"), renumber(lambda n: "")
    ),
    "一， full-width comma": renumber(lambda n: f"{CN[n - 1]}，"),
    "一． full-width dot": renumber(lambda n: f"{CN[n - 1]}．"),
    "关于 headings": renumber(lambda n: f"{CN[n - 1]}、关于"),
    "Ⅰ. roman": renumber(lambda n: chr(0x2160 + n - 1) + "."),
    "第一， ordinal": renumber(lambda n: f"第{CN[n - 1]}，"),
}


def docx_bold_unnumbered(lines: list[str]) -> bytes:
    """The seed as a .docx whose part headings are bold lines without a number."""
    import docx

    heads = {p.line: p.title for p in parts_of(lines)}
    document = docx.Document()
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        paragraph = document.add_paragraph()
        run = paragraph.add_run(heads.get(i, line.strip()))
        run.bold = i in heads
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


YEARS: dict[str, int] = {}  # each seed's report year


def _years(text: str, year: int) -> str:
    return text.replace("{year}", str(year)).replace("{next}", str(year + 1))


def status_of(result: Result) -> tuple[dict[str, str], float]:
    return {e.id: e.status for e in result.elements}, result.score or 0.0


def probe(detail: bool, seeds: list[Path]) -> None:
    base = {}
    for seed in seeds:
        result = check_text(seed.read_text(encoding="utf-8"), today=TODAY)
        base[seed.name] = status_of(result)
        YEARS[seed.name] = result.meta.year or 2024
    transforms: dict[str, Callable[[str, int], Result]] = {
        name: (lambda text, year, f=f: check_text(_years("\n".join(f(text.split("\n"))), year), today=TODAY))
        for name, f in {**TEXT_TRANSFORMS, **MORE_TRANSFORMS}.items()
    }
    transforms["docx bold unnumbered"] = lambda text, year: (
        analyse_bytes(docx_bold_unnumbered(text.split("\n")), "probe.docx", today=TODAY).result
    )
    print(f"{'transformation':36} worse  score Δ")
    for name, run in transforms.items():
        worse, deltas, notes = 0, [], []
        for seed in seeds:
            year = YEARS[seed.name]
            text = seed.read_text(encoding="utf-8")
            statuses, score = status_of(run(text, year))
            before, before_score = base[seed.name]
            deltas.append(score - before_score)
            for element, status in before.items():
                if RANK[statuses.get(element, "missing")] < RANK[status]:
                    worse += 1
                    notes.append(f"{seed.stem[:3]}:{element} {status}→{statuses.get(element)}")
        mean = sum(deltas) / len(deltas)
        print(f"{name:36} {worse:5} {mean:+6.1f}" + (f"  {'; '.join(notes)}" if detail and notes else ""))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--detail", action="store_true", help="list the elements each transformation loses")
    parser.add_argument(
        "--corpus", type=Path, help="also the openings in this folder (e.g. /work/shared/corpus/pages)"
    )
    args = parser.parse_args()
    probe(args.detail, sorted((ROOT / "reports").glob("*.txt")))
    if args.corpus:
        print(f"\nopenings in {args.corpus}")
        probe(args.detail, sorted(args.corpus.glob("*.txt")))
