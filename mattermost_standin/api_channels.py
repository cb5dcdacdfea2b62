"""Channels and channel members, as the web app reads them on its way into a channel (api4/channel.go,
model/channel.go, model/channel_member.go).

The stand-in's teams have the two channels a real team is born with (Town Square and Off-Topic) and every team
member belongs to both, as a real server adds a new team member to its default channels (app/team.go
JoinDefaultChannels). Nobody posts, so counts are zero and every channel is read.
"""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .auth import current_session, is_system_admin, own_or_admin, path_user_id
from .errors import AppError, forbidden, invalid_body, invalid_url, is_valid_id
from .http import decode_value, json_response, page_params, struct_fields
from .store import now_ms

# model.GetDefaultChannelNotifyProps
DEFAULT_NOTIFY_PROPS = {
    "desktop": "default",
    "mark_unread": "all",
    "push": "default",
    "email": "default",
    "ignore_channel_mentions": "default",
    "channel_auto_follow_threads": "off",
}


def channel_json(channel: dict) -> dict:
    return {
        "id": channel["id"],
        "create_at": channel["create_at"],
        "update_at": channel["create_at"],
        "delete_at": 0,
        "team_id": channel["team_id"],
        "type": channel["type"],
        "display_name": channel["display_name"],
        "name": channel["name"],
        "header": "",
        "purpose": "",
        "last_post_at": channel["create_at"],
        "total_msg_count": 0,
        "extra_update_at": 0,
        "creator_id": "",
        "scheme_id": None,
        "props": None,
        "group_constrained": None,
        "shared": None,
        "total_msg_count_root": 0,
        "policy_id": None,
        "last_root_post_at": channel["create_at"],
        "banner_info": None,
        "policy_enforced": False,
        "default_category_name": "",
    }


def member_json(channel: dict, user_id: str, team_roles: str) -> dict:
    admin = "team_admin" in team_roles.split()
    return {
        "channel_id": channel["id"],
        "user_id": user_id,
        "roles": "channel_user channel_admin" if admin else "channel_user",
        "last_viewed_at": channel["create_at"],
        "msg_count": 0,
        "mention_count": 0,
        "mention_count_root": 0,
        "urgent_mention_count": 0,
        "msg_count_root": 0,
        "notify_props": DEFAULT_NOTIFY_PROPS,
        "last_update_at": channel["create_at"],
        "scheme_guest": False,
        "scheme_user": True,
        "scheme_admin": admin,
        "explicit_roles": "",
    }


def _team_of_user(request: Request, session: dict) -> tuple[str, dict]:
    """users/{user_id}/teams/{team_id}/...: the caller (or an admin for anyone) and a team the user is in."""
    user_id = own_or_admin(request, session)
    team_id = request.path_params["team_id"]
    if not is_valid_id(team_id):
        raise invalid_url("team_id")
    member = request.app.state.store.membership(team_id, user_id)
    if member is None and not is_system_admin(session):
        raise forbidden()  # view_team
    return user_id, member or {"roles": ""}


async def channels_for_user(request: Request):
    session = current_session(request)
    user_id, member = _team_of_user(request, session)
    store = request.app.state.store
    channels = store.channels(request.path_params["team_id"]) if member["roles"] else []
    return json_response([channel_json(c) for c in channels])


async def channel_members_for_user(request: Request):
    session = current_session(request)
    user_id, member = _team_of_user(request, session)
    store = request.app.state.store
    channels = store.channels(request.path_params["team_id"]) if member["roles"] else []
    return json_response([member_json(c, user_id, member["roles"]) for c in channels])


def _readable(request: Request, session: dict, team: dict | None, name: str) -> dict:
    """A channel of the team by name that the caller may read; a real server answers 404 for both a missing
    channel and one the caller cannot see."""
    store = request.app.state.store
    channel = None
    if team is not None:
        channel = next((c for c in store.channels(team["id"]) if c["name"] == name), None)
    if channel is None:
        raise AppError(404, "app.channel.get_by_name.missing.app_error")
    if store.membership(team["id"], session["user_id"]) is None and not is_system_admin(session):
        raise forbidden()
    return channel


