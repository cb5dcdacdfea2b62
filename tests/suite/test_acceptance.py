"""MM-T940 end to end: behave in a subprocess against the embedded stand-in, in both UI generations."""

import re

import pytest

from mattermost_standin import StandinServer
from mattermost_suite.engines import CHROMIUM_HEADED
from mattermost_suite.evidence.runs import RunFolder
from tests.support.behave_runs import run_behave
from tests.support.constants import ADMIN_PASSWORD

pytestmark = pytest.mark.acceptance

STEPS_PER_SCENARIO = 30  # the MM-T940 outline, once per UI generation (the other one is skipped)
NON_ADMIN_STEPS = 7  # features/revoke_all_sessions_permissions.feature, one browser
MATRIX = (
    "Desktop Chromium",
    "Desktop Firefox ESR",
    "Desktop WebKit",
    "Android phone",
    "iPhone",
    "Desktop app",
    "iOS app",
    "Android app",
)
LOCAL_SUBSET = "Desktop Chromium,Desktop Firefox ESR,Desktop app,Android app"
# One engine where the engine is not what a test is about (the fewest rows that leave every step a device to check).
ONE_ENGINE = "Desktop Chromium,Desktop app,Android app"


def test_dry_run_has_no_undefined_step():
    run = run_behave("--dry-run")
    assert run.returncode == 0, run.stdout + run.stderr
    steps = run.summary("step")
    assert steps["undefined"] == 0 and steps["untested"] == 2 * STEPS_PER_SCENARIO + NON_ADMIN_STEPS


@pytest.mark.parametrize("ui, grid", [("current", "off")])
def test_mm_t940_passes_with_the_matching_wording_and_skips_the_other(ui, grid, tmp_path):
    """grid=off: local drivers, the devices that need no grid. The default (the whole matrix through the embedded
    grid, both UI generations) runs in tests/matrix/test_matrix_runs.py with the same checks. This run's Chromium is
    the full browser (what headless=false and a user's own Chrome start), every other run's the headless shell."""
    subset = ["-D", f"devices={LOCAL_SUBSET}", "-D", "grid=off"] if grid == "off" else []
    full_browser = ("-D", f"chromium_binary={CHROMIUM_HEADED}")
    run_dir = RunFolder(tmp_path / "run")
    run = run_behave(
        "-D",
        f"standin_ui={ui}",
        "-D",
        "standin_status_poll=1",
        *subset,
        *full_browser,
        env={"MM_RUN_DIR": str(run_dir.path)},
    )
    output = run.stdout + run.stderr
    assert run.returncode == 0, output
    assert run.summary("feature") == {**run.summary("feature"), "passed": 2, "failed": 0, "error": 0}
    scenarios = run.summary("scenario")
    assert (scenarios["passed"], scenarios["failed"], scenarios["error"], scenarios["skipped"]) == (2, 0, 0, 1), output
    steps = run.summary("step")
    assert steps["passed"] == STEPS_PER_SCENARIO + NON_ADMIN_STEPS and steps["skipped"] == STEPS_PER_SCENARIO, output
    assert steps["failed"] == steps["error"] == steps["undefined"] == 0, output
    wording = {"current": "devices, including your session. Are you sure", "legacy": "devices. Are you sure"}
    assert re.search(rf"confirmation message reads .*{wording[ui]}.* \.\.\. passed", run.stdout), output
    for device in LOCAL_SUBSET.split(",") if grid == "off" else MATRIX:
        assert re.search(rf"MM-T940: outcome: {device} \(test user, [a-z ]+\): (logged out|woke|its )", run.stderr), (
            output
        )
    assert ("browsers on the grid at http://127.0.0.1:" in run.stderr) == (grid == "embedded")
    assert "Traceback" not in output and ADMIN_PASSWORD not in output
    assert run.leftovers == []
    environment = (run_dir.results / "environment.properties").read_text()
    assert re.search(r"^Browsers=chrome \d", environment, re.M), environment  # not chrome-headless-shell


