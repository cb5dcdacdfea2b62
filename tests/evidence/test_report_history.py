"""The report as a manager uses it every day, from whole `bash scripts/suite` runs on a quick subset (the permissions
feature, one browser on local drivers): the Trend and the History tab carry the earlier runs on; two runs at the same
time keep their own results and both reach the history; a scenario that breaks before its steps is BROKEN with its
reason in the console, JUnit and Allure. What is checked is what the report shows: the data embedded in the
single-file index.html (widgets/, data/test-cases/)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import uuid
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from mattermost_standin import StandinServer
from mattermost_suite.evidence.run_report import CI_MARKERS
from tests.support.behave_runs import processes_with, run_behave
from tests.support.constants import ADMIN_ENV, ROOT

from . import checks

pytestmark = pytest.mark.acceptance

QUICK = (
    "features/revoke_all_sessions_permissions.feature",
    "-D",
    "devices=Desktop Chromium,Desktop app,Android app",  # the device-table check's minimum (no WebKit: grid=off)
    "-D",
    "grid=off",
    "--no-color",
)
TEST = "MM-T940 Users - A user who is not a system admin cannot revoke all sessions"
BUILT = re.compile(r"^report: build #(\d+) from (\S+), trend of (\d+) runs?$", re.MULTILINE)


def outside_ci() -> dict[str, str]:
    """This machine's environment as a tester's: inside CI, the executor would name the CI build, not the run."""
    return {name: value for name, value in os.environ.items() if name not in CI_MARKERS}


def start_suite(report: Path, **env: str) -> tuple[subprocess.Popen, str]:
    marker = uuid.uuid4().hex
    process = subprocess.Popen(
        ["bash", "scripts/suite", *QUICK],
        cwd=ROOT,
        env=outside_ci()
        | ADMIN_ENV
        | {"ALLURE_REPORT_DIR": str(report), "MMT940_TEST_RUN": marker, "SE_OFFLINE": "true", "SE_AVOID_STATS": "true"}
        | env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    return process, marker


def finish(process: subprocess.Popen, marker: str) -> str:
    output, _ = process.communicate(timeout=240)
    assert process.returncode == 0, output[-3000:]
    assert processes_with(f"MMT940_TEST_RUN={marker}") == [], "processes left behind"
    return output


def report_data(report: Path) -> dict[str, bytes]:
    return checks.report_entries(report / "index.html")


def trend_orders(data: dict[str, bytes]) -> list[int]:
    return [point["buildOrder"] for point in json.loads(data["widgets/history-trend.json"])]


def the_test(data: dict[str, bytes]) -> dict:
    cases = [json.loads(body) for name, body in data.items() if name.startswith("data/test-cases/")]
    [case] = [case for case in cases if case["name"] == TEST]
    return case


def test_two_runs_make_a_trend_of_two_and_the_test_remembers_the_earlier_run(tmp_path):
    report = tmp_path / "report"
    first = finish(*start_suite(report, MM_RUN_DIR=str(tmp_path / "run-1")))
    assert BUILT.findall(first) == [("1", "run-1", "1")]
    second = finish(*start_suite(report, MM_RUN_DIR=str(tmp_path / "run-2")))
    assert BUILT.findall(second) == [("2", "run-2", "2")]
    assert second.rstrip().endswith(f"report: {report}/index.html")

    data = report_data(report)
    trend = json.loads(data["widgets/history-trend.json"])
    assert trend_orders(data) == [2, 1] and [point["data"]["passed"] for point in trend] == [1, 1]
    assert len(json.loads(data["widgets/duration-trend.json"])) == 2
    [executor] = json.loads(data["widgets/executors.json"])
    run_id = (tmp_path / "run-2" / "allure-results" / "environment.properties").read_text().split("Run.Id=")[1]
    assert executor["buildOrder"] == 2 and f"MM-T940 run {run_id.strip()} started " in executor["buildName"]
    earlier = the_test(data)["extra"]["history"]["items"]
    assert [item["status"] for item in earlier] == ["passed"]  # the History tab: run 1
    assert json.loads((tmp_path / "run-1" / "completed.json").read_text())["finished"]

    # Built again from the same run, keeping one run of history: the run is not counted twice, the trend is trimmed.
    again = subprocess.run(
        ["bash", "scripts/report", str(tmp_path / "run-2"), str(report)],
        env=os.environ | {"MM_REPORT_HISTORY": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 0, again.stderr
    assert BUILT.findall(again.stdout) == [("2", "run-2", "1")]
    assert trend_orders(report_data(report)) == [2]


def test_two_runs_at_the_same_time_keep_their_own_results_and_both_reach_the_history(tmp_path):
    """Each run's folder is chosen by scripts/suite itself (reports/runs/<start>-<random>), as for a tester."""
    report = tmp_path / "report"
    started = [start_suite(report), start_suite(report)]
    outputs = [finish(*run) for run in started]
    built = [BUILT.findall(output) for output in outputs]
    names = [found[0][1] for found in built]
    folders = [ROOT / "reports" / "runs" / name for name in names]
    try:
        assert names[0] != names[1]
        assert sorted(int(found[0][0]) for found in built) == [1, 2], "one report waited for the other"
        run_ids = []
        for folder in folders:
            results = folder / "allure-results"
            assert [result["name"] for result in checks.result_files(results)] == [TEST]
            run_id = (results / "environment.properties").read_text().split("Run.Id=")[1].strip()
            assert run_id in json.loads((results / "executor.json").read_text())["buildName"]
            assert len(list((folder / "junit").glob("*.xml"))) == 1
            run_ids.append(run_id)
        assert run_ids[0] != run_ids[1]
        data = report_data(report)
        assert trend_orders(data) == [2, 1]
        assert len(the_test(data)["extra"]["history"]["items"]) == 1
    finally:
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)  # the test's own runs: not a tester's newest run


def test_a_server_that_refuses_the_test_users_domain_makes_the_run_broken_with_its_reason(tmp_path):
    """The server accepts new accounts only from another e-mail domain (TeamSettings.RestrictCreationToDomains):
    seeding the test user fails in before_scenario, before any step. allure-behave alone would call it "skipped"."""
    reason = (
        "Broken before its steps ran (before_scenario): SuiteError: the system admin cannot create the test user: "
        "the server accepts new accounts only from some e-mail domains (TeamSettings.RestrictCreationToDomains): "
        "the test users' addresses end in @example.com; add example.com for the run "
        "(api.user.create_user.accepted_domain.app_error)"
    )
    run_dir = tmp_path / "run"
    with StandinServer(config={"TeamSettings.RestrictCreationToDomains": "mattermost.com"}) as server:
        run = run_behave(
            *QUICK, "-D", f"base_url={server.url}", env={**ADMIN_ENV, "MM_RUN_DIR": str(run_dir)}, timeout=120
        )
    assert run.returncode == 1, run.stdout + run.stderr
    assert f"MM-T940: BROKEN: {TEST}: {reason}\n" in run.stderr
    [result] = checks.result_files(run_dir / "allure-results")
    assert (result["status"], result["statusDetails"]["message"]) == ("broken", reason)
    [junit] = (run_dir / "junit").glob("*.xml")
    [case] = ElementTree.parse(junit).getroot().iter("testcase")
    assert case.find("error").get("message") == reason
    assert run.leftovers == []
