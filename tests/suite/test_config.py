"""Config parsing: source order, typing, one-line errors naming the key, and the revoke-all safety rule."""

import configparser
import dataclasses
from pathlib import Path

import pytest

from mattermost_suite.config import (
    BY_NAME,
    SETTINGS,
    STANDIN_ADMIN_PASSWORD,
    Config,
    load,
    refuse_unsafe_revoke,
    rehearsal_reason,
    settings_table,
)
from mattermost_suite.errors import ConfigError
from mattermost_suite.lifecycle.suite_run import config_from_behave
from mattermost_suite.secrets import Secret, mask

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]


def test_zero_config_targets_the_embedded_standin_with_the_e2e_password():
    config = load({}, {}, env={})
    assert config.embedded and config.base_url == ""
    assert config.admin_password.reveal() == STANDIN_ADMIN_PASSWORD
    assert (config.ui, config.standin_ui, config.grid, config.headless) == ("auto", "current", "embedded", True)
    assert (config.devices, config.extra_app_sessions) == ((), 0)
    assert config.deadlines.logout >= 60 + 15, "the logout deadline must cover the real 60 s status poll + margin"
    assert (config.rehearsal, config.first_login_seeding, bool(config.admin_mfa_secret)) == ("auto", True, False)


def test_defaults_live_only_in_config_py_and_behave_ini_only_overrides():
    """One home per default: behave.ini's [behave.userdata] names no suite setting (only the report's links)."""
    ini = configparser.ConfigParser(interpolation=None)
    ini.optionxform = str  # behave keeps the keys' case (AllureFormatter.*)
    ini.read(ROOT / "behave.ini")
    userdata = dict(ini["behave.userdata"])
    assert not set(userdata) & set(BY_NAME), "a default copied into behave.ini would hide a change of config.py's"
    assert set(userdata) == {"AllureFormatter.issue_pattern", "AllureFormatter.link_pattern", "tms_pattern"}
    load(userdata, {}, env={})  # and what it holds is accepted


def test_a_typo_in_behave_ini_is_refused_like_a_typo_in_a_define():
    with pytest.raises(ConfigError, match="unknown setting 'standin_uii'"):
        load({"standin_uii": "legacy"}, {}, env={})


def test_sources_in_order_ini_then_environment_then_defines():
    ini = {"ui": "legacy", "element_deadline": "3", "standin_status_poll": "5"}
    env = {"MM_UI": "current", "MM_STANDIN_STATUS_POLL": "2"}
    config = load(ini, {"standin_status_poll": "1"}, env=env)
    assert config.deadlines.element == 3.0  # ini beats the default
    assert config.ui == "current"  # environment beats ini
    assert config.standin_status_poll == 1.0  # -D beats environment


def test_behave_userdata_is_split_back_into_ini_and_defines(monkeypatch):
    monkeypatch.setenv("MM_UI", "current")
    # behave has already merged -D into userdata; the define must still win over the environment.
    config = config_from_behave({"ui": "legacy", "headless": "false"}, [("ui", "legacy")])
    assert config.ui == "legacy" and config.headless is False


def test_the_password_prefers_the_environment_and_is_never_printed():
    config = load({"admin_password": "from-ini"}, {}, env={"MM_ADMIN_PASSWORD": "from-env-123"})
    assert config.admin_password.reveal() == "from-env-123"
    assert "from-env-123" not in repr(config) and "from-env-123" not in str(config)


def test_a_real_server_needs_a_password():
    with pytest.raises(ConfigError, match="admin_password is required"):
        load({"base_url": "http://127.0.0.1:8065"}, {}, env={})


