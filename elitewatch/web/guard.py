"""What every response carries, and what a write must show before its body is read.

Both are plain ASGI middlewares, outside FastAPI's routing: FastAPI parses a form (spooling an upload to
disk) before it runs the endpoint's dependencies, so a token checked there is checked after a gigabyte
has been written. The gate answers from the request line and headers alone, and counts the body while it
streams, so that no request can make the server read more than the limit.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable

from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from elitewatch.errors import AccessError

# Only the app's own files: the pages have no inline script or style, /docs is served from here too.
CSP = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'"
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": CSP,
    "Referrer-Policy": "no-referrer",  # a page's address names what was read; keep it from linked sites
}
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
FORM_PATHS = ("/review/", "/correct/")  # the review and correction forms: the token comes in the (small) form body
SMALL_BODY = 64_000  # bytes: reads and the review form carry no more than a few fields

Reject = Callable[[Scope, int, str, str | None], Response]


def bearer_token(authorization: str | None) -> str:
    """The credentials of "Bearer …" (the scheme in any case, RFC 9110); "" for any other scheme or none."""
    scheme, _, credentials = (authorization or "").strip().partition(" ")
    return credentials.strip() if scheme.lower() == "bearer" else ""


def check_writable(expected: str | None) -> None:
    if expected is None:
        raise AccessError("writing is off: start the server with ELITEWATCH_TOKEN set", off=True)


def check_token(expected: str | None, given: str) -> None:
    check_writable(expected)
    if not given or not hmac.compare_digest(given.encode(), str(expected).encode()):
        raise AccessError('a valid token is needed to write, sent as "Authorization: Bearer TOKEN"', off=False)


class BodyTooLarge(HTTPException):
    """Raised from `receive` when the body passes the limit: FastAPI lets an HTTPException through its body
    parsing, so the app's handler answers it with the one error body."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is over the limit of {limit:,} bytes".replace(",", " "))


class SecurityHeaders:
    """nosniff, no framing, and a content security policy on every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.headers = [(name.lower().encode(), value.encode()) for name, value in SECURITY_HEADERS.items()]
        self.names = {name for name, _ in self.headers}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in self.names]
                message = {**message, "headers": [*kept, *self.headers]}
            await send(message)

        await self.app(scope, receive, send_secured)


class WriteGate:
    """Refuses a write without a valid bearer token, and any body over its limit, before reading it.

    `reject(scope, status, message, source)` builds the refusal, so that it has the app's one error body."""

    def __init__(self, app: ASGIApp, *, token: str | None, body_limit: int, reject: Reject) -> None:
        self.app = app
        self.token = token
        self.body_limit = body_limit
        self.reject = reject

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self._limit(scope)
        refusal = self._refusal(scope, limit)
        if refusal is not None:
            response = self.reject(scope, *refusal)
            response.headers["Connection"] = "close"  # the body is not read: do not wait for it
            if refusal[0] == 401:
                response.headers["WWW-Authenticate"] = "Bearer"
            await response(scope, receive, send)
            return
        meter = _Meter(receive, limit)
        started = False

        async def send_tracked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                if meter.over:  # the rest of the body is not wanted: the server stops reading it
                    message = {**message, "headers": [*message.get("headers", []), (b"connection", b"close")]}
            await send(message)

        try:
            await self.app(scope, meter.receive, send_tracked)
        except BodyTooLarge as error:  # raised where FastAPI does not turn it into a response itself
            if started:
                raise
            response = self.reject(scope, 413, str(error.detail), None)
            response.headers["Connection"] = "close"
            await response(scope, receive, send)

    def _limit(self, scope: Scope) -> int:
        if scope["method"] in READ_METHODS or scope["path"].startswith(FORM_PATHS):
            return SMALL_BODY
        return self.body_limit

    def _refusal(self, scope: Scope, limit: int) -> tuple[int, str, str | None] | None:
        headers = {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in scope["headers"]}
        if scope["method"] not in READ_METHODS:
            try:
                if scope["path"].startswith(FORM_PATHS):
                    check_writable(self.token)  # the token is a field of the form: its endpoint checks it
                else:
                    check_token(self.token, bearer_token(headers.get("authorization")))
            except AccessError as error:
                return (403 if error.off else 401), error.message, None
        declared = headers.get("content-length", "")
        if declared.isascii() and declared.isdigit() and int(declared) > limit:
            return 413, BodyTooLarge(limit).detail, declared
        return None


class _Meter:
    """`receive` that counts the body's bytes and raises BodyTooLarge past `limit`."""

    def __init__(self, receive: Receive, limit: int) -> None:
        self._receive = receive
        self.limit = limit
        self.seen = 0
        self.over = False

    async def receive(self) -> Message:
        message = await self._receive()
        if message["type"] == "http.request":
            self.seen += len(message.get("body", b""))
            if self.seen > self.limit:
                self.over = True
                raise BodyTooLarge(self.limit)
        return message
