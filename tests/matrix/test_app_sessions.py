"""Mobile app sessions against the stand-in: logged in as the app, polling until refused, silent while locked."""

import pytest
import requests

from mattermost_standin import StandinServer
from mattermost_suite.fleet.apps import AppSession
from mattermost_suite.fleet.profiles import profile_named
from mattermost_suite.secrets import Secret
from tests.support.constants import ADMIN_LOGIN, ADMIN_PASSWORD

pytestmark = pytest.mark.contract

ADMIN = (ADMIN_LOGIN, Secret(ADMIN_PASSWORD))
EXPIRED = "api.context.session_expired.app_error"


@pytest.fixture(scope="module")
def server():
    with StandinServer(status_poll_seconds=1.0) as standin:
        yield standin


def app(server, name):
    profile = profile_named(name)
    return AppSession(profile.user_agent, profile.device_id_prefix, server.url, timeout=10)


def revoke_all(server):
    token = requests.post(
        f"{server.url}/api/v4/users/login", json={"login_id": ADMIN[0], "password": ADMIN[1].reveal()}, timeout=10
    ).headers["Token"]
    assert (
        requests.post(
            f"{server.url}/api/v4/users/sessions/revoke/all", timeout=10, headers={"Authorization": f"Bearer {token}"}
        ).status_code
        == 200
    )


def test_an_app_session_is_mobile_with_its_device_id_and_user_agent(server):
    ios = app(server, "iOS app")
    try:
        user = ios.log_in(*ADMIN)
        assert ios.device_id.startswith("apple_rn-v2:") and len(ios.device_id) == len("apple_rn-v2:") + 64
        listed = requests.get(
            f"{server.url}/api/v4/users/{user['id']}/sessions",
            timeout=10,
            headers={"Authorization": f"Bearer {ios.token.reveal()}"},
        ).json()
        [mine] = [s for s in listed if s["device_id"] == ios.device_id]
        assert mine["props"]["isMobile"] == "true" and mine["props"]["platform"] == "iPhone"
        assert ios.check_in() == (200, "")
    finally:
        ios.close()


def test_an_unlocked_app_polls_until_refused_and_a_locked_one_stays_silent(server):
    android, ios = app(server, "Android app"), app(server, "iOS app")
    try:
        user = android.log_in(*ADMIN)
        ios.log_in(*ADMIN)
        android.start_polling(user["id"], interval=0.2, lifetime=30)
        ios.start_polling(user["id"], interval=0.2, lifetime=30)
        ios.stop_polling()  # the screen locks
        silent_from = ios.requests_made
        revoke_all(server)
        assert android.refused.wait(10), "the polling app was never refused"
        assert (android.refusal.status, android.refusal.error_id) == (401, EXPIRED)
        assert ios.requests_made == silent_from and ios.refusal is None
        assert ios.check_in() == (401, EXPIRED)  # its first request after unlocking
    finally:
        android.close()
        ios.close()
