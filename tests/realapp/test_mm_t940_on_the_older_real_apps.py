"""MM-T940 and its permissions guard on Mattermost's own web apps of the older generations, each served by the
stand-in as a server of its version: 5.37.7 (the v5 login page and tutorial), 8.1 (the new login page over the old
console, the desktop app's legacy navigation) and 9.5 (the old list with the header button and "..., including
your session."). The builds sit beside the newest one (MM_REAL_WEBAPP), named mattermost-webapp-<version>-dist.tar.gz.

The rows are the fewest that leave no step without a device, with a phone's browser as the awake one (it meets the
landing page in every version, and the phone-width header): the default matrix runs on the newest build. The three
run side by side: they mostly wait for the apps' 60 s status poll. Their verdict is read from the steps and the
recorded API calls, so they take screenshots only at a failure (the newest build's run keeps every key moment's).

They run MM-T940's feature alone. The guard for non-admins reads the browser's address and the server's answers,
and looks for the console's button with the locators that MM-T940 clicks it with on the same build: it runs on the
newest build (tests/realapp/test_mm_t940_on_the_real_app.py) and on the stand-in's own pages of every generation."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from mattermost_suite.evidence.run_report import API_CALLS
from mattermost_suite.evidence.runs import RunFolder
from tests.support.behave_runs import run_behave

from .test_mm_t940_on_the_real_app import NOT_A_REAL_ANSWER, SLOW_MACHINE_DEADLINES

pytestmark = pytest.mark.realapp

# build -> the version its server reports, its generation and the confirmation wording whose Examples row must pass
# (the other row is skipped)
BUILDS = {
    "5.37.7": ("5.37.7", "legacy", "v5.16"),
    "8.1": ("8.1.0", "transitional", "v5.16"),
    "9.5": ("9.5.0", "transitional", "v9.4"),
}
DEVICES = "Android phone,Desktop app,iOS app,Android app"
FEATURE = "features/revoke_all_sessions.feature"
RUN_TIMEOUT = 600


@pytest.fixture(scope="module")
def older_runs(webapp_build, tmp_path_factory):
    builds = {version: Path(webapp_build).with_name(f"mattermost-webapp-{version}-dist.tar.gz") for version in BUILDS}
    missing = [str(path) for path in builds.values() if not path.exists()]
    if missing:
        message = f"no older web app builds beside MM_REAL_WEBAPP: {', '.join(missing)}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)

    # made here, not in the threads: pytest's first mktemp of a worker makes its base folder, and two at once collide
    run_dirs = {v: RunFolder(tmp_path_factory.mktemp("real-app-" + v.replace(".", "_")) / "run") for v in BUILDS}

    def run(version: str):
        run_dir = run_dirs[version]
        options = (
            *("-D", f"standin_webapp={builds[version]}", "-D", f"devices={DEVICES}"),
            *("-D", "grid=off", "-D", "screenshots=failures"),
            FEATURE,
        )
        outcome = run_behave(
            *options, *SLOW_MACHINE_DEADLINES, env={"MM_RUN_DIR": str(run_dir.path)}, timeout=RUN_TIMEOUT
        )
        calls_file = run_dir.path / API_CALLS
        lines = calls_file.read_text().splitlines() if calls_file.exists() else []
        return outcome, [(method, path, int(status)) for method, path, status in (line.split("\t") for line in lines)]

    with ThreadPoolExecutor(max_workers=len(BUILDS), thread_name_prefix="mmt940-older-real-app") as pool:
        futures = {version: pool.submit(run, version) for version in BUILDS}
        yield {version: future.result() for version, future in futures.items()}


@pytest.mark.parametrize("version", BUILDS)
def test_mm_t940_passes_on_the_real_web_app_of_its_version(version, older_runs):
    run, _ = older_runs[version]
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-4000:]
    scenarios = run.summary("scenario")
    assert (scenarios["passed"], scenarios["failed"], scenarios["skipped"]) == (1, 0, 1), output[-4000:]
    semver, generation, wording = BUILDS[version]
    assert f"Mattermost {semver}, {generation} web app with the {wording} wording," in output, output[:3000]
    for device in ("Android phone", "Desktop app", "iOS app"):
        assert f"MM-T940: outcome: {device}" in output
    assert run.leftovers == [], f"processes left behind: {run.leftovers}"


@pytest.mark.parametrize("version", BUILDS)
def test_every_call_of_the_older_real_app_got_a_real_answer(version, older_runs):
    _, calls = older_runs[version]
    assert len(calls) > 100, "the stand-in recorded the web app's calls"
    wrong = sorted({(m, p, s) for m, p, s in calls if s in NOT_A_REAL_ANSWER or s >= 500})
    assert not wrong, f"answers a real server would not give: {wrong}"
    sockets = {status for method, _, status in calls if method == "WS"}
    assert sockets == {101}, f"websocket answers {sorted(sockets)}: the app would show its banner"
