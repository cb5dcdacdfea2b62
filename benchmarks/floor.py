"""The floor for MM-T940: a plain Selenium script that does the default run's essential work, as simply as possible.

Run from the repository root:  .venv/bin/python benchmarks/floor.py [--grid embedded|off] [--status-poll 1]
No page objects, no evidence, no events, no preflight: the same stand-in (in-process, current web app), the same
devices, logins, Cancel, Confirm and waits as `behave` with its defaults, so that suite time / floor time is the
suite's own overhead (benchmarks/overhead_bench.py). Work that does not depend on other work runs at the same time,
as anyone writing it quickly would do it: the grid starts while the stand-in starts and the users are created, all
browsers of a person start and log in together. Exit code 0 when every check passed; every process it started is
stopped at the end (the grid by its own stop(), browsers by quit()).

What it does, in the order of the feature (features/revoke_all_sessions.feature, then the permissions feature):
  the test user logs in on 6 browsers (login form, email or username) and 2 apps (REST, device_id); every browser
  shows its channel, every app is accepted; the admin logs in on a 7th browser, opens System Console > Users, clicks
  Revoke All Sessions, reads the title, message and buttons, cancels; everything is still logged in (browsers,
  apps, every token through the admin's REST session); the Desktop app is frozen and taken offline (CDP), the iOS app
  stops polling; Revoke All Sessions, confirm; the awake browsers and the admin's reach the login page by
  themselves, the asleep one still shows its channel; the admin's login page has no banner; the Desktop app wakes
  and reaches the login page, the iOS app (silent while locked) is refused on unlock, the Android app's poll is
  refused; every test user browser shows the expired banner; the server lists no session and refuses every old
  token. Then a second user on a new Chromium is sent away from the console, sees no button and is refused (403)
  by the server, and its session and the admin's stay accepted.
"""

from __future__ import annotations

import argparse
import secrets
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor, wait
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]  # the repository root, when run as a script

from selenium import webdriver  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from mattermost_standin import StandinServer  # noqa: E402
from mattermost_standin.seed import ADMIN_PASSWORD  # noqa: E402
from mattermost_suite.engines import CHROMIUM, CHROMIUM_ARGS, FIREFOX, FIREFOX_PREFS, geckodriver  # noqa: E402
from mattermost_suite.grid import EmbeddedGrid  # noqa: E402
from mattermost_suite.server.first_login import first_login_preferences  # noqa: E402

API = "/api/v4"
EXPIRED = "api.context.session_expired.app_error"
BANNER = "Your session has expired. Please log in again."
TITLE = "Revoke all sessions in the system"
MESSAGE = (
    "This action revokes all sessions in the system. All users will be logged out from all devices, including your "
    "session. Are you sure you want to revoke all sessions?"
)
DESKTOP_APP_UA = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Mattermost/5.10.0 "
    "Chrome/130.0.6723.59 Electron/33.0.2 Safari/537.36"
)
# (name, engine, logs in with, mobile emulation, user agent): the feature's browsers, the Desktop app asleep.
BROWSERS = [
    ("Desktop Chromium", "chromium", "email", "", ""),
    ("Desktop Firefox ESR", "firefox", "username", "", ""),
    ("Desktop WebKit", "webkit", "email", "", ""),
    ("Android phone", "chromium", "username", "Pixel 7", ""),
    ("iPhone", "chromium", "email", "iPhone 12 Pro", ""),
    ("Desktop app", "chromium", "username", "", DESKTOP_APP_UA),
]
ASLEEP = "Desktop app"
DESKTOP_APP_PRELOAD = ROOT / "mattermost_suite" / "fleet" / "desktop_app.js"
APPS = [  # (name, logs in with, device_id prefix, user agent, screen locked)
    ("iOS app", "email", "apple_rn-v2", "Mattermost Mobile/2.24.0+654 (iOS; 17.5; iPhone15,3)", True),
    ("Android app", "username", "android_rn-v2", "Mattermost Mobile/2.24.0+654 (Android; 14; Pixel 7)", False),
]
USERS_PAGE = "/admin_console/user_management/users"
REVOKE_BUTTON = (
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' admin-console__header ')]"
    "//button[normalize-space(.)='Revoke All Sessions']"
)
WAIT = 30  # seconds, for every page and element (the suite's page-load and login deadlines)
LOGOUT_WAIT = 90


