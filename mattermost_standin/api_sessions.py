"""Sessions and statuses: list, revoke one, revoke a user's, revoke everyone's (api4/user.go, api4/status.go)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.routing import Route

from .auth import current_session, is_system_admin
from .errors import AppError, forbidden, invalid_body, invalid_url, is_valid_id
from .http import decode_value, json_response, read_map, status_ok


def _target_user(request: Request, session: dict) -> str:
    """users/{user_id}/... : the user themself, or edit_other_users (system admins by default)."""
    user_id = request.path_params["user_id"]
    user_id = session["user_id"] if user_id == "me" else user_id
    if not is_valid_id(user_id):
        raise invalid_url("user_id")
    if user_id != session["user_id"] and not is_system_admin(session):
        raise forbidden()
    return user_id


def sanitize_session(session: dict) -> dict:
    # The token is blanked in every response (Session.Sanitize).
    return {
        "id": session["id"],
        "token": "",
        "create_at": session["create_at"],
        "expires_at": session["expires_at"],
        "last_activity_at": session["last_activity_at"],
        "user_id": session["user_id"],
        "device_id": session["device_id"],
        "roles": session["roles"],
        "is_oauth": False,
        "expired_notify": False,
        "props": session["props"],
        "team_members": [],
        "local": False,
    }


async def get_sessions(request: Request):
    session = current_session(request)
    user_id = _target_user(request, session)
    return json_response([sanitize_session(s) for s in request.app.state.store.sessions_for_user(user_id)])


async def revoke_session(request: Request):
    session = current_session(request)
    user_id = _target_user(request, session)
    session_id = (await read_map(request)).get("session_id", "")
    if not session_id:
        raise invalid_body("session_id")
    store = request.app.state.store
    target = store.session(session_id)
    if target is None:
        raise AppError(400, "app.session.get.app_error")
    if target["user_id"] != user_id:
        raise invalid_url("user_id")
    store.revoke_session(session_id)
    return status_ok()


async def revoke_user_sessions(request: Request):
    session = current_session(request)
    request.app.state.store.revoke_user_sessions(_target_user(request, session))
    return status_ok()


async def revoke_all_users_sessions(request: Request):
    """revokeAllSessionsAllUsers: manage_system only; deletes every session, the caller's included."""
    session = current_session(request)
    faults = request.app.state.faults
    if not is_system_admin(session) and "endpoint_accepts_non_admin" not in faults:
        raise forbidden()
    if "revoke_all_noop" not in faults:
        request.app.state.store.revoke_all_sessions(
            spare_user_id=session["user_id"] if "revoke_all_spares_caller" in faults else None,
            spare_mobile="revoke_all_spares_mobile" in faults,
        )
    return status_ok()


def _status(store, user_id: str) -> dict:
    """A user's status: online while a session lives (the stand-in keeps no status rows of its own)."""
    online = bool(store.sessions_for_user(user_id))
    return {"user_id": user_id, "status": "online" if online else "offline", "manual": False, "last_activity_at": 0}


async def statuses_by_ids(request: Request):
    """The web app's periodic status poll (Constants.STATUS_INTERVAL, 60 s on a real server)."""
    current_session(request)
    ids = await decode_value(request, "user_ids")
    if not isinstance(ids, list) or not ids or not all(isinstance(i, str) and is_valid_id(i) for i in ids):
        raise invalid_body("user_ids")
    return json_response([_status(request.app.state.store, i) for i in ids])


async def user_status(request: Request):
    """getUserStatus (api4/status.go): anyone's status, no permission needed; the web app asks its own on start
    (autoResetStatus) and reads `.status` from the answer."""
    current_session(request)
    user_id = request.path_params["user_id"]
    if not is_valid_id(user_id):
        raise invalid_url("user_id")
    return json_response(_status(request.app.state.store, user_id))


ROUTES = [
    Route("/api/v4/users/sessions/revoke/all", revoke_all_users_sessions, methods=["POST"]),
    Route("/api/v4/users/status/ids", statuses_by_ids, methods=["POST"]),
    Route("/api/v4/users/{user_id}/status", user_status, methods=["GET"]),
    Route("/api/v4/users/{user_id}/sessions", get_sessions, methods=["GET"]),
    Route("/api/v4/users/{user_id}/sessions/revoke", revoke_session, methods=["POST"]),
    Route("/api/v4/users/{user_id}/sessions/revoke/all", revoke_user_sessions, methods=["POST"]),
]
