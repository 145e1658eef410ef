"""Rule-pack patterns that skip ahead to the characters a match can start with.

Python's regex engine searches a pattern in one of two ways. When the pattern starts with a
literal or one character class, it first skips to the next character that can begin a
match (a few instructions a character); otherwise it tries the whole pattern at every
position. A pack pattern is an alternation (``\\d+…|《…》|[一二三]+次…``) whose branches start
with classes, so every search and ``findall`` over a part took the slow way: a density
count over the measures cost ~550 instructions a character.

:func:`fast` gives the same pattern with the set of characters any match can start with
written into its program's info block, the place the engine reads that set from. The engine
then tries only the positions that hold one of them; since every match starts with such a
character, what is found is exactly what the pattern finds. Patterns whose first characters
cannot be worked out (anchors, ``.``, a negated class, case-folding, a pattern
that can match the empty string) are returned as they are; a look-around before the first
character is passed over (it consumes nothing).

The rest of the program is the one :mod:`checker.regex_cache` compiled; only the info block
is rebuilt, from the parsed pattern. Parsing the pack's patterns costs ~35 M instructions, a
tenth of a single ``fzcheck check``, so the info blocks are kept in the user's cache beside
the compiled programs (``~/.cache/fzcheck/regex/<interpreter>-first<VERSION>.marshal``, off with
``FZCHECK_NO_CACHE=1``); the engine validates a program before it accepts it.
"""

from __future__ import annotations

import re
from array import array
from typing import Any

import checker.regex_cache as regex_cache
from checker.user_cache import MarshalFile

try:  # CPython 3.11+: the parts of re that build a program
    import _sre
    from re import _compiler, _constants, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another interpreter: patterns are used as they are
    _sre = None

VERSION = 3  # of the way info blocks are worked out: a new one starts a new cache file
MAX_RANGE = 255  # a wider class as a first character (all Han) would neither pay nor compile fast

_made: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}  # id(pattern) → (pattern, fast one)
_BLOCKS = MarshalFile(lambda: _cache_file())  # (pattern, flags) → info block (None: none)


