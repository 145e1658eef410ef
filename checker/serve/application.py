"""The self-check service as an ASGI application (Starlette): the page, ``POST /api/check``,
the pack list and the OpenAPI description. Checks run in :class:`~checker.serve.pool.CheckPool`.

Run it with ``fzcheck serve`` or under an office's own server, e.g.
``uvicorn --factory checker.serve:create_app`` or ``uvicorn checker.serve:app``.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import ClassVar
from urllib.parse import quote

from msgspec.structs import replace
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from checker.annotate import DOCX_MEDIA_TYPE
from checker.api import error_result
from checker.audit.worker import WorkerConfig
from checker.i18n import t
from checker.options import CheckOptions
from checker.packs.pack import bundled_packs, load_pack
from checker.serve.disconnect import ClientGone, unless_gone
from checker.serve.openapi import docs_page, spec
from checker.serve.page import ASSETS, asset, page_html
from checker.serve.policy import PAGE_POLICY, RESULT_POLICY
from checker.serve.pool import CheckPool, PoolFull, Reply
from checker.serve.problems import Problem
from checker.serve.result_html import render_result
from checker.serve.settings import ServeSettings
from checker.serve.upload import Submission, read_submission, suffix_of
from checker.serve.work import Upload, answer

LOG = logging.getLogger("fzcheck.serve")
LANGS = ("zh", "en")
CLIENT_GONE = 499  # "client closed request", as nginx logs it


def _pack_choices(default: str) -> dict[str, str]:
    """Offered packs: id → what ``load_pack`` takes. The bundled ones, and the service's own
    (a path given at start-up is offered under its file stem); a request may name only these."""
    choices = {name: name for name in bundled_packs()}
    if default not in choices:
        choices.setdefault(Path(default).stem, default)
    return choices


def _default_id(choices: dict[str, str], default: str) -> str:
    return next(pack_id for pack_id, spec_ in choices.items() if spec_ == default)


class SecurityHeaders:
    """Every answer: no MIME sniffing, no referrer, not framed by other sites."""

    HEADERS: ClassVar[list[tuple[bytes, bytes]]] = [
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
    ]

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *self.HEADERS]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class Service:
    """The state behind the routes: settings, offered packs and the worker pool."""

    def __init__(self, settings: ServeSettings) -> None:
        self.settings = settings
        self.choices = _pack_choices(settings.pack)
        self.default_pack = _default_id(self.choices, settings.pack)
        self.labels = {pack_id: load_pack(spec_).label for pack_id, spec_ in self.choices.items()}
        config = WorkerConfig(settings.check, settings.memory_mb)
        self.pool = CheckPool(settings.jobs, config, settings.timeout, settings.queue)

    def lang_of(self, value: str | None) -> str:
        if value is None or value == "":
            return self.settings.lang
        if value not in LANGS:
            raise Problem(400, "bad-option", name="lang", value=value, choices="zh, en")
        return value

    def pack_of(self, value: str | None) -> str:
        if value is None or value == "":
            return self.default_pack
        if value not in self.choices:
            raise Problem(400, "unknown-pack", pack=value, packs="、".join(self.choices))
        return value

    def upload_of(self, submission: Submission, request: Request) -> Upload:
        query = request.query_params
        lang = self.lang_of(submission.lang or query.get("lang"))
        pack_id = self.pack_of(submission.pack or query.get("pack"))
        label = submission.label or t("serve.pasted", lang)
        previous = submission.previous
        return Upload(
            submission.data,
            submission.suffix,
            label,
            self.choices[pack_id],
            lang,
            previous=previous,
            previous_suffix=suffix_of(submission.previous_label) if previous is not None else "",
            previous_label=submission.previous_label,
        )

    def busy(self) -> Problem:
        seconds = self.settings.retry_after
        return Problem(503, "busy", headers={"Retry-After": str(seconds)}, seconds=seconds)

    async def check(self, upload: Upload, request: Request) -> Reply:
        """The pool's reply; called off (:class:`ClientGone`) if the client goes first."""
        try:
            reply = await unless_gone(request, self.pool.check(upload))
        except PoolFull:
            raise self.busy() from None
        if reply.kind == "unavailable":  # no worker could start: the machine's fault, not the file's
            raise Problem(503, "unavailable", detail=reply.detail)
        return reply


def _failed_answer(reply: Reply, upload: Upload, settings: ServeSettings) -> dict:
    """The JSON contract for a check that timed out or whose worker died (as audit reports it)."""
    if reply.kind == "timeout":
        result = error_result(upload.label, "timeout", upload.lang, seconds=settings.timeout)
    else:
        result = error_result(upload.label, "crash", upload.lang, detail=reply.detail)
    return answer(result, CheckOptions(pack=upload.pack, lang=upload.lang), None)


