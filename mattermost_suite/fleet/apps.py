"""A mobile app's REST session, logged in and polling the way the Mattermost mobile app does.

The app logs in with POST /api/v4/users/login carrying a `device_id` ("apple_rn-v2:<push token>") and its own
User-Agent, then authenticates with `Authorization: Bearer <token>` (cookies refused, as in MattermostApi).
Unlocked, it polls in a background thread until a 401 or its deadline; locked, it makes no request at all
(every request goes through one counter, so "no request while locked" is checked, not assumed).
"""

from __future__ import annotations

import secrets as random_tokens
import threading
import time
from dataclasses import dataclass
from datetime import datetime

import requests

from mattermost_suite.domain import now
from mattermost_suite.errors import SuiteError
from mattermost_suite.secrets import Secret
from mattermost_suite.server.api import rest_session

API = "/api/v4"


@dataclass(frozen=True)
class Refusal:
    at: datetime
    status: int
    error_id: str


class AppSession:
    def __init__(self, user_agent: str, device_id_prefix: str, base_url: str, timeout: float):
        self.base_url, self.timeout = base_url.rstrip("/"), timeout
        self.device_id = f"{device_id_prefix}:{random_tokens.token_hex(32)}"  # APNs/FCM-like push token
        self.http = rest_session(self.base_url, user_agent, 1)  # one connection, kept alive, as an app has
        self.http.headers["X-Requested-With"] = "XMLHttpRequest"
        self.token: Secret | None = None
        self.requests_made = 0
        self.refusal: Refusal | None = None  # the first 401 this app got
        self.problem = ""  # anything else that went wrong while polling
        self.refused = threading.Event()  # set with the first 401
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._poller: threading.Thread | None = None

    def log_in(self, login_id: str, password: Secret) -> dict:
        body = {"login_id": login_id, "password": password.reveal(), "device_id": self.device_id}
        response = self._request("POST", "/users/login", json=body)
        if response.status_code != 200:
            raise SuiteError(f"app login answered HTTP {response.status_code} {_error_id(response)}")
        self.token = Secret(response.headers.get("Token", ""))  # registered for masking at once
        return response.json()

    def check_in(self) -> tuple[int, str]:
        """One request as the app makes on opening (GET users/me): (HTTP status, AppError id or "")."""
        response = self._request("GET", "/users/me")
        if response.status_code == 401:
            self._note_refusal(response)
        return response.status_code, _error_id(response)

    def start_polling(self, user_id: str, interval: float, lifetime: float) -> None:
        """Poll POST users/status/ids every `interval` s until a 401, stop(), or `lifetime` s have passed."""
        self._stop.clear()
        self._poller = threading.Thread(
            target=self._poll,
            args=(user_id, interval, time.monotonic() + lifetime),
            name=f"app-poll-{self.device_id[:12]}",
            daemon=True,
        )
        self._poller.start()

    def stop_polling(self) -> None:
        self._stop.set()
        if self._poller is not None:
            self._poller.join(timeout=self.timeout + 1)  # an in-flight request ends by its own timeout

    def close(self) -> None:
        self.stop_polling()
        self.http.close()

    def _poll(self, user_id: str, interval: float, deadline: float) -> None:
        while not self._stop.wait(interval) and time.monotonic() < deadline:
            try:
                response = self._request("POST", "/users/status/ids", json=[user_id])
            except requests.RequestException as error:
                self.problem = f"poll failed: {type(error).__name__}"
                return
            if response.status_code == 401:
                self._note_refusal(response)
                return  # the real app logs out here and stops polling
            if response.status_code != 200:
                self.problem = f"poll answered HTTP {response.status_code} {_error_id(response)}"
                return

    def _note_refusal(self, response: requests.Response) -> None:
        with self._lock:
            if self.refusal is None:
                self.refusal = Refusal(now(), response.status_code, _error_id(response))
        self.refused.set()

    def _request(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = {"Authorization": f"Bearer {self.token.reveal()}"} if self.token else {}
        with self._lock:
            self.requests_made += 1
        return self.http.request(method, self.base_url + API + path, headers=headers, timeout=self.timeout, **kwargs)


def _error_id(response: requests.Response) -> str:
    """The AppError id of a failed request ("" for a success, whose body may have an "id" of its own)."""
    if response.status_code < 400:
        return ""
    try:
        body = response.json()
    except ValueError:
        return ""
    return body.get("id", "") if isinstance(body, dict) else ""
