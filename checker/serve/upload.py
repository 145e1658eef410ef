"""Reading one check request: the body counted as it streams (413 as soon as it is over the
limit, 408 when it comes too slowly), then the multipart form or JSON object taken apart.

Nothing is written under a name the user chose: the file's name gives only the suffix (the
reader) and a label for the result. The form parser keeps small files in memory and larger
ones in an anonymous temporary file that is closed (and so gone) before the check starts.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import msgspec
from starlette.datastructures import UploadFile
from starlette.requests import ClientDisconnect, Request

import checker.regex_cache as regex_cache
from checker.i18n import Key, t
from checker.serve.problems import Problem, human_size

FORM_OVERHEAD = 64 * 1024  # multipart boundaries, headers and the small fields around the file
_SUFFIX = regex_cache.compile(r"\.[A-Za-z0-9]{1,8}$")
_CONTROL = regex_cache.compile(r"[\x00-\x1f\x7f]")


class Submission(msgspec.Struct, frozen=True):
    """What a request asked to check, before the pack and language are validated."""

    data: bytes
    suffix: str
    label: str
    pack: str | None
    lang: str | None
    previous: bytes | None = None  # last year's report, to find what was carried over from it
    previous_label: str = ""


def safe_label(filename: str | None) -> str:
    """The last component of a client's file name, without control characters, at most 120
    characters: shown to the user, never used as a path."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = _CONTROL.sub("", name).strip()
    return name[-120:] or "upload"


def suffix_of(label: str) -> str:
    match = _SUFFIX.search(label)
    return match.group(0).lower() if match else ""


async def read_body(
    request: Request, max_upload: int, timeout: float, overhead: int = FORM_OVERHEAD
) -> bytes:
    """The request body, refused with 413 once it exceeds ``max_upload + overhead`` bytes (the
    declared Content-Length is checked before anything is read) and with 408 after ``timeout`` s."""
    limit = max_upload + overhead
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise Problem(400, "bad-length")
        if int(declared) > limit:
            raise Problem(413, "too-large", limit=human_size(max_upload))
    chunks: list[bytes] = []
    size = 0
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    stream = request.stream().__aiter__()
    while True:
        try:
            chunk = await asyncio.wait_for(stream.__anext__(), max(0.0, deadline - loop.time()))
        except StopAsyncIteration:
            break
        except (asyncio.TimeoutError, TimeoutError):
            raise Problem(408, "slow", seconds=int(timeout)) from None
        except ClientDisconnect:
            raise Problem(400, "bad-form", error=why("serve.why.disconnected")) from None
        size += len(chunk)
        if size > limit:
            raise Problem(413, "too-large", limit=human_size(max_upload))
        chunks.append(chunk)
    return b"".join(chunks)


def why(key: str, **args: object) -> Callable[[str], str]:
    """A reason given inside a refusal's message (``{error}``), in the language of the answer."""
    return lambda lang: t(key, lang, **{k: t(v, lang) if isinstance(v, Key) else v for k, v in args.items()})


def _form_problem(exc: Exception) -> Problem:
    """A malformed form, in plain words: the multipart libraries' English is not shown."""
    text = str(getattr(exc, "detail", None) or getattr(exc, "message", None) or exc)
    reasons = (
        ("boundary", "serve.why.no-boundary"),
        ("Too many fields", "serve.why.too-many-fields"),
        ("Too many files", "serve.why.too-many-files"),
        ("exceeded maximum size", "serve.why.part-too-large"),
        ("header size", "serve.why.part-too-large"),
        ('"name" must be provided', "serve.why.no-name"),
    )
    key = next((key for marker, key in reasons if marker in text), "serve.why.multipart")
    return Problem(400, "bad-form", error=why(key))


