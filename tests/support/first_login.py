"""A user's first login, out of the way: what Mattermost's own e2e tests save for every user they log in."""

from __future__ import annotations

import requests

from mattermost_suite.server.first_login import first_login_preferences


def skip_first_login(base: str, token: str, user_id: str | None = None) -> None:
    """Save the first-login preferences (tutorials done, task list off) for `user_id`, or for the token's user."""
    headers = {"Authorization": f"Bearer {token}"}
    if user_id is None:
        user_id = requests.get(f"{base}/api/v4/users/me", headers=headers, timeout=10).json()["id"]
    saved = requests.put(
        f"{base}/api/v4/users/{user_id}/preferences",
        json=first_login_preferences(user_id),
        headers=headers,
        timeout=10,
    )
    assert saved.status_code == 200, saved.text
