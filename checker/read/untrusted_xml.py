"""XML from a file someone sent: parsed with nothing fetched, expanded or loaded.

No external entities, DTDs or network; libxml2's own depth and size limits kept (XML nested past
:data:`~checker.read.library_errors.LXML_MAX_DEPTH` is ``too-deep``, as deep markup is in every
reader); comments dropped. What is damaged is ``corrupt``, with the reader's own words for where.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from checker.read.errors import InputError, Phrase
from checker.read.library_errors import LXML_MAX_DEPTH, describe, too_deep


def parse_untrusted(data: bytes, corrupt: Callable[[Phrase], Phrase], drop_instructions: bool = False) -> Any:
    """The root element of ``data`` (None when it holds no element); ``corrupt(cause)`` says
    where the damage is for the ``corrupt`` error. ``drop_instructions``: leave processing
    instructions out of the tree too."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=drop_instructions,
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        if too_deep(exc):
            raise InputError("too-deep", limit=LXML_MAX_DEPTH) from exc
        raise InputError("corrupt", error=corrupt(describe(exc))) from exc
