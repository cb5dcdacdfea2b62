"""A computer asleep, as its browser experiences it: the page frozen and the network gone (Chromium, via CDP).

Why these mechanisms: `Page.setWebLifecycleState frozen` is what Chromium itself does to background pages
(timers, the status poll and every task stop; document.visibilityState turns "hidden"), and
`Network.emulateNetworkConditions offline` is a sleeping machine's dropped network. A JavaScript-level freeze
would be the suite pretending. Waking restores the network first, then resumes the page, as a resume from
suspend does. Works on a local ChromeDriver and through a Grid (the node relays goog/cdp/execute).
"""

from __future__ import annotations

from selenium.webdriver.remote.webdriver import WebDriver

from mattermost_suite.fleet.cdp import cdp

ONLINE = {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}


def fall_asleep(driver: WebDriver) -> None:
    cdp(driver, "Network.enable")
    cdp(driver, "Network.emulateNetworkConditions", {**ONLINE, "offline": True})
    cdp(driver, "Page.setWebLifecycleState", {"state": "frozen"})


def wake_up(driver: WebDriver) -> None:
    cdp(driver, "Network.emulateNetworkConditions", ONLINE)
    cdp(driver, "Page.setWebLifecycleState", {"state": "active"})


def is_frozen(driver: WebDriver) -> bool:
    """The page says it is hidden (a frozen page reports "hidden"; a running visible one "visible")."""
    return driver.execute_script("return document.visibilityState") == "hidden"
