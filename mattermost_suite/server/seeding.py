"""Test data through the REST API: users named for this run only, and removed again by this run only."""

from __future__ import annotations

import secrets as random_tokens

from mattermost_suite.domain import TEST_USER, Person
from mattermost_suite.errors import SuiteError
from mattermost_suite.secrets import Secret
from mattermost_suite.server.api import MattermostApi
from mattermost_suite.server.first_login import seed_first_login


def seed_test_user(
    api: MattermostApi, run_id: str, number: int, team_id: str, first_login_seeding: bool = True
) -> Person:
    """A user named for this run, with Mattermost's e2e first-login preferences (unless switched off for a test),
    in the team. A failure after creation removes the user again."""
    username = f"mmt940-{run_id}-{number}"
    # Random, and strong enough for any password policy (upper, lower, digit, symbol).
    password = Secret(f"Mm1!{random_tokens.token_urlsafe(12)}")
    email = f"{username}@example.com"
    try:
        user = api.create_user(username, email, password)
    except SuiteError as error:
        raise SuiteError(_why_not_created(error), error_id=error.error_id, status=error.status) from None
    person = Person(TEST_USER, username, email, password, user["id"])
    try:
        if first_login_seeding:
            seed_first_login(api, user["id"])
        api.add_to_team(team_id, user["id"])
    except SuiteError:
        remove_test_user(api, person)
        raise
    return person


# POST /api/v4/users as a system admin skips the sign-up rules (EnableUserCreation, EnableOpenServer:
# app/user.go CreateUserAsAdmin); these are what can still refuse it (app/user.go createUserOrGuest).
_CREATION_REFUSED = {
    "api.user.create_user.accepted_domain.app_error": (
        "the server accepts new accounts only from some e-mail domains (TeamSettings.RestrictCreationToDomains): "
        "the test users' addresses end in @example.com; add example.com for the run"
    ),
    "api.user.create_user.user_limits.exceeded": "the server has reached its limit of users",
    "store.sql_user.save.max_accounts.app_error": "the server has reached its licensed number of users",
}


def _why_not_created(error: SuiteError) -> str:
    reason = _CREATION_REFUSED.get(error.error_id)
    return f"the system admin cannot create the test user: {reason} ({error.error_id})" if reason else str(error)


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
    return (
        f"deactivated {person.username} instead of deleting it: this server does not allow permanent deletion "
        "(ServiceSettings.EnableAPIUserDeletion)"
    )


def renew_admin_session(api: MattermostApi) -> None:
    """The revoke may have ended the admin's REST session: keep it while the server accepts it, else log in again
    (an admin with MFA spends a one-time code on each login)."""
    try:
        api.me()
        return
    except SuiteError as error:
        if error.status != 401:
            raise
    api.log_in_again()
