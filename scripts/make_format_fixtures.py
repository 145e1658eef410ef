"""Make the reader test fixtures in tests/fixtures/formats/ from the five seed reports.

Run from the repository root: ``python scripts/make_format_fixtures.py``. Needs python-docx,
opencc and LibreOffice (``soffice``) on PATH. Output is deterministic apart from the
timestamps LibreOffice writes into docx/pdf/doc files. See tests/fixtures/formats/README.md.
"""

from __future__ import annotations

import random
import re
import shutil
import struct
import subprocess
import tempfile
import zipfile
from io import BytesIO
from pathlib import Path

import docx
import opencc
from docx.enum.section import WD_SECTION
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "reports").glob("*.txt"))
OUT = ROOT / "tests" / "fixtures" / "formats"
BAD = OUT / "bad"

HAN_DIGITS = "一二三四五六七八九十"
LEVEL_PATTERNS = (
    re.compile(r"^([一二三四五六七八九十]+)、"),
    re.compile(r"^（([一二三四五六七八九十]+)）"),
    re.compile(r"^(\d+)\."),
)
# Footer text per seed: how the page number is written on the printed page.
FOOTERS = ("— {PAGE} —", "-{PAGE}-", "第 {PAGE} 页 共 {NUMPAGES} 页", "— {PAGE} —", "{PAGE}")
# LibreOffice embeds ~50 KB of CJK font per PDF page set, so only these seeds get a PDF.
PDF_SEEDS = (0, 2)
# python-docx's template carries 26 KB of styles-with-effects and a thumbnail Word never needs.
DROPPED_PARTS = ("word/stylesWithEffects.xml", "docProps/thumbnail.jpeg")
RUNNING_HEADER = "公开发布稿"

NUMBERING_XML = (
    f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
    '<w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:suff w:val="nothing"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/>'
    '<w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/>'
    '<w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%3."/><w:lvlJc w:val="left"/>'
    '<w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>'
    "</w:abstractNum>"
)
NUM_ID = 90


