"""Contract: start-up options (config overrides by Mattermost names, admin options, fresh workspace), the client
config and licence a web app reads, sign-up rules, and the first admin's workspace onboarding state."""

from __future__ import annotations

import pytest

from mattermost_standin import StandinError, StandinServer

from .helpers import USER_PASSWORD, api, assert_app_error, create_user, token_of

pytestmark = pytest.mark.contract


def _client_config(server, token=None):
    response = api("GET", server.url, "/config/client?format=old", token)
    assert response.status_code == 200, response.text
    return response.json()


def test_client_config_is_the_limited_string_map_without_a_session_and_the_full_one_with(standin):
    limited = _client_config(standin)
    assert limited["Version"] == "11.2.0" and limited["SiteName"] == "Mattermost"
    assert {
        k: limited[k]
        for k in (
            "EnableSignInWithEmail",
            "EnableSignInWithUsername",
            "EnableOpenServer",
            "EnableUserCreation",
            "EnableMultifactorAuthentication",
            "EnforceMultifactorAuthentication",
            "DefaultClientLocale",
        )
    } == {
        "EnableSignInWithEmail": "true",
        "EnableSignInWithUsername": "true",
        "EnableOpenServer": "true",
        "EnableUserCreation": "true",
        "EnableMultifactorAuthentication": "false",
        "EnforceMultifactorAuthentication": "false",
        "DefaultClientLocale": "en",
    }
    assert "EnableTutorial" not in limited and all(isinstance(v, str) for v in limited.values())
    full = _client_config(standin, token_of(standin.url))
    assert full["EnableTutorial"] == "true" and full["EnableOnboardingFlow"] == "true"


def test_client_config_without_the_old_format_is_501_and_another_format_is_400_before_10_12(make_standin):
    server = make_standin(ui="transitional")
    assert_app_error(api("GET", server.url, "/config/client"), 501, "api.config.client.old_format.app_error")
    assert_app_error(
        api("GET", server.url, "/config/client?format=new"), 400, "api.context.invalid_body_param.app_error"
    )
    assert api("GET", server.url, "/license/client?format=old").json() == {"IsLicensed": "false"}


def test_client_config_ignores_the_format_since_10_12(standin):
    assert api("GET", standin.url, "/config/client").json() == api("GET", standin.url, "/config/client?format=x").json()


def test_overrides_by_dotted_name_reach_the_client_config_and_settings(make_standin):
    server = make_standin(
        ui="legacy",
        config={
            "ServiceSettings.EnableTutorial": False,
            "EmailSettings.EnableSignInWithEmail": "false",
            "TeamSettings.SiteName": "Acme Chat",
        },
    )
    assert server.settings.config["ServiceSettings.EnableTutorial"] is False
    assert server.settings.config["ServiceSettings.EnableOnboardingFlow"] is None  # no such setting in 5.37
    assert server.settings.config["ServiceSettings.MaximumPayloadSizeBytes"] is None
    limited = _client_config(server)
    assert limited["EnableSignInWithEmail"] == "false" and limited["SiteName"] == "Acme Chat"
    full = _client_config(server, token_of(server.url))
    assert full["EnableTutorial"] == "false" and "EnableOnboardingFlow" not in full and full["Version"] == "5.37.0"


@pytest.mark.parametrize(
    "kwargs, fragment",
    [
        ({"config": {"ServiceSettings.NoSuchThing": True}}, "unknown config key"),
        ({"config": {"ServiceSettings.EnableTutorial": "maybe"}}, "must be true or false"),
        ({"config": {"ServiceSettings.MaximumPayloadSizeBytes": "-5"}}, "whole number"),
        (
            {"ui": "legacy", "config": {"ServiceSettings.MaximumPayloadSizeBytes": 1000}},
            "does not exist in Mattermost 5.37.0",
        ),
        ({"config": {"LocalizationSettings.DefaultClientLocale": "english please"}}, "locale"),
        ({"admin_mfa_secret": "not-base32!"}, "base32"),
        ({"admin_locale": "xx-not-a-locale"}, "locale"),
        ({"config": ["not", "a", "dict"]}, "dict"),
    ],
)
def test_bad_options_are_one_line_standin_errors(kwargs, fragment):
    with pytest.raises(StandinError) as caught:
        StandinServer(**kwargs)
    assert fragment in str(caught.value) and "\n" not in str(caught.value)


def test_transitional_generation_reports_8_1_with_the_onboarding_setting(make_standin):
    server = make_standin(ui="transitional")
    assert server.version.startswith("8.1.0.8.1.0.") and server.version.endswith(".false")
    assert _client_config(server, token_of(server.url))["EnableOnboardingFlow"] == "true"


