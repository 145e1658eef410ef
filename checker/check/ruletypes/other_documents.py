"""other-documents — another document in the same file as the report, left out of the check.

A file may hold the report and another document: the head's 述法报告 or a 工作总结 placed
before or after it. The parser finds the report among them (its title, ``detection.title``)
and checks it alone; this type tells each document left out, with its title and the line where
it starts, so that the reader knows what was not checked. A compilation of several reports is
refused before any rule runs (``several-reports``). Message values: ``title``, ``line``,
``position`` (before or after the report). The element status is unchanged; give such a rule
weight 0, since what else the file holds says nothing about the report.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.check.ruletypes.base import Context, Hit, params_schema
from checker.i18n import t
from checker.packs.model import Rule

PARAMS = params_schema({})  # no parameters

VALUES = ("title", "line", "position")  # what its messages may name

DOCUMENT_LEVEL = True  # whatever the element's status
TITLE_CHARS = 60


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    document = ctx.document
    for key, parts in (("parts.before", document.earlier), ("parts.after", document.later)):
        for part in parts:
            anchor = part.opening or part.title_paragraph
            values = {"title": part.title[:TITLE_CHARS], "line": anchor.line, "position": t(key, ctx.lang)}
            yield Hit(0.0, None, anchor, 0, len(anchor.text), values)
