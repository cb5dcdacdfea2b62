"""The words of MM-T940 as types: the people, the server they use, and what happened to each device.

Everything else imports downwards from here; this module imports nothing of the suite but the settings' deadlines
and the secret wrapper.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from mattermost_suite.secrets import Secret

TEST_USER = "test user"
SYSTEM_ADMIN = "system admin"
LOGIN_METHODS = ("email", "username")
# The server's error id for a session that has been revoked or has expired (401).
SESSION_EXPIRED = "api.context.session_expired.app_error"


def now() -> datetime:
    """Every time the suite records is timezone-aware UTC."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class Deadlines:
    """The named deadlines, in seconds, that every wait of the suite takes (config: the *_deadline settings)."""

    page_load: float
    element: float
    login: float
    logout: float
    session_start: float


@dataclass(frozen=True)
class Person:
    role: str  # TEST_USER / SYSTEM_ADMIN
    username: str
    email: str
    password: Secret
    user_id: str = ""

    def login_id(self, login_with: str) -> str:
        return self.email if login_with == "email" else self.username


@dataclass(frozen=True)
class Site:
    """The server as the browsers see it, and the UI generation whose locators and wording apply."""

    base_url: str
    ui: str
    deadlines: Deadlines
    # Which browsers the web app sends to its landing page the first time it sees them ("View in Browser"):
    # LANDING_NONE, LANDING_PHONES (a phone's browser, to its app) or LANDING_BROWSERS (every browser).
    landing_page: str = "none"


LANDING_NONE, LANDING_PHONES, LANDING_BROWSERS = "none", "phones", "browsers"


@dataclass(frozen=True)
class ServerAnswer:
    """What the server answered a request that is meant to be refused: HTTP status, error id, message."""

    status: int
    error_id: str
    message: str


class DeviceKind:
    """A kind of device of MM-T940's table: the two states step 1 gives it, whether it is a browser (a WebDriver
    session showing the web app) or a mobile app (the app's REST session), and how its moments are said."""

    name = ""
    states: tuple[str, str] = ("", "")  # (the state it is in unless the table says, the state it is put in)
    starts_a_browser = False
    put_away = ""  # what its second state is called when it is taken: "asleep", "screen locked"

    def __repr__(self) -> str:
        return self.name


class BrowserKind(DeviceKind):
    """A computer's or a phone's browser, or the desktop app's window: a WebDriver session."""

    name, states, starts_a_browser, put_away = "browser", ("awake", "asleep"), True, "asleep"


class AppKind(DeviceKind):
    """A mobile app: its REST session, logged in with a device id as the app does."""

    name, states, starts_a_browser, put_away = "app", ("screen unlocked", "screen locked"), False, "screen locked"


BROWSER, APP = BrowserKind(), AppKind()
DEVICE_KINDS = {kind.name: kind for kind in (BROWSER, APP)}


@dataclass
class DeviceRecord:
    """One device's history in a scenario, kept by the device itself and read by the evidence listener."""

    name: str
    role: str  # TEST_USER or SYSTEM_ADMIN
    login_with: str  # "email" or "username"
    state: str = "awake"  # during the revoke: "awake"/"asleep" (computers), "screen (un)locked" (apps)
    kind: DeviceKind = BROWSER
    browser: str = ""  # e.g. "chrome 156.0.8078.108"
    driver: str = ""  # "local chromium driver" or "remote <grid url>"
    logged_in_at: datetime | None = None
    logged_out_at: datetime | None = None  # apps: when the server first refused them (401)
    slept_at: datetime | None = None  # asleep computers / locked apps: when they went to sleep / locked
    woke_at: datetime | None = None  # ... and when they woke up / were unlocked
    # What the device's outcome sentence (presenter.outcome) is built from, besides the times above:
    problem: str = ""  # what it showed instead of logging out
    sent_to: str = ""  # where the web app sent a user who may not see the System Console
    still_logged_in: str = ""  # why its session rightly survived (a refused request, a rehearsal)

    @property
    def label(self) -> str:
        """The admin may use the same device name as the test user ("Desktop Chromium"): say whose it is."""
        return f"{self.name} (system admin)" if self.role == SYSTEM_ADMIN else self.name
