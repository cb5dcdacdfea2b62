"""MM-T940 and its permissions guard on the real Mattermost web app, served unchanged by the stand-in, on the
default eight devices and the admin through the embedded grid, with the feature files' words unchanged.

The real app polls statuses every 60 s (it cannot be shortened without changing the build), so the idle browsers
log out within a minute of the confirm. The stand-in's record of every API call the app made is read back: none
may have been answered with a status a real server would not give (no route: 404, wrong method: 405, a crash:
5xx), and every websocket must have been accepted (no connection banner can follow)."""

from __future__ import annotations

import pytest

from mattermost_suite.evidence.run_report import API_CALLS
from mattermost_suite.evidence.runs import RunFolder
from tests.support.behave_runs import run_behave

pytestmark = pytest.mark.realapp

# What a real server never answers the web app on MM-T940's path: a missing route, a wrong method, a crash.
NOT_A_REAL_ANSWER = {404, 405}
RUN_TIMEOUT = 600
# The real app is about 10 MB of JavaScript for each of nine browsers; on a 2-core machine busy with the other test
# tiers its pages take longer than the defaults allow (30 s): the deadlines a slow real server would need.
SLOW_MACHINE_DEADLINES = ("-D", "page_load_deadline=120", "-D", "login_deadline=120", "-D", "element_deadline=30")


@pytest.fixture(scope="module")
def real_app_run(webapp_build, tmp_path_factory):
    run_dir = RunFolder(tmp_path_factory.mktemp("real-app") / "run")
    run = run_behave(
        "-D",
        f"standin_webapp={webapp_build}",
        *SLOW_MACHINE_DEADLINES,
        env={"MM_RUN_DIR": str(run_dir.path)},
        timeout=RUN_TIMEOUT,
    )
    calls_file = run_dir.path / API_CALLS
    calls = [line.split("\t") for line in calls_file.read_text().splitlines()] if calls_file.exists() else []
    return run, run_dir, [(method, path, int(status)) for method, path, status in calls]


def test_both_features_pass_on_every_device(real_app_run):
    run, _, _ = real_app_run
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-4000:]
    scenarios = run.summary("scenario")
    assert (scenarios["passed"], scenarios["failed"], scenarios["error"]) == (2, 0, 0), output[-4000:]
    for device in ("Desktop WebKit", "iPhone", "Desktop app", "Android app", "Desktop Chromium (system admin"):
        assert f"MM-T940: outcome: {device}" in output


def test_every_api_call_of_the_real_app_got_a_real_answer(real_app_run):
    _, _, calls = real_app_run
    assert len(calls) > 200, "the stand-in recorded the web app's calls"
    wrong = sorted({(m, p, s) for m, p, s in calls if s in NOT_A_REAL_ANSWER or s >= 500})
    assert not wrong, f"answers a real server would not give: {wrong}"


def test_every_websocket_was_accepted(real_app_run):
    _, _, calls = real_app_run
    sockets = [status for method, _, status in calls if method == "WS"]
    assert len(sockets) >= 8, "every browser of the run opened the real app's websocket"
    assert set(sockets) == {101}, f"websocket answers {sorted(set(sockets))}: the app would show its banner"


def test_the_report_holds_the_pictures_and_nothing_is_left_running(real_app_run):
    run, run_dir, _ = real_app_run
    pictures = list(run_dir.results.glob("*-attachment.jpg"))
    assert len(pictures) >= 3, "every device side by side at each key moment"
    assert run.leftovers == [], f"processes left behind: {run.leftovers}"
