"""The evidence wiring of MM-T940: what the hooks and REST steps attach to the Allure report.

The evidence package does the attaching and masking; this module decides what and when:
- key moments (moments.py) -> every browser's screenshot + one combined image (one device: one screenshot);
- after Confirm -> also the per-device timeline; on the last step that runs (passed last step or a failing step)
  of a scenario that confirmed the revoke -> the complete timeline again; where a rehearsal stops -> the timeline
  with every device still logged in; on a failing step -> failure evidence of the devices it names, and the
  timeline if not attached yet; REST checks -> the test user's sessions (masked);
- start of a run -> earlier results removed; end of a run -> environment.properties, executor.json, categories.json;
- a scenario skipped with a reason (not for this web app, or a rehearsal's steps that are not run) -> the reason on
  the Allure test and its skipped steps, and on JUnit's <skipped>: both tools would drop it.
"""
from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ElementTree
from contextlib import contextmanager
from pathlib import Path
from typing import Sequence

import allure_commons
from allure_commons.model2 import StatusDetails

from . import moments
from .evidence import (TimelineRow, attach_failure, attach_json, attach_moment, attach_screenshot, attach_timeline,
                       label_scenario, write_run_files)
from .evidence.attachments import attach_text
from .evidence.formatter import results_folder
from .moments import Moment
from .narrate import say

MOMENT_TITLES = {
    Moment.LOGGED_IN: "Logged in before the revoke",
    Moment.CONFIRMATION_SHOWN: "Confirmation modal",
    Moment.AFTER_CANCEL: "After Cancel",
    Moment.AFTER_CONFIRM: "After Confirm: login page with banner",
    Moment.SENT_AWAY: "Test user sent away from System Console > Users",
}
TIMELINE = "Per-device timeline"
# After Confirm the woken computers and the apps have not logged out yet: the complete story comes at the end.
FINAL_TIMELINE = "Per-device timeline at the end of the scenario"
ALLURE_FORMATTERS = ("AllureFormatter", "AllureResults")
REPORT_NAME = "MM-T940 Revoke All Sessions"


def device_label(record) -> str:
    """The admin may use the same device name as the test user ("Desktop Chromium"): say whose it is."""
    return f"{record.name} (system admin)" if record.role == "system admin" else record.name


# ---- run level ---------------------------------------------------------------------------------------------

def results_dir(config) -> Path | None:
    """The Allure formatter's results folder (behave.ini pairs formats and outfiles by position)."""
    for name, output in zip(config.format or [], config.outputs):
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
    devices = [d for scenario in run.record.scenarios for d in scenario.devices]
    browsers: dict[str, list[str]] = {}
    for device in devices:
        if device.browser:
            names = browsers.setdefault(device.browser, [])
            if device_label(device) not in names:
                names.append(device_label(device))
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
    return {"name": os.environ.get("CI_NAME", "CI" if ci else "behave (local)"),
            "type": "ci" if ci else "local",
            "buildName": f"MM-T940 run {run.run_id} on {run.server.ui} web app {run.server.version_text}",
            "buildUrl": os.environ.get("BUILD_URL", ""),
            "reportName": REPORT_NAME}


def label(scenario, userdata) -> None:
    label_scenario(scenario.feature.name, [*scenario.feature.tags, *scenario.tags], userdata.get("tms_pattern"))


# ---- scenario level ----------------------------------------------------------------------------------------

