"""Contract: the small things real clients see — body size limits per generation, the headers web/handlers.go
adds, session props from the User-Agent, the empty 405 of a web page path."""

from __future__ import annotations

import pytest
import requests

from mattermost_standin.useragent import session_props

from .helpers import api, assert_app_error, token_of

pytestmark = pytest.mark.contract


def _big_preferences(user_id: str, size: int) -> bytes:
    """A PUT body of about `size` bytes whose JSON array is still open at the size limit."""
    one = f'{{"user_id":"{user_id}","category":"drafts","name":"n","value":"v"}},'.encode()
    return (
        b"["
        + one * (size // len(one) + 1)
        + b'{"user_id":"%s","category":"drafts","name":"n","value":"v"}]' % user_id.encode()
    )


def _put_big_preferences(base: str, size: int) -> requests.Response:
    """The admin PUTs a preferences body of about `size` bytes to its own user."""
    token = token_of(base)
    me = api("GET", base, "/users/me", token).json()["id"]
    return api(
        "PUT",
        base,
        "/users/me/preferences",
        token,
        data=_big_preferences(me, size),
        headers={"Content-Type": "application/json"},
    )


def test_v10_refuses_a_body_over_maximum_payload_size_with_413(standin):
    response = _put_big_preferences(standin.url, 310_000)
    assert_app_error(response, 413, "api.context.request_body_too_large.app_error")
    assert response.json()["message"] == "Unable to process request. Request body too large."


def test_the_payload_limit_follows_the_setting(make_standin):
    server = make_standin(config={"ServiceSettings.MaximumPayloadSizeBytes": 1000})
    response = _put_big_preferences(server.url, 2000)
    assert_app_error(response, 413, "api.context.request_body_too_large.app_error")


def test_older_generations_cap_bodies_at_max_file_size_only(make_standin):
    server = make_standin(ui="transitional")
    # 400 KB is fine before v9.7 (FileSettings.MaxFileSize, 100 MB); the batch itself is then validated.
    response = _put_big_preferences(server.url, 400_000)
    assert response.status_code == 200, response.text
    small = make_standin(ui="transitional", config={"FileSettings.MaxFileSize": 1000})
    response = _put_big_preferences(small.url, 4000)
    assert_app_error(response, 400, "api.context.invalid_body_param.app_error")  # just a broken body before v9.7


def test_revoke_all_never_reads_its_body(make_standin):
    server = make_standin(config={"ServiceSettings.MaximumPayloadSizeBytes": 1000})
    response = api("POST", server.url, "/users/sessions/revoke/all", token_of(server.url), data=b"x" * 5000)
    assert response.status_code == 200 and response.json() == {"status": "OK"}


def test_a_json_decoder_ignores_what_follows_the_first_value(standin):
    token = token_of(standin.url)
    me = api("GET", standin.url, "/users/me", token).json()["id"]
    body = b'[{"user_id":"%s","category":"drafts","name":"trailing","value":"1"}] and then some' % me.encode()
    response = api("PUT", standin.url, "/users/me/preferences", token, data=body)
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("ui", ["current", "transitional"])
def test_api_and_page_responses_carry_the_handler_security_headers(make_standin, ui):
    server = make_standin(ui=ui)
    ping = api("GET", server.url, "/system/ping")
    assert ping.headers["X-Content-Type-Options"] == "nosniff" and ping.headers["Referrer-Policy"] == "no-referrer"
    assert ping.headers["Permissions-Policy"] == "" and ping.headers["Expires"] == "0"
    post = api("POST", server.url, "/users/logout")
    assert "Expires" not in post.headers and post.headers["X-Content-Type-Options"] == "nosniff"
    page = requests.get(f"{server.url}/login", timeout=10)
    assert page.headers["X-Frame-Options"] == "SAMEORIGIN" and page.headers["X-Content-Type-Options"] == "nosniff"


def test_v5_sends_expires_and_frame_options_but_not_the_later_security_headers(make_standin):
    server = make_standin(ui="legacy")
    ping = api("GET", server.url, "/system/ping")
    assert ping.headers["Expires"] == "0" and "X-Content-Type-Options" not in ping.headers
    assert requests.get(f"{server.url}/login", timeout=10).headers["X-Frame-Options"] == "SAMEORIGIN"


def test_v5_and_v8_catch_all_404_is_sniffed_as_text(make_standin):
    server = make_standin(ui="legacy")
    response = api("GET", server.url, "/no/such/route")
    assert response.status_code == 404 and response.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert response.json()["id"] == "api.context.404.app_error"


@pytest.mark.parametrize(
    "ua, props",
    [
        (
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
            ("Linux", "Linux", "Chrome/120.0"),
        ),
        (
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0",
            ("Windows", "Windows 10", "Firefox/121.0"),
        ),
        (
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2.1 "
            "Safari/605.1.15",
            ("Macintosh", "Mac OS", "Safari/17.2.1"),
        ),
        (
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            "Version/17.0 Mobile/15E148 Safari/604.1",
            ("iPhone", "iOS", "Safari/17.0"),
        ),
        (
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
            "Safari/537.36 Edg/120.0.2210.91",
            ("Windows", "Windows 10", "Edge/120.0.2210"),
        ),
        (
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 "
            "Mobile Safari/537.36",
            ("Linux", "Android", "Chrome/120.0.6099"),
        ),
        (
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Mattermost/5.6.0 "
            "Chrome/120.0.6099.56 Electron/28.0.0 Safari/537.36",
            ("Linux", "Linux", "Desktop App/5.6.0"),
        ),
        ("python-requests/2.34.2", ("Windows", "", "Unknown/0.0")),
    ],
)
def test_session_props_follow_user_agent_go(ua, props):
    got = session_props(ua)
    assert (got["platform"], got["os"], got["browser"]) == props


def test_user_json_says_mfa_active_and_never_carries_the_secret(standin):
    me = api("GET", standin.url, "/users/me", token_of(standin.url)).json()
    assert me["mfa_active"] is False and "mfa_secret" not in me and "password" not in me
