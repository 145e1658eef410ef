"""The publication metadata block of a government page (索引号, 发布机构, 成文日期 …).

Portals show it as a table (key cell, value cell) or as "key：value" text. The date
rules need 成文日期, so it is read here rather than left in the body text.
"""

from __future__ import annotations

import re

import checker.regex_cache as regex_cache

META_KEYS = ("索引号", "发布机构", "成文日期", "发布日期", "文号")
# Other names portals use for the same fields; used only when the exact key is absent.
ALIASES = {
    "发文字号": "文号",
    "发文机关": "发布机构",
    "发布单位": "发布机构",
    "发文单位": "发布机构",
    "生成日期": "成文日期",
    "发文日期": "成文日期",
    "印发日期": "成文日期",
    "发布时间": "发布日期",
    "公开日期": "发布日期",
}
_ALL_KEYS = META_KEYS + tuple(ALIASES)
_SPACES = regex_cache.compile(r"[\s\u3000\xa0]+")
_KEY_PATTERN = "|".join(
    r"[\s\u3000\xa0]*".join(map(re.escape, key)) for key in sorted(_ALL_KEYS, key=len, reverse=True)
)
_PAIR = regex_cache.compile(
    rf"(?P<key>{_KEY_PATTERN})[\s\u3000\xa0]*[:：][\s\u3000\xa0]*"
    rf"(?P<value>.*?)(?=[\s\u3000\xa0]{{2,}}|[\s\u3000\xa0]*(?:{_KEY_PATTERN})[\s\u3000\xa0]*[:：]|$)"
)


def _canonical(key_text: str) -> str | None:
    key = _SPACES.sub("", key_text).rstrip(":：")
    if key in META_KEYS:
        return key
    return ALIASES.get(key)


_BETWEEN_HAN = regex_cache.compile(
    r"(?<=[\u3400-\u9fff])[\s\u3000\xa0]+(?=[\u3400-\u9fff\d])|(?<=\d)[\s\u3000\xa0]+(?=[\u3400-\u9fff])"
)


def _collapsed(value: str) -> str:
    """A value as a page shows it: a line break in its source is no break ("2025年1月\n23日",
    "卢氏县退役军人\n事务局"), and none of it stands between Chinese characters."""
    return _SPACES.sub(" ", _BETWEEN_HAN.sub("", value))


def _store(found: dict[str, str], aliased: dict[str, str], raw_key: str, value: str) -> None:
    key = _SPACES.sub("", raw_key).rstrip(":：")
    canonical = _canonical(key)
    value = _collapsed(value).strip(" \t\u3000\xa0:：")
    if canonical is None or not value:
        return
    target = found if key in META_KEYS else aliased
    target.setdefault(canonical, value)


def _element_children(node) -> list:
    return [child for child in node.iter(include_text=False)]


def metadata_from_tables(tree) -> dict[str, str]:
    """Key cell followed by value cell, anywhere in the page's tables."""
    found: dict[str, str] = {}
    aliased: dict[str, str] = {}
    for row in tree.css("tr"):
        cells = [cell for cell in _element_children(row) if cell.tag in ("td", "th")]
        for index, cell in enumerate(cells):
            text = cell.text(separator=" ", strip=True)
            if _canonical(text) and index + 1 < len(cells):
                value = cells[index + 1].text(separator=" ", strip=True)
                if not _canonical(value):
                    _store(found, aliased, text, value)
    for key, value in aliased.items():
        found.setdefault(key, value)
    return found


def metadata_from_text(lines: list[str]) -> dict[str, str]:
    """ "key：value" pairs, several per line allowed (索引号：… 发布机构：…)."""
    found: dict[str, str] = {}
    aliased: dict[str, str] = {}
    for line in lines:
        if "：" not in line and ":" not in line:
            continue
        for match in _PAIR.finditer(line):
            _store(found, aliased, match.group("key"), match.group("value"))
    for key, value in aliased.items():
        found.setdefault(key, value)
    return found


def count_meta_keys(text: str) -> int:
    """How many distinct metadata keys a block's text names (to spot the metadata table)."""
    compact = _SPACES.sub("", text)
    return sum(1 for key in META_KEYS if key in compact)
