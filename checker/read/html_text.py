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
from checker.read.depth import check_attributes, check_depth
from checker.read.errors import InputError, phrase
from checker.read.html_lists import list_markers
from checker.read.html_meta import count_meta_keys, metadata_from_tables, metadata_from_text
from checker.read.html_pages import PAGE_LINKS_KEY, article_page_links
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
# Elements that hold paragraphs side by side: what the richest-block fallback credits.
CONTAINER_TAGS = {
    "div", "section", "article", "main", "body", "form", "center", "blockquote", "td", "th",
    "dd", "figure", "aside", "header", "details", "fieldset",
}  # fmt: skip
LIST_TAGS = {"ol", "ul", "menu"}
PRE_TAGS = {"pre", "listing", "xmp", "plaintext"}
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
# Wide East Asian characters: Han, kana, CJK and full-width punctuation (see normalize.py)
_WIDE = regex_cache.compile(
    r"[\u2e80-\u2fdf\u3001-\u303f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\ufe30-\ufe4f"
    r"\uff01-\uff60\uffe0-\uffe6\u201c\u201d\u2018\u2019\u2014\u2026\U00020000-\U0003ffff]"
)
_BREAK = "\x00"  # a hard line break among the collected text (HTML text holds no NUL)
_PRE_STYLE = regex_cache.compile(r"white-space\s*:\s*(?:pre|break-spaces)", re.IGNORECASE)
_TITLE_SPLIT = regex_cache.compile(r"\s*(?:[_|｜]|\s[-–—]\s|--|(?<!\d)[-–—](?!\d))\s*")
MIN_CONTENT_HAN = 50
SELECTOR_SHARE = 0.6  # a named container must hold this share of the best block's Han text


def _han_count(text: str) -> int:
    return len(_HAN.findall(text))


def _is_boilerplate(node) -> bool:
    attributes = node.attributes
    marker = f"{attributes.get('class') or ''} {attributes.get('id') or ''}"
    return bool(marker.strip()) and bool(_BOILERPLATE.search(marker))


def _is_pre(node) -> bool:
    """Whether ``node`` keeps its source line breaks (<pre>, ``white-space: pre…``)."""
    if node.tag in PRE_TAGS:
        return True
    return bool(_PRE_STYLE.search(node.attributes.get("style") or ""))


def _collapse_run(match: re.Match[str]) -> str:
    """One run of collapsible white space: a space, or nothing for a wrap between CJK text.

    As in CSS Text (segment break transformation), a source line break between two wide
    East Asian characters is removed: "法治\n政府" is 法治政府, "Word\ndocument" two words.
    """
    run = match.group()
    if ("\n" not in run and "\r" not in run) or "\xa0" in run:
        return " "
    text, start, end = match.string, match.start(), match.end()
    if start > 0 and end < len(text) and _WIDE.match(text[start - 1]) and _WIDE.match(text[end]):
        return ""
    return " "


def collapse_space(text: str) -> str:
    """``text`` with HTML's collapsible white space folded, ends stripped."""
    if "\n" not in text and "\r" not in text:
        return _WHITESPACE.sub(" ", text).strip(" \u3000")  # no source line break to weigh
    return _WHITESPACE.sub(_collapse_run, text).strip(" \u3000")


def block_lines(root, *, skip_boilerplate: bool = True) -> list[str]:
    """Text of ``root`` with a line break at every block element (iterative: pages nest deep).

    Source line breaks inside a block are white space (CMS editors and LibreOffice wrap
    long paragraphs); only block boundaries, <br> and preformatted text break lines.
    Numbered list items get the marker a browser shows when the list names its style.
    """
    parts: list[str] = []
    markers: dict[int, str] = {}  # li mem_id -> its rendered list marker
    pending: str | None = None  # the marker of the list item entered, before its first text
    stack: list[tuple[Any, bool, bool]] = [(root, False, False)]  # selectolax nodes
    while stack:
        node, leaving, pre = stack.pop()
        if leaving:
            parts.append(_BREAK)
            if node.tag == "li":
                pending = None
            continue
        tag = node.tag
        if tag == "-text":
            text = (node.text_content or "").replace(_BREAK, "")
            if pre:
                text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", _BREAK)
            if pending is not None and text.strip():
                parts.append(pending)
                pending = None
            parts.append(text)
            continue
        if tag.startswith("-") or (tag in SKIP_TAGS and node is not root):
            continue  # a root <form> (ASP.NET wraps the page in one) is read
        if node is not root and skip_boilerplate and _is_boilerplate(node):
            continue
        if tag == "table" and node is not root and count_meta_keys(node.text()) >= 2:
            continue  # the publication table: read into meta, not part of the report
        if tag in LIST_TAGS:
            markers.update(list_markers(node))
        if tag in BLOCK_TAGS:
            parts.append(_BREAK)
            stack.append((node, True, pre))
            if tag == "li":
                pending = pending_marker(pending, markers.get(node.mem_id), parts)
        elif tag in CELL_TAGS:
            parts.append(" ")
        pre = pre or _is_pre(node)
        children = list(node.iter(include_text=True))
        stack.extend((child, False, pre) for child in reversed(children))
    lines = []
    for line in "".join(parts).split(_BREAK):
        cleaned = collapse_space(line)
        if cleaned:
            lines.append(cleaned)
    return lines


