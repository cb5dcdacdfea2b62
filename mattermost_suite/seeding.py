"""Test data through the REST API: users named for this run only, and removed again by this run only."""
from __future__ import annotations

import secrets as random_tokens

from .api import MattermostApi
from .errors import SuiteError
from .secrets import Secret
from .tasks.scene import Person


def seed_test_user(api: MattermostApi, run_id: str, number: int, team_id: str) -> Person:
    username = f"mmt940-{run_id}-{number}"
    # Random, and strong enough for any password policy (upper, lower, digit, symbol).
    password = Secret(f"Mm1!{random_tokens.token_urlsafe(12)}")
    email = f"{username}@example.com"
    user = api.create_user(username, email, password)
    person = Person("test user", username, email, password, user["id"])
    try:
        api.add_to_team(team_id, user["id"])
    except SuiteError:
        remove_test_user(api, person)
        raise
    return person


def remove_test_user(api: MattermostApi, person: Person) -> str:
    """Permanent delete; where the server forbids that (EnableAPIUserDeletion off), deactivate and say so."""
    renew_admin_session(api)
    try:
        api.delete_user(person.user_id, permanent=True)
        return f"removed {person.username}"
    except SuiteError as error:
        if error.status != 401 or "delete_user.not_enabled" not in error.error_id:
            raise
    api.delete_user(person.user_id, permanent=False)
    return (f"deactivated {person.username} instead of deleting it: this server does not allow permanent deletion "
            "(ServiceSettings.EnableAPIUserDeletion)")


def renew_admin_session(api: MattermostApi) -> None:
    """The revoke ended the admin's REST session too: end it cleanly and log in again."""
    try:
        api.log_out()
    except SuiteError:
        pass
    api.log_in_again()
