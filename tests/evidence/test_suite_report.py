"""MM-T940 itself, on the embedded stand-in, through behave.ini's Allure/JUnit outputs and scripts/report: the evidence
a manager reads (screenshots per moment, the combined image, REST sessions, the timeline, run files), no secret in
any file under reports/, and the single-file report showing the screenshots (reports/mm-t940-report.png).

The passing run is the session's default run: its results and report are what stays in reports/."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree

import pytest

from tests.support.browser import new_chromium
from tests.support.suite_runs import JUNIT, REPORT, REPORTS, RESULTS, ROOT, build_report, run_suite

from . import checks

SCREENSHOT = REPORTS / "mm-t940-report.png"
BANNER_STEP = 'And every browser of the test user shows "Your session has expired. Please log in again."'
# The failing run: three browser rows on local drivers (speed); the passing run: every row, on the default grid.
# The awake browsers named in the failure, plus the fewest rows that leave no step without a device to check.
FAILING_ROWS = "devices=Desktop Chromium,Desktop Firefox ESR,Android phone,Desktop app,Android app"
VICTIMS = ("Desktop Chromium", "Desktop Firefox ESR", "Android phone")
ADMIN = "Desktop Chromium (system admin)"
COMBINED = "After Confirm: login page with banner - all devices"
LAST_STEP = "And the server refuses every old session of the test user and of the system admin"
FINAL_TIMELINE = "Per-device timeline at the end of the scenario"
NON_ADMIN = "MM-T940 Users - A user who is not a system admin cannot revoke all sessions"


def ran(results) -> dict:
    """The MM-T940 outline's example that ran (the other UI generation's is skipped)."""
    ran = [r for r in checks.check_results_present(results, 3) if r["status"] != "skipped"]
    [result] = [r for r in ran if r["name"] != NON_ADMIN]
    return result


def non_admin(results) -> dict:
    [result] = [r for r in checks.check_results_present(results, 3) if r["name"] == NON_ADMIN]
    return result


def attachments_by_step(result: dict) -> dict[str, dict[str, dict]]:
    return {step["name"]: {a["name"]: a for a in step.get("attachments", [])} for step in result["steps"]}


def names_in(node: dict) -> list[str]:
    """Test names under a category of the report's categories tree (grouped by message in between)."""
    return (
        [name for child in node.get("children", []) for name in names_in(child)]
        if "children" in node
        else [node["name"]]
    )


def step_with(steps: dict, attachment: str) -> str:
    return next(step for step, names in steps.items() if attachment in names)


def attached_text(steps: dict, attachment: str, step: str | None = None) -> str:
    """An attachment's text, from `step` or else from the first step holding it."""
    return (RESULTS / steps[step or step_with(steps, attachment)][attachment]["source"]).read_text()


@pytest.fixture(scope="module")
def failing_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("failing")
    results = tmp / "allure-results"
    run = run_suite(
        tmp,
        results,
        tmp / "junit",
        "standin_status_poll=1",
        "standin_faults=no_expired_banner",
        FAILING_ROWS,
        "grid=off",
        "element_deadline=3",
    )
    assert run.returncode == 1, run.output
    assert not run.leftovers, f"processes left behind: {run.leftovers}"
    return run, results, build_report(results, tmp / "allure-report")


@pytest.fixture(scope="module")
def passing_run(default_mm_t940_run):
    """The session's default run (tests/support/suite_runs.py): every row on the default grid."""
    run = default_mm_t940_run
    assert run.returncode == 0, run.output
    assert not run.leftovers, f"processes left behind: {run.leftovers}"
    return run, build_report(RESULTS, REPORT)


@pytest.mark.unit
def test_every_run_writes_allure_results_and_junit_into_its_own_folder_under_reports():
    """Plain `behave` and scripts/suite get the outputs from behave.ini (the tests only move the folders): both name
    the folder of run folders, and the formatter puts each run's results and JUnit into a new one."""
    ini = (ROOT / "behave.ini").read_text()
    assert "format = mattermost_suite.evidence.formatter:AllureResults\noutfiles = reports/runs\n" in ini
    assert "junit = true\njunit_directory = reports/runs\n" in ini
    suite = (ROOT / "scripts" / "suite").read_text()
    assert "Formatter" not in suite and " -f " not in suite, "scripts/suite must rely on behave.ini (duplicates crash)"


@pytest.mark.acceptance
def test_a_failure_carries_each_failing_devices_evidence_and_is_a_product_defect(failing_run):
    run, results, index = failing_run
    result = ran(results)
    assert result["status"] == "failed"
    steps = attachments_by_step(result)
    failing = steps[BANNER_STEP]
    for device in VICTIMS:
        assert {f"{device} - failure screenshot", f"{device} - page source", f"{device} - console log"} <= set(failing)
        assert failing[f"{device} - failure screenshot"]["type"] == "image/png"
    assert f"{ADMIN} - page source" not in failing, "the admin's browser is not named by this failure"
    assert any("Per-device timeline" in names for names in steps.values())
    console = {d: (results / failing[f"{d} - console log"]["source"]).read_text() for d in VICTIMS}
    assert "not available for firefox" in console["Desktop Firefox ESR"]
    assert "not available" not in console["Desktop Chromium"]
    source = (results / failing["Desktop Chromium - page source"]["source"]).read_text()
    assert "<html" in source.lower() and "/login" in source
    checks.check_attachments_exist(results)
    checks.check_no_secret([results, index.parent], run.secrets)
    categories = {
        c["name"]: names_in(c) for c in json.loads(checks.report_entries(index)["data/categories.json"])["children"]
    }
    assert categories == {"Product defect": [result["name"]]}