def seed_paragraphs(path: Path) -> list[str]:
    """Non-empty lines of a seed report, stripped: one paragraph each."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip()]


def chinese_number(value: int) -> str:
    if value <= 10:
        return HAN_DIGITS[value - 1]
    tens, units = divmod(value, 10)
    head = "" if tens == 1 else HAN_DIGITS[tens - 1]
    return head + "十" + (HAN_DIGITS[units - 1] if units else "")


def plan_numbering(paragraphs: list[str]) -> list[tuple[int | None, str]]:
    """(level, text without marker) where Word numbering reproduces the literal marker exactly.

    Simulates Word's counters (a level restarts after a numbered paragraph of a higher
    level) and keeps the marker literal wherever numbering would print something else.
    """
    counters = [0, 0, 0]
    plan: list[tuple[int | None, str]] = []
    for text in paragraphs:
        chosen: tuple[int | None, str] = (None, text)
        for level, pattern in enumerate(LEVEL_PATTERNS):
            match = pattern.match(text)
            if not match:
                continue
            value = counters[level] + 1
            expected = (
                f"{chinese_number(value)}、",
                f"（{chinese_number(value)}）",
                f"{value}.",
            )[level]
            if match.group(0) == expected and len(text) > len(expected):
                counters[level] = value
                for deeper in range(level + 1, 3):
                    counters[deeper] = 0
                chosen = (level, text[len(expected) :])
            break
        plan.append(chosen)
    return plan


def add_field(paragraph, instr: str) -> None:
    run = paragraph.add_run()
    run._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="begin"/>'))
    run = paragraph.add_run()
    run._r.append(parse_xml(f'<w:instrText {nsdecls("w")} xml:space="preserve"> {instr} </w:instrText>'))
    run = paragraph.add_run()
    run._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="separate"/>'))
    paragraph.add_run("1")
    run = paragraph.add_run()
    run._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>'))


def add_footer_text(paragraph, template: str) -> None:
    for part in re.split(r"(\{PAGE\}|\{NUMPAGES\})", template):
        if part == "{PAGE}":
            add_field(paragraph, "PAGE")
        elif part == "{NUMPAGES}":
            add_field(paragraph, "NUMPAGES")
        elif part:
            paragraph.add_run(part)


def set_east_asian_font(document, name: str) -> None:
    style = document.styles["Normal"]
    style.font.size = Pt(16)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), name)


def build_docx(paragraphs: list[str], footer: str, *, numbered: bool, table_at: int) -> bytes:
    """A report as Word would hold it: numbered headings, header, page-number footer, a table."""
    document = docx.Document()
    set_east_asian_font(document, "仿宋_GB2312")
    section = document.sections[0]
    section.header.paragraphs[0].text = RUNNING_HEADER
    add_footer_text(section.footer.paragraphs[0], footer)
    numbering = document.part.numbering_part.element
    if numbered:
        first_num = numbering.find(qn("w:num"))
        abstract = parse_xml(NUMBERING_XML)
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        numbering.append(
            parse_xml(f'<w:num {nsdecls("w")} w:numId="{NUM_ID}"><w:abstractNumId w:val="90"/></w:num>')
        )
    plan = plan_numbering(paragraphs) if numbered else [(None, p) for p in paragraphs]
    for index, (level, text) in enumerate(plan):
        if index == table_at:  # one paragraph inside a table, as layout tables hold them
            paragraph = document.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0]
            paragraph.text = text
        else:
            paragraph = document.add_paragraph(text)
        if level is not None:
            ppr = paragraph._p.get_or_add_pPr()
            ppr.append(
                parse_xml(
                    f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{NUM_ID}"/></w:numPr>'
                )
            )
        if index == 1:  # a bookmark, as Word leaves around headings; must not leak into text
            paragraph._p.insert(1, parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="0" w:name="_Toc1"/>'))
            paragraph._p.append(parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="0"/>'))
    buffer = BytesIO()
    document.save(buffer)
    return slim_docx(buffer.getvalue())


def build_two_column_docx(paragraphs: list[str], footer: str) -> bytes:
    """A report as a gazette prints it: the first two lines across the page, the rest in two
    columns (10.5 pt, a 1.2-character gutter), a centred page-number footer."""
    document = docx.Document()
    set_east_asian_font(document, "仿宋_GB2312")
    document.styles["Normal"].font.size = Pt(10.5)
    add_footer_text(document.sections[0].footer.paragraphs[0], footer)
    document.sections[0].footer.paragraphs[0].alignment = 1
    for text in paragraphs[:2]:
        document.add_paragraph(text).alignment = 1
    columns = document.add_section(WD_SECTION.CONTINUOUS)
    columns._sectPr.append(parse_xml(f'<w:cols {nsdecls("w")} w:num="2" w:space="250"/>'))
    for text in paragraphs[2:]:
        document.add_paragraph(text)
    buffer = BytesIO()
    document.save(buffer)
    return slim_docx(buffer.getvalue())


def slim_docx(data: bytes) -> bytes:
    """Drop unused template parts (and their references) so the fixture stays small."""
    out = BytesIO()
    with (
        zipfile.ZipFile(BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target,
    ):
        for info in source.infolist():
            if info.filename in DROPPED_PARTS:
                continue
            content = source.read(info.filename)
            if info.filename.endswith((".rels", "[Content_Types].xml")):
                text = content.decode("utf-8")
                for part in DROPPED_PARTS:
                    name = part.rsplit("/", 1)[1]
                    text = re.sub(rf"<[^<>]*{re.escape(name)}[^<>]*/>", "", text)
                content = text.encode("utf-8")
            target.writestr(info.filename, content)
    return out.getvalue()


PAGE_TEMPLATES = (
    # 0: classic TRS portal, metadata table, content in #zoom/.TRS_Editor, title in h1
    """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title}_{site}</title>
