"""Page objects against the stand-in's pages in headless Chromium, in both UI generations."""
import pytest

from mattermost_suite.api import MattermostApi
from mattermost_suite.pages import ChannelPage, LoginPage, SystemUsersPage
from mattermost_suite.pages.waits import WaitTimeout
from mattermost_suite.secrets import Secret

PASSWORD = Secret("Sys@dmin-sample1")
MESSAGES = {
    "legacy": "This action revokes all sessions in the system. All users will be logged out from all devices. "
              "Are you sure you want to revoke all sessions?",
    "current": "This action revokes all sessions in the system. All users will be logged out from all devices, "
               "including your session. Are you sure you want to revoke all sessions?",
}


def pages(driver, config, ui):
    args = (driver, config.base_url, ui, config.deadlines)
    return LoginPage(*args), ChannelPage(*args), SystemUsersPage(*args)


def test_login_form_lands_on_a_channel(standin, config, chromium):
    login, channel, _ = pages(chromium, config, standin.ui)
    login.open()
    assert login.is_shown() and not login.shows_expired_banner()
    login.log_in("sysadmin", PASSWORD)
    assert channel.wait_until_shown(config.deadlines.login) == "Town Square"
    assert chromium.get_cookie("MMAUTHTOKEN")["value"]


def test_revoke_all_confirmation_cancel_keeps_the_page(standin, config, chromium):
    login, _, users = pages(chromium, config, standin.ui)
    login.open().log_in("sysadmin", PASSWORD)
    ChannelPage(chromium, config.base_url, standin.ui, config.deadlines).wait_until_shown(config.deadlines.login)
    users.open()
    assert users.revoke_all_sessions_label() == "Revoke All Sessions"
    modal = users.click_revoke_all_sessions()
    assert modal.title() == "Revoke all sessions in the system"
    assert modal.message() == MESSAGES[standin.ui]
    assert (modal.cancel_label(), modal.confirm_label()) == ("Cancel", "Revoke All Sessions")
    modal.cancel()
    assert not modal.is_open() and users.is_shown()


def test_a_watched_browser_gets_the_expired_banner_by_itself(standin, config, chromium):
    login, channel, _ = pages(chromium, config, standin.ui)
    login.open().log_in("sysadmin@sample.mattermost.com", PASSWORD)
    channel.wait_until_shown(config.deadlines.login)
    admin = MattermostApi(standin.url)
    admin.log_in("sysadmin", PASSWORD)
    admin.revoke_all_sessions()
    login.wait_until_shown(config.deadlines.logout)  # the stand-in polls every second; no reload here
    assert login.expired_banner(config.deadlines.element) == "Your session has expired. Please log in again."


def test_legacy_locators_also_cope_with_the_v7_login_page_and_current_ones_fail_in_words(standin, config, chromium):
    """Real v7/v8 servers are "legacy" by version but already have the redesigned login page."""
    other = "legacy" if standin.ui == "current" else "current"
    login = LoginPage(chromium, config.base_url, other, config.deadlines)
    login.visit()
    if other == "legacy":
        assert login.visible("password", config.deadlines.element)
        return
    with pytest.raises(WaitTimeout) as caught:
        login.visible("password", 1)
    assert str(caught.value).startswith("waited 1 s for the password field; the browser is at /login")
    assert "#" not in str(caught.value)


def test_a_wait_names_what_it_waited_for(standin, config, chromium):
    login, channel, _ = pages(chromium, config, standin.ui)
    login.open()
    with pytest.raises(WaitTimeout, match="waited 0.5 s for a channel page; the browser is at /login"):
        channel.wait_until_shown(0.5)