STARTED = time.monotonic()
VERBOSE = False


def phase(what: str) -> None:
    """With --verbose: when each phase ends, in seconds since the start (to compare with the suite's console)."""
    if VERBOSE:
        print(f"floor: {time.monotonic() - STARTED:6.2f} s  {what}", file=sys.stderr, flush=True)


def check(condition, what: str) -> None:
    if not condition:
        raise AssertionError(what)


def until(driver, condition, timeout: float = WAIT):
    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(condition)


def shows(driver, by: str, selector: str) -> bool:
    return any(element.is_displayed() for element in driver.find_elements(by, selector))


def text(driver, by: str, selector: str) -> str:
    element = until(driver, lambda d: next((e for e in d.find_elements(by, selector) if e.is_displayed()), None))
    return " ".join(element.text.split())


# -- browsers ------------------------------------------------------------------------------------------------
def new_browser(engine: str, emulation: str, user_agent: str, grid_url: str | None):
    if engine == "webkit":
        options = webdriver.WebKitGTKOptions()
    elif engine == "firefox":
        options = webdriver.FirefoxOptions()
        options.add_argument("-headless")
        for name, value in FIREFOX_PREFS.items():
            options.set_preference(name, value)
    else:
        options = webdriver.ChromeOptions()
        for arg in CHROMIUM_ARGS:
            options.add_argument(arg)
        if emulation:
            options.add_experimental_option("mobileEmulation", {"deviceName": emulation})
        if user_agent:
            options.add_argument(f"--user-agent={user_agent}")
    if grid_url:
        return _as_the_desktop_app(webdriver.Remote(grid_url, options=options), user_agent)
    if engine == "firefox":
        options.binary_location = FIREFOX
        return webdriver.Firefox(options=options, service=webdriver.FirefoxService(geckodriver()))
    options.binary_location = CHROMIUM
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService("/usr/bin/chromedriver"))
    return _as_the_desktop_app(driver, user_agent)


def _as_the_desktop_app(driver, user_agent: str):
    """The desktop app's window runs its preload in every page first (window.desktopAPI): without it the web app in
    a window that says "Electron" never leaves the login page."""
    if user_agent == DESKTOP_APP_UA:
        cdp(driver, "Page.addScriptToEvaluateOnNewDocument", {"source": DESKTOP_APP_PRELOAD.read_text()})
    return driver


VIEW_IN_BROWSER = "//div[contains(@class, 'get-app__buttons')]//a[normalize-space(.)='View in Browser']"


def log_in(driver, base: str, login_id: str, password: str) -> None:
    """The login form, through the landing page that a default server shows a new browser (the suite's path too)."""
    driver.get(base + "/login")
    until(driver, lambda d: shows(d, By.CSS_SELECTOR, "#input_loginId") or shows(d, By.XPATH, VIEW_IN_BROWSER))
    if shows(driver, By.XPATH, VIEW_IN_BROWSER):
        driver.find_element(By.XPATH, VIEW_IN_BROWSER).click()
        until(driver, lambda d: shows(d, By.CSS_SELECTOR, "#input_loginId"))
    for selector, value in (("#input_loginId", login_id), ("#input_password-input", password)):
        field = driver.find_element(By.CSS_SELECTOR, selector)
        field.clear()
        field.send_keys(value)
    driver.find_element(By.CSS_SELECTOR, "#saveSetting").click()


def on_channel(driver) -> bool:
    return "/channels/" in driver.current_url and shows(driver, By.CSS_SELECTOR, "#channelHeaderTitle")


def on_login_page(driver, base: str) -> bool:
    return driver.current_url.startswith(base + "/login") and shows(driver, By.CSS_SELECTOR, ".login-body-card")


def token_of(driver) -> str:
    return (driver.get_cookie("MMAUTHTOKEN") or {}).get("value", "")


