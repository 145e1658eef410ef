"""What the audit keeps of each report for copy detection: part-tagged shingles and texts.

``parts`` is a bit mask per paragraph: which located elements (measures, problems,
next-year plan) it belongs to. The hashes and masks go to SQLite as two packed arrays;
the paragraph texts go zlib-compressed, to quote shared passages later.
"""

from __future__ import annotations

import json
import zlib
from array import array

import msgspec

from checker.audit.shingles import shingle_hashes
from checker.check.locate import Locus
from checker.model import Document

PART_BITS: dict[str, int] = {"measures": 1, "problems": 2, "next-year-plan": 4}
WHOLE = "whole"


class Features(msgspec.Struct, frozen=True):
    hashes: bytes  # array('I')
    masks: bytes  # array('B'), OR of the part bits of every paragraph holding the shingle
    texts: bytes  # zlib(JSON [[mask, line, text], ...])


def extract(document: Document, loci: dict[str, Locus | None]) -> Features:
    """Shingles and texts of the body paragraphs, tagged with the parts they belong to."""
    bits: dict[int, int] = {}
    for element_id, bit in PART_BITS.items():
        locus = loci.get(element_id)
        for paragraph in locus.paragraphs if locus else ():
            bits[paragraph.index] = bits.get(paragraph.index, 0) | bit
    table: dict[int, int] = {}
    rows = []
    for paragraph in document.body_paragraphs():
        mask = bits.get(paragraph.index, 0)
        for value in shingle_hashes(paragraph.text):
            table[value] = table.get(value, 0) | mask
        rows.append([mask, paragraph.line, paragraph.text])
    keys = sorted(table)
    return Features(
        hashes=array("I", keys).tobytes(),
        masks=array("B", (table[k] for k in keys)).tobytes(),
        texts=zlib.compress(json.dumps(rows, ensure_ascii=False).encode("utf-8"), 1),
    )


def load_texts(blob: bytes | None) -> list[tuple[int, int, str]]:
    if not blob:
        return []
    return [tuple(row) for row in json.loads(zlib.decompress(blob).decode("utf-8"))]
