"""The preflight meets a real server's configuration: what the web app reads (GET /api/v4/config/client?format=old)
decides, in one line and before any browser, whether MM-T940 can run as written; an admin with MFA logs in with
the TOTP secret. The checks run against the stand-in configured like such a server."""

from pathlib import Path

import pyotp
import pytest
from behave.parser import parse_file

from mattermost_suite.config import load
from mattermost_suite.errors import PreflightError
from mattermost_suite.secrets import Secret, mask
from mattermost_suite.server.api import MattermostApi
from mattermost_suite.server.mfa import TotpCodes, admin_totp
from mattermost_suite.server.preflight import check_server
from mattermost_suite.server.settings import (
    admin_sign_in_refusal,
    login_page_locale_refusal,
    mfa_enforced_refusal,
    notes,
    sign_in_methods_refusal,
)
from tests.support.constants import ADMIN_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
MFA_SECRET = pyotp.random_base32()


def device_table() -> list[tuple[str, str, str]]:
    """The MM-T940 feature's device table, as product and QA wrote it."""
    feature = parse_file(str(ROOT / "features" / "revoke_all_sessions.feature"))
    scenario = next(iter(feature.walk_scenarios()))
    table = next(step.table for step in scenario.steps if step.table)
    return [(row["device"], row["logs in with"], row["state"]) for row in table]


# -- the checks themselves (pure) -----------------------------------------------------------------------------------
@pytest.mark.unit
def test_every_sign_in_method_on_refuses_nothing():
    assert (
        sign_in_methods_refusal(
            {"EnableSignInWithEmail": "true", "EnableSignInWithUsername": "true"},
            device_table(),
            extra_apps_by_email=200,
        )
        is None
    )
    assert sign_in_methods_refusal({}, device_table()) is None, "a server without the keys has the defaults (on)"


@pytest.mark.unit
def test_username_sign_in_off_names_the_devices_that_would_log_in_with_a_username():
    refusal = sign_in_methods_refusal({"EnableSignInWithUsername": "false"}, device_table())
    by_username = [name for name, method, _ in device_table() if method == "username"]
    assert refusal == (
        f"{', '.join(by_username)} would log in with username, but this server has sign-in with "
        'username switched off (EmailSettings.EnableSignInWithUsername): give them "email" in the '
        'device table\'s "logs in with" column, or switch EmailSettings.EnableSignInWithUsername on '
        "for the run"
    )
    assert by_username and "Desktop Chromium" not in refusal


@pytest.mark.unit
def test_a_narrowed_table_without_those_devices_runs():
    rows = [row for row in device_table() if row[1] == "email"]
    assert sign_in_methods_refusal({"EnableSignInWithUsername": "false"}, rows) is None


@pytest.mark.unit
def test_email_sign_in_off_counts_the_extra_app_sessions_which_log_in_by_email():
    rows = [row for row in device_table() if row[1] == "username"]
    refusal = sign_in_methods_refusal({"EnableSignInWithEmail": "false"}, rows, extra_apps_by_email=50)
    assert refusal.startswith("the 50 extra app sessions would log in with email")
    assert "(EmailSettings.EnableSignInWithEmail)" in refusal


@pytest.mark.unit
@pytest.mark.parametrize(
    "login_id, key, expected",
    [
        (
            "sysadmin",
            "EnableSignInWithUsername",
            "admin_username 'sysadmin' is a username, but this server has sign-in "
            "with username switched off (EmailSettings.EnableSignInWithUsername): set MM_ADMIN_USERNAME to the admin's "
            "email address",
        ),
        (
            "admin@example.com",
            "EnableSignInWithEmail",
            "admin_username 'admin@example.com' is an email address, but this "
            "server has sign-in with email switched off (EmailSettings.EnableSignInWithEmail): set MM_ADMIN_USERNAME "
            "to the admin's username",
        ),
    ],
)
def test_the_admins_own_sign_in_method(login_id, key, expected):
    assert admin_sign_in_refusal({key: "false"}, login_id) == expected
    assert admin_sign_in_refusal({key: "true"}, login_id) is None


@pytest.mark.unit
def test_mfa_enforced_for_everyone_is_refused():
    assert mfa_enforced_refusal({"EnforceMultifactorAuthentication": "false"}) is None
    assert mfa_enforced_refusal({"EnforceMultifactorAuthentication": "true"}).startswith(
        "this server enforces multi-factor authentication for everyone "
        "(ServiceSettings.EnforceMultifactorAuthentication): the test users would have to set up MFA"
    )


@pytest.mark.unit
def test_a_login_page_in_another_language_is_refused():
    assert login_page_locale_refusal({"DefaultClientLocale": "en"}) is None
    assert login_page_locale_refusal({}) is None
    assert login_page_locale_refusal({"DefaultClientLocale": "de"}).startswith(
        "the login page speaks 'de' (LocalizationSettings.DefaultClientLocale), not English"
    )


@pytest.mark.unit
def test_notes_for_settings_that_change_what_the_run_meets_without_stopping_it():
    assert notes({"EnableTutorial": "true", "EnableUserCreation": "true", "EnableOpenServer": "false"}) == []
    assert notes({"EnableTutorial": "false", "EnableUserCreation": "false"}) == [
        "ServiceSettings.EnableTutorial is off: this server shows new users no tutorial "
        "(the first-login preferences are saved anyway)",
        "TeamSettings.EnableUserCreation is off: the system admin creates the test users anyway "
        "(an admin's POST /api/v4/users skips the sign-up rules)",
    ]


# -- against the stand-in configured like a real server ---------------------------------------------------------------
def target(url, **settings):
    config = load({"base_url": url, "admin_password": ADMIN_PASSWORD, "request_timeout": "5", **settings}, {}, env={})
    return config, MattermostApi(config.base_url, timeout=config.request_timeout)


