"""Login, logout and the legacy MFA pre-check (api4/user.go login/logout/checkUserMfa, app/login.go,
app/authentication.go).

Login errors are masked (the deferred block of api4 login): anything but the unmasked ids becomes
invalid_credentials_username / _email / _email_username, depending on the sign-in methods switched on.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from .auth import (
    CLEAR_TOKEN_COOKIE,
    SESSION_LENGTH_MOBILE_MS,
    SESSION_LENGTH_WEB_MS,
    attach_session_cookies,
    current_session,
)
from .errors import AppError, invalid_body, new_id
from .http import json_response, read_map, status_ok
from .mfa import check_token
from .passwords import verify_password
from .store import now_ms
from .useragent import session_props
from .users import sanitize

_UNMASKED = {
    "mfa.validate_token.authenticate.app_error",
    "api.user.check_user_mfa.bad_code.app_error",
    "api.user.login.blank_pwd.app_error",
    "api.user.login.inactive.app_error",
}


def _masked(settings) -> AppError:
    by_username = settings.cfg("EmailSettings.EnableSignInWithUsername")
    by_email = settings.cfg("EmailSettings.EnableSignInWithEmail")
    if by_username and not by_email:
        return AppError(401, "api.user.login.invalid_credentials_username")
    if by_email and not by_username:
        return AppError(401, "api.user.login.invalid_credentials_email")
    return AppError(401, "api.user.login.invalid_credentials_email_username")


def user_for_login(request: Request, login_id: str) -> dict | None:
    """GetUserForLogin: by username if that sign-in method is on, then by email if that one is on."""
    settings, store = request.app.state.settings, request.app.state.store
    login_id = login_id.strip().lower()
    user = None
    if settings.cfg("EmailSettings.EnableSignInWithUsername"):
        user = store.user_by_username(login_id)
    if user is None and settings.cfg("EmailSettings.EnableSignInWithEmail"):
        user = store.user_by_email(login_id)
    return user


def _authenticate(request: Request, props: dict[str, str]) -> dict:
    settings, store = request.app.state.settings, request.app.state.store
    if not props.get("password"):
        raise AppError(400, "api.user.login.blank_pwd.app_error")
    user = user_for_login(request, props.get("login_id", ""))
    if user is None:
        raise AppError(400, "store.sql_user.get_for_login.app_error")
    if user["delete_at"]:
        raise AppError(401, "api.user.login.inactive.app_error")
    if not verify_password(props["password"], user["password"]):
        raise AppError(401, "api.user.check_user_password.invalid.app_error")
    if user["mfa_active"] and settings.cfg("ServiceSettings.EnableMultifactorAuthentication"):
        remember = settings.generation.mfa_code_once
        used = check_token(user["mfa_secret"], props.get("token", ""), store.mfa_used_steps(user["id"]), remember)
        if remember:
            store.set_mfa_used_steps(user["id"], used)
    return user


async def login(request: Request):
    store = request.app.state.store
    props = await read_map(request)
    try:
        user = _authenticate(request, props)
    except AppError as exc:
        raise exc if exc.error_id in _UNMASKED else _masked(request.app.state.settings) from None
    device_id = props.get("device_id", "")
    ua = request.headers.get("user-agent", "")
    mobile = bool(device_id)  # DoLogin: a device id is what makes a session mobile
    props_ = {
        **session_props(ua),
        "csrf": new_id(),
        "is_guest": str("system_guest" in user["roles"]).lower(),
        "isMobile": str(mobile).lower(),
        "isSaml": "false",
        "isOAuthUser": "false",
    }
    if device_id:
        # DoLogin: a new login from a device replaces that device's older sessions.
        store.revoke_device_sessions(user["id"], device_id)
    length = SESSION_LENGTH_MOBILE_MS if device_id else SESSION_LENGTH_WEB_MS
    session = store.create_session(user["id"], user["roles"], device_id, props_, now_ms() + length)
    store.set_user_fields(user["id"], last_login_at=now_ms())
    response = json_response(sanitize(store.user(user["id"])))  # 200, not the OpenAPI's 201
    response.headers["Token"] = session["token"]
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        attach_session_cookies(response, session)
    return response


async def logout(request: Request):
    # APIHandler: no session required, always 200, always clears the token cookie.
    session = current_session(request, required=False)
    if session is not None:
        request.app.state.store.revoke_session(session["id"])
    response = status_ok()
    response.headers.append("set-cookie", CLEAR_TOKEN_COOKIE)
    return response


async def check_user_mfa(request: Request):
    """Deprecated checkUserMfa: http.NotFound while ServiceSettings.DisableLegacyMFA (a fresh install's default)."""
    settings = request.app.state.settings
    if settings.cfg("ServiceSettings.DisableLegacyMFA"):
        return PlainTextResponse("404 page not found\n", 404)
    login_id = (await read_map(request)).get("login_id", "")
    if not login_id:
        raise invalid_body("login_id")
    required = False
    if settings.cfg("ServiceSettings.EnableMultifactorAuthentication"):
        user = user_for_login(request, login_id)
        required = bool(user and user["mfa_active"])
    return json_response({"mfa_required": required})


ROUTES = [
    Route("/api/v4/users/login", login, methods=["POST"]),
    Route("/api/v4/users/logout", logout, methods=["POST"]),
    Route("/api/v4/users/mfa", check_user_mfa, methods=["POST"]),
]
