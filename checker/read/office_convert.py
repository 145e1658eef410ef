"""Legacy Word (.doc), WPS (.wps), RTF and OpenDocument (.odt) files, read through antiword or
LibreOffice.

No Python library reads these formats well, so we call a tool: antiword is exact on Chinese
.doc files and takes milliseconds; LibreOffice reads everything (WPS, RTF, ODT, odd .doc
versions) but costs about a second per call. Each call has a timeout.
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

from checker.read.container import is_encrypted_ooxml, open_zip, sniff
from checker.read.errors import InputError
from checker.read.source import SourceText
from checker.read.text import decode_bytes, normalise_newlines
from checker.read.tool_run import run_tool

TOOL_TIMEOUT_SECONDS = 120


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
        raise InputError("corrupt", error=f"antiword: {message or done.returncode}")
    return done.stdout.decode("utf-8", "replace")


def _numbered(source: Path, timeout: float) -> bool:
    """Whether antiword's DocBook output marks paragraphs as an ordered list."""
    done = run_tool([antiword_path() or "antiword", "-x", "db", str(source)], timeout)
    return done.returncode == 0 and b"<orderedlist" in done.stdout


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


def run_soffice(data: bytes, suffix: str, timeout: float = TOOL_TIMEOUT_SECONDS) -> str:
    """Text of any document LibreOffice opens, via a headless txt conversion."""
    binary = soffice_path()
    if binary is None:
        raise InputError("needs-libreoffice", suffix=suffix)
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
                "txt:Text (encoded):UTF8",
                "--outdir",
                tmp,
                str(source),
            ],
            timeout,
        )
        target = Path(tmp) / "input.txt"
        if not target.exists():
            message = done.stderr.decode("utf-8", "replace").strip()
            raise InputError("corrupt", error=f"LibreOffice: {message or '无法转换'}")
        output = target.read_bytes()
    text, _ = decode_bytes(output) if output.strip() else ("", "utf-8")
    return text


def read_doc_bytes(data: bytes) -> SourceText:
    """Read a Word 97–2003 .doc (or RTF) by antiword, else LibreOffice.

    LibreOffice also reads a .doc whose paragraphs Word numbers itself: it writes the numbers
    out, antiword does not.

    A docx or HTML file saved under a .doc name is routed by :mod:`checker.read.word`.
    """
    kind = sniff(data)
    if kind == "ole" and is_encrypted_ooxml(data):
        raise InputError("encrypted")
    if kind == "ole" and antiword_path():
        try:
            with _doc_file(data) as source:  # written once for both antiword runs
                text = _antiword_text(source, TOOL_TIMEOUT_SECONDS)
                if soffice_path() is None or not _numbered(source, TOOL_TIMEOUT_SECONDS):
                    return _lines_to_source(text, "doc")
        except InputError as error:
            if error.code != "corrupt" or soffice_path() is None:
                raise
    if soffice_path() is None:
        raise InputError("needs-libreoffice", suffix=".doc")
    return _lines_to_source(run_soffice(data, ".doc"), "doc")


def read_wps_bytes(data: bytes) -> SourceText:
    """Read a Kingsoft WPS .wps report (LibreOffice; antiword for Word-compatible ones)."""
    if is_encrypted_ooxml(data):
        raise InputError("encrypted")
    if soffice_path() is not None:
        return _lines_to_source(run_soffice(data, ".wps"), "wps")
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
    return _lines_to_source(run_soffice(data, ".rtf"), "rtf")


def read_odt_bytes(data: bytes) -> SourceText:
    """Read an OpenDocument text (.odt, as LibreOffice and WPS save it) through LibreOffice,
    after the zip checks every package gets."""
    open_zip(data).close()
    if soffice_path() is None:
        raise InputError("needs-libreoffice", suffix=".odt")
    return _lines_to_source(run_soffice(data, ".odt"), "odt")
