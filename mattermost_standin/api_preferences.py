"""Preferences (server/channels/api4/preference.go, app/preference.go, store/sqlstore/preference_store.go,
public/model/preference.go) and what a new user is given at creation (app/user.go createUserOrGuest).

Order of checks as the real handlers: session (+ MFA), user id ("me" allowed), category/name format, permission
(own preferences, or edit_other_users = system admin), body, per-preference user id, then validation inside one
transaction, so a bad element saves nothing.
"""

from __future__ import annotations

import json
import re

from starlette.requests import Request
from starlette.routing import Route

from . import generations
from .auth import current_session, is_system_admin, path_user_id
from .errors import AppError, forbidden, invalid_body, invalid_url, is_valid_id, not_found
from .http import decode_value, json_response, status_ok, struct_fields

# mux route class {category:[A-Za-z0-9_]+}; RequireCategory / RequirePreferenceName then demand the format of
# model.IsValidAlphaNumHyphenUnderscore(s, true).
_ROUTE_CLASS = re.compile(r"^[A-Za-z0-9_]+$")
_WITH_FORMAT = re.compile(r"^[a-z0-9]+([a-z\-_0-9]+|(__)?)[a-z0-9]+$")
_COLOR = re.compile(r"^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$")
_FIELDS = {"user_id": str, "category": str, "name": str, "value": str}
MAX_UPDATE_PREFERENCES = 100  # api4/preference.go maxUpdatePreferences (current generation)


def initial_preferences(ui: str, user_id: str) -> list[dict]:
    """What CreateUser saves for a new user, by generation (generations/*.py: initial_preferences)."""
    return [
        {"user_id": user_id, "category": category, "name": name.format(user_id=user_id), "value": value}
        for category, name, value in generations.generation(ui).initial_preferences
    ]


def _check_format(request: Request, param: str) -> str:
    value = request.path_params[param]
    if not _ROUTE_CLASS.match(value):
        raise not_found()  # the mux route does not match: the API's catch-all answers
    if not _WITH_FORMAT.match(value):
        raise invalid_url(param)
    return value


def _require_permission(session: dict, user_id: str) -> None:
    """SessionHasPermissionToUser: oneself, or edit_other_users (only system admins hold it by default)."""
    if session["user_id"] != user_id and not is_system_admin(session):
        raise forbidden()


async def _preferences_body(request: Request, ui: str) -> list[dict]:
    value = await decode_value(request, "preferences")
    if value is None:
        value = []  # Go decodes null into a nil slice without error
    if not isinstance(value, list):
        raise invalid_body("preferences")
    decoded = [struct_fields(item, _FIELDS) for item in value]
    if any(item is None for item in decoded):
        raise invalid_body("preferences")
    if generations.generation(ui).preference_batch_limited and not 0 < len(decoded) <= MAX_UPDATE_PREFERENCES:
        raise invalid_body("preferences")
    return decoded


