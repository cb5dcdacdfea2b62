"""Client config, client licence and the first admin's workspace onboarding (api4/config.go, api4/license.go,
api4/system.go getOnboarding/completeOnboarding, app/onboarding.go)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .auth import current_session, is_system_admin
from .errors import AppError, forbidden, invalid_body, not_found
from .http import decode_value, json_response, status_ok, struct_fields
from .store import FIRST_ADMIN_SETUP_COMPLETE


def _old_format(request: Request, error_id: str) -> None:
    fmt = request.query_params.get("format", "")
    if not fmt:
        raise AppError(501, error_id)
    if fmt != "old":
        raise invalid_body("format")  # SetInvalidParam: the "body param" id, as the real handler uses it


def _go_map(data: dict[str, str]) -> Response:
    """model.MapToJSON written with w.Write: Go's json.Marshal sorts map keys."""
    return json_response(dict(sorted(data.items())))


async def client_config(request: Request):
    """APIHandler: no session required; a logged-in caller gets the full map, anyone else the limited one."""
    _old_format(request, "api.config.client.old_format.app_error")
    session = current_session(request, required=False)
    return _go_map(request.app.state.settings.client_config(logged_in=session is not None))


async def client_licence(request: Request):
    _old_format(request, "api.license.client.old_format.app_error")
    return _go_map(request.app.state.settings.client_licence())


def _onboarding_exists(request: Request) -> None:
    if request.app.state.settings.ui == "legacy":
        raise not_found()  # v5 has no workspace onboarding: the API's catch-all answers


async def get_onboarding(request: Request):
    _onboarding_exists(request)
    session = current_session(request)
    if not is_system_admin(session):
        raise forbidden()  # manage_system
    value = request.app.state.store.system_value(FIRST_ADMIN_SETUP_COMPLETE) or "false"
    return json_response({"name": FIRST_ADMIN_SETUP_COMPLETE, "value": value})


async def complete_onboarding(request: Request):
    _onboarding_exists(request)
    session = current_session(request)
    if not is_system_admin(session):
        raise AppError(403, "app.system.complete_onboarding_request.no_first_user")
    try:
        body = await decode_value(request, "onboarding")
    except AppError as exc:
        if exc.status == 413:
            raise
        raise AppError(400, "app.system.complete_onboarding_request.app_error") from None
    fields = struct_fields(body, {"organization": str, "install_plugins": list})
    if fields is None:
        raise AppError(400, "app.system.complete_onboarding_request.app_error")
    # Plugins are installed in the background on a real server; the stand-in has none to install.
    request.app.state.store.set_system_value(FIRST_ADMIN_SETUP_COMPLETE, "true")
    return status_ok()


ROUTES = [
    Route("/api/v4/config/client", client_config, methods=["GET"]),
    Route("/api/v4/license/client", client_licence, methods=["GET"]),
    Route("/api/v4/system/onboarding/complete", get_onboarding, methods=["GET"]),
    Route("/api/v4/system/onboarding/complete", complete_onboarding, methods=["POST"]),
]
