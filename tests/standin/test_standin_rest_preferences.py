"""Contract: the preferences API (api4/preference.go) — statuses, error ids, permissions, all-or-nothing saves —
and what a new user is given at creation in each generation (app/user.go)."""

from __future__ import annotations

import pytest

from .helpers import USER_PASSWORD, api, assert_app_error, create_user, pref, token_of

pytestmark = pytest.mark.contract


def _user_and_token(server):
    user = create_user(server.url)
    return user, token_of(server.url, user["username"], USER_PASSWORD)


def _prefs(server, token, user_id="me"):
    response = api("GET", server.url, f"/users/{user_id}/preferences", token)
    assert response.status_code == 200, response.text
    return {(p["category"], p["name"]): p["value"] for p in response.json()}


def test_put_is_200_status_ok_and_me_reads_them_back(standin):
    user, token = _user_and_token(standin)
    body = [
        pref(user["id"], "tutorial_step", user["id"], "999"),
        pref(user["id"], "drafts", "drafts_tour_tip_showed", '{"drafts_tour_tip_showed":true}'),
    ]
    response = api("PUT", standin.url, "/users/me/preferences", token, json=body)
    assert response.status_code == 200 and response.json() == {"status": "OK"}
    saved = _prefs(standin, token)
    assert saved[("tutorial_step", user["id"])] == "999" and saved[("drafts", "drafts_tour_tip_showed")]
    one = api("GET", standin.url, f"/users/{user['id']}/preferences/tutorial_step/name/{user['id']}", token)
    assert one.status_code == 200 and one.json() == pref(user["id"], "tutorial_step", user["id"], "999")
    category = api("GET", standin.url, "/users/me/preferences/drafts", token).json()
    assert [p["name"] for p in category] == ["drafts_tour_tip_showed"]


@pytest.mark.parametrize(
    "path, status, error_id",
    [
        ("/users/me/preferences/no_such_category", 404, "api.preference.preferences_category.get.app_error"),
        ("/users/me/preferences/drafts/name/nothing_here", 400, "app.preference.get.app_error"),
        # A category inside the route's [A-Za-z0-9_]+ reaches the handler, which checks the format.
        ("/users/me/preferences/Display_Settings", 400, "api.context.invalid_url_param.app_error"),
        ("/users/me/preferences/drafts/name/a", 400, "api.context.invalid_url_param.app_error"),
        ("/users/not-an-id/preferences", 400, "api.context.invalid_url_param.app_error"),
    ],
)
def test_missing_preferences_answer_like_the_real_store(standin, path, status, error_id):
    _, token = _user_and_token(standin)
    assert_app_error(api("GET", standin.url, path, token), status, error_id)


def test_a_category_outside_the_route_pattern_never_reaches_the_handler(standin):
    _, token = _user_and_token(standin)
    assert api("GET", standin.url, "/users/me/preferences/display-settings", token).status_code == 404


def test_another_users_preferences_need_edit_other_users(standin):
    alice, alice_token = _user_and_token(standin)
    bob, _ = _user_and_token(standin)
    admin = token_of(standin.url)
    assert_app_error(
        api("GET", standin.url, f"/users/{bob['id']}/preferences", alice_token),
        403,
        "api.context.permissions.app_error",
    )
    assert_app_error(
        api(
            "PUT",
            standin.url,
            f"/users/{bob['id']}/preferences",
            alice_token,
            json=[pref(bob["id"], "tutorial_step", bob["id"], "999")],
        ),
        403,
        "api.context.permissions.app_error",
    )
    # A system admin holds edit_other_users: reads and writes someone else's.
    assert (
        api(
            "PUT",
            standin.url,
            f"/users/{bob['id']}/preferences",
            admin,
            json=[pref(bob["id"], "tutorial_step", bob["id"], "999")],
        ).status_code
        == 200
    )
    assert api("GET", standin.url, f"/users/{bob['id']}/preferences", admin).status_code == 200
    assert_app_error(api("GET", standin.url, "/users/me/preferences"), 401, "api.context.session_expired.app_error")


