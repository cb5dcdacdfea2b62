"""Config parsing: source order, typing, one-line errors naming the key, and the revoke-all safety rule."""
import pytest

from mattermost_suite.config import STANDIN_ADMIN_PASSWORD, load, refuse_unsafe_revoke
from mattermost_suite.errors import ConfigError
from mattermost_suite.run import config_from_behave


def test_zero_config_targets_the_embedded_standin_with_the_e2e_password():
    config = load({}, {}, env={})
    assert config.embedded and config.base_url == ""
    assert config.admin_password.reveal() == STANDIN_ADMIN_PASSWORD
    assert (config.ui, config.standin_ui, config.grid, config.headless) == ("auto", "current", "embedded", True)
    assert (config.devices, config.extra_app_sessions) == ((), 0)
    assert config.deadlines.logout >= 60 + 15, "the logout deadline must cover the real 60 s status poll + margin"


def test_sources_in_order_ini_then_environment_then_defines():
    ini = {"ui": "legacy", "element_deadline": "3", "standin_status_poll": "5"}
    env = {"MM_UI": "current", "MM_STANDIN_STATUS_POLL": "2"}
    config = load(ini, {"standin_status_poll": "1"}, env=env)
    assert config.deadlines.element == 3.0      # ini beats the default
    assert config.ui == "current"               # environment beats ini
    assert config.standin_status_poll == 1.0    # -D beats environment


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


@pytest.mark.parametrize("key, value, expected", [
    ("ui", "newest", "ui='newest' is not valid: use one of auto, current, legacy"),
    ("standin_ui", "v7", "standin_ui='v7' is not valid: use one of current, legacy"),
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
])
def test_bad_values_get_one_line_naming_the_key_and_what_is_valid(key, value, expected):
    with pytest.raises(ConfigError) as caught:
        load({}, {key: value}, env={})
    assert expected in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("base_url", ["", "http://127.0.0.1:8065", "http://localhost:8065", "http://[::1]:8065"])
def test_revoke_all_is_allowed_on_the_standin_and_loopback(base_url):
    refuse_unsafe_revoke(load({"base_url": base_url, "admin_password": "x-secret"}, {}, env={}))


def test_revoke_all_is_refused_elsewhere_unless_allowed():
    remote = {"base_url": "https://chat.example.com", "admin_password": "x-secret"}
    with pytest.raises(ConfigError) as caught:
        refuse_unsafe_revoke(load(remote, {}, env={}))
    assert "chat.example.com" in str(caught.value) and "logs out every user" in str(caught.value)
    assert "allow_revoke_all=true" in str(caught.value)
    refuse_unsafe_revoke(load(remote, {"allow_revoke_all": "true"}, env={}))


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


@pytest.mark.parametrize("given, used", [("http://LocalHost:8065/", "http://localhost:8065"),
                                         ("http://host:80", "http://host"),
                                         ("https://Chat.Example.com:443/mm", "https://chat.example.com/mm")])
def test_base_url_takes_the_form_the_browser_reports(given, used):
    """Page checks compare the browser's address with base_url: case and default ports must not hide a mismatch."""
    assert load({}, {"base_url": given}, {"MM_ADMIN_PASSWORD": "x"}).base_url == used
