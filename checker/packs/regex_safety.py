"""Refuse rule-pack regular expressions that can backtrack catastrophically.

Python's ``re`` is a backtracking matcher: ``(a+)+$`` or ``(.*){20}x`` on a long line of
``a`` tries exponentially (or n²⁰) many ways before failing. A shared pack must not be able
to stall a check, so patterns are analysed once at load, on the parse tree ``re`` itself
builds, and two shapes are refused:

* a repeat that can match more than once nested inside another such repeat, when what follows
  the inner one can start with a character the inner one can match (``(a+)+``, ``(?:x*y?)*``,
  ``(.*){20}``; ``(\\d+年)+`` is fine: 年 ends each inner run);
* a repeated alternation whose branches can start with the same character, or an optional part
  inside a repeat that can start like what follows it (``(?:.|x)+``, ``(a|aa)*``): both split one
  text in exponentially many ways.

Possessive repeats and atomic groups (``a*+``, ``(?>…)``) never backtrack and are allowed.
What slips through (polynomial blow-ups such as ``.*.*.*x``) is still cut off by the per-file
time budget of ``fzcheck check`` (checker/run/budget.py).
"""

from __future__ import annotations

import re
from typing import Any

try:  # Python 3.11+
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT}
_CATEGORIES = {
    _c.CATEGORY_DIGIT: re.compile(r"\d"),
    _c.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
    _c.CATEGORY_SPACE: re.compile(r"\s"),
    _c.CATEGORY_NOT_SPACE: re.compile(r"\S"),
    _c.CATEGORY_WORD: re.compile(r"\w"),
    _c.CATEGORY_NOT_WORD: re.compile(r"\W"),
}
Item = tuple[Any, Any]
# A first-character set: ("chars", frozenset) for literals, ("class", items) for one character
# class, or ANY when it cannot be told (overlaps everything).
ANY: tuple[str, Any] = ("any", None)
EMPTY: tuple[str, Any] = ("chars", frozenset())


def unsafe_reason(pattern: str, lang: str = "zh") -> str | None:
    """Why ``pattern`` may backtrack catastrophically, or None when it is safe (or invalid:
    ``re.compile`` reports that)."""
    try:
        tree = _p.parse(pattern)
    except (re.error, RecursionError, OverflowError):
        return None
    try:
        shape = _scan(list(tree), None, ANY)
    except RecursionError:
        shape = "nested"
    if shape is None:
        return None
    from checker.i18n import t

    return t(f"regex.unsafe-{shape}", lang)


def _scan(items: list[Item], body: list[Item] | None, after: tuple[str, Any]) -> str | None:
    """Scan a sequence; ``body`` is the innermost repeated body it lies in (None: none),
    ``after`` what can follow the sequence."""
    for i, (op, av) in enumerate(items):
        follow = _first_of(items[i + 1 :], after)
        found: str | None = None
        if op in _REPEATS:
            _low, high, sub = av
            sub = list(sub)
            if high > 1:
                if body is not None and _consumes(sub) and _overlap(_first_of(sub, ANY), follow):
                    return "nested"
                found = _repeated_branch(sub) or _scan(sub, sub, _union(_first_of(sub, ANY), follow))
            else:
                found = _scan(sub, body, follow)
        elif op is _c.SUBPATTERN:
            found = _scan(list(av[-1]), body, follow)
        elif op is _c.BRANCH:
            branches = [list(b) for b in av[1]]
            if body is not None and any(not b for b in branches):
                # an optional part inside a repeat ((a|aa)* is parsed as (a(?:|a))*)
                options = [_first_of(b, EMPTY) for b in branches if b]
                if any(_overlap(first, follow) for first in options):
                    return "overlap"
            for branch in branches:
                found = found or _scan(branch, body, follow)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            found = _scan(list(av[1]), None, ANY)
        # ATOMIC_GROUP and POSSESSIVE_REPEAT: no backtracking into them; not scanned further
        if found:
            return found
    return None