def cdp(driver, cmd: str, params: dict | None = None):
    if "executeCdpCommand" not in driver.command_executor._commands:
        driver.command_executor.add_command("executeCdpCommand", "POST", "/session/$sessionId/goog/cdp/execute")
    return driver.execute("executeCdpCommand", {"cmd": cmd, "params": params or {}})


ONLINE = {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}


# -- REST ------------------------------------------------------------------------------------------------------
class Rest:
    def __init__(self, base: str, user_agent: str = "floor"):
        self.base, self.http, self.token = base, requests.Session(), ""
        self.http.headers["User-Agent"] = user_agent

    def call(self, method: str, path: str, token: str | None = None, **kwargs) -> requests.Response:
        token = self.token if token is None else token
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return self.http.request(method, self.base + API + path, headers=headers, timeout=15, **kwargs)

    def log_in(self, login_id: str, password: str, **extra) -> dict:
        reply = self.call("POST", "/users/login", token="", json={"login_id": login_id, "password": password, **extra})
        check(reply.status_code == 200, f"login of {login_id} answered {reply.status_code}")
        self.token = reply.headers["Token"]
        return reply.json()


class App(Rest):
    """A mobile app's REST session, polling POST users/status/ids every 2 s until refused or stopped."""

    def __init__(self, base: str, user_agent: str, prefix: str):
        super().__init__(base, user_agent)
        self.device_id = f"{prefix}:{secrets.token_hex(32)}"
        self.requests = 0
        self.refused = threading.Event()
        self.stop = threading.Event()

    def call(self, *args, **kwargs):
        self.requests += 1
        return super().call(*args, **kwargs)

    def poll(self, user_id: str) -> None:
        while not self.stop.wait(2):
            reply = self.call("POST", "/users/status/ids", json=[user_id])
            if reply.status_code == 401 and reply.json().get("id") == EXPIRED:
                self.refused.set()
                return


def create_user(admin: Rest, team_id: str, name: str) -> dict:
    password = f"Mm1!{secrets.token_urlsafe(12)}"
    body = {"username": name, "email": f"{name}@example.com", "password": password, "locale": "en"}
    reply = admin.call("POST", "/users", json=body)
    check(reply.status_code == 201, f"creating {name} answered {reply.status_code}")
    user = reply.json()
    check(admin.call("PUT", f"/users/{user['id']}/preferences", json=first_login_preferences(user["id"])).ok, "prefs")
    check(admin.call("POST", f"/teams/{team_id}/members", json={"team_id": team_id, "user_id": user["id"]}).ok, "team")
    return {**user, "password": password}


