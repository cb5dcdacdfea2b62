"""The Starlette application: routes, the real error shape for every failure, and the response envelope
(X-Version-Id and X-Request-Id on every response, as `web/handlers.go` sets them)."""
from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.routing import Route

from . import api_sessions, api_teams, api_users, web
from .auth import CLEAR_TOKEN_COOKIE
from .errors import AppError, new_id, not_found
from .http import MAX_BODY_BYTES, json_response
from .store import Store

log = logging.getLogger("mattermost_standin")

# UI generation -> the server version it pairs with (first three parts are the semantic version).
VERSIONS = {"current": "10.11.0", "legacy": "5.37.0"}
_ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]


@dataclass(frozen=True)
class Settings:
    ui: str
    status_poll_seconds: float
    api_user_deletion: bool = True
    site_name: str = "Mattermost"

    @property
    def version(self) -> str:
        """CurrentVersion.BuildNumber.ClientConfigHash.IsLicensed, as the real X-Version-Id."""
        semver = VERSIONS[self.ui]
        client_config = json.dumps({"SiteName": self.site_name, "Version": semver}, sort_keys=True)
        return f"{semver}.{semver}.{hashlib.md5(client_config.encode()).hexdigest()}.false"


def _request_id(request: Request) -> str:
    return request.scope.get("state", {}).get("request_id") or new_id()


async def _app_error(request: Request, exc: AppError):
    response = json_response(exc.body(_request_id(request)), exc.status)
    if exc.clear_cookie:
        response.headers.append("set-cookie", CLEAR_TOKEN_COOKIE)
    return response


async def _http_error(request: Request, exc: HTTPException):
    if exc.status_code == 405:
        err = AppError(405, "api.context.method_not_allowed.app_error")
        err.message = "Method not allowed."
    else:
        err = not_found() if exc.status_code == 404 else AppError(exc.status_code, "api.context.invalid_param.app_error")
    return await _app_error(request, err)


async def _server_error(request: Request, exc: Exception):
    log.error("internal error on %s %s: %s", request.method, request.url.path, type(exc).__name__)
    return await _app_error(request, AppError(500, "api.context.500.app_error"))


async def _api_not_found(request: Request):
    # The real API root ends in a catch-all `/api/v4/{anything:.*}` -> Handle404, which also answers a known
    # path asked with the wrong method (gorilla/mux clears the method mismatch when a later route matches).
    raise not_found()


class Envelope:
    """Pure ASGI wrapper: request id, version headers, body-size limit, and no traceback ever escapes."""

    def __init__(self, app, version: str):
        self.app = app
        self.version = version.encode()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        request_id = new_id()
        scope.setdefault("state", {})["request_id"] = request_id
        extra = [(b"x-request-id", request_id.encode()), (b"x-version-id", self.version)]
        started = False

        async def send_with_headers(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        length = dict(scope["headers"]).get(b"content-length", b"0")
        if length.isdigit() and int(length) > MAX_BODY_BYTES:
            err = AppError(413, "api.context.request_body_too_large.app_error", limit=MAX_BODY_BYTES)
            return await json_response(err.body(request_id), 413)(scope, receive, send_with_headers)
        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as exc:  # already answered by _server_error; keep uvicorn from printing a traceback
            if not started:
                err = AppError(500, "api.context.500.app_error")
                await json_response(err.body(request_id), 500)(scope, receive, send_with_headers)
            log.debug("suppressed %s", type(exc).__name__)


def build_app(store: Store, settings: Settings, faults: tuple[str, ...]) -> Envelope:
    routes = [*api_sessions.ROUTES, *api_users.ROUTES, *api_teams.ROUTES,
              Route("/api/{rest:path}", _api_not_found, methods=_ALL_METHODS), *web.ROUTES]
    app = Starlette(routes=routes, exception_handlers={AppError: _app_error, HTTPException: _http_error,
                                                       Exception: _server_error})
    app.state.store = store
    app.state.settings = settings
    app.state.faults = frozenset(faults)
    store.keep_stale_cache = "old_tokens_still_valid" in faults
    return Envelope(app, settings.version)
