"""Headless Chromium for the evidence tests (root needs --no-sandbox); the caller must quit() it."""
from __future__ import annotations

import os

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--no-first-run")

# Selenium Manager must not try the network on this offline machine.
os.environ.setdefault("SE_OFFLINE", "true")
os.environ.setdefault("SE_AVOID_STATS", "true")


def chromium(width: int = 1280, height: int = 800, mobile_device: str | None = None) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--window-size={width},{height}")
    if mobile_device:
        options.add_experimental_option("mobileEmulation", {"deviceName": mobile_device})
    # Without this ChromeDriver keeps only warnings and errors of the console.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
