"""The REST client against the in-process stand-in: identities, seeding, sessions, revoke-all, errors."""

import pytest

from mattermost_suite.errors import SuiteError
from mattermost_suite.secrets import Secret, mask
from mattermost_suite.server.api import MattermostApi
from mattermost_suite.server.seeding import remove_test_user, seed_test_user
from tests.support.constants import ADMIN_PASSWORD

pytestmark = pytest.mark.contract

PASSWORD = Secret(ADMIN_PASSWORD)


@pytest.fixture
def admin(standin):
    api = MattermostApi(standin.url)
    api.log_in("sysadmin", PASSWORD)
    yield api
    api.close()


def test_admin_logs_in_by_username_or_email_and_is_system_admin(standin):
    for login_id in ("sysadmin", "sysadmin@sample.mattermost.com"):
        api = MattermostApi(standin.url)
        me = api.log_in(login_id, PASSWORD)
        assert "system_admin" in me["roles"].split() and api.me()["id"] == me["id"]
        assert api.token and mask(f"token {api.token.reveal()}") == "token ******", "tokens are registered secrets"


def test_errors_are_one_line_with_the_servers_error_id_and_no_secret(standin):
    api = MattermostApi(standin.url)
    with pytest.raises(SuiteError) as caught:
        api.log_in("sysadmin", Secret("not-the-password"))
    error = caught.value
    assert error.status == 401 and error.error_id.startswith("api.user.login.invalid_credentials")
    assert "\n" not in str(error) and "not-the-password" not in str(error)


def test_unreachable_server_is_one_line():
    with pytest.raises(SuiteError, match=r"cannot reach http://127.0.0.1:9"):
        MattermostApi("http://127.0.0.1:9", timeout=2).log_in("sysadmin", PASSWORD)


def test_seeded_user_has_sessions_until_revoke_all_then_401(standin, admin):
    team = admin.my_teams()[0]
    person = seed_test_user(admin, "t" + standin.ui[:3], 1, team["id"])
    try:
        assert person.username.startswith("mmt940-") and person.username in admin.get_user(person.user_id)["username"]
        victim = MattermostApi(standin.url)
        victim.log_in(person.email, person.password)
        assert len(admin.sessions(person.user_id)) == 1
        assert admin.status_with_token("GET", "/users/me", victim.token) == 200
        admin.revoke_all_sessions()
        assert admin.status_with_token("GET", "/users/me", victim.token) == 401
        assert admin.status_with_token("GET", "/users/me", admin.token) == 401, "revoke-all ends the admin's too"
        admin.log_in_again()
        assert admin.sessions(person.user_id) == []
    finally:
        assert remove_test_user(admin, person) == f"removed {person.username}"
    with pytest.raises(SuiteError) as caught:
        admin.get_user(person.user_id)
    assert caught.value.status == 404


def test_removal_deactivates_when_permanent_deletion_is_disabled():
    from mattermost_standin import StandinServer

    with StandinServer(api_user_deletion=False) as server:
        admin = MattermostApi(server.url)
        admin.log_in("sysadmin", PASSWORD)
        person = seed_test_user(admin, "nodel", 1, admin.my_teams()[0]["id"])
        outcome = remove_test_user(admin, person)
        assert outcome.startswith(f"deactivated {person.username} instead") and "EnableAPIUserDeletion" in outcome
        assert admin.get_user(person.user_id)["delete_at"] > 0


def test_preferences_are_saved_read_and_deleted(standin, admin):
    me = admin.user["id"]
    row = {"user_id": me, "category": "display_settings", "name": "use_military_time", "value": "true"}
    admin.save_preferences(me, [row])
    assert row in admin.preferences(me)
    admin.delete_preferences(me, [row])
    assert all((p["category"], p["name"]) != ("display_settings", "use_military_time") for p in admin.preferences(me))


def test_more_preferences_than_a_server_takes_in_one_call_are_saved_and_deleted_in_batches(standin, admin):
    """Since 9.6 a server refuses more than 100 preferences in one call (the stand-in's current generation too): an
    admin's many preferences are still put back and taken away."""
    me = admin.user["id"]
    rows = [{"user_id": me, "category": "mmt940_batch", "name": f"n{i:03}", "value": str(i)} for i in range(250)]
    if standin.ui == "current":  # what one call of them all would meet
        with pytest.raises(SuiteError, match="invalid_body_param"):
            admin._send("PUT", f"/users/{me}/preferences", json=rows[:101])
    admin.save_preferences(me, rows)
    saved = sorted((p for p in admin.preferences(me) if p["category"] == "mmt940_batch"), key=lambda p: p["name"])
    assert saved == rows
    admin.delete_preferences(me, rows)
    assert not [p for p in admin.preferences(me) if p["category"] == "mmt940_batch"]


def test_test_users_speak_english_and_the_client_config_is_read_as_strings(standin, admin):
    person = seed_test_user(admin, "en" + standin.ui[:3], 1, admin.my_teams()[0]["id"])
    try:
        assert admin.get_user(person.user_id)["locale"] == "en"
    finally:
        remove_test_user(admin, person)
    client_config = admin.client_config()
    assert client_config["EnableSignInWithEmail"] in ("true", "false")
    assert all(isinstance(value, str) for value in client_config.values())