@pytest.mark.acceptance
def test_the_run_attaches_every_moment_the_rest_evidence_and_the_timeline(passing_run):
    result = ran(RESULTS)
    assert result["name"].startswith("MM-T940 ") and result["status"] == "passed"
    steps = attachments_by_step(result)
    everyone = [*VICTIMS, ADMIN]
    for moment in ("Logged in before the revoke", "After Cancel", "After Confirm: login page with banner"):
        step = step_with(steps, f"{moment} - all devices")
        assert {f"{moment} - {device}" for device in everyone} <= set(steps[step])
    assert (
        f"Confirmation modal - {ADMIN}"
        in steps['Then a confirmation titled "Revoke all sessions in the system" is displayed']
    )
    assert (
        step_with(steps, COMBINED)
        == step_with(steps, "Per-device timeline")
        == "And the system admin's browser is redirected to the login page"
    )
    timeline = attached_text(steps, "Per-device timeline (CSV)", step_with(steps, COMBINED))
    rows = {line.split(",")[0]: line for line in timeline.strip().splitlines()[1:]}
    assert all("after the confirm" in rows[device] for device in everyone), timeline
    final = attached_text(steps, f"{FINAL_TIMELINE} (CSV)", LAST_STEP).strip().splitlines()
    assert len(final) == 1 + 8 + 1, final  # a header, the device table's 8 rows and the admin's browser
    for row in final[1:]:  # Device, Logged in at, Revoke confirmed at, Logged out at, Latency (s), Outcome
        device, logged_in, confirmed, logged_out, latency = row.split(",")[:5]
        assert logged_in and confirmed and logged_out and float(latency) > 0, f"{device} is incomplete: {row}"
    before = json.loads(attached_text(steps, "Sessions of the test user before the revoke"))
    after = json.loads(attached_text(steps, "Sessions of the test user after the revoke"))
    assert len(before["sessions"]) >= len(VICTIMS) and after["sessions"] == []
    assert checks.check_attachments_exist(RESULTS) >= 20


@pytest.mark.acceptance
def test_labels_links_and_run_files(passing_run):
    result = ran(RESULTS)
    assert checks.MM_T940_LABELS <= checks.labels_of(result)
    assert checks.links_of(result) == checks.MM_T940_LINKS
    guard = non_admin(RESULTS)  # the second feature: same labels, linked to the test case and MM-12440
    assert guard["status"] == "passed"
    assert checks.MM_T940_LABELS <= checks.labels_of(guard)
    assert checks.links_of(guard) == {("issue", "MM-12440"), ("tms", "MM-T940")}
    properties = dict(line.split("=", 1) for line in (RESULTS / "environment.properties").read_text().splitlines())
    assert properties["Server.URL"].startswith("http\\://127.0.0.1\\:")
    assert properties["UI.Generation"] == "current" and properties["Server.Version"].startswith("11.2.0 (11.2.0.")
    assert "chrome-headless-shell 1" in properties["Browsers"] and "firefox 1" in properties["Browsers"]
    assert properties["Grid"]
    assert json.loads((RESULTS / "executor.json").read_text())["reportName"] == "MM-T940 Revoke All Sessions"
    assert [c["name"] for c in json.loads((RESULTS / "categories.json").read_text())] == [
        "Product defect",
        "Test infrastructure",
        "Test code defect",
    ]
    junits = sorted(JUNIT.glob("*.xml"))  # one per feature: MM-T940 and its non-admin guard
    assert [junit.name for junit in junits] == [
        "TESTS-revoke_all_sessions.xml",
        "TESTS-revoke_all_sessions_permissions.xml",
    ]
    for junit in junits:
        cases = ElementTree.parse(junit).getroot().findall("testcase")
        assert any(case.get("name", "").startswith("MM-T940") for case in cases)


@pytest.mark.acceptance
def test_no_secret_in_any_file_under_reports(passing_run):
    run, _ = passing_run
    assert len(run.secrets) >= 6, "passwords and every device's session token are expected"
    checks.check_no_secret([REPORTS], run.secrets)


@pytest.mark.acceptance
def test_the_single_file_report_shows_the_combined_screenshot(passing_run):
    _, index = passing_run
    assert index == REPORT / "index.html"
    checks.check_single_file_report(REPORT)
    name = ran(RESULTS)["name"]
    driver = new_chromium(1400, 1300)
    try:
        checks.screenshot_report_test(driver, index, name, COMBINED, SCREENSHOT)
    finally:
        driver.quit()
    assert SCREENSHOT.stat().st_size > 50_000
