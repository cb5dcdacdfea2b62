"""Whole behave runs against stand-ins configured as a real server can be: the system admin's preferences and
language end as found after a passing and a failing run, and the sign-in settings are met or refused in one line."""

from __future__ import annotations

import re

import pytest

from mattermost_standin import StandinServer
from mattermost_suite.secrets import Secret
from mattermost_suite.server.admin_profile import admin_state
from mattermost_suite.server.api import MattermostApi
from tests.support.behave_runs import run_behave
from tests.support.constants import ADMIN_ENV, ADMIN_PASSWORD

pytestmark = pytest.mark.acceptance

ENV = ADMIN_ENV
SUBSET = ("-D", "devices=Desktop Chromium,Desktop app,Android app", "-D", "grid=off", "-D", "logout_deadline=8")
PERMISSIONS_FEATURE = "features/revoke_all_sessions_permissions.feature"


def admin_api(server: StandinServer) -> MattermostApi:
    api = MattermostApi(server.url)
    api.log_in("sysadmin", Secret(ADMIN_PASSWORD))
    return api


@pytest.mark.parametrize("fault, returncode", [(None, 0), ("confirm_wording", 1)], ids=["passing", "failing"])
def test_a_german_admin_ends_the_run_as_found(fault, returncode):
    """The admin's own preferences (one of its own, and those the server saved at its creation) and its language
    are the same after the run, whether MM-T940 passed or failed midway (after its browser had logged in)."""
    with StandinServer(status_poll_seconds=0.5, admin_locale="de", faults=(fault,) if fault else ()) as server:
        api = admin_api(server)
        me = api.user["id"]
        api.save_preferences(
            me, [{"user_id": me, "category": "display_settings", "name": "use_military_time", "value": "true"}]
        )
        before = admin_state(api)
        run = run_behave("-D", f"base_url={server.url}", *SUBSET, env=ENV)
        output = run.stdout + run.stderr
        assert run.returncode == returncode, output
        assert "the system admin's language is 'de': switched to English ('en') for the run" in run.stderr, output
        assert admin_state(admin_api(server)) == before
        assert before[1] == "de" and run.leftovers == []


def test_sign_in_by_username_off_is_refused_in_one_line_naming_the_devices():
    """The admin signs in by its email address; the device table's username rows would fail for the server's sake."""
    with StandinServer(config={"EmailSettings.EnableSignInWithUsername": False}) as server:
        run = run_behave(
            "-D",
            f"base_url={server.url}",
            timeout=120,
            env={**ENV, "MM_ADMIN_USERNAME": "sysadmin@sample.mattermost.com"},
        )
    assert run.returncode == 3, run.stdout + run.stderr
    line = run.stderr.strip().splitlines()[-1]
    assert re.fullmatch(
        r"MM-T940 preflight failed: Desktop Firefox ESR, Android phone, Desktop app, Android app "
        r"would log in with username, but this server has sign-in with username switched off "
        r"\(EmailSettings\.EnableSignInWithUsername\): .*",
        line,
    ), line
    assert "Traceback" not in run.stdout and run.leftovers == []


def test_sign_in_by_email_off_leaves_the_non_admin_its_username():
    """The permissions feature does not say how its one browser logs in: by username where email is off."""
    with StandinServer(status_poll_seconds=1, config={"EmailSettings.EnableSignInWithEmail": False}) as server:
        run = run_behave(PERMISSIONS_FEATURE, "-D", f"base_url={server.url}", *SUBSET, env=ENV)
    output = run.stdout + run.stderr
    assert run.returncode == 0, output
    assert run.summary("step")["passed"] == 7 and run.leftovers == []
