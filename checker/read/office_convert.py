"""Legacy Word (.doc), WPS (.wps), RTF and OpenDocument (.odt) files, read through antiword or
LibreOffice.

No Python library reads these formats well, so we call a tool: antiword is exact on Chinese
.doc files and takes milliseconds; LibreOffice reads everything (WPS, RTF, ODT, odd .doc
versions) but costs about a second per call. Each call has a timeout.

LibreOffice converts to docx, and the docx reader reads the result, so these files keep what a
docx gives the parser (paragraph and table-cell labels, alignment, heading styles, Word
numbering); its plain-text conversion is the fallback. antiword's text, which has none of that,
is kept for a .doc whose DocBook output shows none of it either.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import msgspec

from checker.read.container import is_encrypted_ooxml, open_zip, sniff
from checker.read.errors import InputError, Phrase, phrase
from checker.read.library_errors import MAX_DETAIL
from checker.read.rtf_check import refuse_hostile_rtf
from checker.read.source import SourceText
from checker.read.text import decode_bytes, normalise_newlines
from checker.read.tool_run import run_tool

TOOL_TIMEOUT_SECONDS = 120
MAX_CONVERTED_BYTES = 64 * 1024 * 1024  # LibreOffice's docx of a report the reader accepted


def antiword_path() -> str | None:
    return shutil.which("antiword")


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _lines_to_source(text: str, fmt: str) -> SourceText:
    """Tool output → SourceText: blank separator lines dropped, one line per paragraph."""
    paragraphs = [line.rstrip() for line in normalise_newlines(text).split("\n")]
    paragraphs = [line for line in paragraphs if line.strip() and line.strip() != "[pic]"]
    if not paragraphs:
        raise InputError("empty")
    labels = tuple(f"第{number}段" for number in range(1, len(paragraphs) + 1))
    return SourceText(
        text="\n".join(paragraphs),
        format=fmt,
        encoding=None,
        line_labels=labels,
    )


@contextlib.contextmanager
def _doc_file(data: bytes) -> Iterator[Path]:
    """The bytes as a file antiword can open, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="fzcheck-doc-") as tmp:
        source = Path(tmp) / "input.doc"
        source.write_bytes(data)
        yield source


def _antiword_text(source: Path, timeout: float) -> str:
    """antiword's text of a file; InputError('encrypted'|'corrupt')."""
    done = run_tool([antiword_path() or "antiword", "-m", "UTF-8.txt", "-w", "0", str(source)], timeout)
    message = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode != 0:
        if "encrypt" in message.lower() or "password" in message.lower():
            raise InputError("encrypted")
        raise InputError(
            "corrupt", error=phrase("corrupt.tool", tool="antiword", detail=message or done.returncode)
        )
    return done.stdout.decode("utf-8", "replace")


def _numbered(source: Path, timeout: float) -> bool:
    """Whether antiword's DocBook output marks paragraphs as an ordered list."""
    done = run_tool([antiword_path() or "antiword", "-x", "db", str(source)], timeout)
    return done.returncode == 0 and b"<orderedlist" in done.stdout


# What antiword's DocBook shows and its text loses: Word list numbering, tables, heading styles
# (Heading 1 opens a chapter, Heading 2 and below a section).
_STRUCTURE_MARKS = (b"<orderedlist", b"<informaltable", b"<sect")


def _structured(source: Path, timeout: float) -> bool:
    """Whether antiword's DocBook output shows list numbering, a table or heading styles."""
    done = run_tool([antiword_path() or "antiword", "-x", "db", str(source)], timeout)
    if done.returncode != 0:
        return False
    return any(mark in done.stdout for mark in _STRUCTURE_MARKS) or done.stdout.count(b"<chapter") > 1


def run_antiword(data: bytes, timeout: float = TOOL_TIMEOUT_SECONDS) -> str:
    """Text of a Word 97–2003 file via antiword; InputError('encrypted'|'corrupt')."""
    with _doc_file(data) as source:
        return _antiword_text(source, timeout)


def has_numbered_lists(data: bytes, timeout: float = TOOL_TIMEOUT_SECONDS) -> bool:
    """Whether Word numbers some paragraphs itself ("一、" as list numbering, not typed).

    antiword's text leaves such numbers out, so a report's part headings lose their "一、" and
    "（一）"; its DocBook output still marks the paragraphs as an ordered list (milliseconds)."""
    with _doc_file(data) as source:
        return _numbered(source, timeout)


@functools.cache
def _profile_dir() -> Path:
    """One LibreOffice profile per process (parallel workers must not share one), removed at exit."""
    profile = Path(tempfile.gettempdir()) / f"fzcheck-lo-{os.getuid()}-{os.getpid()}"
    atexit.register(shutil.rmtree, profile, ignore_errors=True)
    return profile


