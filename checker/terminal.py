"""Text from files (names, excerpts, config values) made safe to print on a terminal.

A control character in a file name or a report (ESC starting ``ESC ] 52 ;`` "set the clipboard",
``ESC ] 0 ;`` "set the window title", a carriage return overwriting the line) would be obeyed
by the terminal, not shown. :func:`visible` writes each C0 and C1 control, DEL included, as
``\\xNN`` (as a file name's stray bytes are written), keeping only tab and line feed.
"""

from __future__ import annotations

import re

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _escaped(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


def visible(text: str) -> str:
    """``text`` with its control characters (all but tab and line feed) written ``\\xNN``."""
    return _CONTROLS.sub(_escaped, text) if _CONTROLS.search(text) else text
