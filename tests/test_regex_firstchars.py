"""A pattern given its first characters (checker.regex_firstchars.fast) finds what the plain one
finds; the pack patterns (``pattern_of``/``any_of``) are given theirs."""

from __future__ import annotations

import random
import re
import tempfile
from pathlib import Path

import pytest

import checker.regex_cache as regex_cache
from checker.packs.patterns import any_of, pattern_of
from checker.regex_firstchars import fast, first_chars
from tests.audit.corpora import make_corpus
from tests.conftest import SEEDS

LIST_PARAMS = ("patterns", "cause_patterns", "concrete_patterns", "ignore")


def _pack_patterns(pack) -> list[re.Pattern[str]]:
    """Every pattern list of the pack's rules and elements, as the rule types compile them
    (``pattern_of``/``any_of`` give them their first characters already)."""
    found = []
    for rule in pack.rules:
        found += [pattern_of(rule.params[key]) for key in LIST_PARAMS if key in rule.params]
        found += [any_of(item["patterns"]) for item in rule.params.get("items", ()) if "patterns" in item]
    for element in pack.elements:
        keys = ("headings", "keywords", "exclude")
        found += [any_of(element.spec[key]) for key in keys if element.spec.get(key)]
    detection = pack.detection  # what tells a report from a look-alike (checker.parse.doctype)
    found += [any_of(detection.get("subject", ()))]
    found += [any_of(detection.get("subject_share", {}).get("terms", ()))]
    return [p for p in found if p is not None]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """The seeds and 60 generated reports."""
    with tempfile.TemporaryDirectory() as tmp:
        make_corpus().build(60, Path(tmp), seed=11)
        generated = [p.read_text(encoding="utf-8") for p in sorted(Path(tmp).glob("*.txt"))]
    return [p.read_text(encoding="utf-8") for p in SEEDS.values()] + generated


def _same(plain: re.Pattern[str], quick: re.Pattern[str], text: str) -> None:
    assert [m.span() for m in quick.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert quick.findall(text) == plain.findall(text)
    assert quick.sub("#", text) == plain.sub("#", text)
    for start in range(0, len(text), max(1, len(text) // 7)):
        a, b = quick.search(text, start), plain.search(text, start)
        assert (a and a.span()) == (b and b.span())


def _plain(quick: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern as compiled without a first-character set."""
    return regex_cache.compile(quick.pattern)


def test_pack_patterns_find_the_same_in_reports(national, texts):
    patterns = _pack_patterns(national)
    quickened = [p for p in patterns if p is not _plain(p)]
    assert len(quickened) >= 5  # density, plan, causes, stock phrases, keywords: the point of it
    assert all(fast(_plain(p)) is p for p in patterns)  # pattern_of/any_of give what fast gives
    for quick in patterns:
        for text in texts:
            _same(_plain(quick), quick, text)


def test_pack_patterns_find_the_same_in_random_text(national):
    rnd = random.Random(16)
    alphabet = "0123456789.%《》一二三四五六七八九十两次场项件期月日年底前由负责牵头"
    alphabet += "法治建设学习不够意识有待加强，。；、 \n"
    patterns = _pack_patterns(national)
    for _ in range(3000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 60)))
        for quick in patterns:
            _same(_plain(quick), quick, text)


SHAPES = [
    r"\d+(?:万)?(?:次|件)|《[^》]{2,5}》",
    r"(?:学习)?不够(?:深入|全面)",  # an optional first part: its characters and the next ones
    r"[一二三]?[次场]|x",
    r"(a|)b|c+d",
    r"((?:ab)*c)|d{2,3}",
    r"a*?b|[0-9]x",
    r"(?P<n>[ab]x|\dc)(?P=n)",
    r"(?<!学)不够|(?<!ab|cd)(?:\d|x)",  # a look-behind first: the characters after it
    r"(?!ab)[ab]+c|(?=x)\w",  # a look-ahead first (\w: a category in the set)
]
UNCHANGED = [r"^\d+", r"(?=a)", r".b", r"[^a]b", r"a*", r"(?i)ab|cd", r"abc", r"[ab]c", r"[\u4e00-\u9fff]+x"]


def _same_on_random_text(source: str, alphabet: str, quickened: bool = True, runs: int = 3000) -> None:
    """``source`` with and without its first characters finds the same in random strings."""
    plain = regex_cache.compile(source)
    quick = fast(plain)
    assert (quick is not plain) or not quickened
    rnd = random.Random(source)
    for _ in range(runs):
        _same(plain, quick, "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30))))


@pytest.mark.parametrize("source", SHAPES)
def test_shapes_find_the_same(source):
    _same_on_random_text(source, "ab0123cdx学习不够深入全面一二三次场万件《》")


@pytest.mark.parametrize("source", UNCHANGED)
def test_patterns_without_a_known_first_character_stay_as_they_are(source):
    plain = regex_cache.compile(source)
    assert fast(plain) is plain


def test_first_characters_of_an_optional_start_include_what_follows():
    from re import _parser  # type: ignore[attr-defined]

    chars, empty = first_chars(_parser.parse(r"(?:学习)?不够").data)
    assert not empty
    assert {value for _, value in chars} == {ord("学"), ord("不")}


def test_a_pattern_not_from_the_regex_cache_is_used_as_it_is():
    plain = re.compile(r"\d+次|[一二]次")
    assert fast(plain) is plain


CATEGORY_SHAPES = [r"\d+(?:\.\d+)?万|《", r"(?:\d|\s)x|\w{2}y", r"[\d\s]z|\d\d"]
# digits, letters and spaces of many scripts, on and beyond the Basic Multilingual Plane
UNICODE_ALPHABET = "09０９٣३๓ᠤ𝟑𞥓𑁧aZé学ｘ_ \u3000\u2028\t\n.《》万xyz🙂𠀀"


@pytest.mark.parametrize("source", CATEGORY_SHAPES)
def test_categories_in_the_first_characters_find_the_same_in_any_script(source):
    _same_on_random_text(source, UNICODE_ALPHABET)


def test_a_category_first_is_tested_with_one_table_look_up_not_the_unicode_database():
    from re import _constants  # type: ignore[attr-defined]

    from checker.regex_firstchars import _info_block, _program

    source = r"\d+次|\d\d件|《"
    pattern = regex_cache.compile(source)
    fast(pattern)
    flags, code = _program(pattern)[:2]
    info = _info_block(source, flags, code)
    ops = {int(op): str(op) for op in _constants.OPCODES}
    assert ops[info[5]] == "BIGCHARSET"
    table_end = 5 + 2 + 64 + info[6] * 8  # then one range for everything beyond the BMP, no category
    assert [ops.get(op) for op in info[table_end : table_end + 1]] == ["RANGE"]
    assert info[table_end + 1 : table_end + 3] == [0x10000, 0x10FFFF]
    assert ops[info[table_end + 3]] == "FAILURE"


def test_an_ascii_pattern_finds_the_same_whether_or_not_it_is_quickened():
    _same_on_random_text(r"(?a)\d+x|y", UNICODE_ALPHABET, quickened=False)
