"""The Content-Security-Policy of the service's pages. Neither allows inline style in general:
the one inline ``<style>`` they accept is the result page's own stylesheet, named by its hash
(the self-check page reads that page with ``DOMParser``, which applies the page's policy)."""

from __future__ import annotations

import base64
import hashlib

from checker.serve.result_html import result_css


def style_hash(css: str) -> str:
    """The CSP source that allows exactly the inline ``<style>`` holding ``css``."""
    digest = hashlib.sha256(css.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


RESULT_STYLE = style_hash(result_css())
PAGE_POLICY = (
    f"default-src 'none'; script-src 'self'; style-src 'self' {RESULT_STYLE}; connect-src 'self'; "
    "img-src 'self' data: blob:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
RESULT_POLICY = f"default-src 'none'; style-src {RESULT_STYLE}; img-src data:; base-uri 'none'"
