"""Standard output and error in an encoding that can carry fzcheck's Chinese.

Python writes a redirected stream (``fzcheck check 报告.docx > 结果.txt``, a pipe, a CI log)
in the system's code page. On a Chinese Windows that is GBK, which lacks the checklist's ✓ and
✗: the command stopped with a UnicodeEncodeError traceback after the first lines. On an
English Windows (cp1252, as hosted CI runners have) no Chinese can be written at all.

:func:`fit_streams` therefore switches a stream whose encoding cannot hold Chinese to UTF-8,
and lets one that can (GBK) keep its encoding, writing the few characters it lacks as
look-alikes it has (✓ → √, ✗ → ×) or, failing that, as ``\\uXXXX``. Data formats (JSON,
SARIF, JUnit, GitHub annotations) are UTF-8 whatever the console
(:func:`write_utf8`): their readers expect it, and JUnit's header says so.
"""

from __future__ import annotations

import codecs
import sys
from typing import TextIO

HANDLER = "fzcheck-lookalike"
LOOKALIKES = {"✓": "√", "✗": "×", "✔": "√", "✘": "×"}
_PROBE = "法治政府建设年度报告（一）、；“”"  # what every report and message holds
_WHOLE = frozenset({"utf-8", "utf-16", "utf-32", "gb18030"})  # encodings that hold all of Unicode


def _lookalike(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: a look-alike the encoding has, else a \\uXXXX escape."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    pieces = []
    for char in error.object[error.start : error.end]:
        stand_in = LOOKALIKES.get(char)
        try:
            if stand_in is None:
                raise UnicodeEncodeError(error.encoding, char, 0, 1, "no look-alike")
            stand_in.encode(error.encoding)
        except UnicodeEncodeError:
            code = ord(char)
            stand_in = f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
        pieces.append(stand_in)
    return "".join(pieces), error.end


codecs.register_error(HANDLER, _lookalike)


def _fit(stream: TextIO | None) -> None:
    encoding = getattr(stream, "encoding", None)
    reconfigure = getattr(stream, "reconfigure", None)
    if not encoding or reconfigure is None:
        return
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return
    if name in _WHOLE:
        return
    try:
        _PROBE.encode(name)
    except UnicodeEncodeError:  # cp1252, latin-1, ascii …: no Chinese at all
        reconfigure(encoding="utf-8")
        return
    reconfigure(errors=HANDLER)


def fit_streams() -> None:
    """Make standard output and error able to write everything fzcheck writes."""
    for stream in (sys.stdout, sys.stderr):
        try:
            _fit(stream)
        except (OSError, ValueError):  # a closed or detached stream: leave it as it is
            continue


def write_utf8(text: str) -> bool:
    """Write ``text`` to standard output as UTF-8 bytes; False when it has no byte buffer
    (the caller then writes it as text)."""
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        return False
    if codecs.lookup(getattr(stream, "encoding", None) or "ascii").name == "utf-8":
        return False  # the text stream writes UTF-8 already
    stream.flush()
    buffer.write(text.encode("utf-8", "backslashreplace"))
    buffer.flush()
    return True
