"""What makes the API and the dashboard safe to serve: response headers, the bearer token of
the write endpoint, the origins CORS may allow, and the hosts ``accord serve`` may bind.

- :class:`SecurityHeaders` (ASGI middleware, the outermost one) puts :data:`HEADERS` on every
  response: API answers, static files, errors, CORS preflights. Its Content-Security-Policy
  (:data:`CSP`) allows scripts, styles and requests from the server's own origin only (no inline
  script, no ``eval``), no plugins, no ``<base>``, no framing. An exception no handler turned into
  a response becomes a plain 500 that carries the headers and no traceback (it is logged).
  The API page (``/docs``, Swagger UI served from the package by
  :func:`accord.web.dashboard.mount_docs`) lives under that same policy.
- :func:`require_bearer` checks ``Authorization: Bearer TOKEN`` in constant time
  (:func:`hmac.compare_digest`); :func:`check_token` refuses a missing or short token
  (:data:`TOKEN_ENV` is where ``accord serve --allow-writes`` reads it).
- :func:`check_origin` accepts only explicit ``scheme://host[:port]`` origins (never ``*``);
  :func:`is_loopback` tells a host that only this machine can reach.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import re

from fastapi import HTTPException, Request
from fastapi.responses import JSONResponse
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "CSP",
    "HEADERS",
    "LOOPBACK_HOSTS",
    "MIN_TOKEN_LENGTH",
    "TOKEN_ENV",
    "SecurityHeaders",
    "check_origin",
    "check_token",
    "is_loopback",
    "require_bearer",
]

TOKEN_ENV = "ACCORD_API_TOKEN"
MIN_TOKEN_LENGTH = 16
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")
"""The Host header values a server bound to this machine answers (others are a DNS-rebinding
attempt or a mistake)."""

_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "connect-src": "'self'",
    "font-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}

CSP = "; ".join(f"{k} {v}" for k, v in _POLICY.items())
"""The Content-Security-Policy of every response."""

HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}
"""The headers of every response (a response that sets one of them keeps its own)."""

_log = logging.getLogger("accord.web")


class SecurityHeaders:
    """ASGI middleware: :data:`HEADERS` on every response, ``Cache-Control: no-store`` on the
    API's (data changes with every ingest; nothing of it belongs in a shared cache) and
    ``no-cache`` (revalidate) on the dashboard's files; an unhandled exception is a bare 500."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        api = path == "/api" or path.startswith(("/api/", "/openapi.json"))
        started = False

        async def send_secured(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers.setdefault(name, value)
                headers.setdefault("Cache-Control", "no-store" if api else "no-cache")
            await send(message)

        try:
            await self.app(scope, receive, send_secured)
        except Exception:
            _log.exception("unhandled error on %s %s", scope.get("method"), path)
            if started:
                raise
            response = JSONResponse({"detail": "internal server error"}, status_code=500)
            await response(scope, receive, send_secured)


def check_token(token: str | None) -> str:
    """``token`` if it can guard the write endpoint, else ``ValueError`` saying why."""
    if token is None or not token.strip():
        raise ValueError(f"writes need a bearer token: set {TOKEN_ENV}")
    if len(token.strip()) < MIN_TOKEN_LENGTH:
        raise ValueError(f"the bearer token ({TOKEN_ENV}) must have at least "
                         f"{MIN_TOKEN_LENGTH} characters")
    if not token.isascii() or any(c.isspace() for c in token.strip()):
        raise ValueError(f"the bearer token ({TOKEN_ENV}) must be ASCII without spaces")
    return token.strip()


def require_bearer(request: Request, token: str) -> None:
    """Raise 401 unless the request carries ``Authorization: Bearer <token>``."""
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    ok = scheme.lower() == "bearer" and hmac.compare_digest(
        given.strip().encode("utf-8", "replace"), token.encode("utf-8")
    )
    if not ok:
        raise HTTPException(
            401, detail="a valid bearer token is required (Authorization: Bearer TOKEN)",
            headers={"WWW-Authenticate": "Bearer"},
        )


_ORIGIN = re.compile(r"^https?://(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?$")


def check_origin(origin: str) -> str:
    """An origin CORS may allow (``https://example.org``, ``http://localhost:3000``), else
    ``ValueError``: no wildcard, no path, no trailing slash."""
    if not _ORIGIN.match(origin):
        raise ValueError(f"not an origin (scheme://host[:port], no path, no *): {origin!r}")
    return origin.lower()


def is_loopback(host: str) -> bool:
    """Whether ``host`` (an address or a name) is reachable from this machine only."""
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False
