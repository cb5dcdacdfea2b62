"""Headless Chromium for tests that drive a browser themselves (not through the suite's fleet); the caller quits it.

One factory for the stand-in's browser tests and the evidence tests (root needs --no-sandbox).
"""

from __future__ import annotations

import os

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from mattermost_suite.engines import CHROMEDRIVER, CHROMIUM, CHROMIUM_ARGS

# The suite's own Chromium flags (headless, no background calls), without its fixed window size.
CHROMIUM_FLAGS = tuple(arg for arg in CHROMIUM_ARGS if not arg.startswith("--window-size="))


def chromium_available() -> bool:
    return os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)


# What Mattermost's own Playwright tests give every browser (e2e-tests/playwright/lib/src/browser_context.ts: the
# storage state's localStorage): the web app's landing page counts as seen, so a page opens as itself. The tests of
# the landing page itself and the suite's own runs (which go through it as a person does) leave it out.
LANDING_PAGE_SEEN = "localStorage.setItem('__landingPageSeen__', 'true');"


def new_chromium(
    width: int = 1280, height: int = 800, mobile_device: str | None = None, landing_page_seen: bool = True
) -> webdriver.Chrome:
    # Selenium Manager must not try the network on this offline machine.
    os.environ.setdefault("SE_OFFLINE", "true")
    os.environ.setdefault("SE_AVOID_STATS", "true")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--window-size={width},{height}")
    if mobile_device:
        options.add_experimental_option("mobileEmulation", {"deviceName": mobile_device})
    # Without this ChromeDriver keeps only warnings and errors of the console.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    if landing_page_seen:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": LANDING_PAGE_SEEN})
    return driver
