"""A cover notice that publishes the document: "关于印发《X》的通知", the addressees, one or two
sentences, the notice's signature and date, then X itself (after 附件 or not).

Bodies often post their annual report that way. The document is then X: its title is the
attached title, and the notice's text before it is left out of title, body and closing like
a web page's navigation. A notice that attaches nothing (or something else) is not unwrapped:
it stays a notice.
"""

from __future__ import annotations

from collections.abc import Sequence

import checker.regex_cache as regex_cache
from checker.model import Paragraph

COVER_SCAN = 4  # the notice's title is among the first lines (a body name may come first)
ATTACHED_SCAN = 40  # the attached title follows within the notice's few paragraphs
_COVER_TITLE = regex_cache.compile(
    r"(?:印发|转发|发布|公布|报送|上报)[^《》]{0,12}《([^《》]{4,80})》的?(?:通知|函)$"
)
_SPACE = regex_cache.compile(r"\s+")


def _plain(text: str) -> str:
    return _SPACE.sub("", text)


def attached_start(paragraphs: Sequence[Paragraph]) -> int:
    """Index of the attached document's title under a cover notice that publishes it; 0 when
    the text is no such notice (or the title it names never stands on its own line)."""
    for i, paragraph in enumerate(paragraphs[:COVER_SCAN]):
        match = _COVER_TITLE.search(_plain(paragraph.text))
        if match is None:
            continue
        wanted = _plain(match.group(1))
        last = min(len(paragraphs), i + 1 + ATTACHED_SCAN)
        for j in range(i + 1, last):
            text = _plain(paragraphs[j].text)
            if text == wanted:
                return j
            # the title in two lines: the body's name, then the rest
            if (
                j + 1 < last
                and text
                and wanted.startswith(text)
                and text + _plain(paragraphs[j + 1].text) == wanted
            ):
                return j
        return 0
    return 0
