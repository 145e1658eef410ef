"""Refuse markup nested deeper, or with more attributes on one element, than any real
document, before a parser sees it.

HTML tree construction in lexbor costs time quadratic in the nesting depth: 30,000 nested
``<div>`` take seconds of C code that no signal can interrupt. A linear scan of the tags
counts the depth first. Elements whose end tag HTML lets authors omit (``p``, ``li``,
``td`` …) and void elements (``br``, ``img`` …) are not counted, so sloppy but real pages
(thousands of unclosed ``<p>``) pass.

lexbor is quadratic in the distinct attribute names of one element too: 150,000 of them
(a 738 KB page) take 150 s. :func:`check_attributes` counts them in one pass.
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


MAX_ATTRIBUTES = 1000  # real elements carry a handful; lexbor needs 0.7 s for 20,000
# A start tag with its attributes as the HTML tokenizer reads them: names run to white space,
# "/", ">" or "="; a value is quoted (">" inside it does not end the tag) or runs to white
# space or ">". Nothing after the attributes is required, so a match never backtracks over
# them, and the scan resumes after it: linear in the text, whatever the markup.
_ATTRIBUTE = r"""[\s/]+[^\s/>=][^\s/>=]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?"""
_START_TAG = regex_cache.compile(rf"<[A-Za-z][^\s/>]*(?:{_ATTRIBUTE})*")
_ATTRIBUTES = regex_cache.compile(_ATTRIBUTE)


def check_attributes(text: str, limit: int = MAX_ATTRIBUTES) -> None:
    """Raise ``InputError("too-many-attributes")`` when one start tag in ``text`` carries more
    than ``limit`` attributes."""
    for match in _START_TAG.finditer(text):
        if match.end() - match.start() <= 2 * limit:
            continue  # every attribute takes at least two characters: a separator and a name
        count = len(_ATTRIBUTES.findall(match.group()))
        if count > limit:
            raise InputError("too-many-attributes", count=count, limit=limit)


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
