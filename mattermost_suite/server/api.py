"""MattermostApi: one REST identity (one requests.Session) for seeding and verification.

Authentication is by `Authorization: Bearer <token>` only. Cookies are refused on purpose: the server prefers a
cookie over the header and would then demand a CSRF token on every write.
"""

from __future__ import annotations

import http.cookiejar
import os
from collections.abc import Callable
from typing import Any

import requests
import requests.adapters
import requests.utils

from mattermost_suite.errors import SuiteError
from mattermost_suite.secrets import Secret, mask

API = "/api/v4"
# api4/preference.go maxUpdatePreferences: since 9.6.0 a save or delete of more than 100 preferences (or none) in one
# call is refused with 400; an admin's preferences are put back in batches that every version accepts.
MAX_PREFERENCES_PER_CALL = 100


class MattermostApi:
    def __init__(
        self, base_url: str, timeout: float = 15.0, user_agent: str = "mm-t940-suite", calls_at_once: int = 16
    ):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.http = rest_session(self.base_url, user_agent, 10)
        # Other people's tokens (e.g. 1,000 app sessions, checked `calls_at_once` at a time) on kept-alive
        # connections, not a new connection per call.
        self._with_tokens = rest_session(self.base_url, user_agent, calls_at_once)
        self.token: Secret | None = None
        self.user: dict[str, Any] = {}
        self._credentials: tuple[str, Secret, Callable[[], str] | None] | None = None

    # -- identity ----------------------------------------------------------------------------------------------
    def log_in(self, login_id: str, password: Secret, mfa_code: Callable[[], str] | None = None) -> dict[str, Any]:
        """Log in by username or email (with the current MFA code when the user has MFA on); keeps the session token
        (registered as a secret) for later calls."""
        body = {"login_id": login_id, "password": password.reveal()}
        if mfa_code is not None:
            body["token"] = mfa_code()
        response = self._send("POST", "/users/login", json=body, auth=False)
        self.token = Secret(response.headers.get("Token", ""))  # a Secret is registered for masking at once
        self.user = response.json()
        self._credentials = (login_id, password, mfa_code)
        return self.user

    def log_in_again(self) -> dict[str, Any]:
        """A fresh session with the same credentials (revoke-all ended the previous one)."""
        if not self._credentials:
            raise SuiteError("log_in_again() before any log_in()")
        return self.log_in(*self._credentials)

    def log_out(self) -> None:
        """POST /users/logout ends this identity's session; it answers 200 even for a revoked one."""
        if self.token:
            self._send("POST", "/users/logout")
            self.token = None

    def me(self) -> dict[str, Any]:
        return self._send("GET", "/users/me").json()

    def close(self) -> None:
        self.http.close()
        self._with_tokens.close()

    # -- users and teams ---------------------------------------------------------------------------------------
    def create_user(self, username: str, email: str, password: Secret) -> dict[str, Any]:
        # locale "en": the server would otherwise give the user LocalizationSettings.DefaultClientLocale.
        body = {
            "username": username,
            "email": email,
            "password": password.reveal(),
            "first_name": "MM-T940",
            "last_name": "Test User",
            "locale": "en",
        }
        return self._send("POST", "/users", json=body).json()

    def get_user(self, user_id: str) -> dict[str, Any]:
        return self._send("GET", f"/users/{user_id}").json()

    def delete_user(self, user_id: str, permanent: bool) -> None:
        self._send("DELETE", f"/users/{user_id}", params={"permanent": "true"} if permanent else None)

    def patch_user(self, user_id: str, changes: dict[str, Any]) -> dict[str, Any]:
        """PUT /users/{id}/patch: only the fields given change (e.g. {"locale": "en"})."""
        return self._send("PUT", f"/users/{user_id}/patch", json=changes).json()

    # -- preferences (api4/preference.go; a system admin may read and write anyone's) ----------------------------
    def preferences(self, user_id: str) -> list[dict[str, str]]:
        return self._send("GET", f"/users/{user_id}/preferences").json()

    def save_preferences(self, user_id: str, preferences: list[dict[str, str]]) -> None:
        """PUT: each {user_id, category, name, value} is created or overwritten; others stay as they are."""
        for batch in _batches(preferences, MAX_PREFERENCES_PER_CALL):
            self._send("PUT", f"/users/{user_id}/preferences", json=batch)

    def delete_preferences(self, user_id: str, preferences: list[dict[str, str]]) -> None:
        for batch in _batches(preferences, MAX_PREFERENCES_PER_CALL):
            self._send("POST", f"/users/{user_id}/preferences/delete", json=batch)

    def my_teams(self) -> list[dict[str, Any]]:
        return self._send("GET", "/users/me/teams").json()

    def team_by_name(self, name: str) -> dict[str, Any]:
        return self._send("GET", f"/teams/name/{name}").json()

    def add_to_team(self, team_id: str, user_id: str) -> None:
        self._send("POST", f"/teams/{team_id}/members", json={"team_id": team_id, "user_id": user_id})

    # -- sessions ----------------------------------------------------------------------------------------------
    def sessions(self, user_id: str) -> list[dict[str, Any]]:
        return self._send("GET", f"/users/{user_id}/sessions").json()

    def revoke_all_sessions(self) -> None:
        """POST /users/sessions/revoke/all: ends EVERY session on the server, this one included."""
        self._send("POST", "/users/sessions/revoke/all")

    def status_with_token(self, method: str, path: str, token: Secret) -> int:
        """The bare HTTP status of one call made with someone else's session token (e.g. 401 after a revoke)."""
        return self.call_with_token(method, path, token).status_code

    def call_with_token(self, method: str, path: str, token: Secret) -> requests.Response:
        """One call made with someone else's session token, answered as is (a refusal is the expected outcome).
        Thread-safe: the checks of many tokens share this identity's pool of connections (and no cookies)."""
        return self._with_tokens.request(
            method,
            self.base_url + API + path,
            timeout=self.timeout,
            headers={"Authorization": f"Bearer {token.reveal()}"},
        )

    def client_config(self) -> dict[str, str]:
        """GET /config/client?format=old as the web app reads it: string values; the limited set without a session,
        the full one (e.g. EnableTutorial) with it."""
        return self._send("GET", "/config/client", params={"format": "old"}, auth=bool(self.token)).json()

    def ping(self) -> requests.Response:
        """GET /system/ping without raising: the preflight reads its status and X-Version-Id itself."""
        return self.http.get(self.base_url + API + "/system/ping", timeout=self.timeout)

    # -- transport ---------------------------------------------------------------------------------------------
    def _send(self, method: str, path: str, auth: bool = True, **kwargs) -> requests.Response:
        headers = {"Authorization": f"Bearer {self.token.reveal()}"} if auth and self.token else {}
        try:
            response = self.http.request(
                method, self.base_url + API + path, headers=headers, timeout=self.timeout, **kwargs
            )
        except requests.RequestException as error:
            raise SuiteError(f"{method} {path}: cannot reach {self.base_url}: {type(error).__name__}") from None
        if response.status_code >= 400:
            raise _api_error(method, path, response)
        return response