<meta name="ArticleTitle" content="{title}">
<script type="text/javascript">var note = "法治政府建设 脚本内容不应出现";</script>
<style>.nav li {{ float: left; }}</style></head>
<body>
<div class="top"><a href="/">{site}</a> 无障碍 | 长者模式 | 登录</div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/bsfw">办事服务</a></li><li><a href="/hdjl">互动交流</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a>
&gt; 法治政府建设年度报告</div>
<table class="xxgk_table" border="1">
<tr><td>索&nbsp;引&nbsp;号：</td><td>{index_no}</td><td>发布机构：</td><td>{agency}</td></tr>
<tr><td>成文日期：</td><td>{written}</td><td>发布日期：</td><td>{published}</td></tr>
<tr><td>文　　号：</td><td>{doc_no}</td><td>主题分类：</td><td>法治政府建设</td></tr>
</table>
<div class="article">
<h1 class="article-title">{title}</h1>
<div class="info">发布时间：{published} 来源：{agency} 字号：[大 中 小] 浏览次数：1024</div>
<div id="zoom" class="TRS_Editor">
{body}
</div>
<div class="bdsharebuttonbox share">分享到：微信 微博 QQ空间</div>
<div class="print">【打印本页】【关闭窗口】</div>
</div>
<div class="footer">主办单位：{site} 版权所有 网站标识码：4302000001 湘ICP备05000001号
<p>技术支持：某某信息技术有限公司 联系电话：0731-12345678</p></div>
</body></html>
""",
    # 1: metadata as "key：value" spans, content in an unnamed div (most-Han fallback), <br> lines
    """<!doctype html>
<html lang="zh-CN"><head><meta charset="{charset}">
<title>{title}-{site}</title></head>
<body>
<header><nav><a href="/">网站首页</a> <a href="/xxgk">信息公开</a> <a href="/zxft">在线访谈</a></nav></header>
<div class="main-box">
<div class="meta-row"><span>索引号：{index_no}</span> <span>发布机构：{agency}</span></div>
<div class="meta-row"><span>成文日期：{written}</span> <span>发布日期：{published}</span>
<span>文号：{doc_no}</span></div>
<div class="left-col"><ul><li>通知公告</li><li>政策文件</li><li>规划计划</li></ul></div>
<div class="x7f3a">
{body}
</div>
<div class="relate">相关链接：<a>上一篇：关于开展普法宣传的通知</a>
<a>下一篇：政府信息公开工作年度报告</a></div>
</div>
<footer>版权所有：{site} 主办 网站地图 联系我们</footer>
</body></html>
""",
    # 2: UTF-8 CMS page with .article-content and a title only in <title>
    """<!DOCTYPE html>
