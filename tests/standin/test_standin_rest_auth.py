"""Contract: login, cookies, token transport, CSRF, the 401 of a dead session and logout."""

from __future__ import annotations

import re

import pytest
import requests

from tests.support.constants import ADMIN_EMAIL, ADMIN_LOGIN, ADMIN_PASSWORD

from .helpers import XHR, api, assert_app_error, bearer, login, set_cookies, token_of

pytestmark = pytest.mark.contract


def test_login_by_username_returns_200_sanitized_user_and_token_header(standin):
    response = login(standin.url, xhr=False)
    assert response.status_code == 200  # the code writes no header: 200, not the OpenAPI's 201
    user = response.json()
    assert user["username"] == ADMIN_LOGIN and "password" not in user and user["auth_data"] == ""
    assert user["roles"] == "system_admin system_user"
    assert re.fullmatch(r"[a-z0-9]{26}", response.headers["Token"])
    assert set_cookies(response) == []  # no X-Requested-With: no cookies


def test_login_by_email_is_case_insensitive(standin):
    response = login(standin.url, ADMIN_EMAIL.upper(), ADMIN_PASSWORD)
    assert response.status_code == 200 and response.json()["email"] == ADMIN_EMAIL


def test_xhr_login_sets_the_three_cookies_with_real_flags(standin):
    response = login(standin.url)
    cookies = {line.split("=", 1)[0]: line for line in set_cookies(response)}
    assert set(cookies) == {"MMAUTHTOKEN", "MMUSERID", "MMCSRF"}
    assert cookies["MMAUTHTOKEN"].startswith(f"MMAUTHTOKEN={response.headers['Token']}; Path=/; Expires=")
    assert cookies["MMAUTHTOKEN"].endswith("; Max-Age=2592000; HttpOnly")
    for name in ("MMUSERID", "MMCSRF"):
        assert "HttpOnly" not in cookies[name] and "; Path=/;" in cookies[name]
    assert cookies["MMUSERID"].startswith(f"MMUSERID={response.json()['id']};")
    assert not any("Secure" in c or "SameSite" in c for c in cookies.values())  # plain http


def test_failed_login_is_401_invalid_credentials(standin):
    assert_app_error(
        login(standin.url, ADMIN_LOGIN, "wrong-password"), 401, "api.user.login.invalid_credentials_email_username"
    )
    assert_app_error(
        login(standin.url, "nobody-here", "whatever"), 401, "api.user.login.invalid_credentials_email_username"
    )
    assert_app_error(login(standin.url, ADMIN_LOGIN, ""), 400, "api.user.login.blank_pwd.app_error")


def test_bearer_token_authenticates(standin):
    token = token_of(standin.url)
    me = api("GET", standin.url, "/users/me", token)
    assert me.status_code == 200 and me.json()["username"] == ADMIN_LOGIN


def test_unknown_token_is_401_session_expired_and_clears_the_cookie(standin):
    response = api("GET", standin.url, "/users/me", "x" * 26)
    body = assert_app_error(response, 401, "api.context.session_expired.app_error")
    assert body["message"] == "Invalid or expired session, please login again." and body["detailed_error"] == ""
    assert set_cookies(response) == ["MMAUTHTOKEN=; Path=/; Max-Age=0; HttpOnly"]
    assert response.headers["X-Request-Id"] == body["request_id"]


def test_no_token_is_401_without_clearing_cookies(standin):
    response = api("GET", standin.url, "/users/me")
    assert_app_error(response, 401, "api.context.session_expired.app_error")
    assert set_cookies(response) == []


def test_cookie_wins_over_the_authorization_header(standin):
    good = token_of(standin.url)
    response = requests.get(
        f"{standin.url}/api/v4/users/me", cookies={"MMAUTHTOKEN": "y" * 26}, headers=bearer(good), timeout=10
    )
    assert_app_error(response, 401, "api.context.session_expired.app_error")


def test_access_token_query_is_refused_for_non_oauth_sessions(standin):
    token = token_of(standin.url)
    response = requests.get(f"{standin.url}/api/v4/users/me", params={"access_token": token}, timeout=10)
    assert_app_error(response, 401, "api.context.token_provided.app_error")


def test_csrf_rule_for_cookie_authenticated_writes(standin):
    session = requests.Session()
    logged_in = session.post(
        f"{standin.url}/api/v4/users/login",
        headers=XHR,
        timeout=10,
        json={"login_id": ADMIN_LOGIN, "password": ADMIN_PASSWORD},
    )
    me_id, csrf = logged_in.json()["id"], session.cookies["MMCSRF"]
    status = f"{standin.url}/api/v4/users/status/ids"
    assert session.get(f"{standin.url}/api/v4/users/me", timeout=10).status_code == 200  # GET: no CSRF check
    refused = session.post(status, json=[me_id], timeout=10)
    assert_app_error(refused, 401, "api.context.session_expired.app_error")
    assert session.post(status, json=[me_id], headers={"X-CSRF-Token": "bad"}, timeout=10).status_code == 401
    assert session.post(status, json=[me_id], headers={"X-CSRF-Token": csrf}, timeout=10).status_code == 200
    assert session.post(status, json=[me_id], headers=XHR, timeout=10).status_code == 200
    # Header-token requests skip the CSRF check entirely.
    assert api("POST", standin.url, "/users/status/ids", logged_in.headers["Token"], json=[me_id]).status_code == 200


def test_logout_revokes_clears_and_always_answers_200(standin):
    token = token_of(standin.url)
    for _ in range(2):  # the second time the session is already gone
        response = api("POST", standin.url, "/users/logout", token)
        assert response.status_code == 200 and response.json() == {"status": "OK"}
        assert "MMAUTHTOKEN=; Path=/; Max-Age=0; HttpOnly" in set_cookies(response)
    assert api("GET", standin.url, "/users/me", token).status_code == 401
    assert api("POST", standin.url, "/users/logout").status_code == 200  # no session at all


def test_deactivated_user_cannot_log_in(standin):
    from .helpers import USER_PASSWORD, create_user

    admin = token_of(standin.url)
    user = create_user(standin.url)
    assert api("DELETE", standin.url, f"/users/{user['id']}", admin).status_code == 200
    assert_app_error(login(standin.url, user["username"], USER_PASSWORD), 401, "api.user.login.inactive.app_error")
