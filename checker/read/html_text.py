"""HTML reader (selectolax): the article body of a portal page, one line per block.

Government portals wrap a report in navigation, share bars and footers. We decode the
bytes ourselves (:mod:`checker.read.charset`), take the first known article container
that holds most of the page's Chinese text (falling back to the container with the most
Han characters), and emit one line per block element. The publication table goes to
``meta`` (:mod:`checker.read.html_meta`), the page title to ``meta["title"]``.
"""

from __future__ import annotations

import re
from typing import Any

import checker.regex_cache as regex_cache
from checker.read.charset import decode_html
from checker.read.depth import check_depth
from checker.read.errors import InputError
from checker.read.html_meta import count_meta_keys, metadata_from_tables, metadata_from_text
from checker.read.source import SourceText

CONTENT_SELECTORS = (
    "#zoom", "#Zoom", ".TRS_Editor", "#UCAP-CONTENT", ".article-content", ".article_content",
    "#article-content", "#vsb_content", ".wp_articlecontent", ".Custom_UnionStyle",
    "#fontzoom", ".pages_content", ".news_content", ".detail-content", ".view", "#content",
    ".content", ".zw", "#zw", "article", ".article",
)  # fmt: skip
BLOCK_TAGS = {
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "ul", "ol",
    "section", "article", "blockquote", "pre", "dd", "dt", "dl", "center", "hr", "main",
    "header", "footer", "aside", "figure", "figcaption", "caption", "tbody", "thead",
}  # fmt: skip
CELL_TAGS = {"td", "th"}
SKIP_TAGS = {
    "script", "style", "noscript", "nav", "footer", "iframe", "form", "button", "select",
    "input", "textarea", "object", "svg", "template", "head", "title", "meta", "link",
}  # fmt: skip
_BOILERPLATE = regex_cache.compile(
    r"(?:^|[\s_-])(?:bdshare\w*|share\w*|print\w*|close|fontsize|font-size|zihao|nav\w*|"
    r"breadcrumb|crumb|position|footer|copyright|relate[ds]?|pager|prevnext|toolbar)(?:$|[\s_-])",
    re.IGNORECASE,
)
_HAN = regex_cache.compile(r"[\u3400-\u9fff]")
_WHITESPACE = regex_cache.compile(r"[ \t\r\n\f\v\xa0]+")
_TITLE_SPLIT = regex_cache.compile(r"\s*(?:[_|｜]|\s[-–—]\s|--|(?<!\d)[-–—](?!\d))\s*")
MIN_CONTENT_HAN = 50
SELECTOR_SHARE = 0.6  # a named container must hold this share of the best block's Han text


def _han_count(text: str) -> int:
    return len(_HAN.findall(text))


def _is_boilerplate(node) -> bool:
    attributes = node.attributes
    marker = f"{attributes.get('class') or ''} {attributes.get('id') or ''}"
    return bool(marker.strip()) and bool(_BOILERPLATE.search(marker))


def block_lines(root, *, skip_boilerplate: bool = True) -> list[str]:
    """Text of ``root`` with a line break at every block element (iterative: pages nest deep)."""
    parts: list[str] = []
    stack: list[tuple[Any, bool]] = [(root, False)]  # selectolax nodes
    while stack:
        node, leaving = stack.pop()
        if leaving:
            parts.append("\n")
            continue
        tag = node.tag
        if tag == "-text":
            parts.append(node.text_content or "")
            continue
        if tag.startswith("-") or tag in SKIP_TAGS:
            continue
        if node is not root and skip_boilerplate and _is_boilerplate(node):
            continue
        if tag == "table" and node is not root and count_meta_keys(node.text()) >= 2:
            continue  # the publication table: read into meta, not part of the report
        if tag in BLOCK_TAGS:
            parts.append("\n")
            stack.append((node, True))
        elif tag in CELL_TAGS:
            parts.append(" ")
        children = list(node.iter(include_text=True))
        stack.extend((child, False) for child in reversed(children))
    lines = []
    for line in "".join(parts).split("\n"):
        cleaned = _WHITESPACE.sub(" ", line).strip(" \u3000")
        if cleaned:
            lines.append(cleaned)
    return lines


