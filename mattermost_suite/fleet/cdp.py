"""Chromium's DevTools commands through WebDriver: ChromeDriver's `goog/cdp/execute`, which a Selenium Grid node
relays, so it works on a local driver and through any Grid alike."""

from __future__ import annotations

from selenium.webdriver.remote.webdriver import WebDriver

CDP_COMMAND = "executeCdpCommand"


def is_chromium(driver) -> bool:
    """ChromeDriver answers every new session with its `goog:chromeOptions` (also through a Grid)."""
    return "goog:chromeOptions" in (getattr(driver, "capabilities", None) or {})


def cdp(driver: WebDriver, cmd: str, params: dict | None = None) -> dict:
    if CDP_COMMAND not in driver.command_executor._commands:  # a plain webdriver.Remote lacks Chromium's command
        driver.command_executor.add_command(CDP_COMMAND, "POST", "/session/$sessionId/goog/cdp/execute")
    return driver.execute(CDP_COMMAND, {"cmd": cmd, "params": params or {}})["value"]
