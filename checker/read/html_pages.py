"""Is the page one of an article published over several? Portals paginate a long article
with a bar of links ("1 2 下一页", often outside the article's container, so that the text
never shows it) or with a script that writes the bar (TRS: ``createPageHTML(2, 0,
"t20250124_123456", "html")``). What the page links to goes to ``meta`` (:data:`PAGE_LINKS_KEY`:
"下一页", "上一页" or both); the parser decides what that means for the report.

Not the article's pages: a column's list pager (links to ``index_1.html``; a list page is no
report, and a pager of a list beside the article is no part of it) and 上一篇/下一篇 links to
other articles. Both are dropped from the page before its text is read: they are the portal's,
not the report's.
"""

from __future__ import annotations

import re

import checker.regex_cache as regex_cache
from checker.text.pagination import PAGE_LINKS, is_pagination_bar

PAGE_LINKS_KEY = "翻页"
# a column's list pages: index.html, index_1.shtml, list_2.htm, default_3.html
_LIST_PAGE = regex_cache.compile(r"(?:^|/)(?:index|list|default)(?:_\d+)?\.s?html?(?:$|[?#])", re.IGNORECASE)
_CREATE_PAGE = regex_cache.compile(r"createPageHTML\s*\(\s*(\w+)\s*,\s*(\w+)\s*,\s*['\"]([^'\"]*)['\"]")
_LABEL_MARKS = " <>«»‹›[]【】()（）\xa0\u3000"
_DIGIT = regex_cache.compile(r"\d")
_ARTICLE_LINK = ("上一篇", "下一篇", "上一条", "下一条")
ARTICLE_LINK_MAX_CHARS = 120  # "上一篇：" and the other article's title
BAR_LEVELS = 3  # a link's bar is its parent, or a grandparent (<ul><li><a>) a level or two up


def _number(token: str, code: str) -> int | None:
    """A literal, or the number a variable of the script was given (``var countPage = 2``)."""
    if token.isdigit():
        return int(token)
    match = regex_cache.compile(rf"\b{re.escape(token)}\s*=\s*(\d+)").search(code)
    return int(match.group(1)) if match else None


def _script_links(tree) -> set[str]:
    """The links a TRS page script writes: 上一页 after the first page, 下一页 before the last."""
    links: set[str] = set()
    for script in tree.css("script"):
        code = script.text()
        match = _CREATE_PAGE.search(code) if "createPageHTML" in code else None
        if match is None or _LIST_PAGE.search(f"{match.group(3)}.html"):
            continue  # no pager, or a list's
        count, current = _number(match.group(1), code), _number(match.group(2), code)
        if count is None or current is None or count < 2:
            continue
        if current > 0:
            links.add(PAGE_LINKS[0])
        if current < count - 1:
            links.add(PAGE_LINKS[1])
    return links


def _bar_of(link):
    """The pagination bar holding ``link``: the nearest ancestor whose text is a bar with a
    page number ("1 2 下一页"); None when the link stands in a sentence or alone."""
    node = link.parent
    for _ in range(BAR_LEVELS):
        if node is None:
            return None
        text = " ".join(node.text(separator=" ").split())
        if _DIGIT.search(text):
            return node if is_pagination_bar(text) else None
        node = node.parent
    return None


def _article_link_line(link):
    """The element that is only a link to the previous or next article ("上一篇：…"), if
    ``link`` is one: the link itself, or its parent holding the label and the link."""
    if link.text().strip(_LABEL_MARKS).startswith(_ARTICLE_LINK):
        return link
    parent = link.parent
    if parent is None or parent.parent is None:
        return None
    if not parent.text(deep=False).strip(_LABEL_MARKS).startswith(_ARTICLE_LINK):
        return None  # its own text first: a page's links are many, their parents can be long
    return parent if len(parent.text().strip()) <= ARTICLE_LINK_MAX_CHARS else None


def article_page_links(tree) -> str:
    """The article's own page links ("上一页 下一页", "下一页", ""); list pagers and links to
    the previous and next articles are removed from ``tree`` on the way."""
    links = _script_links(tree)
    dropped = []
    for link in tree.css("a"):
        line = _article_link_line(link)
        if line is not None:
            dropped.append(line)
            continue
        label = link.text().strip(_LABEL_MARKS)
        if label not in PAGE_LINKS:
            continue
        href = (link.attributes.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript")):
            continue  # a disabled link: no page that way
        bar = _bar_of(link)
        if bar is None:
            continue
        if _LIST_PAGE.search(href):
            dropped.append(bar)
        else:
            links.add(label)
    for node in {node.mem_id: node for node in dropped}.values():
        node.remove()  # detached, not destroyed: a node inside another removed one stays valid
    return " ".join(label for label in PAGE_LINKS if label in links)
