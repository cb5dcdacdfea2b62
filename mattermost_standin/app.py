"""The Starlette application: routes, the real error shape for every failure, and the response envelope that
web/handlers.go adds to every response its Handler serves (X-Request-Id, X-Version-Id, security headers).

Responses made outside that Handler on a real server stay bare here too: the API's catch-all 404 (Handle404)
and gorilla/mux's empty 405 for a non-GET on a web page path.
"""

from __future__ import annotations

import json
import logging

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from . import (
    api_channels,
    api_login,
    api_preferences,
    api_reports,
    api_roles,
    api_sessions,
    api_system,
    api_teams,
    api_users,
    web,
    webapp,
    websocket,
)
from .auth import CLEAR_TOKEN_COOKIE
from .config import VERSIONS, Settings
from .errors import AppError, new_id, not_found
from .http import json_response
from .store import Store

__all__ = ["VERSIONS", "Settings", "build_app"]
log = logging.getLogger("mattermost_standin")

_ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
BARE = "standin.bare"  # scope flag: the response is not one of the Handler's
# web/handlers.go since v7 ("Hardcoded sensible default values for these security headers").
_SECURITY_HEADERS = [
    (b"permissions-policy", b""),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


def _request_id(request: Request) -> str:
    return request.scope.get("state", {}).get("request_id") or new_id()


async def _app_error(request: Request, exc: AppError):
    if exc.route_miss:
        return _handle_404(request)
    response = json_response(exc.body(_request_id(request)), exc.status)
    if exc.clear_cookie:
        response.headers.append("set-cookie", CLEAR_TOKEN_COOKIE)
    return response


def _handle_404(request: Request) -> Response:
    request.scope[BARE] = True
    body = AppError(404, "api.context.404.app_error").body("")
    body["detailed_error"] = (
        f"There doesn't appear to be an api call for the url='{request.url.path}'.  "
        "Typo? are you missing a team_id or user_id as part of the url?"
    )
    # Only the newest Handle404 sets the content type; older ones leave Go to sniff it as text.
    as_json = request.app.state.settings.generation.json_404
    return Response(
        json.dumps(body, separators=(",", ":")),
        404,
        media_type="application/json" if as_json else "text/plain; charset=utf-8",
    )


async def _http_error(request: Request, exc: HTTPException):
    if exc.status_code == 405:  # gorilla/mux: the web app's route is GET only; empty body, no Handler headers
        request.scope[BARE] = True
        return Response(status_code=405)
    if exc.status_code == 404 and request.url.path.startswith("/static/"):
        return PlainTextResponse("404 page not found\n", 404, headers={"Cache-Control": "no-cache, public"})
    if exc.status_code == 404:
        return _handle_404(request)
    return await _app_error(request, AppError(exc.status_code, "api.context.invalid_param.app_error"))


async def _server_error(request: Request, exc: Exception):
    log.error("internal error on %s %s: %s", request.method, request.url.path, type(exc).__name__)
    return await _app_error(request, AppError(500, "api.context.500.app_error"))


async def _api_not_found(request: Request):
    # The real API root ends in a catch-all `/api/v4/{anything:.*}` -> Handle404, which also answers a known
    # path asked with the wrong method (gorilla/mux clears the method mismatch when a later route matches).
    raise not_found()


class Envelope:
    """Pure ASGI wrapper: request id, version and security headers, and no traceback ever escapes. Every API call
    is recorded (method, path, status) in `calls`, so that a test can show what a web app asked and got."""

    def __init__(self, app, settings: Settings, calls: ApiCalls):
        self.app = app
        self.calls = calls
        self.version = settings.version.encode()
        self.security = settings.generation.security_headers

    def _headers(self, scope, request_id: str) -> list[tuple[bytes, bytes]]:
        path = scope["path"]
        extra = [(b"x-request-id", request_id.encode()), (b"x-version-id", self.version)]
        if self.security:
            extra += _SECURITY_HEADERS
        if path.startswith("/api/"):
            if scope["method"] == "GET":
                extra.append((b"expires", b"0"))
        elif not path.startswith("/static/"):
            extra.append((b"x-frame-options", b"SAMEORIGIN"))  # the root page's static Handler (anti-clickjacking)
        return extra

    async def __call__(self, scope, receive, send):
        if scope["type"] == "websocket":
            try:
                return await self.app(scope, receive, self.calls.watch(scope, send))
            except Exception as exc:  # a browser gone mid-message: nothing to answer, no traceback to print
                log.debug("websocket ended: %s", type(exc).__name__)
                return None
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        send = self.calls.watch(scope, send)
        request_id = new_id()
        scope.setdefault("state", {})["request_id"] = request_id
        started = False

        async def send_with_headers(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                if not scope.get(BARE):
                    message = {**message, "headers": [*message.get("headers", []), *self._headers(scope, request_id)]}
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as exc:  # already answered by _server_error; keep uvicorn from printing a traceback
            if not started:
                err = AppError(500, "api.context.500.app_error")
                await json_response(err.body(request_id), 500)(scope, receive, send_with_headers)
            log.debug("suppressed %s", type(exc).__name__)


class ApiCalls:
    """The API calls answered so far, in order: (method, path, status). A websocket upgrade is method "WS", with
    101 when accepted and the HTTP status it was refused with otherwise."""

    def __init__(self):
        self.log: list[tuple[str, str, int]] = []

    def watch(self, scope, send):
        path = scope["path"]
        if not path.startswith("/api/"):
            return send
        method = "WS" if scope["type"] == "websocket" else scope["method"]

        answered = False

        async def recording(message):
            nonlocal answered
            kind = message["type"]
            status = None
            if kind in ("http.response.start", "websocket.http.response.start"):
                status = message["status"]
            elif kind == "websocket.accept":
                status = 101
            elif kind == "websocket.close" and not answered:
                status = 403  # closed before the upgrade: uvicorn answers 403
            if status is not None and not answered:
                answered = True
                self.log.append((method, path, status))
            await send(message)

        return recording


def build_app(store: Store, settings: Settings, faults: tuple[str, ...]) -> Envelope:
    routes = [
        *api_sessions.ROUTES,
        *api_login.ROUTES,
        *api_users.ROUTES,
        *api_preferences.ROUTES,
        *api_teams.ROUTES,
        *api_channels.ROUTES,
        *api_reports.ROUTES,
        *api_roles.ROUTES,
        *websocket.ROUTES,
        *api_system.ROUTES,
        Route("/api/{rest:path}", _api_not_found, methods=_ALL_METHODS),
        *(webapp.routes(settings.webapp, settings.site_name) if settings.webapp else web.ROUTES),
    ]
    app = Starlette(
        routes=routes, exception_handlers={AppError: _app_error, HTTPException: _http_error, Exception: _server_error}
    )
    app.state.store = store
    app.state.settings = settings
    app.state.faults = frozenset(faults)
    store.keep_stale_cache = "old_tokens_still_valid" in faults
    return Envelope(app, settings, ApiCalls())
