"""The OFD reader (GB/T 33190 版式文档) on the seeds: hand-built packages using the spec's
features, easyofd's packages (an independent producer), renamed files and bad input."""

from __future__ import annotations

import io
import zipfile

import pytest

from checker.api import check_file
from checker.read import InputError, read_bytes, read_path
from tests.conftest import SEEDS, TODAY, seed_text
from tests.ofd_build import NS, build, page_content, seed_ofd, seed_pages, text_object
from tests.read_support import fixture, han_coverage, squeeze


def _check(tmp_path, name: str, data: bytes, **options):
    path = tmp_path / name
    path.write_bytes(data)
    return check_file(path, today=TODAY, **options)


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_seed_as_ofd_scores_as_its_txt(key, tmp_path):
    expected = check_file(SEEDS[key], today=TODAY)
    result = _check(tmp_path, f"seed{key}.ofd", seed_ofd(seed_text(key), signed=True))
    assert result.status == "ok", result.error
    assert {e.id: e.status for e in result.elements} == {e.id: e.status for e in expected.elements}
    assert abs(result.score - expected.score) <= 1


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_seed_text_lines_and_page_labels(key):
    text = seed_text(key)
    source = read_bytes(seed_ofd(text), ".ofd")
    pages = seed_pages(text)
    wanted = [line for page in pages for _, line in page]
    # every laid-out line comes back whole, in order: parts written right part first, through a
    # CTM, with DeltaX as a list, as "g N v" or not at all, all joined on their baseline
    assert [squeeze(line) for line in source.text.split("\n")] == [squeeze(line) for line in wanted]
    # template header (line 1 of each page) and "— N —" footers are furniture, not text
    assert "公开发布稿" not in source.text and "—" not in source.text.replace("——", "")
    assert "样本仅供参考" not in source.text  # tilted watermark object
    assert "内部资料" not in source.text  # watermark annotation
    assert source.format == "ofd"
    labels = [f"第{page}页第{row + 2}行" for page, lines in enumerate(pages, 1) for row in range(len(lines))]
    assert list(source.line_labels) == labels


def test_findings_cite_the_page_and_line(tmp_path):
    result = _check(tmp_path, "report.ofd", seed_ofd(seed_text("000")))
    source = read_path(tmp_path / "report.ofd")
    located = [f for f in result.findings if f.line is not None]
    assert located
    for finding in located:
        assert finding.location is not None and finding.location.startswith(source.label(finding.line))
        assert finding.location.startswith("第")


def test_text_objects_out_of_order_and_xy_inherited():
    pieces = [
        text_object(1, 52.4, 50, "建设情况报告"),
        text_object(2, 30, 50, "法治政府"),
        text_object(3, 30, 70, "第二行在第一行之后"),
        text_object(4, 30, 60, "中间一行的文字内容"),
    ]
    # a TextCode without X/Y continues from the previous one's origin (GB/T 33190 table 60)
    inherit = (
        '<ofd:TextObject ID="9" Boundary="30 80 150 10" Size="5.6"><ofd:TextCode X="0" Y="5.6"'
        ' DeltaX="5.6">年度</ofd:TextCode><ofd:TextCode X="20" DeltaX="g 2 5.6">工作总</ofd:TextCode>'
        "</ofd:TextObject>"
    )
    content = (
        f'<ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer ID="1">'
        + "".join(pieces)
        + inherit
        + "</ofd:Layer></ofd:Content></ofd:Page>"
    )
    source = read_bytes(build([content], header=None, watermark=None), ".ofd")
    assert source.text.split("\n") == [
        "法治政府建设情况报告",
        "中间一行的文字内容",
        "第二行在第一行之后",
        "年度 工作总",
    ]


def test_delta_y_stacks_characters_as_lines():
    column = (
        '<ofd:TextObject ID="1" Boundary="30 40 10 80" Size="5">'
        '<ofd:TextCode X="0" Y="5" DeltaY="g 3 10">法治政府</ofd:TextCode></ofd:TextObject>'
    )
    body = text_object(2, 60, 45, "这是一段足够长的正文文字内容用来读取")
    layer = f'<ofd:Layer ID="1">{column}{body}</ofd:Layer>'
    content = f'<ofd:Page xmlns:ofd="{NS}"><ofd:Content>{layer}</ofd:Content></ofd:Page>'
    lines = read_bytes(build([content], header=None, watermark=None), ".ofd").text.split("\n")
    assert lines[0].startswith("法") and [line[0] for line in lines[1:4]] == ["治", "政", "府"]


def test_any_namespace_and_relative_or_absolute_locations():
    text = seed_text("002")
    pages = [page_content(lines, n) for n, lines in enumerate(seed_pages(text), 1)]
    data = build(pages, namespace="http://example.invalid/ofd")
    assert han_coverage(text, read_bytes(data, ".ofd").text) > 0.99
    # absolute locations ("/Doc_0/…") as some producers write them
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "Doc_0/Document.xml":
                content = content.replace(b'BaseLoc="Pages/', b'BaseLoc="/Doc_0/Pages/')
            target.writestr(item, content)
    assert han_coverage(text, read_bytes(out.getvalue(), ".ofd").text) > 0.99


