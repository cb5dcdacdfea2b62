"""The embedded Selenium Grid 4: started by the hooks when no external grid is configured.

API
---
    installed_browsers() -> tuple[str, ...]
        Browsers usable here (binary + driver present; WebKit also needs Xvfb), from
        ("chromium", "firefox", "webkit").

    EmbeddedGrid(browsers=None, slots_per_browser=None, log_dir=LOG_DIR (reports/grid),
                 ready_deadline=60.0, host="127.0.0.1", session_request_timeout=60,
                 chromium_binary=CHROMIUM (the headless shell; the suite passes the run's config.chromium_binary))
        browsers           None = every installed browser; naming one that is not installed raises GridError.
        slots_per_browser  None = DEFAULT_SLOTS (chromium 6, firefox 2, webkit 1); an int for all, or a
                           mapping per browser. Each WebKit slot is one WebKitWebDriver; more than one
                           WebKit slot switches from one standalone process to a hub + one node per slot.
        .start() -> str    the grid URL "http://127.0.0.1:<free port>", once GET /status says ready with every
                           slot registered; otherwise everything is stopped and GridError names the log file.
        .stop()            idempotent; ends every process it started (Java, Xvfb, WebKitWebDriver) and all their
                           descendants (drivers, browsers, even daemonised ones such as chrome_crashpad_handler:
                           found by session id and an inherited environment tag), waits until they are gone, and
                           removes the private TMPDIR that held the browsers' temporary profiles.
        with EmbeddedGrid(...) as grid: grid.url ...   (stops on any exception)
        .url, .served -> {browser: version}, .log_dir, .log_file (main grid log),
        .pids (every process started directly, kept after stop(); each is its own session leader)
        Logs go to log_dir: grid.log (or hub.log + node-N.log), xvfb.log, webkitwebdriver-N.log,
        chromedriver.log, geckodriver.log (driver logs at warning level: no secrets); the TOML configs to the
        grid's private temporary folder (removed by stop(): two runs in one checkout never read each other's).
        A grid still running at exit or on SIGTERM/SIGHUP of this process is stopped by an atexit/signal hook.
        Its JVM maps the archive of the server's classes when scripts/setup has made one (class_archive.py;
        archive_classes_to=path is how that module makes it: the JVM writes the archive there as it exits).

    capabilities_for(browser) -> selenium Options for webdriver.Remote(grid_url, options=...):
        chromium  browserName "chrome";  goog:chromeOptions.binary "/usr/lib/chromium/chromium-headless-shell",
                  args --headless --no-sandbox --disable-gpu --disable-dev-shm-usage ... (CHROMIUM_ARGS)
        firefox   browserName "firefox"; moz:firefoxOptions.binary "/usr/bin/firefox-esr", args ["-headless"],
                  prefs that stop Firefox's background network calls (FIREFOX_PREFS)
        webkit    browserName "MiniBrowser"; webkitgtk:browserOptions.binary
                  "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser", args ["--automation"]
        (platformName "linux" on all). Callers may add arguments (mobile emulation, user agent) to the result.

    session_error(exc, browser, grid_url) -> GridError
        One line for a failed webdriver.Remote(...): "the grid at <url> cannot serve browser 'safari': ...".
        The grid rejects a browser it has no slot for at once (reject-unsupported-caps), never queues it.
"""

from mattermost_suite.engines import BROWSERS, capabilities_for, installed_browsers
from mattermost_suite.grid.embedded import DEFAULT_SLOTS, EmbeddedGrid
from mattermost_suite.grid.session_errors import GridError, session_error

__all__ = [
    "BROWSERS",
    "DEFAULT_SLOTS",
    "EmbeddedGrid",
    "GridError",
    "capabilities_for",
    "installed_browsers",
    "session_error",
]