<html><head>
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title} - {site}</title>
</head><body>
<div id="header"><div class="logo">{site}</div><div class="search">搜索 站内搜索</div></div>
<div class="breadcrumb">首页 / 专题专栏 / 法治政府建设</div>
<div class="detail">
<div class="article-content">
{body}
</div>
<div class="share-bar">分享： 微信 微博</div>
</div>
<div id="footer">{site}版权所有 | 备案号：豫ICP备00000001号 | 政府网站标识码 4100000001</div>
<script>document.write("统计代码");</script>
</body></html>
""",
)


def html_body(paragraphs: list[str], style: int) -> str:
    escape = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
    safe = ["".join(escape.get(ch, ch) for ch in p) for p in paragraphs]
    if style == 1:  # one <p> holding <br>-separated lines, as some CMS editors save
        half = len(safe) // 2
        return "<p>" + "<br>\n".join(safe[:half]) + "</p>\n<div>" + "<br/>".join(safe[half:]) + "</div>"
    return "\n".join(f'<p style="text-indent:2em;">{p}</p>' for p in safe)


def publication_dates(paragraphs: list[str]) -> tuple[str, str]:
    """成文日期 and 发布日期 a portal would show for this seed: its own date (else 23 January of
    the following year) and the day after — well before the 1 April deadline."""
    import datetime as dt

    from checker.api import check_text

    meta = check_text("\n".join(paragraphs)).meta
    fallback = dt.date((meta.year or 2024) + 1, 1, 23)
    written = dt.date.fromisoformat(meta.date) if meta.date else fallback
    return written.isoformat(), (written + dt.timedelta(days=1)).isoformat()


def build_html(paragraphs: list[str], seed_no: int) -> tuple[str, str]:
    """(html text, charset) for one seed in one of the portal templates."""
    style = seed_no % 3
    charset = ("gb2312", "utf-8", "utf-8", "GBK", "utf-8")[seed_no]
    agency = paragraphs[-2] if len(paragraphs[-2]) < 20 else "退役军人事务局"
    title_lines = [p for p in paragraphs[:2] if len(p) < 30 and "报告" in "".join(paragraphs[:2])]
    title = "".join(title_lines).replace(" ", "") or f"{agency}法治政府建设年度报告"
    body_lines = paragraphs
    if style == 0 and seed_no == 3:  # title only in the h1, not repeated in the body
        body_lines = paragraphs[len(title_lines) :]
    written, published = publication_dates(paragraphs)
    page = PAGE_TEMPLATES[style].format(
        charset=charset,
        title=title,
        site=f"{agency}门户网站",
        agency=agency,
        index_no=f"11430200MB15{seed_no:02d}7X/2025-0001{seed_no}",
        written=written,
        published=published,
        doc_no=f"退役军人〔2025〕{seed_no + 1}号",
        body=html_body(body_lines, style),
    )
    return page, charset


def soffice_convert(sources: list[Path], target: str, outdir: Path) -> None:
    profile = Path(tempfile.mkdtemp(prefix="fzcheck-lo-"))
    try:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(outdir),
                *map(str, sources),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def write_two_column_pdf(paragraphs: list[str], work: Path) -> None:
    """two-column-seed4.pdf: seed 4 printed in two columns."""
    source = work / "columns" / "two-column-seed4.docx"
    source.parent.mkdir(exist_ok=True)
    source.write_bytes(build_two_column_docx(paragraphs, "— {PAGE} —"))
    soffice_convert([source], "pdf", OUT)


def write_texts(seeds: list[list[str]], raw: list[str]) -> None:
    """The same seed texts in the encodings and newline styles reports arrive in."""
    (OUT / "seed0.txt").write_bytes(raw[0].replace("\n", "\r\n").encode("utf-8-sig"))
    (OUT / "seed1.gbk.txt").write_bytes(raw[1].replace("\n", "\r").encode("gbk"))
    (OUT / "seed2.utf16le.txt").write_bytes(raw[2].encode("utf-16-le"))
    (OUT / "seed3.utf16be.txt").write_bytes(b"\xfe\xff" + raw[3].encode("utf-16-be"))
    traditional = opencc.OpenCC("s2tw.json").convert(raw[4])
    (OUT / "seed4.big5.txt").write_bytes(traditional.encode("big5"))
    (OUT / "seed0.gb18030.txt").write_bytes(raw[0].encode("gb18030"))


def minimal_cfb(stream_names: list[str]) -> bytes:
    """A tiny valid OLE compound file whose root holds empty streams with these names.

    An encrypted .docx is such a file with 'EncryptionInfo' and 'EncryptedPackage'.
    """
    sector = 512
    header = bytearray(sector)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<I", header, 0x2C, 1)  # FAT sectors
    struct.pack_into("<I", header, 0x30, 1)  # first directory sector
    struct.pack_into("<I", header, 0x38, 4096)  # mini stream cutoff
    struct.pack_into("<IIII", header, 0x3C, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    struct.pack_into("<I", header, 0x4C, 0)  # DIFAT[0] = sector 0 holds the FAT
    for i in range(1, 109):
        struct.pack_into("<I", header, 0x4C + 4 * i, 0xFFFFFFFF)
    fat = bytearray(b"\xff" * sector)
    struct.pack_into("<II", fat, 0, 0xFFFFFFFD, 0xFFFFFFFE)  # FAT sector, directory chain end
    entries = bytearray()

    def entry(name: str, kind: int, child: int, right: int) -> bytes:
        raw_name = (name + "\0").encode("utf-16-le")
        record = bytearray(128)
        record[0 : len(raw_name)] = raw_name
        struct.pack_into("<HBB", record, 64, len(raw_name), kind, 1)
        struct.pack_into("<III", record, 68, 0xFFFFFFFF, right, child)
        struct.pack_into("<II", record, 116, 0xFFFFFFFE, 0)
        return bytes(record)

    entries += entry("Root Entry", 5, 1 if stream_names else 0xFFFFFFFF, 0xFFFFFFFF)
    for i, name in enumerate(stream_names):
        right = i + 2 if i + 1 < len(stream_names) else 0xFFFFFFFF
        entries += entry(name, 2, 0xFFFFFFFF, right)
    entries += bytes(sector - len(entries) % sector) if len(entries) % sector else b""
    return bytes(header) + bytes(fat) + bytes(entries[:sector])


def write_bad_inputs(good_docx: bytes, good_pdf: bytes) -> None:
    BAD.mkdir(parents=True, exist_ok=True)
    (BAD / "empty.txt").write_bytes(b"")
    (BAD / "blank.docx").write_bytes(b"")
    rng = random.Random(4)
    (BAD / "binary.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    (BAD / "truncated.docx").write_bytes(good_docx[: len(good_docx) // 2])
    (BAD / "notazip.docx").write_bytes(b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(600)))
    (BAD / "truncated.pdf").write_bytes(good_pdf[:2000])
    (BAD / "unknown.xyz").write_bytes("法治政府建设年度报告".encode())
    (BAD / "encrypted.docx").write_bytes(minimal_cfb(["EncryptionInfo", "EncryptedPackage"]))
    # a docx whose one extra entry inflates 24 MB of zeros from ~24 KB on disk
    buffer = BytesIO()
    with (
        zipfile.ZipFile(BytesIO(good_docx)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb,
    ):
        for info in source.infolist():
            bomb.writestr(info.filename, source.read(info.filename))
        bomb.writestr("word/media/image1.png", bytes(24 * 1024 * 1024))
    (BAD / "bomb.docx").write_bytes(buffer.getvalue())
    (BAD / "scanned.pdf").write_bytes(image_only_pdf())


def image_only_pdf() -> bytes:
    """A one-page PDF whose page is a picture of stripes: no text layer, like a scan."""
    import zlib

    width, height = 200, 100
    rows = b"".join(bytes([0x00 if (y // 10) % 2 else 0xFF] * width) for y in range(height))
    image = zlib.compress(rows)
    content = b"q 400 0 0 200 100 500 cm /Im1 Do Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
        % (width, height, len(image), image),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    raw = [path.read_text(encoding="utf-8") for path in SEEDS]
    seeds = [seed_paragraphs(path) for path in SEEDS]
    write_texts(seeds, raw)
    work = Path(tempfile.mkdtemp(prefix="fzcheck-fixtures-"))
    try:
        plain_docs = []
        for number, paragraphs in enumerate(seeds):
            numbered = build_docx(paragraphs, FOOTERS[number], numbered=True, table_at=5)
            (OUT / f"seed{number}.docx").write_bytes(numbered)
            (work / f"seed{number}.docx").write_bytes(numbered)
            plain = build_docx(paragraphs, FOOTERS[number], numbered=False, table_at=-1)
            plain_path = work / "plain" / f"seed{number}.docx"
            plain_path.parent.mkdir(exist_ok=True)
            plain_path.write_bytes(plain)
            plain_docs.append(plain_path)
            page, charset = build_html(paragraphs, number)
            codec = "gb18030" if charset.lower() in {"gb2312", "gbk"} else "utf-8"
            (OUT / f"seed{number}.html").write_bytes(page.encode(codec))
        soffice_convert([work / f"seed{n}.docx" for n in PDF_SEEDS], "pdf", OUT)
        write_two_column_pdf(seeds[4], work)
        soffice_convert(plain_docs, "doc:MS Word 97", OUT)
        shutil.copyfile(OUT / "seed4.doc", OUT / "seed4.wps")
        encrypted_target = (
            'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
            '"DocumentOpenPassword":{"type":"string","value":"fzcheck"}}'
        )
        enc_dir = work / "enc"
        enc_dir.mkdir()
        short = enc_dir / "short.docx"
        short.write_bytes(build_docx(seeds[2][:3], FOOTERS[2], numbered=False, table_at=-1))
        soffice_convert([short], encrypted_target, enc_dir)
        BAD.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(enc_dir / "short.pdf", BAD / "encrypted.pdf")
        write_bad_inputs((OUT / "seed0.docx").read_bytes(), (OUT / "seed0.pdf").read_bytes())
    finally:
        shutil.rmtree(work, ignore_errors=True)
    total = sum(path.stat().st_size for path in OUT.rglob("*") if path.is_file())
    print(f"wrote {sum(1 for p in OUT.rglob('*') if p.is_file())} files, {total // 1024} KB")


if __name__ == "__main__":
    main()
