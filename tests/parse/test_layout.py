"""The parser prefers layout hints over text guesses where the reader gives them."""

from __future__ import annotations

from pathlib import Path

import pytest
from msgspec.structs import replace

from checker.api import check_file
from checker.parse.structure import parse_document
from checker.read import read_path
from tests.conftest import SEEDS, TODAY

LAYOUT = Path(__file__).resolve().parent.parent / "fixtures" / "layout"


def statuses(result) -> dict[str, str]:
    return {e.id: e.status for e in result.elements}


@pytest.mark.parametrize(
    "name", ["seed0.laid-out.pdf", "seed0.laid-out.docx", "seed4.laid-out.pdf", "seed4.laid-out.docx"]
)
def test_laid_out_seeds_read_like_their_text(name):
    """Title block (body name + year line), signature and date as in the .txt."""
    key = "00" + name[4]
    laid_out, plain = check_file(LAYOUT / name, today=TODAY), check_file(SEEDS[key], today=TODAY)
    assert statuses(laid_out) == statuses(plain)
    assert laid_out.meta == plain.meta and laid_out.score == plain.score


def test_indented_first_line_starts_a_paragraph_the_text_would_have_joined():
    """ "…严格落实优待抚" fills its line; the next paragraph "2024年，我局没有发生…" starts
    indented. Text alone runs them together; the layout keeps them apart."""
    source = read_path(LAYOUT / "seed0.laid-out.pdf")

    def starts(document) -> bool:
        return any(p.text.startswith("2024年,我局没有发生") for p in document.paragraphs)

    assert starts(parse_document(source))
    assert not starts(parse_document(replace(source, layout=None)))


def test_word_heading_style_without_a_written_marker_is_a_heading():
    source = read_path(LAYOUT / "seed0.laid-out.docx")
    unmarked = replace(source, text=source.text.replace("一、主要举措及成效", "主要举措及成效", 1))
    titles = [s.heading.title for s in parse_document(unmarked).sections]
    assert "主要举措及成效" in titles
    assert "主要举措及成效" not in [
        s.heading.title for s in parse_document(replace(unmarked, layout=None)).sections
    ]


def test_centred_display_line_above_the_title_joins_it():
    """A centred body name that is not shaped like a name (a unit with a long descriptor)
    still belongs to the title block when the layout centres it with the title."""
    source = read_path(LAYOUT / "seed0.laid-out.pdf")
    named = replace(
        source,
        text=source.text.replace("株洲市退役军人事务局", "株洲市退役军人事务局机关党委和办公室联合编制", 1),
    )
    document = parse_document(named)
    assert document.title_text.startswith("株洲市退役军人事务局机关党委和办公室联合编制")
    assert not parse_document(replace(named, layout=None)).title_text.startswith("株洲市退役军人事务局机关")