class ScenarioEvidence:
    """Listens to the key moments of one scenario and adds failure evidence after failing steps."""

    def __init__(self, scene):
        self.scene = scene
        self.timeline_attached = False
        moments.subscribe(self.on_moment)

    def close(self) -> None:
        moments.unsubscribe(self.on_moment)

    def on_moment(self, moment: Moment, devices: Sequence) -> None:
        title = MOMENT_TITLES.get(moment, str(moment.value))
        browsers = {device_label(d.record): d.driver for d in devices if getattr(d, "driver", None) is not None}
        if len(browsers) == 1:
            [(name, driver)] = browsers.items()
            attach_screenshot(driver, f"{title} - {name}")
        else:
            attach_moment(title, browsers)
        if moment is Moment.AFTER_CONFIRM:
            self.attach_timeline()

    def after_step(self, step, last: bool = False) -> None:
        """`last`: the scenario's last step; no later step runs after a failing one either."""
        failed = step.status.has_failed()
        for device in self.failing_devices(step) if failed else ():
            attach_failure(device.driver, device_label(device.record))
        if failed and not self.timeline_attached and self.scene.record.devices:
            self.attach_timeline()
        elif (failed or last) and self.scene.record.revoke_confirmed_at is not None:
            self.attach_timeline(FINAL_TIMELINE)
        elif step.status.name == "skipped" and self.scene.record.devices:  # a rehearsal stopped the scenario here
            self.attach_timeline(FINAL_TIMELINE)

    def failing_devices(self, step) -> list:
        """The devices the failure names ("  - <device>: ..."); every browser device if it names none."""
        scene = self.scene
        message = f"{getattr(step, 'error_message', '') or ''}"
        named = [d for d in scene.victims if re.search(rf"^\s*- {re.escape(d.name)}:", message, re.M)]
        if scene.admin_device is not None and "system admin" in step.name:
            named.append(scene.admin_device)
        return named or [d for d in scene.fleet.devices if getattr(d, "driver", None) is not None]

    def attach_timeline(self, name: str = TIMELINE) -> None:
        record = self.scene.record
        rows = [TimelineRow(timeline_name(d), d.logged_in_at, record.revoke_confirmed_at, d.logged_out_at,
                            d.outcome or ("not confirmed yet" if record.revoke_confirmed_at is None else ""))
                for d in record.devices]
        if rows:
            attach_timeline(rows, name)
            self.timeline_attached = True


def timeline_name(record) -> str:
    """e.g. "Desktop app (asleep)": a device's state during the revoke explains its logout time."""
    state = getattr(record, "state", "awake")
    return device_label(record) + ("" if state == "awake" else f" ({state})")


@contextmanager
def sessions_evidence(name: str, api, person):
    """Run a REST check, then attach the person's sessions as the server lists them (tokens masked)."""
    try:
        yield
    finally:
        try:
            attach_json(name, {"user": person.username, "sessions": api.sessions(person.user_id)})
        except Exception as error:  # evidence never hides the check's own verdict
            attach_text(f"{name} (not available)", f"{type(error).__name__}: {error}")


# ---- skip reasons --------------------------------------------------------------------------------------------

class SkipReasons:
    """allure-behave writes a skipped scenario and its steps without any message, and behave's JUnit reporter an
    empty <skipped/>: the reason (why a step did not run) would be lost. This puts it back in both."""

    def __init__(self):
        self.next_reason: str | None = None            # for the scenario whose Allure result is written next
        self.by_scenario: dict[tuple[str, str], str] = {}

    def start(self) -> "SkipReasons":
        allure_commons.plugin_manager.register(self)
        return self

    def stop(self) -> None:
        if allure_commons.plugin_manager.is_registered(self):
            allure_commons.plugin_manager.unregister(self)

    def note(self, scenario) -> None:
        """after_scenario: allure-behave writes this scenario's result right after it (and its cleanups) ended."""
        skipped = scenario.status.name == "skipped" and scenario.skip_reason
        self.next_reason = scenario.skip_reason if skipped else None
        if skipped:
            self.by_scenario[(scenario.feature.name, scenario.name)] = scenario.skip_reason

    @allure_commons.hookimpl(tryfirst=True)  # before allure's file logger writes the result
    def report_result(self, result) -> None:
        reason, self.next_reason = self.next_reason, None
        if reason and result.status == "skipped":
            result.statusDetails = StatusDetails(message=reason)
            for step in result.steps:
                if step.status == "skipped":
                    step.statusDetails = StatusDetails(message=reason)

    def write_junit(self, config) -> None:
        """after_all (behave has written every feature's file): <skipped message="reason"/>."""
        folder = Path(config.junit_directory) if config.junit and self.by_scenario else None
        for path in sorted(folder.glob("*.xml")) if folder and folder.is_dir() else ():
            tree = ElementTree.parse(path)
            changed = False
            for case in tree.iter("testcase"):
                reason = next((why for (feature, name), why in self.by_scenario.items()
                               if case.get("name") == name and case.get("classname", "").endswith(f".{feature}")),
                              None)
                skipped = case.find("skipped")
                if reason and skipped is not None:
                    skipped.set("message", reason)
                    changed = True
            if changed:
                tree.write(path, encoding="utf-8")
