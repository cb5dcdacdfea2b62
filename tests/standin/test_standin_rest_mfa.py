"""Contract: login with MFA (app/authentication.go CheckUserMfa, the login handler's unmasked ids), the legacy
MFA pre-check, enforced MFA (web/context.go MfaRequired) and the sign-in methods a server switches off."""

from __future__ import annotations

import pytest
import requests

from tests.support.constants import ADMIN_EMAIL, ADMIN_LOGIN, ADMIN_PASSWORD

from .helpers import MFA_SECRET, USER_PASSWORD, XHR, api, assert_app_error, create_user, token_of, totp

pytestmark = pytest.mark.contract


def _login(server, token=None, login_id=ADMIN_LOGIN, password=ADMIN_PASSWORD):
    body = {"login_id": login_id, "password": password}
    if token is not None:
        body["token"] = token
    return requests.post(f"{server.url}/api/v4/users/login", json=body, headers=XHR, timeout=10)


def test_an_mfa_admin_needs_a_valid_code(make_standin):
    server = make_standin(admin_mfa_secret=MFA_SECRET)
    assert_app_error(_login(server), 401, "mfa.validate_token.authenticate.app_error")  # what login.tsx waits for
    assert_app_error(_login(server, "12345"), 401, "mfa.validate_token.authenticate.app_error")
    assert_app_error(_login(server, "abcdef"), 401, "mfa.validate_token.authenticate.app_error")
    wrong = f"{(int(totp()) + 1) % 1000000:06d}"
    assert_app_error(_login(server, wrong), 401, "api.user.check_user_mfa.bad_code.app_error")
    # The password is checked first: a wrong one is the masked credentials error, whatever the code.
    assert_app_error(_login(server, totp(), password="wrong"), 401, "api.user.login.invalid_credentials_email_username")
    good = _login(server, totp())
    assert good.status_code == 200 and good.json()["mfa_active"] is True
    assert server.settings.config["ServiceSettings.EnableMultifactorAuthentication"] is True
    assert api("GET", server.url, "/config/client?format=old").json()["EnableMultifactorAuthentication"] == "true"


def test_v10_accepts_a_code_once_but_v8_accepts_it_again(make_standin):
    current = make_standin(admin_mfa_secret=MFA_SECRET)
    code = totp()
    assert _login(current, code).status_code == 200
    assert_app_error(_login(current, code), 401, "api.user.check_user_mfa.bad_code.app_error")
    transitional = make_standin(ui="transitional", admin_mfa_secret=MFA_SECRET)
    assert _login(transitional, code).status_code == 200 and _login(transitional, code).status_code == 200


def test_mfa_switched_off_skips_the_check_for_an_mfa_user(make_standin):
    server = make_standin(
        admin_mfa_secret=MFA_SECRET, config={"ServiceSettings.EnableMultifactorAuthentication": False}
    )
    assert _login(server).status_code == 200


def test_legacy_mfa_precheck_is_404_on_a_fresh_install_and_answers_booleans_when_enabled(make_standin):
    fresh = make_standin(ui="legacy", admin_mfa_secret=MFA_SECRET)
    response = requests.post(f"{fresh.url}/api/v4/users/mfa", json={"login_id": ADMIN_LOGIN}, timeout=10)
    assert response.status_code == 404 and response.text == "404 page not found\n"
    server = make_standin(ui="legacy", admin_mfa_secret=MFA_SECRET, config={"ServiceSettings.DisableLegacyMFA": False})
    user = create_user(server.url)

    def check(login_id):
        return requests.post(f"{server.url}/api/v4/users/mfa", json={"login_id": login_id}, timeout=10)

    assert check(ADMIN_EMAIL).json() == {"mfa_required": True}
    assert check(user["username"]).json() == {"mfa_required": False}
    assert check("nobody-at-all").json() == {"mfa_required": False}
    assert_app_error(check(""), 400, "api.context.invalid_body_param.app_error")


def test_enforced_mfa_leaves_users_without_it_only_themselves(make_standin):
    server = make_standin(
        admin_mfa_secret=MFA_SECRET, config={"ServiceSettings.EnforceMultifactorAuthentication": True}
    )
    assert server.version.endswith(".true")  # enforcement needs a licence with the MFA feature
    assert api("GET", server.url, "/license/client?format=old").json()["MFA"] == "true"
    assert api("GET", server.url, "/config/client?format=old").json()["EnforceMultifactorAuthentication"] == "true"
    user = create_user(server.url)
    token = token_of(server.url, user["username"], USER_PASSWORD)
    assert api("GET", server.url, "/users/me", token).status_code == 200
    for method, path in [
        ("GET", "/users/me/teams"),
        ("GET", "/users/me/preferences"),
        ("POST", "/users/sessions/revoke/all"),
    ]:
        assert_app_error(api(method, server.url, path, token), 403, "api.context.mfa_required.app_error")
    assert api("POST", server.url, "/users/logout", token).status_code == 200
    admin = _login(server, totp()).headers["Token"]
    assert api("GET", server.url, "/users/me/teams", admin).status_code == 200


def test_a_switched_off_sign_in_method_refuses_with_the_other_methods_id(make_standin):
    no_email = make_standin(config={"EmailSettings.EnableSignInWithEmail": False})
    assert_app_error(_login(no_email, login_id=ADMIN_EMAIL), 401, "api.user.login.invalid_credentials_username")
    assert _login(no_email).status_code == 200
    no_username = make_standin(config={"EmailSettings.EnableSignInWithUsername": False})
    assert_app_error(_login(no_username), 401, "api.user.login.invalid_credentials_email")
    assert _login(no_username, login_id=ADMIN_EMAIL).status_code == 200
