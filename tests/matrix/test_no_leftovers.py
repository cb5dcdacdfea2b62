"""A failing matrix run through the embedded grid still ends every browser, driver and grid process it started."""

import pytest

from mattermost_standin import StandinServer
from tests.support.behave_runs import run_behave
from tests.support.constants import ADMIN_ENV
from tests.support.orphans import orphans, reaping_orphans

pytestmark = pytest.mark.acceptance

# One device per engine and state kind: Firefox, WebKit (Xvfb + relay), an asleep Chromium, a polling app.
DEVICES = "Desktop Firefox ESR,Desktop WebKit,Desktop app,Android app"
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


def test_a_failed_scenario_leaves_no_browser_driver_or_grid_process(tmp_path):
    report = tmp_path / "orphans.txt"
    with StandinServer(status_poll_seconds=1, faults=("logout_wrong_page",)) as server:
        run = run_behave(
            "-D",
            f"base_url={server.url}",
            "-D",
            "logout_deadline=5",
            "-D",
            f"devices={DEVICES}",
            env=ADMIN_ENV,
            inside=reaping_orphans(report),
        )
    assert run.returncode == 1, run.stdout + run.stderr
    assert "2 of 2 devices did not reach the login page by themselves within 5 s:" in run.stdout
    for device in ("Desktop Firefox ESR", "Desktop WebKit"):
        assert f"  - {device}: waited 5 s for the login page; the browser is at /error" in run.stdout
    assert "browsers on the grid at http://127.0.0.1:" in run.stderr
    assert "MM-T940: outcome: Desktop Firefox ESR (test user, awake): NOT logged out:" in run.stderr
    # The processes that carry the run's marker in their environment (the grid's children inherit it) ...
    assert run.leftovers == [], "\n".join(run.leftovers)
    # ... and, without trusting the marker, every process that outlived behave in its process tree (behave ran under
    # a child subreaper, so even a daemon that left its session or started with a clean environment is found here).
    left = orphans(report)
    assert not [line for line in left if any(name in line for name in WATCHED)], "\n".join(left)
