"""Typed settings for one run.

Sources, lowest to highest: the defaults in KEYS below (their only home) < behave.ini [behave.userdata] (overrides,
none by default) < environment variables < `-D name=value`.
Every bad value raises ConfigError with one line naming the key and what is valid.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlparse

# The password of Mattermost's e2e admin; only ever used against the embedded stand-in.
from mattermost_standin.seed import ADMIN_PASSWORD as STANDIN_ADMIN_PASSWORD

from .config_values import (
    as_bool,
    as_choice,
    as_count,
    as_faults,
    as_names,
    as_seconds,
    as_text,
    as_totp_secret,
    as_url,
)
from .errors import ConfigError, SuiteError
from .grid.browsers import CHROMIUM, CHROMIUM_HEADED
from .secrets import Secret, register

UI_CHOICES = ("auto", "current", "transitional", "legacy")
STANDIN_UI_CHOICES = ("current", "transitional", "legacy")
GRID_CHOICES = ("embedded", "off")
REHEARSAL_CHOICES = ("auto", "true", "false")
SCREENSHOT_CHOICES = ("key_moments", "failures")

# key -> (environment variable or None, default as text)
KEYS: dict[str, tuple[str | None, str]] = {
    "base_url": ("MM_BASE_URL", ""),
    "admin_username": ("MM_ADMIN_USERNAME", "sysadmin"),
    "admin_password": ("MM_ADMIN_PASSWORD", ""),
    # The admin's TOTP secret (base32), when the admin has multi-factor authentication on; masked like the password.
    "admin_mfa_secret": ("MM_ADMIN_MFA_SECRET", ""),
    "team": ("MM_TEAM", ""),
    "headless": ("MM_HEADLESS", "true"),
    "ui": ("MM_UI", "auto"),
    "standin_ui": ("MM_STANDIN_UI", "current"),
    # Seconds between the stand-in web app's status polls; 60 like the real web app. CI and the project's tests
    # shorten it (-D standin_status_poll=1) so that idle browsers notice the revoke within a second or two.
    "standin_status_poll": ("MM_STANDIN_STATUS_POLL", "60"),
    # A production build of Mattermost's own web app (its dist/ folder or the .tar.gz of one) for the stand-in to serve
    # unchanged instead of its own pages; the stand-in then reports the build's version (standin_ui is not used).
    "standin_webapp": ("MM_STANDIN_WEBAPP", ""),
    # The Mattermost version the stand-in reports (X.Y.Z); empty: its generation's own, or the build's.
    "standin_version": ("MM_STANDIN_VERSION", ""),
    # Comma-separated named regressions of the stand-in (mattermost_standin.FAULTS): proves the suite catches them.
    "standin_faults": ("MM_STANDIN_FAULTS", ""),
    # Named deadlines in seconds. The logout deadline covers the real web app's 60 s status poll plus margin.
    "page_load_deadline": (None, "30"),
    "element_deadline": (None, "10"),
    "login_deadline": (None, "30"),
    "logout_deadline": (None, "90"),
    "session_start_deadline": (None, "60"),
    "request_timeout": (None, "15"),
    # Empty: Chromium's headless shell when headless, the full browser when not (grid/browsers.py says why).
    "chromium_binary": ("MM_CHROMIUM_BINARY", ""),
    "chromedriver": ("MM_CHROMEDRIVER", ""),
    "firefox_binary": ("MM_FIREFOX_BINARY", "/usr/bin/firefox-esr"),
    "geckodriver": ("MM_GECKODRIVER", ""),
    "driver_download": ("MM_DRIVER_DOWNLOAD", "false"),
    # embedded: the hooks start a Selenium Grid on 127.0.0.1 (unless grid_url names one); off: local drivers.
    "grid": ("MM_GRID", "embedded"),
    "grid_url": ("SELENIUM_GRID_URL", ""),
    # Comma-separated device names: run only these rows of the feature's device table (empty: every row).
    "devices": ("MM_DEVICES", ""),
    # Extra mobile-app sessions of the test user (REST logins with a device_id), all checked before and after.
    "extra_app_sessions": ("MM_EXTRA_APP_SESSIONS", "0"),
    # Seconds between an unlocked app's polls, and how many app logins/checks run at once.
    "app_poll_interval": (None, "2"),
    "app_requests_at_once": (None, "16"),
    "allow_revoke_all": ("MM_ALLOW_REVOKE_ALL", "false"),
    # auto: rehearse (everything but the confirm) where allow_revoke_all is needed and not given; true: always.
    "rehearsal": ("MM_REHEARSAL", "auto"),
    # key_moments: every device at each key moment of MM-T940 and at a failure (what the report's readers see);
    # failures: only the failing devices at a failure (a quicker run: a developer's loop, the fault catalogue's runs).
    "screenshots": ("MM_SCREENSHOTS", "key_moments"),
    # Test-only switch: false skips saving Mattermost's e2e first-login preferences for the test users, to prove that
    # the first-login screens (tutorial, tours, task list) really stand in the way. Leave it true for real runs.
    "first_login_seeding": ("MM_FIRST_LOGIN_SEEDING", "true"),
}

DEADLINES = ("page_load", "element", "login", "logout", "session_start")


@dataclass(frozen=True)
class Deadlines:
    page_load: float
    element: float
    login: float
    logout: float
    session_start: float


@dataclass(frozen=True)
class Config:
    base_url: str
    admin_username: str
    admin_password: Secret
    admin_mfa_secret: Secret
    team: str
    headless: bool
    ui: str
    standin_ui: str
    standin_status_poll: float
    standin_faults: tuple[str, ...]
    standin_webapp: str
    standin_version: str
    deadlines: Deadlines
    request_timeout: float
    chromium_binary: str
    chromedriver: str
    firefox_binary: str
    geckodriver: str
    driver_download: bool
    grid: str
    grid_url: str
    devices: tuple[str, ...]
    extra_app_sessions: int
    app_poll_interval: float
    app_requests_at_once: int
    allow_revoke_all: bool
    rehearsal: str
    screenshots: str
    first_login_seeding: bool
    grid_started_here: bool = False  # grid_url is the embedded grid's, on this machine

    @property
    def embedded(self) -> bool:
        """No base_url: the hooks start the in-process stand-in."""
        return not self.base_url

    @property
    def browsers_here(self) -> bool:
        """The browsers start on this machine: local drivers or the embedded grid (not an external grid)."""
        return not self.grid_url or self.grid_started_here

    def with_base_url(self, url: str) -> Config:
        return dataclasses.replace(self, base_url=url.rstrip("/"))

    def with_embedded_grid(self, url: str) -> Config:
        return dataclasses.replace(self, grid_url=url, grid_started_here=True)


def load(ini: Mapping[str, str], defines: Mapping[str, str], env: Mapping[str, str] | None = None) -> Config:
    """Merge the sources and type every value. `ini` is [behave.userdata], `defines` the `-D` pairs."""
    env = os.environ if env is None else env
    for source in (defines, ini):  # a typo must not silently fall back to the default
        unknown = sorted(key for key in source if key not in KEYS and not _is_report_key(key))
        if unknown:
            raise ConfigError(f"unknown setting '{unknown[0]}': valid settings are {', '.join(sorted(KEYS))}")
    raw: dict[str, str] = {}
    for key, (env_name, default) in KEYS.items():
        value = ini.get(key, default)
        if env_name and env.get(env_name, "") != "":
            value = env[env_name]
        raw[key] = str(defines.get(key, value)).strip()
    register(raw["admin_mfa_secret"])  # as typed (case, spaces): masked too, not only its normalized form
    base_url = as_url(raw, "base_url")
    password = raw["admin_password"] or (STANDIN_ADMIN_PASSWORD if not base_url else "")
    if not password:
        raise ConfigError(
            "admin_password is required for a real server: set the environment variable "
            "MM_ADMIN_PASSWORD (preferred) or the admin_password setting"
        )
    return Config(
        base_url=base_url,
        admin_username=as_text(raw, "admin_username"),
        admin_password=Secret(password),
        admin_mfa_secret=Secret(as_totp_secret(raw, "admin_mfa_secret")),
        team=raw["team"],
        headless=as_bool(raw, "headless"),
        ui=as_choice(raw, "ui", UI_CHOICES),
        standin_ui=as_choice(raw, "standin_ui", STANDIN_UI_CHOICES),
        standin_status_poll=as_seconds(raw, "standin_status_poll"),
        standin_faults=as_faults(raw, base_url),
        standin_webapp=raw["standin_webapp"],
        standin_version=raw["standin_version"],
        deadlines=Deadlines(**{name: as_seconds(raw, f"{name}_deadline") for name in DEADLINES}),
        request_timeout=as_seconds(raw, "request_timeout"),
        chromium_binary=raw["chromium_binary"] or (CHROMIUM if as_bool(raw, "headless") else CHROMIUM_HEADED),
        chromedriver=raw["chromedriver"],
        firefox_binary=raw["firefox_binary"],
        geckodriver=raw["geckodriver"],
        driver_download=as_bool(raw, "driver_download"),
        grid=as_choice(raw, "grid", GRID_CHOICES),
        grid_url="" if raw["grid"].lower() == "off" else as_url(raw, "grid_url"),  # grid=off wins: local drivers
        devices=as_names(raw, "devices"),
        extra_app_sessions=as_count(raw, "extra_app_sessions", 0),
        app_poll_interval=as_seconds(raw, "app_poll_interval"),
        app_requests_at_once=as_count(raw, "app_requests_at_once", 1),
        allow_revoke_all=as_bool(raw, "allow_revoke_all"),
        rehearsal=as_choice(raw, "rehearsal", REHEARSAL_CHOICES),
        screenshots=as_choice(raw, "screenshots", SCREENSHOT_CHOICES),
        first_login_seeding=as_bool(raw, "first_login_seeding"),
    )


def _is_report_key(key: str) -> bool:
    """Report settings belong to the Allure formatter and the evidence hooks, not to the run's Config."""
    return key.startswith("AllureFormatter.") or key == "tms_pattern"


