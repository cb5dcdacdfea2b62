"""Contract: bad input gets the real error shape and the server keeps serving; versions; persistence."""

from __future__ import annotations

import re
import socket

import pytest
import requests

from .helpers import XHR, api, assert_app_error, login, token_of

pytestmark = pytest.mark.contract


@pytest.mark.parametrize("body", [b"{not json", b"[1, 2]", b'{"login_id": 5, "password": 7}', b""])
def test_malformed_login_bodies_are_400_blank_password(standin, body):
    # Go's MapFromJSON turns any undecodable body into an empty map, so the password is blank.
    response = requests.post(f"{standin.url}/api/v4/users/login", data=body, headers=XHR, timeout=10)
    assert_app_error(response, 400, "api.user.login.blank_pwd.app_error")


@pytest.mark.parametrize("body", [b"{oops", b"[]", b'{"username": 12, "email": "a@b.c", "password": "xxxxxx"}'])
def test_malformed_create_user_is_400_invalid_body(standin, body):
    response = requests.post(f"{standin.url}/api/v4/users", data=body, timeout=10)
    assert_app_error(response, 400, "api.context.invalid_body_param.app_error")


def test_unknown_api_route_and_wrong_method_are_404_like_the_real_catch_all(standin):
    for method, path in [("GET", "/no/such/route"), ("DELETE", "/users/sessions/revoke/all"), ("PUT", "/users/logout")]:
        response = api(method, standin.url, path)
        assert response.status_code == 404
        body = response.json()  # web.Handle404 sits outside the API's Handler: no request id, a developer hint
        assert body["id"] == "api.context.404.app_error" and body["request_id"] == "" and body["status_code"] == 404
        assert body["detailed_error"].startswith(f"There doesn't appear to be an api call for the url='/api/v4{path}'")
        assert "X-Request-Id" not in response.headers and "X-Version-Id" not in response.headers


def test_wrong_method_on_a_web_page_is_an_empty_405(standin):
    # gorilla/mux: the web app's catch-all route is GET only, and its 405 has no body and no Handler headers.
    response = requests.post(f"{standin.url}/login", timeout=10)
    assert response.status_code == 405 and response.content == b""
    assert "X-Version-Id" not in response.headers and "Content-Type" not in response.headers


def test_oversized_login_body_is_a_blank_password_and_the_server_keeps_serving(standin):
    # MapFromJSON swallows the MaxBytesReader error: the cut body decodes to nothing, so the password is blank.
    big = b"{" + b" " * (1 << 20) + b"}"
    response = requests.post(f"{standin.url}/api/v4/users/login", data=big, headers=XHR, timeout=10)
    assert_app_error(response, 400, "api.user.login.blank_pwd.app_error")
    assert login(standin.url).status_code == 200


def test_garbage_on_the_socket_does_not_stop_the_server(standin):
    with socket.create_connection((standin.host, standin.port), timeout=5) as sock:
        sock.sendall(b"\x00\x01 NOT HTTP\r\n\r\n")
        sock.recv(1024)
    assert api("GET", standin.url, "/system/ping").status_code == 200


def test_every_response_carries_the_version_and_a_request_id(standin):
    responses = [
        api("GET", standin.url, "/system/ping"),
        api("GET", standin.url, "/users/me"),
        requests.get(f"{standin.url}/login", timeout=10),
        requests.get(f"{standin.url}/static/standin/common.js", timeout=10),
        requests.get(f"{standin.url}/static/standin/missing.js", timeout=10),
    ]
    for response in responses:
        assert response.headers["X-Version-Id"] == standin.version
        assert re.fullmatch(r"[a-z0-9]{26}", response.headers["X-Request-Id"])
    assert "Server" not in responses[0].headers


@pytest.mark.parametrize("ui, major", [("current", "11"), ("legacy", "5")])
def test_version_matches_the_ui_generation(make_standin, ui, major):
    server = make_standin(ui=ui)
    version = api("GET", server.url, "/system/ping").headers["X-Version-Id"]
    assert version == server.version
    assert re.fullmatch(major + r"\.\d+\.\d+\.\d+\.\d+\.\d+\.[0-9a-f]{32}\.false", version), version
    page = requests.get(f"{server.url}/login", timeout=10).text
    assert f"/static/standin/{ui}.js" in page and '"faults": []' in page


def test_sessions_and_users_survive_a_restart_with_the_same_data_dir(make_standin, tmp_path):
    first = make_standin(data_dir=str(tmp_path))
    token = token_of(first.url)
    created = api(
        "POST", first.url, "/users", json={"username": "persisted", "email": "p@example.com", "password": "passwd"}
    )
    assert created.status_code == 201
    first.stop()
    second = make_standin(data_dir=str(tmp_path))
    assert api("GET", second.url, "/users/me", token).json()["username"] == "sysadmin"
    assert api("GET", second.url, "/users/username/persisted", token).status_code == 200
    assert (tmp_path / "standin.sqlite3").exists()
    assert len([u for u in api("GET", second.url, "/users", token).json() if u["username"] == "sysadmin"]) == 1


def test_temporary_data_dir_is_removed_on_stop(make_standin):
    import os

    server = make_standin()
    data_dir = server.data_dir
    assert os.path.isdir(data_dir)
    server.stop()
    server.stop()  # idempotent
    assert not os.path.exists(data_dir)
