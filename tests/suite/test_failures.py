"""The suite is honest and tidy when things go wrong: a product fault fails the run by name, and a failed or
interrupted run still quits every browser and removes its test user."""

import os
import signal

import pytest
import requests

from mattermost_standin import StandinServer
from tests.support.behave_runs import processes_with, run_behave, start_behave
from tests.support.constants import ADMIN_ENV, ADMIN_LOGIN, ADMIN_PASSWORD

pytestmark = pytest.mark.acceptance

# The three browsers these checks were written for (through the embedded grid, the default); the whole matrix
# runs in tests/matrix.
# Three awake browsers, plus the fewest rows that leave no MM-T940 step without a device to check.
DEVICES = ("-D", "devices=Desktop Chromium,Desktop Firefox ESR,Android phone,Desktop app,Android app")


def users_named_mmt940(server):
    token = requests.post(
        f"{server.url}/api/v4/users/login", json={"login_id": ADMIN_LOGIN, "password": ADMIN_PASSWORD}, timeout=10
    ).headers["Token"]
    users = requests.get(
        f"{server.url}/api/v4/users?per_page=200", headers={"Authorization": f"Bearer {token}"}, timeout=10
    ).json()
    return [user["username"] for user in users if user["username"].startswith("mmt940-") and not user["delete_at"]]


def test_a_page_that_never_logs_out_fails_naming_every_device_and_cleans_up():
    with StandinServer(status_poll_seconds=1, faults=("logout_wrong_page",)) as server:
        run = run_behave("-D", f"base_url={server.url}", "-D", "logout_deadline=5", *DEVICES, env=ADMIN_ENV)
        assert run.returncode == 1
        assert "ASSERT FAILED: 3 of 3 devices did not reach the login page by themselves within 5 s:" in run.stdout
        for device in ("Desktop Chromium", "Desktop Firefox ESR", "Android phone"):
            assert f"  - {device}: waited 5 s for the login page; the browser is at /error" in run.stdout
        # MM-T940 fails; the non-admin scenario passes (this fault does not touch it).
        assert "1 scenario passed, 1 failed, 1 skipped" in run.stdout
        assert run.leftovers == []
        assert users_named_mmt940(server) == [], "the failed run must still remove its test user"


def test_a_cancel_that_revokes_is_caught_after_cancel():
    """The browsers' 60 s poll has not noticed yet; the mobile app's next request after Cancel is refused."""
    with StandinServer(status_poll_seconds=60, faults=("cancel_revokes",)) as server:
        run = run_behave("-D", f"base_url={server.url}", *DEVICES, env=ADMIN_ENV)
        assert run.returncode == 1
        assert "Android app: the app is refused: HTTP 401 api.context.session_expired.app_error" in run.stdout
        assert run.leftovers == [] and users_named_mmt940(server) == []


def test_ctrl_c_while_watching_quits_every_browser_and_removes_the_test_user():
    with StandinServer(status_poll_seconds=60) as server:
        process, marker = start_behave("-D", f"base_url={server.url}", *DEVICES, env=ADMIN_ENV)
        try:
            for line in process.stdout:
                if "the system admin confirms with" in line and "passed" in line:
                    break  # now every victim is being watched, for up to the 90 s logout deadline
            os.killpg(process.pid, signal.SIGINT)  # a terminal's Ctrl-C reaches the whole process group
            output = process.communicate(timeout=60)[0]
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
        assert process.returncode != 0 and "ABORTED" in output
        assert processes_with(marker) == []
        assert users_named_mmt940(server) == []
