"""The run's own files in the Allure results: earlier results removed at the start; environment.properties,
executor.json and categories.json at the end; the MM-T940 labels and test-case link on each scenario."""

from __future__ import annotations

import os
from pathlib import Path

from ..narration import say
from .formatter import results_folder
from .labels import label_scenario
from .run_files import write_run_files

ALLURE_FORMATTERS = ("AllureFormatter", "AllureResults")
REPORT_NAME = "MM-T940 Revoke All Sessions"


def results_dir(config) -> Path | None:
    """The Allure formatter's results folder (behave.ini pairs formats and outfiles by position)."""
    for name, output in zip(config.format or [], config.outputs, strict=False):
        if name.endswith(ALLURE_FORMATTERS) and output.name:
            return Path(results_folder(output.name))
    return None


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
    write_run_files(folder, run_environment(run), executor(run))


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


def executor(run) -> dict[str, str]:
    ci = os.environ.get("CI")
    return {
        "name": os.environ.get("CI_NAME", "CI" if ci else "behave (local)"),
        "type": "ci" if ci else "local",
        "buildName": f"MM-T940 run {run.run_id} on {run.server.ui} web app {run.server.version_text}",
        "buildUrl": os.environ.get("BUILD_URL", ""),
        "reportName": REPORT_NAME,
    }


def label(scenario, userdata) -> None:
    label_scenario(scenario.feature.name, [*scenario.feature.tags, *scenario.tags], userdata.get("tms_pattern"))
