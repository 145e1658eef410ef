"""A located part's Han-character counts are those of its texts, however they are worked out."""

from __future__ import annotations

from checker.check.locate import locate_elements
from checker.parse.structure import parse_document
from checker.read import read_path
from checker.text.sentences import han_count
from tests.conftest import SEEDS


def test_counts_equal_counting_the_texts(national):
    checked = 0
    for path in SEEDS.values():
        for locus in locate_elements(parse_document(read_path(path)), national).values():
            if locus is None:
                continue
            assert locus.body_han_count == han_count(locus.body_text)
            assert locus.text_han_count == han_count(locus.text)
            checked += 1
    assert checked > 20


def test_run_in_heading_counts_in_the_text_not_the_body(national):
    for path in SEEDS.values():
        loci = locate_elements(parse_document(read_path(path)), national)
        for locus in loci.values():
            if locus is not None and any(s.heading.run_in for s in locus.sections):
                title_chars = sum(han_count(s.heading.title) for s in locus.sections if s.heading.run_in)
                assert locus.text_han_count - locus.body_han_count >= title_chars > 0
                return
    raise AssertionError("no seed has a part with a run-in heading")