def test_easyofd_fixtures_read_like_the_pdf():
    for name in ("seed0", "seed2"):
        ofd = read_path(fixture(f"{name}.ofd"))
        pdf = read_path(fixture(f"{name}.pdf"))
        assert han_coverage(pdf.text, ofd.text) > 0.98
        assert ofd.line_labels is not None and ofd.line_labels[0].startswith("第1页")


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".doc", ".wps"])
def test_ofd_under_another_name_is_read_as_ofd(suffix):
    data = seed_ofd(seed_text("001"))
    assert read_bytes(data, suffix).format == "ofd"


@pytest.mark.parametrize(
    ("name", "fmt"), [("seed0.pdf", "pdf"), ("seed1.docx", "docx"), ("seed3.html", "html")]
)
def test_other_formats_named_ofd_are_read_as_what_they_are(name, fmt):
    source = read_bytes(fixture(name).read_bytes(), ".ofd")
    assert source.format.startswith(fmt)


def _replace(data: bytes, name: str, content: bytes | None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            if item.filename != name:
                target.writestr(item, source.read(item))
        if content is not None:
            target.writestr(name, content)
    return out.getvalue()


GOOD = seed_ofd(seed_text("000"))
PAGE = "Doc_0/Pages/Page_0/Content.xml"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (seed_ofd(seed_text("000"), encrypted=True), "encrypted"),
        (_replace(GOOD, "Encryptions.xml", b"<x/>"), "encrypted"),
        (GOOD[: len(GOOD) // 2], "corrupt"),
        (_replace(GOOD, PAGE, None), "corrupt"),
        (_replace(GOOD, PAGE, b"<ofd:Page xmlns:ofd='x'><ofd:Content>"), "corrupt"),
        (_replace(GOOD, PAGE, b"<a>" * 300 + b"</a>" * 300), "too-deep"),
        (_replace(GOOD, "OFD.xml", b"<html/>"), "corrupt"),
        (_replace(GOOD, "OFD.xml", b'<!DOCTYPE x [<!ENTITY a "aaaa">]><OFD>&a;</OFD>'), "corrupt"),
        (build([f'<ofd:Page xmlns:ofd="{NS}"/>'], header=None), "no-text"),
        (b"not an ofd at all, only some words", "corrupt"),
    ],
    ids=[
        "encryptions-entry",
        "encryptions-part",
        "truncated",
        "missing-page",
        "broken-xml",
        "deep",
        "no-ofd-root",
        "doctype",
        "images-only",
        "text",
    ],
)
def test_bad_ofd_gets_a_code(data, code):
    with pytest.raises(InputError) as caught:
        read_bytes(data, ".ofd")
    assert caught.value.code == code


def test_zip_bomb_and_too_many_pages():
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        with zipfile.ZipFile(io.BytesIO(GOOD)) as source:
            for item in source.infolist():
                archive.writestr(item, source.read(item))
        archive.writestr("Doc_0/Res/blank.bin", b"\0" * (24 * 1024 * 1024))
    with pytest.raises(InputError) as caught:
        read_bytes(bomb.getvalue(), ".ofd")
    assert caught.value.code == "zip-bomb"
    many = _replace(
        GOOD,
        "Doc_0/Document.xml",
        f'<ofd:Document xmlns:ofd="{NS}"><ofd:Pages>'.encode()
        + b'<ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/>' * 5001
        + b"</ofd:Pages></ofd:Document>",
    )
    with pytest.raises(InputError) as caught:
        read_bytes(many, ".ofd")
    assert caught.value.code == "too-many-pages"


def test_errors_are_told_in_the_users_language(tmp_path):
    data = seed_ofd(seed_text("000"), encrypted=True)
    assert "加密" in _check(tmp_path, "a.ofd", data).error.message
    assert "encrypted" in _check(tmp_path, "b.ofd", data, lang="en").error.message
    images = build([f'<ofd:Page xmlns:ofd="{NS}"/>'], header=None)
    assert "OFD" in _check(tmp_path, "c.ofd", images).error.message
    assert "only images" in _check(tmp_path, "d.ofd", images, lang="en").error.message
    missing = _check(tmp_path, "e.ofd", _replace(GOOD, PAGE, None), lang="en").error.message
    assert "lacks a required part" in missing


def test_reading_a_txt_does_not_import_the_ofd_reader():
    import subprocess
    import sys

    code = (
        "import sys; from checker.api import check_file; "
        f"check_file({str(SEEDS['000'])!r}); "
        "print([m for m in sys.modules if m.startswith('checker.read.ofd')])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_annotate_makes_a_new_docx_of_an_ofd_as_of_a_pdf():
    from checker.annotate import annotate_bytes

    data = annotate_bytes(seed_ofd(seed_text("000")), "报告.ofd", today=TODAY)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        document = archive.read("word/document.xml").decode("utf-8")
        assert "word/comments.xml" in archive.namelist()
    assert "株洲市退役军人事务局" in document


def test_ofd_is_listed_wherever_formats_are(tmp_path):
    from click.testing import CliRunner

    from checker.cli import main
    from checker.i18n import t
    from checker.run.collect import collect_paths

    (tmp_path / "报告.ofd").write_bytes(GOOD)
    assert collect_paths([tmp_path]) == [tmp_path / "报告.ofd"]  # audit and check find it
    assert "ofd" in t("error.unsupported", "zh", suffix=".x") and "ofd" in t(
        "error.unsupported", "en", suffix=".x"
    )
    for lang in ("zh", "en"):
        assert "ofd" in CliRunner().invoke(main, ["--lang", lang, "check", "--help"]).output
    formats = (SEEDS["000"].parents[1] / "README.md").read_text(encoding="utf-8").split("## Formats")[1]
    assert "| ofd |" in formats