def _consumes(items: list[Item]) -> bool:
    """Whether the items hold anything that consumes characters (not only anchors)."""
    return any(op not in (_c.AT, _c.ASSERT, _c.ASSERT_NOT) for op, _ in items)


def _repeated_branch(items: list[Item]) -> str | None:
    """A repeated body that is (a group around) an alternation with overlapping starts."""
    while len(items) == 1 and items[0][0] is _c.SUBPATTERN:
        items = list(items[0][1][-1])
    if len(items) != 1 or items[0][0] is not _c.BRANCH:
        return None
    starts = [_first_of(list(branch), ANY) for branch in items[0][1][1]]
    for i, first in enumerate(starts):
        if any(_overlap(first, other) for other in starts[i + 1 :]):
            return "overlap"
    return None


def _nullable(op: Any, av: Any) -> bool:
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return True
    if op in _REPEATS:
        return av[0] == 0 or all(_nullable(o, a) for o, a in av[2])
    if op is _c.SUBPATTERN:
        return all(_nullable(o, a) for o, a in av[-1])
    if op is _c.BRANCH:
        return any(all(_nullable(o, a) for o, a in b) for b in av[1])
    return False


def _first_of(items: list[Item], after: tuple[str, Any]) -> tuple[str, Any]:
    """What the sequence can start with; ``after`` when all of it can match empty."""
    result = EMPTY
    for op, av in items:
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue
        if op is _c.LITERAL:
            first: tuple[str, Any] = ("chars", frozenset({chr(av)}))
        elif op in (_c.IN, _c.NOT_LITERAL, _c.ANY):
            first = ("class", [(op, av)])
        elif op is _c.SUBPATTERN:
            first = _first_of(list(av[-1]), EMPTY)
        elif op in _REPEATS:
            first = _first_of(list(av[2]), EMPTY)
        elif op is _c.BRANCH:
            first = EMPTY
            for branch in av[1]:
                first = _union(first, _first_of(list(branch), EMPTY))
        else:
            return ANY
        result = _union(result, first)
        if not _nullable(op, av):
            return result
    return _union(result, after)


def _union(a: tuple[str, Any], b: tuple[str, Any]) -> tuple[str, Any]:
    if a[0] == "any" or b[0] == "any":
        return ANY
    if a[0] == "chars" and b[0] == "chars":
        return ("chars", a[1] | b[1])
    if a[0] == "chars" and not a[1]:
        return b
    if b[0] == "chars" and not b[1]:
        return a
    if a[0] == "class" and b[0] == "class":
        return ("class", a[1] + b[1])
    chars, other = (a, b) if a[0] == "chars" else (b, a)
    return ("class", [*other[1], *((_c.LITERAL, ord(ch)) for ch in chars[1])])


def _overlap(a: tuple[str, Any], b: tuple[str, Any]) -> bool:
    """Whether two first-character sets can share a character (True when unsure)."""
    if a[0] == "any" or b[0] == "any":
        return True
    if a[0] == "chars" and b[0] == "chars":
        return bool(a[1] & b[1])
    if a[0] == "class" and b[0] == "class":
        return True
    chars, other = (a[1], b[1]) if a[0] == "chars" else (b[1], a[1])
    return any(_member(item, ch) for ch in chars for item in other)


def _member(item: Item, ch: str) -> bool:
    """Whether the one-character item matches ``ch``."""
    op, av = item
    if op is _c.LITERAL:
        return ch == chr(av)
    if op is _c.NOT_LITERAL:
        return ch != chr(av)
    if op is _c.ANY:
        return ch != "\n"
    if op is _c.IN:
        negate = bool(av) and av[0][0] is _c.NEGATE
        hit = False
        for kind, value in av[1:] if negate else av:
            if kind is _c.LITERAL:
                hit = ch == chr(value)
            elif kind is _c.RANGE:
                hit = value[0] <= ord(ch) <= value[1]
            elif kind is _c.CATEGORY:
                pattern = _CATEGORIES.get(value)
                hit = pattern is None or bool(pattern.match(ch))
            else:
                hit = True
            if hit:
                break
        return hit != negate
    return True
