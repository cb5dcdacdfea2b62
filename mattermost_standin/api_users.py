"""Users: create, look-ups, list, patch, activate/deactivate, delete, roles (server/channels/api4/user.go,
app/user.go)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .api_preferences import initial_preferences
from .auth import current_session, is_system_admin, path_user_id
from .errors import AppError, forbidden, invalid_body, invalid_url, is_valid_id
from .http import decode_value, json_response, query_int, read_map, read_object, status_ok, struct_fields
from .passwords import verify_password
from .store import now_ms
from .users import (
    SUPPORTED_LOCALES,
    check_email,
    check_email_domain,
    check_profile_fields,
    check_username,
    default_profile_image,
    sanitize,
)

MIN_PASSWORD_LENGTH = 5  # PasswordSettings.MinimumLength of v5.x; e2e users use "passwd"
_KNOWN_ROLES = {
    "system_user",
    "system_admin",
    "system_guest",
    "system_user_manager",
    "system_manager",
    "system_read_only_admin",
}
_USER_FIELDS = {
    k: str for k in ("username", "email", "password", "first_name", "last_name", "nickname", "position", "locale")
}


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


async def create_user(request: Request):
    """An admin's request is CreateUserAsAdmin (no sign-up rules); anyone else's is CreateUserFromSignup."""
    store, settings = request.app.state.store, request.app.state.settings
    body = struct_fields(await decode_value(request, "user"), _USER_FIELDS)
    if body is None:
        raise invalid_body("user")
    session = current_session(request, required=False)
    if session is None or not is_system_admin(session):
        if not (
            settings.cfg("EmailSettings.EnableSignUpWithEmail") and settings.cfg("TeamSettings.EnableUserCreation")
        ):
            raise AppError(501, "api.user.create_user.signup_email_disabled.app_error")
        if not settings.cfg("TeamSettings.EnableOpenServer"):
            raise AppError(403, "api.user.create_user.no_open_server")
    username, email = body["username"].strip().lower(), body["email"].strip().lower()
    check_email_domain(email, settings.cfg("TeamSettings.RestrictCreationToDomains"))  # admins too
    check_username(username)
    check_email(email)
    check_profile_fields(body)
    if len(body["password"]) < MIN_PASSWORD_LENGTH:
        raise AppError(400, "model.user.is_valid.pwd.app_error", min=MIN_PASSWORD_LENGTH)
    if store.user_by_username(username):
        raise AppError(400, "app.user.save.username_exists.app_error")
    if store.user_by_email(email):
        raise AppError(400, "app.user.save.email_exists.app_error")
    locale = (
        body["locale"]
        if body["locale"] in SUPPORTED_LOCALES
        else settings.cfg("LocalizationSettings.DefaultClientLocale")
    )
    user = store.create_user(
        username,
        email,
        body["password"],
        body["first_name"],
        body["last_name"],
        body["nickname"],
        locale=locale,
        position=body["position"],
    )
    store.save_preferences(initial_preferences(settings.ui, user["id"]))
    return json_response(sanitize(user), 201)


async def list_users(request: Request):
    current_session(request)
    page, per_page = query_int(request, "page", 0), query_int(request, "per_page", 60, maximum=200)
    query = request.query_params
    roles = tuple(r for r in (query.get("roles", "").split(",") + [query.get("role", "")]) if r)
    active = True if query.get("active") == "true" else False if query.get("inactive") == "true" else None
    users = request.app.state.store.users(page, per_page, roles=roles, active=active)
    return json_response([sanitize(u) for u in users])


async def users_by_ids(request: Request):
    """getUsersByIds: the users among the ids that exist (unknown ids are left out); a bad body is a 400."""
    current_session(request)
    ids = await decode_value(request, "user_ids")
    if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):
        raise invalid_body("user_ids")
    store = request.app.state.store
    found = (store.user(i) for i in dict.fromkeys(ids) if is_valid_id(i))
    return json_response([sanitize(u) for u in found if u is not None])


async def total_users_stats(request: Request):
    """getTotalUsersStats: active users the caller may see (every user here: no view restrictions)."""
    current_session(request)
    return json_response({"total_users_count": request.app.state.store.count_users(active=True)})


async def filtered_users_stats(request: Request):
    """getFilteredUsersStats: sysconsole_read_user_management_users only; the stand-in has no bots or remote
    users, so only include_deleted and the roles filter change the count."""
    session = current_session(request)
    if not is_system_admin(session):
        raise forbidden()
    query = request.query_params
    roles = tuple(r for r in query.get("roles", "").split(",") if r)
    if not set(roles) <= _KNOWN_ROLES:
        raise invalid_url("roles")
    active = None if query.get("include_deleted", "").lower() in ("true", "1", "t") else True
    total = request.app.state.store.count_users(roles=roles, active=active)
    return json_response({"total_users_count": total})


async def profile_image(request: Request):
    """getProfileImage: a user without an uploaded picture gets the default one the server draws (a coloured
    square with the initial, app/user.go CreateProfileImage), cached a day by the browser."""
    current_session(request)
    user = _user_or_404(request.app.state.store, request.path_params["user_id"])
    return Response(
        default_profile_image(user["id"], user["username"]),
        media_type="image/png",
        headers={"Cache-Control": "max-age=86400, private"},
    )


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


def _patch_members(value) -> dict[str, str]:
    """model.UserPatch has pointer fields: only the members present change (keys match case-insensitively)."""
    decoded = struct_fields(value, _USER_FIELDS)
    if decoded is None:
        raise invalid_body("user")
    present = {key.lower() for key, member in (value or {}).items() if member is not None}
    return {name: decoded[name] for name in _USER_FIELDS if name in present}


async def patch_user(request: Request):
    """patchUser: own profile, or edit_other_users; a system admin's only by a system admin."""
    session = current_session(request)
    user_id = path_user_id(request, session)
    patch = _patch_members(await decode_value(request, "user"))
    _require_self_or_admin(session, user_id)
    store = request.app.state.store
    user = store.user(user_id)
    if user is None:
        raise invalid_body("user_id")
    if "system_admin" in user["roles"].split() and not is_system_admin(session):
        raise forbidden()
    changes = {k: v for k, v in patch.items() if k != "password"}
    if "email" in changes and changes["email"].strip().lower() != user["email"] and session["user_id"] == user_id:
        if "password" not in patch:
            raise invalid_body("password")
        if not verify_password(patch["password"], user["password"]):  # DoubleCheckPassword
            raise AppError(401, "api.user.check_user_password.invalid.app_error")
    if "username" in changes:
        changes["username"] = changes["username"].strip().lower()
        check_username(changes["username"])
        other = store.user_by_username(changes["username"])
        if other is not None and other["id"] != user_id:
            raise AppError(400, "app.user.save.username_exists.app_error")
    if "email" in changes:
        changes["email"] = changes["email"].strip().lower()
        check_email(changes["email"])
        other = store.user_by_email(changes["email"])
        if other is not None and other["id"] != user_id:
            raise AppError(400, "app.user.save.email_exists.app_error")
    check_profile_fields(changes)
    if changes:
        store.set_user_fields(user_id, **changes)
    return json_response(sanitize(store.user(user_id)))


