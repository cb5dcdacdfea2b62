"""Contract: PUT users/{id}/patch and PUT users/{id}/active (api4/user.go patchUser, updateUserActive) with the
real permission rules; the npm client's updateUserActive sends {"active": bool}."""

from __future__ import annotations

import pytest

from .helpers import USER_PASSWORD, api, assert_app_error, create_user, login, token_of

pytestmark = pytest.mark.contract


def test_patch_changes_only_the_given_fields_and_answers_the_user(standin):
    user = create_user(standin.url)
    token = token_of(standin.url, user["username"], USER_PASSWORD)
    response = api("PUT", standin.url, "/users/me/patch", token, json={"locale": "fr", "nickname": "Zed"})
    assert response.status_code == 200
    patched = response.json()
    assert (patched["locale"], patched["nickname"], patched["username"]) == ("fr", "Zed", user["username"])
    assert api("GET", standin.url, "/users/me", token).json()["locale"] == "fr"
    again = api("PUT", standin.url, f"/users/{user['id']}/patch", token, json={"first_name": "Ann", "last_name": "Lee"})
    assert (again.json()["first_name"], again.json()["last_name"], again.json()["locale"]) == ("Ann", "Lee", "fr")


def test_patch_validates_like_user_is_valid_and_saves_nothing_on_error(standin):
    user = create_user(standin.url)
    token = token_of(standin.url, user["username"], USER_PASSWORD)
    assert_app_error(
        api("PUT", standin.url, "/users/me/patch", token, json={"locale": "toolong", "nickname": "x"}),
        400,
        "model.user.is_valid.locale.app_error",
    )
    assert_app_error(
        api("PUT", standin.url, "/users/me/patch", token, json={"first_name": "f" * 65}),
        400,
        "model.user.is_valid.first_name.app_error",
    )
    assert_app_error(
        api("PUT", standin.url, "/users/me/patch", token, json={"locale": 5}),
        400,
        "api.context.invalid_body_param.app_error",
    )
    assert_app_error(
        api("PUT", standin.url, "/users/me/patch", token, json={"username": "sysadmin"}),
        400,
        "app.user.save.username_exists.app_error",
    )
    assert_app_error(
        api("PUT", standin.url, "/users/me/patch", token, json={"email": "new@example.com"}),
        400,
        "api.context.invalid_body_param.app_error",
    )  # changing one's own email needs the password
    assert api("GET", standin.url, "/users/me", token).json()["nickname"] == ""


def test_patch_permissions(standin):
    alice, bob = create_user(standin.url), create_user(standin.url)
    alice_token = token_of(standin.url, alice["username"], USER_PASSWORD)
    admin = token_of(standin.url)
    admin_id = api("GET", standin.url, "/users/me", admin).json()["id"]
    assert_app_error(
        api("PUT", standin.url, f"/users/{bob['id']}/patch", alice_token, json={"nickname": "x"}),
        403,
        "api.context.permissions.app_error",
    )
    assert_app_error(
        api("PUT", standin.url, f"/users/{admin_id}/patch", alice_token, json={"nickname": "x"}),
        403,
        "api.context.permissions.app_error",
    )
    assert api("PUT", standin.url, f"/users/{bob['id']}/patch", admin, json={"nickname": "B"}).json()["nickname"] == "B"
    assert_app_error(
        api("PUT", standin.url, "/users/" + "a" * 26 + "/patch", admin, json={}),
        400,
        "api.context.invalid_body_param.app_error",
    )  # GetUser fails: SetInvalidParam("user_id")


def test_admin_deactivates_and_reactivates_a_user(standin):
    admin = token_of(standin.url)
    user = create_user(standin.url)
    user_token = token_of(standin.url, user["username"], USER_PASSWORD)
    response = api("PUT", standin.url, f"/users/{user['id']}/active", admin, json={"active": False})
    assert response.status_code == 200 and response.json() == {"status": "OK"}
    assert api("GET", standin.url, "/users/me", user_token).status_code == 401  # UpdateActive revokes sessions
    assert_app_error(login(standin.url, user["username"], USER_PASSWORD), 401, "api.user.login.inactive.app_error")
    assert api("PUT", standin.url, f"/users/{user['id']}/active", admin, json={"active": True}).status_code == 200
    assert login(standin.url, user["username"], USER_PASSWORD).status_code == 200


def test_active_rules_for_non_admins(standin):
    alice, bob = create_user(standin.url), create_user(standin.url)
    token = token_of(standin.url, alice["username"], USER_PASSWORD)
    assert_app_error(
        api("PUT", standin.url, f"/users/{bob['id']}/active", token, json={"active": False}),
        403,
        "api.user.update_active.permissions.app_error",
    )
    assert_app_error(
        api("PUT", standin.url, "/users/me/active", token, json={"active": True}),
        403,
        "api.user.update_active.permissions.app_error",
    )
    # Deactivating oneself needs TeamSettings.EnableUserDeactivation (off by default).
    assert_app_error(
        api("PUT", standin.url, "/users/me/active", token, json={"active": False}),
        401,
        "api.user.update_active.not_enable.app_error",
    )
    assert_app_error(
        api("DELETE", standin.url, f"/users/{alice['id']}", token), 401, "api.user.update_active.not_enable.app_error"
    )
    assert_app_error(
        api("PUT", standin.url, "/users/me/active", token, json={"active": "false"}),
        400,
        "api.context.invalid_body_param.app_error",
    )


def test_self_deactivation_when_enabled(make_standin):
    server = make_standin(config={"TeamSettings.EnableUserDeactivation": True})
    user = create_user(server.url)
    token = token_of(server.url, user["username"], USER_PASSWORD)
    assert api("PUT", server.url, "/users/me/active", token, json={"active": False}).status_code == 200
    assert api("GET", server.url, "/users/me", token).status_code == 401