def rehearsal_reason(config: Config) -> str | None:
    """Why this run only rehearses (everything but confirming the revoke), or None when it revokes for real.
    Revoke-all logs out EVERY user of the target server: for real only on the stand-in, loopback, or when allowed."""
    if config.rehearsal == "true":
        return "rehearsal=true"
    if config.rehearsal == "false" or _revoke_is_safe(config):
        return None
    return (
        f"{urlparse(config.base_url).hostname} is not the embedded stand-in nor a loopback address "
        "and allow_revoke_all is not given"
    )


def never_in_a_rehearsal(config: Config, action: str) -> None:
    """A second lock behind the steps' own (rehearsal.revokes_all_sessions): an actor's verb that could end every
    session refuses to act in a rehearsal, whoever calls it."""
    reason = rehearsal_reason(config)
    if reason:
        raise SuiteError(f"refusing to {action} in a rehearsal ({reason})")


def refuse_unsafe_revoke(config: Config) -> None:
    """rehearsal=false asks for the real revoke: elsewhere than the stand-in or loopback it must be allowed too."""
    if config.rehearsal != "false" or _revoke_is_safe(config):
        return
    host = urlparse(config.base_url).hostname
    raise ConfigError(
        f"refusing rehearsal=false on {host}: revoking all sessions logs out every user of that server; "
        "pass -D allow_revoke_all=true as well, or leave rehearsal=auto"
    )


def _revoke_is_safe(config: Config) -> bool:
    return config.embedded or config.allow_revoke_all or is_loopback(config.base_url)


def is_loopback(url: str) -> bool:
    host = urlparse(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