def test_a_wrong_admin_password_stops_before_any_browser_with_one_line():
    run = run_behave(env={"MM_ADMIN_PASSWORD": "not-the-password"}, timeout=60)
    assert run.returncode == 3
    assert re.fullmatch(
        r"MM-T940 preflight failed: admin 'sysadmin' cannot log in to http://127\.0\.0\.1:\d+: "
        r"api\.user\.login\.invalid_credentials_email_username "
        r"\(check MM_ADMIN_USERNAME / MM_ADMIN_PASSWORD\)\n",
        run.stderr,
    ), run.stderr
    assert "Traceback" not in run.stdout + run.stderr and "not-the-password" not in run.stdout + run.stderr
    assert run.leftovers == []


@pytest.mark.parametrize(
    "args, env, line",
    [
        (
            ["-D", "ui=newest"],
            {},
            "MM-T940 configuration error: ui='newest' is not valid: use one of auto, current, transitional, legacy",
        ),
        (
            ["-D", "base_url=https://chat.example.com", "-D", "rehearsal=false"],
            {"MM_ADMIN_PASSWORD": "x-secret"},
            "MM-T940 configuration error: refusing rehearsal=false on chat.example.com: revoking all sessions logs out "
            "every user of that server; pass -D allow_revoke_all=true as well, or leave rehearsal=auto",
        ),
        (
            ["-D", "base_url=http://127.0.0.1:9"],
            {"MM_ADMIN_PASSWORD": "x-secret"},
            "MM-T940 preflight failed: cannot reach http://127.0.0.1:9: connection refused",
        ),
    ],
)
def test_bad_settings_and_unfit_targets_are_one_line(args, env, line):
    run = run_behave(*args, env=env, timeout=60)
    assert run.returncode in (2, 3) and run.stderr.strip() == line
    assert "Traceback" not in run.stdout and run.leftovers == []


MFA_SECRET = "JBSWY3DPEHPK3PXP"


def test_the_admin_needs_no_channel_and_types_its_mfa_code():
    """A fresh workspace: the first admin belongs to no team, and a plain login would be sent to the
    preparing-workspace page; the admin has MFA on. Its login leads to System Console > Users (`redirect_to`), which
    the web app follows before any onboarding (login.tsx), so the admin needs no channel."""
    with StandinServer(status_poll_seconds=1, fresh_workspace=True, admin_mfa_secret=MFA_SECRET) as server:
        run = run_behave(
            "-D",
            f"base_url={server.url}",
            "-D",
            "team=ad-1",
            "-D",
            f"devices={ONE_ENGINE}",
            "-D",
            "grid=off",
            env={"MM_ADMIN_PASSWORD": ADMIN_PASSWORD, "MM_ADMIN_MFA_SECRET": MFA_SECRET},
        )
    output = run.stdout + run.stderr
    assert run.returncode == 0, output
    assert (
        "MM-T940: Desktop Chromium (system admin): logged in, the web app shows /admin_console/user_management/users"
        in run.stderr
    ), output
    assert MFA_SECRET not in output and ADMIN_PASSWORD not in output and run.leftovers == []


@pytest.mark.parametrize(
    "ui, screen, devices",
    [
        ("legacy", "the (v5 tutorial intro screens|what's new modal)", ONE_ENGINE),
        ("transitional", "the onboarding task list", ONE_ENGINE),
        ("current", "the onboarding task list", LOCAL_SUBSET),
    ],
)
def test_a_first_login_screen_in_the_way_fails_each_device_in_one_line_naming_it(ui, screen, devices):
    """Without the first-login preferences Mattermost's own e2e tests save, every generation's web app covers
    the channel of a new user's desktop browsers: the seeding is what removes those screens. Firefox too in the
    newest generation; the screens are the web app's, the same for every engine."""
    run = run_behave(
        "-D",
        f"standin_ui={ui}",
        "-D",
        "standin_status_poll=1",
        "-D",
        "first_login_seeding=false",
        "-D",
        f"devices={devices}",
        "-D",
        "grid=off",
    )
    output = run.stdout + run.stderr
    assert run.returncode == 1, output
    failures = re.findall(r"^  - (.+?): (.*)$", run.stdout, re.M)
    desktops = {device for device in devices.split(",") if device.startswith("Desktop")}
    assert {device for device, _ in failures} == desktops, output
    assert all(
        re.fullmatch(rf"{screen} stands? in the way of the channel \(a first-login screen\)", why)
        for _, why in failures
    ), output
    assert "the test user is logged in on these devices: ... failed" in run.stdout, output
    assert "waited" not in run.stdout and "Traceback" not in output and run.leftovers == []
