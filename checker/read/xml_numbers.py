"""Integer attributes of Word XML (list starts, levels, outline levels), read as Word reads a
damaged file: a value that is no number is ignored (the attribute's default applies) and one
out of range is held to the range. Never a ``ValueError``, and never ``int()`` on thousands of
digits, which Python refuses and which would make a list counter hostile input can inflate.
"""

from __future__ import annotations

import checker.regex_cache as regex_cache

INT32 = 2**31 - 1  # ST_DecimalNumber: Word keeps list levels, ids and the like in 32 bits
# Word's list numbers stop at 32767 (the largest "Set numbering value" it accepts)
MAX_LIST_NUMBER = 32767
_DECIMAL = regex_cache.compile(r"([+-]?)0*([0-9]+)")
_HEX = regex_cache.compile(r"0*([0-9A-Fa-f]{1,8})")
_MAX_DIGITS = 18  # more digits than this are beyond any range here: held to the bound


def decimal(text: str | None, default: int, low: int = -INT32, high: int = INT32) -> int:
    """A decimal attribute value held to [low, high]; ``default`` when absent or malformed."""
    value = optional_decimal(text, low, high)
    return default if value is None else value


def optional_decimal(text: str | None, low: int = -INT32, high: int = INT32) -> int | None:
    """A decimal attribute value held to [low, high]; None when absent or malformed."""
    if text is None:
        return None
    match = _DECIMAL.fullmatch(text.strip())
    if match is None:
        return None
    sign, digits = match.groups()
    if len(digits) > _MAX_DIGITS:
        return low if sign == "-" else high
    return min(max(int(sign + digits), low), high)


def hex_number(text: str | None) -> int | None:
    """A hexadecimal attribute value (w:sym's w:char, "F0B7"); None when absent or malformed."""
    if text is None:
        return None
    match = _HEX.fullmatch(text.strip())
    return int(match.group(1), 16) if match else None


def list_number(text: str | None, default: int = 1) -> int:
    """A list counter's start (w:start, w:startOverride), held to Word's own range."""
    return decimal(text, default, -MAX_LIST_NUMBER, MAX_LIST_NUMBER)
