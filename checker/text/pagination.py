"""A web page's pagination bar: page numbers and 首页/上一页/下一页/尾页 only ("1 2 下一页",
"共3页 第1页 首页 上一页 下一页 尾页"). The HTML reader finds one in the markup, the parser in
the text; a 上一篇/下一篇 link to another article is no pagination.
"""

from __future__ import annotations

import checker.regex_cache as regex_cache

_BAR = regex_cache.compile(
    r"^(?:首页|上一页|下一页|尾页|末页|第\s*\d+\s*页|共\s*\d+\s*[页条]|\d+\s*/\s*\d+\s*页?|\d+|跳转|转到|GO|go"
    r"|[<>«»‹›…\[\]【】|\s·.]|&lt;|&gt;)+$"
)
BAR_MAX_CHARS = 60
PAGE_LINKS = ("上一页", "下一页")


def is_pagination_bar(text: str) -> bool:
    """``text`` is a pagination bar: short, and nothing but page numbers and page links."""
    return len(text) <= BAR_MAX_CHARS and bool(_BAR.match(text))