def _best_container(body):
    """The element whose child blocks hold the most Han text (readability-style credit)."""
    credit: dict[int, int] = {}
    nodes: dict[int, object] = {}
    for text_node in body.traverse(include_text=True):
        if text_node.tag != "-text":
            continue
        count = _han_count(text_node.text_content or "")
        if not count:
            continue
        node = text_node.parent
        skipped = False
        while node is not None and node.tag not in BLOCK_TAGS and node.tag not in CELL_TAGS:
            if node.tag in SKIP_TAGS:
                skipped = True
                break
            node = node.parent
        if node is None or skipped or node.tag in SKIP_TAGS:
            continue
        # Credit the paragraph's parent, so <p>s and <br>-separated <div>s side by side
        # count for the element that holds them all.
        node = node.parent if node.parent is not None and node.tag != "body" else node
        credit[node.mem_id] = credit.get(node.mem_id, 0) + count
        nodes[node.mem_id] = node
    if not credit:
        return body, 0
    best = max(credit, key=credit.__getitem__)
    return nodes[best], credit[best]


def find_content(tree):
    """The article body: a known portal container if it holds the text, else the richest block."""
    body = tree.body or tree.root
    fallback, fallback_han = _best_container(body)
    for selector in CONTENT_SELECTORS:
        for node in tree.css(selector):
            han = _han_count(node.text())
            if han >= MIN_CONTENT_HAN and han >= SELECTOR_SHARE * fallback_han:
                return node
    return fallback


def _heading_candidates(tree) -> list[str]:
    texts = []
    for selector in ("h1", ".article-title", ".title", "#title", ".tit", "h2"):
        for node in tree.css(selector):
            text = _WHITESPACE.sub(" ", node.text(separator=" ")).strip()
            if _han_count(text) >= 4 and len(text) <= 120:
                texts.append(text)
    return texts


def find_title(tree) -> str | None:
    """The article title: ArticleTitle meta, a heading agreeing with <title>, or <title>."""
    meta = tree.css_first('meta[name="ArticleTitle"]') or tree.css_first('meta[name="title"]')
    if meta is not None and _han_count(meta.attributes.get("content") or "") >= 4:
        return _WHITESPACE.sub(" ", meta.attributes["content"]).strip()
    title_node = tree.css_first("title")
    page_title = _WHITESPACE.sub(" ", title_node.text()).strip() if title_node else ""
    compact_page_title = "".join(page_title.split())
    headings = _heading_candidates(tree)
    for heading in headings:
        if "".join(heading.split()) in compact_page_title:
            return heading
    pieces = [piece for piece in _TITLE_SPLIT.split(page_title) if _han_count(piece) >= 4]
    if len(pieces) > 1 and "报告" not in pieces[-1]:
        pieces = pieces[:-1]  # "标题_网站名": the last piece names the site
    if pieces:
        return max(pieces, key=len)
    for heading in headings:
        if "报告" in heading:
            return heading
    return None


def _starts_with_title(lines: list[str], title: str) -> bool:
    compact_title = "".join(title.split())
    opening = "".join("".join(lines[:4]).split())
    return compact_title in opening or (len(opening) > 0 and opening[:20] in compact_title)


def read_html_bytes(data: bytes) -> SourceText:
    """Read a saved web page (.html/.htm/.shtml) holding a report."""
    from selectolax.lexbor import LexborHTMLParser

    text, encoding = decode_html(data)
    check_depth(text)  # before lexbor, whose tree building is quadratic in the depth
    tree = LexborHTMLParser(text)
    if tree.body is None:
        raise InputError("corrupt", error="HTML 没有正文")
    content = find_content(tree)
    lines = block_lines(content)
    meta = metadata_from_text(block_lines(tree.body, skip_boilerplate=False))
    meta.update(metadata_from_tables(tree))
    title = find_title(tree)
    if title:
        meta["title"] = title
        if not _starts_with_title(lines, title):
            lines.insert(0, title)
    if not lines:
        raise InputError("empty")
    ordered = {key: meta[key] for key in sorted(meta, key=_meta_order)}
    return SourceText(text="\n".join(lines), format="html", encoding=encoding, meta=ordered)


def _meta_order(key: str) -> int:
    order = ("title", "索引号", "发布机构", "成文日期", "发布日期", "文号")
    return order.index(key) if key in order else len(order)