@pytest.mark.parametrize(
    "key, value, expected",
    [
        ("ui", "newest", "ui='newest' is not valid: use one of auto, current, transitional, legacy"),
        ("standin_ui", "v7", "standin_ui='v7' is not valid: use one of current, transitional, legacy"),
        ("rehearsal", "maybe", "rehearsal='maybe' is not valid: use one of auto, true, false"),
        ("first_login_seeding", "skip", "first_login_seeding='skip' is not valid: use true/false"),
        ("headless", "maybe", "headless='maybe' is not valid: use true/false"),
        ("logout_deadline", "soon", "logout_deadline='soon' is not valid: use a number of seconds greater than 0"),
        ("standin_status_poll", "0", "standin_status_poll='0' is not valid"),
        ("logout_deadline", "inf", "logout_deadline='inf' is not valid: use a number of seconds greater than 0"),
        ("request_timeout", "1e400", "request_timeout='1e400' is not valid"),
        ("base_url", "localhost:8065", "base_url='localhost:8065' is not valid: use an http:// or https:// URL"),
        ("grid", "yes", "grid='yes' is not valid: use one of embedded, off"),
        ("extra_app_sessions", "-1", "extra_app_sessions='-1' is not valid: use a whole number of at least 0"),
        ("app_requests_at_once", "0", "app_requests_at_once='0' is not valid: use a whole number of at least 1"),
        ("base_ulr", "http://x", "unknown setting 'base_ulr': valid settings are"),
    ],
)
def test_bad_values_get_one_line_naming_the_key_and_what_is_valid(key, value, expected):
    with pytest.raises(ConfigError) as caught:
        load({}, {key: value}, env={})
    assert expected in str(caught.value)
    assert "\n" not in str(caught.value)


REMOTE = {"base_url": "https://chat.example.com", "admin_password": "x-secret"}


@pytest.mark.parametrize("base_url", ["", "http://127.0.0.1:8065", "http://localhost:8065", "http://[::1]:8065"])
def test_the_standin_and_loopback_revoke_for_real(base_url):
    config = load({"base_url": base_url, "admin_password": "x-secret"}, {}, env={})
    assert rehearsal_reason(config) is None
    refuse_unsafe_revoke(config)


def test_elsewhere_the_run_is_a_rehearsal_unless_allowed():
    config = load(REMOTE, {}, env={})
    assert rehearsal_reason(config) == (
        "chat.example.com is not the embedded stand-in nor a loopback address and allow_revoke_all is not given"
    )
    refuse_unsafe_revoke(config)  # no refusal: the run rehearses
    assert rehearsal_reason(load(REMOTE, {"allow_revoke_all": "true"}, env={})) is None


@pytest.mark.parametrize("base_url", ["", "http://127.0.0.1:8065", "https://chat.example.com"])
def test_rehearsal_true_rehearses_anywhere(base_url):
    config = load({**REMOTE, "base_url": base_url}, {"rehearsal": "true", "allow_revoke_all": "true"}, env={})
    assert rehearsal_reason(config) == "rehearsal=true"


def test_rehearsal_false_elsewhere_needs_allow_revoke_all_as_well():
    with pytest.raises(ConfigError) as caught:
        refuse_unsafe_revoke(load(REMOTE, {"rehearsal": "false"}, env={}))
    assert str(caught.value) == (
        "refusing rehearsal=false on chat.example.com: revoking all sessions logs out every "
        "user of that server; pass -D allow_revoke_all=true as well, or leave rehearsal=auto"
    )
    allowed = load(REMOTE, {"rehearsal": "false", "allow_revoke_all": "true"}, env={})
    refuse_unsafe_revoke(allowed)
    assert rehearsal_reason(allowed) is None


def test_the_rehearsal_setting_comes_from_the_environment():
    assert rehearsal_reason(load({}, {}, env={"MM_REHEARSAL": "TRUE"})) == "rehearsal=true"


SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def test_the_mfa_secret_comes_from_the_environment_and_is_masked():
    config = load({}, {}, env={"MM_ADMIN_MFA_SECRET": "jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp"})
    assert config.admin_mfa_secret.reveal() == SECRET, "as authenticator apps show it: spaces and case do not matter"
    assert SECRET not in repr(config) and SECRET not in str(config)
    assert mask(f"secret {SECRET} and jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp") == "secret ****** and ******"


def test_a_bad_mfa_secret_is_one_line_that_does_not_quote_it():
    with pytest.raises(ConfigError) as caught:
        load({}, {}, env={"MM_ADMIN_MFA_SECRET": "not-base32-1890"})
    assert str(caught.value).startswith("admin_mfa_secret is not a base32 TOTP secret")
    assert "not-base32" not in str(caught.value) and "\n" not in str(caught.value)


def test_first_login_seeding_is_a_switch():
    assert load({}, {"first_login_seeding": "false"}, env={}).first_login_seeding is False
    assert load({}, {}, env={"MM_FIRST_LOGIN_SEEDING": "off"}).first_login_seeding is False


