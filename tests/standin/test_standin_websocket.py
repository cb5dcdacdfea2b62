"""The web app's websocket as a real server answers it (api4/websocket.go, app/platform/web_conn.go,
websocket_router.go, wsapi/system.go): the hello, numbered events, pings answered, and a revoked session's socket
left open with its actions refused, as revoking all sessions does on a real server."""

from __future__ import annotations

import json
import logging

import pytest
from websockets.sync.client import connect

from .helpers import api, token_of

pytestmark = pytest.mark.contract


def _socket(server, token: str | None = None):
    headers = {"Cookie": f"MMAUTHTOKEN={token}"} if token else {}
    url = server.url.replace("http://", "ws://") + "/api/v4/websocket?connection_id=&sequence_number=0"
    return connect(url, additional_headers=headers, open_timeout=5, close_timeout=1)


def _next(ws) -> dict:
    return json.loads(ws.recv(timeout=5))


def test_a_logged_in_socket_gets_the_hello_and_its_pings_answered(standin):
    token = token_of(standin.url)
    with _socket(standin, token) as ws:
        hello = _next(ws)
        assert (hello["event"], hello["seq"]) == ("hello", 0)
        assert hello["data"]["server_version"] == standin.version and len(hello["data"]["connection_id"]) == 26
        assert set(hello["broadcast"]) == {
            "omit_users", "user_id", "channel_id", "team_id", "connection_id", "omit_connection_id"
        }  # fmt: skip
        ws.send(json.dumps({"action": "ping", "seq": 1}))
        pong = _next(ws)
        assert (pong["status"], pong["seq_reply"], pong["data"]["text"]) == ("OK", 1, "pong")
        assert pong["data"]["version"] == "11.2.0"
        ws.send(json.dumps({"action": "ping", "seq": 0}))
        assert _next(ws)["error"]["id"] == "api.web_socket_router.bad_seq.app_error"
        ws.send(json.dumps({"action": "no_such_action", "seq": 2}))
        assert _next(ws)["error"]["id"] == "api.web_socket_router.bad_action.app_error"


def test_a_socket_without_a_session_authenticates_with_the_challenge(standin):
    token = token_of(standin.url)
    with _socket(standin) as ws:
        ws.send(json.dumps({"action": "authentication_challenge", "seq": 1, "data": {"token": token}}))
        assert _next(ws)["event"] == "hello"
        assert _next(ws) == {"status": "OK", "seq_reply": 1}


def test_revoking_all_sessions_leaves_the_socket_open_and_refuses_its_actions(make_standin, caplog):
    server = make_standin()
    token = token_of(server.url)
    with _socket(server, token) as ws:
        assert _next(ws)["event"] == "hello"
        assert api("POST", server.url, "/users/sessions/revoke/all", token).status_code == 200
        ws.send(json.dumps({"action": "ping", "seq": 1}))
        refused = _next(ws)
    assert (refused["status"], refused["seq_reply"], refused["error"]["status_code"]) == ("FAIL", 1, 401)


def test_a_browser_that_goes_away_mid_socket_leaves_no_error_behind(standin, caplog):
    token = token_of(standin.url)
    with caplog.at_level(logging.WARNING):
        for _ in range(3):
            ws = _socket(standin, token)
            ws.send(json.dumps({"action": "ping", "seq": 1}))
            ws.socket.close()  # the TCP connection dropped without a close frame, as a quitting browser does
        with _socket(standin, token) as ws:
            assert _next(ws)["event"] == "hello"
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text
    assert [status for method, _, status in standin.api_calls.log if method == "WS"][-4:] == [101] * 4
