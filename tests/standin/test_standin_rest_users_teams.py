"""Contract: users (create, look-ups, list, deactivate, delete), teams and members, system ping."""

from __future__ import annotations

import pytest

from tests.support.constants import ADMIN_LOGIN

from .helpers import USER_PASSWORD, api, assert_app_error, create_user, login, token_of

pytestmark = pytest.mark.contract


def test_create_user_is_201_without_password_and_duplicates_are_400(standin):
    user = create_user(standin.url)
    assert "password" not in user and user["roles"] == "system_user" and len(user["id"]) == 26
    body = {"username": user["username"], "email": "other@example.com", "password": USER_PASSWORD}
    assert_app_error(api("POST", standin.url, "/users", json=body), 400, "app.user.save.username_exists.app_error")
    body = {"username": "fresh-name-1", "email": user["email"], "password": USER_PASSWORD}
    assert_app_error(api("POST", standin.url, "/users", json=body), 400, "app.user.save.email_exists.app_error")
    body = {"username": "fresh-name-2", "email": "fresh2@example.com"}
    assert_app_error(api("POST", standin.url, "/users", json=body), 400, "model.user.is_valid.pwd.app_error")
    body = {"username": "Bad Name!", "email": "bad@example.com", "password": USER_PASSWORD}
    assert_app_error(api("POST", standin.url, "/users", json=body), 400, "model.user.is_valid.username.app_error")
    body = {"username": "goodname", "email": "not-an-email", "password": USER_PASSWORD}
    assert_app_error(api("POST", standin.url, "/users", json=body), 400, "model.user.is_valid.email.app_error")


def test_user_look_ups(standin):
    token = token_of(standin.url)
    user = create_user(standin.url)
    by_name = api("GET", standin.url, f"/users/username/{user['username']}", token)
    assert by_name.status_code == 200 and by_name.json()["id"] == user["id"]
    assert api("GET", standin.url, f"/users/{user['id']}", token).json()["username"] == user["username"]
    assert api("GET", standin.url, "/users/me", token).json()["username"] == ADMIN_LOGIN
    assert_app_error(
        api("GET", standin.url, "/users/username/nobody-at-all", token), 404, "app.user.get_by_username.app_error"
    )
    assert_app_error(api("GET", standin.url, "/users/" + "a" * 26, token), 404, "app.user.missing_account.const")
    assert_app_error(api("GET", standin.url, "/users/not-an-id", token), 400, "api.context.invalid_url_param.app_error")


def test_user_list_pages(standin):
    token = token_of(standin.url)
    create_user(standin.url)
    everyone = api("GET", standin.url, "/users?page=0&per_page=200", token).json()
    assert ADMIN_LOGIN in [u["username"] for u in everyone] and all("password" not in u for u in everyone)
    assert len(api("GET", standin.url, "/users?page=0&per_page=1", token).json()) == 1
    assert_app_error(api("GET", standin.url, "/users?page=x", token), 400, "api.context.invalid_url_param.app_error")


def test_deactivate_revokes_sessions_and_permanent_delete_removes(standin):
    admin = token_of(standin.url)
    user = create_user(standin.url)
    user_token = token_of(standin.url, user["username"], USER_PASSWORD)
    assert api("DELETE", standin.url, f"/users/{user['id']}", admin).json() == {"status": "OK"}
    assert api("GET", standin.url, "/users/me", user_token).status_code == 401
    assert api("GET", standin.url, f"/users/{user['id']}", admin).json()["delete_at"] > 0
    assert api("DELETE", standin.url, f"/users/{user['id']}?permanent=true", admin).status_code == 200
    assert_app_error(api("GET", standin.url, f"/users/{user['id']}", admin), 404, "app.user.missing_account.const")


def test_permanent_delete_needs_enable_api_user_deletion(make_standin):
    server = make_standin(api_user_deletion=False)
    admin = token_of(server.url)
    user = create_user(server.url)
    assert_app_error(
        api("DELETE", server.url, f"/users/{user['id']}?permanent=true", admin),
        401,
        "api.user.delete_user.not_enabled.app_error",
    )


def test_non_admin_cannot_deactivate_others(standin):
    alice, bob = create_user(standin.url), create_user(standin.url)
    token = token_of(standin.url, alice["username"], USER_PASSWORD)
    assert_app_error(api("DELETE", standin.url, f"/users/{bob['id']}", token), 403, "api.context.permissions.app_error")


def test_seeded_team_and_team_membership(standin):
    admin = token_of(standin.url)
    teams = api("GET", standin.url, "/users/me/teams", admin).json()
    assert [(t["name"], t["display_name"], t["type"]) for t in teams] == [("ad-1", "AD 1", "O")]
    channel = api("GET", standin.url, f"/teams/{teams[0]['id']}/channels/name/town-square", admin).json()
    assert channel["display_name"] == "Town Square"
    created = api("POST", standin.url, "/teams", admin, json={"name": "qa-team", "display_name": "QA", "type": "O"})
    assert created.status_code == 201 and created.json()["name"] == "qa-team"
    assert_app_error(
        api("POST", standin.url, "/teams", admin, json={"name": "qa-team", "display_name": "QA", "type": "O"}),
        400,
        "app.team.save.existing.app_error",
    )
    user = create_user(standin.url)
    member = api(
        "POST",
        standin.url,
        f"/teams/{created.json()['id']}/members",
        admin,
        json={"team_id": created.json()["id"], "user_id": user["id"]},
    )
    assert member.status_code == 201 and member.json()["user_id"] == user["id"]
    user_token = token_of(standin.url, user["username"], USER_PASSWORD)
    assert [t["name"] for t in api("GET", standin.url, "/users/me/teams", user_token).json()] == ["qa-team"]


def test_ping_and_login_response_shape(standin):
    ping = api("GET", standin.url, "/system/ping")
    assert ping.status_code == 200 and ping.json()["status"] == "OK"
    assert login(standin.url).headers["Content-Type"] == "application/json"
