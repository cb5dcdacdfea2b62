"""System Console > Users since v9.6: the user report and its count (api4/report.go, model/report.go,
sqlstore/user_store.go GetUserReport).

The list is keyset-paged: sorted by one column (Username by default), the page after (or before) the row given by
from_column_value and from_id, page_size rows (1..100).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.routing import Route

from .auth import current_session, is_system_admin
from .errors import AppError, forbidden, is_valid_id
from .http import json_response
from .users import sanitize

# model.UserReportSortColumns -> the user field it sorts by
_SORT_COLUMNS = {
    "CreateAt": "create_at",
    "Username": "username",
    "FirstName": "first_name",
    "LastName": "last_name",
    "Nickname": "nickname",
    "Email": "email",
    "Roles": "roles",
}
MAX_PAGE_SIZE = 100  # model.ReportingMaxPageSize


def _filtered(request: Request) -> list[dict]:
    """fillUserReportOptions and the store's WHERE clause: team, role, active state and search term."""
    session = current_session(request)
    if not is_system_admin(session):
        raise forbidden()  # sysconsole_read_user_management_users
    query = request.query_params
    team = query.get("team_filter", "")
    if team and not is_valid_id(team):
        raise AppError(400, "api.getUsersForReporting.invalid_team_filter")
    hide_active, hide_inactive = query.get("hide_active") == "true", query.get("hide_inactive") == "true"
    if hide_active and hide_inactive:
        raise AppError(400, "api.getUsersForReporting.invalid_active_filter")
    store = request.app.state.store
    users = store.all_users()
    if team:
        users = [u for u in users if store.membership(team, u["id"]) is not None]
    if query.get("has_no_team") == "true":
        users = [u for u in users if not store.memberships(u["id"])]
    role = query.get("role_filter", "")
    if role:
        users = [u for u in users if role in u["roles"].split()]
    if hide_active:
        users = [u for u in users if u["delete_at"]]
    if hide_inactive:
        users = [u for u in users if not u["delete_at"]]
    term = query.get("search_term", "").strip().lower()
    if term:
        fields = ("username", "email", "first_name", "last_name", "nickname")
        users = [u for u in users if any(str(u[f]).lower().startswith(term) for f in fields)]
    return users


async def user_report(request: Request):
    users = _filtered(request)
    query = request.query_params
    try:
        page_size = int(query.get("page_size", "50"))
    except ValueError:
        page_size = 50
    if not 0 < page_size <= MAX_PAGE_SIZE:
        raise AppError(400, "api.getUsersForReporting.invalid_page_size")
    column = _SORT_COLUMNS.get(query.get("sort_column") or "Username", "username")
    descending = query.get("sort_direction") == "desc"
    backwards = query.get("direction") == "prev"
    users.sort(key=lambda u: (u[column], u["id"]), reverse=descending != backwards)
    after, after_id = query.get("from_column_value", ""), query.get("from_id", "")
    if after_id:
        start = (str(after), after_id)
        ahead = (lambda key: key < start) if descending != backwards else (lambda key: key > start)
        users = [u for u in users if ahead((str(u[column]), u["id"]))]
    page = users[:page_size]
    if backwards:
        page.reverse()
    return json_response([_report(u) for u in page])


def _report(user: dict) -> dict:
    """UserReport: the profile as an admin sees it (ClearNonProfileFields) and the post stats, absent here."""
    report = sanitize(user)
    for cleared in ("email_verified", "last_password_update"):
        report.pop(cleared, None)
    return report


async def user_report_count(request: Request):
    return json_response(len(_filtered(request)))


ROUTES = [
    Route("/api/v4/reports/users", user_report, methods=["GET"]),
    Route("/api/v4/reports/users/count", user_report_count, methods=["GET"]),
]
