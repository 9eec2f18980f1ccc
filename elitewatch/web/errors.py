"""One error body for every failure, the app's own and the unexpected: {"error": {"status", "message",
"source"}} as JSON, or the same as a page for a browser."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Scope

from elitewatch.errors import AccessError, ElitewatchError, NotFoundError, StoreError
from elitewatch.web.guard import SECURITY_HEADERS

DATE_HINT = "expected a date like 2024, 2024-03 or 2024-03-15"
# What a parameter's pattern means, said as a sentence: the regex itself tells a reader nothing.
PATTERN_HINTS = {
    "from": DATE_HINT,
    "to": DATE_HINT,
    "language": "expected en, ru or kk",
    "decision": "expected accept or reject",
}
INTERNAL = "internal error: the server could not answer this request (the log has the details)"


class ErrorPages:
    """Builds the error response for a request: a page when a browser asks for one, else JSON."""

    def __init__(self, templates: Jinja2Templates) -> None:
        self.templates = templates

    def respond(self, request: Request, status: int, message: str, source: str | None = None) -> Response:
        body = {"error": {"status": status, "message": message, "source": source}}
        path = str(request.scope["path"])
        wants_html = not (path.endswith(".json") or path.startswith(("/api", "/openapi")))
        if wants_html and "text/html" in request.headers.get("accept", ""):
            return self.templates.TemplateResponse(request, "error.html", body["error"], status_code=status)
        return JSONResponse(body, status_code=status)

    def reject(self, scope: Scope, status: int, message: str, source: str | None) -> Response:
        """For the gate, which answers before routing: a request of its own over the scope."""
        return self.respond(Request(scope), status, message, source)


def install(app: FastAPI, pages: ErrorPages) -> None:
    """Handlers for the app's errors, HTTP errors, invalid parameters and anything unexpected."""

    @app.exception_handler(ElitewatchError)
    async def on_error(request: Request, error: ElitewatchError) -> Response:
        return pages.respond(request, status_of(error), error.message, error.source)

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, error: StarletteHTTPException) -> Response:
        response = pages.respond(request, error.status_code, str(error.detail))
        response.headers.update(error.headers or {})
        return response

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, error: RequestValidationError) -> Response:
        message, source = invalid_message(error.errors()[0] if error.errors() else {})
        return pages.respond(request, 422, message, source)

    @app.exception_handler(Exception)
    async def on_unexpected(request: Request, error: Exception) -> Response:
        # Starlette calls this outside the middlewares and re-raises after, for the server to log the
        # traceback; so the response carries the security headers itself, and names no path.
        response = pages.respond(request, 500, INTERNAL)
        response.headers.update(SECURITY_HEADERS)
        return response


def status_of(error: ElitewatchError) -> int:
    if isinstance(error, AccessError):
        return 403 if error.off else 401
    if isinstance(error, NotFoundError):
        return 404
    if isinstance(error, StoreError):
        return 503
    return 400


def invalid_message(first: dict[str, Any]) -> tuple[str, str | None]:
    """ "from: expected a date like …" and the value given, from pydantic's first complaint."""
    named = [part for part in first.get("loc") or () if isinstance(part, str)]  # ("body", "files", 0): files
    name = named[-1] if named else "request"
    hint = PATTERN_HINTS.get(name) if first.get("type") == "string_pattern_mismatch" else None
    given = first.get("input")
    return f"{name}: {hint or first.get('msg', 'invalid request')}", given if isinstance(given, str) else name