def _text_field(value: Any, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise Problem(400, "bad-form", error=why("serve.why.not-text-field", name=name))
    return value


def _raw_text(text: str, media: str, body: bytes) -> bytes:
    """The bytes the client sent in the ``text`` field, so the reader finds their encoding as for
    an uploaded .txt (GB18030, UTF-16…) instead of a wrong guess being checked. Starlette gives
    the field decoded: from a urlencoded body with undecodable escapes replaced (so they are
    taken from the body again), from multipart as Latin-1 when it is not UTF-8 (a field of
    Latin-1 letters only that is not UTF-8 again is such a fallback: its bytes come back)."""
    if media == "application/x-www-form-urlencoded":
        from urllib.parse import parse_qsl

        pairs = parse_qsl(body.decode("latin-1"), keep_blank_values=True, encoding="latin-1")
        return next((value.encode("latin-1") for key, value in pairs if key == "text"), text.encode("utf-8"))
    if text.isascii() or max(map(ord, text)) > 0xFF:
        return text.encode("utf-8", "surrogatepass")
    raw = text.encode("latin-1")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw  # Starlette's fallback: the client's own bytes
    return text.encode("utf-8")


async def parse_form(request: Request, body: bytes, max_upload: int) -> Submission:
    """A multipart or urlencoded form with ``file`` or ``text`` and optional ``pack``/``lang``."""

    async def replay() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    replayed = Request(request.scope, replay)
    try:
        form = await replayed.form(max_files=2, max_fields=8, max_part_size=max_upload)
    except Exception as exc:  # any malformed form is the client's error, not ours
        raise _form_problem(exc) from None
    try:
        if len(form.getlist("file")) > 1 or len(form.getlist("previous")) > 1:
            raise Problem(400, "bad-form", error=why("serve.why.too-many-files"))
        upload = form.get("file")
        pack = _text_field(form.get("pack"), "pack")
        lang = _text_field(form.get("lang"), "lang")
        text = _text_field(form.get("text"), "text")
        previous, previous_label = await _previous_file(form.get("previous"), max_upload)
        if isinstance(upload, UploadFile):
            data = await upload.read()
            if len(data) > max_upload:
                raise Problem(413, "too-large", limit=human_size(max_upload))
            label = safe_label(upload.filename)
            return Submission(data, suffix_of(label), label, pack, lang, previous, previous_label)
        if upload is not None:
            raise Problem(400, "bad-form", error=why("serve.why.file-not-file"))
        if text is None or not text.strip():
            raise Problem(400, "no-input")
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        raw = _raw_text(text, media, body)
        return Submission(raw, ".txt", "", pack, lang, previous, previous_label)
    finally:
        await form.close()


async def _previous_file(value: Any, max_upload: int) -> tuple[bytes | None, str]:
    """The optional ``previous`` field: last year's report as a file (an empty one, as a form
    sends when none was chosen, is none)."""
    if value is None or value == "":
        return None, ""
    if not isinstance(value, UploadFile):
        raise Problem(400, "bad-form", error=why("serve.why.previous-not-file"))
    data = await value.read()
    if len(data) > max_upload:
        raise Problem(413, "too-large", limit=human_size(max_upload))
    if not data and not value.filename:
        return None, ""
    return data, safe_label(value.filename)


_JSON_TYPES = {list: "type.array", str: "type.string", int: "type.number", float: "type.number"}


def parse_json(body: bytes) -> Submission:
    """A JSON object ``{"text": ..., "pack"?: ..., "lang"?: ...}``."""
    try:
        payload = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise Problem(400, "bad-json", error=why("serve.why.not-utf8")) from None
    except RecursionError:
        raise Problem(400, "bad-json", error=why("serve.why.too-deep")) from None
    except ValueError as exc:
        line, column = getattr(exc, "lineno", "?"), getattr(exc, "colno", "?")
        raise Problem(400, "bad-json", error=why("serve.why.not-json", line=line, column=column)) from None
    if not isinstance(payload, dict):
        kind = "type.null" if payload is None else _JSON_TYPES.get(type(payload), "type.boolean")
        raise Problem(400, "bad-json", error=why("serve.why.not-object", kind=Key(kind)))
    text, pack, lang = payload.get("text"), payload.get("pack"), payload.get("lang")
    for name, value in (("text", text), ("pack", pack), ("lang", lang)):
        if value is not None and not isinstance(value, str):
            raise Problem(400, "bad-json", error=why("serve.why.not-string", name=name))
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:  # a lone surrogate escape such as "\ud800"
                raise Problem(400, "bad-json", error=why("serve.why.surrogate", name=name)) from None
    if not text or not text.strip():
        raise Problem(400, "no-input")
    return Submission(text.encode("utf-8"), ".txt", "", pack, lang)


async def read_submission(request: Request, max_upload: int, timeout: float) -> Submission:
    """The whole request: media type, body within its limits, then its fields."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in ("multipart/form-data", "application/x-www-form-urlencoded", "application/json"):
        raise Problem(415, "media-type", type=media or "-")
    body = await read_body(request, max_upload, timeout)
    if media == "application/json":
        return parse_json(body)
    return await parse_form(request, body, max_upload)
