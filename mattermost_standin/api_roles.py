"""Roles, the source of every permission the web app checks before it shows a screen (api4/role.go,
model/role.go MakeDefaultRoles and the permission migrations a fresh server runs at start-up).

The roles are those of a default 11.2 server (defaults/roles_11.2.json, docs/standin.md says how they were
derived). The web app decides what to show from them: the System Console menu item (any sysconsole_read_*), the
Users page (sysconsole_read_user_management_users) and its Revoke All Sessions button (revoke_user_access_token).
"""

from __future__ import annotations

import json
import re
from functools import cache

from starlette.requests import Request
from starlette.routing import Route

from .auth import current_session
from .config import DEFAULTS_DIR
from .errors import AppError, invalid_url, not_found
from .http import go_decode, json_response, read_body

_ROLE_NAME = re.compile(r"^[a-z0-9_]{1,64}$")  # model.IsValidRoleName
MAX_NAMES = 100  # api4/role.go getRolesByNames


@cache
def default_roles() -> dict[str, dict]:
    return json.loads((DEFAULTS_DIR / "roles_11.2.json").read_text())


async def roles_by_names(request: Request):
    """Any session; the names sorted and de-duplicated; unknown names are left out, and none found is JSON null."""
    current_session(request)
    names = go_decode((await read_body(request))[0])
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise AppError(400, "api.payload.parse.error")
    names = sorted({n for n in names if n.strip()})
    if not names:
        raise AppError(400, "api.context.invalid_body_param.app_error", name="rolenames")
    if len(names) > MAX_NAMES:
        raise AppError(400, "api.roles.get_multiple_by_name_too_many.request_error", max=MAX_NAMES)
    if not all(_ROLE_NAME.match(n) for n in names):
        raise AppError(400, "api.context.invalid_body_param.app_error", name="rolename")
    roles = default_roles()
    found = [roles[n] for n in names if n in roles]
    return json_response(found or None)


async def role_by_name(request: Request):
    current_session(request)
    name = request.path_params["role_name"]
    if len(name) > 64:
        raise invalid_url("role_name")
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise not_found()  # the route's pattern does not match: the API's catch-all answers
    role = default_roles().get(name)
    if role is None:
        raise AppError(404, "app.role.get_by_name.app_error")
    return json_response(role)


ROUTES = [
    Route("/api/v4/roles/names", roles_by_names, methods=["POST"]),
    Route("/api/v4/roles/name/{role_name}", role_by_name, methods=["GET"]),
]
