"""garbled — a paragraph whose text is garbled: copied from a PDF whose fonts have no character
map (private-use symbols, "�", Western letters), opened with the wrong encoding and saved again
("娉曟不鏀垮簻" for 法治政府), or with its Chinese replaced by "?".

The lines are found once for the whole text (:mod:`checker.text.garble`); a text mostly made of
them is the error ``garbled-text`` instead. Each garbled line is one finding, at that line of
its paragraph: message value ``kind`` says what the garbling looks like, ``remedy``
gives the passage as it reads with its original encoding when the double encoding can be
undone, else says to copy it again from the original. The element status is unchanged; give
such a rule weight 0, as what a garbled passage says cannot be judged.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.check.ruletypes.base import Context, Hit, params_schema
from checker.i18n import t
from checker.packs.model import Rule

PARAMS = params_schema({})

VALUES = ("kind", "remedy")  # what its messages may name

DOCUMENT_LEVEL = True  # checked on the whole text, whatever the element's status
RESTORED_CHARS = 60  # the restored passage quoted in the finding, at most


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    if not ctx.garbled:
        return
    garbled = {garble.line: garble for garble in ctx.garbled}
    for paragraph in ctx.document.paragraphs:
        for start, line in zip(paragraph.starts, paragraph.lines, strict=True):
            garble = garbled.get(line.number)
            if garble is None:
                continue
            if garble.restored is not None:
                restored = garble.restored[:RESTORED_CHARS]
                remedy = t("garble.restored", ctx.lang, restored=restored)
            else:
                remedy = t("garble.lost", ctx.lang)
            kind = t(f"garble.kind.{garble.kind}", ctx.lang)
            yield Hit(0.0, None, paragraph, start, len(line.text), {"kind": kind, "remedy": remedy})
