"""Refuse markup nested deeper than any real document, before a parser sees it.

HTML tree construction in lexbor costs time quadratic in the nesting depth: 30,000 nested
``<div>`` take seconds of C code that no signal can interrupt. A linear scan of the tags
counts the depth first. Elements whose end tag HTML lets authors omit (``p``, ``li``,
``td`` …) and void elements (``br``, ``img`` …) are not counted, so sloppy but real pages
(thousands of unclosed ``<p>``) pass.
"""

from __future__ import annotations

import checker.regex_cache as regex_cache
from checker.read.errors import InputError

MAX_DEPTH = 2000  # real government pages nest 20–60 deep
_TAG = regex_cache.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,30})\b[^<>]{0,4096}?(/?)>")
_UNCOUNTED = frozenset({
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rb", "rt", "rtc", "rp", "br", "img", "hr", "meta", "link", "input",
    "area", "base", "col", "embed", "param", "source", "track", "wbr", "keygen", "basefont",
    "frame", "isindex", "html", "head", "body",
})  # fmt: skip


def check_depth(text: str, limit: int = MAX_DEPTH) -> None:
    """Raise ``InputError("too-deep")`` when tags in ``text`` nest deeper than ``limit``."""
    depth = 0
    for match in _TAG.finditer(text):
        closing, name, self_closing = match.groups()
        name = name.lower()
        if name in _UNCOUNTED or self_closing:
            continue
        if closing:
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > limit:
                raise InputError("too-deep", limit=limit)