def _batches(items: list, size: int) -> list[list]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def rest_session(base_url: str, user_agent: str, connections: int) -> requests.Session:
    """A session for one server that keeps up to `connections` connections alive and never stores a cookie.

    The environment (proxy variables, REQUESTS_CA_BUNDLE) is read once, here: requests would read it again on every
    request, which was a fifth of the time of a token check. ~/.netrc is not read at all: every call carries its
    own Authorization header, which a netrc entry for the host would replace."""
    session = requests.Session()
    session.trust_env = False
    session.proxies = requests.utils.get_environ_proxies(base_url)
    session.verify = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or True
    session.cookies.set_policy(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
    session.headers["User-Agent"] = user_agent
    adapter = requests.adapters.HTTPAdapter(pool_connections=1, pool_maxsize=max(1, connections))
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def _api_error(method: str, path: str, response: requests.Response) -> SuiteError:
    """Turn an AppError body into one line carrying the server's error id."""
    try:
        body = response.json()
    except ValueError:
        body = {}
    error_id = body.get("id", "") if isinstance(body, dict) else ""
    message = body.get("message", "") if isinstance(body, dict) else ""
    text = mask(f"{method} {path} -> {response.status_code} {error_id or response.reason}: {message}".rstrip(": "))
    return SuiteError(text, error_id=error_id, status=response.status_code)
