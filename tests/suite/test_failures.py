"""The suite is honest and tidy when things go wrong: a product fault fails the run by name, and a failed or
interrupted run still quits every browser and removes its test user; after a failed run, no browser, driver or grid
process is left, found through the run's marker and, without trusting it, under a child subreaper. (A product fault
caught at its step with its message is the fault catalogue's job: tests/faults.)"""

import os
import signal

import pytest
import requests

from mattermost_standin import StandinServer
from tests.support.behave_runs import processes_with, run_behave, start_behave
from tests.support.constants import ADMIN_ENV, ADMIN_LOGIN, ADMIN_PASSWORD
from tests.support.orphans import orphans, reaping_orphans

pytestmark = pytest.mark.acceptance

# Ctrl-C: through the embedded grid (the default), the fewest rows that leave no MM-T940 step without a device to
# check; a browser of every engine is quit after a failure below. The whole matrix runs in tests/matrix.
DEVICES = ("-D", "devices=Desktop Chromium,Desktop app,Android app")
# The failing run: an awake browser of every engine through the embedded grid (WebKit brings Xvfb and its relay) and
# a phone's browser, so that every kind of process a run starts must be gone after it fails.
AWAKE = ("Desktop Chromium", "Desktop Firefox ESR", "Desktop WebKit", "Android phone")
FAILING_DEVICES = ("-D", f"devices={','.join(AWAKE)},Desktop app,Android app")
WATCHED = (
    "chromium",
    "chrome",
    "chromedriver",
    "geckodriver",
    "firefox",
    "java",
    "Xvfb",
    "WebKitWebDriver",
    "MiniBrowser",
    "WebKitWebProcess",
    "WebKitNetworkProcess",
)


def users_named_mmt940(server):
    token = requests.post(
        f"{server.url}/api/v4/users/login", json={"login_id": ADMIN_LOGIN, "password": ADMIN_PASSWORD}, timeout=10
    ).headers["Token"]
    users = requests.get(
        f"{server.url}/api/v4/users?per_page=200", headers={"Authorization": f"Bearer {token}"}, timeout=10
    ).json()
    return [user["username"] for user in users if user["username"].startswith("mmt940-") and not user["delete_at"]]


def test_a_page_that_never_logs_out_fails_naming_every_device_and_leaves_nothing_behind(tmp_path):
    report = tmp_path / "orphans.txt"
    with StandinServer(status_poll_seconds=1, faults=("logout_wrong_page",)) as server:
        run = run_behave(
            "-D",
            f"base_url={server.url}",
            "-D",
            "logout_deadline=5",
            *FAILING_DEVICES,
            env=ADMIN_ENV,
            inside=reaping_orphans(report),
        )
        output = run.stdout + run.stderr
        assert run.returncode == 1, output
        assert "ASSERT FAILED: 4 of 4 devices did not reach the login page by themselves within 5 s:" in run.stdout
        for device in AWAKE:
            assert f"  - {device}: waited 5 s for the login page; the browser is at /error" in run.stdout
        assert "browsers on the grid at http://127.0.0.1:" in run.stderr
        assert "MM-T940: outcome: Desktop Firefox ESR (test user, awake): NOT logged out:" in run.stderr
        # MM-T940 fails; the non-admin scenario passes (this fault does not touch it).
        assert "1 scenario passed, 1 failed, 1 skipped" in run.stdout
        assert users_named_mmt940(server) == [], "the failed run must still remove its test user"
    # The processes that carry the run's marker in their environment (the grid's children inherit it) ...
    assert run.leftovers == [], "\n".join(run.leftovers)
    # ... and, without trusting the marker, every process that outlived behave in its process tree (behave ran under
    # a child subreaper, so even a daemon that left its session or started with a clean environment is found here).
    left = orphans(report)
    assert not [line for line in left if any(name in line for name in WATCHED)], "\n".join(left)


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