def standin(**options):
    from mattermost_standin import StandinServer

    return StandinServer(status_poll_seconds=1.0, **options)


def one_line_refusal(config, api) -> str:
    with pytest.raises(PreflightError) as caught:
        check_server(config, api)
    line = str(caught.value)
    assert "\n" not in line
    return line


@pytest.mark.contract
def test_the_preflight_keeps_the_client_config_for_others_and_notes_nothing_on_defaults():
    with standin() as server:
        info = check_server(*target(server.url))
    assert info.client_config["EnableSignInWithUsername"] == "true"
    assert info.client_config["Version"] and "EnableTutorial" in info.client_config, "the full set, with a session"
    assert info.notes == ()


@pytest.mark.contract
def test_username_sign_in_off_refuses_an_admin_given_by_username_and_accepts_its_email():
    with standin(config={"EmailSettings.EnableSignInWithUsername": False}) as server:
        line = one_line_refusal(*target(server.url))
        assert line.startswith(
            "admin_username 'sysadmin' is a username, but this server has sign-in with username "
            "switched off (EmailSettings.EnableSignInWithUsername)"
        )
        info = check_server(*target(server.url, admin_username="sysadmin@sample.mattermost.com"))
    assert "would log in with username" in sign_in_methods_refusal(info.client_config, device_table())


@pytest.mark.contract
def test_mfa_enforced_is_refused_before_the_admin_logs_in():
    with standin(
        config={
            "ServiceSettings.EnableMultifactorAuthentication": True,
            "ServiceSettings.EnforceMultifactorAuthentication": True,
        }
    ) as server:
        assert "(ServiceSettings.EnforceMultifactorAuthentication)" in one_line_refusal(*target(server.url))


@pytest.mark.contract
def test_an_admin_with_mfa_and_no_secret_is_told_which_setting_to_give():
    with standin(admin_mfa_secret=MFA_SECRET) as server:
        assert one_line_refusal(*target(server.url)) == (
            "admin 'sysadmin' has multi-factor authentication on: set MM_ADMIN_MFA_SECRET (its TOTP secret)"
        )


@pytest.mark.contract
def test_an_admin_with_mfa_logs_in_with_the_secret_and_the_secret_never_shows():
    with standin(admin_mfa_secret=MFA_SECRET) as server:
        config, api = target(server.url, admin_mfa_secret=MFA_SECRET)
        info = check_server(config, api)
        assert info.client_config["EnableMultifactorAuthentication"] == "true"
        assert api.me()["username"] == "sysadmin"
        api.log_in_again()  # a later login (after the revoke) gets a code of its own: each works once
        assert admin_totp(config) is admin_totp(config), "REST and browser logins share the spent codes"
    assert mask(f"secret={MFA_SECRET}") == "secret=******"


@pytest.mark.unit
def test_each_code_is_handed_out_once_then_the_neighbour_steps_then_it_waits_for_the_clock():
    """dgoogauth accepts the steps now-1..now+1 and, on newer servers, each step once (DisallowReuse)."""
    now, waited = [1000 * 30 + 29.5], []

    def wait(seconds):
        waited.append(seconds)
        now[0] += seconds

    codes = TotpCodes(Secret(MFA_SECRET), clock=lambda: now[0], wait=wait)
    totp = pyotp.TOTP(MFA_SECRET)
    assert [codes(), codes(), codes()] == [totp.at(1000 * 30), totp.at(1001 * 30), totp.at(999 * 30)]
    assert waited == []
    assert codes() == totp.at(1002 * 30) and waited == [0.5], "all three spent: wait for step 1001, then take 1002"
    now[0] += 120
    assert codes() == totp.at(1005 * 30), "four steps later: the current step again"


@pytest.mark.contract
def test_a_wrong_secret_is_one_line_naming_the_secret_and_the_clock():
    with standin(admin_mfa_secret=MFA_SECRET) as server:
        line = one_line_refusal(*target(server.url, admin_mfa_secret=pyotp.random_base32()))
    assert line.startswith(
        "admin 'sysadmin' refused the MFA code made from MM_ADMIN_MFA_SECRET "
        "(api.user.check_user_mfa.bad_code.app_error)"
    )


@pytest.mark.contract
def test_closed_sign_up_and_no_tutorial_are_noted_and_the_admin_still_creates_users():
    with standin(
        config={
            "TeamSettings.EnableUserCreation": False,
            "TeamSettings.EnableOpenServer": False,
            "ServiceSettings.EnableTutorial": False,
        }
    ) as server:
        config, api = target(server.url)
        info = check_server(config, api)
        assert [note.split(" is off")[0] for note in info.notes] == [
            "ServiceSettings.EnableTutorial",
            "TeamSettings.EnableUserCreation",
        ]
        user = api.create_user("mmt940-closed-1", "mmt940-closed-1@example.com", Secret("Cl0sed!-signup"))
        api.delete_user(user["id"], permanent=True)


@pytest.mark.contract
def test_user_statuses_off_is_refused_before_any_browser_and_only_noted_in_a_rehearsal():
    """An idle web app polls statuses only while ServiceSettings.EnableUserStatuses is on: with it off the
    automatic logout cannot be observed, so a run that confirms is refused; a rehearsal never confirms."""
    with standin(config={"ServiceSettings.EnableUserStatuses": False}) as server:
        assert MattermostApi(server.url, timeout=5).client_config()["EnableUserStatuses"] == "false"
        line = one_line_refusal(*target(server.url))
        assert line.startswith("this server has user statuses switched off (ServiceSettings.EnableUserStatuses)")
        info = check_server(*target(server.url, rehearsal="true"))
    assert any("EnableUserStatuses is off: this rehearsal stops before the confirm" in note for note in info.notes)
