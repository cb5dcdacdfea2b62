"""A rehearsal revokes nothing: every MM-T940 step up to Cancel runs and passes, the steps that would end sessions
(and all after them) are reported as NOT RUN with the reason in the console, JUnit and Allure, and every session
on the server survives the run."""

from __future__ import annotations

import json
import re
import secrets
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
import requests

from mattermost_standin import StandinServer
from tests.support.behave_runs import run_behave
from tests.support.constants import ADMIN_LOGIN, ADMIN_PASSWORD

pytestmark = pytest.mark.acceptance

ADMIN = {"login_id": ADMIN_LOGIN, "password": ADMIN_PASSWORD}
# The fewest rows that leave no MM-T940 step without a device: what a rehearsal runs and what it leaves alive does not
# depend on the browser engine (every engine runs the whole MM-T940 in tests/matrix).
DEVICES = ("-D", "devices=Desktop Chromium,Desktop app,Android app", "-D", "grid=off")
SESSIONS_OPENED = 5  # the test user's three devices, the admin's browser, the non-admin's browser
CONFIRM_STEP = 'the system admin confirms with "Revoke All Sessions"'
NON_ADMIN_STEP = "the test user asks the server to revoke all sessions"
MM_T940_RUN, MM_T940_NOT_RUN = 18, 12  # up to the sleep before the confirm / from the confirm on
NON_ADMIN_RUN, NON_ADMIN_NOT_RUN = 4, 3
STAGING = "mattermost-staging.example"


def test_rehearsal_true_on_the_stand_in_stops_before_the_confirm(tmp_path):
    with StandinServer(status_poll_seconds=1) as server:
        sessions = sessions_to_keep(server)
        run = run_behave(
            "-D",
            f"base_url={server.url}",
            "-D",
            "rehearsal=true",
            "-D",
            "standin_status_poll=1",
            *DEVICES,
            *junit_folder(tmp_path),
            env=env(tmp_path),
        )
        assert_rehearsal_passed(run, "rehearsal=true", tmp_path)
        assert still_accepted(server, sessions) == {name: 200 for name in sessions}


def test_a_host_that_is_not_loopback_is_rehearsed_without_being_asked(tmp_path):
    """A name that is not loopback (mapped to 127.0.0.1 in a private /etc/hosts) looks like a real server: with no
    rehearsal setting, the run rehearses by itself. behave and its browsers run in a mount namespace of their own
    (unshare --mount, root only) whose /etc/hosts knows the name; the machine's /etc/hosts is not touched."""
    hosts = tmp_path / "hosts"
    hosts.write_text(Path("/etc/hosts").read_text() + f"\n127.0.0.1 {STAGING}\n")
    inside = ("unshare", "--mount", "--", "sh", "-c", f'mount --bind "{hosts}" /etc/hosts && exec "$@"', "sh")
    if subprocess.run([*inside, "getent", "hosts", STAGING], capture_output=True).returncode != 0:
        pytest.skip("no private /etc/hosts here (unshare --mount needs root): map the name in a DNS of your own")
    with StandinServer(status_poll_seconds=1) as server:
        sessions = sessions_to_keep(server)
        run = run_behave(
            "-D",
            f"base_url=http://{STAGING}:{server.port}",
            *DEVICES,
            *junit_folder(tmp_path),
            env=env(tmp_path),
            inside=inside,
        )
        assert f"run {run_id(run)} on http://{STAGING}:{server.port}: Mattermost" in run.stderr, run.stderr
        assert_rehearsal_passed(run, f"{STAGING} is not the embedded stand-in nor a loopback address", tmp_path)
        assert still_accepted(server, sessions) == {name: 200 for name in sessions}


def test_a_rehearsal_that_fails_before_the_confirm_says_where(tmp_path):
    run = run_behave(
        "-D",
        "rehearsal=true",
        "-D",
        "standin_faults=confirm_wording",
        "-D",
        "standin_status_poll=1",
        *DEVICES,
        *junit_folder(tmp_path),
        env=env(tmp_path),
    )
    output = run.stdout + run.stderr
    assert run.returncode == 1, output
    assert re.search(
        r"^MM-T940: rehearsal FAILED at MM-T940 Users - Revoke all sessions -- @2\.1 [^\n]*: "
        r'step "the confirmation message reads "This action[^\n]*" failed$',
        run.stderr,
        re.M,
    ), output
    assert "rehearsal passed" not in output and run.leftovers == []


# ---- what every rehearsal must show ----------------------------------------------------------------------------


