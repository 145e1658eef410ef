"""Word 2003 XML ("Word XML 文档", WordprocessingML 2003): one line per body paragraph.

Document systems export 公文 in this single-file XML (root ``w:wordDocument``) and often
save it as .doc or .xml. The body is walked directly with lxml, parsed without entity
expansion, DTD loading or network access, after the same nesting check the HTML reader
uses. Kept: the running text (w:t, w:tab, w:br), tables cell by cell, text boxes before
the paragraph that anchors them, list numbers (Word's own rendering ``wx:t`` when it wrote
one, else the counters replayed from ``w:lists``). Left out, as in the docx reader:
headers and footers (in w:sectPr), footnotes, comments, deleted revisions, hidden text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checker.read.depth import check_depth
from checker.read.docx_numbering import MAX_LEVEL_TEXT, Level, NumberingState, level_index
from checker.read.docx_text import run_text
from checker.read.errors import InputError, phrase
from checker.read.source import LineLayout, SourceText, refuse_too_many_paragraphs
from checker.read.table_cells import CellFinder, with_cell
from checker.read.untrusted_xml import parse_untrusted
from checker.read.xml_numbers import decimal, list_number

WORDML = "http://schemas.microsoft.com/office/word/2003/wordml"
AUX_HINT = "http://schemas.microsoft.com/office/word/2003/auxHint"
AML = "http://schemas.microsoft.com/aml/2001/core"
_W = f"{{{WORDML}}}"
_WX = f"{{{AUX_HINT}}}"
_AML = f"{{{AML}}}"
# w:nfc codes (Word's binary number-format codes) by their ECMA-376 names
NFC_NAMES = (
    "decimal", "upperRoman", "lowerRoman", "upperLetter", "lowerLetter", "ordinal",
    "cardinalText", "ordinalText", "hex", "chicago", "ideographDigital", "japaneseCounting",
    "aiueo", "iroha", "decimalFullWidth", "decimalHalfWidth", "japaneseLegal",
    "japaneseDigitalTenThousand", "decimalEnclosedCircle", "decimalFullWidth2", "aiueoFullWidth",
    "irohaFullWidth", "decimalZero", "bullet", "ganada", "chosung", "decimalEnclosedFullstop",
    "decimalEnclosedParen", "decimalEnclosedCircleChinese", "ideographEnclosedCircle",
    "ideographTraditional", "ideographZodiac", "ideographZodiacTraditional", "taiwaneseCounting",
    "ideographLegalTraditional", "taiwaneseCountingThousand", "taiwaneseDigital",
    "chineseCounting", "chineseLegalSimplified", "chineseCountingThousand",
)  # fmt: skip
NFC_NONE = 255
# Subtrees that hold no running text of the body
_SKIPPED = frozenset({f"{_W}sectPr", f"{_W}footnote", f"{_W}endnote", f"{_W}pPr", f"{_W}rPr", f"{_W}delText"})
_SKIPPED_ANNOTATIONS = frozenset({"Word.Comment", "Word.Deletion"})
_SUFFIXES = {"Tab": "tab", "Space": "space", "Nothing": "nothing"}


def _val(element, path: str) -> str | None:
    """The w:val of the child at ``path`` (w: prefix), or None."""
    child = element.find(path.replace("w:", _W)) if element is not None else None
    return child.get(f"{_W}val") if child is not None else None


def _on(element) -> bool:
    """A WordML on/off property: present and not switched off."""
    return element is not None and element.get(f"{_W}val", "on") not in ("off", "false", "0")


def _skipped(element) -> bool:
    """Whether an element's subtree is left out: header/footer, note, comment, deletion."""
    tag = element.tag
    if tag in _SKIPPED:
        return True
    return tag == f"{_AML}annotation" and element.get(f"{_W}type") in _SKIPPED_ANNOTATIONS


def _parse(data: bytes):
    """The document's root element, parsed safely; InputError for anything but Word 2003 XML."""
    check_depth(data.decode("latin-1"))  # tags are ASCII in every encoding XML allows here
    root = parse_untrusted(data, lambda cause: phrase("corrupt.in-wordml", cause=cause))
    if root is None or root.tag != f"{_W}wordDocument":
        raise InputError("corrupt", error=phrase("corrupt.wordml-root"))
    return root


def _run_text(run) -> str:
    """The characters one w:r shows (none when hidden); soft line breaks become "\\n"."""
    return "" if _on(run.find(f"{_W}rPr/{_W}vanish")) else run_text(run, _W)


def _paragraph_text(paragraph) -> tuple[str, list]:
    """A w:p's own visible text, and the paragraphs of the text boxes it anchors."""
    parts: list[str] = []
    boxes: list = []
    stack = list(reversed(paragraph))
    while stack:
        node = stack.pop()
        if not isinstance(node.tag, str) or _skipped(node):
            continue
        if node.tag == f"{_W}txbxContent":
            boxes.append(node)
        elif node.tag == f"{_W}r":
            parts.append(_run_text(node))
            stack.extend(child for child in reversed(node) if child.tag == f"{_W}pict")
        else:
            stack.extend(reversed(node))
    return "".join(parts), boxes