# -- the two scenarios -------------------------------------------------------------------------------------------
def revoke_all_sessions(base: str, admin: Rest, user: dict, grid_url: str | None, webkit: bool, pool) -> None:
    rows = [row for row in BROWSERS if webkit or row[1] != "webkit"]
    login_of = {"email": user["email"], "username": user["username"]}
    apps = [(name, App(base, ua, prefix), login_of[by], locked) for name, by, prefix, ua, locked in APPS]

    def app_logs_in(entry):
        _, app, login_id, _ = entry
        app.log_in(login_id, user["password"], device_id=app.device_id)
        threading.Thread(target=app.poll, args=(user["id"],), daemon=True).start()

    def browser_logs_in(row):
        name, engine, by, emulation, ua = row
        driver = new_browser(engine, emulation, ua, grid_url)
        drivers[name] = driver
        log_in(driver, base, login_of[by], user["password"])
        until(driver, on_channel)
        return name, driver

    drivers: dict = {}
    try:
        apps_done = pool.submit(lambda: list(map(app_logs_in, apps)))
        browsers = dict(pool.map(browser_logs_in, rows))
        apps_done.result()
        phase("browsers started, everyone logged in")
        tokens = {name: token_of(driver) for name, driver in browsers.items()}
        check(all(pool.map(on_channel, browsers.values())), "a browser is not on its channel")
        check(all(app.call("GET", "/users/me").status_code == 200 for _, app, _, _ in apps), "an app is refused")

        admin_browser = new_browser("chromium", "", "", grid_url)
        drivers["admin"] = admin_browser
        log_in(admin_browser, base, "sysadmin", ADMIN_PASSWORD)
        until(admin_browser, lambda d: not d.current_url.startswith(base + "/login"))
        admin_token = token_of(admin_browser)
        phase("the admin's browser started and logged in")
        admin_browser.get(base + USERS_PAGE)
        until(admin_browser, lambda d: shows(d, By.XPATH, REVOKE_BUTTON))
        admin_browser.find_element(By.XPATH, REVOKE_BUTTON).click()
        until(admin_browser, lambda d: shows(d, By.CSS_SELECTOR, "#confirmModal #confirmModalButton"))
        check(text(admin_browser, By.CSS_SELECTOR, "#confirmModal .modal-title") == TITLE, "title")
        check(text(admin_browser, By.CSS_SELECTOR, "#confirmModal #confirmModalBody") == MESSAGE, "message")
        check(text(admin_browser, By.CSS_SELECTOR, "#confirmModal #cancelModalButton") == "Cancel", "cancel")
        check(text(admin_browser, By.CSS_SELECTOR, "#confirmModal #confirmModalButton") == "Revoke All Sessions", "ok")
        admin_browser.find_element(By.CSS_SELECTOR, "#cancelModalButton").click()
        until(admin_browser, lambda d: not d.find_elements(By.CSS_SELECTOR, "#confirmModal"))
        check(admin_browser.current_url.startswith(base + USERS_PAGE), "the admin left the Users page")
        check(shows(admin_browser, By.XPATH, REVOKE_BUTTON), "the Users page lost its button")

        check(all(pool.map(on_channel, browsers.values())), "a browser left its channel after Cancel")
        check(all(app.call("GET", "/users/me").status_code == 200 for _, app, _, _ in apps), "an app is refused")
        listed = admin.call("GET", f"/users/{user['id']}/sessions").json()
        check(len(listed) >= len(browsers) + len(apps), "sessions missing after Cancel")
        mobile = {s["device_id"] for s in listed if s["props"].get("isMobile") == "true"}
        check(all(app.device_id in mobile for _, app, _, _ in apps), "an app is not listed as mobile")
        every_token = [*tokens.values(), admin_token]
        check(all(admin.call("GET", "/users/me", token=t).status_code == 200 for t in every_token), "refused token")
        phase("confirmation read, cancelled, everything still logged in")

        asleep = browsers[ASLEEP]
        cdp(asleep, "Network.enable")
        cdp(asleep, "Network.emulateNetworkConditions", {**ONLINE, "offline": True})
        cdp(asleep, "Page.setWebLifecycleState", {"state": "frozen"})
        check(asleep.execute_script("return document.visibilityState") == "hidden", "the page still runs")
        for _, app, _, locked in apps:
            if locked:
                app.stop.set()
        locked_requests = {name: app.requests for name, app, _, locked in apps if locked}

        admin_rest_token = admin.token
        admin_browser.find_element(By.XPATH, REVOKE_BUTTON).click()
        until(admin_browser, lambda d: shows(d, By.CSS_SELECTOR, "#confirmModal #confirmModalButton"))
        admin_browser.find_element(By.CSS_SELECTOR, "#confirmModalButton").click()
        phase("confirmed")

        awake = [driver for name, driver in browsers.items() if name != ASLEEP] + [admin_browser]
        list(pool.map(lambda d: until(d, lambda d_: on_login_page(d_, base), LOGOUT_WAIT), awake))
        check(asleep.execute_script("return document.visibilityState") == "hidden" and on_channel(asleep), "awoke")
        check(not shows(admin_browser, By.CSS_SELECTOR, ".AlertBanner.warning .AlertBanner__title"), "admin banner")

        cdp(asleep, "Network.emulateNetworkConditions", ONLINE)
        cdp(asleep, "Page.setWebLifecycleState", {"state": "active"})
        until(asleep, lambda d: on_login_page(d, base), LOGOUT_WAIT)
        for name, app, _, locked in apps:
            if locked:
                check(app.requests == locked_requests[name], f"{name} made requests while locked")
                reply = app.call("GET", "/users/me")
                check((reply.status_code, reply.json().get("id")) == (401, EXPIRED), f"{name} accepted")
            else:
                check(app.refused.wait(LOGOUT_WAIT), f"{name} never refused")
        banners = pool.map(
            lambda d: text(d, By.CSS_SELECTOR, ".AlertBanner.warning .AlertBanner__title"), browsers.values()
        )
        check(all(banner == BANNER for banner in banners), "a browser has no expired banner")

        admin.log_in("sysadmin", ADMIN_PASSWORD)
        check(admin.call("GET", f"/users/{user['id']}/sessions").json() == [], "sessions left after the revoke")
        old = [*every_token, admin_rest_token]
        check(all(admin.call("GET", "/users/me", token=t).status_code == 401 for t in old), "an old token works")
        phase("every device logged out, every old session refused")
    finally:
        for _, app, _, _ in apps:
            app.stop.set()
        list(pool.map(lambda d: d.quit(), drivers.values()))
        phase("browsers quit")


