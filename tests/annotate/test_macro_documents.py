"""A .docm or a template annotated comes back as a .docx Word opens: the main part's content type
is a document's and the link to its macros is gone (the input file is not touched)."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from checker.annotate import annotate
from checker.read.docx_package import WORD_DOCUMENT
from tests.annotate.helpers import TODAY, seed_docx

MACRO_DOCUMENT = "application/vnd.ms-word.document.macroEnabled.main+xml"
TEMPLATE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"


def _as(content_type: str, with_macros: bool) -> bytes:
    """Seed 0's docx with another main content type, and a VBA project linked if asked."""
    source = zipfile.ZipFile(io.BytesIO(seed_docx(0)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(WORD_DOCUMENT.encode(), content_type.encode())
                if with_macros:  # as Word writes a .docm: the project's type by its extension
                    bin_type = (
                        b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
                    )
                    data = data.replace(b"<Default ", bin_type + b"<Default ", 1)
            if info.filename == "word/_rels/document.xml.rels" and with_macros:
                link = f'<Relationship Id="rIdVba" Type="{VBA}" Target="vbaProject.bin"/>'
                data = data.replace(b"</Relationships>", link.encode() + b"</Relationships>")
            target.writestr(info, data)
        if with_macros:
            target.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 not a real project")
    return out.getvalue()


@pytest.mark.parametrize(("content_type", "with_macros"), [(MACRO_DOCUMENT, True), (TEMPLATE, False)])
def test_the_annotated_copy_is_a_plain_document(content_type, with_macros):
    original = _as(content_type, with_macros)
    out = annotate(original, "report.docm", today=TODAY).data
    package = zipfile.ZipFile(io.BytesIO(out))
    types = package.read("[Content_Types].xml").decode()
    assert WORD_DOCUMENT in types and content_type not in types
    assert VBA not in package.read("word/_rels/document.xml.rels").decode()
    assert docx.Document(io.BytesIO(out)).paragraphs  # python-docx, strict on the type, opens it
    assert content_type.encode() in zipfile.ZipFile(io.BytesIO(original)).read("[Content_Types].xml")