def fast(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern``, searching only from the characters a match can start with (same matches)."""
    made = _made.get(id(pattern))
    if made is not None and made[0] is pattern:
        return made[1]
    try:
        quick = _with_first_chars(pattern)
    except Exception:  # the engine's internals moved: the pattern as it is
        quick = None
    result = quick or pattern
    if len(_made) >= regex_cache.MAX_ENTRIES:  # bounded as the compiled patterns are
        _made.clear()
    _made[id(pattern)] = (pattern, result)  # the pattern is kept alive, so its id stays its own
    return result


def _with_first_chars(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The pattern with a first-character set in its info block; None when it cannot have one."""
    if _sre is None or not isinstance(pattern.pattern, str):
        return None
    program = _program(pattern)
    if program is None:
        return None
    flags, code, groups, groupindex, indexgroup = program
    info = _info_block(pattern.pattern, flags, code)
    if info is None:
        return None
    new_code = info + list(code[1 + code[1] :])
    return _sre.compile(pattern.pattern, flags, new_code, groups, groupindex, indexgroup)


def _info_block(source: str, flags: int, code: list[int]) -> list[int] | None:
    """:func:`_first_chars_info`, remembered between runs."""
    blocks = _BLOCKS.entries()
    key = (source, flags)
    if key in blocks:
        return blocks[key]  # type: ignore[no-any-return]
    info = _first_chars_info(source, flags, code)
    if len(blocks) < regex_cache.MAX_ENTRIES:
        blocks[key] = info
        _BLOCKS.added()
    return info


def _first_chars_info(source: str, flags: int, code: list[int]) -> list[int] | None:
    """The info block naming the characters a match of ``source`` (compiled to ``code``) can
    start with; None when the program has one already or none can be given."""
    c = _constants
    if flags & (re.IGNORECASE | re.LOCALE | re.DEBUG) or code[0] != c.INFO or code[2] != 0:
        return None  # case-folded, or the engine already skips ahead (literal prefix or charset)
    parsed = _parser.parse(source, flags)
    if parsed.getwidth()[0] == 0:
        return None  # may match the empty string: at any position
    first = first_chars(parsed.data)
    if first is None or first[1]:
        return None
    charset, _ = _compiler._optimize_charset((not flags & re.ASCII and _one_lookup(first[0])) or first[0])
    info = [c.INFO, 0, c.SRE_INFO_CHARSET, code[3], code[4]]
    _compiler._compile_charset(charset, flags, info)
    info[1] = len(info) - 1
    return [int(op) for op in info]


def _cache_file():
    """The info blocks' file, beside :mod:`checker.regex_cache`'s programs (None: no caching)."""
    programs = regex_cache.cache_file()
    return None if programs is None else programs.with_name(f"{programs.stem}-first{VERSION}.marshal")


def _program(pattern: re.Pattern[str]) -> tuple[Any, ...] | None:
    """The program :mod:`checker.regex_cache` compiled ``pattern`` to, if it holds it."""
    for flags in (pattern.flags & ~re.UNICODE, pattern.flags):
        program = regex_cache.remembered(pattern.pattern, flags)
        if program is not None and regex_cache.compile(pattern.pattern, flags) is pattern:
            return program
    return None


def first_chars(items: Any) -> tuple[list[tuple[Any, Any]], bool] | None:
    """(charset items a match of the parsed sequence ``items`` can start with, whether the
    sequence can match nothing at all); None when that cannot be said from its parts."""
    c = _constants
    out: list[tuple[Any, Any]] = []
    for op, av in items:
        if op is c.LITERAL:
            out.append((c.LITERAL, av))
            return out, False
        if op is c.IN:
            if any(kind is c.NEGATE for kind, _ in av) or any(_wide(kind, value) for kind, value in av):
                return None
            out.extend(av)
            return out, False
        if op is c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            found = None if add_flags or del_flags else first_chars(sub.data)
        elif op is c.BRANCH:
            found = _branches(av[1])
        elif op in (c.ASSERT, c.ASSERT_NOT):  # a look-around consumes nothing: what follows starts it
            found = ([], True)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            low, _high, sub = av
            found = first_chars(sub.data)
            if found is not None and low == 0:
                found = (found[0], True)
        else:  # anchors, look-arounds, any character, back-references…
            return None
        if found is None:
            return None
        out.extend(found[0])
        if not found[1]:
            return out, False
    return out, True


def _branches(alternatives: Any) -> tuple[list[tuple[Any, Any]], bool] | None:
    out: list[tuple[Any, Any]] = []
    empty = False
    for alternative in alternatives:
        found = first_chars(alternative.data)
        if found is None:
            return None
        out.extend(found[0])
        empty = empty or found[1]
    return out, empty


def _wide(kind: Any, value: Any) -> bool:
    return kind is _constants.RANGE and value[1] - value[0] > MAX_RANGE


BMP = 0x10000
# the categories of a parsed pattern (the compiler makes them Unicode ones for a str pattern)
_CATEGORY_CLASSES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_WORD": r"\w", "CATEGORY_SPACE": r"\s"}


def _one_lookup(items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]] | None:
    """A superset of the charset ``items`` that the engine tests with one table look-up.

    The engine tests a character against each item of a set in turn, and a category (``\\d``,
    ``\\w``) costs a Unicode database look-up for every character it skips; a pack pattern's
    first characters often hold ``\\d`` two or three times. Here every character of the Basic
    Multilingual Plane that an item holds (a category's members asked of the engine itself) goes
    into one table, and any character beyond it is let through by one range. Letting more
    characters through changes nothing but where the engine tries: it still finds exactly the
    pattern's matches. None when an item is of another kind (the set is then used as it is)."""
    table = bytearray(BMP)  # 1: a character of the set
    beyond = False
    for kind, value in items:
        if kind is _constants.LITERAL:
            if value < BMP:
                table[value] = 1
            beyond = beyond or value >= BMP
        elif kind is _constants.RANGE:
            low, high = value
            if low < BMP:
                table[low : min(high, BMP - 1) + 1] = b"\x01" * (min(high, BMP - 1) + 1 - low)
            beyond = beyond or high >= BMP
        elif kind is _constants.CATEGORY and str(value) in _CATEGORY_CLASSES:
            members = int.from_bytes(_member_table(_CATEGORY_CLASSES[str(value)]), "big")
            table = bytearray((int.from_bytes(table, "big") | members).to_bytes(BMP, "big"))
            beyond = True
        else:
            return None
    out: list[tuple[Any, Any]] = []
    for run in re.finditer(rb"\x01+", table):  # runs of the set's characters, as ranges
        first, last = run.start(), run.end() - 1
        out.append((_constants.LITERAL, first) if first == last else (_constants.RANGE, (first, last)))
    if beyond:
        out.append((_constants.RANGE, (BMP, 0x10FFFF)))
    return out


_TABLES: dict[str, bytes] = {}


def _member_table(category: str) -> bytes:
    """One byte per character below U+10000, 1 where ``category`` (``\\d``, ``\\w``, ``\\s``)
    matches it: the engine marks its matches in one pass over all of them (a character beyond
    the BMP as the mark, whose UTF-32 has 1 in its third byte where a BMP character has 0)."""
    found = _TABLES.get(category)
    if found is None:
        every = array("I", range(BMP)).tobytes().decode("utf-32-le", "surrogatepass")
        marked = re.sub(category, "\U00010000", every)
        found = _TABLES[category] = marked.encode("utf-32-le", "surrogatepass")[2::4]
    return found
