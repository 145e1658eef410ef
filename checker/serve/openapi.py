"""The service's OpenAPI description (``/openapi.json``) and a readable page of it (``/docs``,
rendered here, so it works offline: no CDN, no script)."""

from __future__ import annotations

from html import escape
from typing import Any

from checker import __version__

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

_ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
        }
    },
}
_FIELDS: dict[str, dict[str, Any]] = {
    "file": {
        "type": "string",
        "format": "binary",
        "description": "The report (txt, docx, pdf, ofd, html, doc, wps, rtf, odt, mht)",
    },
    "text": {"type": "string", "description": "The report's text, instead of a file"},
    "previous": {
        "type": "string",
        "format": "binary",
        "description": "Optional: the same body's report of the year before (any format); the parts"
        " carried over from it are copy-previous-year findings, as with check --previous",
    },
    "pack": {"type": "string", "description": "Rule pack id from GET /api/packs (default: the service's)"},
    "lang": {"type": "string", "enum": ["zh", "en"], "description": "Language of messages"},
}

_TEXT_FIELDS = {k: v for k, v in _FIELDS.items() if k not in ("file", "previous")}  # JSON: no files


CANCEL = (
    "To cancel a check, close the connection before the answer comes (abort the fetch, "
    "interrupt curl): a check still waiting for a worker is dropped, a running one is stopped "
    "and its worker replaced, and the server logs the cancel. Nothing is answered."
)


def _problem(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def spec() -> dict[str, Any]:
    """OpenAPI 3.1 for the endpoints; the result schema is the one ``--format json`` follows."""
    check_responses = {
        "200": {
            "description": "The JSON contract of `fzcheck check --format json` (one result), "
            "or with format=html a self-contained HTML page",
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/Document"}},
                "text/html": {"schema": {"type": "string"}},
            },
        },
        "400": _problem("Malformed request (form, JSON, Content-Length, pack or lang)"),
        "408": _problem("The body did not arrive in time"),
        "413": _problem("The upload is over the size limit"),
        "415": _problem("Not multipart/form-data, urlencoded or JSON"),
        "503": _problem(
            "Every check worker is busy and the queue is full (busy; see Retry-After), or no check"
            " process can start (unavailable)"
        ),
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "fzcheck self-check service", "version": __version__},
        "paths": {
            "/api/check": {
                "post": {
                    "summary": "Check one report",
                    "description": CANCEL,
                    "parameters": [
                        {
                            "name": "format",
                            "in": "query",
                            "schema": {"type": "string", "enum": ["json", "html"]},
                        },
                        {"name": "pack", "in": "query", "schema": {"type": "string"}},
                        {"name": "lang", "in": "query", "schema": {"type": "string", "enum": ["zh", "en"]}},
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "multipart/form-data": {"schema": {"type": "object", "properties": _FIELDS}},
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["text"],
                                    "properties": _TEXT_FIELDS,
                                }
                            },
                        },
                    },
                    "responses": check_responses,
                }
            },
            "/api/annotate": {
                "post": {
                    "summary": "The report back as Word, findings as comments (fzcheck annotate)",
                    "description": CANCEL,
                    "parameters": [
                        {"name": "pack", "in": "query", "schema": {"type": "string"}},
                        {"name": "lang", "in": "query", "schema": {"type": "string", "enum": ["zh", "en"]}},
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "multipart/form-data": {"schema": {"type": "object", "properties": _FIELDS}}
                        },
                    },
                    "responses": {
                        "200": {
                            "description": "The annotated .docx",
                            "content": {DOCX: {"schema": {"type": "string", "format": "binary"}}},
                        },
                        "422": _problem("The file cannot be read (same code and message as check)"),
                        **{k: v for k, v in check_responses.items() if k != "200"},
                    },
                }
            },
            "/api/packs": {
                "get": {
                    "summary": "The rule packs this service offers",
                    "responses": {"200": {"description": "[{id, label, default}]"}},
                }
            },
            "/": {"get": {"summary": "The self-check page", "responses": {"200": {"description": "HTML"}}}},
        },
        "components": {
            "schemas": {
                "Error": _ERROR,
                "Document": {
                    "type": "object",
                    "description": "See checker/data/result.schema.json in the fzcheck package",
                    "required": ["tool", "results"],
                    "properties": {
                        "tool": {"type": "object"},
                        "results": {"type": "array", "items": {"type": "object"}},
                    },
                },
            }
        },
    }


def docs_page(title: str) -> str:
    """The endpoints as one plain HTML page."""
    rows = []
    for path, methods in spec()["paths"].items():
        for method, operation in methods.items():
            params = ", ".join(p["name"] for p in operation.get("parameters", []))
            codes = ", ".join(operation["responses"])
            rows.append(
                f"<tr><td><code>{escape(method.upper())} {escape(path)}</code></td>"
                f"<td>{escape(operation['summary'])}</td><td>{escape(params)}</td><td>{escape(codes)}</td></tr>"
            )
    fields = "".join(
        f"<li><code>{escape(k)}</code>: {escape(v['description'])}</li>" for k, v in _FIELDS.items()
    )
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{escape(title)}</title>'
        '<link rel="icon" href="data:,"><link rel="stylesheet" href="/assets/page.css"></head>'
        '<body><main class="intro">'
        f'<h1>{escape(title)}</h1><p><a href="/openapi.json">/openapi.json</a></p>'
        "<table><tr><th>endpoint</th><th>what</th><th>query</th><th>status codes</th></tr>"
        f"{''.join(rows)}</table><p>{escape(CANCEL)}</p><h2>POST /api/check fields</h2><ul>{fields}</ul>"
        "<pre>curl -F file=@report.docx http://127.0.0.1:8765/api/check\n"
        "curl -F file=@report.docx 'http://127.0.0.1:8765/api/check?format=html' -o result.html</pre>"
        "</main></body></html>"
    )
