"""Contract: TeamSettings.RestrictCreationToDomains refuses every new account outside its domains, an admin's too
(server/channels/app/users/users.go CreateUser; utils.go CheckEmailDomain: "@" and "," separate, case-insensitive)."""

from __future__ import annotations

import pytest

from .helpers import USER_PASSWORD, api, assert_app_error, token_of

pytestmark = pytest.mark.contract

DOMAINS = "@Mattermost.com, example.org"


def test_an_admin_cannot_create_an_account_outside_the_accepted_domains(make_standin):
    server = make_standin(config={"TeamSettings.RestrictCreationToDomains": DOMAINS})
    admin = token_of(server.url)
    refused = {"username": "outsider", "email": "outsider@example.com", "password": USER_PASSWORD}
    body = assert_app_error(
        api("POST", server.url, "/users", admin, json=refused), 400, "api.user.create_user.accepted_domain.app_error"
    )
    assert body["message"].startswith("The email you provided does not belong to an accepted domain.")
    for number, email in enumerate(("insider@MATTERMOST.com", "guest@example.org")):
        accepted = {"username": f"insider{number}", "email": email, "password": USER_PASSWORD}
        assert api("POST", server.url, "/users", admin, json=accepted).status_code == 201
