"""Is the text one whole report? A compilation of several (汇编) or one page of a report
published over several pages cannot be scored as a report: each gets an error with a code
and the places that show it, so that an audit row says what the file is."""

from __future__ import annotations

from checker.i18n import t
from checker.model import Document, ErrorInfo
from checker.packs.model import Pack
from checker.parse.doctype import later_reports
from checker.parse.parts import pagination_bar
from checker.read.html_pages import PAGE_LINKS_KEY
from checker.read.source import SourceText


def _place(source: SourceText, line: int, lang: str) -> str:
    """Where a line is, as a reader finds it: the reader's label (第2页第5行) or 第N行."""
    return source.label(line) or t("ui.line", lang, line=line)


def several_reports(document: Document, source: SourceText, pack: Pack, lang: str) -> ErrorInfo | None:
    """``several-reports`` with each report's title and place, when the text holds more than one."""
    later = later_reports(document, pack)
    if not later:
        return None
    first_paragraph = document.title[0] if document.title else document.paragraphs[0]
    first_title = document.title_text or t("parts.untitled", lang)
    titles = [(first_title, first_paragraph.line), *later]
    listed = t("parts.separator", lang).join(
        t("parts.title-at", lang, place=_place(source, line, lang), title=title[:60])
        for title, line in titles
    )
    message = t("error.several-reports", lang, count=len(titles), titles=listed)
    return ErrorInfo("several-reports", message)


def partial_page(document: Document, source: SourceText, lang: str) -> ErrorInfo | None:
    """``partial-page`` when the text is a page of a report published over several: it ends with
    a bar linking 下一页 and has no closing date, or opens with one linking 上一页 and has no title.
    A web page tells by its markup too (the reader's :data:`PAGE_LINKS_KEY`): a link to the
    next page and no closing date, or a link to the previous page (the reader puts the page's
    title above every page, so a later page is not told by its missing title)."""
    bar = None
    if document.date is None:
        bar = pagination_bar(document.paragraphs, "下一页")
    if bar is None and not document.title:
        bar = pagination_bar(document.paragraphs, "上一页")
    if bar is not None:
        message = t("error.partial-page", lang, place=_place(source, bar.line, lang), text=bar.text)
        return ErrorInfo("partial-page", message)
    links = source.meta.get(PAGE_LINKS_KEY, "")
    if "上一页" in links or ("下一页" in links and document.date is None):
        return ErrorInfo("partial-page", t("error.partial-page-linked", lang, text=links))
    return None
