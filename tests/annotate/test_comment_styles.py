"""The comments annotate adds are drawn in Word's comment styles, which the document defines.

A style id the document does not define makes Word draw the comment in the Normal style: in a
公文, 三号仿宋 with an indent, in the balloon. The styles are the document's own when it has
them (a Chinese Word names them "a7" …), added once when it has none, and a package without a
styles part gets one.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from checker.annotate import annotate
from tests.annotate.helpers import FORMATS, TODAY, seed_docx
from tests.annotate.wordxml import rewrite_members

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
REPORTS = Path(__file__).resolve().parents[2] / "reports"
LAYOUT = Path(__file__).resolve().parents[1] / "fixtures" / "layout"


def _part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def _styles(data: bytes) -> dict[str, tuple[str, str]]:
    """styleId → (type, name) of the styles part the document's relationship names."""
    root = docx.Document(io.BytesIO(data)).styles.element
    found = {}
    for style in root.iterfind("w:style", NS):
        name = style.find("w:name", NS)
        label = "" if name is None else name.get(f"{{{W}}}val")
        found[style.get(f"{{{W}}}styleId")] = (style.get(f"{{{W}}}type"), label)
    return found


def _comment_style_uses(data: bytes) -> tuple[set[str], set[str]]:
    """(paragraph styles of the comments' paragraphs, character styles of the reference marks
    in the body and in the comments)."""
    document = _part(data, "word/document.xml")
    comments = _part(data, "word/comments.xml")
    references = {
        run.get(f"{{{W}}}val")
        for root, mark in ((document, "commentReference"), (comments, "annotationRef"))
        for run in root.iterfind(f".//w:r[w:{mark}]/w:rPr/w:rStyle", NS)
    }
    texts = {style.get(f"{{{W}}}val") for style in comments.iterfind(".//w:p/w:pPr/w:pStyle", NS)}
    return texts, references


def _assert_defined(data: bytes) -> tuple[str, str]:
    styles = _styles(data)
    texts, references = _comment_style_uses(data)
    assert len(texts) == 1 and len(references) == 1, (texts, references)
    (text,), (reference,) = texts, references
    assert styles.get(text) == ("paragraph", "annotation text"), styles.get(text)
    assert styles.get(reference) == ("character", "annotation reference"), styles.get(reference)
    names = [name for _kind, name in styles.values()]
    assert names.count("annotation text") == 1 and names.count("annotation reference") == 1
    return text, reference


DOCX = sorted(FORMATS.glob("seed*.docx")) + sorted(LAYOUT.glob("*.docx"))


@pytest.mark.parametrize("path", DOCX, ids=[p.name for p in DOCX])
def test_the_comment_styles_are_defined_in_the_annotated_document(path):
    out = annotate(path.read_bytes(), path.name, today=TODAY, fix=True)
    assert out.comments > 0
    assert _assert_defined(out.data) == ("CommentText", "CommentReference")


def test_a_new_document_from_text_defines_them_too():
    path = REPORTS / "003_b4af584f926d2a40.txt"
    out = annotate(path.read_bytes(), path.name, today=TODAY)
    assert out.comments > 0
    _assert_defined(out.data)


def _with_styles_part(data: bytes, edit) -> bytes:
    """The package with its styles part replaced by ``edit(xml text)``."""
    return rewrite_members(data, {"word/styles.xml": lambda xml: edit(xml.decode("utf-8")).encode("utf-8")})


CHINESE_WORD_STYLES = (
    '<w:style w:type="paragraph" w:styleId="a7"><w:name w:val="annotation text"/>'
    '<w:basedOn w:val="a"/><w:rPr><w:sz w:val="21"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="a9"><w:name w:val="annotation reference"/>'
    '<w:rPr><w:sz w:val="21"/></w:rPr></w:style>'
)


def test_a_document_with_its_own_comment_styles_keeps_them():
    data = _with_styles_part(
        seed_docx(1), lambda xml: xml.replace("</w:styles>", CHINESE_WORD_STYLES + "</w:styles>")
    )
    out = annotate(data, "seed1.docx", today=TODAY)
    assert _assert_defined(out.data) == ("a7", "a9")
    with zipfile.ZipFile(io.BytesIO(data)) as before, zipfile.ZipFile(io.BytesIO(out.data)) as after:
        assert after.read("word/styles.xml") == before.read("word/styles.xml")  # nothing to add


def test_style_ids_already_taken_by_other_styles_are_not_reused():
    taken = (
        '<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="Body Text Custom"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="CommentReference"><w:name w:val="Another"/></w:style>'
    )
    data = _with_styles_part(seed_docx(2), lambda xml: xml.replace("</w:styles>", taken + "</w:styles>"))
    out = annotate(data, "seed2.docx", today=TODAY)
    assert _assert_defined(out.data) == ("CommentText1", "CommentReference1")


def _without_styles(data: bytes) -> bytes:
    """The package with no styles part, no relationship to it and no content type for it."""

    def unlinked(xml: bytes) -> bytes:
        return re.sub(rb"<(Relationship|Override)[^>]*styles\.xml\"[^>]*/>", b"", xml)

    return rewrite_members(
        data,
        {
            "word/styles.xml": lambda _: None,
            "word/_rels/document.xml.rels": unlinked,
            "[Content_Types].xml": unlinked,
        },
    )


def test_a_package_without_styles_gets_a_styles_part():
    data = _without_styles(seed_docx(0))
    assert "word/styles.xml" not in zipfile.ZipFile(io.BytesIO(data)).namelist()
    out = annotate(data, "seed0.docx", today=TODAY)
    members = zipfile.ZipFile(io.BytesIO(out.data)).namelist()
    assert "word/styles.xml" in members
    types = _part(out.data, "[Content_Types].xml")
    overrides = {o.get("PartName"): o.get("ContentType") for o in types}
    assert overrides["/word/styles.xml"].endswith("wordprocessingml.styles+xml")
    assert _assert_defined(out.data) == ("CommentText", "CommentReference")
    # no default styles to build on: the added ones stand alone
    styles = _part(out.data, "word/styles.xml")
    assert styles.find("w:style/w:basedOn", NS) is None
