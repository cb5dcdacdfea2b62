"""A tiny behave project that uses the evidence API the way the MM-T940 suite will (written into a tmp dir).

Three devices: two headless Chromium windows (desktop, emulated phone) and one "asleep" device whose
driver always fails, to prove the placeholder tile. The fake secret reaches the page, the console and
the REST evidence; it must appear in no file of the results or the report.
"""

from __future__ import annotations

from pathlib import Path

FEATURE = """\
@allure.label.epic:System_Console @allure.label.feature:User_Management @allure.label.story:Users
@allure.label.owner:mattermost-qa @allure.issue.MM-12440:MM-12440 @allure.issue.MM-17020:MM-17020
Feature: Evidence of revoking all sessions

  @MM-T940 @critical
  Scenario: MM-T940 Every device shows its state in the report
    Given the test user is logged in on every device
    When the devices are recorded at the moment "Logged in before the revoke"
    And the sessions before and after are attached
    Then the per-device timeline is attached

  @MM-T940 @critical
  Scenario: MM-T940 A device that did not log out is a product defect
    Given the test user is logged in on every device
    Then the "Desktop Chromium" device shows the login page

  @MM-T940
  Scenario: MM-T940 A browser that stops answering is test infrastructure
    Given the test user is logged in on every device
    Then the grid loses the "Desktop Chromium" device
"""

ENVIRONMENT = """\
import os
from selenium.common.exceptions import WebDriverException
from mattermost_suite.evidence import attach_failure, label_scenario
from mattermost_suite.secrets import register
from tests.support.browser import new_chromium  # the tests' headless Chromium (the repository is on PYTHONPATH)


class SleepingDevice:
    \"\"\"A device whose WebDriver no longer answers (e.g. a laptop asleep behind a grid).\"\"\"
    capabilities = {"browserName": "chrome"}
    def execute_script(self, script, *args):
        return ["http://127.0.0.1/asleep", "asleep"]  # the page is known; only the picture cannot be taken

    def get_screenshot_as_png(self):
        raise WebDriverException("Connection refused: the device is asleep")


def before_all(context):
    register(os.environ["EVIDENCE_FAKE_SECRET"])


def before_scenario(context, scenario):
    label_scenario(scenario.feature.name, scenario.feature.tags + scenario.tags,
                   context.config.userdata.get("tms_pattern"))
    context.devices = {}
    try:
        context.devices["Desktop Chromium"] = new_chromium()
        context.devices["Android phone (emulated)"] = new_chromium(mobile_device="Pixel 7")
    finally:
        context.devices["Laptop asleep"] = SleepingDevice()


def after_step(context, step):
    if step.status.has_failed():  # "failed" (assertion) and "error" (any other exception)
        for name, driver in context.devices.items():
            attach_failure(driver, name)


def after_scenario(context, scenario):
    for driver in context.devices.values():
        if hasattr(driver, "quit"):
            driver.quit()
"""

STEPS = """\
import os
from datetime import datetime, timedelta, timezone
from behave import given, when, then
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.support.ui import WebDriverWait
from mattermost_suite.evidence import TimelineRow, attach_json, attach_moment, attach_screenshot, attach_timeline


@given("the test user is logged in on every device")
def step_logged_in(context):
    url = context.config.userdata["page_url"]
    for name, driver in context.devices.items():
        if hasattr(driver, "quit"):
            driver.get(url)
            WebDriverWait(driver, 10).until(lambda d: d.execute_script("return window.pageReady === true"))
    attach_screenshot(context.devices["Desktop Chromium"], "Desktop Chromium logged in")


@when('the devices are recorded at the moment "{moment}"')
def step_moment(context, moment):
    attach_moment(moment, context.devices)


@when("the sessions before and after are attached")
def step_sessions(context):
    secret = os.environ["EVIDENCE_FAKE_SECRET"]
    before = [{"id": "s1", "user_id": "u1", "token": secret, "props": {"csrf": secret, "os": "Linux"}},
              {"id": "s2", "user_id": "u1", "token": "not-registered-token", "device_id": "ios-app"}]
    attach_json("Sessions before the revoke", {"sessions": before, "cookie": "MMAUTHTOKEN=" + secret})
    attach_json("Sessions after the revoke", {"sessions": [], "note": "old token " + secret + " gets 401"})


@then("the per-device timeline is attached")
def step_timeline(context):
    start = datetime(2026, 11, 27, 12, 0, 0, tzinfo=timezone.utc)
    revoke = start + timedelta(seconds=20)
    rows = [TimelineRow("Desktop Chromium", start, revoke, revoke + timedelta(seconds=1.25), "login page, banner"),
            TimelineRow("Android phone (emulated)", start, revoke, revoke + timedelta(seconds=2.5), "login page"),
            TimelineRow("Laptop asleep", start, revoke, None, "did not log out")]
    attach_timeline(rows)


@then('the "{device}" device shows the login page')
def step_login_page(context, device):
    assert "/login" in context.devices[device].current_url, f"{device} did not reach the login page"


@then('the grid loses the "{device}" device')
def step_grid_lost(context, device):
    raise TimeoutException(f"{device}: no answer from the grid within 5 s")
"""


def write_tiny_project(folder: Path) -> Path:
    """Write features/ (feature + environment) and features/steps/; return the features folder."""
    features = folder / "features"
    (features / "steps").mkdir(parents=True, exist_ok=True)
    (features / "evidence.feature").write_text(FEATURE)
    (features / "environment.py").write_text(ENVIRONMENT)
    (features / "steps" / "evidence_steps.py").write_text(STEPS)
    return features


def demo_page(secret: str) -> str:
    """A page that leaks the secret in its source, a cookie and the console (a web app's bad day)."""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Town Square - AD 1 Mattermost</title>
<style>body{{font-family:sans-serif;margin:0}}header{{background:#1e325c;color:#fff;padding:16px;font-size:22px}}
main{{padding:24px;font-size:18px}}</style></head>
<body><header>Town Square</header><main><p>Logged in as the test user.</p>
<input type="hidden" id="csrf" value="{secret}"></main>
<script>
document.cookie = "MMCSRF={secret}; path=/";
console.log("session token is {secret}");
console.error("websocket closed for token {secret}");
window.pageReady = true;
</script></body></html>"""
