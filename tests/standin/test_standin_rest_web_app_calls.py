"""Calls the real web apps of the older generations make on MM-T940's path, answered as a default unlicensed
server of the version does: the user's own status (autoResetStatus reads `.status`), the 9.5-era user limits, the
self-hosted products of Team Edition, the first admin's marketplace visit."""

from __future__ import annotations

import pytest

from mattermost_standin import StandinServer

from .helpers import USER_PASSWORD, api, team_member, token_of

pytestmark = pytest.mark.contract


@pytest.fixture(scope="module", params=["5.37.7", "8.1.0", "9.5.0", "11.2.0"])
def server(request):
    with StandinServer(version=request.param) as started:
        yield started


def _version(server) -> tuple[int, ...]:
    return tuple(int(part) for part in server.settings.semver.split("."))


def test_a_users_own_status_is_online_while_logged_in(server):
    token = token_of(server.url)
    me = api("GET", server.url, "/users/me", token).json()
    answer = api("GET", server.url, f"/users/{me['id']}/status", token)
    assert answer.status_code == 200
    assert answer.json() == {"user_id": me["id"], "status": "online", "manual": False, "last_activity_at": 0}
    assert api("GET", server.url, "/users/not-an-id/status", token).status_code == 400


def test_user_limits_exist_in_the_9_5_era_for_admins_only(server):
    admin = token_of(server.url)
    answer = api("GET", server.url, "/limits/users", admin)
    if not (9, 5) <= _version(server)[:2] < (9, 9):
        assert answer.status_code == 404
        return
    assert answer.status_code == 200 and answer.json()["maxUsersLimit"] == 10000
    assert answer.json()["activeUserCount"] >= 1
    user = team_member(server.url)
    assert (
        api("GET", server.url, "/limits/users", token_of(server.url, user["username"], USER_PASSWORD)).status_code
        == 403
    )


def test_team_edition_has_no_self_hosted_products(server):
    answer = api("GET", server.url, "/cloud/products/selfhosted", token_of(server.url))
    if _version(server) >= (10, 10):
        assert answer.status_code == 404
    else:
        assert (answer.status_code, answer.json()["id"]) == (400, "api.server.cws.needs_enterprise_edition")


def test_the_first_admin_has_not_visited_the_marketplace(server):
    answer = api("GET", server.url, "/plugins/marketplace/first_admin_visit", token_of(server.url))
    assert answer.json() == {"name": "FirstAdminVisitMarketplace", "value": "false"}
    user = team_member(server.url)
    token = token_of(server.url, user["username"], USER_PASSWORD)
    assert api("GET", server.url, "/plugins/marketplace/first_admin_visit", token).status_code == 403


def test_every_generation_gives_the_landing_pages_download_links_and_a_logged_in_app_the_installation_date(server):
    limited = api("GET", server.url, "/config/client?format=old", None).json()
    assert limited["AppDownloadLink"] and limited["AndroidAppDownloadLink"] and limited["IosAppDownloadLink"]
    full = api("GET", server.url, "/config/client?format=old", token_of(server.url)).json()
    assert int(full["InstallationDate"]) > 0