@pytest.mark.parametrize(
    "build, status, error_id",
    [
        (
            lambda u: {"user_id": u, "category": "x", "name": "y", "value": "z"},
            400,
            "api.context.invalid_body_param.app_error",
        ),  # not an array
        (
            lambda u: [pref(u, "tutorial_step", u, "1"), pref("a" * 26, "tutorial_step", u, "1")],
            403,
            "api.preference.update_preferences.set.app_error",
        ),  # someone else's user id
        (
            lambda u: [pref(u, "tutorial_step", u, "1"), pref(u, "", "x", "1")],
            400,
            "model.preference.is_valid.category.app_error",
        ),  # empty category
        (
            lambda u: [pref(u, "tutorial_step", u, "1"), pref(u, "c" * 33, "x", "1")],
            400,
            "model.preference.is_valid.category.app_error",
        ),  # category > 32 bytes
        (
            lambda u: [pref(u, "tutorial_step", u, "1"), pref(u, "drafts", "n" * 33, "1")],
            400,
            "model.preference.is_valid.name.app_error",
        ),  # name > 32 bytes
        (
            lambda u: [pref(u, "tutorial_step", u, "1"), pref(u, "drafts", "big", "v" * 20001)],
            400,
            "model.preference.is_valid.value.app_error",
        ),  # value > 20000 runes
        (
            lambda u: [pref(u, "tutorial_step", u, "1"), pref(u, "theme", "", "not json")],
            400,
            "model.preference.is_valid.theme.app_error",
        ),
        (
            lambda u: [pref(u, "tutorial_step", u, "1"), {"user_id": u, "category": "x", "name": "y", "value": 5}],
            400,
            "api.context.invalid_body_param.app_error",
        ),  # a value that is not a string
        (lambda u: [], 400, "api.context.invalid_body_param.app_error"),  # v10: an empty batch
        (
            lambda u: [pref(u, "tutorial_step", u, "1")] * 101,
            400,
            "api.context.invalid_body_param.app_error",
        ),  # v10: more than 100
        (
            lambda u: [pref(u, "flagged_post", "a" * 26, "true")],
            400,
            "api.context.invalid_body_param.app_error",
        ),  # a saved post that does not exist
    ],
)
def test_bad_bodies_get_the_real_error_and_save_nothing(standin, build, status, error_id):
    user, token = _user_and_token(standin)
    before = _prefs(standin, token)
    response = api("PUT", standin.url, "/users/me/preferences", token, json=build(user["id"]))
    assert_app_error(response, status, error_id)
    assert _prefs(standin, token) == before  # the good first element was not saved either


def test_malformed_json_body_is_400_and_saves_nothing(standin):
    user, token = _user_and_token(standin)
    before = _prefs(standin, token)
    response = api(
        "PUT",
        standin.url,
        "/users/me/preferences",
        token,
        data=b'[{"user_id": ',
        headers={"Content-Type": "application/json"},
    )
    assert_app_error(response, 400, "api.context.invalid_body_param.app_error")
    assert _prefs(standin, token) == before


def test_theme_colours_are_normalised_and_keys_match_case_insensitively(standin):
    user, token = _user_and_token(standin)
    body = [{"User_Id": user["id"], "CATEGORY": "theme", "name": "", "value": '{"sidebarBg":"red","type":"Denim"}'}]
    assert api("PUT", standin.url, "/users/me/preferences", token, json=body).status_code == 200
    assert _prefs(standin, token)[("theme", "")] == '{"sidebarBg":"#ffffff","type":"Denim"}'


def test_delete_removes_only_the_named_preferences(standin):
    user, token = _user_and_token(standin)
    body = [pref(user["id"], "drafts", "one", "1"), pref(user["id"], "drafts", "two", "2")]
    api("PUT", standin.url, "/users/me/preferences", token, json=body)
    assert_app_error(
        api("POST", standin.url, "/users/me/preferences/delete", token, json=[pref("a" * 26, "drafts", "one", "")]),
        403,
        "api.preference.delete_preferences.delete.app_error",
    )
    response = api(
        "POST", standin.url, "/users/me/preferences/delete", token, json=[pref(user["id"], "drafts", "one", "")]
    )
    assert response.status_code == 200 and response.json() == {"status": "OK"}
    saved = _prefs(standin, token)
    assert ("drafts", "one") not in saved and saved[("drafts", "two")] == "2"


@pytest.mark.parametrize(
    "ui, expected",
    [
        ("legacy", {("tutorial_step", "<id>"): "0"}),
        (
            "transitional",
            {
                ("tutorial_step", "<id>"): "0",
                ("recommended_next_steps", "hide"): "false",
                ("insights", "insights_tutorial_state"): '{"insights_modal_viewed":true}',
            },
        ),
        (
            "current",
            {
                ("tutorial_step", "<id>"): "0",
                ("recommended_next_steps", "hide"): "false",
                ("system_notice", "GMasDM"): "true",
            },
        ),
    ],
)
def test_a_new_user_gets_the_generations_first_login_preferences(make_standin, ui, expected):
    server = make_standin(ui=ui)
    user, token = _user_and_token(server)
    want = {(c, user["id"] if n == "<id>" else n): v for (c, n), v in expected.items()}
    assert _prefs(server, token) == want
    admin = token_of(server.url)  # the seeded admin was created the way a real first user is
    admin_id = api("GET", server.url, "/users/me", admin).json()["id"]
    assert _prefs(server, admin) == {(c, admin_id if n == user["id"] else n): v for (c, n), v in want.items()}


def test_older_generations_accept_an_empty_batch_and_have_a_2000_rune_value_limit(make_standin):
    server = make_standin(ui="transitional")
    user, token = _user_and_token(server)
    assert api("PUT", server.url, "/users/me/preferences", token, json=[]).status_code == 200
    assert_app_error(
        api("PUT", server.url, "/users/me/preferences", token, json=[pref(user["id"], "drafts", "big", "v" * 2001)]),
        400,
        "model.preference.is_valid.value.app_error",
    )