async def update_active(request: Request):
    """updateUserActive: only a system admin, except deactivating oneself when EnableUserDeactivation allows it."""
    session = current_session(request)
    user_id = path_user_id(request, session)
    active = (await read_object(request)).get("active")
    if not isinstance(active, bool):
        raise invalid_body("active")
    self_deactivate = not active and user_id == session["user_id"]
    if not self_deactivate and not is_system_admin(session):
        raise AppError(403, "api.user.update_active.permissions.app_error")
    if self_deactivate and not request.app.state.settings.cfg("TeamSettings.EnableUserDeactivation"):
        raise AppError(401, "api.user.update_active.not_enable.app_error")
    store = request.app.state.store
    user = store.user(user_id)
    if user is None:
        raise AppError(404, "app.user.missing_account.const")
    if "system_admin" in user["roles"].split() and not is_system_admin(session):
        raise forbidden()
    _set_active(store, user_id, active)
    return status_ok()


def _set_active(store, user_id: str, active: bool) -> None:
    """UpdateActive: deactivation stamps delete_at and revokes every session of the user."""
    store.set_user_fields(user_id, delete_at=0 if active else now_ms())
    if not active:
        store.revoke_user_sessions(user_id)


async def delete_user(request: Request):
    session = current_session(request)
    store, settings = request.app.state.store, request.app.state.settings
    user = _user_or_404(store, request.path_params["user_id"])
    _require_self_or_admin(session, user["id"])
    if (
        user["id"] == session["user_id"]
        and not settings.cfg("TeamSettings.EnableUserDeactivation")
        and not is_system_admin(session)
    ):
        raise AppError(401, "api.user.update_active.not_enable.app_error")
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
    _set_active(store, user["id"], False)
    return status_ok()


async def update_roles(request: Request):
    session = current_session(request)
    if not is_system_admin(session):
        raise forbidden()
    store = request.app.state.store
    user = _user_or_404(store, request.path_params["user_id"])
    roles = (await read_map(request)).get("roles", "")
    if not roles or not set(roles.split()) <= _KNOWN_ROLES:
        raise invalid_body("roles")
    store.set_user_fields(user["id"], roles=roles)
    store.set_session_roles(user["id"], roles)
    return status_ok()


ROUTES = [
    Route("/api/v4/users", create_user, methods=["POST"]),
    Route("/api/v4/users", list_users, methods=["GET"]),
    Route("/api/v4/users/username/{username}", get_user_by_username, methods=["GET"]),
    Route("/api/v4/users/ids", users_by_ids, methods=["POST"]),
    Route("/api/v4/users/stats", total_users_stats, methods=["GET"]),
    Route("/api/v4/users/stats/filtered", filtered_users_stats, methods=["GET"]),
    Route("/api/v4/users/{user_id}", get_user, methods=["GET"]),
    Route("/api/v4/users/{user_id}/image", profile_image, methods=["GET"]),
    Route("/api/v4/users/{user_id}", delete_user, methods=["DELETE"]),
    Route("/api/v4/users/{user_id}/patch", patch_user, methods=["PUT"]),
    Route("/api/v4/users/{user_id}/active", update_active, methods=["PUT"]),
    Route("/api/v4/users/{user_id}/roles", update_roles, methods=["PUT"]),
]
