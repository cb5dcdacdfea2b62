"""A scenario that broke before or between its steps is BROKEN with its one-line reason in Allure and JUnit, and said
once on the console; a skipped one keeps its reason. (The whole run: test_report_history.py.)"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from types import SimpleNamespace

import pytest
from allure_commons import model2  # its Test* classes are not pytest tests: no direct import
from allure_commons.model2 import Status, StatusDetails

from mattermost_suite.evidence.outcomes import ScenarioOutcomes

pytestmark = pytest.mark.unit

FEATURE, NAME = "MM-T940 Users - Revoke all sessions", "MM-T940 Users - Revoke all sessions -- @2.1 current"
SEEDING = "SuiteError: the system admin cannot create the test user: accepted domains only"


def scenario(status="passed", hook_error: str | None = None, skip_reason: str | None = None):
    return SimpleNamespace(
        feature=SimpleNamespace(name=FEATURE),
        name=NAME,
        status=SimpleNamespace(name=status),
        hook_failed=hook_error is not None,
        error_message=hook_error,
        skip_reason=skip_reason,
    )


def result(status: str, steps: list[str], message: str | None = None) -> model2.TestResult:
    return model2.TestResult(
        name=NAME,
        status=status,
        statusDetails=StatusDetails(message=message) if message else None,
        steps=[model2.TestStepResult(name=f"step {n}", status=s) for n, s in enumerate(steps)],
    )


def reported(
    behave_scenario, allure_result, cleanup_errors=()
) -> tuple[model2.TestResult, list[str], ScenarioOutcomes]:
    console: list[str] = []
    outcomes = ScenarioOutcomes(say=console.append)
    outcomes.note(behave_scenario)
    for line in cleanup_errors:
        outcomes.cleanup_failed(line)
    outcomes.report_result(allure_result)
    return allure_result, console, outcomes


def test_an_error_while_seeding_the_users_is_broken_not_skipped():
    """allure-behave derives the status from the steps, which never ran: it would say "skipped", with no message."""
    behave = scenario("hook_error", hook_error=f"HOOK-ERROR in before_scenario: {SEEDING}")
    allure, console, _ = reported(behave, result(Status.SKIPPED, [Status.SKIPPED, Status.SKIPPED]))
    assert allure.status == Status.BROKEN
    assert allure.statusDetails.message == f"Broken before its steps ran (before_scenario): {SEEDING}"
    assert {step.statusDetails.message for step in allure.steps} == {
        f"Not run: the scenario broke before its steps ran (before_scenario): {SEEDING}"
    }
    assert console == [f"BROKEN: {NAME}: Broken before its steps ran (before_scenario): {SEEDING}"]


def test_a_failed_clean_up_after_passing_steps_is_broken_not_passed():
    line = "scenario_cast: SuiteError: the test user could not be removed"
    allure, console, _ = reported(scenario("cleanup_error"), result(Status.PASSED, [Status.PASSED]), [line])
    assert allure.status == Status.BROKEN
    assert allure.statusDetails.message == f"Broken in its clean-up: {line}"
    assert allure.steps[0].statusDetails is None  # the step did pass
    assert console == [f"BROKEN: {NAME}: Broken in its clean-up: {line}"]


def test_an_error_in_after_scenario_is_broken():
    behave = scenario("hook_error", hook_error="HOOK-ERROR in after_scenario: KeyError: 'device'")
    allure, _, _ = reported(behave, result(Status.PASSED, [Status.PASSED]))
    assert allure.status == Status.BROKEN
    assert allure.statusDetails.message == "Broken after its steps (after_scenario): KeyError: 'device'"


def test_a_failed_step_stays_the_headline_and_a_failed_clean_up_is_added():
    line = "scenario_cast: SuiteError: the test user could not be removed"
    allure, console, _ = reported(
        scenario("cleanup_error"), result(Status.FAILED, [Status.FAILED], "AssertionError: iPhone stayed"), [line]
    )
    assert allure.status == Status.FAILED
    assert allure.statusDetails.message == f"AssertionError: iPhone stayed\nAlso: Broken in its clean-up: {line}"
    assert len(console) == 1


def test_a_skipped_scenario_keeps_its_reason_and_a_passing_one_is_untouched():
    why = "not for this server: its web app (Mattermost 11.2.0) is the current generation with the v9.4 wording"
    skipped, console, _ = reported(scenario("skipped", skip_reason=why), result(Status.SKIPPED, [Status.SKIPPED]))
    assert skipped.statusDetails.message == why and skipped.steps[0].statusDetails.message == why
    passed, quiet, _ = reported(scenario(), result(Status.PASSED, [Status.PASSED]))
    assert passed.status == Status.PASSED and passed.statusDetails is None
    assert console == quiet == []


def test_a_clean_up_after_the_result_was_written_is_not_pinned_on_it():
    outcomes = ScenarioOutcomes(say=lambda line: None)
    outcomes.note(scenario())
    outcomes.report_result(result(Status.PASSED, [Status.PASSED]))
    outcomes.cleanup_failed("embedded_standin: SuiteError: the stand-in did not stop")  # the run's own clean-up
    assert outcomes.cleanup_errors == [] and outcomes.by_scenario == {}


JUNIT = f"""<testsuite name="features.x" tests="1">
<testcase classname="features.revoke_all_sessions.{FEATURE}" name="{NAME}" status="{{status}}">{{problem}}</testcase>
</testsuite>"""


@pytest.mark.parametrize(
    "status, problem, allure_status, hook_error, cleanup, expected_tag, expected_message",
    [
        (
            "hook_error",
            '<error type="SuiteError" message="HOOK-ERROR in before_scenario: x" />',
            Status.SKIPPED,
            f"HOOK-ERROR in before_scenario: {SEEDING}",
            [],
            "error",
            f"Broken before its steps ran (before_scenario): {SEEDING}",
        ),
        (
            "cleanup_error",
            '<error type="UnknownError" message="" />',
            Status.PASSED,
            None,
            ["scenario_cast: SuiteError: no"],
            "error",
            "Broken in its clean-up: scenario_cast: SuiteError: no",
        ),
        (
            "failed",
            '<failure type="AssertionError" message="iPhone stayed" />',
            Status.FAILED,
            None,
            ["scenario_cast: SuiteError: no"],
            "failure",
            "iPhone stayed\nAlso: Broken in its clean-up: scenario_cast: SuiteError: no",
        ),
        (
            "passed",
            "",
            Status.PASSED,
            "HOOK-ERROR in after_scenario: KeyError: 'device'",
            [],
            "error",
            "Broken after its steps (after_scenario): KeyError: 'device'",
        ),
    ],
    ids=["before_scenario", "clean-up", "failed-step-and-clean-up", "after_scenario"],
)
def test_junit_carries_the_same_line(
    tmp_path, status, problem, allure_status, hook_error, cleanup, expected_tag, expected_message
):
    (tmp_path / "TESTS-revoke_all_sessions.xml").write_text(JUNIT.format(status=status, problem=problem))
    _, _, outcomes = reported(
        scenario(status, hook_error=hook_error), result(allure_status, [allure_status]), cleanup_errors=cleanup
    )
    outcomes.write_junit(SimpleNamespace(junit=True, junit_directory=str(tmp_path)))
    case = ElementTree.parse(tmp_path / "TESTS-revoke_all_sessions.xml").find("testcase")
    assert [child.tag for child in case] == [expected_tag]
    assert case.find(expected_tag).get("message") == expected_message