def test_sign_up_rules_apply_to_anonymous_creation_but_not_to_an_admin(make_standin):
    closed = make_standin(config={"TeamSettings.EnableOpenServer": False})
    body = {"username": "walkin", "email": "walkin@example.com", "password": USER_PASSWORD}
    assert_app_error(api("POST", closed.url, "/users", json=body), 403, "api.user.create_user.no_open_server")
    assert api("POST", closed.url, "/users", token_of(closed.url), json=body).status_code == 201
    no_creation = make_standin(config={"TeamSettings.EnableUserCreation": False})
    assert_app_error(
        api("POST", no_creation.url, "/users", json=body), 501, "api.user.create_user.signup_email_disabled.app_error"
    )
    assert api("POST", no_creation.url, "/users", token_of(no_creation.url), json=body).status_code == 201


def test_admin_locale_sets_the_seeded_admins_locale(make_standin):
    server = make_standin(admin_locale="de")
    assert api("GET", server.url, "/users/me", token_of(server.url)).json()["locale"] == "de"


def test_onboarding_is_complete_by_default_and_the_admin_has_a_team(standin):
    admin = token_of(standin.url)
    response = api("GET", standin.url, "/system/onboarding/complete", admin)
    assert response.status_code == 200 and response.json() == {"name": "FirstAdminSetupComplete", "value": "true"}
    assert [t["name"] for t in api("GET", standin.url, "/users/me/teams", admin).json()] == ["ad-1"]
    user = create_user(standin.url)
    user_token = token_of(standin.url, user["username"], USER_PASSWORD)
    assert_app_error(
        api("GET", standin.url, "/system/onboarding/complete", user_token), 403, "api.context.permissions.app_error"
    )
    assert_app_error(
        api(
            "POST",
            standin.url,
            "/system/onboarding/complete",
            user_token,
            json={"organization": "x", "install_plugins": []},
        ),
        403,
        "app.system.complete_onboarding_request.no_first_user",
    )


def test_fresh_workspace_admin_is_the_first_admin_without_a_team_until_onboarding_completes(make_standin):
    server = make_standin(fresh_workspace=True)
    admin = token_of(server.url)
    assert api("GET", server.url, "/system/onboarding/complete", admin).json()["value"] == "false"
    assert api("GET", server.url, "/users/me/teams", admin).json() == []
    admins = api("GET", server.url, "/users?page=0&per_page=100&roles=system_admin", admin).json()
    assert [u["username"] for u in admins] == ["sysadmin"]  # the oldest system admin: the web app's first admin
    assert_app_error(
        api("POST", server.url, "/system/onboarding/complete", admin, data=b"{nope"),
        400,
        "app.system.complete_onboarding_request.app_error",
    )
    done = api(
        "POST", server.url, "/system/onboarding/complete", admin, json={"organization": "Acme", "install_plugins": []}
    )
    assert done.status_code == 200 and done.json() == {"status": "OK"}
    assert api("GET", server.url, "/system/onboarding/complete", admin).json()["value"] == "true"


def test_v5_has_no_onboarding_endpoint(make_standin):
    server = make_standin(ui="legacy")
    response = api("GET", server.url, "/system/onboarding/complete", token_of(server.url))
    assert response.status_code == 404 and response.json()["id"] == "api.context.404.app_error"


def test_user_list_filters_by_role_and_activity(standin):
    admin = token_of(standin.url)
    user = create_user(standin.url)
    admins = api("GET", standin.url, "/users?roles=system_admin&per_page=200", admin).json()
    assert all("system_admin" in u["roles"] for u in admins) and user["id"] not in [u["id"] for u in admins]
    api("DELETE", standin.url, f"/users/{user['id']}", admin)
    inactive = api("GET", standin.url, "/users?inactive=true&per_page=200", admin).json()
    assert user["id"] in [u["id"] for u in inactive] and all(u["delete_at"] for u in inactive)


@pytest.mark.parametrize(
    "version, payload", [("8.1.0", None), ("9.5.0", 100000), ("9.8.0", 300000), ("11.2.0", 300000)]
)
def test_maximum_payload_size_exists_from_9_5_with_the_default_of_each_release(version, payload):
    assert StandinServer(version=version).settings.config["ServiceSettings.MaximumPayloadSizeBytes"] == payload


@pytest.mark.parametrize("version, default", [("9.5.0", None), ("10.2.0", True), ("11.2.0", True)])
def test_the_desktop_landing_page_setting_exists_from_10_2_and_reaches_the_limited_client_config(version, default):
    assert StandinServer(version=version).settings.config["ServiceSettings.EnableDesktopLandingPage"] is default
    off = StandinServer(version="11.2.0", config={"ServiceSettings.EnableDesktopLandingPage": False})
    assert off.settings.client_config(False)["EnableDesktopLandingPage"] == "false"
    assert off.settings.client_config(True)["EnableDesktopLandingPage"] == "false"