def _soffice_convert(data: bytes, suffix: str, target: str, extension: str, timeout: float) -> bytes:
    """The bytes of LibreOffice's headless conversion of ``data`` to ``target`` (a filter
    spec), in a private temp dir with this process's own profile; InputError('corrupt') when
    LibreOffice writes nothing."""
    binary = soffice_path()
    if binary is None:
        raise InputError("needs-libreoffice", suffix=suffix)
    refuse_hostile_rtf(data)
    with tempfile.TemporaryDirectory(prefix="fzcheck-lo-conv-") as tmp:
        source = Path(tmp) / f"input{suffix}"
        source.write_bytes(data)
        done = run_tool(
            [
                binary,
                f"-env:UserInstallation={_profile_dir().as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                target,
                "--outdir",
                tmp,
                str(source),
            ],
            timeout,
        )
        output = Path(tmp) / f"input.{extension}"
        if not output.exists():
            raise InputError("corrupt", error=_soffice_failure(done.stderr))
        size = output.stat().st_size
        if size > MAX_CONVERTED_BYTES:
            raise InputError("too-large", size=size, limit=MAX_CONVERTED_BYTES)
        return output.read_bytes()


def _soffice_failure(stderr: bytes) -> Phrase:
    """Why LibreOffice wrote nothing, for a user: its own words without the start-up warnings
    it prints on every run ("Warning: failed to launch javaldx …")."""
    said = [line for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    errors = [line.strip() for line in said if not line.lstrip().startswith("Warning:")]
    if any("could not be loaded" in line for line in errors):
        return phrase("corrupt.libreoffice-unopenable")
    detail = " ".join(errors)[:MAX_DETAIL] or "—"
    return phrase("corrupt.libreoffice", detail=detail)


def run_soffice(data: bytes, suffix: str, timeout: float = TOOL_TIMEOUT_SECONDS) -> str:
    """Text of any document LibreOffice opens, via a headless txt conversion."""
    output = _soffice_convert(data, suffix, "txt:Text (encoded):UTF8", "txt", timeout)
    text, _ = decode_bytes(output) if output.strip() else ("", "utf-8")
    return text


def _soffice_source(data: bytes, suffix: str, fmt: str) -> SourceText:
    """A document LibreOffice opens, read with the docx reader's structure (labels, alignment,
    heading styles, table cells, Word numbering) from LibreOffice's docx conversion; the
    plain-text conversion when that fails. ``format`` stays the file's own."""
    from checker.read.docx_text import read_docx_bytes

    try:
        converted = read_docx_bytes(
            _soffice_convert(data, suffix, "docx:MS Word 2007 XML", "docx", TOOL_TIMEOUT_SECONDS)
        )
    except InputError as error:
        if error.code in ("timeout", "needs-libreoffice"):
            raise
        return _lines_to_source(run_soffice(data, suffix), fmt)
    return msgspec.structs.replace(converted, format=fmt)


def read_doc_bytes(data: bytes) -> SourceText:
    """Read a Word 97–2003 .doc (or RTF) by antiword, else LibreOffice.

    antiword's text (milliseconds) has no layout, and loses Word's list numbers, tables and
    heading styles; a .doc with any of these (its DocBook output shows them) is read with the
    docx reader's structure from LibreOffice's docx conversion (about a second).

    A docx or HTML file saved under a .doc name is routed by :mod:`checker.read.word`.
    """
    kind = sniff(data)
    if kind == "ole" and is_encrypted_ooxml(data):
        raise InputError("encrypted")
    if kind == "ole" and antiword_path():
        try:
            with _doc_file(data) as source:  # written once for both antiword runs
                text = _antiword_text(source, TOOL_TIMEOUT_SECONDS)
                if soffice_path() is None or not _structured(source, TOOL_TIMEOUT_SECONDS):
                    return _lines_to_source(text, "doc")
        except InputError as error:
            if error.code != "corrupt" or soffice_path() is None:
                raise
    if soffice_path() is None:
        raise InputError("needs-libreoffice", suffix=".doc")
    return _soffice_source(data, ".doc", "doc")


def read_wps_bytes(data: bytes) -> SourceText:
    """Read a Kingsoft WPS .wps report (LibreOffice; antiword for Word-compatible ones)."""
    if is_encrypted_ooxml(data):
        raise InputError("encrypted")
    if soffice_path() is not None:
        return _soffice_source(data, ".wps", "wps")
    if sniff(data) == "ole" and antiword_path():
        try:
            return _lines_to_source(run_antiword(data), "wps")
        except InputError as error:
            if error.code != "corrupt":
                raise
    raise InputError("needs-libreoffice", suffix=".wps")


def read_rtf_bytes(data: bytes) -> SourceText:
    """Read an RTF report (Word and WPS "save as RTF") through LibreOffice."""
    if soffice_path() is None:
        raise InputError("needs-libreoffice", suffix=".rtf")
    return _soffice_source(data, ".rtf", "rtf")


def read_odt_bytes(data: bytes) -> SourceText:
    """Read an OpenDocument text (.odt, as LibreOffice and WPS save it) through LibreOffice,
    after the zip checks every package gets."""
    open_zip(data).close()
    if soffice_path() is None:
        raise InputError("needs-libreoffice", suffix=".odt")
    return _soffice_source(data, ".odt", "odt")
