"""Allure evidence for MM-T940: what a manager reads in the report. Independent of behave's context.

Every function attaches to the current Allure step (a no-op without the Allure formatter), masks all text
with mattermost_suite.secrets.mask, and never raises because of a browser: evidence must not hide the result.

    attach_screenshot(driver, name) -> bool
        Full-window PNG (WebKitGTK element screenshots are black); a text note when it cannot be taken.
    attach_moment(moment, devices: Mapping[str, WebDriver], describe=None, deadline=30.0) -> list[DeviceCapture]
        All devices' screenshots taken concurrently: "<moment> - <device>" each (PNG), plus "<moment> - all devices",
        one combined, labelled JPEG (placeholder tile for a device whose screenshot failed).
        describe(driver) -> str may name the page state (default: title and URL path).
    attach_json(name, data)
        REST evidence as JSON; values under token/csrf/password/cookie-like keys blanked.
    attach_timeline(rows: Sequence[TimelineRow], name="Per-device timeline")
        HTML table + CSV; TimelineRow(device, logged_in_at, revoke_confirmed_at, logged_out_at, outcome)
        with .latency_seconds (logged out minus revoke confirmed).
    attach_failure(driver, device_name)
        Screenshot, masked page source, and the console log (Chromium only; a note for Firefox/WebKit).
    write_run_files(results_dir, environment: Mapping[str, str], executor: Mapping) -> list[Path]
        environment.properties, executor.json, categories.json (Product defect / Test infrastructure /
        Test code defect) in the Allure results folder.
    label_scenario(feature_title, tags, tms_pattern=None) -> list[str]
        Call in before_scenario: a "tms" link per @MM-T<n> tag (allure-behave has no tms pattern), readable
        epic/feature/story labels (underscores to spaces), no duplicate feature label.

Tags and behave.ini settings the suite needs: see README.md next to this file.
"""

from mattermost_suite.evidence.attachments import attach_json, attach_screenshot
from mattermost_suite.evidence.capture import DeviceCapture
from mattermost_suite.evidence.failure import attach_failure
from mattermost_suite.evidence.labels import label_scenario
from mattermost_suite.evidence.moments import attach_moment
from mattermost_suite.evidence.run_files import write_run_files
from mattermost_suite.evidence.timeline import TimelineRow, attach_timeline

__all__ = [
    "DeviceCapture",
    "TimelineRow",
    "attach_failure",
    "attach_json",
    "attach_moment",
    "attach_screenshot",
    "attach_timeline",
    "label_scenario",
    "write_run_files",
]
