"""A computer asleep, honestly: CDP freezes the page and cuts its network, so it misses the revoke until woken."""

import pytest
import requests

from mattermost_standin import StandinServer
from mattermost_suite.config import load
from mattermost_suite.domain import Site
from mattermost_suite.fleet.drivers import new_driver
from mattermost_suite.fleet.power import fall_asleep, is_frozen, wake_up
from mattermost_suite.fleet.profiles import profile_named
from mattermost_suite.pages import ChannelPage, LoginPage
from mattermost_suite.secrets import Secret
from mattermost_suite.server.api import MattermostApi
from mattermost_suite.server.first_login import seed_first_login
from tests.support.constants import ADMIN_PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def standin():
    with StandinServer(status_poll_seconds=0.5) as server:
        admin = MattermostApi(server.url)
        admin.log_in("sysadmin", Secret(ADMIN_PASSWORD))
        seed_first_login(admin, admin.user["id"])  # the page under test is the channel, not the onboarding task list
        yield server


def test_an_asleep_page_misses_the_revoke_and_logs_out_once_woken(standin):
    config = load(
        {
            "base_url": standin.url,
            "admin_password": ADMIN_PASSWORD,
            "grid": "off",
            "element_deadline": "5",
            "logout_deadline": "10",
        },
        {},
        env={},
    )
    driver = new_driver(profile_named("Desktop app"), config)
    try:
        site = Site(standin.url, "current", config.deadlines)
        LoginPage(driver, site).open().log_in("sysadmin", Secret(ADMIN_PASSWORD))
        channel = ChannelPage(driver, site)
        channel.wait_until_shown(10)
        assert not is_frozen(driver)
        fall_asleep(driver)
        assert is_frozen(driver)
        token = requests.post(
            f"{standin.url}/api/v4/users/login", timeout=10, json={"login_id": "sysadmin", "password": ADMIN_PASSWORD}
        ).headers["Token"]
        requests.post(
            f"{standin.url}/api/v4/users/sessions/revoke/all", timeout=10, headers={"Authorization": f"Bearer {token}"}
        )
        login = LoginPage(driver, site)
        with pytest.raises(AssertionError, match="waited 3 s for the login page"):
            login.wait_until_shown(3)  # six status polls would have noticed by now, had the page been awake
        assert channel.is_shown()
        wake_up(driver)
        login.wait_until_shown(10)
    finally:
        driver.quit()
