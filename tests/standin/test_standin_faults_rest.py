"""Each server-side fault changes exactly the behaviour it names (the default server is covered elsewhere)."""

from __future__ import annotations

import pytest

from mattermost_standin import FAULTS, StandinServer, UnknownFault
from mattermost_standin.faults import page_faults

from .helpers import IPHONE_UA, USER_PASSWORD, api, create_user, token_of

pytestmark = pytest.mark.contract


def _alive(server, token) -> bool:
    return api("GET", server.url, "/users/me", token).status_code == 200


def _revoke_all(server, token):
    response = api("POST", server.url, "/users/sessions/revoke/all", token)
    assert response.status_code == 200 and response.json() == {"status": "OK"}


def test_every_fault_has_a_side_and_a_one_line_description():
    for name, (side, description) in FAULTS.items():
        assert side in ("server", "page") and description and "\n" not in description, name


def test_unknown_fault_is_refused_in_one_line_listing_valid_names():
    with pytest.raises(UnknownFault) as caught:
        StandinServer(faults=("revoke_all_noop", "bogus"))
    assert "bogus" in str(caught.value) and "revoke_all_noop" in str(caught.value) and "\n" not in str(caught.value)


def test_page_faults_reach_the_page_config_only(make_standin):
    import requests

    server = make_standin(faults=("revoke_all_noop", "no_expired_banner"))
    assert page_faults(server.faults) == ["no_expired_banner"]
    assert '"faults": ["no_expired_banner"]' in requests.get(server.url + "/login", timeout=10).text


def test_revoke_all_noop(make_standin):
    server = make_standin(faults=("revoke_all_noop",))
    admin = token_of(server.url)
    _revoke_all(server, admin)
    assert _alive(server, admin)


def test_revoke_all_spares_mobile(make_standin):
    server = make_standin(faults=("revoke_all_spares_mobile",))
    user = create_user(server.url)
    browser = token_of(server.url, user["username"], USER_PASSWORD)
    phone = token_of(server.url, user["username"], USER_PASSWORD, device_id="apple_rn:1", user_agent=IPHONE_UA)
    _revoke_all(server, token_of(server.url))
    assert not _alive(server, browser) and _alive(server, phone)


def test_revoke_all_spares_caller(make_standin):
    server = make_standin(faults=("revoke_all_spares_caller",))
    admin, admin_other_device = token_of(server.url), token_of(server.url)
    user = create_user(server.url)
    victim = token_of(server.url, user["username"], USER_PASSWORD)
    _revoke_all(server, admin)
    assert not _alive(server, victim) and _alive(server, admin) and _alive(server, admin_other_device)


def test_endpoint_accepts_non_admin(make_standin):
    server = make_standin(faults=("endpoint_accepts_non_admin",))
    admin = token_of(server.url)
    user = create_user(server.url)
    _revoke_all(server, token_of(server.url, user["username"], USER_PASSWORD))
    assert not _alive(server, admin)


def test_old_tokens_still_valid(make_standin):
    server = make_standin(faults=("old_tokens_still_valid",))
    admin = token_of(server.url)
    user = create_user(server.url)
    victim = token_of(server.url, user["username"], USER_PASSWORD)
    assert _alive(server, victim)  # now cached
    _revoke_all(server, admin)
    assert api("GET", server.url, f"/users/{user['id']}/sessions", admin).json() == []
    assert _alive(server, victim)


@pytest.mark.parametrize("fault", [n for n, (side, _) in FAULTS.items() if side == "page"])
def test_page_faults_leave_the_rest_api_faithful(make_standin, fault):
    server = make_standin(faults=(fault,))
    admin = token_of(server.url)
    user = create_user(server.url)
    victim = token_of(server.url, user["username"], USER_PASSWORD)
    assert api("POST", server.url, "/users/sessions/revoke/all", victim).status_code == 403
    _revoke_all(server, admin)
    assert not _alive(server, admin) and not _alive(server, victim)
