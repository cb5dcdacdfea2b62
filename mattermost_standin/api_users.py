"""Users: login/logout, me, create, look-ups, list, deactivate/delete (server/channels/api4/user.go)."""
from __future__ import annotations

import re

from starlette.requests import Request
from starlette.routing import Route

from .auth import (CLEAR_TOKEN_COOKIE, SESSION_LENGTH_MOBILE_MS, SESSION_LENGTH_WEB_MS, attach_session_cookies,
                   current_session, is_system_admin)
from .errors import AppError, forbidden, invalid_body, invalid_url, is_valid_id, new_id
from .http import json_response, query_int, read_json, status_ok, string_map
from .passwords import verify_password
from .store import now_ms
from .useragent import session_props

_USERNAME = re.compile(r"^[a-z][a-z0-9.\-_]{0,63}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")
_RESERVED = {"all", "channel", "here", "matterbot", "system"}
MIN_PASSWORD_LENGTH = 5  # PasswordSettings.MinimumLength of v5.x; e2e users use "passwd"
_KNOWN_ROLES = {"system_user", "system_admin", "system_guest", "system_user_manager", "system_manager",
                "system_read_only_admin"}


def sanitize(user: dict) -> dict:
    """The User JSON a client sees: no password, no auth data (model.User.Sanitize)."""
    return {"id": user["id"], "create_at": user["create_at"], "update_at": user["update_at"],
            "delete_at": user["delete_at"], "username": user["username"], "auth_data": "", "auth_service": "",
            "email": user["email"], "email_verified": True, "nickname": user["nickname"],
            "first_name": user["first_name"], "last_name": user["last_name"], "position": "",
            "roles": user["roles"], "props": {}, "notify_props": {"email": "true", "push": "mention"},
            "last_password_update": user["last_password_update"], "last_login_at": user["last_login_at"],
            "locale": user["locale"], "mfa_active": False,
            "timezone": {"automaticTimezone": "", "manualTimezone": "", "useAutomaticTimezone": "true"}}


def _user_or_404(store, user_id: str) -> dict:
    if not is_valid_id(user_id):
        raise invalid_url("user_id")
    user = store.user(user_id)
    if user is None:
        raise AppError(404, "app.user.missing_account.const")
    return user


def _require_self_or_admin(session: dict, user_id: str) -> None:
    if session["user_id"] != user_id and not is_system_admin(session):
        raise forbidden()


async def login(request: Request):
    store = request.app.state.store
    props = string_map(await read_json(request, "login", default={}))
    login_id, password, device_id = props.get("login_id", ""), props.get("password", ""), props.get("device_id", "")
    if not password:
        raise AppError(400, "api.user.login.blank_pwd.app_error")
    user = store.user_for_login(login_id.strip().lower())
    if user is not None and user["delete_at"]:
        raise AppError(401, "api.user.login.inactive.app_error")
    if user is None or not verify_password(password, user["password"]):
        raise AppError(401, "api.user.login.invalid_credentials_email_username")
    ua = request.headers.get("user-agent", "")
    mobile = bool(device_id)  # DoLogin: a device id is what makes a session mobile
    session_props_ = {**session_props(ua), "csrf": new_id(), "is_guest": str("system_guest" in user["roles"]).lower(),
                      "isMobile": str(mobile).lower(), "isSaml": "false", "isOAuthUser": "false"}
    if device_id:
        # DoLogin: a new login from a device replaces that device's older sessions.
        store.revoke_device_sessions(user["id"], device_id)
    length = SESSION_LENGTH_MOBILE_MS if device_id else SESSION_LENGTH_WEB_MS
    session = store.create_session(user["id"], user["roles"], device_id, session_props_, now_ms() + length)
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


async def create_user(request: Request):
    store = request.app.state.store
    body = await read_json(request, "user")
    if not isinstance(body, dict) or not all(isinstance(body.get(k, ""), str) for k in
                                             ("username", "email", "password", "first_name", "last_name", "nickname")):
        raise invalid_body("user")
    username, email = body.get("username", "").strip().lower(), body.get("email", "").strip().lower()
    password = body.get("password", "")
    if not _USERNAME.match(username) or username in _RESERVED:
        raise AppError(400, "model.user.is_valid.username.app_error")
    if not _EMAIL.match(email) or len(email) > 128:
        raise AppError(400, "model.user.is_valid.email.app_error")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AppError(400, "model.user.is_valid.pwd.app_error", min=MIN_PASSWORD_LENGTH)
    if store.user_by_username(username):
        raise AppError(400, "app.user.save.username_exists.app_error")
    if store.user_by_email(email):
        raise AppError(400, "app.user.save.email_exists.app_error")
    user = store.create_user(username, email, password, body.get("first_name", ""), body.get("last_name", ""),
                             body.get("nickname", ""))
    return json_response(sanitize(user), 201)


async def list_users(request: Request):
    current_session(request)
    page, per_page = query_int(request, "page", 0), query_int(request, "per_page", 60, maximum=200)
    return json_response([sanitize(u) for u in request.app.state.store.users(page, per_page)])


async def get_user(request: Request):
    session = current_session(request)
    user_id = request.path_params["user_id"]
    user_id = session["user_id"] if user_id == "me" else user_id
    return json_response(sanitize(_user_or_404(request.app.state.store, user_id)))


async def get_user_by_username(request: Request):
    current_session(request)
    user = request.app.state.store.user_by_username(request.path_params["username"].lower())
    if user is None:
        raise AppError(404, "app.user.get_by_username.app_error")
    return json_response(sanitize(user))


async def delete_user(request: Request):
    session = current_session(request)
    store, settings = request.app.state.store, request.app.state.settings
    user = _user_or_404(store, request.path_params["user_id"])
    _require_self_or_admin(session, user["id"])
    if "system_admin" in user["roles"].split() and not is_system_admin(session):
        raise forbidden()
    if request.query_params.get("permanent") == "true":
        # Needs ServiceSettings.EnableAPIUserDeletion on a real server; on by default in the stand-in.
        if not settings.api_user_deletion:
            raise AppError(401, "api.user.delete_user.not_enabled.app_error")
        if not is_system_admin(session):
            raise forbidden()
        store.delete_user(user["id"])
        return status_ok()
    store.set_user_fields(user["id"], delete_at=now_ms())  # UpdateActive(false) also revokes the sessions
    store.revoke_user_sessions(user["id"])
    return status_ok()


async def update_roles(request: Request):
    session = current_session(request)
    if not is_system_admin(session):
        raise forbidden()
    store = request.app.state.store
    user = _user_or_404(store, request.path_params["user_id"])
    roles = string_map(await read_json(request, "roles", default={})).get("roles", "")
    if not roles or not set(roles.split()) <= _KNOWN_ROLES:
        raise invalid_body("roles")
    store.set_user_fields(user["id"], roles=roles)
    store.set_session_roles(user["id"], roles)
    return status_ok()


ROUTES = [
    Route("/api/v4/users/login", login, methods=["POST"]),
    Route("/api/v4/users/logout", logout, methods=["POST"]),
    Route("/api/v4/users", create_user, methods=["POST"]),
    Route("/api/v4/users", list_users, methods=["GET"]),
    Route("/api/v4/users/username/{username}", get_user_by_username, methods=["GET"]),
    Route("/api/v4/users/{user_id}", get_user, methods=["GET"]),
    Route("/api/v4/users/{user_id}", delete_user, methods=["DELETE"]),
    Route("/api/v4/users/{user_id}/roles", update_roles, methods=["PUT"]),
]