def non_admin_is_refused(base: str, admin: Rest, user: dict, grid_url: str | None) -> None:
    driver = new_browser("chromium", "", "", grid_url)
    try:
        log_in(driver, base, user["email"], user["password"])
        until(driver, on_channel)
        token = token_of(driver)
        check("system_admin" not in admin.call("GET", "/users/me", token=token).json()["roles"], "user is admin")
        driver.get(base + USERS_PAGE)
        until(driver, lambda d: "/admin_console" not in d.current_url or shows(d, By.XPATH, REVOKE_BUTTON))
        check("/admin_console" not in driver.current_url, "the user stays in the System Console")
        check(not shows(driver, By.XPATH, REVOKE_BUTTON), "the user is offered the button")
        reply = admin.call("POST", "/users/sessions/revoke/all", token=token)
        body = reply.json()
        check((reply.status_code, body.get("id")) == (403, "api.context.permissions.app_error"), "not refused")
        check(body.get("message") == "You do not have the appropriate permissions.", "wrong refusal")
        check(admin.call("GET", "/users/me", token=token).status_code == 200, "the user's session ended")
        check(admin.call("GET", "/users/me").status_code == 200, "the admin's session ended")
        phase("the non-admin was refused")
    finally:
        driver.quit()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grid", choices=("embedded", "off"), default="embedded")
    parser.add_argument("--status-poll", type=float, default=60.0, help="the stand-in web app's status poll (s)")
    parser.add_argument("--verbose", action="store_true", help="say when each phase ends")
    args = parser.parse_args()
    global VERBOSE
    VERBOSE = args.verbose
    phase("imports done")
    started = time.monotonic()
    webkit = args.grid == "embedded"  # WebKitGTK has no headless mode: local runs leave its row out, like the suite
    grid = EmbeddedGrid(browsers=("chromium", "firefox", "webkit") if webkit else ("chromium", "firefox"))
    standin = StandinServer(host="127.0.0.1", port=0, status_poll_seconds=args.status_poll)
    with ThreadPoolExecutor(max_workers=8) as pool:
        grid_started = pool.submit(grid.start) if args.grid == "embedded" else None
        try:
            base = standin.start().url
            admin = Rest(base)
            admin.log_in("sysadmin", ADMIN_PASSWORD)
            team_id = admin.call("GET", "/users/me/teams").json()[0]["id"]
            run = secrets.token_hex(3)
            users = [create_user(admin, team_id, f"floor-{run}-{n}") for n in (1, 2)]
            phase("stand-in started, users created")
            grid_url = grid_started.result() if grid_started else None
            phase("grid ready")
            revoke_all_sessions(base, admin, users[0], grid_url, webkit, pool)
            non_admin_is_refused(base, admin, users[1], grid_url)
            for user in users:
                admin.call("DELETE", f"/users/{user['id']}", params={"permanent": "true"})
        except AssertionError as failed:
            print(f"floor: FAILED: {failed}", file=sys.stderr)
            return 1
        finally:
            if grid_started is not None:
                wait([grid_started])  # a grid still starting would outlive a stop() called now
            grid.stop()
            standin.stop()
    how = "local drivers" if args.grid == "off" else "the embedded grid"
    print(f"floor: passed in {time.monotonic() - started:.1f} s ({how})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
