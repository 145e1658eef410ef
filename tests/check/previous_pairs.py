"""Report pairs for ``--previous`` made from the real seeds (noise and all): a 2023 report of
株洲市退役军人事务局 (seed 000 a year earlier) and 2024 reports that recycle it or do not."""

from __future__ import annotations

import re
from pathlib import Path

REPORTS = Path(__file__).resolve().parents[2] / "reports"
ZHUZHOU = REPORTS / "000_ff357cf36fec75c2.txt"  # 株洲市退役军人事务局, 2024 report
WEIDU = REPORTS / "003_b4af584f926d2a40.txt"  # 魏都区退役军人事务局, 2023 report
# the clause of seed 000's problems part that the "rewritten" version changes
CLAUSE = "一是行政执法案件尚未实现“零突破”，缺少执法实操；"
REWRITTEN = "一是本年度办理的行政许可和行政确认案件数量较少，执法人员实务经验积累不足；"


def year_earlier(text: str) -> str:
    """The text as if written a year earlier (2023 → 2022 first, so no year moves twice)."""
    for year in (2023, 2024, 2025):
        text = re.sub(rf"{year}(\s*)年", lambda m, y=year: f"{y - 1}{m.group(1)}年", text)
    return text


def year_later(text: str) -> str:
    for year in (2025, 2024, 2023):
        text = re.sub(rf"{year}(\s*)年", lambda m, y=year: f"{y + 1}{m.group(1)}年", text)
    return text


def section(text: str, heading: str, next_heading: str) -> str:
    """The lines after the line holding ``heading`` up to the line holding ``next_heading``."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if heading in line)
    end = next(i for i, line in enumerate(lines) if i > start and next_heading in line)
    return "\n".join(lines[start + 1 : end])


def with_section(text: str, heading: str, next_heading: str, body: str) -> str:
    """``text`` with the lines between the two headings replaced by ``body``."""
    return text.replace(section(text, heading, next_heading), body, 1)


def zhuzhou_problems() -> str:
    return section(ZHUZHOU.read_text("utf-8"), "二、法治政府建设主要问题和不足", "三、法治政府建设下一步")


def weidu_as_zhuzhou_2024(problems: str | None = None) -> str:
    """Seed 003's text as 株洲市退役军人事务局's 2024 report; its problems part ``problems`` when given."""
    text = year_later(WEIDU.read_text("utf-8")).replace("魏都区退役军人事务局", "株洲市退役军人事务局")
    if problems is not None:
        text = with_section(text, "三、推进法治政府建设存在的不足", "四、下一年度推进", problems)
    return text


def write_pairs(folder: Path) -> dict[str, Path]:
    """The 2023 report and the 2024 versions, as files in ``folder``."""
    texts = {
        "previous": year_earlier(ZHUZHOU.read_text("utf-8")),  # 2023
        "whole": ZHUZHOU.read_text("utf-8"),  # 2024: last year's text with the year changed
        "verbatim": weidu_as_zhuzhou_2024(zhuzhou_problems()),
        "rewritten": weidu_as_zhuzhou_2024(zhuzhou_problems().replace(CLAUSE, REWRITTEN)),
        "different": weidu_as_zhuzhou_2024(),
    }
    paths = {}
    for name, text in texts.items():
        path = folder / f"{name}.txt"
        path.write_text(text, "utf-8")
        paths[name] = path
    return paths