def pending_marker(pending: str | None, marker: str | None, parts: list[str]) -> str | None:
    """Enter a list item: an outer item's marker still waiting for text gets its own line."""
    if pending is not None:
        parts.extend((pending, _BREAK))
    return marker


def _paragraph_of(text_node):
    """The nearest block or cell holding ``text_node``; None under a skipped element."""
    node = text_node.parent
    while node is not None and node.tag not in BLOCK_TAGS and node.tag not in CELL_TAGS:
        if node.tag in SKIP_TAGS:
            return None
        node = node.parent
    if node is None or node.tag in SKIP_TAGS:
        return None
    return node


def _container_of(paragraph):
    """The element credited for a paragraph's text: the real container that holds it.

    Paragraphs, list items, lists and table rows are passed through, so the items of a
    numbered list (Word/LibreOffice "save as web page") count for the body holding the
    list; a cell holding text itself counts for its table, like a row of paragraphs.
    """
    if paragraph.tag == "body":
        return paragraph
    wanted = ("table",) if paragraph.tag in CELL_TAGS else CONTAINER_TAGS
    node = paragraph.parent
    while node is not None and node.tag not in wanted and node.tag != "body":
        node = node.parent
    return node if node is not None else paragraph


def _best_container(body):
    """The container whose paragraphs hold the most Han text (readability-style credit)."""
    credit: dict[int, int] = {}
    nodes: dict[int, object] = {}
    for text_node in body.traverse(include_text=True):
        if text_node.tag != "-text":
            continue
        count = _han_count(text_node.text_content or "")
        if not count:
            continue
        paragraph = _paragraph_of(text_node)
        if paragraph is None:
            continue
        node = _container_of(paragraph)
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
            text = collapse_space(node.text(separator=" "))
            if _han_count(text) >= 4 and len(text) <= 120:
                texts.append(text)
    return texts


def find_title(tree) -> str | None:
    """The article title: ArticleTitle meta, a heading agreeing with <title>, or <title>."""
    meta = tree.css_first('meta[name="ArticleTitle"]') or tree.css_first('meta[name="title"]')
    if meta is not None and _han_count(meta.attributes.get("content") or "") >= 4:
        return collapse_space(meta.attributes["content"])
    title_node = tree.css_first("title")
    page_title = collapse_space(title_node.text()) if title_node else ""
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
    check_attributes(text)  # and in the attributes of one element
    tree = LexborHTMLParser(text)
    if tree.body is None:
        raise InputError("corrupt", error=phrase("corrupt.html-no-body"))
    page_links = article_page_links(tree)
    content = find_content(tree)
    lines = block_lines(content)
    meta = metadata_from_text(block_lines(tree.body, skip_boilerplate=False))
    if page_links:
        meta[PAGE_LINKS_KEY] = page_links
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


def html_fragment_lines(data: bytes) -> list[str]:
    """The lines of a whole page's body, as Word shows an HTML part it renders in place
    (a docx's w:altChunk): no article container, no title added, nothing left out as
    navigation. Empty when the part has no text."""
    from selectolax.lexbor import LexborHTMLParser

    text, _encoding = decode_html(data)
    check_depth(text)
    check_attributes(text)
    tree = LexborHTMLParser(text)
    root = tree.body if tree.body is not None else tree.root
    return block_lines(root, skip_boilerplate=False) if root is not None else []


def _meta_order(key: str) -> int:
    order = ("title", "索引号", "发布机构", "成文日期", "发布日期", "文号")
    return order.index(key) if key in order else len(order)
