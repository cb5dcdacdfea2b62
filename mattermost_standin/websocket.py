"""The web app's websocket, `/api/v4/websocket`, as a real server answers it (api4/websocket.go,
app/platform/web_conn.go, websocket_router.go, wsapi/system.go; the web app's side: platform/client/src/websocket.ts).

- The upgrade is always accepted (APIHandlerTrustRequester, no session required). The session comes from the
  MMAUTHTOKEN cookie or the Authorization header; a socket without one may send `authentication_challenge`
  within 5 s (authCheckInterval), else it is dropped.
- An authenticated socket first gets the `hello` event (seq 0) with a new connection id: every connection is fresh,
  as on a server that has just restarted (the web app then re-syncs over REST, which it does anyway).
- Events are numbered 0, 1, 2 ... per socket; replies ({"status", "seq_reply", "data"|"error"}) take no number.
  The stand-in broadcasts no events but the hello: nobody posts, types or changes status on it.
- The web app pings every 30 s and reconnects when a ping goes unanswered: each ping gets its pong.
- A revoked session is not pushed out: a real server neither closes the socket nor sends anything (revoke-all
  only purges the session cache). Actions then fail with 401, which the web app ignores; it notices the revoke
  through its next REST call (the status poll of an idle tab) and logs out.
"""

from __future__ import annotations

import asyncio
import json
import socket

from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from .errors import MESSAGES, new_id
from .store import now_ms

AUTH_CHECK_SECONDS = 5.0  # web_conn.go authCheckInterval
_HOSTNAME = socket.gethostname()


def _fail(seq: int, status: int, error_id: str, message: str | None = None) -> dict:
    error = {"id": error_id, "message": message or MESSAGES.get(error_id, error_id), "detailed_error": ""}
    error["status_code"] = status
    reply = {"status": "FAIL", "error": error}
    if seq:
        reply["seq_reply"] = seq
    return reply


def _ok(seq: int, data: dict | None = None) -> dict:
    reply = {"status": "OK", "seq_reply": seq}
    if data:
        reply["data"] = data
    return reply


class Connection:
    def __init__(self, websocket: WebSocket):
        self.websocket = websocket
        self.app = websocket.app
        self.id = new_id()
        self.sequence = 0
        self.token = ""

    def session(self) -> dict | None:
        """Looked up again for every action: a revoked or expired session is gone from the store."""
        if not self.token:
            return None
        session = self.app.state.store.session_by_token(self.token)
        return session if session and session["expires_at"] > now_ms() else None

    async def send(self, message: dict) -> None:
        await self.websocket.send_text(json.dumps(message, separators=(",", ":")))

    async def event(self, name: str, data: dict, user_id: str = "") -> None:
        broadcast = {
            "omit_users": None,
            "user_id": user_id,
            "channel_id": "",
            "team_id": "",
            "connection_id": "",
            "omit_connection_id": "",
        }
        await self.send({"event": name, "data": data, "broadcast": broadcast, "seq": self.sequence})
        self.sequence += 1

    async def hello(self, session: dict) -> None:
        data = {
            "connection_id": self.id,
            "server_hostname": _HOSTNAME,
            "server_version": self.app.state.settings.version,
        }
        await self.event("hello", data, session["user_id"])

    async def handle(self, request) -> None:
        if not isinstance(request, dict):
            return await self.send(_fail(0, 400, "api.web_socket_router.no_action.app_error"))
        seq, action = request.get("seq"), request.get("action") or ""
        seq = seq if isinstance(seq, int) and not isinstance(seq, bool) else 0
        if not action:
            return await self.send(_fail(seq, 400, "api.web_socket_router.no_action.app_error"))
        if seq <= 0:
            return await self.send(_fail(seq, 400, "api.web_socket_router.bad_seq.app_error"))
        if action == "authentication_challenge":
            return await self._challenge(seq, request.get("data"))
        if action == "presence":
            return await self.send(_ok(seq))
        if not self.token:
            return None  # an unregistered connection's replies are never delivered
        if self.session() is None:
            return await self.send(_fail(seq, 401, "api.context.invalid_token.error", "Invalid session token"))
        if action == "ping":
            settings = self.app.state.settings
            pong = {"node_id": "", "server_time": now_ms(), "text": "pong", "version": settings.semver}
            return await self.send(_ok(seq, pong))
        if action in ("user_typing", "user_update_active_status", "posted_notify_ack"):
            return await self.send(_ok(seq))
        return await self.send(_fail(seq, 500, "api.web_socket_router.bad_action.app_error"))

    async def _challenge(self, seq: int, data) -> None:
        if self.token:
            return  # already authenticated: no reply
        token = data.get("token") if isinstance(data, dict) else None
        session = self.app.state.store.session_by_token(token) if isinstance(token, str) and token else None
        if session is None:
            raise WebSocketDisconnect(1000)  # a real server drops the socket without a reply
        self.token = token
        await self.hello(session)
        await self.send(_ok(seq))


def _token(websocket: WebSocket) -> str:
    cookie = websocket.cookies.get("MMAUTHTOKEN", "")
    if cookie:
        return cookie
    scheme, _, value = websocket.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() in ("bearer", "token") else ""


async def websocket_endpoint(websocket: WebSocket) -> None:
    await websocket.accept()
    connection = Connection(websocket)
    token = _token(websocket)
    session = websocket.app.state.store.session_by_token(token) if token else None
    try:
        if session is not None and session["expires_at"] > now_ms():
            connection.token = token
            await connection.hello(session)
        while True:
            timeout = None if connection.token else AUTH_CHECK_SECONDS
            try:
                text = await asyncio.wait_for(websocket.receive_text(), timeout)
            except TimeoutError:
                break  # did not authenticate in time
            try:
                request = json.loads(text)
            except ValueError:
                continue  # the real router logs and ignores a frame it cannot decode
            await connection.handle(request)
    except WebSocketDisconnect:
        pass  # the browser went away (a page unloading, a browser quitting): nothing to close
    else:
        try:
            await websocket.close()
        except (RuntimeError, WebSocketDisconnect):
            pass  # the browser closed it first


ROUTES = [
    WebSocketRoute("/api/v4/websocket", websocket_endpoint),
    WebSocketRoute("/api/v4/websocket/", websocket_endpoint),
]
