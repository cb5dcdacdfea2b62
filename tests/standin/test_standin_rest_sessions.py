"""Contract: session objects and props, device logins, per-user revokes, revoke-all and the status poll."""

from __future__ import annotations

import pytest

from .helpers import CHROME_UA, IPHONE_UA, USER_PASSWORD, api, assert_app_error, create_user, login, token_of

pytestmark = pytest.mark.contract


def _sessions(base, token, user_id="me"):
    response = api("GET", base, f"/users/{user_id}/sessions", token)
    assert response.status_code == 200, response.text
    return response.json()


def test_session_objects_are_sanitized_with_props_from_the_user_agent(standin):
    user = create_user(standin.url)
    token = token_of(standin.url, user["username"], USER_PASSWORD, user_agent=CHROME_UA)
    [session] = _sessions(standin.url, token)
    assert session["token"] == "" and session["user_id"] == user["id"] and session["device_id"] == ""
    assert {
        "id",
        "create_at",
        "expires_at",
        "last_activity_at",
        "roles",
        "is_oauth",
        "expired_notify",
        "props",
        "team_members",
        "local",
    } <= set(session)
    props = session["props"]
    # app/user_agent.go getUAVersion keeps three parts: major.minor.patch
    assert (props["platform"], props["os"], props["browser"]) == ("Linux", "Linux", "Chrome/120.0.6099")
    assert props["isMobile"] == "false" and props["is_guest"] == "false" and len(props["csrf"]) == 26
    # 30 days (SessionLengthWebInHours 720); like a real server, the two stamps are two clock reads apart.
    assert 0 <= session["expires_at"] - session["create_at"] - 720 * 3600 * 1000 < 1000


def test_device_login_is_mobile_and_replaces_that_devices_older_session(standin):
    user = create_user(standin.url)
    first = token_of(standin.url, user["username"], USER_PASSWORD, device_id="apple_rn:abc", user_agent=IPHONE_UA)
    second = token_of(standin.url, user["username"], USER_PASSWORD, device_id="apple_rn:abc", user_agent=IPHONE_UA)
    other_device = token_of(standin.url, user["username"], USER_PASSWORD, device_id="android_rn:xyz")
    assert api("GET", standin.url, "/users/me", first).status_code == 401
    sessions = _sessions(standin.url, second)
    assert sorted(s["device_id"] for s in sessions) == ["android_rn:xyz", "apple_rn:abc"]
    iphone = next(s for s in sessions if s["device_id"] == "apple_rn:abc")
    assert iphone["props"]["isMobile"] == "true" and iphone["props"]["os"] == "iOS"
    assert api("GET", standin.url, "/users/me", other_device).status_code == 200


def test_only_self_or_admin_may_list_sessions(standin):
    alice, bob = create_user(standin.url), create_user(standin.url)
    alice_token = token_of(standin.url, alice["username"], USER_PASSWORD)
    assert_app_error(
        api("GET", standin.url, f"/users/{bob['id']}/sessions", alice_token), 403, "api.context.permissions.app_error"
    )
    admin = token_of(standin.url)
    assert len(_sessions(standin.url, admin, alice["id"])) == 1


def test_revoke_one_session_and_all_of_one_user(standin):
    user = create_user(standin.url)
    tokens = [token_of(standin.url, user["username"], USER_PASSWORD) for _ in range(3)]
    admin = token_of(standin.url)
    victim = _sessions(standin.url, admin, user["id"])[0]
    response = api(
        "POST", standin.url, f"/users/{user['id']}/sessions/revoke", admin, json={"session_id": victim["id"]}
    )
    assert response.status_code == 200 and response.json() == {"status": "OK"}
    alive = [t for t in tokens if api("GET", standin.url, "/users/me", t).status_code == 200]
    assert len(alive) == 2 and len(_sessions(standin.url, alive[0])) == 2
    assert_app_error(
        api("POST", standin.url, f"/users/{user['id']}/sessions/revoke", alive[0], json={}),
        400,
        "api.context.invalid_body_param.app_error",
    )
    admin_session = _sessions(standin.url, admin)[0]["id"]
    assert_app_error(
        api("POST", standin.url, f"/users/{user['id']}/sessions/revoke", admin, json={"session_id": admin_session}),
        400,
        "api.context.invalid_url_param.app_error",
    )
    assert api("POST", standin.url, f"/users/{user['id']}/sessions/revoke/all", admin).json() == {"status": "OK"}
    assert all(api("GET", standin.url, "/users/me", t).status_code == 401 for t in tokens)


def test_revoke_all_requires_manage_system(standin):
    user = create_user(standin.url)
    token = token_of(standin.url, user["username"], USER_PASSWORD)
    assert_app_error(
        api("POST", standin.url, "/users/sessions/revoke/all", token), 403, "api.context.permissions.app_error"
    )
    assert api("GET", standin.url, "/users/me", token).status_code == 200
    assert_app_error(
        api("POST", standin.url, "/users/sessions/revoke/all"), 401, "api.context.session_expired.app_error"
    )


def test_revoke_all_deletes_every_session_including_the_admins_and_mobile(make_standin):
    server = make_standin()
    admin = token_of(server.url)
    other_admin_browser = token_of(server.url)
    user = create_user(server.url)
    victims = [
        token_of(server.url, user["username"], USER_PASSWORD, user_agent=CHROME_UA),
        token_of(server.url, user["username"], USER_PASSWORD, device_id="apple_rn:1", user_agent=IPHONE_UA),
    ]
    response = api("POST", server.url, "/users/sessions/revoke/all", admin)
    assert response.status_code == 200 and response.json() == {"status": "OK"}
    for token in [admin, other_admin_browser, *victims]:
        assert_app_error(api("GET", server.url, "/users/me", token), 401, "api.context.session_expired.app_error")
    assert server.store.count_sessions() == 0
    assert login(server.url).status_code == 200  # logging in again creates a new session


def test_status_poll_needs_a_session_and_valid_ids(standin):
    token = token_of(standin.url)
    me = api("GET", standin.url, "/users/me", token).json()
    response = api("POST", standin.url, "/users/status/ids", token, json=[me["id"]])
    assert response.status_code == 200
    assert response.json()[0]["user_id"] == me["id"] and response.json()[0]["status"] == "online"
    assert_app_error(
        api("POST", standin.url, "/users/status/ids", token, json={"a": 1}),
        400,
        "api.context.invalid_body_param.app_error",
    )
    assert_app_error(
        api("POST", standin.url, "/users/status/ids", json=[me["id"]]), 401, "api.context.session_expired.app_error"
    )
