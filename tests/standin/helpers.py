"""REST helpers for the stand-in contract tests (plain requests, as any client of a real server would)."""

from __future__ import annotations

import itertools
import os

import requests

from tests.support.constants import ADMIN_LOGIN, ADMIN_PASSWORD
from tests.support.first_login import skip_first_login

XHR = {"X-Requested-With": "XMLHttpRequest"}
USER_PASSWORD = "passwd-1234"
CHROME_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.109 Safari/537.36"
IPHONE_UA = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.0 Mobile/15E148 Safari/604.1"
)
_names = itertools.count()


def login(
    base: str,
    login_id: str = ADMIN_LOGIN,
    password: str = ADMIN_PASSWORD,
    xhr: bool = True,
    device_id: str | None = None,
    user_agent: str | None = None,
) -> requests.Response:
    body = {"login_id": login_id, "password": password}
    if device_id:
        body["device_id"] = device_id
    headers = dict(XHR) if xhr else {}
    if user_agent:
        headers["User-Agent"] = user_agent
    return requests.post(f"{base}/api/v4/users/login", json=body, headers=headers, timeout=10)


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def token_of(base: str, login_id: str = ADMIN_LOGIN, password: str = ADMIN_PASSWORD, **kw) -> str:
    response = login(base, login_id, password, **kw)
    assert response.status_code == 200, response.text
    return response.headers["Token"]


def create_user(base: str, admin_token: str | None = None) -> dict:
    name = f"user{os.getpid()}x{next(_names)}"
    body = {"username": name, "email": f"{name}@example.com", "password": USER_PASSWORD}
    headers = bearer(admin_token) if admin_token else {}
    response = requests.post(f"{base}/api/v4/users", json=body, headers=headers, timeout=10)
    assert response.status_code == 201, response.text
    return response.json()


def api(method: str, base: str, path: str, token: str | None = None, **kw) -> requests.Response:
    headers = {**(bearer(token) if token else {}), **kw.pop("headers", {})}
    return requests.request(method, f"{base}/api/v4{path}", headers=headers, timeout=10, **kw)


def assert_app_error(response: requests.Response, status: int, error_id: str) -> dict:
    assert response.status_code == status, (response.status_code, response.text)
    body = response.json()
    assert set(body) == {"id", "message", "detailed_error", "request_id", "status_code"}, body
    assert body["id"] == error_id and body["status_code"] == status, body
    assert len(body["request_id"]) == 26 and body["message"], body
    return body


def set_cookies(response: requests.Response) -> list[str]:
    """Every Set-Cookie header line, unmerged."""
    return response.raw.headers.getlist("Set-Cookie")


MFA_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # a 32-character base32 secret (needs no padding)


def totp(secret: str = MFA_SECRET, offset_steps: int = 0) -> str:
    import time

    import pyotp

    return pyotp.TOTP(secret).at(int(time.time()) + 30 * offset_steps)


def pref(user_id: str, category: str, name: str, value: str) -> dict:
    return {"user_id": user_id, "category": category, "name": name, "value": value}


def finish_admins_first_login(base: str) -> None:
    skip_first_login(base, token_of(base))


def team_member(base: str, first_login_done: bool = True) -> dict:
    """A user of team ad-1, created through the API as Mattermost's own tests do; with `first_login_done` the
    preferences that keep first-login screens away are saved too, as those tests save them."""
    admin = token_of(base)
    user = create_user(base)
    if first_login_done:
        skip_first_login(base, admin, user["id"])
    team = api("GET", base, "/teams/name/ad-1", admin).json()
    assert (
        api(
            "POST", base, f"/teams/{team['id']}/members", admin, json={"team_id": team["id"], "user_id": user["id"]}
        ).status_code
        == 201
    )
    return user
