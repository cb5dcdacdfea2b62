"""Auth transport rules of `app/authentication.go` and `web/handlers.go`, and the session cookies.

Token: MMAUTHTOKEN cookie wins over `Authorization: Bearer|Token`; `?access_token=` is for OAuth only.
CSRF: cookie-authenticated non-GET requests need X-CSRF-Token, or X-Requested-With: XMLHttpRequest (the
default non-strict fallback).
"""

from __future__ import annotations

from email.utils import formatdate

from starlette.requests import Request
from starlette.responses import Response

from .errors import AppError, invalid_url, is_valid_id, session_expired
from .store import now_ms

COOKIE_TOKEN, COOKIE_USER, COOKIE_CSRF = "MMAUTHTOKEN", "MMUSERID", "MMCSRF"
SESSION_LENGTH_WEB_MS = 720 * 3600 * 1000  # SessionLengthWebInHours default
SESSION_LENGTH_MOBILE_MS = 720 * 3600 * 1000  # SessionLengthMobileInHours default
# Go writes `Max-Age=0` for http.Cookie{MaxAge: -1}; the server clears only this cookie (RemoveSessionCookie).
CLEAR_TOKEN_COOKIE = f"{COOKIE_TOKEN}=; Path=/; Max-Age=0; HttpOnly"


def token_from(request: Request) -> tuple[str, str]:
    """(token, location) with location "cookie", "header", "query" or ""."""
    cookie = request.cookies.get(COOKIE_TOKEN, "")
    if cookie:
        return cookie, "cookie"
    auth = request.headers.get("authorization", "")
    scheme, _, value = auth.partition(" ")
    if scheme.lower() in ("bearer", "token") and value.strip():
        return value.strip(), "header"
    query = request.query_params.get("access_token", "")
    return (query, "query") if query else ("", "")


def csrf_ok(request: Request, session: dict) -> bool:
    header = request.headers.get("x-csrf-token", "")
    if header:
        return header == session["props"].get("csrf")
    return request.headers.get("x-requested-with", "") == "XMLHttpRequest"


def current_session(
    request: Request, required: bool = True, mfa: bool = True, trust_requester: bool = False
) -> dict | None:
    """The caller's session, or None when not required; raises the real 401s when required, and the 403 of
    enforced MFA (web/context.go MfaRequired) for endpoints that demand it (APISessionRequired ones).
    trust_requester: a ...TrustRequester handler, which skips the CSRF check (a beacon cannot set headers)."""
    store = request.app.state.store
    token, location = token_from(request)
    if location == "query":
        # Only OAuth sessions may use ?access_token; the stand-in has none.
        if required:
            raise AppError(401, "api.context.token_provided.app_error")
        return None
    session = store.session_by_token(token) if token else None
    if session is not None and session["expires_at"] <= now_ms():
        session = None
    if session is None:
        if required:
            # A token that no longer maps to a session clears the cookie; no token at all does not.
            raise session_expired("token invalid" if token else "UserRequired", clear_cookie=bool(token))
        return None
    if location == "cookie" and request.method != "GET" and not trust_requester and not csrf_ok(request, session):
        if required:
            raise session_expired("Appears to be a CSRF attempt")
        return None
    if now_ms() - session["last_activity_at"] > 60_000:  # like UpdateLastActivityAtIfNeeded, not every hit
        store.touch_session(session)
    if required and mfa and request.app.state.settings.mfa_enforced:
        _require_mfa(request, session)
    return session


def _require_mfa(request: Request, session: dict) -> None:
    """Users without MFA may only fetch themselves (the special case for /api/v4/users/me)."""
    if request.url.path == "/api/v4/users/me":
        return
    user = request.app.state.store.user(session["user_id"])
    if user is None:
        raise AppError(401, "api.context.get_user.app_error")
    if not user["mfa_active"]:
        raise AppError(403, "api.context.mfa_required.app_error")


def is_system_admin(session: dict) -> bool:
    return "system_admin" in session["roles"].split()


def attach_session_cookies(response: Response, session: dict) -> None:
    """AttachSessionCookies: only for XHR logins; attribute order as Go's http.Cookie.String()."""
    max_age = SESSION_LENGTH_WEB_MS // 1000  # SessionLengthWebInHours * 3600, as the real handler computes it
    expires = formatdate(now_ms() // 1000 + max_age, usegmt=True)
    tail = f"; Path=/; Expires={expires}; Max-Age={max_age}"
    response.headers.append("set-cookie", f"{COOKIE_TOKEN}={session['token']}{tail}; HttpOnly")
    response.headers.append("set-cookie", f"{COOKIE_USER}={session['user_id']}{tail}")
    response.headers.append("set-cookie", f"{COOKIE_CSRF}={session['props']['csrf']}{tail}")


def path_user_id(request: Request, session: dict) -> str:
    """c.RequireUserId: "me" is the caller; anything but a 26-character id is a 400."""
    user_id = request.path_params["user_id"]
    user_id = session["user_id"] if user_id == "me" else user_id
    if not is_valid_id(user_id):
        raise invalid_url("user_id")
    return user_id


def own_or_admin(request: Request, session: dict) -> str:
    """users/{user_id}/...: the caller themself, or a system admin for anyone (edit_other_users and its kin)."""
    user_id = path_user_id(request, session)
    if user_id != session["user_id"] and not is_system_admin(session):
        raise AppError(403, "api.context.permissions.app_error")
    return user_id