async def channel_by_name(request: Request):
    session = current_session(request)
    team_id = request.path_params["team_id"]
    if not is_valid_id(team_id):
        raise invalid_url("team_id")
    team = request.app.state.store.team(team_id)
    return json_response(channel_json(_readable(request, session, team, request.path_params["channel_name"])))


async def channel_by_team_name(request: Request):
    session = current_session(request)
    team = request.app.state.store.team_by_name(request.path_params["team_name"])
    return json_response(channel_json(_readable(request, session, team, request.path_params["channel_name"])))


def _channel(request: Request, session: dict) -> dict:
    """channels/{channel_id}/...: a channel of a team the caller is in (read_channel), else 403; unknown, 404."""
    channel_id = request.path_params["channel_id"]
    if not is_valid_id(channel_id):
        raise invalid_url("channel_id")
    store = request.app.state.store
    channel = store.channel(channel_id)
    if channel is None:
        raise AppError(404, "app.channel.get.existing.app_error", channel_id=channel_id)
    if store.membership(channel["team_id"], session["user_id"]) is None and not is_system_admin(session):
        raise forbidden()
    return channel


async def channel_stats(request: Request):
    session = current_session(request)
    channel = _channel(request, session)
    members = len(request.app.state.store.team_members(channel["team_id"]))
    return json_response(
        {
            "channel_id": channel["id"],
            "member_count": members,
            "guest_count": 0,
            "pinnedpost_count": 0,
            "files_count": 0,
        }
    )


def _own_channel(request: Request) -> dict:
    """users/{user_id}/channels/{channel_id}/...: the caller's own view of a channel they can read."""
    session = current_session(request)
    if path_user_id(request, session) != session["user_id"]:
        raise forbidden()
    return _channel(request, session)


async def unread_posts(request: Request):
    """getPostsForChannelAroundLastUnread: nobody posts on the stand-in, so the list is empty."""
    _own_channel(request)
    return json_response(EMPTY_POST_LIST)


async def channel_posts(request: Request):
    session = current_session(request)
    _channel(request, session)
    return json_response(EMPTY_POST_LIST)


async def view_channel(request: Request):
    """viewChannel: the viewed channel's last_viewed_at time (none when the view only reports losing focus)."""
    session = current_session(request)
    own_or_admin(request, session)
    view = struct_fields(await decode_value(request, "channel_view"), {"channel_id": str, "prev_channel_id": str})
    if view is None:
        raise invalid_body("channel_view")
    for name in ("channel_id", "prev_channel_id"):
        if view[name] and not is_valid_id(view[name]):
            raise invalid_url(f"channel_view.{name}")
    times = {view["channel_id"]: now_ms()} if view["channel_id"] else {}
    return json_response({"status": "OK", "last_viewed_at_times": times})


async def all_channels_for_user(request: Request):
    """users/{user_id}/channels: every channel of every team the user is in."""
    session = current_session(request)
    user_id = own_or_admin(request, session)
    store = request.app.state.store
    return json_response([channel_json(c) for m in store.memberships(user_id) for c in store.channels(m["team_id"])])


async def all_channel_members_for_user(request: Request):
    """getChannelMembersForUser: every channel membership with its team's names; page=-1 (what the web app asks
    since v10) streams them as NDJSON, one member a line, instead of one JSON page."""
    session = current_session(request)
    user_id = own_or_admin(request, session)
    store = request.app.state.store
    members = []
    for membership in store.memberships(user_id):
        team = store.team(membership["team_id"])
        extra = {
            "team_display_name": team["display_name"],
            "team_name": team["name"],
            "team_update_at": team["update_at"],
        }
        members += [{**member_json(c, user_id, membership["roles"]), **extra} for c in store.channels(team["id"])]
    if request.query_params.get("page") == "-1":
        lines = "".join(json.dumps(m, separators=(",", ":")) + "\n" for m in members)
        return Response(lines, media_type="application/x-ndjson")
    page, per_page = page_params(request)
    return json_response(members[page * per_page : (page + 1) * per_page])