def _failed_error(reply: Reply, upload: Upload, settings: ServeSettings) -> dict[str, str]:
    """``{code, message}`` for an annotation that timed out or whose worker died."""
    result = _failed_answer(reply, upload, settings)["document"]["results"][0]
    return result["error"]


def create_app(settings: ServeSettings | None = None) -> Starlette:
    """A new application with its own worker pool (started and stopped with the app)."""
    service = Service(settings or ServeSettings.from_env())

    def problem_lang(request: Request) -> str:
        value = request.query_params.get("lang")
        return value if value in LANGS else service.settings.lang

    async def page(request: Request) -> Response:
        lang = problem_lang(request)
        chosen = request.query_params.get("pack")
        chosen = chosen if chosen in service.choices else service.default_pack
        packs = [(pack_id, service.labels[pack_id]) for pack_id in service.choices]
        html = page_html(lang, packs, chosen)
        return HTMLResponse(html, headers={"Content-Security-Policy": PAGE_POLICY})

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in ASSETS:
            raise Problem(404, "not-found")
        return Response(asset(name), media_type=ASSETS[name], headers={"Cache-Control": "no-cache"})

    async def packs(request: Request) -> Response:
        return JSONResponse(
            [
                {"id": pack_id, "label": service.labels[pack_id], "default": pack_id == service.default_pack}
                for pack_id in service.choices
            ]
        )

    async def check(request: Request) -> Response:
        fmt = request.query_params.get("format", "json")
        if fmt not in ("json", "html"):
            raise Problem(400, "bad-option", name="format", value=fmt, choices="json, html")
        if service.pool.full():  # refuse before reading a body that would only wait
            raise service.busy()
        submission = await read_submission(
            request, service.settings.max_upload, service.settings.body_timeout
        )
        upload = service.upload_of(submission, request)
        reply = await service.check(upload, request)
        answer = (
            reply.answer
            if reply.kind == "done" and reply.answer
            else _failed_answer(reply, upload, service.settings)
        )
        if fmt == "html":
            html = render_result(answer["document"], answer["text"], upload.lang, answer.get("notes", ()))
            return HTMLResponse(html, headers={"Content-Security-Policy": RESULT_POLICY})
        return JSONResponse(answer["document"])

    async def annotate(request: Request) -> Response:
        if service.pool.full():
            raise service.busy()
        submission = await read_submission(
            request, service.settings.max_upload, service.settings.body_timeout
        )
        upload = replace(service.upload_of(submission, request), annotate=True)
        reply = await service.check(upload, request)
        answer_ = reply.answer if reply.kind == "done" and reply.answer else None
        if answer_ is None or "error" in answer_:
            error = answer_["error"] if answer_ else _failed_error(reply, upload, service.settings)
            body = {"error": error}
            return JSONResponse(body, status_code=422)
        disposition = f"attachment; filename=\"annotated.docx\"; filename*=UTF-8''{quote(answer_['name'])}"
        return Response(
            answer_["docx"], media_type=DOCX_MEDIA_TYPE, headers={"Content-Disposition": disposition}
        )

    async def openapi(request: Request) -> Response:
        return JSONResponse(spec())

    async def docs(request: Request) -> Response:
        return HTMLResponse(docs_page("fzcheck API"), headers={"Content-Security-Policy": PAGE_POLICY})

    async def on_problem(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Problem)
        return exc.response(problem_lang(request))

    async def on_gone(request: Request, exc: Exception) -> Response:
        return Response(status_code=CLIENT_GONE)  # nobody reads it: the connection is closed

    async def on_http(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 500)
        code = {404: "not-found", 405: "method"}.get(status, "bad-form")
        return Problem(status, code, error=str(getattr(exc, "detail", ""))).response(problem_lang(request))

    async def on_error(request: Request, exc: Exception) -> Response:
        LOG.error(
            "internal error on %s %s: %s: %s", request.method, request.url.path, type(exc).__name__, exc
        )
        return Problem(500, "internal").response(problem_lang(request))

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        service.pool.start()
        try:
            yield
        finally:
            service.pool.close()

    routes = [
        Route("/", page, methods=["GET"]),
        Route("/assets/{name}", static, methods=["GET"]),
        Route("/api/check", check, methods=["POST"]),
        Route("/api/annotate", annotate, methods=["POST"]),
        Route("/api/packs", packs, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
        Route("/docs", docs, methods=["GET"]),
    ]
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        middleware=[Middleware(SecurityHeaders)],
        exception_handlers={
            Problem: on_problem,
            ClientGone: on_gone,
            HTTPException: on_http,
            Exception: on_error,
        },
    )
    app.state.service = service
    return app
