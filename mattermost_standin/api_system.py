"""Client config, client licence and the first admin's workspace onboarding (api4/config.go, api4/license.go,
api4/system.go getOnboarding/completeOnboarding, app/onboarding.go)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .auth import current_session, is_system_admin
from .config import parse_semver
from .errors import AppError, forbidden, invalid_body, invalid_url, is_valid_id, not_found
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


# "Deprecate format parameter in client config endpoint" (MM-64807, merged 2025-08-20 for 10.12): since then the
# client config is answered whatever `format` says.
CLIENT_CONFIG_FORMAT_IGNORED_SINCE = (10, 12, 0)


async def client_config(request: Request):
    """APIHandler: no session required; a logged-in caller gets the full map, anyone else the limited one."""
    if parse_semver(request.app.state.settings.semver) < CLIENT_CONFIG_FORMAT_IGNORED_SINCE:
        _old_format(request, "api.config.client.old_format.app_error")
    session = current_session(request, required=False)
    return _go_map(request.app.state.settings.client_config(logged_in=session is not None))


async def client_licence(request: Request):
    _old_format(request, "api.license.client.old_format.app_error")
    return _go_map(request.app.state.settings.client_licence())


def _onboarding_exists(request: Request) -> None:
    if not request.app.state.settings.generation.has_workspace_onboarding:
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


async def server_limits(request: Request):
    """getServerLimits (v10+): an unlicensed server's hard-coded user limits (app/limits.go: 200 soft, 250 hard)
    and the active user count, for a system admin; zeros for anyone else."""
    session = current_session(request)
    limits = {"maxUsersLimit": 0, "maxUsersHardLimit": 0, "activeUserCount": 0}
    if is_system_admin(session):
        active = request.app.state.store.count_users(active=True)
        if request.app.state.settings.licensed:
            limits.update(activeUserCount=active)
        else:
            limits.update(maxUsersLimit=200, maxUsersHardLimit=250, activeUserCount=active)
    return json_response({**limits, "postHistoryLimit": 0, "lastAccessiblePostTime": 0})


def _in_releases(request: Request, since: tuple[int, int, int], until: tuple[int, int, int] | None = None) -> None:
    """A route that the version's server does not have answers as the API's catch-all does."""
    version = parse_semver(request.app.state.settings.semver)
    if version < since or (until is not None and version >= until):
        raise not_found()


async def user_limits(request: Request):
    """getUserLimits (api4/limits.go, from 9.5.0: commit a59f5cc, 2023-12-21; replaced by limits/server in commit
    b4a1b33, 2024-04-18, taken here as 9.9.0): for a system admin of an unlicensed server the 10000-user limit and the
    user count (app/limits.go), zeros when licensed; anyone else 403."""
    _in_releases(request, (9, 5, 0), (9, 9, 0))
    session = current_session(request)
    if not is_system_admin(session):
        raise forbidden()
    if request.app.state.settings.licensed:
        return json_response({"maxUsersLimit": 0, "activeUserCount": 0})
    active = request.app.state.store.count_users(active=True)
    return json_response({"maxUsersLimit": 10000, "activeUserCount": active})


async def self_hosted_products(request: Request):
    """getSelfHostedProducts on Team Edition (no cloud interface): 400 needs_enterprise_edition (api4/cloud.go
    ensureCloudInterface). The route went with the in-product pricing modal (commit 0cacee5, 2025-06-02: 10.10.0)."""
    _in_releases(request, (0, 0, 0), (10, 10, 0))
    current_session(request)
    raise AppError(400, "api.server.cws.needs_enterprise_edition")


async def first_admin_visit_marketplace(request: Request):
    """getFirstAdminVisitMarketplaceStatus (api4/plugin.go): manage_system only; "false" until an admin has visited
    the marketplace (the stand-in has no marketplace)."""
    session = current_session(request)
    if not is_system_admin(session):
        raise forbidden()
    return json_response({"name": "FirstAdminVisitMarketplace", "value": "false"})


async def previous_trial_licence(request: Request):
    """getPrevTrialLicense on a Team Edition server (no licence manager): 403 upgrade_needed."""
    current_session(request)
    raise AppError(403, "api.license.upgrade_needed.app_error")


async def product_notices(request: Request):
    """getProductNotices: a server that has fetched no notices (this one never reaches the internet) has none."""
    current_session(request)
    if not is_valid_id(request.path_params["team_id"]):
        raise invalid_url("team_id")
    return json_response([])


async def admin_config(request: Request):
    """getConfig: any sysconsole_read_* permission (system admins); anyone else 403."""
    session = current_session(request)
    if not is_system_admin(session):
        raise forbidden()
    return json_response(request.app.state.settings.admin_config())


async def environment_config(request: Request):
    """getEnvironmentConfig: the settings overridden by MM_* environment variables; the stand-in has none, and the
    real handler then writes JSON null."""
    current_session(request)
    return json_response(None)


async def client_performance(request: Request):
    """submitPerformanceReport: a server without a metrics engine (Team Edition) returns at once, 200, empty."""
    current_session(request, trust_requester=True)
    return Response(status_code=200)


# app/analytics.go getStandardAnalytics: the rows, in order; the stand-in counts teams and users.
_STANDARD_ROWS = (
    "channel_open_count",
    "channel_private_count",
    "post_count",
    "unique_user_count",
    "team_count",
    "total_websocket_connections",
    "total_master_db_connections",
    "total_read_db_connections",
    "daily_active_users",
    "monthly_active_users",
    "inactive_user_count",
)


async def analytics(request: Request):
    """getAnalytics (analytics/old): get_analytics, system admins. Only "standard" is answered with data."""
    session = current_session(request)
    if not is_system_admin(session):
        raise forbidden()
    name = request.query_params.get("name") or "standard"
    if name != "standard":
        return json_response([])
    store = request.app.state.store
    counts = {
        "channel_open_count": sum(len(store.channels(t["id"])) for t in store.teams()),
        "unique_user_count": store.count_users(active=True),
        "team_count": len(store.teams()),
        "inactive_user_count": store.count_users(active=False),
    }
    return json_response([{"name": row, "value": counts.get(row, 0)} for row in _STANDARD_ROWS])


async def webapp_plugins(request: Request):
    """getWebappPlugins (no session needed): the active plugins' web app manifests. The stand-in runs no plugins
    (a real server ships some enabled; their bundles are not part of the web app build)."""
    return json_response([])


async def plugins(request: Request):
    """getPlugins: sysconsole_read_plugins; the stand-in runs none."""
    session = current_session(request)
    if not is_system_admin(session):
        raise forbidden()
    return json_response({"active": [], "inactive": []})


async def agents(request: Request):
    """getAgents (v11): the AI agents the Agents plugin offers the caller; none is configured on a default
    server."""
    current_session(request)
    return json_response([])


async def custom_profile_attribute_fields(request: Request):
    """listCPAFields: an Enterprise licence's feature; without one 403 (the stand-in's licence is Enterprise)."""
    current_session(request)
    if not request.app.state.settings.licensed:
        raise AppError(403, "api.custom_profile_attributes.license_error")
    return json_response([])


ROUTES = [
    Route("/api/v4/custom_profile_attributes/fields", custom_profile_attribute_fields, methods=["GET"]),
    Route("/api/v4/plugins", plugins, methods=["GET"]),
    Route("/api/v4/agents", agents, methods=["GET"]),
    Route("/api/v4/plugins/webapp", webapp_plugins, methods=["GET"]),
    Route("/api/v4/config", admin_config, methods=["GET"]),
    Route("/api/v4/config/environment", environment_config, methods=["GET"]),
    Route("/api/v4/client_perf", client_performance, methods=["POST"]),
    Route("/api/v4/analytics/old", analytics, methods=["GET"]),
    Route("/api/v4/trial-license/prev", previous_trial_licence, methods=["GET"]),
    Route("/api/v4/system/notices/{team_id}", product_notices, methods=["GET"]),
    Route("/api/v4/limits/server", server_limits, methods=["GET"]),
    Route("/api/v4/limits/users", user_limits, methods=["GET"]),
    Route("/api/v4/cloud/products/selfhosted", self_hosted_products, methods=["GET"]),
    Route("/api/v4/plugins/marketplace/first_admin_visit", first_admin_visit_marketplace, methods=["GET"]),
    Route("/api/v4/config/client", client_config, methods=["GET"]),
    Route("/api/v4/license/client", client_licence, methods=["GET"]),
    Route("/api/v4/system/onboarding/complete", get_onboarding, methods=["GET"]),
    Route("/api/v4/system/onboarding/complete", complete_onboarding, methods=["POST"]),
]