def _levels(list_def) -> dict[int, Level]:
    """The w:lvl of a w:listDef as docx numbering levels."""
    levels: dict[int, Level] = {}
    for lvl in list_def.iterfind(f"{_W}lvl"):
        nfc = decimal(_val(lvl, "w:nfc"), 0)
        fmt = "none" if nfc == NFC_NONE else NFC_NAMES[nfc] if 0 <= nfc < len(NFC_NAMES) else "decimal"
        levels[level_index(lvl.get(f"{_W}ilvl"))] = Level(
            start=list_number(_val(lvl, "w:start")),
            fmt=fmt,
            text=(_val(lvl, "w:lvlText") or "")[:MAX_LEVEL_TEXT],
            suffix=_SUFFIXES.get(_val(lvl, "w:suff") or "Tab", "tab"),
            legal=_on(lvl.find(f"{_W}isLgl")),
        )
    return levels


def _numbering(root) -> NumberingState:
    """The list counters of w:lists: each w:list (an ilfo) counts by its w:listDef."""
    state = NumberingState()
    lists = root.find(f"{_W}lists")
    if lists is None:
        return state
    definitions = {node.get(f"{_W}listDefId", ""): _levels(node) for node in lists.iterfind(f"{_W}listDef")}
    for node in lists.iterfind(f"{_W}list"):
        ilfo, definition = node.get(f"{_W}ilfo", ""), _val(node, "w:ilst") or ""
        starts = {
            level_index(override.get(f"{_W}ilvl")): list_number(_val(override, "w:startOverride"))
            for override in node.iterfind(f"{_W}lvlOverride")
            if _val(override, "w:startOverride") is not None
        }
        key = f"list:{ilfo}" if starts else f"def:{definition}"
        state.instance_key[ilfo] = key
        state.levels[key] = definitions.get(definition, {})
        if starts:
            state.overrides[ilfo] = starts
    return state


def _marker(paragraph, state: NumberingState) -> str:
    """A numbered paragraph's marker: Word's rendering (wx:t) if written, else replayed.

    Bullets give none, as in the docx reader: they carry no structure."""
    list_pr = paragraph.find(f"{_W}pPr/{_W}listPr")
    if list_pr is None:
        return ""
    ilfo, ilvl = _val(list_pr, "w:ilfo"), level_index(_val(list_pr, "w:ilvl"))
    if ilfo is None:
        return ""
    replayed = state.marker(ilfo, ilvl)  # advances the counters either way
    level = state.levels.get(state.instance_key.get(ilfo, ""), {}).get(ilvl)
    hint = list_pr.find(f"{_WX}t")
    if hint is None or (level is not None and level.fmt in ("bullet", "none")):
        return replayed
    rendered = (hint.get(f"{_WX}val") or "").strip()
    return rendered + " " if rendered and (level is None or level.suffix != "nothing") else rendered


def _paragraphs(container, label: str | None, counters: list[int]) -> Iterator[tuple[Any, str]]:
    """(w:p, location label) in reading order: body paragraphs, table cells, text boxes."""
    for child in container:
        if not isinstance(child.tag, str) or _skipped(child):
            continue
        if child.tag == f"{_W}p":
            if label is None and any(t.text and not t.text.isspace() for t in child.iter(f"{_W}t")):
                counters[0] += 1  # a blank paragraph shares the label of the one before it
            own = label or f"第{max(counters[0], 1)}段"
            for box in _paragraph_text(child)[1]:
                yield from _paragraphs(box, f"{own}的文本框", counters)
            yield child, own
        elif child.tag == f"{_W}tbl":
            counters[1] += 1
            table = counters[1]
            for row_number, row in enumerate(child.iterfind(f"{_W}tr"), start=1):
                for column, cell in enumerate(row.iterfind(f"{_W}tc"), start=1):
                    yield from _paragraphs(cell, f"表格{table}第{row_number}行第{column}列", counters)
        else:  # wx:sect, wx:sub-section, w:hlink, aml:annotation (insertions) …
            yield from _paragraphs(child, label, counters)


def read_wordml_bytes(data: bytes) -> SourceText:
    """Read a Word 2003 XML document (.xml, or a .doc that is one)."""
    root = _parse(data)
    body = root.find(f"{_W}body")
    if body is None:
        raise InputError("empty")
    refuse_too_many_paragraphs(sum(1 for _ in body.iter(f"{_W}p")))  # before the walk: see docx_text
    state = _numbering(root)
    lines: list[str] = []
    labels: list[str] = []
    layout: list[LineLayout | None] = []  # only where a line is a table cell's
    cells = CellFinder(WORDML)
    for paragraph, label in _paragraphs(body, None, [0, 0]):
        text = _paragraph_text(paragraph)[0]
        if not text.strip() and _on(paragraph.find(f"{_W}pPr/{_W}rPr/{_W}vanish")):
            continue  # a wholly hidden paragraph
        hint = with_cell(None, cells.cell(paragraph))
        for piece in (_marker(paragraph, state) + text).split("\n"):
            lines.append(piece)
            labels.append(label)
            layout.append(hint)
    if not any(line.strip() for line in lines):
        raise InputError("empty")
    return SourceText(
        text="\n".join(lines),
        format="wordml",
        encoding=None,
        line_labels=tuple(labels),
        layout=tuple(layout) if any(layout) else None,
    )