def _go_marshal_map(props: dict) -> str:
    """json.Marshal of a map[string]string: sorted keys, no spaces, <, > and & escaped."""
    text = json.dumps(props, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _theme_map(value: str):
    """json.NewDecoder(...).Decode(&map[string]string): a dict of strings, None for null, False on error."""
    try:
        decoded, _ = json.JSONDecoder().raw_decode(value.lstrip(" \t\r\n"))
    except ValueError:
        return False
    if decoded is None:
        return None
    if not isinstance(decoded, dict) or not all(isinstance(v, str) or v is None for v in decoded.values()):
        return False
    return {k: v or "" for k, v in decoded.items()}


def _pre_update(pref: dict) -> None:
    """Preference.PreUpdate: theme colours that are not #rgb/#rrggbb become #ffffff."""
    if pref["category"] != "theme":
        return
    props = _theme_map(pref["value"])
    if props is False:
        return  # left as is; IsValid refuses it
    if props is not None:
        for key, colour in props.items():
            if key not in ("image", "type", "codeTheme") and not _COLOR.match(colour):
                props[key] = "#ffffff"
    pref["value"] = "null" if props is None else _go_marshal_map(props)


def _is_valid(pref: dict, ui: str) -> None:
    """Preference.IsValid of the generation (value limit 2000 runes before migration 000122, 20000 after)."""
    if not is_valid_id(pref["user_id"]):
        raise AppError(400, "model.preference.is_valid.id.app_error")
    if not pref["category"] or len(pref["category"].encode()) > 32:
        raise AppError(400, "model.preference.is_valid.category.app_error")
    if len(pref["name"].encode()) > 32:
        raise AppError(400, "model.preference.is_valid.name.app_error")
    generation = generations.generation(ui)
    if len(pref["value"]) > generation.preference_value_limit:
        raise AppError(400, "model.preference.is_valid.value.app_error")
    if pref["category"] == "theme" and _theme_map(pref["value"]) is False:
        raise AppError(400, "model.preference.is_valid.theme.app_error")
    if generation.sidebar_limit_checked and (pref["category"], pref["name"]) == (
        "sidebar_settings",
        "limit_visible_dms_gms",
    ):
        if not (pref["value"].isdigit() and 1 <= int(pref["value"]) <= 40):
            raise AppError(400, "model.preference.is_valid.limit_visible_dms_gms.app_error")


async def get_preferences(request: Request):
    session = current_session(request)
    user_id = path_user_id(request, session)
    _require_permission(session, user_id)
    return json_response(request.app.state.store.preferences(user_id))


async def get_category(request: Request):
    session = current_session(request)
    user_id = path_user_id(request, session)
    category = _check_format(request, "category")
    _require_permission(session, user_id)
    found = request.app.state.store.preferences(user_id, category)
    if not found:
        raise AppError(404, "api.preference.preferences_category.get.app_error")
    return json_response(found)


async def get_one(request: Request):
    session = current_session(request)
    user_id = path_user_id(request, session)
    category = _check_format(request, "category")
    name = _check_format(request, "preference_name")
    _require_permission(session, user_id)
    found = request.app.state.store.preference(user_id, category, name)
    if found is None:  # the store's sql.ErrNoRows is mapped to a 400, not a 404
        raise AppError(400, request.app.state.settings.generation.missing_preference_error)
    return json_response(found)


async def update_preferences(request: Request):
    session = current_session(request)
    user_id = path_user_id(request, session)
    _require_permission(session, user_id)
    ui = request.app.state.settings.ui
    preferences = await _preferences_body(request, ui)
    if any(p["category"] == "flagged_post" for p in preferences):
        raise invalid_body("preference.name")  # GetSinglePost fails: the stand-in has no posts
    if any(p["user_id"] != user_id for p in preferences):
        raise AppError(403, "api.preference.update_preferences.set.app_error")
    for pref in preferences:  # saveTx: PreUpdate then IsValid, the first failure aborts the transaction
        _pre_update(pref)
        _is_valid(pref, ui)
    request.app.state.store.save_preferences(preferences)
    return status_ok()


async def delete_preferences(request: Request):
    session = current_session(request)
    user_id = path_user_id(request, session)
    _require_permission(session, user_id)
    preferences = await _preferences_body(request, request.app.state.settings.ui)
    if any(p["user_id"] != user_id for p in preferences):
        raise AppError(403, "api.preference.delete_preferences.delete.app_error")
    request.app.state.store.delete_preferences(user_id, [(p["category"], p["name"]) for p in preferences])
    return status_ok()


_BASE = "/api/v4/users/{user_id}/preferences"
ROUTES = [
    Route(_BASE, get_preferences, methods=["GET"]),
    Route(_BASE, update_preferences, methods=["PUT"]),
    Route(_BASE + "/delete", delete_preferences, methods=["POST"]),
    Route(_BASE + "/{category}", get_category, methods=["GET"]),
    Route(_BASE + "/{category}/name/{preference_name}", get_one, methods=["GET"]),
]