def test_headless_runs_use_chromiums_headless_shell_a_window_the_full_browser_and_a_given_binary_wins():
    assert load({}, {}, env={}).chromium_binary == "/usr/lib/chromium/chromium-headless-shell"
    assert load({}, {"headless": "false"}, env={}).chromium_binary == "/usr/bin/chromium"
    assert load({}, {}, env={"MM_CHROMIUM_BINARY": "/opt/chrome/chrome"}).chromium_binary == "/opt/chrome/chrome"


def test_grid_url_comes_from_the_environment():
    config = load({}, {}, env={"SELENIUM_GRID_URL": "http://127.0.0.1:4444/"})
    assert config.grid_url == "http://127.0.0.1:4444"


def test_grid_off_means_local_drivers_even_with_a_grid_url_in_the_environment():
    config = load({}, {"grid": "off"}, env={"SELENIUM_GRID_URL": "http://127.0.0.1:4444/"})
    assert (config.grid, config.grid_url) == ("off", "")


def test_a_device_subset_is_a_comma_separated_list():
    config = load({}, {"devices": " Desktop Chromium, iOS app ,,Desktop Chromium"}, env={})
    assert config.devices == ("Desktop Chromium", "iOS app")


def test_report_link_settings_pass_through_and_a_typo_is_still_refused():
    load({}, {"AllureFormatter.issue_pattern": "https://jira.example/{}", "tms_pattern": "https://tm.example/{}"}, {})
    with pytest.raises(ConfigError, match="unknown setting 'headles'"):
        load({}, {"headles": "false"}, {})


@pytest.mark.parametrize(
    "given, used",
    [
        ("http://LocalHost:8065/", "http://localhost:8065"),
        ("http://host:80", "http://host"),
        ("https://Chat.Example.com:443/mm", "https://chat.example.com/mm"),
    ],
)
def test_base_url_takes_the_form_the_browser_reports(given, used):
    """Page checks compare the browser's address with base_url: case and default ports must not hide a mismatch."""
    assert load({}, {"base_url": given}, {"MM_ADMIN_PASSWORD": "x"}).base_url == used


def test_every_setting_is_declared_once_with_its_own_environment_variable():
    names = [setting.name for setting in SETTINGS]
    envs = [setting.env for setting in SETTINGS]
    assert len(set(names)) == len(names) and len(set(envs)) == len(envs) and all(envs)
    assert [field.name for field in dataclasses.fields(Config)] == [*names, "grid_started_here"]
    assert all(setting.meaning for setting in SETTINGS)


# A value other than the default, for each setting whose reader needs more than its type says.
OTHER_VALUES = {
    "base_url": "http://127.0.0.1:9",
    "admin_password": "x-secret",
    "admin_mfa_secret": "JBSWY3DPEHPK3PXP",
    "ui": "legacy",
    "rehearsal": "true",
    "screenshots": "failures",
    "grid": "off",
    "grid_url": "http://127.0.0.1:4444",
    "standin_ui": "legacy",
    "standin_faults": "revoke_all_noop",
    "devices": "iPhone",
    "extra_app_sessions": "3",
    "app_requests_at_once": "3",
}


def _other_value(setting) -> str:
    if setting.name in OTHER_VALUES:
        return OTHER_VALUES[setting.name]
    if setting.default in ("true", "false"):
        return {"true": "false", "false": "true"}[setting.default]
    return "7" if setting.default.isdigit() else "/some/other"


def _plain(value):
    return value.reveal() if isinstance(value, Secret) else value


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda setting: setting.name)
def test_each_environment_variable_reaches_its_setting_and_a_define_wins(setting):
    password = {"MM_ADMIN_PASSWORD": "x-secret"} if setting.name != "admin_password" else {}
    other = _other_value(setting)
    default = _plain(getattr(load({}, {}, env=password), setting.name))
    from_env = _plain(getattr(load({}, {}, env={**password, setting.env: other}), setting.name))
    assert from_env != default
    defined = _plain(
        getattr(load({}, {setting.name: setting.default}, env={**password, setting.env: other}), setting.name)
    )
    assert defined == default or (setting.name == "admin_password" and defined == "x-secret")


def test_the_settings_table_in_the_docs_is_the_declarations():
    documented = (ROOT / "docs" / "settings.md").read_text()
    assert settings_table() in documented, "regenerate it: python -m mattermost_suite.config"
    table_rows = [line for line in documented.splitlines() if line.startswith("| `")]
    assert len(table_rows) == len(SETTINGS) + 1  # and the report's link patterns, which are behave's
