"""The self-check page: a template filled from the message catalogue (so ``--lang en`` and
the toggle give an English page) and the list of packs; script and style are served as
files of their own, so the page runs under a Content-Security-Policy without inline script."""

from __future__ import annotations

from html import escape
from importlib import resources

import checker.regex_cache as regex_cache
from checker.i18n import t
from checker.read import supported_suffixes

ASSETS = {  # the only files served: a fixed name → media type, never a path from the request
    "files.js": "text/javascript; charset=utf-8",
    "store.js": "text/javascript; charset=utf-8",
    "page.js": "text/javascript; charset=utf-8",
    "page.css": "text/css; charset=utf-8",
    "result.css": "text/css; charset=utf-8",
}
_SLOT = regex_cache.compile(r"\{\{(\w+)\}\}")


def asset(name: str) -> bytes:
    return (resources.files("checker.serve") / "assets" / name).read_bytes()


def page_html(lang: str, packs: list[tuple[str, str]], chosen: str) -> str:
    """The page in ``lang``; ``packs`` are (id, label) pairs, ``chosen`` the selected id."""
    options = "".join(
        f'<option value="{escape(pack_id)}"{" selected" if pack_id == chosen else ""}>'
        f"{escape(label)}</option>"
        for pack_id, label in packs
    )
    values = {
        "html_lang": "zh-CN" if lang == "zh" else "en",
        "lang": lang,
        "other_lang": "en" if lang == "zh" else "zh",
        "title": t("serve.title", lang),
        "intro": t("serve.intro", lang),
        "drop": t("serve.drop", lang),
        "paste": t("serve.paste", lang),
        "check": t("serve.check", lang),
        "pack_label": t("serve.pack", lang),
        "lang_toggle": t("serve.lang", lang),
        "docs": t("serve.docs", lang),
        "busy": t("serve.busy", lang),
        "done": t("serve.done", lang),
        "failed": t("serve.failed", lang),
        "unreachable": t("serve.unreachable", lang),
        "status": t("serve.status", lang),
        "download_html": t("serve.download-html", lang),
        "download_json": t("serve.download-json", lang),
        "download_docx": t("serve.download-docx", lang),
        "offline": t("serve.offline", lang),
        "cancel": t("serve.cancel", lang),
        "cancelled": t("serve.cancelled", lang),
        "kept": t("serve.kept", lang),
        "forget": t("serve.forget", lang),
        "forgotten": t("serve.forgotten", lang),
        "pasted": t("serve.pasted", lang),
        "checking": t("serve.checking", lang),
        "waiting": t("serve.waiting", lang),
        "busy_batch": t("serve.busy-batch", lang),
        "batch_done": t("serve.batch-done", lang),
        "batch": t("serve.batch", lang),
        "unreadable": t("serve.unreadable", lang),
        "empty_folder": t("serve.empty-folder", lang),
        "too_many": t("serve.too-many", lang),
        "previous": t("serve.previous", lang),
        "previous_hint": t("serve.previous-hint", lang),
        "previous_chosen": t("serve.previous-chosen", lang),
        "previous_clear": t("serve.previous-clear", lang),
        "accept": ",".join(supported_suffixes()),  # every format the checker reads, no other
    }
    template = asset("index.html").decode("utf-8")
    return _SLOT.sub(
        lambda m: options if m.group(1) == "pack_options" else escape(values[m.group(1)]), template
    )
