"""Teams, team members and system/ping (api4/team.go, api4/system.go)."""

from __future__ import annotations

import re

from starlette.requests import Request
from starlette.routing import Route

from .auth import current_session, is_system_admin, own_or_admin
from .errors import AppError, forbidden, invalid_body, invalid_url, is_valid_id
from .http import decode_value, json_response, query_int, struct_fields

_TEAM_NAME = re.compile(r"^[a-z0-9][a-z0-9\-]{0,62}[a-z0-9]$")


def team_json(team: dict) -> dict:
    return {
        "id": team["id"],
        "create_at": team["create_at"],
        "update_at": team["update_at"],
        "delete_at": team["delete_at"],
        "display_name": team["display_name"],
        "name": team["name"],
        "description": "",
        "email": "",
        "type": team["type"],
        "company_name": "",
        "allowed_domains": "",
        "invite_id": "",
        "allow_open_invite": team["type"] == "O",
        "scheme_id": None,
        "group_constrained": None,
        "policy_id": None,
        "cloud_limits_archived": False,
    }


def member_json(member: dict) -> dict:
    roles = member["roles"].split()
    return {
        "team_id": member["team_id"],
        "user_id": member["user_id"],
        "roles": member["roles"],
        "delete_at": member["delete_at"],
        "scheme_guest": False,
        "scheme_user": "team_user" in roles,
        "scheme_admin": "team_admin" in roles,
        "explicit_roles": "",
    }


async def create_team(request: Request):
    session = current_session(request)
    body = struct_fields(await decode_value(request, "team"), {"name": str, "display_name": str, "type": str})
    if body is None:
        raise invalid_body("team")
    name, display_name, team_type = body.get("name", ""), body.get("display_name", ""), body.get("type", "")
    if not _TEAM_NAME.match(name):
        raise AppError(400, "model.team.is_valid.name.app_error")
    if not display_name:
        raise invalid_body("display_name")
    if team_type not in ("O", "I"):
        raise AppError(400, "model.team.is_valid.type.app_error")
    store = request.app.state.store
    if store.team_by_name(name):
        raise AppError(400, "app.team.save.existing.app_error")
    team = store.create_team(name, display_name, team_type)
    store.add_member(team["id"], session["user_id"], "team_user team_admin")  # the creator joins as team admin
    return json_response(team_json(team), 201)


async def add_team_member(request: Request):
    session = current_session(request)
    store = request.app.state.store
    team_id = request.path_params["team_id"]
    if not is_valid_id(team_id):
        raise invalid_url("team_id")
    body = struct_fields(await decode_value(request, "team_member"), {"team_id": str, "user_id": str, "roles": str})
    if body is None:
        raise invalid_body("team_member")
    user_id = body.get("user_id", "")
    if body["team_id"] not in ("", team_id):
        raise invalid_url("team_id")
    if not is_valid_id(user_id):
        raise invalid_body("user_id")
    team = store.team(team_id)
    if team is None:
        raise AppError(404, "app.team.get.find.app_error")
    if store.user(user_id) is None:
        raise AppError(404, "app.user.missing_account.const")
    joining_open_team = user_id == session["user_id"] and team["type"] == "O"
    if not (joining_open_team or is_system_admin(session)):
        raise forbidden()
    return json_response(member_json(store.add_member(team_id, user_id)), 201)


async def team_by_name(request: Request):
    current_session(request)
    team = request.app.state.store.team_by_name(request.path_params["name"])
    if team is None:
        raise AppError(404, "app.team.get_by_name.missing.app_error")
    return json_response(team_json(team))


async def teams_for_user(request: Request):
    session = current_session(request)
    user_id = request.path_params["user_id"]
    user_id = session["user_id"] if user_id == "me" else user_id
    if user_id != session["user_id"] and not is_system_admin(session):
        raise forbidden()
    return json_response([team_json(t) for t in request.app.state.store.teams_for_user(user_id)])


async def all_teams(request: Request):
    """getAllTeams: a system admin (list_private_teams) sees every team, anyone else the open ones
    (list_public_teams); include_total_count=true wraps them as TeamsWithCount."""
    session = current_session(request)
    page, per_page = query_int(request, "page", 0), query_int(request, "per_page", 60, maximum=200)
    teams = request.app.state.store.teams()
    if not is_system_admin(session):
        teams = [t for t in teams if t["type"] == "O"]
    listed = [team_json(t) for t in teams[page * per_page : (page + 1) * per_page]]
    if request.query_params.get("include_total_count") == "true":
        return json_response({"teams": listed, "total_count": len(teams)})
    return json_response(listed)


async def team_members_for_user(request: Request):
    session = current_session(request)
    user_id = own_or_admin(request, session)
    return json_response([member_json(m) for m in request.app.state.store.memberships(user_id)])


async def teams_unread(request: Request):
    """getTeamsUnreadForUser: the stand-in has no posts, so every team of the user reads zero (exclude_team
    leaves one out)."""
    session = current_session(request)
    user_id = own_or_admin(request, session)
    excluded = request.query_params.get("exclude_team", "")
    counts = dict.fromkeys(
        (
            "msg_count",
            "mention_count",
            "mention_count_root",
            "msg_count_root",
            "thread_count",
            "thread_mention_count",
            "thread_urgent_mention_count",
        ),
        0,
    )
    teams = request.app.state.store.teams_for_user(user_id)
    return json_response([{"team_id": t["id"], **counts} for t in teams if t["id"] != excluded])


async def ping(request: Request):
    return json_response(
        {
            "ActiveSearchBackend": "database",
            "AndroidLatestVersion": "",
            "AndroidMinVersion": "",
            "IosLatestVersion": "",
            "IosMinVersion": "",
            "status": "OK",
        }
    )


ROUTES = [
    Route("/api/v4/teams", create_team, methods=["POST"]),
    Route("/api/v4/teams", all_teams, methods=["GET"]),
    Route("/api/v4/users/{user_id}/teams/members", team_members_for_user, methods=["GET"]),
    Route("/api/v4/users/{user_id}/teams/unread", teams_unread, methods=["GET"]),
    Route("/api/v4/teams/name/{name}", team_by_name, methods=["GET"]),
    Route("/api/v4/teams/{team_id}/members", add_team_member, methods=["POST"]),
    Route("/api/v4/users/{user_id}/teams", teams_for_user, methods=["GET"]),
    Route("/api/v4/system/ping", ping, methods=["GET"]),
]
