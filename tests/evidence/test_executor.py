"""executor.json names the run: the CI build when there is one, else the run id and its start time."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest

from mattermost_suite.evidence.run_report import REPORT_NAME, ci_build, executor

pytestmark = pytest.mark.unit

RUN = SimpleNamespace(run_id="1a2b3c4d", server=SimpleNamespace(ui="current", version_text="10.11.0"))
STARTED = datetime(2026, 11, 30, 9, 15, 7, tzinfo=UTC)
WHERE = "on the current web app, Mattermost 10.11.0"


def test_a_local_run_is_named_by_its_id_and_start_time():
    assert executor(RUN, STARTED, {}) == {
        "name": "behave (local)",
        "type": "local",
        "buildName": f"MM-T940 run 1a2b3c4d started 2026-11-30 09:15:07 UTC {WHERE}",
        "buildUrl": "",
        "reportName": REPORT_NAME,
    }


@pytest.mark.parametrize(
    "environ, name, type_, title, url",
    [
        (
            {
                "GITHUB_ACTIONS": "true",
                "CI": "true",
                "GITHUB_WORKFLOW": "acceptance",
                "GITHUB_RUN_NUMBER": "41",
                "GITHUB_RUN_ATTEMPT": "2",
                "GITHUB_SERVER_URL": "https://github.com",
                "GITHUB_REPOSITORY": "qa/mm-t940",
                "GITHUB_RUN_ID": "987",
            },
            "GitHub Actions",
            "github",
            "acceptance #41 attempt 2",
            "https://github.com/qa/mm-t940/actions/runs/987",
        ),
        (
            {
                "GITLAB_CI": "true",
                "CI": "true",
                "CI_JOB_NAME": "mm-t940",
                "CI_PIPELINE_ID": "5150",
                "CI_JOB_URL": "https://gitlab.example.com/qa/-/jobs/77",
            },
            "GitLab CI",
            "gitlab",
            "mm-t940 of pipeline #5150",
            "https://gitlab.example.com/qa/-/jobs/77",
        ),
        (
            {
                "JENKINS_URL": "https://ci.example.com/",
                "JOB_NAME": "mm-t940",
                "BUILD_NUMBER": "12",
                "BUILD_URL": "https://ci.example.com/job/mm-t940/12/",
            },
            "Jenkins",
            "jenkins",
            "mm-t940 #12",
            "https://ci.example.com/job/mm-t940/12/",
        ),
        (
            {"CI": "true", "BUILD_URL": "https://ci.example.com/b/3", "BUILD_NUMBER": "3"},
            "CI",
            "ci",
            "CI build #3",
            "https://ci.example.com/b/3",
        ),
    ],
    ids=["github", "gitlab", "jenkins", "other-ci"],
)
def test_a_ci_run_is_named_by_its_build(environ, name, type_, title, url):
    build = ci_build(environ)
    assert (build.name, build.type, build.title, build.url) == (name, type_, title, url)
    named = executor(RUN, STARTED, environ)
    assert named["buildName"] == f"{title} (MM-T940 run 1a2b3c4d) {WHERE}"
    assert (named["name"], named["type"], named["buildUrl"]) == (name, type_, url)


@pytest.mark.parametrize("value", ["", "false", "0"])
def test_ci_switched_off_is_local(value):
    assert ci_build({"CI": value}) is None