async def sidebar_categories(request: Request):
    """getCategoriesForTeamForUser: the three categories a real server creates on first read
    (sqlstore/channel_store_categories.go createInitialSidebarCategoriesT), the team's channels in Channels."""
    session = current_session(request)
    user_id, member = _team_of_user(request, session)
    team_id = request.path_params["team_id"]
    channels = [c["id"] for c in request.app.state.store.channels(team_id)] if member["roles"] else []
    categories = [
        _category("favorites", user_id, team_id, 0, "", "Favorites", []),
        _category("channels", user_id, team_id, 10, "", "Channels", channels),
        _category("direct_messages", user_id, team_id, 20, "recent", "Direct Messages", []),
    ]
    return json_response({"categories": categories, "order": [c["id"] for c in categories]})


def _category(kind, user_id, team_id, sort_order, sorting, name, channel_ids) -> dict:
    return {
        "id": f"{kind}_{user_id}_{team_id}",
        "user_id": user_id,
        "team_id": team_id,
        "sort_order": sort_order,
        "sorting": sorting,
        "type": kind,
        "display_name": name,
        "muted": False,
        "collapsed": False,
        "channel_ids": channel_ids,
    }


async def drafts(request: Request):
    """getDrafts (ServiceSettings.AllowSyncedDrafts, on by default): nobody has drafts on the stand-in."""
    session = current_session(request)
    _team_of_user(request, session)
    return json_response([])


async def delete_draft(request: Request):
    """deleteDraft: a draft the server does not have needs no deleting, and that is 200 OK."""
    _own_channel(request)
    return json_response({"status": "OK"})


async def team_scheduled_posts(request: Request):
    """getTeamScheduledPosts: ServiceSettings.ScheduledPosts (on by default) and a licence, else 400; nobody has
    scheduled anything on the stand-in."""
    session = current_session(request)
    if not request.app.state.settings.licensed:
        raise AppError(400, "api.scheduled_posts.license_error")
    team_id = request.path_params["team_id"]
    if request.app.state.store.membership(team_id, session["user_id"]) is None and not is_system_admin(session):
        raise forbidden()
    posts = {team_id: []}
    if request.query_params.get("includeDirectChannels") == "true":
        posts["directChannels"] = []
    return json_response(posts)


async def threads(request: Request):
    """getThreadsForUser: model.Threads, empty (nobody posts)."""
    session = current_session(request)
    _team_of_user(request, session)
    return json_response(
        {
            "total": 0,
            "total_unread_threads": 0,
            "total_unread_mentions": 0,
            "total_unread_urgent_mentions": 0,
            "threads": [],
        }
    )


# model.NewPostList, as written by PostList.ToJSON (has_next omitted when nil)
EMPTY_POST_LIST = {"order": [], "posts": {}, "next_post_id": "", "prev_post_id": "", "first_inaccessible_post_time": 0}

ROUTES = [
    Route("/api/v4/posts/scheduled/team/{team_id}", team_scheduled_posts, methods=["GET"]),
    Route("/api/v4/channels/{channel_id}/stats", channel_stats, methods=["GET"]),
    Route("/api/v4/channels/{channel_id}/posts", channel_posts, methods=["GET"]),
    Route("/api/v4/channels/members/{user_id}/view", view_channel, methods=["POST"]),
    Route("/api/v4/users/{user_id}/channels", all_channels_for_user, methods=["GET"]),
    Route("/api/v4/users/{user_id}/channel_members", all_channel_members_for_user, methods=["GET"]),
    Route("/api/v4/users/{user_id}/channels/{channel_id}/posts/unread", unread_posts, methods=["GET"]),
    Route("/api/v4/users/{user_id}/teams/{team_id}/channels/categories", sidebar_categories, methods=["GET"]),
    Route("/api/v4/users/{user_id}/teams/{team_id}/drafts", drafts, methods=["GET"]),
    Route("/api/v4/users/{user_id}/channels/{channel_id}/drafts", delete_draft, methods=["DELETE"]),
    Route("/api/v4/users/{user_id}/teams/{team_id}/threads", threads, methods=["GET"]),
    Route("/api/v4/teams/{team_id}/channels/name/{channel_name}", channel_by_name, methods=["GET"]),
    Route("/api/v4/teams/name/{team_name}/channels/name/{channel_name}", channel_by_team_name, methods=["GET"]),
    Route("/api/v4/users/{user_id}/teams/{team_id}/channels", channels_for_user, methods=["GET"]),
    Route("/api/v4/users/{user_id}/teams/{team_id}/channels/members", channel_members_for_user, methods=["GET"]),
]
