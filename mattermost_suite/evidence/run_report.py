"""The run's own files in the Allure results: earlier results removed at the start; environment.properties,
executor.json and categories.json at the end; the MM-T940 labels and test-case link on each scenario.

executor.json names the run: the CI build (GitHub Actions, GitLab CI, Jenkins, or any CI that sets CI and BUILD_URL)
when there is one, else the run id and its start time. Its buildOrder, which numbers the Trend's points, is given
when the report is built (report.py), under the report's lock, so that runs at the same time never share one."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from mattermost_suite.evidence.formatter import run_outputs
from mattermost_suite.evidence.labels import label_scenario
from mattermost_suite.evidence.run_files import write_run_files
from mattermost_suite.story.narration import say

ALLURE_FORMATTERS = ("AllureFormatter", "AllureResults")
REPORT_NAME = "MM-T940 Revoke All Sessions"
API_CALLS = "standin-api-calls.tsv"


def results_dir(config) -> Path | None:
    """The Allure formatter's results folder: the run's own (formatter.py), else the outfile paired with a plain
    AllureFormatter (behave.ini pairs formats and outfiles by position)."""
    outputs = run_outputs(config)
    if outputs is not None:
        return outputs.results
    for name, output in zip(config.format or [], config.outputs, strict=False):
        if name.endswith(ALLURE_FORMATTERS) and output.name:
            return Path(output.name)
    return None


def grid_log_dir(config) -> Path | None:
    """The embedded grid's logs, next to the run's Allure results (reports/runs/<run>/grid/): runs at the same time
    in one checkout never append to one log, and a run's logs go when its folder is pruned. None without an Allure
    formatter (the grid's own default then)."""
    folder = results_dir(config)
    return folder.parent / "grid" if folder is not None else None


def api_calls_file(config) -> Path | None:
    """The embedded stand-in's record of the API calls it answered, next to the run's Allure results."""
    folder = results_dir(config)
    return folder.parent / API_CALLS if folder is not None else None


def clean_earlier_results(config) -> None:
    """allure-behave and behave's JUnit reporter append: remove an earlier run's files so they do not mix in.
    In-flight *.tmp files are kept (a concurrent run renames them into place)."""
    folders = [results_dir(config)] + ([Path(config.junit_directory)] if config.junit else [])
    for folder in filter(None, folders):
        for path in folder.glob("*") if folder.is_dir() else []:
            if path.is_file() and path.suffix != ".tmp":
                try:
                    path.unlink()
                except OSError as error:
                    say(f"evidence: could not remove {path}: {error.strerror}")


def write_report_files(config, run) -> None:
    """environment.properties, executor.json, categories.json into the Allure results (after_all)."""
    folder = results_dir(config)
    if folder is None:
        return
    outputs = run_outputs(config)
    write_run_files(folder, run_environment(run), executor(run, outputs.started if outputs else datetime.now(UTC)))


def run_environment(run) -> dict[str, str]:
    devices = run.device_records
    browsers: dict[str, list[str]] = {}
    for device in devices:
        if device.browser:
            names = browsers.setdefault(device.browser, [])
            if device.label not in names:
                names.append(device.label)
    config = run.config
    grid = (f"{config.grid} at {config.grid_url}" if config.grid_url else config.grid) or "off"
    return {
        "Server.URL": run.server.url,
        "Server.Version": f"{run.server.version_text} ({run.server.version_id})",
        "UI.Generation": run.server.ui,
        "Browsers": "; ".join(f"{b} ({', '.join(n)})" for b, n in browsers.items()) or "none started",
        "Grid": grid,
        "Devices": ", ".join(dict.fromkeys(f"{d.name} [{d.role}]" for d in devices)) or "none",
        "Run.Id": run.run_id,
    }


def executor(run, started: datetime, environ: Mapping[str, str] = os.environ) -> dict[str, str]:
    where = f"on the {run.server.ui} web app, Mattermost {run.server.version_text}"
    build = ci_build(environ)
    if build is None:
        return {
            "name": "behave (local)",
            "type": "local",
            "buildName": f"MM-T940 run {run.run_id} started {started.astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC {where}",
            "buildUrl": "",
            "reportName": REPORT_NAME,
        }
    return {
        "name": build.name,
        "type": build.type,
        "buildName": f"{build.title} (MM-T940 run {run.run_id}) {where}",
        "buildUrl": build.url,
        "reportName": REPORT_NAME,
    }


@dataclass(frozen=True)
class CiBuild:
    name: str  # the CI system
    type: str  # Allure's executor type (its icon): github, gitlab, jenkins, ...
    title: str  # the build: workflow/job and number
    url: str


# Every variable ci_build reads to tell that a CI runs this (a test run of the suite inside CI drops them).
CI_MARKERS = ("GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "JOB_NAME", "BUILD_NUMBER", "CI")


def ci_build(environ: Mapping[str, str]) -> CiBuild | None:
    """The CI build running this, from the variables each CI sets (GitHub Actions, GitLab CI, Jenkins, others)."""
    get = environ.get
    if get("GITHUB_ACTIONS") == "true":
        url = ""
        if get("GITHUB_SERVER_URL") and get("GITHUB_REPOSITORY") and get("GITHUB_RUN_ID"):
            url = f"{get('GITHUB_SERVER_URL')}/{get('GITHUB_REPOSITORY')}/actions/runs/{get('GITHUB_RUN_ID')}"
        attempt = get("GITHUB_RUN_ATTEMPT", "1")
        title = f"{get('GITHUB_WORKFLOW', 'workflow')} #{get('GITHUB_RUN_NUMBER', '?')}"
        return CiBuild("GitHub Actions", "github", title + (f" attempt {attempt}" if attempt != "1" else ""), url)
    if get("GITLAB_CI"):
        title = f"{get('CI_JOB_NAME', 'job')} of pipeline #{get('CI_PIPELINE_ID', '?')}"
        return CiBuild("GitLab CI", "gitlab", title, get("CI_JOB_URL") or get("CI_PIPELINE_URL", ""))
    if get("JENKINS_URL") or (get("JOB_NAME") and get("BUILD_NUMBER")):
        title = f"{get('JOB_NAME', 'job')} #{get('BUILD_NUMBER', '?')}"
        return CiBuild("Jenkins", "jenkins", title, get("BUILD_URL", ""))
    if get("CI", "").lower() not in ("", "0", "false"):
        number = get("BUILD_NUMBER") or get("BUILD_ID")
        title = get("CI_NAME", "CI") + (f" build #{number}" if number else " build")
        return CiBuild(get("CI_NAME", "CI"), "ci", title, get("BUILD_URL", ""))
    return None


def label(scenario, userdata) -> None:
    label_scenario(scenario.feature.name, [*scenario.feature.tags, *scenario.tags], userdata.get("tms_pattern"))