def assert_rehearsal_passed(run, why: str, reports: Path) -> None:
    output = run.stdout + run.stderr
    assert run.returncode == 0, output
    assert (
        "MM-T940: rehearsal passed: 2 scenario(s) ran every step before the revoke, "
        f"{MM_T940_NOT_RUN + NON_ADMIN_NOT_RUN} step(s) NOT RUN, nothing revoked" in run.stderr
    ), output
    steps = run.summary("step")
    assert steps["passed"] == MM_T940_RUN + NON_ADMIN_RUN, output
    assert steps["failed"] == steps["error"] == steps["undefined"] == 0, output
    assert run.summary("scenario")["passed"] == 0, output  # a rehearsal never passes a whole MM-T940 scenario
    for step, not_run in ((CONFIRM_STEP, MM_T940_NOT_RUN), (NON_ADMIN_STEP, NON_ADMIN_NOT_RUN)):
        assert f"{step} ... skipped" in run.stdout, output
        assert re.search(rf"the last {not_run} of \d+ steps, from: (When|And) {re.escape(step)}\n", run.stderr), output
    assert run.stderr.count(f"NOT RUN in a rehearsal ({why}") == 2, output
    assert f"rehearsal: all {SESSIONS_OPENED} sessions it opened are still active" in run.stderr, output
    assert "logged out" not in run.stderr and "Traceback" not in output, output
    assert run.leftovers == []
    assert_junit(reports / "junit", why)
    assert_allure(reports / "allure", why)


def assert_junit(folder: Path, why: str) -> None:
    cases = [case for path in folder.glob("*.xml") for case in ElementTree.parse(path).iter("testcase")]
    ran = [case for case in cases if "not for this server" not in case.find("skipped").get("message", "")]
    assert len(ran) == 2 and all(case.get("status") == "skipped" for case in cases)
    assert all(f"NOT RUN in a rehearsal ({why}" in case.find("skipped").get("message") for case in ran)


def assert_allure(folder: Path, why: str) -> None:
    results = [json.loads(path.read_text()) for path in folder.glob("*-result.json")]
    assert results and not [r["name"] for r in results if r["status"] != "skipped"]
    ran = [r for r in results if any(step["status"] == "passed" for step in r["steps"])]
    assert len(ran) == 2
    for result in ran:
        assert f"NOT RUN in a rehearsal ({why}" in result["statusDetails"]["message"]
        not_run = [step for step in result["steps"] if step["status"] != "passed"]
        assert not_run and all(step["status"] == "skipped" for step in not_run)
        assert all(f"NOT RUN in a rehearsal ({why}" in step["statusDetails"]["message"] for step in not_run)
        assert not_run[0]["name"] in (f"When {CONFIRM_STEP}", f"And {CONFIRM_STEP}", f"When {NON_ADMIN_STEP}")


def junit_folder(tmp_path: Path) -> tuple[str, ...]:
    return ("--junit-directory", str(tmp_path / "junit"))


def env(tmp_path: Path) -> dict[str, str]:
    """The admin's password, and this run's Allure results apart from any other run's."""
    return {"MM_ADMIN_PASSWORD": ADMIN["password"], "MM_ALLURE_RESULTS": str(tmp_path / "allure")}


def run_id(run) -> str:
    return run.stderr.split("MM-T940: run ", 1)[1].split(" ", 1)[0] if "MM-T940: run " in run.stderr else "?"


# ---- sessions that must survive: the admin's own and a bystander's ---------------------------------------------


def sessions_to_keep(server) -> dict[str, str]:
    admin = log_in(server, ADMIN["login_id"], ADMIN["password"])
    password = f"Pw1!{secrets.token_urlsafe(8)}"
    bystander = f"bystander-{secrets.token_hex(3)}"
    requests.post(
        f"{server.url}/api/v4/users",
        timeout=10,
        headers={"Authorization": f"Bearer {admin}"},
        json={"username": bystander, "email": f"{bystander}@example.com", "password": password},
    ).raise_for_status()
    return {
        "the system admin's session before the run": admin,
        "a bystander's session": log_in(server, bystander, password),
    }


def log_in(server, login_id: str, password: str) -> str:
    response = requests.post(
        f"{server.url}/api/v4/users/login", json={"login_id": login_id, "password": password}, timeout=10
    )
    response.raise_for_status()
    return response.headers["Token"]


def still_accepted(server, tokens: dict[str, str]) -> dict[str, int]:
    return {
        name: requests.get(
            f"{server.url}/api/v4/users/me", headers={"Authorization": f"Bearer {token}"}, timeout=10
        ).status_code
        for name, token in tokens.items()
    }
