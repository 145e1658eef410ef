"""RTF that would hang LibreOffice, refused before it starts.

``\\binN`` says the next N bytes are raw binary data; LibreOffice reads a huge N (10^8 and up)
for minutes, whatever the file holds. A real file has the N bytes after the word, so a length
past the end of the file is damage, found with one scan for the rare ``\\bin`` word.
"""

from __future__ import annotations

import re

from checker.read.errors import InputError, phrase

_BIN = re.compile(rb"\\bin(-?\d{1,12})")


def refuse_hostile_rtf(data: bytes) -> None:
    """InputError 'corrupt' when an RTF's ``\\binN`` runs past the end of the file."""
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return
    for match in _BIN.finditer(data):
        if int(match.group(1)) > len(data) - match.end():
            raise InputError("corrupt", error=phrase("corrupt.rtf-bin"))
