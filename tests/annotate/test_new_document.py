"""The Word document made from a txt, pdf or html report: a current Word document, on A4."""

from __future__ import annotations

import io
import posixpath
import zipfile

import pytest
from lxml import etree

from checker.annotate import annotate
from tests.annotate.helpers import FORMATS, TODAY
from tests.annotate.wordxml import q

RT_SETTINGS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
CT_SETTINGS = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
OVERRIDE = "{http://schemas.openxmlformats.org/package/2006/content-types}Override"


def _settings(data: bytes) -> tuple[etree._Element, str]:
    """The settings part the main document relates to, and its content type."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    rels = etree.fromstring(archive.read("word/_rels/document.xml.rels"))
    (target,) = [r.get("Target") for r in rels.iter(RELS) if r.get("Type") == RT_SETTINGS]
    name = posixpath.normpath(posixpath.join("word", target))
    types = etree.fromstring(archive.read("[Content_Types].xml"))
    (content_type,) = [o.get("ContentType") for o in types.iter(OVERRIDE) if o.get("PartName") == "/" + name]
    return etree.fromstring(archive.read(name)), content_type


@pytest.mark.parametrize("name", ["seed0.txt", "seed2.pdf", "seed1.html"])
def test_the_new_document_opens_in_current_word_not_in_compatibility_mode(name):
    out = annotate((FORMATS / name).read_bytes(), name, today=TODAY)
    settings, content_type = _settings(out.data)
    assert content_type == CT_SETTINGS
    modes = [
        s.get(q("val"))
        for s in settings.iter(q("compatSetting"))
        if s.get(q("name")) == "compatibilityMode"
        and s.get(q("uri")) == "http://schemas.microsoft.com/office/word"
    ]
    assert modes == ["15"]  # what Word 2013 and later write; without it Word shows 兼容模式
    archive = zipfile.ZipFile(io.BytesIO(out.data))
    size = etree.fromstring(archive.read("word/document.xml")).find(f"{q('body')}/{q('sectPr')}/{q('pgSz')}")
    assert (size.get(q("w")), size.get(q("h"))) == ("11906", "16838")  # A4 portrait
